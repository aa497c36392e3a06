import { test, expect } from './fixtures/atlas-page';
import {
  ActivitiesPage,
  DATASET_KEY,
  defaultDataset,
  matchesSearch,
  type ActivityRecord,
} from './fixtures/activities-page';

const dataset = defaultDataset();
const ALL = dataset.activities;
const TOTAL = ALL.length;

/** Expected ids for a search, sorted (the list's own order is checked separately). */
function idsMatching(search: string): string[] {
  return ALL.filter((a) => matchesSearch(a, search))
    .map((a) => a.id)
    .sort();
}

/** What the map counts for a member state under a measure (ASEAN-wide activities not added). */
function mapCount(activities: ActivityRecord[], iso3: string, measure: string): number {
  return activities.filter(
    (a) => a.scope === 'member-states' && (a.countries ?? []).includes(iso3) && a.measures.includes(measure),
  ).length;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

test.describe('activities list', () => {
  test('shows every activity with "N of M" and the row contents', async ({ atlas }) => {
    const activities = new ActivitiesPage(atlas);
    await activities.goto();
    await activities.expectCount(TOTAL, TOTAL);
    // The first 100 rows are drawn; "Show more" draws the rest.
    await expect(activities.rows).toHaveCount(Math.min(TOTAL, 100));
    expect((await activities.allRowIds()).sort()).toEqual(ALL.map((a) => a.id).sort());
    await expect(activities.rows).toHaveCount(TOTAL);

    // A member-states record shows its countries; an ASEAN-wide one says so; uncertain ones are marked.
    const bilateral = ALL.find((a) => a.scope === 'member-states' && (a.countries ?? []).includes('VNM'))!;
    await expect(activities.row(bilateral.id)).toContainText('Viet Nam');
    const wide = ALL.find((a) => a.scope === 'asean-wide')!;
    await expect(activities.row(wide.id)).toContainText('ASEAN-wide');
    const uncertain = ALL.filter((a) => a.confidence === 'uncertain');
    await expect(activities.list.locator('.confidence--uncertain')).toHaveCount(uncertain.length);
    // Years as "start–end", measures as badges with their short codes.
    const first = ALL[0];
    const years = first.end === undefined ? `${first.start}–ongoing` : first.end === first.start ? `${first.start}` : `${first.start}–${first.end}`;
    await expect(activities.row(first.id).locator('.activity-row__years')).toHaveText(years);
    await expect(activities.row(first.id).locator('.badge')).toHaveText(
      first.measures.map((m) => (m === 'HRDAE' ? 'HRD/AE' : m)),
    );
  });

  test('the search filters the list and lives in the URL', async ({ atlas }) => {
    const activities = new ActivitiesPage(atlas);
    await activities.goto();
    for (const search of ['ship rider', 'viet', 'mod.go.jp', 'no-such-words-anywhere']) {
      const expected = idsMatching(search);
      await activities.search.fill(search);
      await activities.expectCount(expected.length, TOTAL);
      expect((await activities.rowIds()).sort()).toEqual(expected);
      await expect.poll(() => atlas.queryParams().get('q')).toBe(search);
    }
    await expect(atlas.byTestId('activity-empty')).toHaveText('No activity matches these filters.');

    // A shared link restores the search.
    const expected = idsMatching('ship rider');
    await activities.goto({ q: 'ship rider' });
    await expect(activities.search).toHaveValue('ship rider');
    await activities.expectCount(expected.length, TOTAL);
  });

  test('filters and sort', async ({ atlas }) => {
    const activities = new ActivitiesPage(atlas);
    await activities.goto();
    await atlas.byTestId('filter-measure').selectOption('CBC');
    const cbc = ALL.filter((a) => a.measures.includes('CBC'));
    await activities.expectCount(cbc.length, TOTAL);
    await expect.poll(() => atlas.queryParams().get('measure')).toBe('CBC');

    await atlas.byTestId('filter-country').selectOption('VNM');
    const cbcVietNam = cbc.filter((a) => a.scope === 'member-states' && (a.countries ?? []).includes('VNM'));
    await activities.expectCount(cbcVietNam.length, TOTAL);
    expect((await activities.rowIds()).sort()).toEqual(cbcVietNam.map((a) => a.id).sort());

    await atlas.byTestId('filters-clear').click();
    await activities.expectCount(TOTAL, TOTAL);

    await atlas.byTestId('filter-scope').selectOption('asean-wide');
    await activities.expectCount(ALL.filter((a) => a.scope === 'asean-wide').length, TOTAL);
    await atlas.byTestId('filters-clear').click();

    // Years: active at some point in 2019–2019.
    await atlas.byTestId('year-from').fill('2019');
    await atlas.byTestId('year-from').press('Tab');
    await atlas.byTestId('year-to').fill('2019');
    await atlas.byTestId('year-to').press('Tab');
    const active2019 = ALL.filter((a) => a.start <= 2019 && (a.end === undefined || a.end >= 2019));
    await activities.expectCount(active2019.length, TOTAL);
    await atlas.byTestId('filters-clear').click();

    // Sorted by title, A–Z (case-insensitive, ties by id).
    await atlas.byTestId('activity-sort').selectOption('title');
    await expect.poll(() => atlas.queryParams().get('sort')).toBe('title');
    const byTitle = [...ALL]
      .sort((a, b) => {
        const x = a.title.toLowerCase();
        const y = b.title.toLowerCase();
        return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
      })
      .map((a) => a.id);
    await expect.poll(() => activities.allRowIds()).toEqual(byTitle);
  });

  test('on a phone the less used filters fold away and say when one is set', async ({ atlas, page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const activities = new ActivitiesPage(atlas);
    await activities.goto({ status: 'completed' });
    const more = atlas.byTestId('filters-more');
    await expect(more).toHaveText('More filters (1 set)');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(atlas.byTestId('filter-scope')).toBeHidden();
    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await expect(atlas.byTestId('filter-status')).toHaveValue('completed');
    // Nothing sticks out of a 390 px screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe('activity editor', () => {
  test('create, see it on the map, edit, reload, delete and undo', async ({ atlas }) => {
    // A long flow: the new record sorts past the first page, so the list is paged out three times.
    test.slow();
    const activities = new ActivitiesPage(atlas);
    await activities.goto();
    const title = 'E2E engineering seminar for Viet Nam';
    const id = await activities.create({
      title,
      scope: 'member-states',
      countries: ['VNM'],
      measures: ['CBC'],
      start: 2024,
      end: 2024,
    });
    expect(id).toMatch(/^NEW-\d{3}$/);
    await activities.expectCount(TOTAL + 1, TOTAL + 1);
    // A new record from 2024 sorts after the first page of the default dataset.
    await activities.reveal(id);
    await expect(activities.row(id)).toContainText(title);
    await expect(activities.row(id)).toContainText('2024');
    await expect(activities.row(id)).toContainText('Viet Nam');
    await expect(activities.notice).toContainText(`Added “${title}”.`);
    await activities.waitUntilSaved();

    const stored = await activities.storedDataset();
    const record = stored!.activities.find((a) => a.id === id)!;
    expect(record).toMatchObject({
      id,
      title,
      measures: ['CBC'],
      scope: 'member-states',
      countries: ['VNM'],
      start: 2024,
      end: 2024,
    });
    expect(record.updated).toMatch(RFC3339);

    // The map (built in parallel by the map view) counts it for Viet Nam under CBC.
    const before = mapCount(ALL, 'VNM', 'CBC');
    await atlas.goto({ view: 'map', measure: 'CBC' });
    await expect(atlas.page.locator('[data-country="VNM"][data-count]').first()).toHaveAttribute(
      'data-count',
      String(before + 1),
    );

    // Edit: the new title persists after a reload.
    await activities.goto();
    await activities.reveal(id);
    await activities.row(id).getByTestId('activity-edit').click();
    await expect(activities.input('title')).toHaveValue(title);
    await expect(activities.input('id')).toHaveValue(id);
    await expect(activities.editor.locator('input[name="countries"][value="VNM"]')).toBeChecked();
    await expect(activities.editor.locator('input[name="measures"][value="CBC"]')).toBeChecked();
    const renamed = `${title} (renamed)`;
    await activities.input('title').fill(renamed);
    await activities.saveButton.click();
    await expect(activities.editor).toBeHidden();
    await expect(activities.row(id)).toContainText(renamed);
    await activities.waitUntilSaved();
    await atlas.reload();
    await activities.reveal(id);
    await expect(activities.row(id)).toContainText(renamed);
    await activities.expectCount(TOTAL + 1, TOTAL + 1);

    // Delete asks nothing; the toast's Undo brings it back.
    await activities.row(id).getByTestId('activity-delete').click();
    await expect(activities.row(id)).toHaveCount(0);
    await activities.expectCount(TOTAL, TOTAL);
    await expect(activities.notice).toContainText(`Deleted “${renamed}”.`);
    await activities.noticeUndo.click();
    await expect(activities.row(id)).toContainText(renamed);
    await activities.expectCount(TOTAL + 1, TOTAL + 1);
  });

  test('undo and redo by buttons and by Ctrl+Z / Ctrl+Shift+Z', async ({ atlas, page }) => {
    const activities = new ActivitiesPage(atlas);
    await activities.goto();
    await expect(activities.undoButton).toBeDisabled();
    await expect(activities.redoButton).toBeDisabled();

    const victim = ALL[0];
    await activities.row(victim.id).getByTestId('activity-delete').click();
    await activities.expectCount(TOTAL - 1, TOTAL - 1);
    await expect(activities.undoButton).toBeEnabled();

    // Ctrl+Z in the search box is the text box's own undo, not the dataset's.
    await activities.search.focus();
    await page.keyboard.press('Control+z');
    await activities.expectCount(TOTAL - 1, TOTAL - 1);

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await activities.expectCount(TOTAL, TOTAL);
    await expect(activities.row(victim.id)).toBeVisible();
    await expect(activities.redoButton).toBeEnabled();

    await page.keyboard.press('Control+Shift+Z');
    await activities.expectCount(TOTAL - 1, TOTAL - 1);
    await expect(activities.row(victim.id)).toHaveCount(0);

    await activities.undoButton.click();
    await activities.expectCount(TOTAL, TOTAL);
    await expect(activities.undoButton).toBeDisabled();
    await activities.redoButton.click();
    await activities.expectCount(TOTAL - 1, TOTAL - 1);
    await expect(activities.redoButton).toBeDisabled();

    // Undo steps cover edits as well.
    await activities.undoButton.click();
    // The oldest record: a new title moves it within its year, and it stays on the first page however
    // many records share that year.
    const target = [...ALL].filter((a) => a.id !== victim.id).sort((a, b) => a.start - b.start)[0];
    await activities.row(target.id).getByTestId('activity-edit').click();
    await activities.input('title').fill('Changed title');
    await activities.saveButton.click();
    await expect(activities.row(target.id)).toContainText('Changed title');
    await activities.undoButton.click();
    await expect(activities.row(target.id).locator('.activity-row__toggle')).toHaveText(target.title);
  });

  test('validation shows next to the field and blocks the save', async ({ atlas }) => {
    const activities = new ActivitiesPage(atlas);
    await activities.goto();
    const target = ALL[2];
    await activities.reveal(target.id);
    await activities.row(target.id).getByTestId('activity-edit').click();

    const title = activities.input('title');
    await title.fill('');
    const titleProblems = activities.problemsOf('title');
    await expect(titleProblems).toHaveText('Error: must not be empty');
    await expect(title).toHaveAttribute('aria-invalid', 'true');
    await expect(title).toHaveAttribute('aria-describedby', /field-title-problems/);

    await activities.saveButton.click();
    await expect(activities.editor).toBeVisible();
    await expect(atlas.byTestId('editor-problems')).toContainText('Title: must not be empty');
    await expect(title).toBeFocused();
    await expect(activities.undoButton).toBeDisabled();

    // Other rules of import apply too: end before start, an ASEAN-wide record with countries is
    // impossible (the countries are dropped), a script address as a source.
    await title.fill('A title again');
    await expect(title).not.toHaveAttribute('aria-invalid', 'true');
    await activities.input('end').fill(String(target.start - 1));
    await expect(activities.problemsOf('end')).toContainText(`is before the start year ${target.start}`);
    await activities.input('end').fill('');
    await activities.editor.getByTestId('add-source').click();
    const sources = (target.sources ?? []).length;
    await activities.input(`sources[${sources}].url`).fill('javascript:alert(1)');
    await expect(activities.problemsOf(`sources[${sources}].url`)).toContainText('only http:// and https://');
    await activities.saveButton.click();
    await expect(activities.editor).toBeVisible();
    await activities.editor.getByRole('button', { name: `Remove source ${sources + 1}` }).click();

    // A taken id is refused on the id field.
    await activities.input('id').fill(ALL[3].id);
    await expect(activities.problemsOf('id')).toContainText('already used by another activity');
    await activities.input('id').fill(target.id);

    // Member states without any country.
    await activities.editor.locator('input[name="scope"][value="member-states"]').check();
    for (const iso3 of target.countries ?? []) {
      await activities.editor.locator(`input[name="countries"][value="${iso3}"]`).uncheck();
    }
    await expect(activities.problemsOf('countries')).toContainText('must name at least one member state');
    await activities.editor.locator('input[name="countries"][value="THA"]').check();
    await expect(activities.problemsOf('countries')).toBeEmpty();

    await activities.saveButton.click();
    await expect(activities.editor).toBeHidden();
    await expect(activities.row(target.id)).toContainText('A title again');
    await expect(activities.row(target.id)).toContainText('Thailand');
  });

  test('Escape and Cancel leave the editor, and ask before typed changes are lost', async ({ atlas, page }) => {
    const activities = new ActivitiesPage(atlas);
    await activities.goto();
    const target = ALL[4];
    await activities.reveal(target.id);
    const edit = activities.row(target.id).getByTestId('activity-edit');

    // Nothing typed: Escape closes at once, and the list is as it was.
    await edit.click();
    await expect(activities.input('title')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(activities.editor).toBeHidden();

    // Something typed: leaving asks; "no" keeps the form and the text, "yes" discards it.
    await edit.click();
    await activities.input('title').fill('A title I did not mean to keep');
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.keyboard.press('Escape');
    await expect.poll(() => questions).toEqual(['Discard the changes to this activity?']);
    await expect(activities.editor).toBeVisible();
    await expect(activities.input('title')).toHaveValue('A title I did not mean to keep');

    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.accept();
    });
    await atlas.byTestId('activity-cancel').click();
    await expect(activities.editor).toBeHidden();
    expect(questions).toHaveLength(2);
    await expect(activities.row(target.id)).toContainText(target.title);
    await expect(activities.row(target.id)).not.toContainText('A title I did not mean to keep');
    await expect(activities.undoButton).toBeDisabled();
  });

  test('a new activity starts with a fresh id; warnings show but do not block', async ({ atlas }) => {
    const activities = new ActivitiesPage(atlas);
    await activities.goto();
    await activities.newButton.click();
    await expect(activities.input('title')).toBeFocused();
    await expect(activities.input('id')).toHaveValue(`NEW-${String(TOTAL + 1).padStart(3, '0')}`);
    // Nothing is shouted at before the user types.
    await expect(activities.problemsOf('title')).toBeEmpty();

    await activities.fill({ title: 'Timor-Leste seminar', scope: 'member-states', countries: ['TLS'], start: 2020, end: 2021 });
    await expect(activities.problemsOf('countries')).toContainText('joined ASEAN only in 2025');
    await activities.editor.getByTestId('add-field').click();
    await activities.input('fields[0]').fill('Basket weaving');
    await expect(activities.problemsOf('fields[0]')).toContainText('not one of the Vision');
    await activities.editor.getByTestId('add-follow-up').click();
    await activities.input('followUps[0].year').fill('2021');
    await activities.input('followUps[0].note').fill('Reported at the Vice-Ministerial Forum');
    await activities.editor.getByTestId('add-source').click();
    await activities.input('sources[0].url').fill('https://www.mod.go.jp/en/');
    await activities.input('sources[0].title').fill('Ministry of Defense');
    await activities.input('summary').fill('A summary.');
    await activities.editor.locator('input[name="directions"][value="diverse-capabilities"]').check();
    await activities.input('status').selectOption('completed');
    await activities.input('confidence').selectOption('uncertain');
    await activities.saveButton.click();
    await expect(activities.editor).toBeHidden();
    await activities.waitUntilSaved();

    const stored = await activities.storedDataset();
    const record = stored!.activities.find((a) => a.title === 'Timor-Leste seminar')!;
    expect(record).toMatchObject({
      summary: 'A summary.',
      measures: [],
      directions: ['diverse-capabilities'],
      fields: ['Basket weaving'],
      scope: 'member-states',
      countries: ['TLS'],
      start: 2020,
      end: 2021,
      status: 'completed',
      confidence: 'uncertain',
      followUps: [{ year: 2021, note: 'Reported at the Vice-Ministerial Forum' }],
      sources: [{ url: 'https://www.mod.go.jp/en/', title: 'Ministry of Defense' }],
    });
  });

  test('duplicate, and keys the app does not know survive an edit', async ({ atlas }) => {
    const activities = new ActivitiesPage(atlas);
    await activities.goto();
    const original = ALL.find((a) => 'datePlaceholder' in a)!;
    await activities.row(original.id).getByTestId('activity-duplicate').click();
    await expect(activities.input('id')).toHaveValue(`${original.id}-copy`);
    await expect(activities.input('title')).toHaveValue(`${original.title} (copy)`);
    await activities.saveButton.click();
    await expect(activities.row(`${original.id}-copy`)).toContainText(`${original.title} (copy)`);
    await activities.expectCount(TOTAL + 1, TOTAL + 1);

    await activities.row(original.id).getByTestId('activity-edit').click();
    await expect(atlas.byTestId('editor-unknown-keys')).toContainText('datePlaceholder');
    await activities.input('summary').fill('Edited summary.');
    await activities.saveButton.click();
    await activities.waitUntilSaved();
    const stored = await activities.storedDataset();
    const record = stored!.activities.find((a) => a.id === original.id)!;
    expect(record.summary).toBe('Edited summary.');
    expect(record.datePlaceholder).toBe(original.datePlaceholder);
    expect(record.updated).toMatch(RFC3339);
    const copy = stored!.activities.find((a) => a.id === `${original.id}-copy`)!;
    expect(copy.datePlaceholder).toBe(original.datePlaceholder);
    expect(copy.measures).toEqual(original.measures);
  });
});

test.describe('a large dataset', () => {
  const SIZE = 10_000;

  test('10,000 activities: the list draws a page and every search shows the right rows', async ({ atlas, page }) => {
    const big = { ...dataset, activities: [] as ActivityRecord[] };
    for (let i = 0; i < SIZE; i++) {
      // Lean records (one source, no summary) keep 10,000 of them within localStorage's quota.
      const base = ALL[i % ALL.length];
      const { summary: _summary, sources, ...rest } = base;
      big.activities.push({
        ...rest,
        id: `BIG-${String(i).padStart(5, '0')}`,
        title: `${base.title} #${i}`,
        sources: (sources ?? []).slice(0, 1),
      });
    }
    const text = JSON.stringify(big);
    await page.addInitScript(
      ([key, value]) => {
        if (!window.sessionStorage.getItem('e2e-seeded')) {
          window.localStorage.setItem(key, value);
          window.sessionStorage.setItem('e2e-seeded', '1');
        }
      },
      [DATASET_KEY, text] as const,
    );
    const activities = new ActivitiesPage(atlas);
    await activities.goto();
    await activities.expectCount(SIZE, SIZE);
    await expect(activities.rows).toHaveCount(100);

    // Time from a keystroke to the updated count, measured in the page.
    const timings: number[] = [];
    for (const search of ['ship', 'ship rider', 'ship rider #12', 'vietnam', '']) {
      const expected = big.activities.filter((a) => matchesSearch(a, search)).length;
      const expectedRows = Math.min(expected, 100);
      // From the input event to the moment both the count and the rows are updated.
      const elapsed = await page.evaluate(
        ([value, expectedText, rows]) =>
          new Promise<number>((resolve, reject) => {
            const input = document.querySelector<HTMLInputElement>('[data-testid="activity-search"]')!;
            const view = document.querySelector('[data-testid="activities-view"]')!;
            const count = document.querySelector('[data-testid="activity-list-count"]')!;
            const start = performance.now();
            const done = () => {
              const drawn = view.querySelectorAll('[data-testid="activity-row"]').length;
              if (count.textContent === expectedText && drawn === rows) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            };
            const observer = new MutationObserver(done);
            observer.observe(view, { childList: true, characterData: true, subtree: true });
            input.value = value;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            done();
            setTimeout(() => reject(new Error(`count stayed "${count.textContent}"`)), 5_000);
          }),
        [search, `${expected} of ${SIZE} activities`, expectedRows] as const,
      );
      timings.push(elapsed);
      await expect(activities.rows).toHaveCount(expectedRows);
    }
    // Printed, not asserted: timing belongs to the benchmark (bash scripts/bench.sh), where it is the
    // median of several runs; one keystroke on a loaded CI machine once took 315 ms here against 20 ms
    // on a quiet one. This test checks what each keystroke shows.
    console.log(`search over ${SIZE} activities, ms per keystroke: ${timings.map((t) => t.toFixed(1)).join(', ')}`);

    // "Show more" draws the next page.
    await atlas.byTestId('activity-more').click();
    await expect(activities.rows).toHaveCount(200);
    await expect(atlas.byTestId('activity-more')).toHaveText(`Show 100 more (${SIZE - 200} not shown)`);
  });
});
