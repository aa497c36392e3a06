import { test, expect } from './fixtures/atlas-page';

test.describe('smoke', () => {
  test('the app loads and shows the dataset title', async ({ atlas, page }) => {
    await atlas.goto();
    await expect(atlas.datasetTitle).toBeVisible();
    await expect(atlas.datasetTitle).not.toBeEmpty();
    await expect(page).toHaveTitle(/Vientiane Vision Atlas/);
  });

  test('loading the app logs no console error and throws no page error', async ({
    atlas,
    page,
    pageIssues,
  }) => {
    await atlas.goto();
    // Let pending fetches, effects and timers settle before checking.
    await page.waitForLoadState('networkidle');
    expect(pageIssues).toEqual([]);
  });

  test('the build uses relative URLs: it also works under a sub-path', async ({ atlas, page }) => {
    const failed: string[] = [];
    page.on('response', (res) => {
      if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
    });
    await atlas.goto('', { path: 'nested/app/' });
    await expect(atlas.datasetTitle).toBeVisible();
    expect(failed).toEqual([]);
    // Every asset the page loaded came from under the sub-path.
    const assets = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
    );
    expect(assets.length).toBeGreaterThan(0);
    for (const path of assets) expect(path).toMatch(/^\/nested\/app\//);
  });

  test('clearStorage empties localStorage', async ({ atlas }) => {
    await atlas.goto();
    await atlas.page.evaluate(() => window.localStorage.setItem('e2e-probe', '1'));
    expect(await atlas.localStorageKeys()).toContain('e2e-probe');
    await atlas.clearStorage();
    expect(await atlas.localStorageKeys()).not.toContain('e2e-probe');
  });
});
