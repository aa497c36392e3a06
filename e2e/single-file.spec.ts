import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { test, expect } from './fixtures/atlas-page';
import { DIST, SINGLE_FILE, defaultActivityCount, renameDataset, waitUntilSaved } from './fixtures/pwa';

// The single self-contained vientiane-vision-atlas.html (scripts/post_build.py), opened the way a
// double-click opens it: from file://, with no server at all.

const FILE = join(DIST, SINGLE_FILE);
const FILE_URL = pathToFileURL(FILE).href;

test.describe('single file', () => {
  test('the file holds everything: no reference to another file, its own strict policy', () => {
    const html = readFileSync(FILE, 'utf8');
    expect(statSync(FILE).size).toBeGreaterThan(200_000);
    // Every src/href is inline (data:) or a fragment: nothing to fetch from beside the file.
    const references = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    for (const reference of references) expect(reference).toMatch(/^(data:|#)/);
    expect(html).not.toMatch(/<link[^>]+rel="(stylesheet|modulepreload|preload|manifest)"/);
    expect(html).toContain('<meta name="atlas-build" content="single-file">');
    const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1] ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toMatch(/script-src 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/]+=*')+;/);
    expect(policy).not.toContain("'unsafe-inline'");
    expect(policy).not.toContain("'unsafe-eval'");
    // Exactly one script runs (the glue and its start); the wasm sits in a data block.
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1].trim());
    expect(scripts).toEqual(['type="application/octet-stream" id="atlas-wasm"', 'type="module"']);
  });

  test('opened from file:// it shows the map with the default data and keeps an edit', async ({
    atlas,
    page,
    context,
  }) => {
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    await page.goto(FILE_URL);
    await atlas.waitForApp();

    await expect(atlas.byTestId('activity-count')).toHaveText(String(defaultActivityCount()));
    const map = page.locator('svg[data-testid="asean-map"]');
    await expect(map.locator('[data-country="VNM"]')).toBeVisible();
    await expect(map.locator('[data-country="IDN"]')).toBeVisible();
    // The styles are there (the header is laid out, not unstyled).
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(244, 246, 248)');
    // No service worker on file://, and nothing was loaded but the file itself.
    expect(await page.evaluate(() => typeof navigator.serviceWorker === 'undefined' || navigator.serviceWorker.controller === null)).toBe(true);

    await renameDataset(page, 'Handed round on a USB stick');
    await waitUntilSaved(page);
    await page.reload();
    await atlas.waitForApp();
    await expect(atlas.datasetTitle).toHaveText('Handed round on a USB stick');
    await expect(atlas.byTestId('activity-count')).toHaveText(String(defaultActivityCount()));

    // The view state lives in the query string here too.
    await atlas.byTestId('nav-matrix').click();
    // The address is written after the next frame: wait for it.
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('matrix');
    await page.reload();
    await atlas.waitForApp();
    await expect(atlas.byTestId('nav-matrix')).toHaveAttribute('aria-current', 'page');

    expect(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('data:'))).toEqual([]);
  });

  test('every view works in the single file', async ({ atlas, page }) => {
    await page.goto(FILE_URL);
    await atlas.waitForApp();
    for (const view of ['map', 'matrix', 'activities', 'trends', 'report', 'vision', 'data']) {
      await atlas.byTestId(`nav-${view}`).click();
      await expect(page.locator('main h2').first()).toBeVisible();
    }
    await expect(atlas.byTestId('storage-health')).toBeVisible();
    await expect(atlas.byTestId('never-exported-warning')).toBeVisible();
  });
});
