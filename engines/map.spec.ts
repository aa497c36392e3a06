import { activitiesBehind, defaultActivities, MEMBER_STATES, sortedByYear } from '../e2e/fixtures/map-page';
import { defaultDataset } from './fixtures/files';
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
