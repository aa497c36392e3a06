import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { test, expect, freePort, startProcess, stopProcess, waitUntilServing } from './fixtures/engines';
import { defaultDataset } from './fixtures/files';

// Items 7 and 8 of the cross-engine suite: offline after one visit (where the engine runs service
// workers here), and the single self-contained file opened from file://.

const ROOT = resolve(__dirname, '..');
const DIST = resolve(ROOT, process.env.E2E_DIST ?? 'dist');
const TOTAL = defaultDataset().activities.length;

test.describe('offline', () => {
  test('after one visit, a reload with the server stopped shows the app and the saved data', async ({ atlas, engine }) => {
    // A server of this test's own, so it can be stopped.
    const port = await freePort();
    const server = startProcess(['python3', join(ROOT, 'scripts', 'serve.py'), '--dir', DIST, '--host', '127.0.0.1', '--port', String(port), '--quiet']);
    try {
      const base = `http://127.0.0.1:${port}/`;
      await waitUntilServing(base);
      await atlas.open(`${base}?view=map`);
      const support = await atlas.serviceWorkerSupport();
      expect(support, `${engine} runs service workers here`).toBe(true);
      expect(await atlas.activeServiceWorkerScope()).toBe(base);
      // The next load goes through the worker. (Opened again rather than refreshed: geckodriver's
      // refresh is a forced reload, which bypasses service workers as Shift+Reload does.)
      await atlas.open(`${base}?view=map`);
      await expect.poll(() => atlas.isControlledByServiceWorker()).toBe(true);
      await atlas.renameDataset('Seminar copy (offline)');
      await atlas.waitUntilSaved();

      await stopProcess(server);
      await expect.poll(() => fetch(base).then(() => 'serving', () => 'stopped')).toBe('stopped');
      await atlas.open(`${base}?view=map&measure=CBC`);
      expect(await atlas.title()).toBe('Seminar copy (offline)');
      expect(await atlas.activityCount()).toBe(TOTAL);
      await expect.poll(() => atlas.isShown('asean-map')).toBe(true);
      await atlas.click('nav-activities');
      await expect.poll(async () => (await atlas.url()).searchParams.get('view')).toBe('activities');
    } finally {
      await stopProcess(server);
    }
  });
});

test.describe('single file', () => {
  test('vientiane-vision-atlas.html from file:// loads and keeps an edit across a reload', async ({ atlas }) => {
    const url = pathToFileURL(join(DIST, 'vientiane-vision-atlas.html')).href;
    await atlas.open(url);
    expect(await atlas.activityCount()).toBe(TOTAL);
    await expect.poll(() => atlas.isShown('asean-map')).toBe(true);
    await atlas.renameDataset('Handed round on a USB stick');
    await atlas.waitUntilSaved();
    await atlas.reload();
    expect(await atlas.title()).toBe('Handed round on a USB stick');
    expect(await atlas.activityCount()).toBe(TOTAL);
  });
});
