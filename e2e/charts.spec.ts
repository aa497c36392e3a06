import { readFileSync } from 'node:fs';

import { DATASET_KEY, defaultDatasetText } from './fixtures/constants';
import {
  test,
  expect,
  defaultActivities,
  matrixCell,
  sortedByYear,
  yearSpan,
  yearFigures,
  shareText,
  MEASURES,
  ROWS,
  type ChartActivity,
} from './fixtures/charts-page';

// Every expected number is computed here from src/model/default_dataset.json, independently of the app.
const activities = defaultActivities();
// The records themselves, dated events included (defaultActivities() is what the counts see).
const RECORDS: ChartActivity[] = JSON.parse(defaultDatasetText()).activities;
const [FIRST, LAST] = yearSpan(activities);
// Trends and the report open on the first year with at least three active activities; "All years" goes
// back to FIRST.
const OPENING = (() => {
  for (let y = FIRST; y <= LAST; y++) if (yearFigures(activities, y).active >= 3) return y;
  return FIRST;
})();

test.describe('matrix', () => {
  test('every measure cell holds the count computed from the dataset', async ({ charts }) => {
    await charts.openMatrix();
    for (const row of ROWS) {
      for (const col of [...MEASURES, 'NONE', 'TOTAL']) {
        expect(await charts.cellCount(row, col), `${row} × ${col}`).toBe(matrixCell(activities, row, col).length);
      }
    }
    await expect(charts.matrix.locator('caption')).toContainText('all years');
    await expect(charts.matrix.locator('th[scope="row"]')).toHaveCount(12);
    await expect(charts.matrix.locator('thead th[scope="col"]')).toHaveCount(8);
  });

  test('the (Viet Nam, CBC) cell equals the map count for Viet Nam under CBC', async ({ charts }) => {
    const expected = matrixCell(activities, 'VNM', 'CBC').length;
    expect(expected).toBeGreaterThan(0);
    await charts.openMatrix();
    const matrixCount = await charts.cellCount('VNM', 'CBC');
    expect(matrixCount).toBe(expected);

    const mapCount = await charts.mapCount('VNM', 'CBC');
    test.skip(mapCount === null, 'the map view has no [data-country="VNM"] shape yet');
    expect(mapCount).toBe(matrixCount);
  });

  test('clicking a cell lists exactly its activities, sorted by year', async ({ charts }) => {
    await charts.openMatrix();
    await charts.cell('VNM', 'CBC').getByRole('button').click();
    const expected = sortedByYear(matrixCell(activities, 'VNM', 'CBC')).map((a) => a.id);
    await expect(charts.selectionRows).toHaveCount(expected.length);
    const ids = await charts.selectionRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-activity-id')));
    expect(ids).toEqual(expected);
    await expect(charts.selection.getByRole('heading')).toContainText(`Viet Nam · CBC: ${expected.length} activities`);
    await expect(charts.cell('VNM', 'CBC').getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  });

  test('cells work from the keyboard, including ASEAN-wide and "no measure"', async ({ charts, page }) => {
    await charts.openMatrix();
    const button = charts.cell('ASEAN', 'NONE').getByRole('button');
    await button.focus();
    await page.keyboard.press('Enter');
    const expected = sortedByYear(matrixCell(activities, 'ASEAN', 'NONE')).map((a) => a.id);
    const ids = await charts.selectionRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-activity-id')));
    expect(ids).toEqual(expected);
  });

  test('the year range narrows the counts and lives in the URL', async ({ charts, atlas }) => {
    await charts.openMatrix();
    await charts.setMatrixYears(2020, 2021);
    const years = { from: 2020, to: 2021 };
    await expect(charts.cell('VNM', 'TOTAL')).toHaveAttribute(
      'data-count',
      String(matrixCell(activities, 'VNM', 'TOTAL', years).length),
    );
    for (const row of ['VNM', 'PHL', 'ASEAN']) {
      for (const col of ['CBC', 'DETC', 'NONE']) {
        expect(await charts.cellCount(row, col), `${row} × ${col}`).toBe(matrixCell(activities, row, col, years).length);
      }
    }
    await expect.poll(() => atlas.queryParams().get('from')).toBe('2020');
    await expect.poll(() => atlas.queryParams().get('to')).toBe('2021');
    await expect(charts.matrix.locator('caption')).toContainText('2020–2021');
  });

  test('filters set in the activities list narrow the matrix, and it says so', async ({ charts }) => {
    await charts.openMatrix({ status: 'completed' });
    // The default dataset records no status, so every cell is empty under "completed".
    await expect(charts.atlas.byTestId('matrix-other-filters')).toContainText('status: Completed');
    await expect(charts.cell('VNM', 'TOTAL')).toHaveAttribute('data-count', '0');
    await charts.atlas.byTestId('matrix-other-filters').getByRole('button').click();
    await expect(charts.atlas.byTestId('matrix-other-filters')).toHaveCount(0);
    await expect(charts.cell('VNM', 'TOTAL')).toHaveAttribute(
      'data-count',
      String(matrixCell(activities, 'VNM', 'TOTAL').length),
    );
  });

  test('the matrix is one tab stop, and the arrow keys move between its cells (WAI-ARIA grid)', async ({ charts, page }) => {
    await charts.openMatrix();
    await expect(charts.matrix).toHaveAttribute('role', 'grid');
    const buttons = charts.matrix.locator('button.matrix__button');
    // 12 rows × 7 columns; one of them in the tab order, every other one out of it.
    await expect(buttons).toHaveCount(84);
    await expect(charts.matrix.locator('button.matrix__button[tabindex="0"]')).toHaveCount(1);
    await expect(charts.matrix.locator('button.matrix__button[tabindex="-1"]')).toHaveCount(83);
    const focusedCell = () =>
      page.evaluate(() => {
        const cell = document.activeElement?.closest('td');
        return cell ? `${cell.getAttribute('data-row')} ${cell.getAttribute('data-col')}` : null;
      });
    await charts.matrix.locator('button.matrix__button[tabindex="0"]').focus();
    expect(await focusedCell()).toBe('BRN PIL');
    await page.keyboard.press('ArrowRight');
    expect(await focusedCell()).toBe('BRN CBC');
    await page.keyboard.press('ArrowDown');
    expect(await focusedCell()).toBe('KHM CBC');
    await page.keyboard.press('End');
    expect(await focusedCell()).toBe('KHM TOTAL');
    await page.keyboard.press('ArrowRight');
    expect(await focusedCell()).toBe('KHM TOTAL');
    await page.keyboard.press('Control+End');
    expect(await focusedCell()).toBe('ASEAN TOTAL');
    await page.keyboard.press('Control+Home');
    expect(await focusedCell()).toBe('BRN PIL');
    // To Viet Nam × CBC: ten rows down, one column right; Enter lists the cell's activities.
    for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    expect(await focusedCell()).toBe('VNM CBC');
    await expect(charts.matrix.locator('button.matrix__button[tabindex="0"]')).toHaveCount(1);
    await expect(charts.cell('VNM', 'CBC').locator('button')).toHaveAttribute('tabindex', '0');
    await page.keyboard.press('Enter');
    await expect(charts.atlas.byTestId('matrix-selection')).toBeVisible();
    await expect(charts.cell('VNM', 'CBC').locator('button')).toHaveAttribute('aria-pressed', 'true');
  });

  test('fields mode: columns are the fields present, most frequent first, compared without case', async ({ charts }) => {
    await charts.openMatrix();
    await charts.fieldsMode.check();
    // Frequencies over every activity (no filter), case-insensitive.
    const frequency = new Map<string, number>();
    for (const a of activities) {
      for (const key of new Set((a.fields ?? []).map((f) => f.trim().toLowerCase()).filter(Boolean))) {
        frequency.set(key, (frequency.get(key) ?? 0) + 1);
      }
    }
    const expected = [...frequency.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([key]) => key);
    const codes = await charts.columnHeaders.evaluateAll((ths) => ths.map((th) => th.getAttribute('data-col')));
    expect(codes).toEqual([...expected, 'NONE', 'TOTAL']);

    const hadr = activities.filter(
      (a) => a.scope === 'member-states' && (a.countries ?? []).includes('PHL') && (a.fields ?? []).some((f) => f.trim().toLowerCase() === 'ha/dr'),
    );
    expect(await charts.cellCount('PHL', 'ha/dr')).toBe(hadr.length);
    await charts.cell('PHL', 'ha/dr').getByRole('button').click();
    await expect(charts.selectionRows).toHaveCount(hadr.length);
  });
});

test.describe('trends', () => {
  test('opens on the first year with three active activities, all years one click away', async ({ charts }) => {
    expect(OPENING).toBeGreaterThan(FIRST);
    await charts.openTrends();
    await expect(charts.chartYears).toHaveCount(LAST - OPENING + 1);
    await expect(charts.chart.locator(`g[data-year="${OPENING}"]`)).toBeAttached();
    await expect(charts.chart.locator(`g[data-year="${OPENING - 1}"]`)).toHaveCount(0);
    expect(yearFigures(activities, OPENING - 1).active).toBeLessThan(3);
    await expect(charts.atlas.byTestId('trends-opening')).toContainText(`From ${OPENING}`);
    await charts.trendsAllYears.click();
    await expect(charts.trendsAllYears).toHaveAttribute('aria-pressed', 'true');
    await expect(charts.chartYears).toHaveCount(LAST - FIRST + 1);
    await charts.trendsAllYears.click();
    await expect(charts.chartYears).toHaveCount(LAST - OPENING + 1);
  });

  test('one bar group per year of the span, with the numbers of the dataset and of the table', async ({ charts }) => {
    await charts.openTrends();
    await charts.trendsAllYears.click();
    await expect(charts.chartYears).toHaveCount(LAST - FIRST + 1);
    const years = await charts.chartYears.evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-year'))));
    expect(years).toEqual(Array.from({ length: LAST - FIRST + 1 }, (_, i) => FIRST + i));

    await charts.showTable();
    await expect(charts.table.locator('tbody tr')).toHaveCount(LAST - FIRST + 1);
    for (const year of [FIRST, 2016, 2019, 2023, LAST]) {
      const f = yearFigures(activities, year);
      const group = charts.chart.locator(`g[data-year="${year}"]`);
      await expect(group).toHaveAttribute('data-active', String(f.active));
      await expect(group).toHaveAttribute('data-combined', String(f.combined));
      await expect(group).toHaveAttribute('data-asean-wide', String(f.aseanWide));
      await expect(charts.tableCell(year, 'active')).toHaveText(String(f.active));
      await expect(charts.tableCell(year, 'combined')).toHaveText(String(f.combined));
      await expect(charts.tableCell(year, 'asean-wide')).toHaveText(String(f.aseanWide));
      await expect(charts.tableCell(year, 'share')).toHaveText(shareText(f));
      for (const m of MEASURES) {
        await expect(charts.tableCell(year, m)).toHaveText(String(f.byMeasure[m]));
        const bar = group.locator(`rect[data-measure="${m}"]`);
        if (f.byMeasure[m] === 0) await expect(bar).toHaveCount(0);
        else await expect(bar).toHaveAttribute('data-count', String(f.byMeasure[m]));
      }
      await expect(charts.tableCell(year, 'NONE')).toHaveText(String(f.noMeasure));
    }
    // The chart has its axis labels and legend.
    for (const text of ['Activities active', 'ASEAN-wide share', 'Year', 'HRD/AE', 'No measure', 'Activities combining ≥ 2 measures']) {
      await expect(charts.chart.locator('text', { hasText: text }).first()).toBeAttached();
    }
  });

  test('the shared year range narrows the chart without changing any year', async ({ charts, atlas, page }) => {
    await charts.openTrends();
    await page.getByTestId('year-from').fill('2009');
    await page.getByTestId('year-from').press('Enter');
    await expect(charts.chartYears).toHaveCount(LAST - 2009 + 1);
    const f = yearFigures(activities, 2016);
    await expect(charts.chart.locator('g[data-year="2016"]')).toHaveAttribute('data-active', String(f.active));
    await expect(charts.chart.locator('g[data-year="2008"]')).toHaveCount(0);
    await expect.poll(() => atlas.queryParams().get('from')).toBe('2009');
    await page.getByTestId('trends-years-clear').click();
    await expect(charts.chartYears).toHaveCount(LAST - OPENING + 1);
  });

  test('on a phone the chart is drawn for its width, in both languages, and widens with the window', async ({ charts, page }) => {
    // Every text of the chart lies inside it, and nothing on the page scrolls sideways.
    const fits = async (what: string) => {
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${what}: no sideways scrolling`).toBeLessThanOrEqual(0);
      const outside = await charts.chart.evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')]
          .map((text) => ({ text: text.textContent ?? '', r: text.getBoundingClientRect() }))
          .filter(({ r }) => r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
          .map(({ text }) => text);
      });
      expect(outside, `${what}: texts outside the chart`).toEqual([]);
    };
    await page.setViewportSize({ width: 390, height: 844 });
    for (const lang of ['en', 'ja']) {
      await charts.atlas.goto({ view: 'trends', lang });
      await expect(charts.chart).toBeVisible();
      await expect(charts.chart).toHaveAttribute('data-frame', 'narrow');
      await expect(charts.chart).toHaveAttribute('viewBox', /^0 0 360 \d+$/);
      await fits(`390 px, ${lang}`);
      // Its text is about as large as written: a year label of 12 units is at least 11 px tall.
      const label = charts.chart.locator('g[data-year] text').first();
      const height = await label.evaluate((text) => text.getBoundingClientRect().height);
      expect(height).toBeGreaterThanOrEqual(11);
      // The same numbers as on a wide screen.
      const f = yearFigures(activities, LAST);
      await expect(charts.chart.locator(`g[data-year="${LAST}"]`)).toHaveAttribute('data-active', String(f.active));
      await expect(charts.chartYears).toHaveCount(LAST - OPENING + 1);
      await expect(charts.chart.locator('[data-legend]')).toHaveCount(9);
    }
    // An export from the phone is the narrow picture, its PNG twice its size.
    const [height] = (await charts.chart.getAttribute('viewBox'))!.split(' ').slice(3).map(Number);
    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      charts.atlas.byTestId('trends-export-png').click(),
    ]);
    const png = readFileSync((await pngDownload.path())!);
    expect(png.readUInt32BE(16)).toBe(720);
    expect(png.readUInt32BE(20)).toBe(height * 2);
    // Turned or widened, the page draws the wide chart again, without a reload.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(charts.chart).toHaveAttribute('data-frame', 'wide');
    await expect(charts.chart).toHaveAttribute('viewBox', '0 0 960 480');
    await fits('1280 px, ja');
    await page.setViewportSize({ width: 720, height: 800 });
    await expect(charts.chart).toHaveAttribute('data-frame', 'wide');
    await fits('720 px, ja');
  });

  test('exports a standalone SVG and a PNG at twice the size', async ({ charts, page }) => {
    await charts.openTrends();
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      charts.atlas.byTestId('trends-export-svg').click(),
    ]);
    expect(svgDownload.suggestedFilename()).toMatch(/^vientiane-vision-trends-\d{4}-\d{2}-\d{2}\.svg$/);
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg.match(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g)).toHaveLength(1);
    expect(svg).toContain(`per year, ${OPENING}–${LAST}`);
    expect(svg).toContain('fill="#e69f00"');
    expect(svg).not.toContain('var(--');
    expect(svg).toContain('ASEAN-wide share (right axis, %)');
    expect((svg.match(/data-year="/g) ?? []).length).toBe(LAST - OPENING + 1);

    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      charts.atlas.byTestId('trends-export-png').click(),
    ]);
    expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
    const png = readFileSync((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20; the chart is 960 × 480.
    expect(png.readUInt32BE(16)).toBe(1920);
    expect(png.readUInt32BE(20)).toBe(960);
  });
});

test.describe('annual report', () => {
  test('opens on the latest year up to now that has activities', async ({ charts }) => {
    const now = new Date().getFullYear();
    let expected = FIRST;
    for (let y = Math.min(LAST, now); y >= FIRST; y--) {
      if (yearFigures(activities, y).active > 0) {
        expected = y;
        break;
      }
    }
    await charts.openReport();
    await expect(charts.yearSelect).toHaveValue(String(expected));
    await expect(charts.report).toHaveAttribute('data-year', String(expected));
    // The year list opens on the same era as the trends; "All years" adds the earlier ones.
    await expect(charts.yearSelect.locator('option')).toHaveCount(LAST - OPENING + 1);
    await charts.reportAllYears.click();
    await expect(charts.yearSelect.locator('option')).toHaveCount(LAST - FIRST + 1);
    await expect(charts.yearSelect).toHaveValue(String(expected));
  });

  test('the report for a chosen year shows the expected counts', async ({ charts }) => {
    await charts.openReport();
    for (const year of [2019, 2023]) {
      await charts.yearSelect.selectOption(String(year));
      await expect(charts.report).toHaveAttribute('data-year', String(year));
      const f = yearFigures(activities, year);
      const previous = yearFigures(activities, year - 1);
      await expect(charts.figure('active')).toHaveText(String(f.active));
      await expect(charts.figure('new')).toHaveText(String(f.newThisYear));
      await expect(charts.figure('completed')).toHaveText(String(f.completed));
      await expect(charts.figure('combined')).toHaveText(String(f.combined));
      await expect(charts.figure('asean-share')).toHaveText(shareText(f));
      const change = Math.round((f.aseanWide * 100) / f.active - (previous.aseanWide * 100) / previous.active);
      const changeText = change === 0 ? 'no change' : `${change > 0 ? '+' : '−'}${Math.abs(change)} point${Math.abs(change) === 1 ? '' : 's'}`;
      await expect(charts.figure('asean-share-change')).toHaveText(changeText);
      // Grouped by measure: an activity with several measures appears under each of them.
      for (const m of MEASURES) {
        await expect(charts.group(m).getByTestId('report-entry')).toHaveCount(f.byMeasure[m]);
      }
      await expect(charts.group('NONE').getByTestId('report-entry')).toHaveCount(f.noMeasure);
      // Sources: each address once, of every record active that year (a programme's entry cites its
      // dated events of the year too; the default programmes cover their events' years).
      const active = RECORDS.filter((a) => a.start <= year && (a.end == null || a.end >= year));
      const urls = new Set(active.flatMap((a) => (a.sources ?? []).map((s) => s.url.trim())));
      await expect(charts.report.getByTestId('report-source')).toHaveCount(urls.size);
    }
  });

  test("shows that year's follow-up notes under every measure of the activity", async ({ charts, page }) => {
    // A stored dataset: the default one with follow-up notes on a two-measure activity.
    const target = activities.find((a) => (a.measures ?? []).length === 2 && a.end != null && a.end > a.start)!;
    const year = target.start;
    const dataset = JSON.parse(defaultDatasetText());
    const stored = dataset.activities.find((a: { id: string }) => a.id === target.id);
    stored.followUps = [
      { year, note: 'Reviewed at the Vice-Ministerial Forum: on schedule.' },
      { year: year + 1, note: 'A later note, not for this year.' },
    ];
    await page.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [DATASET_KEY, JSON.stringify(dataset)],
    );
    await charts.openReport();
    await charts.yearSelect.selectOption(String(year));
    for (const m of target.measures!) {
      const entry = charts.group(m).locator(`[data-activity-id="${target.id}"]`);
      await expect(entry.getByTestId('report-note')).toHaveText(['Reviewed at the Vice-Ministerial Forum: on schedule.']);
    }
    await expect(charts.atlas.byTestId('report-followed-up')).toContainText(`1 of ${yearFigures(activities, year).active}`);
  });

  test('the print stylesheet hides the app around the report and keeps the chart whole', async ({ charts, page }, testInfo) => {
    await charts.openReport();
    await expect(charts.printButton).toBeVisible();
    await expect(page.locator('nav.nav')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('nav.nav')).toBeHidden();
    await expect(page.locator('header.header')).toBeHidden();
    await expect(page.locator('footer.footer')).toBeHidden();
    await expect(charts.printButton).toBeHidden();
    await expect(charts.yearSelect).toBeHidden();
    await expect(charts.report).toBeVisible();
    const chart = charts.atlas.byTestId('report-chart');
    await expect(chart).toBeVisible();
    await expect(chart.locator('.trends-chart__legend')).toBeVisible();
    const styles = await chart.evaluate((el) => ({
      breakInside: getComputedStyle(el).breakInside,
      titleColour: getComputedStyle(document.querySelector('.report__title')!).color,
    }));
    expect(styles.breakInside).toBe('avoid');
    expect(styles.titleColour).toBe('rgb(0, 0, 0)');
    const path = testInfo.outputPath('report-print.png');
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach('report-print', { path, contentType: 'image/png' });
  });
});
