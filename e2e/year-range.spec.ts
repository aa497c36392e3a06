import { test, expect } from './fixtures/atlas-page';
import { defaultActivities, yearSpan } from './fixtures/charts-page';

// The one year range (src/ui/kit/year_range.rs, rule: Filters::type_year) behaves the same in every
// view that shows it: an empty box clears its bound, a year outside 1950–2100 (or not a year) is
// refused with the box restored and an announced hint, and a `from` after `to` moves the other bound.
const [FIRST, LAST] = yearSpan(defaultActivities());

for (const view of ['map', 'matrix', 'trends', 'activities'] as const) {
  test.describe(`the year range on the ${view} view`, () => {
    test('an invalid year is refused: the box shows its year again and a hint says why', async ({ atlas }) => {
      await atlas.goto({ view });
      await expect(atlas.yearBox('from')).toHaveAttribute('placeholder', String(FIRST));
      await expect(atlas.yearBox('to')).toHaveAttribute('placeholder', String(LAST));
      await expect(atlas.yearHint).toHaveAttribute('role', 'status');
      await expect(atlas.yearHint).toHaveText('');

      await atlas.typeYear('from', '1800');
      await expect(atlas.yearBox('from')).toHaveValue('');
      await expect(atlas.yearHint).toContainText('“1800” is not a year from 1950 to 2100');
      expect(atlas.queryParams().get('from')).toBeNull();

      await atlas.typeYear('from', '2016');
      await expect.poll(() => atlas.queryParams().get('from')).toBe('2016');
      await expect(atlas.yearHint).toHaveText('');
      await atlas.typeYear('from', 'soon');
      await expect(atlas.yearBox('from')).toHaveValue('2016');
      await expect(atlas.yearHint).toContainText('“soon” is not a year');
      await atlas.typeYear('to', '2101');
      await expect(atlas.yearBox('to')).toHaveValue('');
      await expect(atlas.yearHint).toContainText('“2101”');
      expect(atlas.queryParams().get('from')).toBe('2016');
      expect(atlas.queryParams().get('to')).toBeNull();
    });

    test('a from after to moves the other bound, so the range is never empty', async ({ atlas }) => {
      await atlas.goto({ view, from: '2016', to: '2018' });
      await expect(atlas.yearBox('from')).toHaveValue('2016');
      await expect(atlas.yearBox('to')).toHaveValue('2018');

      await atlas.typeYear('from', '2020');
      await expect(atlas.yearBox('to')).toHaveValue('2020');
      await expect.poll(() => atlas.queryParams().toString()).toContain('from=2020&to=2020');

      await atlas.typeYear('to', '2012');
      await expect(atlas.yearBox('from')).toHaveValue('2012');
      await expect(atlas.yearBox('to')).toHaveValue('2012');
      await expect.poll(() => atlas.queryParams().get('from')).toBe('2012');

      // With no "to" set, the data's own last year is the bound a later "from" moves.
      await atlas.typeYear('to', '');
      await atlas.typeYear('from', String(LAST + 1));
      await expect(atlas.yearBox('to')).toHaveValue(String(LAST + 1));
      await expect(atlas.yearHint).toHaveText('');
    });

    test('emptying a box clears its bound; "All years" clears both', async ({ atlas }) => {
      await atlas.goto({ view, from: '2016', to: '2020' });
      await atlas.typeYear('from', '');
      await expect.poll(() => atlas.queryParams().get('from')).toBeNull();
      await expect(atlas.yearBox('from')).toHaveValue('');
      await expect(atlas.yearBox('from')).toHaveAttribute('placeholder', String(FIRST));
      expect(atlas.queryParams().get('to')).toBe('2020');

      await atlas.typeYear('from', '2017');
      await expect.poll(() => atlas.queryParams().get('from')).toBe('2017');
      const prefix = view === 'activities' ? 'filter' : view;
      await atlas.byTestId(`${prefix}-years-clear`).click();
      await expect(atlas.yearBox('from')).toHaveValue('');
      await expect(atlas.yearBox('to')).toHaveValue('');
      await expect.poll(() => atlas.queryParams().get('to')).toBeNull();
      expect(atlas.queryParams().get('from')).toBeNull();
      await expect(atlas.byTestId(`${prefix}-years-clear`)).toHaveCount(0);
    });
  });
}
