/*
 * Benchmark of the help-wanted board page in Chromium with 1,000 projects.
 *
 *   yarn bench:board-render     # from the repository root
 *
 * Not a test: it asserts nothing about timing, it measures and reports. It
 *
 * 1. writes 1,000 generated components wanting contributions (3,000 asks) to a
 *    temporary catalog file, next to the demo's teams (examples/org.yaml);
 * 2. starts the demo backend as the end-to-end tests do (production build of
 *    packages/app served on :7007, NODE_ENV=production, in-memory SQLite) with
 *    that catalog, and waits until the board lists all 1,000;
 * 3. in Debian's Chromium, signs in as guest and opens /innersource again and
 *    again, measuring the time from navigation to the first project on screen
 *    (the whole app starts each time: scripts from the browser cache, sign-in
 *    refresh, the board request, React rendering);
 * 4. presses "Load more" until all 1,000 projects are on the page and
 *    measures that, the DOM size and the JavaScript heap;
 * 5. prints a table and writes it to docs/benchmarks.md (section "Help-wanted
 *    board in Chromium").
 */
import { chromium, Page } from '@playwright/test';
import { ChildProcess, execFileSync, spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { seededRandom } from '../lib/random';
import {
  machineDescription,
  markdownTable,
  ms,
  percentile,
  REPO_ROOT,
  REPORT,
  writeReportSection,
} from '../lib/report';

const PROJECTS = 1_000;
const ASKS_PER_PROJECT = 3;
const FIRST_RENDER_RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BASE_URL = 'http://localhost:7007';
const CHROMIUM = process.env.INNERSOURCE_CHROMIUM ?? '/usr/bin/chromium';
const TEAMS = ['payments', 'identity', 'platform', 'search', 'mobile', 'data'];
const SKILLS = [
  'typescript',
  'react',
  'kotlin',
  'java',
  'go',
  'python',
  'rust',
  'postgresql',
  'kafka',
  'terraform',
  'swift',
  'graphql',
];
const TYPES = ['code', 'docs', 'tests', 'design', 'triage', 'ops'];
const VERBS = ['Add', 'Document', 'Test', 'Speed up', 'Port', 'Simplify'];
const NOUNS = ['retries', 'the CLI', 'metrics', 'the quickstart', 'caching'];

/** The generated catalog, as YAML documents (JSON is YAML). */
function generatedCatalog(): string {
  const { int, pick, pickSome } = seededRandom(1000);
  return Array.from({ length: PROJECTS }, (_, i) => {
    const types = pickSome(TYPES, 1 + int(3));
    const asks = Array.from(
      { length: ASKS_PER_PROJECT },
      () => `[${pick(types)}] ${pick(VERBS)} ${pick(NOUNS)} in ${pick(SKILLS)}`,
    );
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `project-${String(i).padStart(4, '0')}`,
        title: `Project ${i}`,
        description: `Generated project ${i} for the board rendering benchmark, asking for help.`,
        tags: pickSome(['java', 'web', 'data', 'mobile', 'infra'], 2),
        annotations: {
          'innersource/contributions-wanted': 'true',
          'innersource/help-wanted': asks.join('; '),
          'innersource/help-wanted-until': '2035-12-31',
          'innersource/skills': pickSome(SKILLS, 2 + int(3), true).join(', '),
          'innersource/contribution-types': types.join(', '),
          'innersource/chat': `#project-${i}`,
          'innersource/contributing': 'CONTRIBUTING.md',
          'innersource/response-time': '2d',
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: `group:default/${pick(TEAMS)}`,
      },
    };
    return `---\n${JSON.stringify(entity)}\n`;
  }).join('');
}

function writeBenchConfig(dir: string): string {
  const catalogFile = path.join(dir, 'board-1000.yaml');
  fs.writeFileSync(catalogFile, generatedCatalog());
  const configFile = path.join(dir, 'app-config.bench.yaml');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      catalog: {
        locations: [
          {
            type: 'file',
            target: path.join(REPO_ROOT, 'examples', 'org.yaml'),
          },
          { type: 'file', target: catalogFile },
        ],
      },
      innersource: {
        board: {
          refresh: { frequency: { seconds: 5 }, initialDelay: { seconds: 2 } },
        },
      },
    }),
  );
  return configFile;
}

function startDemoBackend(configFile: string): ChildProcess {
  const backendDir = path.join(REPO_ROOT, 'packages', 'backend');
  const child = spawn(
    process.execPath,
    [
      '--require',
      '@backstage/cli-node/config/nodeTransform.cjs',
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.e2e.yaml',
      '--config',
      configFile,
    ],
    {
      cwd: backendDir,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    },
  );
  let stderr = '';
  child.stderr?.on('data', chunk => {
    stderr = (stderr + chunk).slice(-4000);
  });
  child.once('exit', code => {
    if (code) {
      process.stderr.write(`The backend exited with ${code}:\n${stderr}\n`);
    }
  });
  return child;
}

async function waitFor<T>(
  what: string,
  timeoutMs: number,
  attempt: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await attempt();
      if (value !== undefined) {
        return value;
      }
    } catch {
      // not yet
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('link', { name: 'Catalog', exact: true })
    .waitFor({ state: 'visible', timeout: 60_000 });
}

const RESULTS_LIST = 'ul[aria-label="Help-wanted results"]';

/** Milliseconds from navigation start to the first project on screen. */
async function firstRender(page: Page): Promise<number> {
  await page.goto('/innersource', { waitUntil: 'commit' });
  await page.waitForFunction(
    selector => document.querySelector(`${selector} li h2, ${selector} li h3`),
    RESULTS_LIST,
    { polling: 'raf', timeout: 60_000 },
  );
  // A string, so that the page's own \`performance\` is used, not Node's.
  return page.evaluate<number>('performance.now()');
}

type RenderResults = {
  firstRender: number[];
  allProjectsMs: number;
  loadMoreClicks: number;
  domNodes: number;
  heapMiB: number;
  setupSeconds: number;
};

async function measure(setupStart: number): Promise<RenderResults> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({
      baseURL: BASE_URL,
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    await signInAsGuest(page);

    // The catalog ingests the 1,000 components, then the board's refresh
    // picks them up: wait until the page says so.
    await waitFor('the board to list 1,000 projects', 600_000, async () => {
      await page.goto('/innersource');
      const status = await page
        .getByText(/projects looking for help/)
        .first()
        .textContent({ timeout: 10_000 });
      return status?.startsWith(`${PROJECTS} `) ? true : undefined;
    });
    const setupSeconds = (performance.now() - setupStart) / 1000;

    // One unmeasured load warms the browser cache, as for a returning user.
    await firstRender(page);
    const times: number[] = [];
    for (let run = 0; run < FIRST_RENDER_RUNS; run++) {
      times.push(await firstRender(page));
    }

    const items = page.locator(`${RESULTS_LIST} > li`);
    await items.first().waitFor();
    const t0 = performance.now();
    let clicks = 0;
    while ((await items.count()) < PROJECTS) {
      const before = await items.count();
      await page.getByRole('button', { name: 'Load more' }).click();
      await page.waitForFunction(
        ([selector, count]) =>
          document.querySelectorAll(`${selector} > li`).length > count,
        [RESULTS_LIST, before] as const,
        { timeout: 30_000 },
      );
      clicks++;
    }
    const allProjectsMs = performance.now() - t0;
    const domNodes = await page.evaluate(
      () => document.getElementsByTagName('*').length,
    );
    const heapBytes = await page.evaluate<number>(
      'performance.memory ? performance.memory.usedJSHeapSize : NaN',
    );
    return {
      firstRender: times.sort((a, b) => a - b),
      allProjectsMs,
      loadMoreClicks: clicks,
      domNodes,
      heapMiB: heapBytes / 1024 ** 2,
      setupSeconds,
    };
  } finally {
    await browser.close();
  }
}

function section(r: RenderResults): string {
  const table = markdownTable(
    ['measure', 'value'],
    [
      [
        `first project on screen after navigation, median of ${r.firstRender.length}`,
        `${ms(percentile(r.firstRender, 50))} ms`,
      ],
      [
        'first project on screen, fastest / slowest',
        `${ms(r.firstRender[0])} / ${ms(
          r.firstRender[r.firstRender.length - 1],
        )} ms`,
      ],
      [
        `all ${PROJECTS.toLocaleString(
          'en',
        )} projects on the page ("Load more" × ${r.loadMoreClicks})`,
        `${(r.allProjectsMs / 1000).toFixed(1)} s`,
      ],
      ['DOM elements with all projects shown', r.domNodes.toLocaleString('en')],
      [
        'JavaScript heap with all projects shown',
        `${r.heapMiB.toFixed(0)} MiB`,
      ],
    ],
  );
  return `## Help-wanted board in Chromium

The \`/innersource\` page with ${PROJECTS.toLocaleString(
    'en',
  )} projects on the board, measured with \`yarn bench:board-render\`
([packages/benchmarks/src/board/boardRenderBenchmark.ts](../packages/benchmarks/src/board/boardRenderBenchmark.ts)).

- **Data**: ${PROJECTS.toLocaleString(
    'en',
  )} generated components wanting contributions, ${ASKS_PER_PROJECT} asks each, in the demo's six teams.
- **Setup**: the demo backend as the end-to-end tests run it (production build of the app served on :7007, \`NODE_ENV=production\`, in-memory SQLite), with the generated catalog; ${r.setupSeconds.toFixed(
    0,
  )} s from start until the board listed all projects (catalog ingestion, then the board's refresh).
- **Browser**: Debian's Chromium, headless, 1440×900, signed in as guest, browser cache warm (one unmeasured load first). Each run navigates to \`/innersource\`, so the app starts from scratch; the time is \`performance.now()\` when the first project's heading is in the DOM, polled every animation frame.
- **Machine**: ${machineDescription()}.

${table}
`;
}

async function main() {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const setupStart = performance.now();
  if (!fs.existsSync(path.join(REPO_ROOT, 'packages/app/dist/index.html'))) {
    log('Building the app (packages/app/dist)…');
    execFileSync('yarn', ['workspace', 'app', 'build'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'innersource-render-'));
  const backend = startDemoBackend(writeBenchConfig(dir));
  try {
    await waitFor('the backend to be ready', 180_000, async () => {
      const response = await fetch(
        `${BASE_URL}/.backstage/health/v1/readiness`,
      );
      return response.ok ? true : undefined;
    });
    log(
      `Backend ready; waiting for the board to list ${PROJECTS} projects (catalog ingestion)…`,
    );
    const results = await measure(setupStart);
    const text = section(results);
    log('');
    log(text.slice(text.indexOf('| measure')));
    writeReportSection('## Help-wanted board in Chromium', text);
    log(`Written to ${path.relative(REPO_ROOT, REPORT)}.`);
  } finally {
    if (backend.pid) {
      process.kill(-backend.pid, 'SIGTERM');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
