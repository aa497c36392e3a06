import { test, expect, AtlasPage } from './fixtures/atlas-page';
import { expectNoSeriousViolations } from './fixtures/axe';
import { DataPage, defaultDatasetText } from './fixtures/data-page';

/**
 * WCAG 2.0, 2.1 and 2.2 A and AA, measured by axe-core on the release build: every view and the main
 * dialogs, in English and in Japanese, at a laptop's 1280 × 800 and a phone's 390 px. A violation of impact serious or critical
 * fails the test; the others are printed (see docs/accessibility.md).
 */
const VIEWS = ['map', 'matrix', 'activities', 'trends', 'report', 'vision', 'data'] as const;
const WIDTHS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const LANGUAGES = ['en', 'ja'] as const;
type Language = (typeof LANGUAGES)[number];


/** The main dialogs, each opened as a user opens it, on the view it belongs to. */
const DIALOGS: Record<string, (atlas: AtlasPage, lang: Language) => Promise<void>> = {
  'country panel': async (atlas, lang) => {
    await atlas.goto({ view: 'map', lang });
    // Opened from the keyboard, as the map's places are buttons.
    await atlas.page.locator('svg [data-country="VNM"]').first().focus();
    await atlas.page.keyboard.press('Enter');
    await expect(atlas.byTestId('country-panel')).toBeVisible();
  },
  editor: async (atlas, lang) => {
    await atlas.goto({ view: 'activities', lang });
    await atlas.byTestId('activity-edit').first().click();
    await expect(atlas.byTestId('activity-editor')).toBeVisible();
  },
  'import preview': async (atlas, lang) => {
    const data = new DataPage(atlas);
    await data.goto({ lang });
    const theirs = JSON.parse(defaultDatasetText());
    theirs.activities[0].title = `${theirs.activities[0].title} (revised)`;
    await data.importFile('theirs.json', JSON.stringify(theirs));
    await expect(data.preview).toBeVisible();
  },
  'share panel': async (atlas, lang) => {
    await atlas.goto({ view: 'map', lang });
    await atlas.byTestId('share-view').click();
    await expect(atlas.byTestId('view-qr')).toBeVisible();
  },
  'presentation layout with its key legend': async (atlas, lang) => {
    await atlas.goto({ view: 'map', present: '1', lang });
    await expect(atlas.byTestId('presentation')).toBeVisible();
    await atlas.page.keyboard.press('?');
    await expect(atlas.byTestId('present-keys')).toBeVisible();
  },
  'reset confirmation': async (atlas, lang) => {
    await atlas.goto({ view: 'data', lang });
    await atlas.byTestId('reset-sample').click();
    await expect(atlas.byTestId('reset-sample-confirm')).toBeVisible();
  },
};

for (const size of WIDTHS) {
  for (const lang of LANGUAGES) {
    test.describe(`at ${size.width} px, lang=${lang}`, () => {
      test.use({ viewport: { width: size.width, height: size.height } });
      // axe-core walks every node of a page: the activities list and the editor take 20–40 s on two
      // shared cores while builds run beside the suite (three such runs met the default 30 s in CI).
      test.describe.configure({ timeout: 90_000 });

      for (const view of VIEWS) {
        test(`the ${view} view has no serious violation`, async ({ atlas }) => {
          await atlas.goto({ view, lang });
          await expect(atlas.page.locator('main')).toBeVisible();
          await expect(atlas.page.locator('html')).toHaveAttribute('lang', lang);
          await expectNoSeriousViolations(atlas.page, `${view}, ${size.name}, ${lang}`);
        });
      }

      for (const [dialog, open] of Object.entries(DIALOGS)) {
        test(`the ${dialog} has no serious violation`, async ({ atlas }) => {
          await open(atlas, lang);
          await expectNoSeriousViolations(atlas.page, `${dialog}, ${size.name}, ${lang}`);
        });
      }
    });
  }
}
