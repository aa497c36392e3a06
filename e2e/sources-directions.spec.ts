import { test, expect } from './fixtures/atlas-page';
import { ActivitiesPage, defaultDataset, type ActivityRecord } from './fixtures/activities-page';
import { ChartsPage, ROWS } from './fixtures/charts-page';
import { activitiesBehind, defaultActivities as countedDefault, MapPage } from './fixtures/map-page';
import { countedActivities, programmeOf } from './fixtures/programmes';

// Expected values are computed here from src/model/default_dataset.json, independently of the app.
const ALL = defaultDataset().activities;
const TOTAL = ALL.length;
const DIRECTIONS = ['rule-of-law', 'maritime-security', 'diverse-capabilities'] as const;

/** docs/data.md's rule, restated: government and military domains, and ASEAN and the UN. */
function isOfficial(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return false;
  }
  const labels = host.split('.');
  const top = labels[labels.length - 1];
  if (labels.length >= 2 && ['gov', 'mil', 'int'].includes(top)) return true;
  if (labels.length >= 3 && /^[a-z]{2}$/.test(top) && ['gov', 'go', 'mil'].includes(labels[labels.length - 2])) {
    return true;
  }
  return ['asean.org', 'un.org'].some((d) => host === d || host.endsWith(`.${d}`));
}

type WithFollowUps = ActivityRecord & {
  followUps?: { sources?: { url: string }[] }[];
  directions?: string[];
  directionsDerived?: boolean;
};

function officiallyBacked(a: WithFollowUps): boolean {
  const urls = [...(a.sources ?? []), ...(a.followUps ?? []).flatMap((f) => f.sources ?? [])].map((s) => s.url);
  return urls.some(isOfficial);
}

const records = ALL as WithFollowUps[];
const OFFICIAL = records.filter(officiallyBacked);

test.describe('official and secondary sources', () => {
  test('every source link says its kind, and backed activities carry the badge', async ({ atlas }) => {
    const activities = new ActivitiesPage(atlas);
    await activities.goto({ q: 'VV-003' });
    await activities.expectCount(1, TOTAL);
    const row = activities.row('VV-003');
    await expect(row.getByTestId('official-badge')).toHaveText('official source');
    await row.getByTestId('activity-toggle').click();
    const links = row.locator('a.source-link');
    const expected = records.find((a) => a.id === 'VV-003')!.sources!;
    await expect(links).toHaveCount(expected.length);
    for (const [i, source] of expected.entries()) {
      await expect(links.nth(i)).toHaveAttribute('href', source.url);
      await expect(links.nth(i)).toHaveAttribute('data-source-kind', isOfficial(source.url) ? 'official' : 'secondary');
    }
    // Both kinds occur on this record: the MOD's page and a news site.
    await expect(row.locator('a[data-source-kind="official"]')).toHaveCount(1);
    await expect(row.locator('a[data-source-kind="secondary"]')).toHaveCount(1);

    // A record with secondary sources only has no badge.
    const secondaryOnly = records.find((a) => !officiallyBacked(a))!;
    await activities.search.fill(secondaryOnly.id);
    await activities.expectCount(1, TOTAL);
    await expect(activities.row(secondaryOnly.id).getByTestId('official-badge')).toHaveCount(0);
  });

  test('a dated event is its own record with its sources, part of its programme', async ({ atlas }) => {
    const activities = new ActivitiesPage(atlas);
    const programmes = programmeOf(records);
    const event = records.find((a) => a.id === 'VV2-A026')!;
    const programme = programmes.get(event.id)!;
    expect(programme.id).toBe('VV-059');
    const events = records.filter((a) => programmes.get(a.id) === programme);
    expect(events.length).toBe(6);
    // Open the event: its own sources, marked, and "part of" its programme.
    await activities.goto({ q: event.id });
    await activities.expectCount(1, TOTAL);
    const row = activities.row(event.id);
    await row.getByTestId('activity-toggle').click();
    const links = row.locator('a.source-link');
    await expect(links).toHaveCount(event.sources!.length);
    for (const [i, source] of event.sources!.entries()) {
      await expect(links.nth(i)).toHaveAttribute('data-source-kind', isOfficial(source.url) ? 'official' : 'secondary');
    }
    const partOf = row.getByTestId('part-of');
    await expect(partOf).toHaveText(`part of “${programme.title}”`);
    // Follow it: the programme and its dated events, the programme saying how many.
    await partOf.click();
    await activities.expectCount(events.length + 1, TOTAL);
    await expect.poll(() => atlas.queryParams().get('q')).toBe(programme.id);
    expect((await activities.rowIds()).sort()).toEqual([programme.id, ...events.map((e) => e.id)].sort());
    await expect(activities.row(programme.id).getByTestId('event-count')).toHaveText(`${events.length} dated events`);
    await expect(activities.row(programme.id).getByTestId('part-of')).toHaveCount(0);
    await expect(activities.row(event.id).getByTestId('event-count')).toHaveCount(0);
  });

  test("a map count is the number of counted records behind it, a programme once with its events", async ({ atlas }) => {
    const map = new MapPage(atlas);
    const counted = countedDefault();
    const all = { measure: 'ALL' };
    const expected = activitiesBehind(counted, 'KHM', all);
    // Independently: Cambodia's records, minus the dated events whose programme is listed.
    const programmes = programmeOf(records);
    const cambodia = records.filter((a) => a.scope === 'member-states' && (a.countries ?? []).includes('KHM'));
    const events = cambodia.filter((a) => programmes.has(a.id));
    expect(events.length).toBeGreaterThan(0);
    expect(expected.length).toBe(cambodia.length - events.length);
    expect(countedActivities(records).length).toBe(225);
    await map.open();
    await expect(map.country('KHM')).toHaveAttribute('data-count', String(expected.length));
    await map.clickCountry('KHM');
    await expect(map.activityRows).toHaveCount(expected.length);
    expect((await map.rowIds()).sort()).toEqual(expected.map((a) => a.id).sort());
    // The programme's row says how many dated events count with it and lists them under it.
    const row = map.panel.locator('[data-testid="activity-row"][data-activity-id="VV-059"]');
    await expect(row.getByTestId('event-count')).toHaveText('6 dated events');
    await expect(row.getByTestId('panel-event')).toHaveCount(6);
  });

  test('"Backed by an official source" narrows the list and lives in the URL', async ({ atlas }) => {
    expect(OFFICIAL.length).toBeGreaterThan(0);
    expect(OFFICIAL.length).toBeLessThan(TOTAL);
    const activities = new ActivitiesPage(atlas);
    await activities.goto();
    const official = atlas.page.locator('input[type=checkbox][data-testid="filter-official"]');
    await official.check();
    await activities.expectCount(OFFICIAL.length, TOTAL);
    await expect.poll(() => atlas.queryParams().get('official')).toBe('1');
    // Every row shown carries the badge.
    const shown = await activities.rows.count();
    await expect(activities.rows.getByTestId('official-badge')).toHaveCount(shown);
    await atlas.reload();
    await expect(official).toBeChecked();
    await activities.expectCount(OFFICIAL.length, TOTAL);
    await official.uncheck();
    await activities.expectCount(TOTAL, TOTAL);
  });
});

test.describe('the three directions', () => {
  test('the direction filter lists the activities of a direction', async ({ atlas }) => {
    const activities = new ActivitiesPage(atlas);
    await activities.goto();
    const select = atlas.page.locator('select[data-testid="filter-direction"]');
    for (const direction of DIRECTIONS) {
      const expected = records.filter((a) => (a.directions ?? []).includes(direction));
      expect(expected.length, direction).toBeGreaterThan(0);
      await select.selectOption(direction);
      await activities.expectCount(expected.length, TOTAL);
      await expect.poll(() => atlas.queryParams().get('direction')).toBe(direction);
    }
    // With the official filter too: both apply.
    await atlas.page.getByTestId('filter-official').check();
    const both = records.filter((a) => (a.directions ?? []).includes('diverse-capabilities') && officiallyBacked(a));
    await activities.expectCount(both.length, TOTAL);
  });

  test('derived directions are marked until the user edits them', async ({ atlas }) => {
    const derived = records.find((a) => a.directionsDerived === true && (a.directions ?? []).length < 3)!;
    const activities = new ActivitiesPage(atlas);
    await activities.goto({ q: derived.id });
    const row = activities.row(derived.id);
    await row.getByTestId('activity-toggle').click();
    await expect(row.getByTestId('activity-directions')).toContainText('derived from measures and fields');
    await row.getByTestId('activity-edit').click();
    const hint = atlas.byTestId('editor-directions-derived');
    await expect(hint).toBeVisible();
    for (const d of derived.directions ?? []) {
      await expect(activities.editor.locator(`input[name="directions"][value="${d}"]`)).toBeChecked();
    }
    const other = DIRECTIONS.find((d) => !(derived.directions ?? []).includes(d))!;
    await activities.editor.locator(`input[name="directions"][value="${other}"]`).check();
    await expect(hint).toHaveCount(0);
    await activities.saveButton.click();
    await expect(activities.editor).toBeHidden();
    await activities.waitUntilSaved();
    const stored = await activities.storedDataset();
    const saved = stored!.activities.find((a) => a.id === derived.id)!;
    expect(saved.directions).toContain(other);
    expect(saved.directionsDerived).toBeUndefined();
  });

  test('countries × directions: every cell holds its count and lists its activities', async ({ atlas }) => {
    const charts = new ChartsPage(atlas);
    await charts.openMatrix();
    await atlas.byTestId('matrix-mode-directions').check();
    await expect(charts.matrix).toHaveAttribute('data-mode', 'directions');
    const heads = await charts.matrix.locator('thead th[data-col]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-col')));
    expect(heads).toEqual([...DIRECTIONS, 'NONE', 'TOTAL']);
    const inRow = (a: WithFollowUps, row: string) =>
      row === 'ASEAN' ? a.scope === 'asean-wide' : a.scope === 'member-states' && (a.countries ?? []).includes(row);
    // The matrix counts activities: a programme once, covering its dated events.
    const counted = countedActivities(records);
    for (const row of ROWS) {
      for (const col of [...DIRECTIONS, 'NONE', 'TOTAL']) {
        const expected = counted.filter(
          (a) =>
            inRow(a, row) &&
            (col === 'TOTAL' || (col === 'NONE' ? (a.directions ?? []).length === 0 : (a.directions ?? []).includes(col))),
        ).length;
        expect(await charts.cellCount(row, col), `${row} × ${col}`).toBe(expected);
      }
    }
    // A cell lists exactly its activities.
    const cell = charts.cell('VNM', 'maritime-security');
    const count = Number(await cell.getAttribute('data-count'));
    expect(count).toBeGreaterThan(0);
    await cell.locator('button').click();
    await expect(charts.selection.getByTestId('activity-row')).toHaveCount(count);
  });
});
