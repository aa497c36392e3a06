import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { test, expect, freePort, startProcess, stopProcess, waitUntilServing } from './fixtures/engines';
import { colleagueDataset, defaultDataset, writeFile } from './fixtures/files';

// Published datasets in every engine: the fetch of `?dataset=` (the same-origin request, its type
// and status checks) and the catalogue, on a copy of the build with files published beside it.

const ROOT = resolve(__dirname, '..');
const DIST = resolve(ROOT, process.env.E2E_DIST ?? 'dist');
const TOTAL = defaultDataset().activities.length;

test('a published dataset opens the import preview, and the catalogue lists it', async ({ atlas }) => {
  const site = mkdtempSync(join(tmpdir(), 'atlas-engines-published-'));
  cpSync(DIST, site, { recursive: true });
  const folder = join(site, 'datasets');
  writeFile(folder, 'colleague.json', JSON.stringify(colleagueDataset()));
  writeFile(
    folder,
    'index.json',
    JSON.stringify({ datasets: [{ title: 'Seminar dataset', file: 'datasets/colleague.json', updated: '2026-12-01' }] }),
  );
  const port = await freePort();
  const server = startProcess(['python3', join(ROOT, 'scripts', 'serve.py'), '--dir', site, '--host', '127.0.0.1', '--port', String(port), '--quiet']);
  try {
    const base = `http://127.0.0.1:${port}/`;
    await waitUntilServing(base);

    await atlas.open(`${base}?view=map&dataset=datasets%2Fcolleague.json`);
    expect(await atlas.previewCounts()).toMatchObject({ added: 3, changed: 1, unchanged: TOTAL - 1, 'only-here': 0 });
    expect((await atlas.url()).searchParams.get('dataset')).toBe('datasets/colleague.json');
    await atlas.click('import-cancel');
    await expect.poll(async () => (await atlas.url()).searchParams.has('dataset')).toBe(false);
    expect(await atlas.activityCount()).toBe(TOTAL);

    // The catalogue, and its Preview button.
    await atlas.open(`${base}?view=data`);
    await expect.poll(() => atlas.text('published-datasets')).toContain('Seminar dataset');
    await atlas.click('published-preview');
    expect(await atlas.previewCounts()).toMatchObject({ added: 3, changed: 1 });
    await atlas.click('import-merge');
    await expect.poll(() => atlas.activityCount()).toBe(TOTAL + 3);

    // Another origin is refused before anything is fetched.
    await atlas.open(`${base}?dataset=${encodeURIComponent('https://example.org/colleague.json')}`);
    await expect.poll(() => atlas.text('import-errors')).toContain('is on another site');
  } finally {
    await stopProcess(server);
    rmSync(site, { recursive: true, force: true });
  }
});
