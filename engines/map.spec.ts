import { activitiesBehind, defaultActivities, MEMBER_STATES, sortedByYear } from '../e2e/fixtures/map-page';
import { defaultDataset } from './fixtures/files';
import { Origin } from 'selenium-webdriver';

import { test, expect } from './fixtures/engines';

// Items 1 and 2 of the cross-engine suite: the first load, and the list behind a member state's number.

// What the counts see: a programme once with its dated events (the header counts the records).
const DEFAULT = defaultActivities();
const RECORDS = defaultDataset().activities.length;

test.describe('first load', () => {
  test('shows the map with every member state, the default count, and logs no error', async ({ atlas }) => {
    await atlas.goto();
    await expect.poll(() => atlas.isShown('asean-map')).toBe(true);
    expect(await atlas.activityCount()).toBe(RECORDS);
    // Every member state is drawn and coloured by the number the model gives it (all measures).
    for (const code of MEMBER_STATES) {
      expect(await atlas.countOf(code), code).toBe(activitiesBehind(DEFAULT, code, { measure: 'ALL' }).length);
    }
    expect(await atlas.title()).not.toBe('');
    // The fixture fails the test on any console error or uncaught exception; none so far either.
    expect(await atlas.pageIssues()).toEqual([]);
  });
});

test.describe('the console watch', () => {
  // The check of item 1 must be able to fail on every engine: it sees a console error and an
  // uncaught exception (these two are then allowed, so this test passes).
  test.use({ allowedPageIssues: [/engine-suite probe/] });

  test('sees a console error and an uncaught exception', async ({ atlas }) => {
    await atlas.goto();
    await atlas.script(`
      console.error('engine-suite probe: console');
      setTimeout(() => { throw new Error('engine-suite probe: uncaught'); }, 0);`);
    await expect
      .poll(async () => (await atlas.pageIssues()).filter((issue) => issue.includes('engine-suite probe')).length)
      .toBe(2);
  });
});

test.describe('the list behind a number', () => {
  for (const code of ['VNM', 'IDN', 'PHL']) {
    test(`clicking ${code} inside its shape lists exactly the activities behind its count`, async ({ atlas }) => {
      await atlas.goto({ view: 'map' });
      const expected = sortedByYear(activitiesBehind(DEFAULT, code, { measure: 'ALL' })).map((a) => a.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(await atlas.countOf(code)).toBe(expected.length);
      await atlas.clickCountry(code);
      await expect.poll(() => atlas.isShown('country-panel')).toBe(true);
      await expect.poll(() => atlas.panelRowIds()).toEqual(expected);
      // The address is written after the next frame.
      await expect.poll(async () => (await atlas.url()).searchParams.get('country')).toBe(code);
    });
  }
});

test.describe('the rings of the small states', () => {
  for (const code of ['SGP', 'BRN']) {
    test(`${code}'s ring answers at sea, and the land under it stays its own state's`, async ({ atlas }) => {
      await atlas.goto({ view: 'map' });
      // Points all round the ring, each with the state whose drawn land holds it (the engine's own
      // point-in-fill test) and what the engine's hit test finds there.
      const samples = await atlas.script<{ x: number; y: number; coast: boolean; land: string | null; hit: string | null }[]>(
        `const code = arguments[0];
         const svg = document.querySelector('svg[data-testid="asean-map"]');
         const target = svg.querySelector('[data-hit-disc="' + code + '"]');
         target.scrollIntoView({ block: 'center' });
         const box = target.getBoundingClientRect();
         const toMap = svg.getScreenCTM().inverse();
         const lands = Array.from(svg.querySelectorAll('g[data-country] path'));
         const out = [];
         for (let step = 0; step < 36; step++) {
           for (const reach of [0.5, 0.8]) {
             const angle = (step * Math.PI) / 18;
             const x = Math.round(box.x + box.width / 2 + Math.cos(angle) * reach * (box.width / 2));
             const y = Math.round(box.y + box.height / 2 + Math.sin(angle) * reach * (box.height / 2));
             const landAt = (px, py) => lands.find((path) => path.isPointInFill(new DOMPoint(px, py).matrixTransform(toMap)));
             const land = landAt(x, y);
             // Within a pixel and a half of a coast, engines may hit-test either side of it.
             const coast = [[-1.5, 0], [1.5, 0], [0, -1.5], [0, 1.5], [-1, -1], [1, 1], [-1, 1], [1, -1]]
               .some(([dx, dy]) => landAt(x + dx, y + dy) !== land);
             const at = document.elementFromPoint(x, y);
             const ring = at && (at.closest('[data-hit-target]') || at.closest('[data-hit-disc]'));
             const state = at && at.closest('[data-country]');
             out.push({
               x, y, coast,
               land: land ? land.closest('[data-country]').getAttribute('data-country') : null,
               hit: ring ? ring.getAttribute('data-hit-target') || ring.getAttribute('data-hit-disc') : state ? state.getAttribute('data-country') : null,
             });
           }
         }
         return out;`,
        code,
      );
      const inland = samples.filter((s) => s.land !== null && s.land !== code && !s.coast);
      expect(inland.length, `${code}'s ring reaches inland`).toBeGreaterThan(0);
      for (const s of inland) {
        expect(s.hit, `a point on ${s.land}`).not.toBe(code);
      }
      const atSea = samples.filter((s) => s.land === null);
      expect(atSea.length).toBeGreaterThan(samples.length / 3);
      expect(atSea.filter((s) => s.hit === code || s.coast).length).toBeGreaterThanOrEqual(atSea.length * 0.9);
      // A click at sea inside the ring opens the small state's panel.
      const sea = atSea.find((s) => s.hit === code && !s.coast)!;
      await atlas.driver.actions().move({ x: sea.x, y: sea.y, origin: Origin.VIEWPORT }).click().perform();
      await expect.poll(() => atlas.attribute('country-panel', 'data-place')).toBe(code);
    });
  }
});
