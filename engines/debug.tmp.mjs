import { Builder, By } from 'selenium-webdriver';
const d = await new Builder().usingServer('http://127.0.0.1:4192').withCapabilities({ browserName: 'firefox', 'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless'] } }).build();
const state = () => d.executeScript('return JSON.stringify({c: !!navigator.serviceWorker.controller, s: window.isSecureContext})');
try {
  await d.get('http://127.0.0.1:4196/?view=map');
  await d.wait(async () => (await d.findElements(By.css('[data-testid=dataset-title]'))).length > 0, 20000);
  console.log('ready scope', await d.executeAsyncScript('const done = arguments[0]; navigator.serviceWorker.ready.then(r => done(r.scope + " active=" + r.active.state))'));
  console.log('first', await state());
  await d.navigate().refresh();
  await new Promise(r => setTimeout(r, 1500));
  console.log('after refresh', await state());
  await d.get('http://127.0.0.1:4196/?view=map&x=1');
  await new Promise(r => setTimeout(r, 1500));
  console.log('after get', await state());
  console.log(await d.executeScript('return navigator.serviceWorker.getRegistrations().then(rs => rs.map(r => r.scope + ":" + (r.active && r.active.state)))'));
  const prefs = await d.executeScript('return 1');
} finally { await d.quit(); }
