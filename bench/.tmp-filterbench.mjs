// Temporary (activities engineer): the filter measurement of bench/run.mjs alone. Deleted after use.
import { chromium } from '@playwright/test';
import { generateText, generateDataset, countSearchMatches } from './generate.mjs';
const port = process.argv[2];
const runs = Number(process.argv[3] || 5);
const text = generateText(10000);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(`http://127.0.0.1:${port}/?bench=1`);
await page.waitForFunction(() => window.atlasBench, null, { timeout: 30000 });
const r = await page.evaluate((t) => window.atlasBench.loadDataset(t), text);
if (r.error) throw new Error(r.error);
await page.waitForFunction(() => !(document.querySelector('[data-testid="save-status"]')?.textContent ?? '').includes('Saving'), null, { timeout: 30000 });
await page.click('[data-testid="nav-activities"]');
await page.waitForFunction(() => document.querySelector('[data-testid="activity-list-count"]')?.textContent === '10000 of 10000 activities', null, { timeout: 60000 });
const apply = (term) => page.evaluate((value) => new Promise((resolve) => {
  const input = document.querySelector('[data-testid="activity-search"]');
  requestAnimationFrame(() => {
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const t1 = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve({ handler: t1 - t0, frame: performance.now() - t0, text: document.querySelector('[data-testid="activity-list-count"]').textContent });
    channel.port2.postMessage(0);
  });
}), term);
const terms = [], clears = [], handlers = [];
for (let i = 0; i < runs * 5; i++) {
  const term = ['maritime', 'cambodia', 'ship rider', 'uxo', 'nids'][i % 5];
  const r = await apply(term); terms.push(r.frame); handlers.push(r.handler);
  await new Promise((r) => setTimeout(r, 30));
  const c = await apply(''); clears.push(c.frame);
  await new Promise((r) => setTimeout(r, 30));
}
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)].toFixed(1); };
console.log('term median', med(terms), 'min', Math.min(...terms).toFixed(1), '| clear median', med(clears), '| handler median', med(handlers));
await browser.close();
