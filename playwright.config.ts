import { defineConfig } from '@playwright/test';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';

// End-to-end tests run in Debian's Chromium (Playwright cannot download browsers here)
// against the demo as a platform team runs it: the backend on :7007 serving the
// production build of packages/app. scripts/test builds the app first.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 20_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,

  webServer: {
    // The backend's own entry point without the CLI's file watcher, so that editing
    // files during a run cannot restart it, and NODE_ENV=production as in a deployment.
    command:
      'node --enable-source-maps --require @backstage/cli-node/config/nodeTransform.cjs src/index.ts --config ../../app-config.yaml --config ../../app-config.e2e.yaml',
    cwd: 'packages/backend',
    env: { NODE_ENV: 'production' },
    url: 'http://localhost:7007/.backstage/health/v1/readiness',
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'pipe',
  },

  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/e2e.json' }],
    ['html', { open: 'never', outputFolder: 'test-results/e2e-report' }],
  ],

  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:7007',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.INNERSOURCE_CHROMIUM ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },

  outputDir: 'test-results/e2e-artifacts',
  projects: generateProjects(),
});
