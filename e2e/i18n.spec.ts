import { readFileSync } from 'node:fs';

import { test, expect, type AtlasPage } from './fixtures/atlas-page';
import { DataPage, badFile } from './fixtures/data-page';
import { MapPage } from './fixtures/map-page';
import { KEPT_IN_JAPANESE, LANGUAGE_KEY } from './fixtures/constants';

// The Japanese UI (issue #13): choosing the language, keeping the choice, and the app's own words in
// Japanese in every view and export. The names below are the glossary's V- terms
// (../shared/reference/vision-terms-ja.md), written here independently of the Rust tables.
const MEASURES_JA: Record<string, string> = {
  CBC: '能力構築支援',
  DETC: '防衛装備・技術協力',
  JTE: '訓練・演習',
  HRDAE: '人材育成・学術交流',
};
const STATES_JA: Record<string, string> = {
  BRN: 'ブルネイ',
  KHM: 'カンボジア',
  IDN: 'インドネシア',
  LAO: 'ラオス',
  MYS: 'マレーシア',
  MMR: 'ミャンマー',
  PHL: 'フィリピン',
  SGP: 'シンガポール',
  THA: 'タイ',
  VNM: 'ベトナム',
  TLS: '東ティモール',
};
/** A Japanese character: hiragana, katakana or a CJK ideograph. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** The kept words, longest first, so that "HRD/AE" is taken out before a shorter word could split it. */
const KEPT = [...KEPT_IN_JAPANESE].sort((a, b) => b.length - a.length);

/** The English words left in a text once the kept words are taken out. */
function englishWords(text: string): string[] {
  let rest = text;
  for (const word of KEPT) rest = rest.split(word).join(' ');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

async function languageSelect(atlas: AtlasPage) {
  return atlas.byTestId('language-select');
}

test.describe('the language', () => {
  test.beforeEach(async ({ atlas }) => {
    await atlas.clearStorage();
  });

  test('the menu switches at once, keeps the view, the filters and the open panel, and survives a reload', async ({ atlas }) => {
    const map = new MapPage(atlas);
    await map.open({ measure: 'CBC' });
    const select = await languageSelect(atlas);
    await expect(select).toHaveValue('en');
    await expect(select.locator('option')).toHaveText(['English', '日本語']);
    await expect(select).toHaveAttribute('aria-label', /Language/);
    await expect(select).toHaveAttribute('aria-label', /言語/);
    await expect(atlas.page.locator('html')).toHaveAttribute('lang', 'en');

    await map.clickCountry('VNM');
    await expect(map.panel).toBeVisible();
    const rowsBefore = await map.rowIds();
    const wasmRequests: string[] = [];
    atlas.page.on('request', (request) => {
      if (request.resourceType() === 'document' || request.url().endsWith('.wasm')) wasmRequests.push(request.url());
    });

    await select.selectOption('ja');
    // Everything at once, no reload: the panel stays open on Viet Nam with the same rows.
    await expect(atlas.page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(atlas.byTestId('nav-map')).toHaveText('地図');
    await expect(map.panel).toBeVisible();
    await expect(map.panel).toHaveAttribute('data-place', 'VNM');
    await expect(map.panelTitle).toContainText('ベトナム');
    expect(await map.rowIds()).toEqual(rowsBefore);
    await expect(map.measureSelect).toHaveValue('CBC');
    await expect(map.measureSelect.locator('option:checked')).toContainText('能力構築支援');
    await expect.poll(() => atlas.page.title()).toBe('ビエンチャン・ビジョン・アトラス');
    await expect.poll(() => atlas.queryParams().get('lang')).toBe('ja');
    expect(atlas.queryParams().get('country')).toBe('VNM');
    expect(wasmRequests, 'no reload').toEqual([]);
    expect(await atlas.page.evaluate((key) => localStorage.getItem(key), LANGUAGE_KEY)).toBe('ja');

    // The stored choice holds without the address: a plain visit opens in Japanese.
    await atlas.goto({ view: 'map' });
    await expect(atlas.page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(await languageSelect(atlas)).toHaveValue('ja');
    await expect(atlas.byTestId('nav-data')).toHaveText('データ');

    // And back.
    await (await languageSelect(atlas)).selectOption('en');
    await expect(atlas.byTestId('nav-map')).toHaveText('Map');
    await atlas.reload();
    await expect(atlas.page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('?lang= in the address overrides the stored choice, and a bad value is ignored', async ({ atlas }) => {
    await atlas.goto({ lang: 'ja' });
    await expect(atlas.page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(atlas.byTestId('nav-map')).toHaveText('地図');
    // A link's language applies to the page it opens; the menu's choice is what is kept.
    await (await languageSelect(atlas)).selectOption('ja');
    await atlas.goto({ lang: 'en' });
    await expect(atlas.page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(atlas.byTestId('nav-map')).toHaveText('Map');
    for (const hostile of ['fr', '', 'ja-JP', '<script>', '%E6%97%A5']) {
      await atlas.goto(`lang=${hostile}`);
      await expect(atlas.page.locator('html'), hostile).toHaveAttribute('lang', 'ja');
    }
    // A damaged stored choice is ignored too: the browser's preference (English here) applies.
    await atlas.page.evaluate((key) => localStorage.setItem(key, '\u0000garbage'), LANGUAGE_KEY);
    await atlas.goto({});
    await expect(atlas.page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test.describe('a browser that prefers Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('opens in Japanese on a first visit', async ({ atlas }) => {
    await atlas.clearStorage();
    await atlas.goto({});
    expect(await atlas.page.evaluate(() => navigator.languages[0])).toMatch(/^ja/);
    await expect(atlas.page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(await languageSelect(atlas)).toHaveValue('ja');
    await expect(atlas.byTestId('nav-activities')).toHaveText('活動一覧');
  });
});

test.describe('in Japanese', () => {
  test.beforeEach(async ({ atlas }) => {
    await atlas.clearStorage();
  });

  test('the map names the measures and the member states as the glossary does', async ({ atlas }) => {
    const map = new MapPage(atlas);
    await map.open({ lang: 'ja' });
    const options = await map.measureSelect.locator('option').allInnerTexts();
    for (const [code, name] of Object.entries(MEASURES_JA)) {
      expect(options.find((o) => o.includes(name)), `${code} ${name}`).toBeTruthy();
    }
    // Codes stay codes beside the names.
    expect(options.join(' ')).toContain('CBC');
    for (const [code, name] of Object.entries(STATES_JA)) {
      await expect(map.country(code), code).toHaveAttribute('aria-label', new RegExp(name));
    }
    await map.clickCountry('VNM');
    await expect(map.panel).toBeVisible();
    await expect(map.panelTitle).toContainText('ベトナム');
    await expect(map.panel).toContainText('件');
    await expect(map.credit).toContainText('Natural Earth');
    await expect(map.credit).toContainText(JAPANESE);
    expect(englishWords(await map.legend.innerText())).toEqual([]);
  });

  test('the exported map holds the Japanese caption and legend', async ({ atlas }) => {
    const map = new MapPage(atlas);
    await map.open({ lang: 'ja', measure: 'CBC', from: '2016', to: '2025' });
    const [download] = await Promise.all([
      atlas.page.waitForEvent('download'),
      map.exportSvgButton.click(),
    ]);
    const svg = readFileSync((await download.path())!, 'utf8');
    const text = await atlas.page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        lang: doc.documentElement.getAttribute('xml:lang') ?? doc.documentElement.getAttribute('lang'),
        runs: [...doc.querySelectorAll('text, title, desc')].map((t) => t.textContent ?? ''),
      };
    }, svg);
    expect(text.error).toBeNull();
    // The dataset's own title is written as it is (in English in the default data).
    const title = (await atlas.byTestId('dataset-title').innerText()).trim();
    // (A long title wraps over several text runs, so its words are taken out one by one.)
    let all = text.runs.join('\n');
    for (const word of title.split(/\s+/)) all = all.split(word).join(' ');
    expect(all).toContain('能力構築支援');
    expect(all).toContain('2016年～2025年');
    expect(all).toContain('Natural Earth');
    expect(englishWords(all), all).toEqual([]);
  });

  test('a bad file gets its located message in Japanese, with the path as it is', async ({ atlas }) => {
    const data = new DataPage(atlas);
    await atlas.goto({ view: 'data', lang: 'ja' });
    await data.importFile('bad-measure.json', badFile('bad-measure.json'));
    await expect(data.errors).toBeVisible();
    await expect(data.errors).toContainText('activities[0].measures[0]');
    await expect(data.errors).toContainText('「XYZ」');
    await expect(data.errors).toContainText(JAPANESE);
    await expect(data.preview).toBeHidden();
    // Switching while the message is shown re-words it in place.
    await (await languageSelect(atlas)).selectOption('en');
    await expect(data.errors).toContainText('"XYZ" is not PIL, CBC, DETC, JTE or HRDAE');
    await expect(data.errors).toContainText('activities[0].measures[0]');
  });

  test('the report is in Japanese', async ({ atlas }) => {
    await atlas.goto({ view: 'report', lang: 'ja' });
    const heading = atlas.page.locator('#view-title');
    await expect(heading).toContainText(JAPANESE);
    expect(englishWords(await heading.innerText())).toEqual([]);
    await expect(atlas.page.locator('main')).toContainText(/\d{4}年/);
    await expect(atlas.page.locator('main')).toContainText('主な数値');
    await expect(atlas.page.locator('main')).toContainText('能力構築支援（CBC）');
  });

  /**
   * Every view's chrome in Japanese: navigation, headings, labels, buttons, legends, table headers,
   * options, placeholders, tooltips and accessible names. The dataset's own text (titles of
   * activities and sources, field labels, the dataset's title) stays as written and is left out.
   */
  for (const view of ['map', 'matrix', 'activities', 'trends', 'report', 'vision', 'data']) {
    test(`no English word is left in the ${view} view's chrome`, async ({ atlas }) => {
      await atlas.goto({ view, lang: 'ja' });
      await expect(atlas.page.locator('#view-title')).toBeVisible();
      const leftovers = await atlas.page.evaluate(() => {
        const chrome =
          'nav, h1, h2, h3, h4, label, button, legend, th, caption, summary, option, dt, figcaption, [role="status"], .hint, .help';
        // Elements whose text is the dataset's own: left out with everything inside them.
        const dataset = [
          '[data-testid="dataset-title"]',
          '[data-testid="activity-toggle"]',
          // The field labels are the dataset's vocabulary, written as the records have them.
          '[data-testid="filter-field"]',
          '[data-testid="part-of"]',
          '.activity-row__title',
          '.report__entry-title',
          '.source-link',
          'code',
          '[data-dataset-text]',
        ].join(', ');
        const found: string[] = [];
        const visible = (el: Element) => {
          const box = (el as HTMLElement).getBoundingClientRect();
          const style = getComputedStyle(el);
          return (box.width > 0 && box.height > 0 && style.visibility !== 'hidden') || el.tagName === 'OPTION';
        };
        for (const el of document.querySelectorAll(chrome)) {
          if (el.closest(dataset) || !visible(el)) continue;
          const clone = el.cloneNode(true) as Element;
          clone.querySelectorAll(dataset).forEach((inner) => inner.remove());
          found.push(clone.textContent ?? '');
        }
        for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
          // A row's actions are named after its activity's title (the dataset's text).
          if (el.closest(dataset) || el.matches('.activity-row__actions')) continue;
          for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
            const value = el.getAttribute(attribute);
            if (value) found.push(`${attribute}=${value}`);
          }
        }
        return found;
      });
      const english = leftovers
        .map((text) => text.replace(/^(aria-label|title|placeholder|alt)=/, ''))
        .filter((text) => englishWords(text).length > 0);
      // The language menu names English in English, by design.
      // The paste box's placeholder is a sample of the format (JSON keys are the format's own).
      const allowed = (text: string) =>
        /^(English|日本語|English日本語|言語 \/ Language)$/.test(text.trim()) || /^\{".*\}$/.test(text.trim());
      expect(english.filter((text) => !allowed(text)), `English left in ${view}`).toEqual([]);
    });
  }
});
