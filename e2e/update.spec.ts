import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { test, expect } from './fixtures/atlas-page';
import { ROOT } from './fixtures/constants';
import {
  cacheContents,
  isControlled,
  serveCopyOfBuild,
  swBuild,
  waitForActiveWorker,
  type ServedCopy,
} from './fixtures/pwa';

// A new build replaces the old one: the page says "A new version is available — reload", the user's
// reload switches to the new build, and the old build's cache is deleted.
//
// The spec serves its own copy of the build (on a free port), so that it can "deploy" a new build
// into it: one more file, then scripts/post_build.py again, which writes a new sw.js.

let served: ServedCopy | undefined;
let copy = '';
let baseUrl = '';

test.beforeAll(async () => {
  served = await serveCopyOfBuild('update');
  copy = served.dir;
  baseUrl = served.baseUrl;
});

test.afterAll(() => served?.stop());

/** "Deploys" a new build into the served copy: a changed file, and the post-build step again. */
function deployNewBuild(): void {
  writeFileSync(join(copy, 'release-note.txt'), `deployed ${Date.now()}\n`);
  const result = spawnSync('python3', [join(ROOT, 'scripts', 'post_build.py'), '--dist', copy], {
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
}

test('a new build is announced, and reloading switches to it and deletes the old cache', async ({
  atlas,
  page,
}) => {
  const first = swBuild(copy);
  await page.goto(baseUrl);
  await atlas.waitForApp();
  await waitForActiveWorker(page);
  await page.reload();
  await atlas.waitForApp();
  expect(await isControlled(page)).toBe(true);
  // Nothing new yet: no banner.
  await expect(atlas.byTestId('update-available')).toHaveCount(0);

  deployNewBuild();
  const second = swBuild(copy);
  expect(second.version).not.toBe(first.version);
  expect(second.files).toContain('release-note.txt');

  // The browser checks for a new worker on navigations and on update(); the app announces it.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  const banner = atlas.byTestId('update-available');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('A new version is available — reload');
  // Until the user says so, the old build keeps serving this page.
  expect(Object.keys(await cacheContents(page))).toHaveLength(2);

  await Promise.all([page.waitForEvent('load'), atlas.byTestId('update-reload').click()]);
  await atlas.waitForApp();
  await expect(atlas.byTestId('update-available')).toHaveCount(0);
  expect(await isControlled(page)).toBe(true);
  await expect
    .poll(async () => Object.keys(await cacheContents(page)))
    .toEqual([`vientiane-vision-atlas:${baseUrl}:${second.version}`]);
  const served = await page.evaluate(async () => (await fetch('release-note.txt')).status);
  expect(served).toBe(200);
});

test('a new build found when the page opens is announced too', async ({ atlas, page }) => {
  await page.goto(baseUrl);
  await atlas.waitForApp();
  await waitForActiveWorker(page);
  await page.reload();
  await atlas.waitForApp();
  expect(await isControlled(page)).toBe(true);

  deployNewBuild();
  // A navigation makes the browser look for a new sw.js; the new worker installs and waits.
  await page.reload();
  await atlas.waitForApp();
  await expect(atlas.byTestId('update-available')).toBeVisible();
  // Reloading again does not switch builds behind the user's back: the banner stays.
  await page.reload();
  await atlas.waitForApp();
  await expect(atlas.byTestId('update-available')).toBeVisible();
});
