import { writeFileSync } from 'node:fs';

import { test, expect } from './fixtures/engines';
import { generatedFile } from './fixtures/files';
import { BACKUP_PREFIX, DATASET_FORMAT, DATASET_KEY, FORMAT_VERSION } from '../e2e/fixtures/constants';

// Local storage in every engine: how many generated activities each one holds (the figures in README
// and docs/engines.md), the import preview's warning before a file that would not fit is applied, and
// the storage faults a user can meet.

/**
 * Whether each engine keeps the 50,000 activities the app accepts: measured (docs/engines.md).
 * WebKit counts the packed characters at two bytes each against 5 MiB and holds about 30,000.
 */
const HOLDS_FIFTY_THOUSAND = { chromium: true, firefox: true, webkit: false } as const;

test.describe('capacity', () => {
  for (const count of [10_000, 50_000]) {
    test(`${count.toLocaleString('en')} generated activities: the preview's estimate agrees with what the browser stores`, async ({
      atlas,
      engine,
    }, testInfo) => {
      test.setTimeout(300_000);
      const fits = count === 10_000 || HOLDS_FIFTY_THOUSAND[engine];
      const file = generatedFile(testInfo.outputDir, count);
      await atlas.goto({ view: 'data', bench: '1' });
      await atlas.chooseImportFile(file);
      const preview = await atlas.previewCounts();
      expect(preview.added).toBe(count);
      // The estimate of the stored size: packed, so well under the JSON's 2 bytes a character.
      expect(preview['storage-replace']).toBeGreaterThan(count * 100);
      expect(preview['storage-merge']).toBeGreaterThanOrEqual(preview['storage-replace']);
      expect(preview['storage-replace'] <= preview['storage-available']).toBe(fits);
      expect(await atlas.isShown('import-room-warning')).toBe(!fits);
      if (!fits) {
        // A look at the warning, kept with the test's results.
        await atlas.script("document.querySelector('[data-testid=\"import-room-warning\"]').scrollIntoView({ block: 'center' });");
        const screenshot = testInfo.outputPath('import-room-warning.png');
        writeFileSync(screenshot, Buffer.from(await atlas.driver.takeScreenshot(), 'base64'));
        await testInfo.attach('import-room-warning', { path: screenshot, contentType: 'image/png' });
        expect(await atlas.text('import-room-warning')).toMatch(
          /^Too large to be saved in this browser: the data would need \d+\.\d MB after Merge and \d+\.\d MB after Replace, and .* keeps at most \d+\.\d MB for this page\./,
        );
      }

      // What the browser really does with the same file (written as the save writes it, then put back).
      const result = await atlas.tryStoreFile(file);
      expect(result.ok, JSON.stringify(result)).toBe(fits);
      expect(result.quota).toBe(!fits);
      expect(result.restored).toBe(true);

      await atlas.click('import-replace');
      await expect.poll(() => atlas.activityCount(), { timeout: 60_000 }).toBe(count);
      if (fits) {
        await atlas.waitUntilSaved();
        await atlas.reload();
        expect(await atlas.activityCount()).toBe(count);
      } else {
        // The save fails as the preview said, visibly, and the app keeps the data in memory.
        await expect.poll(() => atlas.attribute('storage-banner', 'data-kind'), { timeout: 60_000 }).toBe('save-failed');
        expect(await atlas.activityCount()).toBe(count);
      }
    });
  }
});

test.describe('capacity, measured', () => {
  test("the origin's quota counts as src/model/quota.rs says", async ({ atlas, engine, baseURL }) => {
    // Two searches of about 23 writes of megabytes each: WebKit's storage process took 90 s once on a
    // busy machine.
    test.setTimeout(300_000);
    // A page of the origin where the app does not run, with nothing stored.
    await atlas.open(new URL('favicon.ico', baseURL).href, { waitForApp: false });
    expect(await atlas.storageKeys()).toEqual([]);
    const key = 'quota-probe';
    const wide = await atlas.longestStorableValue(key, '\u0800');
    const latin1 = await atlas.longestStorableValue(key, 'a');
    console.log(`quota ${engine}: ${wide} units of U+0800, ${latin1} of "a" under a key of ${key.length}`);
    // Blink and Gecko: 5 Mi UTF-16 units for key and value, whatever the characters. WebKit: 5 MiB,
    // a wide string at two bytes a unit, an all-Latin-1 one (key too) at one.
    const units = 5 * 1024 * 1024;
    const expected = {
      chromium: { wide: units - key.length, latin1: units - key.length },
      firefox: { wide: units - key.length, latin1: units - key.length },
      webkit: { wide: Math.floor((units - key.length) / 2), latin1: units - key.length },
    }[engine];
    expect({ wide, latin1 }).toEqual(expected);
  });

  test('the most generated activities each engine stores, and the estimate agrees on both sides of it', async ({
    atlas,
    engine,
  }, testInfo) => {
    test.setTimeout(600_000);
    await atlas.goto({ view: 'data', bench: '1' });
    const probe = async (count: number) => {
      const file = generatedFile(testInfo.outputDir, count);
      const result = await atlas.tryStoreFile(file);
      expect(result.restored, JSON.stringify(result)).toBe(true);
      expect(result.ok || result.quota, JSON.stringify(result)).toBe(true);
      return result;
    };
    // The app accepts 50,000; every engine must keep at least 10,000.
    const low = await probe(10_000);
    expect(low.ok).toBe(true);
    expect(low.estimate?.fits).toBe(true);
    const high = await probe(50_000);
    expect(high.ok).toBe(HOLDS_FIFTY_THOUSAND[engine]);
    expect(high.estimate?.fits).toBe(high.ok);
    let fits = 10_000;
    let capacity = `all 50,000 (${high.units} of ${high.estimate?.available} bytes' worth of units stored)`;
    if (!high.ok) {
      // Bisect to 250 activities: the last count that is stored and the first that is refused.
      let refused = 50_000;
      let refusedEstimate = high.estimate;
      let fitsEstimate = low.estimate;
      while (refused - fits > 250) {
        const middle = Math.round((fits + refused) / 2 / 250) * 250;
        const result = await probe(middle);
        if (result.ok) {
          fits = middle;
          fitsEstimate = result.estimate;
        } else {
          refused = middle;
          refusedEstimate = result.estimate;
        }
      }
      // The preview's estimate says "fits" for what the browser stored and "too large" for what it
      // refused, on both sides of the engine's real limit.
      expect(fitsEstimate?.fits).toBe(true);
      expect(refusedEstimate?.fits).toBe(false);
      capacity = `${fits.toLocaleString('en')} (refuses ${refused.toLocaleString('en')}; estimate ${fitsEstimate?.needed} and ${refusedEstimate?.needed} of ${refusedEstimate?.available} bytes)`;
    }
    console.log(`capacity ${engine}: ${capacity}`);
    testInfo.annotations.push({ type: 'capacity', description: `${engine}: ${capacity}` });
  });
});

test.describe('faults', () => {
  test('a corrupted stored value is backed up, never overwritten, and the banner says so', async ({ atlas }) => {
    await atlas.goto({}, { waitForApp: false });
    const corrupted = '{"format": "vientiane-vision", "version": 1, "activities": [';
    await atlas.store(DATASET_KEY, corrupted);
    await atlas.reload();
    await expect.poll(() => atlas.attribute('storage-banner', 'data-kind')).toBe('unreadable');
    const keys = await atlas.storageKeys();
    const backups = keys.filter((key) => key.startsWith(BACKUP_PREFIX));
    expect(backups).toHaveLength(1);
    expect(await atlas.stored(backups[0])).toBe(corrupted);
    // Another start neither overwrites it nor backs it up twice.
    await atlas.reload();
    expect(await atlas.stored()).toBe(corrupted);
    expect((await atlas.storageKeys()).filter((key) => key.startsWith(BACKUP_PREFIX))).toEqual(backups);
  });

  test('a value from a newer version is kept and named as such', async ({ atlas }) => {
    await atlas.goto({}, { waitForApp: false });
    const newer = JSON.stringify({
      format: DATASET_FORMAT,
      version: FORMAT_VERSION + 1,
      title: 'From the future',
      activities: [],
    });
    await atlas.store(DATASET_KEY, newer);
    await atlas.reload();
    await expect.poll(() => atlas.attribute('storage-banner', 'data-kind')).toBe('unreadable');
    expect(await atlas.text('storage-banner')).toMatch(/version 2/);
    expect(await atlas.stored()).toBe(newer);
  });
});
