import { test, expect } from './fixtures/atlas-page';
import {
  appLocalUnits,
  cacheContents,
  defaultActivityCount,
  healthHooks,
  isControlled,
  renameDataset,
  swBuild,
  waitForActiveWorker,
  waitUntilSaved,
} from './fixtures/pwa';

// Offline use (the service worker from scripts/post_build.py + src/pwa.rs), the storage health panel,
// and the beforeunload prompt.

test.describe('offline', () => {
  test('after one visit, the app, the map and the data load with the network off', async ({
    atlas,
    page,
    context,
  }) => {
    await atlas.goto({ view: 'map' });
    const scope = await waitForActiveWorker(page);
    expect(scope).toBe(new URL('/', page.url()).href);
    // The first page was loaded from the network; from the next load on, the worker serves it.
    await atlas.reload();
    expect(await isControlled(page)).toBe(true);

    const title = 'Seminar copy (offline)';
    await renameDataset(page, title);
    await waitUntilSaved(page);

    const failed: string[] = [];
    const fromNetwork: string[] = [];
    // The Data view asks for the optional catalogue of published datasets, network first (the
    // worker answers `503 Offline` when it has no copy): the one request meant to try the network.
    const isCatalogue = (url: string) => new URL(url).pathname === '/datasets/index.json';
    page.on('requestfailed', (request) => {
      if (!isCatalogue(request.url())) failed.push(request.url());
    });
    page.on('response', (response) => {
      if (!response.fromServiceWorker()) fromNetwork.push(response.url());
    });

    await context.setOffline(true);
    // A URL with view state in the query string: the worker answers it with the cached app shell.
    await page.goto('./?view=map&measure=CBC');
    await atlas.waitForApp();
    await expect(atlas.datasetTitle).toHaveText(title);
    await expect(atlas.byTestId('activity-count')).toHaveText(String(defaultActivityCount()));
    await expect(page.locator('svg[data-testid="asean-map"] [data-country="VNM"]')).toBeVisible();
    await expect(atlas.byTestId('measure-select')).toHaveValue('CBC');

    // Every other view renders offline too.
    for (const view of ['matrix', 'activities', 'trends', 'report', 'vision', 'data']) {
      await atlas.byTestId(`nav-${view}`).click();
      await expect(page.locator('main h2').first()).toBeVisible();
    }
    await expect(atlas.byTestId('storage-health')).toBeVisible();

    expect(failed, 'requests that failed while offline').toEqual([]);
    expect(fromNetwork, 'responses that did not come from the service worker').toEqual([]);
    await context.setOffline(false);
  });

  test('under a sub-path the worker is scoped to it and the offline copy works', async ({
    atlas,
    page,
    context,
  }) => {
    await atlas.goto({ view: 'matrix' }, { path: 'nested/app/' });
    const scope = await waitForActiveWorker(page);
    expect(new URL(scope).pathname).toBe('/nested/app/');
    await atlas.reload();
    expect(await isControlled(page)).toBe(true);

    await context.setOffline(true);
    await atlas.reload();
    await expect(atlas.byTestId('activity-count')).toHaveText(String(defaultActivityCount()));
    expect(new URL(page.url()).pathname).toBe('/nested/app/');
    expect(atlas.queryParams().get('view')).toBe('matrix');
    await context.setOffline(false);
  });

  test('the worker precaches exactly the files of this build, under a name of this build', async ({
    atlas,
    page,
  }) => {
    await atlas.goto();
    await waitForActiveWorker(page);
    const build = swBuild();
    const caches = await cacheContents(page);
    const names = Object.keys(caches);
    expect(names).toEqual([`vientiane-vision-atlas:${new URL('/', page.url()).href}:${build.version}`]);
    const expected = build.files.map((file) => `/${file}`).sort();
    expect(caches[names[0]]).toEqual(expected);
    // The app shell and everything it loads are in it.
    for (const kind of [/^\/index\.html$/, /_bg\.wasm$/, /\.js$/, /^\/main-[0-9a-f]{8,16}\.css$/, /^\/manifest\.webmanifest$/]) {
      expect(expected.some((path) => kind.test(path)), String(kind)).toBe(true);
    }
    // The PNG icons of the manifest are for installing the app only: a first visit does not download
    // them. The one index.html links is precached: Firefox fetches it on every load (engines/).
    expect(expected.filter((path) => path.endsWith('.png'))).toEqual(['/icons/apple-touch-icon.png']);
    // Every file Trunk names by its content may come from the HTTP cache (so a first visit does not
    // download the wasm twice); whatever the length of the hash, which Trunk writes without leading zeros.
    const trunkOutput = build.files.filter((file) => /\.(wasm|js|css)$/.test(file));
    expect(trunkOutput.length).toBeGreaterThanOrEqual(9);
    expect([...build.immutable].sort()).toEqual([...trunkOutput].sort());
  });
});

test.describe('installable', () => {
  test('the manifest names the app and points at icons that exist', async ({ atlas, page, request }) => {
    await atlas.goto();
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('manifest.webmanifest');
    const manifestUrl = new URL(href!, page.url()).href;
    const response = await request.get(manifestUrl);
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toContain('application/manifest+json');
    const manifest = await response.json();
    expect(manifest.name).toBe('Vientiane Vision Atlas');
    expect(manifest.start_url).toBe('./');
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toBe(
      await page.locator('meta[name="theme-color"]').getAttribute('content'),
    );
    const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((icon: { purpose?: string }) => icon.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const iconResponse = await request.get(new URL(icon.src, manifestUrl).href);
      expect(iconResponse.ok(), icon.src).toBe(true);
      expect(iconResponse.headers()['content-type']).toBe(icon.type);
    }
    // Browsers that ask for /favicon.ico by themselves find one.
    expect((await request.get(new URL('favicon.ico', page.url()).href)).ok()).toBe(true);
  });
});

test.describe('storage health', () => {
  test('shows persistence, bytes and the never-exported warning until an export', async ({
    atlas,
    page,
  }) => {
    await atlas.goto({ view: 'data' });
    const panel = atlas.byTestId('storage-health');
    await expect(panel).toBeVisible();

    // The panel shows the browser's own answer to persist().
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    await expect(panel).toHaveAttribute('data-persisted', String(persisted));
    await expect(atlas.byTestId('never-exported-warning')).toBeVisible();
    await expect(atlas.byTestId('storage-last-exported')).toHaveText('Never from this browser');
    await expect(atlas.byTestId('storage-last-saved')).toHaveText('Not saved yet');

    // An edit is saved: the bytes of the app's keys and the time of the save follow.
    await renameDataset(page, 'Health check');
    await waitUntilSaved(page);
    const local = await appLocalUnits(page);
    expect(local).toBeGreaterThan(1000);
    await expect(panel).toHaveAttribute('data-local-units', String(local));
    // The share is code units over a quota of code units (it once counted bytes and read double).
    const percent = (local / 5_242_880) * 100;
    const shown = percent < 10 ? percent.toFixed(1) : percent.toFixed(0);
    await expect(atlas.byTestId('storage-local')).toContainText(`(${shown}\u00a0%)`);
    const today = await page.evaluate(() => {
      const d = new Date();
      const two = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
    });
    await expect(atlas.byTestId('storage-last-saved')).toContainText(today);

    // What the panel says is what the browser estimates (re-read after every save).
    await expect
      .poll(async () => {
        const [hooks, estimate] = await Promise.all([
          healthHooks(page),
          page.evaluate(() => navigator.storage.estimate()),
        ]);
        return hooks.usedBytes === String(estimate.usage) && hooks.quotaBytes === String(estimate.quota);
      })
      .toBe(true);

    // Exporting removes the warning, for good.
    await Promise.all([page.waitForEvent('download'), atlas.byTestId('export-json').click()]);
    await expect(atlas.byTestId('never-exported-warning')).toHaveCount(0);
    await expect(atlas.byTestId('storage-last-exported')).toContainText(today);
    await atlas.reload();
    await expect(atlas.byTestId('storage-health')).toBeVisible();
    await expect(atlas.byTestId('never-exported-warning')).toHaveCount(0);
  });

  test('the used bytes include the offline copy of the app', async ({ atlas, page }) => {
    await atlas.goto();
    await waitForActiveWorker(page);
    await atlas.byTestId('nav-data').click();
    const wasmBytes = await page.evaluate(async () => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const wasm = entries.find((entry) => entry.name.endsWith('_bg.wasm'));
      return wasm ? wasm.decodedBodySize : 0;
    });
    expect(wasmBytes).toBeGreaterThan(100_000);
    await expect
      .poll(async () => Number((await healthHooks(page)).usedBytes))
      .toBeGreaterThanOrEqual(wasmBytes);
  });
});

test.describe('beforeunload', () => {
  // The save is debounced (300 ms). These tests hold the debounce back, so that "a save is pending"
  // lasts as long as the test needs, instead of racing a timer.
  async function holdSaves(page: import('@playwright/test').Page): Promise<void> {
    await page.evaluate(() => {
      const original = window.setTimeout.bind(window);
      (window as unknown as { setTimeout: unknown }).setTimeout = (
        handler: TimerHandler,
        delay?: number,
        ...rest: unknown[]
      ) => (delay === 300 ? 0 : original(handler, delay, ...rest));
    });
  }

  test('closing with a pending save writes it and does not ask', async ({ atlas, page, context }) => {
    await atlas.goto();
    await holdSaves(page);
    await renameDataset(page, 'Written on close');
    await expect(atlas.byTestId('save-status')).toHaveText('Saving…');
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.type());
      await dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => page.isClosed()).toBe(true);
    expect(dialogs).toEqual([]);

    const again = await context.newPage();
    await again.goto('./');
    await expect(again.getByTestId('dataset-title')).toHaveText('Written on close');
  });

  test('closing while the pending save cannot be written asks first', async ({ atlas, page }) => {
    await atlas.goto();
    await holdSaves(page);
    await renameDataset(page, 'Cannot be written');
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const dialog = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const shown = await dialog;
    expect(shown.type()).toBe('beforeunload');
    await shown.dismiss();
    expect(page.isClosed()).toBe(false);
    await expect(atlas.byTestId('storage-banner')).toHaveAttribute('data-kind', 'save-failed');
  });
});
