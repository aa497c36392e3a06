// Temporary (activities engineer): a timeline trace of the activities search at 10,000. Deleted after use.
import { chromium } from '@playwright/test';
import { generateText } from './generate.mjs';
const port = process.argv[2];
const text = generateText(10000);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(`http://127.0.0.1:${port}/?bench=1`);
await page.waitForFunction(() => window.atlasBench, null, { timeout: 30000 });
await page.evaluate((t) => window.atlasBench.loadDataset(t), text);
await page.waitForFunction(() => !(document.querySelector('[data-testid="save-status"]')?.textContent ?? '').includes('Saving'), null, { timeout: 30000 });
await page.click('[data-testid="nav-activities"]');
await page.waitForSelector('[data-testid="activity-row"]');
const apply = (term) => page.evaluate((value) => new Promise((resolve) => {
  const input = document.querySelector('[data-testid="activity-search"]');
  requestAnimationFrame(() => { const t0 = performance.now(); input.value = value; input.dispatchEvent(new Event('input', { bubbles: true }));
    const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(performance.now() - t0); ch.port2.postMessage(0); });
}), term);
await browser.startTracing(page, { path: '/tmp/act/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] });
const times = [];
for (let i = 0; i < 2; i++) for (const t of ['maritime', '', 'cambodia', '', 'ship rider', '', 'uxo', '', 'nids', '']) times.push((await apply(t)).toFixed(0));
await browser.stopTracing();
console.log('times', times.join(' '));
await browser.close();
