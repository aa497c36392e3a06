import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

import {
  MEASURES,
  MEMBER_STATES,
  activitiesBehind,
  defaultActivities,
  expect,
  legendLabels,
  sortedByYear,
  test,
  yearSpan,
  type MapQuery,
} from './fixtures/map-page';

// Every expected number below is computed here from src/model/default_dataset.json, independently
// of the app's Rust code.
const activities = defaultActivities();
const [FIRST_YEAR, LAST_YEAR] = yearSpan(activities);

const count = (place: string, q: MapQuery) => activitiesBehind(activities, place, q).length;
const maxCount = (q: MapQuery) => Math.max(...MEMBER_STATES.map((s) => count(s, q)));
const idsBehind = (place: string, q: MapQuery) =>
  sortedByYear(activitiesBehind(activities, place, q)).map((a) => a.id);

test.describe('map', () => {
  test.beforeEach(async ({ atlas }) => {
    // First visit: nothing stored, so the default dataset is loaded.
    await atlas.clearStorage();
  });

  test('the default dataset loads on first visit and every place shows its count', async ({ map }) => {
    await map.open();
    const all = { measure: 'ALL' };
    for (const state of MEMBER_STATES) {
      await expect(map.country(state), state).toHaveAttribute('data-count', String(count(state, all)));
    }
    await expect(map.aseanWide).toHaveAttribute('data-count', String(count('ASEAN', all)));
    // Japan is drawn as the partner, not coloured by a count.
    await expect(map.country('JPN')).toBeVisible();
    await expect(map.country('JPN')).not.toHaveAttribute('data-count', /.*/);
    await expect(map.country('JPN')).not.toHaveAttribute('role', 'button');
    expect(await map.legendLabels()).toEqual(legendLabels(maxCount(all)));
    // No year set: the boxes are empty and show the data's own first and last year as placeholders.
    await expect(map.yearFrom).toHaveValue('');
    await expect(map.yearFrom).toHaveAttribute('placeholder', String(FIRST_YEAR));
    await expect(map.yearTo).toHaveValue('');
    await expect(map.yearTo).toHaveAttribute('placeholder', String(LAST_YEAR));
    await expect(map.credit).toContainText('Boundaries are simplified');
    await expect(map.credit).toContainText('Made with Natural Earth.');
  });

  test('choosing a measure changes the counts, the fills and the legend', async ({ map }) => {
    await map.open();
    const options = await map.measureSelect.locator('option').evaluateAll((os) =>
      os.map((o) => (o as HTMLOptionElement).value),
    );
    expect(options).toEqual(['ALL', ...MEASURES]);

    const legendBefore = await map.legendLabels();
    const fillBefore = await map.country('VNM').locator('path').getAttribute('fill');
    await map.chooseMeasure('CBC');
    const cbc = { measure: 'CBC' };
    for (const state of MEMBER_STATES) {
      await expect(map.country(state), state).toHaveAttribute('data-count', String(count(state, cbc)));
    }
    await expect(map.aseanWide).toHaveAttribute('data-count', String(count('ASEAN', cbc)));
    const vnm = count('VNM', cbc);
    await expect(map.country('VNM')).toHaveAttribute(
      'aria-label',
      `Viet Nam: ${vnm} ${vnm === 1 ? 'activity' : 'activities'}, Capacity Building Cooperation`,
    );
    const expectedLegend = legendLabels(maxCount(cbc));
    expect(expectedLegend).not.toEqual(legendBefore);
    await expect.poll(() => map.legendLabels()).toEqual(expectedLegend);
    expect(await map.country('VNM').locator('path').getAttribute('fill')).not.toBe(fillBefore);
    // Zero is not "few": a state with no CBC activity gets the hatch, not the lightest colour.
    const zero = MEMBER_STATES.find((s) => count(s, cbc) === 0);
    expect(zero, 'the default dataset has a member state without CBC').toBeDefined();
    await expect(map.country(zero!).locator('path')).toHaveAttribute('fill', 'url(#map-hatch)');
    await expect(map.country('VNM').locator('path')).not.toHaveAttribute('fill', /hatch/);
    await expect.poll(() => map.atlas.queryParams().get('measure')).toBe('CBC');
  });

  test('clicking Viet Nam lists exactly the activities behind its count, sorted by year', async ({ map }) => {
    await map.open();
    await map.chooseMeasure('CBC');
    await map.clickCountry('VNM');
    await expect(map.panel).toBeVisible();
    await expect(map.panelTitle).toHaveText('Viet Nam');
    const expected = idsBehind('VNM', { measure: 'CBC' });
    expect(expected.length).toBeGreaterThan(1);
    await expect.poll(() => map.rowIds()).toEqual(expected);
    expect(await map.countOf('VNM')).toBe(expected.length);
    // Every source opens in a new tab without access to this page.
    const links = map.panel.locator('a.source-link');
    expect(await links.count()).toBeGreaterThan(0);
    for (const link of await links.all()) {
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    }
    // The address is written after the next frame: poll for it.
    await expect.poll(() => map.atlas.queryParams().get('country')).toBe('VNM');

    // Adding the ASEAN-wide activities changes the number and the list together.
    await map.includeAseanWide.check();
    const withAseanWide = idsBehind('VNM', { measure: 'CBC', includeAseanWide: true });
    expect(withAseanWide.length).toBeGreaterThan(expected.length);
    await expect.poll(() => map.rowIds()).toEqual(withAseanWide);
    expect(await map.countOf('VNM')).toBe(withAseanWide.length);
    await expect.poll(() => map.atlas.queryParams().get('aw')).toBe('1');

    await map.closePanelButton.click();
    await expect(map.panel).toBeHidden();
  });

  test('the year range counts activities whose years overlap it', async ({ map }) => {
    await map.open();
    await map.setYears(2016, 2020);
    const q = { measure: 'ALL', from: 2016, to: 2020 };
    for (const state of MEMBER_STATES) {
      await expect(map.country(state), state).toHaveAttribute('data-count', String(count(state, q)));
    }
    await expect(map.aseanWide).toHaveAttribute('data-count', String(count('ASEAN', q)));
    // The range must actually narrow the default data for this test to mean anything.
    expect(count('ASEAN', q)).toBeLessThan(count('ASEAN', { measure: 'ALL' }));
    await expect.poll(() => map.atlas.queryParams().get('from')).toBe('2016');
    await expect.poll(() => map.atlas.queryParams().get('to')).toBe('2020');

    await map.aseanWide.click();
    await expect.poll(() => map.rowIds()).toEqual(idsBehind('ASEAN', q));
  });

  test('hovering or focusing a place shows its name, count and breakdown by measure', async ({ map }) => {
    await map.open();
    await map.hoverCountry('PHL');
    await expect(map.tooltip).toBeVisible();
    await expect(map.tooltip).toHaveAttribute('data-place', 'PHL');
    await expect(map.tooltip).toContainText('Philippines');
    await expect(map.tooltip).toContainText(`${count('PHL', { measure: 'ALL' })} activities, all measures`);
    for (const measure of MEASURES) {
      const label = measure === 'HRDAE' ? 'HRD/AE' : measure;
      await expect(map.tooltip.locator('li', { hasText: label })).toHaveText(
        `${label}${count('PHL', { measure })}`,
      );
    }
    await map.page.mouse.move(1, 1);
    await expect(map.tooltip).toBeHidden();

    await map.aseanWide.focus();
    await expect(map.tooltip).toHaveAttribute('data-place', 'ASEAN');
    await expect(map.tooltip).toContainText(`${count('ASEAN', { measure: 'ALL' })} activities`);
  });

  test('keyboard only: Tab to a country, Enter opens the panel, Escape closes it', async ({ map }) => {
    await map.open({ measure: 'CBC' });
    let focused: string | null = null;
    for (let i = 0; i < 40 && !focused; i++) {
      await map.page.keyboard.press('Tab');
      focused = await map.focusedPlace();
    }
    expect(focused, 'Tab reaches a member state').not.toBeNull();
    // The first focusable place is the first member state in ASEAN's order.
    expect(focused).toBe(MEMBER_STATES[0]);
    await expect(map.tooltip).toHaveAttribute('data-place', focused!);
    // Move on to Viet Nam with the keyboard.
    while (focused !== 'VNM') {
      await map.page.keyboard.press('Tab');
      focused = await map.focusedPlace();
      expect(focused, 'the member states come one after another').not.toBeNull();
    }
    await map.page.keyboard.press('Enter');
    await expect(map.panel).toHaveAttribute('data-place', 'VNM');
    await expect(map.panelTitle).toBeFocused();
    await expect.poll(() => map.rowIds()).toEqual(idsBehind('VNM', { measure: 'CBC' }));

    await map.page.keyboard.press('Escape');
    await expect(map.panel).toBeHidden();
    await expect.poll(() => map.focusedPlace()).toBe('VNM');

    // Space opens it too.
    await map.page.keyboard.press('Space');
    await expect(map.panel).toHaveAttribute('data-place', 'VNM');
    await map.page.keyboard.press('Escape');
    await expect(map.panel).toBeHidden();
  });

  test('Singapore and Brunei have larger hit targets that open their panels', async ({ map }) => {
    await map.open();
    for (const [code, name] of [
      ['SGP', 'Singapore'],
      ['BRN', 'Brunei Darussalam'],
    ]) {
      const ring = await map.hitTarget(code).locator('circle').first().boundingBox();
      const state = await map.country(code).boundingBox();
      // A visible ring at least 20 px across, wider than the state itself.
      expect(ring!.width).toBeGreaterThanOrEqual(20);
      expect(ring!.width).toBeGreaterThan(state!.width);
      await map.hitTarget(code).click();
      await expect(map.panel).toHaveAttribute('data-place', code);
      await expect(map.panelTitle).toHaveText(name);
      const expected = idsBehind(code, { measure: 'ALL' });
      await expect.poll(() => map.rowIds()).toEqual(expected);
      if (expected.length === 0) {
        await expect(map.panel).toContainText('No activities under this measure in these years.');
      }
    }
  });

  test('the ASEAN-wide element lists the ASEAN-wide activities', async ({ map }) => {
    await map.open({ measure: 'PIL' });
    const expected = idsBehind('ASEAN', { measure: 'PIL' });
    await expect(map.aseanWide).toHaveAttribute('data-count', String(expected.length));
    await map.aseanWide.click();
    await expect(map.panel).toHaveAttribute('data-place', 'ASEAN');
    await expect.poll(() => map.rowIds()).toEqual(expected);
  });

  test('a URL with state restores it, and after a reload too', async ({ map }) => {
    await map.open({ measure: 'CBC', country: 'VNM', from: '2016', to: '2025' });
    const q = { measure: 'CBC', from: 2016, to: 2025 };
    await expect(map.measureSelect).toHaveValue('CBC');
    await expect(map.yearFrom).toHaveValue('2016');
    await expect(map.yearTo).toHaveValue('2025');
    await expect(map.panel).toHaveAttribute('data-place', 'VNM');
    await expect.poll(() => map.rowIds()).toEqual(idsBehind('VNM', q));
    await expect(map.country('VNM')).toHaveAttribute('data-count', String(count('VNM', q)));

    await map.includeAseanWide.check();
    await expect.poll(() => map.atlas.queryParams().get('aw')).toBe('1');
    await map.atlas.reload();
    const withAseanWide = { ...q, includeAseanWide: true };
    await expect(map.includeAseanWide).toBeChecked();
    await expect(map.measureSelect).toHaveValue('CBC');
    await expect(map.yearFrom).toHaveValue('2016');
    await expect(map.panel).toHaveAttribute('data-place', 'VNM');
    await expect.poll(() => map.rowIds()).toEqual(idsBehind('VNM', withAseanWide));
    await expect(map.country('VNM')).toHaveAttribute('data-count', String(count('VNM', withAseanWide)));
  });

  test('the map exports as SVG and as PNG', async ({ map }) => {
    await map.open({ measure: 'CBC', from: '2016', to: '2025' });

    const [svgDownload] = await Promise.all([
      map.page.waitForEvent('download'),
      map.exportSvgButton.click(),
    ]);
    expect(svgDownload.suggestedFilename()).toMatch(/^vientiane-vision-map-CBC-\d{4}-\d{2}-\d{2}\.svg$/);
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    expect(svg.length).toBeGreaterThan(10_000);
    const parsed = await map.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        width: Number(doc.documentElement.getAttribute('width')),
        height: Number(doc.documentElement.getAttribute('height')),
        text: doc.documentElement.textContent ?? '',
        classes: doc.querySelectorAll('[class]').length,
        paths: doc.querySelectorAll('path').length,
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.classes, 'styles are inline, not page classes').toBe(0);
    expect(parsed.paths).toBe(13); // other land, Japan and the eleven member states
    expect(parsed.text).toContain('Measure: Capacity Building Cooperation (CBC).');
    expect(parsed.text).toContain('Years: 2016–2025');
    expect(parsed.text).toContain('Made with Natural Earth.');
    expect(parsed.text).toContain('Boundaries are simplified');

    const [pngDownload] = await Promise.all([
      map.page.waitForEvent('download'),
      map.exportPngButton.click(),
    ]);
    expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
    const png = readFileSync((await pngDownload.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the SVG's size, for sharp slides.
    expect(png.readUInt32BE(16)).toBe(parsed.width * 2);
    expect(png.readUInt32BE(20)).toBe(parsed.height * 2);
    expect(png.length).toBeGreaterThan(20_000);
  });

  test('works on a 390-px-wide phone', async ({ map }) => {
    await map.page.setViewportSize({ width: 390, height: 844 });
    await map.open({ measure: 'CBC' });
    const overflow = await map.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
    const box = await map.svg.boundingBox();
    expect(box!.width).toBeGreaterThan(340);
    await map.clickCountry('VNM');
    await expect(map.panel).toBeVisible();
    await expect.poll(() => map.rowIds()).toEqual(idsBehind('VNM', { measure: 'CBC' }));
  });

  test('on a phone the small states\' rings are a finger wide and answer only at sea', async ({ map }) => {
    await map.page.setViewportSize({ width: 390, height: 844 });
    await map.open();
    for (const code of ['SGP', 'BRN']) {
      await map.hitTarget(code).scrollIntoViewIfNeeded();
      const ring = await map.svg.locator(`[data-hit-disc="${code}"]`).boundingBox();
      expect(ring!.width, `${code}'s ring is 44 px across or more`).toBeGreaterThanOrEqual(44);

      // Points all round the ring: each must go to the member state whose land it is on (the
      // browser's own point-in-fill test of the drawn shapes), and to the ring only at sea.
      const samples = await map.page.evaluate((code) => {
        const svg = document.querySelector('svg[data-testid="asean-map"]') as SVGSVGElement;
        const target = svg.querySelector(`[data-hit-disc="${code}"]`)!;
        const box = target.getBoundingClientRect();
        const toMap = svg.getScreenCTM()!.inverse();
        const lands = [...svg.querySelectorAll('g[data-country] path')] as SVGPathElement[];
        const out: { coast: boolean; land: string | null; hit: string | null }[] = [];
        for (let step = 0; step < 36; step++) {
          for (const reach of [0.45, 0.75, 0.95]) {
            const angle = (step * Math.PI) / 18;
            const x = box.x + box.width / 2 + Math.cos(angle) * reach * (box.width / 2);
            const y = box.y + box.height / 2 + Math.sin(angle) * reach * (box.height / 2);
            const landAt = (px: number, py: number) =>
              lands.find((path) => path.isPointInFill(new DOMPoint(px, py).matrixTransform(toMap)));
            const land = landAt(x, y);
            // Within a pixel and a half of a coast, an engine may hit-test either side of it.
            const coast = [[-1.5, 0], [1.5, 0], [0, -1.5], [0, 1.5], [-1, -1], [1, 1], [-1, 1], [1, -1]].some(
              ([dx, dy]) => landAt(x + dx, y + dy) !== land,
            );
            const element = document.elementFromPoint(x, y);
            out.push({
              coast,
              land: land?.closest('[data-country]')?.getAttribute('data-country') ?? null,
              hit:
                element?.closest('[data-hit-target]')?.getAttribute('data-hit-target') ??
                element?.closest('[data-hit-disc]')?.getAttribute('data-hit-disc') ??
                element?.closest('[data-country]')?.getAttribute('data-country') ??
                null,
            });
          }
        }
        return out;
      }, code);
      // On land the ring never answers (a point within a border's stroke may go to the neighbour).
      const onLand = samples.filter((s) => s.land !== null);
      expect(onLand.filter((s) => !s.coast).length, `${code}'s ring reaches inland`).toBeGreaterThan(0);
      for (const s of onLand.filter((s) => !s.coast)) {
        expect(s.hit, `a point on ${s.land}`).not.toBeNull();
        if (s.land !== code) expect(s.hit, `a point on ${s.land}`).not.toBe(code);
      }
      expect(onLand.length, `${code}'s ring reaches over land`).toBeGreaterThan(0);
      // At sea it does (a point within a coast's stroke may go to the coast's state).
      const atSea = samples.filter((s) => s.land === null);
      expect(atSea.length, `most of ${code}'s ring is sea`).toBeGreaterThan(samples.length / 3);
      const ringAtSea = atSea.filter((s) => s.hit === code || s.coast).length;
      expect(ringAtSea, `${code}'s ring answers at sea`).toBeGreaterThanOrEqual(atSea.length * 0.9);
      for (const s of atSea.filter((s) => !s.coast)) expect(s.hit, 'a point at sea').not.toBeNull();
    }

    // Malaysia's own point on Borneo lies inside Brunei's ring, and is Malaysia's.
    await map.clickCountry('MYS');
    await expect(map.panel).toHaveAttribute('data-place', 'MYS');
    await map.closePanelButton.click();
    await map.hitTarget('SGP').scrollIntoViewIfNeeded();
    await map.hitTarget('SGP').click();
    await expect(map.panel).toHaveAttribute('data-place', 'SGP');
    await expect.poll(() => map.rowIds()).toEqual(idsBehind('SGP', { measure: 'ALL' }));
  });

  test('the year slider shows one year at a time, from the mouse and the keyboard', async ({ map }) => {
    await map.open({ measure: 'CBC' });
    const slider = map.atlas.byTestId('year-slider');
    const label = map.atlas.byTestId('year-label');
    await expect(slider).toHaveAttribute('min', String(FIRST_YEAR));
    await expect(slider).toHaveAttribute('max', String(LAST_YEAR));
    await expect(label).toHaveText('All years');

    await slider.fill('2016');
    await expect(label).toHaveText('2016');
    const q2016 = { measure: 'CBC', from: 2016, to: 2016 };
    for (const code of MEMBER_STATES) await expect(map.country(code)).toHaveAttribute('data-count', String(count(code, q2016)));
    await expect(map.yearFrom).toHaveValue('2016');
    await expect(map.yearTo).toHaveValue('2016');
    await expect.poll(() => map.atlas.queryParams().get('to')).toBe('2016');

    // The arrow keys move it a year; the list behind a number follows.
    await slider.focus();
    await map.page.keyboard.press('ArrowRight');
    await expect(label).toHaveText('2017');
    const q2017 = { measure: 'CBC', from: 2017, to: 2017 };
    await expect(map.country('VNM')).toHaveAttribute('data-count', String(count('VNM', q2017)));
    await map.clickCountry('VNM');
    await expect.poll(() => map.rowIds()).toEqual(idsBehind('VNM', q2017));
    await expect(slider).toHaveAttribute('aria-valuetext', '2017');

    // A range typed in the boxes is shown as a range.
    await map.setYears(2012, 2015);
    await expect(label).toHaveText('2012–2015');

    // In Japanese, and from the address.
    await map.open({ lang: 'ja', from: '2019', to: '2019' });
    await expect(label).toHaveText('2019年');
    await expect(map.atlas.byTestId('year-play')).toHaveText('年を順に再生');
  });

  test('Play steps through the years about once a second, and stops at the last', async ({ map }) => {
    // The page's clock is the test's: each step is one second moved on, never a sleep.
    await map.page.clock.install({ time: new Date('2026-06-01T00:00:00Z') });
    await map.open({ measure: 'ALL', from: String(LAST_YEAR - 2), to: String(LAST_YEAR - 2) });
    // From here time moves only when the test moves it.
    await map.page.clock.pauseAt(new Date('2026-06-01T01:00:00Z'));
    const label = map.atlas.byTestId('year-label');
    const play = map.atlas.byTestId('year-play');
    await expect(label).toHaveText(String(LAST_YEAR - 2));
    await play.click();
    await expect(play).toHaveAttribute('data-playing', 'true');
    await expect(play).toHaveText('Pause');
    for (const year of [LAST_YEAR - 1, LAST_YEAR]) {
      await map.page.clock.runFor(1000);
      await expect(label).toHaveText(String(year));
      // The count on the map is the model's for that year, at every step.
      const q = { measure: 'ALL', from: year, to: year };
      for (const code of ['VNM', 'PHL', 'IDN']) {
        await expect(map.country(code)).toHaveAttribute('data-count', String(count(code, q)));
      }
    }
    await map.page.clock.runFor(1000);
    await expect(play).toHaveAttribute('data-playing', 'false');
    await expect(label).toHaveText(String(LAST_YEAR));

    // From the last year, Play starts again at the first; Pause holds the year.
    await play.click();
    await expect(label).toHaveText(String(FIRST_YEAR));
    await map.page.clock.runFor(1000);
    await expect(label).toHaveText(String(FIRST_YEAR + 1));
    await play.click();
    await expect(play).toHaveAttribute('data-playing', 'false');
    await map.page.clock.runFor(5000);
    await expect(label).toHaveText(String(FIRST_YEAR + 1));
    await expect.poll(() => map.atlas.queryParams().get('from')).toBe(String(FIRST_YEAR + 1));
  });

  test('screenshot of the map (test artifact)', async ({ map }, testInfo) => {
    await map.open({ measure: 'CBC', country: 'VNM' });
    await expect(map.panel).toBeVisible();
    await map.page.mouse.move(1, 1);
    const shot = await map.page.screenshot();
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/map.png', shot);
    await testInfo.attach('map', { body: shot, contentType: 'image/png' });
    expect(shot.length).toBeGreaterThan(10_000);
  });
});
