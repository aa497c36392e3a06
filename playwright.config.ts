import { defineConfig, devices } from '@playwright/test';

import { CHROMIUM, CHROMIUM_FLAGS } from './e2e/fixtures/chromium';

// End-to-end tests against the release build in dist/ (built by `trunk build --release`).
// Run through `bash scripts/test.sh` (or, with dist/ built: `npx playwright test`).
//
// The browser is Debian's chromium (`scripts/setup.sh --browser`); never `npx playwright install`.
const PORT = Number(process.env.E2E_PORT ?? 4173);
// Which build to serve: several people can test their own build side by side (E2E_DIST=dist-map).
const DIST = process.env.E2E_DIST ?? 'dist';
const BASE_URL = `http://127.0.0.1:${PORT}/`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    // scripts/test.sh reads the counts from this file.
    ['json', { outputFile: 'test-results/e2e-results.json' }],
  ],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: CHROMIUM,
          // Playwright adds --headless, --no-sandbox and a fresh --user-data-dir itself.
          args: [...CHROMIUM_FLAGS],
        },
      },
    },
  ],
  webServer: {
    // dist/ is also served under /nested/app/ to prove the build only uses relative URLs.
    command: `python3 scripts/serve.py --dir ${DIST} --host 127.0.0.1 --port ${PORT} --quiet --also-under /nested/app/`,
    url: BASE_URL,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
