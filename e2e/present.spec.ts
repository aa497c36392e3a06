import { writeFileSync } from 'node:fs';

import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from '@playwright/test';

import { matrixCell, type ChartActivity } from './fixtures/charts-page';
import { activitiesBehind, defaultActivities, expect, test, yearSpan, type MapQuery } from './fixtures/map-page';

// Presentation mode (issue 16): the map, the matrix or the trends chart fills the screen for a
// projector, and a few keys drive it. Every expected count is computed here from the default dataset,
// independently of the app's Rust code.
const activities = defaultActivities();
const [FIRST_YEAR, LAST_YEAR] = yearSpan(activities);
const count = (place: string, q: MapQuery) => activitiesBehind(activities, place, q).length;
const PLACES = ['VNM', 'PHL', 'IDN', 'KHM', 'TLS'];

/** The address without the presentation flag: what the QR code hands the audience. */
function withoutPresent(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('present');
  return url.href;
}

async function qrText(page: Page): Promise<string | null> {
  const shot = await page.getByTestId('view-qr').screenshot();
  const image = PNG.sync.read(shot);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** The root font size, in px: presentation mode scales it for the back of the room. */
async function rootFontSize(page: Page): Promise<number> {
  return page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
}

test.describe('presentation mode', () => {
  test('the Present button fills the screen with the map; Esc closes the legend, then the panel, then leaves', async ({ map }) => {
    await map.open({ measure: 'CBC' });
    const normalSize = await rootFontSize(map.page);
    await map.atlas.byTestId('present').click();
    const presentation = map.atlas.byTestId('presentation');
    await expect(presentation).toBeVisible();
    await expect.poll(() => map.atlas.queryParams().get('present')).toBe('1');
    // The desk's controls are gone; the map, its legend, the year and the measure stay.
    await expect(map.atlas.datasetTitle).toBeHidden();
    await expect(map.atlas.byTestId('present')).toBeHidden();
    await expect(map.exportSvgButton).toBeHidden();
    await expect(map.table).toBeHidden();
    await expect(map.yearFrom).toBeHidden();
    for (const visible of [map.svg, map.legend, map.measureSelect, map.atlas.byTestId('year-label')]) {
      await expect(visible).toBeVisible();
    }
    await expect(map.measureSelect).toHaveValue('CBC');
    expect(await rootFontSize(map.page)).toBeGreaterThan(normalSize);

    // `?` shows the key legend: every key of the map, in words.
    await map.page.keyboard.press('?');
    const legend = map.atlas.byTestId('present-keys');
    await expect(legend).toBeVisible();
    await expect(map.atlas.byTestId('present-keys-toggle')).toHaveAttribute('aria-expanded', 'true');
    await expect(legend.locator('tr')).toHaveCount(13);
    await expect(legend.locator('tr').nth(1)).toHaveText(/2\s*CBC Capacity Building Cooperation/);
    await expect(legend).toContainText('Play or pause the years');

    // Esc closes the legend first, and presentation mode stays.
    await map.page.keyboard.press('Escape');
    await expect(legend).toBeHidden();
    await expect(presentation).toBeVisible();

    // The side panel lies over the map, and Esc closes it before leaving.
    await map.clickCountry('VNM');
    await expect(map.panel).toBeVisible();
    await expect(map.panel).toHaveCSS('position', 'fixed');
    await expect(map.activityRows).toHaveCount(count('VNM', { measure: 'CBC' }));
    await map.page.keyboard.press('Escape');
    await expect(map.panel).toBeHidden();
    await expect(presentation).toBeVisible();

    // The last Esc leaves: the normal layout is back, with the focus on the Present button.
    await map.page.keyboard.press('Escape');
    await expect(presentation).toBeHidden();
    await expect(map.atlas.datasetTitle).toBeVisible();
    await expect(map.atlas.byTestId('present')).toBeFocused();
    await expect.poll(() => map.atlas.queryParams().has('present')).toBe(false);
    await expect.poll(() => rootFontSize(map.page)).toBe(normalSize);
    await expect(map.measureSelect).toHaveValue('CBC');
  });

  test('1–5 and 0 choose the measure, ← and → the year, A the ASEAN-wide toggle: the counts are the model\'s', async ({ map }) => {
    await map.open({ present: '1' });
    await expect(map.atlas.byTestId('presentation')).toBeVisible();
    const expectCounts = async (q: MapQuery) => {
      for (const place of PLACES) {
        await expect(map.country(place)).toHaveAttribute('data-count', String(count(place, q)));
      }
      await expect(map.aseanWide).toHaveAttribute('data-count', String(count('ASEAN', q)));
    };

    const codes = ['PIL', 'CBC', 'DETC', 'JTE', 'HRDAE'];
    for (const [index, code] of codes.entries()) {
      await map.page.keyboard.press(String(index + 1));
      await expect(map.measureSelect).toHaveValue(code);
      await expectCounts({ measure: code });
    }
    await map.page.keyboard.press('0');
    await expect(map.measureSelect).toHaveValue('ALL');
    await expectCounts({ measure: 'ALL' });
    await map.page.keyboard.press('4');

    // → from all years starts at the first year, and steps one year on; ← steps back.
    const label = map.atlas.byTestId('year-label');
    await map.page.keyboard.press('ArrowRight');
    await expect(label).toHaveText(String(FIRST_YEAR));
    await map.page.keyboard.press('ArrowLeft');
    await expect(label).toHaveText(String(FIRST_YEAR));
    await map.atlas.goto({ present: '1', measure: 'JTE', from: '2018', to: '2018' }, { waitForApp: false });
    await expect(label).toHaveText('2018');
    await map.page.keyboard.press('ArrowRight');
    await expect(label).toHaveText('2019');
    await expectCounts({ measure: 'JTE', from: 2019, to: 2019 });
    await map.page.keyboard.press('ArrowLeft');
    await map.page.keyboard.press('ArrowLeft');
    await expect(label).toHaveText('2017');
    await expectCounts({ measure: 'JTE', from: 2017, to: 2017 });
    await expect.poll(() => map.atlas.queryParams().get('from')).toBe('2017');

    // A adds the ASEAN-wide activities to every member state, and again takes them away.
    await expect(map.includeAseanWide).not.toBeChecked();
    await map.page.keyboard.press('a');
    await expect(map.includeAseanWide).toBeChecked();
    await expectCounts({ measure: 'JTE', from: 2017, to: 2017, includeAseanWide: true });
    await map.page.keyboard.press('A');
    await expect(map.includeAseanWide).not.toBeChecked();
    await expectCounts({ measure: 'JTE', from: 2017, to: 2017 });

    // Keys typed into a control belong to it: a digit on the focused measure menu is not a command.
    await map.measureSelect.focus();
    await map.page.keyboard.press('a');
    await expect(map.includeAseanWide).not.toBeChecked();
  });

  test('Space plays the years about once a second and pauses them; → takes over from Play', async ({ map }) => {
    await map.page.clock.install({ time: new Date('2026-06-01T00:00:00Z') });
    await map.open({ present: '1', measure: 'ALL', from: String(LAST_YEAR - 3), to: String(LAST_YEAR - 3) });
    await map.page.clock.pauseAt(new Date('2026-06-01T01:00:00Z'));
    const label = map.atlas.byTestId('year-label');
    const play = map.atlas.byTestId('year-play');
    await expect(label).toHaveText(String(LAST_YEAR - 3));
    await map.page.keyboard.press(' ');
    await expect(play).toHaveAttribute('data-playing', 'true');
    for (const year of [LAST_YEAR - 2, LAST_YEAR - 1]) {
      await map.page.clock.runFor(1000);
      await expect(label).toHaveText(String(year));
      for (const place of PLACES) {
        await expect(map.country(place)).toHaveAttribute('data-count', String(count(place, { measure: 'ALL', from: year, to: year })));
      }
    }
    await map.page.keyboard.press(' ');
    await expect(play).toHaveAttribute('data-playing', 'false');
    await map.page.clock.runFor(3000);
    await expect(label).toHaveText(String(LAST_YEAR - 1));

    // Stepping by hand pauses a run.
    await map.page.keyboard.press(' ');
    await expect(play).toHaveAttribute('data-playing', 'true');
    await map.page.keyboard.press('ArrowLeft');
    await expect(play).toHaveAttribute('data-playing', 'false');
    await expect(label).toHaveText(String(LAST_YEAR - 2));
    await map.page.clock.runFor(3000);
    await expect(label).toHaveText(String(LAST_YEAR - 2));
  });

  test('?present=1 opens it and survives a reload, in Japanese too; Q shows the QR code of the view without the flag', async ({ map }) => {
    await map.open({ present: '1', lang: 'ja', measure: 'CBC' });
    const presentation = map.atlas.byTestId('presentation');
    await expect(presentation).toBeVisible();
    await expect(map.atlas.byTestId('present-exit')).toHaveText('終了（Esc）');
    await map.page.keyboard.press('?');
    const legend = map.atlas.byTestId('present-keys');
    await expect(legend.locator('tr').nth(1)).toHaveText(/2\s*CBC 能力構築支援/);
    await expect(legend).toContainText('スペース');
    await map.page.keyboard.press('?');
    await expect(legend).toBeHidden();

    await map.page.reload();
    await expect(presentation).toBeVisible();
    await expect(map.measureSelect).toHaveValue('CBC');
    await expect(map.page.locator('html')).toHaveAttribute('lang', 'ja');

    // The audience gets the view, not the presenter's layout.
    await map.page.keyboard.press('2');
    await map.page.keyboard.press('ArrowRight');
    await expect(map.atlas.byTestId('year-label')).toHaveText(`${FIRST_YEAR}年`);
    await map.page.keyboard.press('q');
    await expect(map.atlas.byTestId('share-panel')).toBeVisible();
    let decoded: string | null = null;
    await expect.poll(async () => (decoded = await qrText(map.page))).toBe(withoutPresent(map.page.url()));
    const shared = new URL(decoded ?? '');
    expect(Object.fromEntries(shared.searchParams)).toMatchObject({
      view: 'map',
      measure: 'CBC',
      from: String(FIRST_YEAR),
      to: String(FIRST_YEAR),
      lang: 'ja',
    });
    expect(shared.searchParams.has('present')).toBe(false);
    // Esc closes the QR code first.
    await map.page.locator('body').press('Escape');
    await expect(map.atlas.byTestId('share-panel')).toBeHidden();
    await expect(presentation).toBeVisible();
  });

  test('the matrix answers the measure and year keys, and the trends chart only its own', async ({ map }) => {
    await map.open({ present: '1' });
    await map.atlas.byTestId('present-view-matrix').click();
    const matrix = map.atlas.byTestId('matrix');
    await expect(matrix).toBeVisible();
    await expect.poll(() => map.atlas.queryParams().get('view')).toBe('matrix');
    const cell = (row: string, col: string) => matrix.locator(`[data-row="${row}"][data-col="${col}"][data-count]`);
    const chartActivities = activities as unknown as ChartActivity[];

    await map.page.keyboard.press('4');
    await expect(matrix.locator('th.matrix__col--current')).toHaveAttribute('data-col', 'JTE');
    await map.page.keyboard.press('ArrowRight');
    await expect.poll(() => map.atlas.queryParams().get('from')).toBe(String(FIRST_YEAR));
    await map.page.keyboard.press('ArrowRight');
    await map.page.keyboard.press('ArrowRight');
    const year = FIRST_YEAR + 2;
    await expect.poll(() => map.atlas.queryParams().get('to')).toBe(String(year));
    for (const row of ['VNM', 'PHL', 'ASEAN']) {
      await expect(cell(row, 'JTE')).toHaveAttribute('data-count', String(matrixCell(chartActivities, row, 'JTE', { from: year, to: year }).length));
    }
    // No ASEAN-wide toggle here: A leaves the map's setting alone.
    await map.page.keyboard.press('a');
    await map.atlas.byTestId('present-view-map').click();
    await expect(map.includeAseanWide).not.toBeChecked();
    await expect(map.measureSelect).toHaveValue('JTE');

    // The trends chart shows every measure and year at once: the measure keys do nothing there.
    await map.atlas.byTestId('present-view-trends').click();
    await expect(map.atlas.byTestId('trends-chart')).toBeVisible();
    await map.page.keyboard.press('2');
    await map.page.keyboard.press('ArrowRight');
    await expect.poll(() => map.atlas.queryParams().get('measure')).toBe('JTE');
    expect(map.atlas.queryParams().get('from')).toBe(String(year));
    await map.page.keyboard.press('?');
    await expect(map.atlas.byTestId('present-keys').locator('tr')).toHaveCount(3);
    await map.page.keyboard.press('Escape');
    await map.page.keyboard.press('Escape');
    // Leaving keeps the view presented.
    await expect(map.atlas.byTestId('presentation')).toBeHidden();
    await expect(map.atlas.byTestId('trends-chart')).toBeVisible();
    await expect.poll(() => map.atlas.queryParams().get('view')).toBe('trends');
  });

  for (const [width, height] of [[1024, 768], [1920, 1080]]) {
    test(`type sized for a projector, and everything fits, at ${width}×${height}`, async ({ map }) => {
      await map.page.setViewportSize({ width, height });
      await map.open({ present: '1', measure: 'CBC', lang: 'ja' });
      await expect(map.atlas.byTestId('presentation')).toBeVisible();
      // 18 px at 1024 wide, 26 px and more at 1920 (the normal layout's text is 16 px).
      const size = await rootFontSize(map.page);
      expect(size).toBeGreaterThanOrEqual(width < 1500 ? 18 : 26);
      // Nothing scrolls sideways and the map, legend and year stand inside the screen.
      expect(await map.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      for (const part of [map.svg, map.legend, map.atlas.byTestId('year-label'), map.atlas.byTestId('present-exit')]) {
        const box = await part.boundingBox();
        expect(box, 'is drawn').not.toBeNull();
        if (!box) continue;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width + 0.5);
        expect(box.y + box.height).toBeLessThanOrEqual(height + 0.5);
      }
      // The smallest text on the map view is still 14 px or more.
      const smallest = await map.page.evaluate(() => {
        const view = document.querySelector('[data-testid="presentation"]');
        let min = { size: Infinity, text: '' };
        for (const el of view?.querySelectorAll('p, span, label, button, h2, h3, li, option') ?? []) {
          if ((el as HTMLElement).offsetParent === null || !el.textContent?.trim()) continue;
          const size = parseFloat(getComputedStyle(el).fontSize);
          if (size < min.size) min = { size, text: `${el.tagName}.${el.className}: ${el.textContent.trim().slice(0, 40)}` };
        }
        return min;
      });
      expect(smallest.size, smallest.text).toBeGreaterThanOrEqual(14);
    });
  }

  test('screenshot of presentation mode at 1920×1080 (docs/presentation.png)', async ({ map }, testInfo) => {
    await map.page.setViewportSize({ width: 1920, height: 1080 });
    await map.open({ present: '1', measure: 'CBC', from: '2019', to: '2019' });
    await expect(map.atlas.byTestId('presentation')).toBeVisible();
    await expect(map.atlas.byTestId('year-label')).toHaveText('2019');
    await map.page.mouse.move(1, 1);
    const shot = await map.page.screenshot();
    await testInfo.attach('presentation', { body: shot, contentType: 'image/png' });
    writeFileSync('test-results/presentation.png', shot);
    const image = PNG.sync.read(shot);
    expect([image.width, image.height]).toEqual([1920, 1080]);
  });
});
