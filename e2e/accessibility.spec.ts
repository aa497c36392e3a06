import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { test, expect, AtlasPage } from './fixtures/atlas-page';
import { DataPage, defaultDatasetText } from './fixtures/data-page';

/**
 * WCAG 2.0, 2.1 and 2.2 A and AA, measured by axe-core on the release build: every view and the main
 * dialogs, at a laptop's 1280 × 800 and a phone's 390 px. A violation of impact serious or critical
 * fails the test; the others are printed (see docs/accessibility.md).
 */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const VIEWS = ['map', 'matrix', 'activities', 'trends', 'report', 'vision', 'data'] as const;
const WIDTHS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const describe = (v: (typeof result.violations)[number]) =>
    `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes
      .slice(0, 3)
      .map((node) => node.target.join(' '))
      .join(' | ')}`;
  const minor = result.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  for (const v of minor) console.log(`axe, ${what}: ${describe(v)}`);
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  // The rules really ran: a page axe could not read would pass with no violations at all.
  expect(result.passes.length, `${what}: axe checked nothing`).toBeGreaterThan(10);
  expect(serious.map(describe), `${what}: serious or critical violations`).toEqual([]);
}

/** The main dialogs, each opened as a user opens it, on the view it belongs to. */
const DIALOGS: Record<string, (atlas: AtlasPage) => Promise<void>> = {
  'country panel': async (atlas) => {
    await atlas.goto({ view: 'map' });
    // Opened from the keyboard, as the map's places are buttons.
    await atlas.page.locator('svg [data-country="VNM"]').first().focus();
    await atlas.page.keyboard.press('Enter');
    await expect(atlas.byTestId('country-panel')).toBeVisible();
  },
  editor: async (atlas) => {
    await atlas.goto({ view: 'activities' });
    await atlas.byTestId('activity-edit').first().click();
    await expect(atlas.byTestId('activity-editor')).toBeVisible();
  },
  'import preview': async (atlas) => {
    const data = new DataPage(atlas);
    await data.goto();
    const theirs = JSON.parse(defaultDatasetText());
    theirs.activities[0].title = `${theirs.activities[0].title} (revised)`;
    await data.importFile('theirs.json', JSON.stringify(theirs));
    await expect(data.preview).toBeVisible();
  },
  'reset confirmation': async (atlas) => {
    await atlas.goto({ view: 'data' });
    await atlas.byTestId('reset-sample').click();
    await expect(atlas.byTestId('reset-sample-confirm')).toBeVisible();
  },
};

for (const size of WIDTHS) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    for (const view of VIEWS) {
      test(`the ${view} view has no serious violation`, async ({ atlas }) => {
        await atlas.goto({ view });
        await expect(atlas.page.locator('main')).toBeVisible();
        await expectNoSeriousViolations(atlas.page, `${view}, ${size.name}`);
      });
    }

    for (const [dialog, open] of Object.entries(DIALOGS)) {
      test(`the ${dialog} has no serious violation`, async ({ atlas }) => {
        await open(atlas);
        await expectNoSeriousViolations(atlas.page, `${dialog}, ${size.name}`);
      });
    }
  });
}
