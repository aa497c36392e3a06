import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures/atlas-page';
import { BACKUP_PREFIX, DATASET_KEY, defaultDatasetText, HELD_TEXT } from './fixtures/constants';

// The embedded default dataset, read independently of the app.
const defaultDataset = JSON.parse(defaultDatasetText());

test.describe('foundation: default data, storage, shell', () => {
  test('a first visit shows the default dataset', async ({ atlas }) => {
    await atlas.goto();
    await expect(atlas.byTestId('activity-count')).toHaveText(String(defaultDataset.activities.length));
    await expect(atlas.datasetTitle).toHaveText(defaultDataset.title);
    for (const view of ['map', 'matrix', 'activities', 'trends', 'vision']) {
      await expect(atlas.byTestId(`nav-${view}`)).toBeVisible();
    }
  });

  test('renaming the dataset survives a reload', async ({ atlas, page }) => {
    await atlas.goto();
    await atlas.datasetTitle.click();
    const input = atlas.byTestId('dataset-title-input');
    await input.fill('Seminar dataset — Jakarta 2026');
    await input.press('Enter');
    await expect(atlas.datasetTitle).toHaveText('Seminar dataset — Jakarta 2026');
    // The debounced save writes it, and the stored value is format v1 with the new title.
    await expect
      .poll(async () => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').title, DATASET_KEY))
      .toBe('Seminar dataset — Jakarta 2026');
    await atlas.reload();
    await expect(atlas.datasetTitle).toHaveText('Seminar dataset — Jakarta 2026');
    await expect(atlas.byTestId('activity-count')).toHaveText(String(defaultDataset.activities.length));
  });

  test('Escape cancels a rename', async ({ atlas }) => {
    await atlas.goto();
    await atlas.datasetTitle.click();
    await atlas.byTestId('dataset-title-input').fill('Not this');
    await atlas.byTestId('dataset-title-input').press('Escape');
    await expect(atlas.datasetTitle).toHaveText(defaultDataset.title);
  });

  test('a corrupted stored value shows the banner and is still there afterwards', async ({ atlas, page }) => {
    const corrupted = '{"format": "vientiane-vision", "version": 1, "title": "Half a file", "activities": [';
    await atlas.goto();
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [DATASET_KEY, corrupted]);
    await atlas.reload();

    const banner = atlas.byTestId('storage-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute('data-kind', 'unreadable');
    await expect(banner).toContainText('could not be read');
    await expect(atlas.byTestId('download-raw')).toBeVisible();
    await expect(atlas.byTestId('start-from-sample')).toBeVisible();

    // An edit now must not overwrite the unreadable value.
    await atlas.datasetTitle.click();
    await atlas.byTestId('dataset-title-input').fill('Edited while held');
    await atlas.byTestId('dataset-title-input').press('Enter');
    await expect(atlas.datasetTitle).toHaveText('Edited while held');
    await expect(atlas.byTestId('save-status')).toHaveText(HELD_TEXT);
    // No save may come, so nothing can be awaited: wait until one the edit scheduled would have run.
    await atlas.pastSaveDelay();
    await expect(atlas.byTestId('save-status')).toHaveText(HELD_TEXT);
    expect(await page.evaluate((key) => localStorage.getItem(key), DATASET_KEY)).toBe(corrupted);
    const backups = await page.evaluate(
      (prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)),
      BACKUP_PREFIX,
    );
    expect(backups).toHaveLength(1);
    expect(await page.evaluate((key) => localStorage.getItem(key), backups[0])).toBe(corrupted);

    // Still there after a reload, banner included. The edit made while saving was held is not
    // saved, so leaving the page asks first: accept.
    page.once('dialog', (dialog) => dialog.accept());
    await atlas.reload();
    await expect(atlas.byTestId('storage-banner')).toBeVisible();
    expect(await page.evaluate((key) => localStorage.getItem(key), DATASET_KEY)).toBe(corrupted);

    // "Download the saved data as it is" gives back exactly the stored bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), atlas.byTestId('download-raw').click()]);
    const path = await download.path();
    expect(readFileSync(path, 'utf8')).toBe(corrupted);

    // Only the explicit choice replaces it; the backup stays.
    await atlas.byTestId('start-from-sample').click();
    await expect(atlas.byTestId('storage-banner')).toHaveCount(0);
    await expect
      .poll(async () => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').activities?.length, DATASET_KEY))
      .toBe(defaultDataset.activities.length);
    expect(await page.evaluate((key) => localStorage.getItem(key), backups[0])).toBe(corrupted);
  });

  test('reset to sample data asks first, then restores the sample', async ({ atlas, page }) => {
    await atlas.goto();
    await atlas.datasetTitle.click();
    await atlas.byTestId('dataset-title-input').fill('Mine');
    await atlas.byTestId('dataset-title-input').press('Enter');
    await atlas.byTestId('nav-data').click();
    await atlas.byTestId('reset-sample').click();
    await atlas.byTestId('reset-sample-cancel').click();
    await expect(atlas.datasetTitle).toHaveText('Mine');
    await atlas.byTestId('reset-sample').click();
    await atlas.byTestId('reset-sample-confirm').click();
    await expect(atlas.datasetTitle).toHaveText(defaultDataset.title);
    await expect
      .poll(async () => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').title, DATASET_KEY))
      .toBe(defaultDataset.title);
  });

  test('the Vision page explains the framework', async ({ atlas }) => {
    await atlas.goto('view=vision');
    const page = atlas.byTestId('vision-page');
    await expect(page).toContainText('Vientiane Vision 2.0');
    for (const text of ['Heart-to-heart', 'Tailored and lasting', 'Equal and open', 'ASEAN-wide', 'Capacity Building Cooperation', 'Timor-Leste']) {
      await expect(page).toContainText(text);
    }
  });
});
