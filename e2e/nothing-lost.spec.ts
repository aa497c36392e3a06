import type { Page } from '@playwright/test';

import { AtlasPage, expect, test } from './fixtures/atlas-page';
import { DATASET_KEY, DataPage, defaultDatasetText, type DatasetFile } from './fixtures/data-page';
import { MapPage } from './fixtures/map-page';
import { BACKUP_PREFIX, DATASET_FORMAT, FORMAT_VERSION, PACKED_PREFIX, SAVED_TEXT } from './fixtures/constants';

// Issue 11, "Nothing is lost": the paths that once lost work, as a user meets them in the release build.

/** The default dataset's activities under new ids: `count` of them, cycling through them. */
function renamedActivities(prefix: string, count: number): DatasetFile['activities'] {
  const base = (JSON.parse(defaultDatasetText()) as DatasetFile).activities;
  return Array.from({ length: count }, (_, i) => ({ ...base[i % base.length], id: `${prefix}-${i + 1}` }));
}

function datasetFile(title: string, activities: DatasetFile['activities']): string {
  return JSON.stringify({ format: DATASET_FORMAT, version: FORMAT_VERSION, title, activities }, null, 2);
}

const count = (page: Page) => page.getByTestId('activity-count');

/** Waits until nothing is waiting to be written (the status says so once the debounced save ran). */
async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveText(SAVED_TEXT);
}

async function storedCount(page: Page): Promise<number | null> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw).activities as unknown[]).length;
  }, DATASET_KEY);
}

test.describe('a damaged stored value', () => {
  // Each value's lengths would size an allocation: 3 GB and 1.5 GB of compressed bytes, a length LZ4
  // cannot reach, and lengths at the limit of a 32-bit address. The first blanked the page at every start.
  const damaged = [
    `${PACKED_PREFIX}1:3000000000:\u0800\u0801`,
    `${PACKED_PREFIX}1:1500000000:\u0800\u0801`,
    `${PACKED_PREFIX}100:1:\u0800\u0801`,
    `${PACKED_PREFIX}4294967295:4294967295:\u0800`,
  ];
  for (const value of damaged) {
    test(`${JSON.stringify(value.slice(0, 30))}… shows the banner, keeps the value and runs`, async ({ page, atlas }) => {
      await atlas.goto({ view: 'map' }, { waitForApp: false });
      await page.evaluate(([key, v]) => localStorage.setItem(key, v), [DATASET_KEY, value]);
      await atlas.goto({ view: 'map' });

      const banner = atlas.byTestId('storage-banner');
      await expect(banner).toHaveAttribute('data-kind', 'unreadable');
      await expect(banner).toContainText('could not be read');
      // The app runs on the sample data: the map has its counts and answers a click.
      const sample = (JSON.parse(defaultDatasetText()) as DatasetFile).activities.length;
      await expect(count(page)).toHaveText(String(sample));
      await new MapPage(atlas).clickCountry('VNM');
      await expect(atlas.byTestId('country-panel')).toBeVisible();

      // The value is untouched, and a copy is kept under a backup key.
      const kept = await page.evaluate(([key, prefix]) => {
        const backups = Object.keys(localStorage).filter((k) => k.startsWith(prefix));
        return { main: localStorage.getItem(key), backups: backups.map((k) => localStorage.getItem(k)) };
      }, [DATASET_KEY, BACKUP_PREFIX]);
      expect(kept.main).toBe(value);
      expect(kept.backups).toEqual([value]);

      // And so at the next start too: the same banner, still one backup, the value still there.
      await atlas.reload();
      await expect(atlas.byTestId('storage-banner')).toHaveAttribute('data-kind', 'unreadable');
      expect(await page.evaluate((key) => localStorage.getItem(key), DATASET_KEY)).toBe(value);
    });
  }
});

test.describe('two tabs', () => {
  test('an undo in one tab does not silently remove what another tab saved', async ({ page, context, atlas }) => {
    // Tab A replaces the sample with a file of 240 activities.
    const a = new DataPage(atlas);
    await a.goto();
    await a.importFile('two-hundred-forty.json', datasetFile('Shared', renamedActivities('A', 240)));
    await expect(a.preview).toBeVisible();
    await a.replaceButton.click();
    await expect(count(page)).toHaveText('240');
    await saved(page);

    // Tab B, in the same browser, sees the 240 and merges another file of 79 more.
    const pageB = await context.newPage();
    const atlasB = new AtlasPage(pageB);
    const b = new DataPage(atlasB);
    await b.goto();
    await expect(count(pageB)).toHaveText('240');
    await b.importFile('more.json', datasetFile('More', renamedActivities('B', 79)));
    await expect(b.preview).toBeVisible();
    await b.mergeButton.click();
    await expect(count(pageB)).toHaveText('319');
    await saved(pageB);

    // Tab A has nothing unsaved: it adopts B's save, and says so.
    await expect(count(page)).toHaveText('319');
    await expect(atlas.byTestId('notice')).toContainText('another tab');

    // Ctrl+Z in A: it asks first and changes nothing, here or in storage.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    const question = atlas.byTestId('undo-confirmation');
    await expect(question).toBeVisible();
    await expect(question).toContainText('another tab saved');
    await expect(atlas.byTestId('cancel-undo')).toBeFocused();
    await expect(count(page)).toHaveText('319');
    expect(await storedCount(page)).toBe(319);

    // "Keep them": still 319 in both tabs, also after a reload.
    await atlas.byTestId('cancel-undo').click();
    await expect(question).toBeHidden();
    await expect(count(page)).toHaveText('319');
    await atlas.reload();
    await atlasB.reload();
    await expect(count(page)).toHaveText('319');
    await expect(count(pageB)).toHaveText('319');
    expect(await storedCount(page)).toBe(319);
  });

  test('undoing an adopted save anyway is the user\'s explicit choice, and the other tab follows', async ({ page, context, atlas }) => {
    const a = new DataPage(atlas);
    await a.goto();
    await a.importFile('first.json', datasetFile('Shared', renamedActivities('A', 240)));
    await a.replaceButton.click();
    await expect(count(page)).toHaveText('240');
    await saved(page);

    const pageB = await context.newPage();
    const b = new DataPage(new AtlasPage(pageB));
    await b.goto();
    await expect(count(pageB)).toHaveText('240');
    await b.importFile('more.json', datasetFile('More', renamedActivities('B', 79)));
    await b.mergeButton.click();
    await expect(count(pageB)).toHaveText('319');
    await saved(pageB);
    await expect(count(page)).toHaveText('319');

    // The Undo button asks too; "Undo anyway" goes back to A's import and saves that.
    await atlas.byTestId('nav-activities').click();
    await atlas.byTestId('undo').click();
    await expect(atlas.byTestId('undo-confirmation')).toBeVisible();
    await atlas.byTestId('confirm-undo').click();
    await expect(count(page)).toHaveText('240');
    await expect(atlas.byTestId('notice')).toContainText('Undone: load the changes saved in another tab');
    await saved(page);
    expect(await storedCount(page)).toBe(240);
    // B had nothing unsaved, so it adopts A's save — and its own undo of that would ask in turn.
    await expect(count(pageB)).toHaveText('240');
  });
});
