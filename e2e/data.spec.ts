import { test, expect } from './fixtures/atlas-page';
import {
  DataPage,
  META_KEY,
  badFile,
  browserToday,
  defaultDatasetText,
  type DatasetFile,
} from './fixtures/data-page';
import { CHUNKED_PREFIX } from './fixtures/constants';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DEFAULT_TEXT = defaultDatasetText();
const DEFAULT: DatasetFile = JSON.parse(DEFAULT_TEXT);
const TOTAL = DEFAULT.activities.length;

/** `count` realistic activities with a fixed seed, from the benchmark's generator (an ES module, so it
 *  runs in its own process: see docs/benchmark.md). */
function generatedText(count: number): string {
  const file = path.join(os.tmpdir(), `atlas-e2e-generated-${count}-${process.pid}.json`);
  execFileSync('node', [path.join(__dirname, '..', 'bench', 'generate.mjs'), String(count), '--out', file], { stdio: 'pipe' });
  const text = readFileSync(file, 'utf8');
  rmSync(file);
  return text;
}

/** A copy of a dataset that JSON can hold. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

/**
 * The default dataset as a colleague's browser might hold it: activities in reverse order and keys
 * this version does not know, at the top and in one activity. An export must keep all of it.
 */
function seededDataset(): DatasetFile {
  const dataset = copy(DEFAULT);
  dataset.activities.reverse();
  dataset['x-seminar'] = { room: 'B2', attendees: [3, 4] };
  dataset.activities[0]['x-reviewed-by'] = 'K. Sato';
  return dataset;
}

/** What an export of `dataset` must hold: the same content, activities ordered by id. */
function exportForm(dataset: DatasetFile): DatasetFile {
  const expected = copy(dataset);
  expected.activities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return expected;
}

test.describe('export', () => {
  test('Export JSON downloads exactly the data the app holds, deterministically', async ({ atlas }) => {
    const data = new DataPage(atlas);
    const seeded = seededDataset();
    await data.seed(seeded);
    await expect(data.lastExported).toHaveText('Not exported from this browser yet.');

    const first = await data.exportJson();
    expect(first.name).toBe(`vientiane-vision-${await browserToday(atlas.page)}.json`);
    expect(JSON.parse(first.text)).toEqual(exportForm(seeded));
    // Pretty-printed with two spaces, a trailing newline, and the format's keys first.
    expect(first.text.startsWith('{\n  "format": "vientiane-vision",\n  "version": 1,\n')).toBe(true);
    expect(first.text.endsWith('}\n')).toBe(true);
    await expect(data.lastExported).toHaveText('Last exported today.');

    const second = await data.exportJson();
    expect(second.text).toBe(first.text);
  });

  test('only a whole JSON export counts as "last exported": not a CSV, not a filtered file', async ({ atlas }) => {
    const data = new DataPage(atlas);
    await data.goto();
    await expect(data.lastExported).toHaveText('Not exported from this browser yet.');
    await data.exportCsv();
    await data.exportScope.selectOption('filtered');
    await data.exportJson();
    await expect(data.lastExported).toHaveText('Not exported from this browser yet.');
    await data.exportScope.selectOption('whole');
    await data.exportJson();
    await expect(data.lastExported).toHaveText('Last exported today.');
  });

  test('the default data exports byte for byte as the committed default file', async ({ atlas }) => {
    const data = new DataPage(atlas);
    await data.goto();
    const exported = await data.exportJson();
    expect(exported.text).toBe(DEFAULT_TEXT);
  });

  test('"last exported" counts the days since the last export', async ({ atlas, page }) => {
    const data = new DataPage(atlas);
    await data.goto();
    await page.evaluate((key) => {
      const threeDaysAgo = Date.now() - 3 * 86_400_000;
      window.localStorage.setItem(key, JSON.stringify({ lastExported: threeDaysAgo }));
    }, META_KEY);
    await atlas.reload();
    await expect(data.lastExported).toHaveText('Last exported 3 days ago.');
  });

  test('Export CSV: BOM, header and one CRLF row per activity', async ({ atlas, page }) => {
    const data = new DataPage(atlas);
    await data.goto();
    const csv = await data.exportCsv();
    expect(csv.name).toBe(`vientiane-vision-${await browserToday(page)}.csv`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(TOTAL + 1);
    expect(lines[0]).toBe(
      'id,title,summary,measures,directions,fields,scope,countries,start,end,status,confidence,partOf,followUps,sources,updated',
    );
    // Rows follow the export's order (by id), and every row starts with its activity's id.
    const ids = DEFAULT.activities.map((a) => a.id).sort();
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(ids);
    expect(text).not.toMatch(/(^|,)[=+@-]/m);
  });

  test('both exports can cover only what the filters show', async ({ atlas }) => {
    const data = new DataPage(atlas);
    await data.goto({ measure: 'CBC' });
    const expected = DEFAULT.activities
      .filter((a) => (a.measures as string[]).includes('CBC'))
      .map((a) => a.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(TOTAL);
    await expect(data.exportScope.locator('option[value="filtered"]')).toHaveText(
      `What the current filters show (${expected.length} activities)`,
    );
    await data.exportScope.selectOption('filtered');

    const json = JSON.parse((await data.exportJson()).text) as DatasetFile;
    expect(json.activities.map((a) => a.id)).toEqual(expected);
    expect(json.title).toBe(DEFAULT.title);

    const csv = (await data.exportCsv()).bytes.subarray(3).toString('utf8').split('\r\n');
    expect(csv).toHaveLength(expected.length + 2);

    await data.exportScope.selectOption('whole');
    expect(JSON.parse((await data.exportJson()).text).activities).toHaveLength(TOTAL);
  });
});

test.describe('import', () => {
  test('a round trip through the UI shows nothing to add or change, and changes nothing', async ({
    atlas,
  }) => {
    const data = new DataPage(atlas);
    const seeded = await data.seed(seededDataset());
    const exported = await data.exportJson();

    await data.importFile(exported.name, exported.text);
    expect(await data.counts()).toEqual({ added: 0, changed: 0, unchanged: TOTAL, onlyHere: 0 });
    await data.mergeButton.click();
    await expect(data.notice).toContainText('Nothing to import');
    await expect(data.preview).toBeHidden();
    // Nothing changed, so no save may come: wait as long as one would take, then check.
    await data.pastSaveDelay();
    await data.settle();
    expect(await data.stored()).toBe(seeded);
    await expect(data.undoButton).toBeHidden();
    expect((await data.exportJson()).text).toBe(exported.text);
  });

  test('merge with a conflict shows the field diff and applies the chosen side', async ({ atlas }) => {
    const data = new DataPage(atlas);
    const seeded = await data.seed(DEFAULT);
    const theirs = copy(DEFAULT);
    const target = theirs.activities[0];
    const mineTitle = target.title;
    target.title = `${mineTitle} (revised at the seminar)`;
    target.updated = '2099-01-01T00:00:00Z';
    theirs.activities.push({
      id: 'SEMINAR-001',
      title: 'Seminar on the law of the sea',
      measures: ['PIL'],
      scope: 'asean-wide',
      start: 2024,
    });

    await data.importFile('theirs.json', JSON.stringify(theirs, null, 2));
    expect(await data.counts()).toEqual({ added: 1, changed: 1, unchanged: TOTAL - 1, onlyHere: 0 });
    const change = data.change(target.id);
    await expect(change).toBeVisible();
    const titleRow = change.locator('[data-testid="diff-row"][data-field="title"]');
    await expect(titleRow.locator('td').nth(0)).toHaveText(mineTitle);
    await expect(titleRow.locator('td').nth(1)).toHaveText(target.title);
    await expect(change.locator('[data-testid="diff-row"][data-field="updated"] td').nth(1)).toHaveText(
      '2099-01-01T00:00:00Z',
    );
    // The default policy is "newer wins", and the file's version is newer.
    await expect(data.conflictPolicy).toHaveValue('newer');
    await expect(change).toHaveAttribute('data-side', 'theirs');

    // Keep mine for this record: the title stays, the new activity is still added.
    await data.choice(target.id).selectOption('mine');
    await expect(change).toHaveAttribute('data-side', 'mine');
    expect(await data.stored()).toBe(seeded);
    await data.mergeButton.click();
    await expect(data.activityCount).toHaveText(String(TOTAL + 1));
    await data.settle();
    let stored = JSON.parse((await data.stored())!) as DatasetFile;
    expect(stored.activities.find((a) => a.id === target.id)!.title).toBe(mineTitle);
    expect(stored.activities.find((a) => a.id === 'SEMINAR-001')!.title).toBe(
      'Seminar on the law of the sea',
    );

    // Undo restores the exact previous dataset.
    await data.undoButton.click();
    await expect(data.activityCount).toHaveText(String(TOTAL));
    await data.settle();
    // The app writes its own compact form; what it holds is exactly the dataset before the import.
    expect(JSON.parse((await data.stored())!)).toEqual(JSON.parse(seeded));

    // Again, taking theirs for every conflict.
    await data.importFile('theirs.json', JSON.stringify(theirs));
    await data.conflictPolicy.selectOption('theirs');
    await expect(change).toHaveAttribute('data-side', 'theirs');
    await data.mergeButton.click();
    await data.settle();
    stored = JSON.parse((await data.stored())!) as DatasetFile;
    expect(stored.activities.find((a) => a.id === target.id)!.title).toBe(target.title);
    expect(stored.activities).toHaveLength(TOTAL + 1);
  });

  test('Replace takes the file as it is, and Undo import brings everything back', async ({ atlas }) => {
    const data = new DataPage(atlas);
    const seeded = await data.seed(seededDataset());
    const before = await data.exportJson();
    const small = copy(DEFAULT);
    small.title = 'Two activities';
    small.activities = small.activities.slice(0, 2);

    await data.importFile('small.json', JSON.stringify(small));
    expect(await data.counts()).toEqual({ added: 0, changed: 0, unchanged: 2, onlyHere: TOTAL - 2 });
    await data.replaceButton.click();
    await expect(data.activityCount).toHaveText('2');
    await expect(atlas.datasetTitle).toHaveText('Two activities');
    await data.settle();
    expect(JSON.parse((await data.stored())!)).toEqual(small);

    await data.undoButton.click();
    await expect(data.activityCount).toHaveText(String(TOTAL));
    await data.settle();
    // The app writes its own compact form; what it holds is exactly the dataset before the import.
    expect(JSON.parse((await data.stored())!)).toEqual(JSON.parse(seeded));
    expect((await data.exportJson()).text).toBe(before.text);
  });

  test('10,000 activities, too many for plain storage, are saved packed and are all there after a reload', async ({
    atlas,
  }) => {
    test.setTimeout(120_000);
    const data = new DataPage(atlas);
    await data.goto();
    const text = generatedText(10_000);
    expect(text.length).toBeGreaterThan(5_242_880); // more than Chromium's local storage holds as it is
    await data.importFile('ten-thousand.json', text);
    await data.replaceButton.click();
    await expect(data.activityCount).toHaveText('10000');
    await data.settle();
    await expect(atlas.byTestId('storage-banner')).toHaveCount(0);
    const stored = (await data.stored())!;
    expect(stored.startsWith(CHUNKED_PREFIX)).toBe(true);
    expect(stored.length).toBeLessThan(text.length / 5);

    await atlas.reload();
    await expect(data.activityCount).toHaveText('10000');
    expect(JSON.parse((await data.exportJson()).text)).toEqual(exportForm(JSON.parse(text)));
  });

  test('a cancelled import changes nothing', async ({ atlas }) => {
    const data = new DataPage(atlas);
    const seeded = await data.seed(seededDataset());
    const theirs = seededDataset();
    theirs.activities = theirs.activities.slice(5);
    theirs.activities[0].title = 'Changed';

    await data.importPasted(JSON.stringify(theirs));
    expect(await data.counts()).toEqual({ added: 0, changed: 1, unchanged: TOTAL - 6, onlyHere: 5 });
    await data.cancelButton.click();
    await expect(data.preview).toBeHidden();
    await data.pastSaveDelay();
    expect(await data.stored()).toBe(seeded);
    await expect(data.activityCount).toHaveText(String(TOTAL));
  });

  /** Bad files of the shared corpus, with a phrase the error list must show. */
  const BAD_FILES: [string, RegExp][] = [
    ['truncated.json', /may be truncated at line 8, column 14/],
    ['not-json.txt', /not valid JSON: expected value at line 1, column 1/],
    ['utf16le.json', /UTF-16/],
    ['spreadsheet.xlsx', /not text/],
    ['geojson.json', /keys type, features, probably from another tool/],
    ['array.json', /JSON array of 2 elements, not a dataset/],
    ['newer-version.json', /format version 2[\s\S]*reads version 1 only/],
    ['bad-measure.json', /"XYZ" is not PIL, CBC, DETC, JTE or HRDAE\s*at activities\[0\]\.measures\[0\]/],
    ['javascript-url.json', /"javascript:" scheme/],
    ['duplicate-ids.json', /"A-1" is used by an earlier activity[\s\S]*at activities\[1\]\.id/],
    ['end-before-start.json', /2018 is before the start year 2020/],
  ];

  test('bad files show every error and leave the data byte-identical', async ({ atlas }) => {
    const data = new DataPage(atlas);
    const seeded = await data.seed(seededDataset());
    for (const [name, message] of BAD_FILES) {
      await data.importFile(name, badFile(name));
      await expect(data.errors, name).toBeVisible();
      await expect(data.errors, name).toContainText(`“${name}” was not imported`);
      await expect(data.errors, name).toContainText(message);
      await expect(data.errors, name).toContainText('Nothing has changed');
      await expect(data.preview).toBeHidden();
      await expect(data.activityCount).toHaveText(String(TOTAL));
    }
    await data.pastSaveDelay();
    expect(await data.stored()).toBe(seeded);
    expect(JSON.parse((await data.exportJson()).text)).toEqual(exportForm(JSON.parse(seeded)));
  });

  test('a syntax error shows the offending line with a caret, apart from its message', async ({ atlas }) => {
    const data = new DataPage(atlas);
    await data.seed(DEFAULT);
    await data.importPasted('{\n  "title": "x",\n  "activities": [1,, 2]\n}');
    const message = 'This is not valid JSON: expected value at line 3, column 20';
    await expect(data.errors.locator('.import-problem__message')).toHaveText(message);
    const snippet = data.errors.getByTestId('import-error-snippet');
    await expect(snippet).toHaveCount(1);
    // The caret sits under the second comma, column 20 of the line.
    expect(await snippet.textContent()).toBe(`  "activities": [1,, 2]\n${' '.repeat(19)}^`);
  });

  test('300 copies of one mistake are grouped with a count, not listed 300 times', async ({ atlas }) => {
    const data = new DataPage(atlas);
    const seeded = await data.seed(DEFAULT);
    await data.importFile('many-errors.json', badFile('many-errors.json'));
    await expect(data.errors).toHaveAttribute('data-errors', '300');
    await expect(data.errors).toContainText('300 errors found');
    const items = data.errors.locator('li');
    await expect(items).toHaveCount(1);
    await expect(items.first()).toHaveAttribute('data-count', '300');
    await expect(items.first()).toContainText(
      '300 places: activities[0].measures[0], activities[1].measures[0]',
    );
    await expect(items.first()).toContainText('and 295 more');
    expect(await data.stored()).toBe(seeded);
  });

  test('warnings are shown but do not block', async ({ atlas }) => {
    const data = new DataPage(atlas);
    await data.goto();
    await data.importFile('warnings-only.json', badFile('warnings-only.json'));
    await expect(data.errors).toBeHidden();
    expect(await data.counts()).toEqual({ added: 1, changed: 0, unchanged: 0, onlyHere: TOTAL });
    await expect(data.warnings).toHaveAttribute('data-count', '2');
    await expect(data.warnings).toContainText('Timor-Leste joined ASEAN only in 2025');
    await data.mergeButton.click();
    await expect(data.activityCount).toHaveText(String(TOTAL + 1));
  });

  test('a file dropped on another view opens its preview in the Data view', async ({ atlas, page }) => {
    const data = new DataPage(atlas);
    await atlas.goto({ view: 'map' });
    const theirs = copy(DEFAULT);
    theirs.activities.push({
      id: 'DROPPED-1',
      title: 'Dropped activity',
      measures: ['JTE'],
      scope: 'member-states',
      countries: ['PHL'],
      start: 2025,
    });
    await data.dropFile('dropped.json', JSON.stringify(theirs));
    await expect(atlas.byTestId('nav-data')).toHaveAttribute('aria-current', 'page');
    expect(await data.counts()).toEqual({ added: 1, changed: 0, unchanged: TOTAL, onlyHere: 0 });
    await expect(data.preview).toContainText('Preview of “dropped.json”');
    await expect(page.locator('#import-preview-title')).toBeFocused();
    await expect(atlas.byTestId('drop-overlay')).toBeHidden();
    expect(await data.stored()).toBeNull();
  });
});
