// End-to-end tests drive the system Chromium (Debian's `chromium`, or CHROMIUM_PATH) against the
// browser-mode host. Nothing here downloads a browser.
import { defineConfig } from '@playwright/test';
import { useNodeCompileCache } from '../support/compile-cache.ts';

useNodeCompileCache();

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e',
  // Two workers, one spec file each at a time (the tests of a file run in order in one worker, sharing its
  // beforeAll). Every test has its own host on a free port and its own temporary data folder, browser
  // context, SMTP/Dovecot servers and (shared-desk specs) database, so two files never see each other's
  // state. A test spends most of its time waiting on the page or on its host's scrypt, so the second
  // worker fills the other core: the run takes about 60 % of its one-worker time. Nothing waits on a
  // clock that load could overrun: the auto-lock test waits for the lock, with the usual expect timeout.
  workers: 2,
  fullyParallel: false,
  // The shared-desk specs' PostgreSQL cluster: one per run, started by the first spec that asks.
  globalSetup: './postgres-global.ts',
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
