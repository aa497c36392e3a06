// Temporary (activities engineer): CPU profile of the activities search at 10,000. Deleted after use.
import { chromium } from '@playwright/test';
import { generateText } from './generate.mjs';
const port = process.argv[2];
const text = generateText(10000);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('pageerror', (e) => console.log('pageerror', e.message));
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
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const times = [];
for (let i = 0; i < 3; i++) for (const t of ['maritime', '', 'cambodia', '', 'ship rider', '', 'uxo', '', 'nids', '']) times.push((await apply(t)).toFixed(0));
const { profile } = await cdp.send('Profiler.stop');
console.log('times', times.join(' '));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const self = new Map(), incl = new Map(); let total = 0;
const short = (n) => (n.callFrame.functionName || '(anon)').replace(/::h[0-9a-f]{16}/g, '').slice(0, 160);
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i]; total += dt;
  const n = byId.get(id); const name = short(n);
  self.set(name, (self.get(name) || 0) + dt);
  const seen = new Set(); let cur = id;
  while (cur !== undefined) { const nm = short(byId.get(cur)); if (!seen.has(nm)) { seen.add(nm); incl.set(nm, (incl.get(nm) || 0) + dt); } cur = parent.get(cur); }
});
console.log('total ms', (total / 1000).toFixed(0));
console.log('--- self'); [...self].sort((a, b) => b[1] - a[1]).slice(0, 40).forEach(([k, v]) => console.log((v / 1000).toFixed(1).padStart(8), k));
console.log('--- inclusive'); [...incl].sort((a, b) => b[1] - a[1]).slice(0, 90).forEach(([k, v]) => console.log((v / 1000).toFixed(1).padStart(8), k));
await browser.close();
