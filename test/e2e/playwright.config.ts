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
  // state. With one worker a run kept about one of the two cores busy (the test waits on the page, the
  // page on the host): the second worker uses the other.
  workers: 2,
  fullyParallel: false,
  // The shared-desk specs' PostgreSQL cluster: one per run, started by the first spec that asks.
  globalSetup: './postgres-global.ts',
  retries: 0,
  // Limits against a hang, not speed checks: twice those of the one-worker run, since each test now shares
  // the machine with another (and, on a shared PC, with whatever else runs).
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    // A failed test keeps its trace with a DOM snapshot of every step, but no screencast: recording the
    // screencast for every test (Playwright's default) cost more CPU than the tests themselves — Chromium's
    // browser and GPU processes encoding frames (accounts + calendar specs, one worker: 74 s of CPU and 51 s
    // against 45 s and 39 s without it; the whole run on 2 workers went from 14.3 to about 9.6 minutes).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: false },
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
