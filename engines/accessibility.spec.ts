import { test, expect } from './fixtures/engines';

// axe-core's WCAG 2.0/2.1/2.2 A and AA rules on every view, in English and in Japanese, on each engine
// of the suite (Chromium, Firefox, WebKit): the Chromium e2e suite (e2e/accessibility.spec.ts) also
// opens the dialogs and the phone width; this one checks that what passes there passes on the other
// engines' own rendering (colours, sizes, names). Serious and critical violations fail; the rest is
// printed.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const VIEWS = ['map', 'matrix', 'activities', 'trends', 'report', 'vision', 'data'];

for (const lang of ['en', 'ja']) {
  test(`every view in lang=${lang} has no serious or critical axe violation`, async ({ atlas, engine }) => {
    test.setTimeout(180_000);
    const serious: string[] = [];
    for (const view of VIEWS) {
      await atlas.goto({ view, lang });
      await expect.poll(() => atlas.script<string>('return document.documentElement.lang')).toBe(lang);
      await expect.poll(() => atlas.isShown('nav-map')).toBe(true);
      const result = await atlas.axe(WCAG_TAGS);
      expect(result.passes, `${view}: axe checked nothing`).toBeGreaterThan(10);
      for (const v of result.violations) {
        const line = `${engine} ${lang} ${view}: ${v.impact} ${v.id} (${v.nodes}): ${v.targets.join(' | ')}`;
        if (v.impact === 'serious' || v.impact === 'critical') serious.push(line);
        else console.log(`axe, ${line}`);
      }
    }
    expect(serious).toEqual([]);
  });
}
