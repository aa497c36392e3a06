import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';

import { test, expect, type AtlasPage } from './fixtures/atlas-page';
import { DataPage, DATASET_KEY } from './fixtures/data-page';
import { HOSTILE_TITLE, validDataset, withBadUrls } from './fixtures/hostile';
import { MapPage } from './fixtures/map-page';
import { DIST, waitForActiveWorker } from './fixtures/pwa';

// The Content-Security-Policy, hostile datasets (imported text is only ever text), and the rule that
// no request ever leaves the page's origin.

/** Records CSP violations and dialogs from the very start of every page of the test. */
async function watchForAttacks(page: Page): Promise<{ dialogs: string[] }> {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      w.__csp.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { dialogs };
}

/**
 * Waits until what a view set going has finished: every image has loaded or failed (an injected
 * image's `onerror` would run then), and a frame and a task have passed, so that the events those
 * queued (errors, CSP violations) have been dispatched.
 */
async function untilQuiet(page: Page): Promise<void> {
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => window.setTimeout(resolve, 0))),
  );
}

/** Asserts that nothing from the hostile dataset became markup or ran. */
async function expectNothingInjected(page: Page, dialogs: string[], where: string): Promise<void> {
  const report = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __csp?: string[] };
    const onAttributes: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        if (attribute.name.toLowerCase().startsWith('on')) {
          onAttributes.push(`${element.tagName}[${attribute.name}]`);
        }
      }
    }
    const links = Array.from(document.querySelectorAll('a[href]')) as HTMLAnchorElement[];
    return {
      pwned: w.__pwned ?? null,
      csp: w.__csp ?? [],
      injected: document.querySelectorAll('img[src="x"], iframe, object, embed, [data-pwned], script[src], body script').length,
      scripts: document.querySelectorAll('script').length,
      onAttributes,
      badLinks: links
        .map((a) => a.getAttribute('href') ?? '')
        .filter((href) => /^\s*(javascript|data|vbscript):/i.test(href)),
      unsafeNewTabs: links
        .filter((a) => a.target === '_blank')
        .filter((a) => !/\bnoopener\b/.test(a.rel) || !/\bnoreferrer\b/.test(a.rel))
        .map((a) => a.href),
      linkSchemes: Array.from(new Set(links.map((a) => new URL(a.href, location.href).protocol))),
    };
  });
  expect(dialogs, `dialogs (${where})`).toEqual([]);
  expect(report.pwned, `window.__pwned (${where})`).toBeNull();
  expect(report.csp, `CSP violations (${where})`).toEqual([]);
  expect(report.injected, `injected elements (${where})`).toBe(0);
  // Trunk's module script that starts the app is the page's only script.
  expect(report.scripts, `script elements (${where})`).toBe(1);
  expect(report.onAttributes, `inline event handlers (${where})`).toEqual([]);
  expect(report.badLinks, `javascript:/data: links (${where})`).toEqual([]);
  expect(report.unsafeNewTabs, `new-tab links without noopener noreferrer (${where})`).toEqual([]);
  for (const scheme of report.linkSchemes) expect(['http:', 'https:']).toContain(scheme);
}

/** Clicks a download button and returns the downloaded file's text. */
async function downloadText(page: Page, button: import('@playwright/test').Locator): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return readFileSync(path!, 'utf8');
}

/** Opens every view (and the map's country panel, an activity's details) and checks each. */
async function browseEveryView(atlas: AtlasPage, dialogs: string[]): Promise<void> {
  const page = atlas.page;
  const map = new MapPage(atlas);
  await atlas.byTestId('nav-map').click();
  await expect(map.svg).toBeVisible();
  await map.clickCountry('VNM');
  await expect(atlas.byTestId('country-panel')).toBeVisible();
  await expect(atlas.byTestId('country-panel')).toContainText(`window.__pwned='activity1'`);
  await expectNothingInjected(page, dialogs, 'map with the Viet Nam panel');
  await atlas.byTestId('asean-wide').click();
  await expect(atlas.byTestId('country-panel')).toContainText(`window.__pwned='activity2'`);
  await expectNothingInjected(page, dialogs, 'map with the ASEAN-wide panel');

  for (const view of ['matrix', 'activities', 'trends', 'report', 'vision', 'data']) {
    await atlas.byTestId(`nav-${view}`).click();
    await expect(page.locator('main h2').first()).toBeVisible();
    if (view === 'activities') {
      // Every row's details, where summaries, fields, follow-ups and sources are shown.
      const rows = atlas.byTestId('activity-row');
      await expect(rows).toHaveCount(3);
      await expect(rows.first()).toContainText(`<script>window.__pwned='activity`);
      for (const row of await rows.all()) await row.getByTestId('activity-toggle').click();
      await expect(page.locator('main')).toContainText(`window.__pwned='activity3.source'`);
      await expectNothingInjected(page, dialogs, 'activity details');
      // The editor holds every text in form controls, and lists the unknown keys it keeps.
      await rows.first().getByTestId('activity-edit').click();
      await expect(atlas.byTestId('activity-editor')).toBeVisible();
      await expectNothingInjected(page, dialogs, 'activity editor');
      await atlas.byTestId('activity-cancel').click();
      await expect(atlas.byTestId('activity-editor')).toHaveCount(0);
    }
    if (view === 'report') {
      await expect(page.locator('main')).toContainText(`window.__pwned='activity3.note'`);
    }
    await untilQuiet(page);
    await expectNothingInjected(page, dialogs, view);
  }
  await expect(atlas.datasetTitle).toHaveText(HOSTILE_TITLE);
}

test.describe('content security policy', () => {
  test('index.html carries the policy, and the inline script it allows is the one that runs', async ({
    atlas,
    page,
  }) => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
    expect(policy).toBeTruthy();
    const directives = Object.fromEntries(
      policy!.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src'].slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives['script-src'].slice(2).every((v: string) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(v))).toBe(true);
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
    expect(directives['script-src']).not.toContain("'unsafe-eval'");
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'self'"]);
    expect(directives['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    // The policy comes before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<link'));
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));

    await atlas.goto();
    await expect(atlas.byTestId('activity-count')).not.toBeEmpty();
  });

  test.describe('enforced', () => {
    test.use({ allowedPageIssues: [/Content Security Policy/] });

    test('a script added at run time, string timers, javascript: links and a foreign image are refused', async ({
      atlas,
      page,
    }) => {
      await watchForAttacks(page);
      await atlas.goto();
      const outcome = await page.evaluate(async () => {
        const w = window as unknown as { __inline?: number; __timer?: number; __link?: number; __csp: string[] };
        const script = document.createElement('script');
        script.textContent = 'window.__inline = 1';
        document.head.append(script);
        // A string run as code later (what eval-like injection needs) is refused by the policy.
        (window.setTimeout as unknown as (code: string, ms: number) => number)('window.__timer = 1', 0);
        const link = document.createElement('a');
        link.href = 'javascript:window.__link = 1';
        document.body.append(link);
        link.click();
        link.remove();
        const image = new Image();
        const imageOutcome = await new Promise<string>((resolve) => {
          image.onload = () => resolve('loaded');
          image.onerror = () => resolve('refused');
          image.src = 'http://example.invalid/pixel.png';
        });
        // Had the string timer been allowed, it would have run before this one of the same delay, started
        // after it; the link's script, had it run, was queued at the click, before the image's answer.
        await new Promise((resolve) => setTimeout(resolve, 0));
        return {
          inline: w.__inline ?? null,
          timer: w.__timer ?? null,
          link: w.__link ?? null,
          imageOutcome,
        };
      });
      expect(outcome.inline).toBeNull();
      expect(outcome.timer).toBeNull();
      expect(outcome.link).toBeNull();
      expect(outcome.imageOutcome).toBe('refused');
      // Violation events are dispatched asynchronously: wait for all three.
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))
        .toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^script-src-elem /),
            expect.stringMatching(/^script-src /),
            expect.stringMatching(/^img-src http:\/\/example\.invalid/),
          ]),
        );
    });
  });
});

test.describe('hostile datasets', () => {
  test('a stored dataset with script and HTML in every text is shown as text in every view', async ({
    atlas,
    page,
  }) => {
    const { dialogs } = await watchForAttacks(page);
    await atlas.goto('', { waitForApp: false });
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key, value),
      [DATASET_KEY, JSON.stringify(validDataset())],
    );
    await atlas.goto({ view: 'map' });
    await expect(atlas.datasetTitle).toHaveText(HOSTILE_TITLE);
    await expect(atlas.byTestId('activity-count')).toHaveText('3');
    await browseEveryView(atlas, dialogs);

    // Pictures exported from this data carry its text escaped: opened in a browser, they run nothing.
    await atlas.byTestId('nav-map').click();
    const mapSvg = await downloadText(page, atlas.byTestId('export-map-svg'));
    expect(mapSvg).toContain('&lt;img src=x onerror=');
    await atlas.byTestId('nav-trends').click();
    const chartSvg = await downloadText(page, atlas.byTestId('trends-export-svg'));
    for (const svg of [mapSvg, chartSvg]) {
      // Parsed as the browser would open the file (DOMParser runs nothing).
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const elements = Array.from(doc.querySelectorAll('*'));
        return {
          error: doc.querySelector('parsererror') !== null,
          root: doc.documentElement.localName,
          tags: Array.from(new Set(elements.map((el) => el.localName))).sort(),
          handlers: elements.flatMap((el) =>
            Array.from(el.attributes)
              .filter((a) => a.name.toLowerCase().startsWith('on') || /^\s*javascript:/i.test(a.value))
              .map((a) => `${el.localName}[${a.name}]`),
          ),
        };
      }, svg);
      expect(parsed.error).toBe(false);
      expect(parsed.root).toBe('svg');
      for (const tag of ['script', 'img', 'image', 'iframe', 'foreignObject', 'a']) {
        expect(parsed.tags).not.toContain(tag);
      }
      expect(parsed.handlers).toEqual([]);
    }
    await expectNothingInjected(page, dialogs, 'after the exports');
  });

  test('importing: javascript: and data: addresses are refused, the rest imports as text', async ({
    atlas,
    page,
  }) => {
    const { dialogs } = await watchForAttacks(page);
    const data = new DataPage(atlas);
    await data.goto();

    // The file with javascript:/data: addresses is refused, and its errors quote them as text.
    await data.importFile('hostile-urls.json', JSON.stringify(withBadUrls(), null, 2));
    await expect(data.errors).toBeVisible();
    await expect(data.errors).toContainText('javascript:');
    await expect(data.errors).toContainText('data:');
    await expect(data.preview).toHaveCount(0);
    await expectNothingInjected(page, dialogs, 'import errors');

    // The same file with web addresses only: the preview shows the payloads as text.
    await data.importFile('hostile.json', JSON.stringify(validDataset(), null, 2));
    await expect(data.preview).toBeVisible();
    await expectNothingInjected(page, dialogs, 'import preview');
    await data.replaceButton.click();
    await expect(atlas.datasetTitle).toHaveText(HOSTILE_TITLE);
    await expect(atlas.byTestId('activity-count')).toHaveText('3');
    await browseEveryView(atlas, dialogs);

    // The export writes the text back exactly (nothing was sanitised away or executed).
    const exported = await data.exportJson();
    const parsed = JSON.parse(exported.text);
    expect(parsed.title).toBe(HOSTILE_TITLE);
    expect(parsed.activities.map((a: { title: string }) => a.title)).toEqual(
      validDataset().activities.map((a) => a.title),
    );
  });
});

test.describe('requests', () => {
  test('a whole session (load, every view, import, export) requests nothing from another origin', async ({
    atlas,
    page,
    context,
  }) => {
    const requests: Request[] = [];
    context.on('request', (request) => requests.push(request));
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));

    await atlas.goto();
    await waitForActiveWorker(page);
    await atlas.reload();
    for (const view of ['map', 'matrix', 'activities', 'trends', 'report', 'vision', 'data']) {
      await atlas.byTestId(`nav-${view}`).click();
      await expect(page.locator('main h2').first()).toBeVisible();
    }
    const data = new DataPage(atlas);
    const exported = await data.exportJson();
    await data.exportCsv();
    await data.importFile('round-trip.json', exported.text);
    await expect(data.preview).toBeVisible();
    await data.mergeButton.click();
    const map = new MapPage(atlas);
    await atlas.byTestId('nav-map').click();
    await expect(map.svg).toBeVisible();
    await map.clickCountry('THA');
    await expect(atlas.byTestId('country-panel')).toBeVisible();
    await page.waitForLoadState('networkidle');

    const origin = new URL(page.url()).origin;
    const elsewhere = requests
      .map((request) => request.url())
      .filter((url) => {
        const parsed = new URL(url);
        // data: URLs never reach a network; blob: URLs carry the page's own origin.
        if (parsed.protocol === 'data:') return false;
        return parsed.origin !== origin;
      });
    expect(requests.length).toBeGreaterThan(5);
    expect(elsewhere, 'requests to another origin').toEqual([]);
    expect(sockets).toEqual([]);
  });
});
