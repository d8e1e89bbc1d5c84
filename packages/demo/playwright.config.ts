// End-to-end tests of the demo: the whole stack (API on a fresh temporary PGlite database,
// demo pages built for it and served under the strict CSP) in Debian's Chromium.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { apiPort, demoPort, demoUrl, mailPort, paymentsPort, pushPort } from './e2e/env.js';

export default defineConfig({
  testDir: 'e2e',
  // One worker: the outage test takes the shared API down, and the machine has two cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: demoUrl,
    browserName: 'chromium',
    locale: 'en-US',
    timezoneId: 'UTC',
    // Traces are costly on two cores: KIOSK_E2E_TRACE=1 keeps them for failed tests.
    trace: process.env.KIOSK_E2E_TRACE ? 'retain-on-failure' : 'off',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `node scripts/start.mjs --e2e --port ${demoPort} --api-port ${apiPort} --mail-port ${mailPort} --push-port ${pushPort} --payments-port ${paymentsPort}`,
    url: `${demoUrl}/index.html`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
