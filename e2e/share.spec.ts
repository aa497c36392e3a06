import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures/atlas-page';

// "Share this view" (issue 16): the view's address as text, a Copy button and a QR code of exactly
// that address. The QR code is read back from a screenshot by jsQR, independently of the app.

/** What the QR code on the page says, read from its pixels. */
async function qrText(page: Page): Promise<string | null> {
  const shot = await page.getByTestId('view-qr').screenshot();
  const image = PNG.sync.read(shot);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** Waits until the QR code, the address box and the address bar all say the same, and returns it. */
async function sharedAddress(page: Page): Promise<string> {
  let seen = '';
  await expect
    .poll(async () => {
      const [qr, box, href] = [
        await qrText(page),
        await page.getByTestId('share-address').inputValue(),
        await page.evaluate(() => location.href),
      ];
      seen = href;
      return qr === href && box === href ? 'the same' : `qr ${qr}, box ${box}, address ${href}`;
    })
    .toBe('the same');
  return seen;
}

test.describe('share this view', () => {
  test('the QR code decodes to the address, with the selection, after a change of measure, year and language', async ({ atlas, page }) => {
    await atlas.goto({ view: 'map', country: 'VNM' });
    await page.getByTestId('share-view').click();
    await expect(page.getByTestId('share-panel')).toBeVisible();
    await expect(page.getByTestId('share-view')).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('share-address')).toBeFocused();
    const first = new URL(await sharedAddress(page));
    expect(first.searchParams.get('view')).toBe('map');
    expect(first.searchParams.get('lang')).toBe('en');
    expect(first.searchParams.get('country')).toBe('VNM');

    // The panel stays open while the view changes, and follows it.
    await page.getByTestId('measure-select').selectOption('CBC');
    await page.getByTestId('year-slider').fill('2016');
    await page.getByTestId('language-select').selectOption('ja');
    await expect(page.getByTestId('share-view')).toHaveText('この表示を共有');
    const changed = new URL(await sharedAddress(page));
    expect(Object.fromEntries(changed.searchParams)).toMatchObject({
      view: 'map',
      measure: 'CBC',
      from: '2016',
      to: '2016',
      lang: 'ja',
      country: 'VNM',
    });
    expect(changed.pathname).toBe(first.pathname);

    // The address opens the same view, in the same language, in a new page.
    const phone = await page.context().newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(changed.href);
    await expect(phone.getByTestId('measure-select')).toHaveValue('CBC');
    await expect(phone.getByTestId('year-label')).toHaveText('2016年');
    await expect(phone.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(phone.getByTestId('country-panel')).toHaveAttribute('data-place', 'VNM');
    await phone.close();

    // Escape closes it and gives the focus back to its button.
    await page.getByTestId('share-address').press('Escape');
    await expect(page.getByTestId('share-panel')).toBeHidden();
    await expect(page.getByTestId('share-view')).toBeFocused();
  });

  test('Copy puts the address on the clipboard and says so', async ({ atlas, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await atlas.goto({ view: 'trends' });
    await page.getByTestId('share-view').click();
    const address = await sharedAddress(page);
    await page.getByTestId('share-copy').click();
    await expect(page.getByTestId('share-copy-status')).toHaveText('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    await page.getByTestId('share-close').click();
    await expect(page.getByTestId('share-panel')).toBeHidden();
  });

  test('on a phone the panel fits the screen and its code still reads', async ({ atlas, page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await atlas.goto({ view: 'matrix', lang: 'ja' });
    await page.getByTestId('share-view').click();
    const panel = await page.getByTestId('share-panel').boundingBox();
    expect(panel!.x).toBeGreaterThanOrEqual(0);
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(390);
    expect(new URL(await sharedAddress(page)).searchParams.get('view')).toBe('matrix');
  });

  test('an address too long for a QR code says so, and the text is still there to copy', async ({ atlas, page }) => {
    // A search of 2,400 letters makes an address longer than the largest QR code holds.
    await atlas.goto({ view: 'activities', q: 'x'.repeat(2400) });
    await page.getByTestId('share-view').click();
    await expect(page.getByTestId('share-panel')).toContainText('too long for a QR code');
    await expect(page.getByTestId('view-qr')).toHaveCount(0);
    await expect(page.getByTestId('share-address')).toHaveValue(/q=x{2400}/);
  });
});
