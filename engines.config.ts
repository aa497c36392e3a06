import { defineConfig } from '@playwright/test';

import type { EngineOptions } from './engines/fixtures/engines';

// The cross-engine suite: the same specs (engines/*.spec.ts) on Chromium, Firefox and WebKit (Safari's
// engine), each driven through plain W3C WebDriver by selenium-webdriver (chromedriver, geckodriver,
// WebKitGTK's WebKitWebDriver under xvfb-run). Playwright Test only runs the specs and reports them;
// no Playwright browser is used here. The release build in dist/ is served on 127.0.0.1.
//
//   bash scripts/test.sh                                   # with everything else
//   npx playwright test -c engines.config.ts --project=firefox
//
// Drivers and browsers come from scripts/setup.sh --browser; none is ever downloaded.
const PORT = Number(process.env.ENGINES_PORT ?? 4174);
const DIST = process.env.E2E_DIST ?? 'dist';

export default defineConfig<EngineOptions>({
  testDir: 'engines',
  outputDir: 'test-results/engines-artifacts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: Number(process.env.ENGINES_WORKERS ?? 2),
  // A WebDriver session starts a whole browser (several seconds for Firefox on two cores).
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    // scripts/test.sh reads the counts from this file.
    ['json', { outputFile: 'test-results/engines-results.json' }],
  ],
  use: { baseURL: `http://127.0.0.1:${PORT}/` },
  projects: [
    { name: 'chromium', use: { engine: 'chromium' } },
    { name: 'firefox', use: { engine: 'firefox' } },
    // One retry, which engines/fixtures/engines.ts refuses unless the first attempt met JavaScriptCore's
    // "Out of bounds memory access" (docs/engines.md).
    { name: 'webkit', use: { engine: 'webkit' }, retries: 1 },
  ],
  webServer: {
    command: `python3 scripts/serve.py --dir ${DIST} --host 127.0.0.1 --port ${PORT} --quiet`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
