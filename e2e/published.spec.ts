import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { test, expect } from './fixtures/atlas-page';
import { DataPage, badFile, defaultDatasetText, type DatasetFile } from './fixtures/data-page';
import { expectNoSeriousViolations } from './fixtures/axe';
import { serveCopyOfBuild, waitForActiveWorker, type ServedCopy } from './fixtures/pwa';

// Published datasets: an organiser puts dataset files beside the app on its static host, and
// `?dataset=<relative path>` or the catalogue `datasets/index.json` opens the usual import preview.
// The spec serves its own copy of the build, so that it can publish files into it (also under the
// sub-path /nested/app/, where the links must resolve against the app's folder).

const DEFAULT: DatasetFile = JSON.parse(defaultDatasetText());
const TOTAL = DEFAULT.activities.length;

/** The organiser's dataset: one activity retitled and one added, beside the default ones. */
function seminarDataset(): DatasetFile {
  const dataset: DatasetFile = JSON.parse(JSON.stringify(DEFAULT));
  dataset.title = 'Seminar 2026';
  dataset.activities[0].title = 'Retitled for the seminar';
  const added = JSON.parse(JSON.stringify(DEFAULT.activities[1]));
  added.id = 'seminar-2026-added';
  added.title = 'Added for the seminar';
  dataset.activities.push(added);
  return dataset;
}

const CATALOGUE = {
  datasets: [
    {
      title: 'Seminar, 3 December 2026',
      file: 'datasets/seminar.json',
      description: 'The dataset of the morning session.',
      updated: '2026-12-01',
    },
    { title: 'A broken file', file: 'datasets/broken.json' },
    { title: 'Somewhere else', file: 'https://example.org/elsewhere.json' },
  ],
};

let served: ServedCopy | undefined;
let base = '';

test.beforeAll(async () => {
  served = await serveCopyOfBuild('published', ['--also-under', '/nested/app/']);
  base = served.baseUrl;
  const folder = join(served.dir, 'datasets');
  mkdirSync(folder);
  writeFileSync(join(folder, 'seminar.json'), JSON.stringify(seminarDataset()));
  writeFileSync(join(folder, 'second.json'), JSON.stringify(seminarDataset()));
  writeFileSync(join(folder, 'broken.json'), badFile('truncated.json'));
  writeFileSync(join(folder, 'page.html'), '<!doctype html><title>Not a dataset</title>');
  writeFileSync(join(folder, 'index.json'), JSON.stringify(CATALOGUE));
});

test.afterAll(() => served?.stop());

/** Every request the page makes, to prove that none leaves the origin. */
function requestsOf(page: import('@playwright/test').Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

test.describe('?dataset= opens the import preview', () => {
  test('a good file is previewed, Cancel changes nothing and leaves the address', async ({ atlas, page }) => {
    const data = new DataPage(atlas);
    await page.goto(`${base}?view=map`);
    await atlas.waitForApp();
    const before = await data.stored();

    await page.goto(`${base}?view=map&dataset=datasets%2Fseminar.json`);
    await atlas.waitForApp();
    // The Data view opens, where the choices are, with the counts of the organiser's file.
    await expect(page.locator('.view--data')).toBeVisible();
    expect(await data.counts()).toEqual({ added: 1, changed: 1, unchanged: TOTAL - 1, onlyHere: 0 });
    await expect(data.preview).toContainText('datasets/seminar.json');
    await expect(page).toHaveURL(/[?&]dataset=datasets%2Fseminar\.json/);

    await data.cancelButton.click();
    await expect(data.preview).toBeHidden();
    await expect(page).not.toHaveURL(/dataset=/);
    await data.pastSaveDelay();
    expect(await data.stored()).toBe(before);
    await expect(data.activityCount).toHaveText(String(TOTAL));
    // A reload after Cancel does not ask again.
    await atlas.reload();
    await expect(data.preview).toHaveCount(0);
  });

  test('Merge applies the file as one undoable step and clears the address', async ({ atlas, page }) => {
    const data = new DataPage(atlas);
    await page.goto(`${base}?dataset=datasets/seminar.json`);
    await atlas.waitForApp();
    await expect(data.preview).toBeVisible();
    await data.mergeButton.click();
    await expect(data.activityCount).toHaveText(String(TOTAL + 1));
    await expect(page).not.toHaveURL(/dataset=/);
    await data.settle();
    // The added activity is stored; the retitled one has no "updated" on either side, so the default
    // policy keeps the local title.
    const stored: DatasetFile = JSON.parse((await data.stored()) ?? '{}');
    expect(stored.activities.map((activity) => activity.id)).toContain('seminar-2026-added');
    expect(stored.activities[0].title).toBe(DEFAULT.activities[0].title);

    await data.undoButton.click();
    await expect(data.activityCount).toHaveText(String(TOTAL));
    await data.settle();
    expect((await data.stored()) ?? '').not.toContain('seminar-2026-added');
  });

  test('a bad file shows the located error and changes nothing', async ({ atlas, page }) => {
    const data = new DataPage(atlas);
    await page.goto(`${base}?dataset=datasets/broken.json`);
    await atlas.waitForApp();
    await expect(data.errors).toBeVisible();
    await expect(data.errors).toContainText('datasets/broken.json');
    await expect(data.errors).toContainText(/may be truncated at line 8, column 14/);
    await expect(data.preview).toHaveCount(0);
    await data.pastSaveDelay();
    expect(await data.stored()).toBeNull();
  });

  const REFUSED: [string, RegExp][] = [
    ['https://example.org/seminar.json', /is on another site/],
    ['//example.org/seminar.json', /is on another site/],
    ['data:application/json,{}', /is on another site/],
    ['javascript:alert(1)', /is on another site/],
    ['/datasets/seminar.json', /starts with “\/”/],
    ['../seminar.json', /leaves the app's folder/],
    ['datasets/%2e%2e/%2e%2e/seminar.json', /leaves the app's folder/],
    ['datasets\\seminar.json', /a control character or a backslash/],
    ['', /is empty/],
  ];
  for (const [link, message] of REFUSED) {
    test(`the link ${JSON.stringify(link)} is refused before anything is fetched`, async ({ atlas, page }) => {
      const data = new DataPage(atlas);
      const requests = requestsOf(page);
      await page.goto(`${base}?dataset=${encodeURIComponent(link)}`);
      await atlas.waitForApp();
      await expect(data.errors).toBeVisible();
      await expect(data.errors).toContainText(message);
      await expect(data.preview).toHaveCount(0);
      expect(requests.filter((url) => !url.startsWith(base))).toEqual([]);
      // The page's own address holds the link; no request was made for the file itself.
      expect(requests.filter((url) => new URL(url).pathname.includes('seminar'))).toEqual([]);
    });
  }

  test.describe('answers that are no dataset', () => {
    // Chromium logs the 404 of a missing file by itself.
    test.use({ allowedPageIssues: [/status of 404/] });

    test('a missing file and a page that is no dataset get their messages', async ({ atlas, page }) => {
      const data = new DataPage(atlas);
      await page.goto(`${base}?dataset=datasets/missing.json`);
      await atlas.waitForApp();
      await expect(data.errors).toContainText(
        'There is no file “datasets/missing.json” on this site (404).',
      );
      await page.goto(`${base}?dataset=datasets/page.html`);
      await atlas.waitForApp();
      await expect(data.errors).toContainText(/“datasets\/page\.html” is not a dataset file: the site sent it as “text\/html/);
      await page.goto(`${base}?dataset=datasets/missing.json&lang=ja`);
      await atlas.waitForApp();
      await expect(data.errors).toContainText('このサイトにファイル');
      await expect(data.errors).toContainText('（404）');
    });
  });

  test('the address handed to an audience leaves the published file out', async ({ atlas, page }) => {
    await page.goto(`${base}?view=map&dataset=datasets/seminar.json`);
    await atlas.waitForApp();
    await expect(page.getByTestId('import-preview')).toBeVisible();
    await page.getByTestId('share-view').click();
    const shared = await page.getByTestId('share-address').inputValue();
    expect(shared).toContain('view=data');
    expect(shared).not.toContain('dataset');
  });

  test('under a sub-path the link is read relative to the app', async ({ atlas, page }) => {
    const data = new DataPage(atlas);
    const requests = requestsOf(page);
    await page.goto(`${base}nested/app/?dataset=datasets/seminar.json`);
    await atlas.waitForApp();
    expect(await data.counts()).toEqual({ added: 1, changed: 1, unchanged: TOTAL - 1, onlyHere: 0 });
    expect(requests).toContain(`${base}nested/app/datasets/seminar.json`);
  });
});

test.describe('the catalogue', () => {
  test('lists the published datasets, reports the entries left out, and previews one', async ({ atlas, page }) => {
    const data = new DataPage(atlas);
    await page.goto(`${base}?view=data`);
    await atlas.waitForApp();
    const list = page.getByTestId('published-datasets');
    await expect(list).toBeVisible();
    const entries = list.getByTestId('published-entry');
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText('Seminar, 3 December 2026');
    await expect(entries.nth(0)).toContainText('The dataset of the morning session.');
    await expect(entries.nth(0)).toContainText('datasets/seminar.json');
    await expect(entries.nth(0).locator('time')).toHaveAttribute('datetime', '2026-12-01');
    // The third entry points to another site: left out, located by its JSON path.
    const leftOut = list.getByTestId('published-left-out');
    await expect(leftOut).toContainText('datasets[2].file');
    await expect(leftOut).toContainText(/is on another site/);

    await entries.nth(0).getByTestId('published-preview').click();
    expect(await data.counts()).toEqual({ added: 1, changed: 1, unchanged: TOTAL - 1, onlyHere: 0 });
    await expect(page).toHaveURL(/dataset=datasets%2Fseminar\.json/);

    // Another entry's file is bad: its located error replaces the preview.
    await entries.nth(1).getByTestId('published-preview').click();
    await expect(data.errors).toContainText(/may be truncated at line 8, column 14/);
    await expect(data.preview).toHaveCount(0);
    await expect(page).toHaveURL(/dataset=datasets%2Fbroken\.json/);
    await page.getByTestId('import-errors-dismiss').click();
    await expect(page).not.toHaveURL(/dataset=/);
  });

  test('is listed in Japanese', async ({ atlas, page }) => {
    await page.goto(`${base}?view=data&lang=ja`);
    await atlas.waitForApp();
    const list = page.getByTestId('published-datasets');
    await expect(list.locator('h3')).toHaveText('公開データセット');
    await expect(list.getByTestId('published-preview').first()).toHaveText('プレビュー');
    await expect(list.getByTestId('published-entry').first().locator('time')).toHaveText(/2026年12月1日/);
  });

  for (const [name, width, height] of [['laptop', 1280, 800], ['phone', 390, 844]] as const) {
    for (const lang of ['en', 'ja']) {
      test(`has no serious accessibility violation (${name}, ${lang})`, async ({ atlas, page }) => {
        await page.setViewportSize({ width, height });
        await page.goto(`${base}?view=data&lang=${lang}`);
        await atlas.waitForApp();
        await expect(page.getByTestId('published-entry')).toHaveCount(2);
        await expect(page.getByTestId('published-left-out')).toBeVisible();
        await expectNoSeriousViolations(page, `published datasets, ${name}, ${lang}`);
      });
    }
  }

  test('a site without a catalogue shows no section, and the probe does not stay open', async ({ atlas, page }) => {
    // The shared server hosts the build alone: no datasets/ folder.
    const isProbe = (url: string) => url.endsWith('/datasets/index.json');
    let open = 0;
    page.on('request', (request) => { if (isProbe(request.url())) open += 1; });
    page.on('requestfinished', (request) => { if (isProbe(request.url())) open -= 1; });
    page.on('requestfailed', (request) => { if (isProbe(request.url())) open -= 1; });
    const probe = page.waitForResponse((response) => isProbe(response.url()));
    await atlas.goto({ view: 'data' });
    expect((await probe).status()).toBe(404);
    await expect(page.getByTestId('import-file')).toBeVisible();
    await expect(page.getByTestId('published-datasets')).toHaveCount(0);
    // The refused answer's body is cancelled: a request left open would keep the page from ever
    // being idle (and holds the connection).
    await expect.poll(() => open, { message: 'catalogue requests still open' }).toBe(0);
  });
});

test.describe('offline', () => {
  // Chromium logs the service worker's "503 Offline" for the file never opened here by itself.
  test.use({ allowedPageIssues: [/status of 503/] });

  test('a published file opened once opens again without network; an unopened one says why not', async ({
    atlas,
    page,
    context,
  }) => {
    const data = new DataPage(atlas);
    await page.goto(`${base}?view=map`);
    await atlas.waitForApp();
    await waitForActiveWorker(page);
    await page.reload();
    await atlas.waitForApp();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await page.goto(`${base}?dataset=datasets/seminar.json`);
    await atlas.waitForApp();
    expect(await data.counts()).toEqual({ added: 1, changed: 1, unchanged: TOTAL - 1, onlyHere: 0 });
    await data.cancelButton.click();

    await context.setOffline(true);
    try {
      await page.goto(`${base}?dataset=datasets/seminar.json`);
      await atlas.waitForApp();
      expect(await data.counts()).toEqual({ added: 1, changed: 1, unchanged: TOTAL - 1, onlyHere: 0 });
      await data.cancelButton.click();

      await page.goto(`${base}?dataset=datasets/second.json`);
      await atlas.waitForApp();
      await expect(data.errors).toContainText(
        '“datasets/second.json” could not be fetched: there is no network',
      );
    } finally {
      await context.setOffline(false);
    }
  });
});
