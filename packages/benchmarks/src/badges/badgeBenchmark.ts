/*
 * Benchmark of the README badges: the InnerSource badge route side by side
 * with `@backstage-community/plugin-badges-backend`'s badge route and the
 * backend's own health route, all three in one backend process.
 *
 *   yarn bench:badges           # from the repository root
 *   BENCH_SECONDS=3 BENCH_ROUNDS=1 yarn bench:badges
 *   BENCH_ONLY=ours,peer yarn bench:badges   # only these URLs, no report
 *   BENCH_DATABASES=sqlite yarn bench:badges # only this database
 *
 * Not a test: it asserts nothing about timing, it measures and reports. For
 * each database (PostgreSQL, as deployments run, and in-memory SQLite, as in
 * local development) it
 *
 * 1. starts ONE real backend in this process (`createBackend()` of
 *    `@backstage/backend-defaults`, see ./realBackend.ts) holding the real
 *    catalog backend (reading a generated catalog file of 1,000 components
 *    and their groups), the permission backend with the allow-all policy, the
 *    InnerSource plugin and the badges-backend plugin with its default badge
 *    factories, on that database, with signed plugin-to-plugin tokens;
 * 2. waits until the catalog has ingested the file, triggers a run of the
 *    InnerSource board refresh and scoring, waits until they have filled the
 *    InnerSource badges of the subject and the peer's badge answers, and
 *    checks once that each URL answers as expected;
 * 3. measures each URL with 50 anonymous keep-alive connections (closed loop,
 *    in a worker thread), BENCH_ROUNDS (default 3) rounds in a rotated order,
 *    and reports the median round of each URL and the ratios of the same rounds;
 * 4. stops the backend (also on failure);
 *
 * then prints the tables and writes them to docs/benchmarks.md ("README
 * badges"). The targets are judged on PostgreSQL.
 */
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { closedLoopLoad, LoadResult } from '../lib/load';
import { seededRandom } from '../lib/random';
import {
  machineDescription,
  markdownTable,
  ms,
  REPO_ROOT,
  REPORT,
  writeReportSection,
} from '../lib/report';
import { BenchDatabase, RealBackend, startRealBackend } from './realBackend';

const COMPONENTS = 1_000;
const GROUPS = 20;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Math.min(3, SECONDS);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
/** For profiling: e.g. `BENCH_ONLY=ours` loads only that URL and writes no report. */
const ONLY = process.env.BENCH_ONLY?.split(',');
/** `BENCH_DATABASES=postgres,sqlite` (default: both) chooses the databases. */
const DATABASE_IDS = (process.env.BENCH_DATABASES ?? 'postgres,sqlite').split(
  ',',
);
const TARGET_VS_PEER = 5;
const TARGET_VS_HEALTH = 0.6;

/** The entity whose badges are requested: on the board and scored. */
const SUBJECT: CompoundEntityRef = {
  kind: 'component',
  namespace: 'default',
  name: 'payments-api',
};

// ---------------------------------------------------------------------------
// Data

function generateEntities(): Entity[] {
  const { int, pick } = seededRandom(20240615);
  const groups = Array.from({ length: GROUPS }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: `team-${String(i).padStart(2, '0')}` },
    spec: { type: 'team', children: [] },
  }));
  const component = (
    name: string,
    wantsContributions: boolean,
    owner: string,
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      description: `The ${name} service`,
      annotations: {
        'backstage.io/techdocs-ref': 'dir:.',
        ...(wantsContributions
          ? {
              'innersource/contributions-wanted': 'true',
              'innersource/help-wanted': `[docs] Write a quickstart for ${name}\n[code] Add retries`,
              'innersource/skills': 'typescript, postgresql',
              'innersource/contribution-types': 'code, docs',
            }
          : {}),
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner },
  });
  const others = Array.from({ length: COMPONENTS - 1 }, (_, i) =>
    component(
      `service-${String(i).padStart(4, '0')}`,
      int(4) === 0,
      `group:default/${pick(groups).metadata.name}`,
    ),
  );
  return [
    component(SUBJECT.name, true, 'group:default/team-00'),
    ...others,
    ...groups,
  ];
}

// ---------------------------------------------------------------------------
// Backend

const BOARD_TASK = 'innersource-board-refresh';
const SCORECARDS_TASK = 'innersource-scorecards-refresh';

/**
 * The scheduled tasks first run soon after start-up, usually before the
 * catalog has ingested the file; they then wait a day, so that they do not
 * run during the measurements. Once the catalog is complete, the harness
 * triggers one more run of each (the scheduler's own trigger route).
 */
const INNERSOURCE_CONFIG = {
  board: {
    refresh: { frequency: { hours: 24 }, initialDelay: { seconds: 1 } },
  },
  scorecards: {
    schedule: { frequency: { hours: 24 }, initialDelay: { seconds: 1 } },
  },
};

const sleep = (milliseconds: number) =>
  new Promise(resolve => setTimeout(resolve, milliseconds));

/** Waits until the catalog serves all components and groups of the file. */
async function waitForCatalog(backend: RealBackend) {
  const deadline = Date.now() + 600_000;
  const count = async (kind: string) => {
    const response = await fetch(
      `${backend.baseUrl}/api/catalog/entities/by-query?filter=kind=${kind}&limit=1`,
      { headers: { authorization: backend.authorization } },
    );
    if (response.status !== 200) {
      return -1;
    }
    return ((await response.json()) as { totalItems: number }).totalItems;
  };
  for (;;) {
    const [components, groups] = [
      await count('component'),
      await count('group'),
    ];
    if (components === COMPONENTS && groups === GROUPS) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The catalog has ${components} components and ${groups} groups, expected ${COMPONENTS} and ${GROUPS}`,
      );
    }
    await sleep(500);
  }
}

/**
 * Waits until the triggered runs of our tasks have ended (idle, next run a
 * day away), so that no scoring runs during the measurements.
 */
async function waitForTasksIdle(backend: RealBackend, tasks: string[]) {
  type TaskState = {
    status: 'idle' | 'running';
    startsAt?: string;
    lastRunError?: string;
  };
  const deadline = Date.now() + 600_000;
  for (;;) {
    const response = await fetch(
      `${backend.baseUrl}/api/innersource/.backstage/scheduler/v1/tasks`,
      { headers: { authorization: backend.authorization } },
    );
    const body = (await response.json()) as {
      tasks: Array<{ taskId: string; taskState: TaskState | null }>;
    };
    const states = tasks.map(
      id => body.tasks.find(task => task.taskId === id)?.taskState,
    );
    if (
      states.every(
        state =>
          state?.status === 'idle' &&
          state.startsAt &&
          Date.parse(state.startsAt) > Date.now() + 3_600_000,
      )
    ) {
      // The triggered runs have ended; an error would be theirs.
      const failed = states.find(state => state?.lastRunError);
      if (failed) {
        throw new Error(`A task run failed: ${failed.lastRunError}`);
      }
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`Tasks still running: ${JSON.stringify(states)}`);
    }
    await sleep(500);
  }
}

/**
 * Triggers a run of one of our scheduled tasks now, through the scheduler's
 * route of the plugin; waits while a run is in progress (409).
 */
async function triggerTask(backend: RealBackend, task: string) {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const response = await fetch(
      `${backend.baseUrl}/api/innersource/.backstage/scheduler/v1/tasks/${task}/trigger`,
      { method: 'POST', headers: { authorization: backend.authorization } },
    );
    if (response.status === 200) {
      return;
    }
    if (response.status !== 409 || Date.now() > deadline) {
      throw new Error(
        `Triggering ${task}: ${response.status} ${await response.text()}`,
      );
    }
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------
// Databases

type DatabaseRun = {
  id: 'postgres' | 'sqlite';
  name: string;
  database: BenchDatabase;
  /** The URLs measured on it. */
  targetIds: Array<Target['id']>;
};

/** PostgreSQL first: the targets are judged there, as in a deployment. */
function databaseRuns(): DatabaseRun[] {
  const runs: DatabaseRun[] = [];
  if (DATABASE_IDS.includes('postgres')) {
    const connection = process.env.INNERSOURCE_BENCH_POSTGRES;
    if (!connection) {
      throw new Error(
        'INNERSOURCE_BENCH_POSTGRES is not set: run `yarn bench:badges`, which starts PostgreSQL through scripts/with-postgres, or choose BENCH_DATABASES=sqlite',
      );
    }
    runs.push({
      id: 'postgres',
      name: `PostgreSQL ${
        process.env.INNERSOURCE_BENCH_POSTGRES_VERSION ?? ''
      }`.trim(),
      database: { client: 'pg', connection },
      targetIds: ['ours', 'peer', 'health', 'ours-304', 'ours-json'],
    });
  }
  if (DATABASE_IDS.includes('sqlite')) {
    runs.push({
      id: 'sqlite',
      name: 'in-memory SQLite',
      database: { client: 'better-sqlite3' },
      targetIds: ['ours', 'peer', 'health'],
    });
  }
  if (runs.length === 0) {
    throw new Error(
      `BENCH_DATABASES=${DATABASE_IDS.join(
        ',',
      )}: give postgres, sqlite or both`,
    );
  }
  return runs;
}

// ---------------------------------------------------------------------------
// Targets

type Target = {
  id: 'ours' | 'peer' | 'health' | 'ours-304' | 'ours-json';
  name: string;
  path: string;
  headers: Record<string, string>;
  /** The status each request must get; any other counts as an error. */
  status: 200 | 304;
};

type Measurement = LoadResult & { round: number; position: number };

/** Seconds from the start of the set-up to each step. */
type Setup = {
  started: number;
  catalog: number;
  badges: number;
  idle: number;
};

const subjectPath = [SUBJECT.kind, SUBJECT.namespace, SUBJECT.name].join('/');
const OUR_BADGE = `/api/innersource/badges/${subjectPath}/contributions`;
const PEER_BADGE = `/api/badges/entity/${SUBJECT.namespace}/${SUBJECT.kind}/${SUBJECT.name}/badge/pingback`;
const HEALTH = '/.backstage/health/v1/liveness';

async function fetchChecked(
  url: string,
  expected: { status: number; contentType?: string },
  headers: Record<string, string> = {},
) {
  const response = await fetch(url, { headers });
  const body = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  if (
    response.status !== expected.status ||
    (expected.contentType && !contentType.startsWith(expected.contentType))
  ) {
    throw new Error(
      `GET ${url}: ${response.status} ${contentType}, expected ${
        expected.status
      } ${expected.contentType ?? ''}: ${body.slice(0, 300)}`,
    );
  }
  return { response, body };
}

/**
 * Waits until the board refresh and the scoring have filled our badges, and
 * the peer's badge answers.
 */
async function waitForBadges(baseUrl: string) {
  const deadline = Date.now() + 300_000;
  const json = async (badge: string) => {
    const response = await fetch(
      `${baseUrl}/api/innersource/badges/${subjectPath}/${badge}?format=json`,
    );
    return response.status === 200
      ? ((await response.json()) as { message: string })
      : undefined;
  };
  for (;;) {
    const contributions = await json('contributions');
    const score = await json('score');
    const peer = (await fetch(`${baseUrl}${PEER_BADGE}`)).status;
    if (
      contributions?.message === 'welcome' &&
      score &&
      score.message !== 'n/a' &&
      peer === 200
    ) {
      return { contributions, score };
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Badges not ready: contributions ${JSON.stringify(
          contributions,
        )}, score ${JSON.stringify(score)}, peer badge ${peer}`,
      );
    }
    await sleep(250);
  }
}

/** One request per URL, checked; returns the targets and what they answer. */
async function checkTargets(baseUrl: string) {
  const ours = await fetchChecked(`${baseUrl}${OUR_BADGE}`, {
    status: 200,
    contentType: 'image/svg+xml',
  });
  const etag = ours.response.headers.get('etag');
  if (!etag) {
    throw new Error(`${OUR_BADGE} has no ETag`);
  }
  await fetchChecked(
    `${baseUrl}${OUR_BADGE}`,
    { status: 304 },
    { 'if-none-match': etag },
  );
  const oursJson = await fetchChecked(`${baseUrl}${OUR_BADGE}?format=json`, {
    status: 200,
    contentType: 'application/json',
  });
  const peer = await fetchChecked(`${baseUrl}${PEER_BADGE}`, {
    status: 200,
    contentType: 'image/svg+xml',
  });
  const health = await fetchChecked(`${baseUrl}${HEALTH}`, {
    status: 200,
    contentType: 'application/json',
  });
  const targets: Target[] = [
    {
      id: 'ours',
      name: 'InnerSource badge (SVG)',
      path: OUR_BADGE,
      headers: {},
      status: 200,
    },
    {
      id: 'peer',
      name: 'badges-backend badge (SVG)',
      path: PEER_BADGE,
      headers: {},
      status: 200,
    },
    {
      id: 'health',
      name: 'health (liveness)',
      path: HEALTH,
      headers: {},
      status: 200,
    },
    {
      id: 'ours-304',
      name: 'InnerSource badge, `If-None-Match` (304)',
      path: OUR_BADGE,
      headers: { 'if-none-match': etag },
      status: 304,
    },
    {
      id: 'ours-json',
      name: 'InnerSource badge (`?format=json`)',
      path: `${OUR_BADGE}?format=json`,
      headers: {},
      status: 200,
    },
  ];
  const bytes = {
    ours: Buffer.byteLength(ours.body),
    'ours-304': 0,
    'ours-json': Buffer.byteLength(oursJson.body),
    peer: Buffer.byteLength(peer.body),
    health: Buffer.byteLength(health.body),
  };
  return { targets, bytes, oursText: oursJson.body, peerSvg: peer.body };
}

async function measure(baseUrl: string, target: Target): Promise<LoadResult> {
  const options = {
    url: `${baseUrl}${target.path}`,
    headers: Array.from({ length: CONNECTIONS }, () => ({ ...target.headers })),
    expectedStatus: target.status,
  };
  await closedLoopLoad({ ...options, seconds: WARMUP_SECONDS });
  return closedLoopLoad({ ...options, seconds: SECONDS });
}

// ---------------------------------------------------------------------------
// Report

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

type Summary = {
  target: Target;
  rounds: Measurement[];
  /** The round with the median requests/s. */
  typical: Measurement;
};

function summarize(
  targets: Target[],
  results: Map<Target['id'], Measurement[]>,
): Summary[] {
  return targets.map(target => {
    const rounds = results.get(target.id)!;
    const rps = median(rounds.map(r => r.rps));
    return { target, rounds, typical: rounds.find(r => r.rps === rps)! };
  });
}

/** Our badge's requests/s over another target's, per round, and the median. */
function ratios(
  results: Map<Target['id'], Measurement[]>,
  other: Target['id'],
) {
  const ours = results.get('ours')!;
  const theirs = results.get(other)!;
  const perRound = ours.map((r, i) => r.rps / theirs[i].rps);
  return { perRound, median: median(perRound) };
}

const verdict = (value: number, target: number) =>
  `${value.toFixed(2)}× (target ≥ ${target}×: ${
    value >= target ? '✅ pass' : '❌ fail'
  })`;

function table(
  summaries: Summary[],
  bytes: Record<Target['id'], number>,
  healthRps: number,
  peerRps: number,
) {
  const num = (value: number, format: (v: number) => string) =>
    Number.isNaN(value) ? '—' : format(value);
  const rows = summaries.map(({ target, rounds, typical }) => [
    target.name,
    `\`GET ${target.path}\`${
      target.headers['if-none-match'] ? ' + `If-None-Match: <its ETag>`' : ''
    }`,
    `${target.status} (${bytes[target.id]} B)`,
    rounds.map(r => r.rps.toFixed(0)).join(' / '),
    String(typical.requests),
    num(typical.errors, String),
    num(typical.p50, ms),
    num(typical.p95, ms),
    num(typical.p99, ms),
    typical.rps.toFixed(0),
    (typical.rps / peerRps).toFixed(2),
    (typical.rps / healthRps).toFixed(2),
  ]);
  const header = [
    'target',
    'request',
    'answer',
    'req/s per round',
    'requests',
    'errors',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'req/s',
    '× peer badge',
    '× health',
  ];
  return markdownTable(header, rows);
}

function packageVersion(name: string): string {
  const file = path.join(resolvePackagePath(name), 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string })
    .version;
}

type DatabaseResult = {
  run: DatabaseRun;
  setup: Setup;
  summaries: Summary[];
  bytes: Record<Target['id'], number>;
  vsPeer: ReturnType<typeof ratios>;
  vsHealth: ReturnType<typeof ratios>;
  /** The health route's requests/s over the peer badge's, median of the rounds. */
  healthVsPeer: number;
};

const perRound = (values: number[]) =>
  values.map(v => `${v.toFixed(2)}×`).join(', ');

function targetsLine(result: DatabaseResult) {
  const { vsPeer, vsHealth, healthVsPeer } = result;
  return `our badge ≥ ${TARGET_VS_PEER}× the peer badge: ${verdict(
    vsPeer.median,
    TARGET_VS_PEER,
  )}, rounds ${perRound(
    vsPeer.perRound,
  )}; our badge ≥ ${TARGET_VS_HEALTH}× the health route: ${verdict(
    vsHealth.median,
    TARGET_VS_HEALTH,
  )}, rounds ${perRound(
    vsHealth.perRound,
  )}; the health route itself is ${healthVsPeer.toFixed(
    2,
  )}× the peer badge (median of the same rounds)`;
}

function setupLine(result: DatabaseResult) {
  const { setup, run } = result;
  return `On ${run.name}: backend started after ${setup.started.toFixed(
    1,
  )} s, catalog complete after ${setup.catalog.toFixed(
    1,
  )} s, badges filled after ${setup.badges.toFixed(
    1,
  )} s, both triggered runs ended after ${setup.idle.toFixed(1)} s`;
}

function tableOf(result: DatabaseResult) {
  const rpsOf = (id: Target['id']) =>
    result.summaries.find(s => s.target.id === id)!.typical.rps;
  return table(result.summaries, result.bytes, rpsOf('health'), rpsOf('peer'));
}

function section(options: { results: DatabaseResult[]; load: string }) {
  const { results, load } = options;
  const [judged, ...others] = results;
  const databaseNames = results.map(r => r.run.name).join(' and ');
  return `## README badges

The InnerSource badge route next to \`@backstage-community/plugin-badges-backend\`'s badge route and the backend's health route, in one backend process, measured with \`yarn bench:badges\`
([packages/benchmarks/src/badges/badgeBenchmark.ts](../packages/benchmarks/src/badges/badgeBenchmark.ts)), once per database: ${databaseNames}.

- **Backend**: one real backend per database, started in the benchmark's process with \`createBackend()\` of \`@backstage/backend-defaults\` ${packageVersion(
    '@backstage/backend-defaults',
  )} and \`NODE_ENV=${
    process.env.NODE_ENV
  }\`, with the default service factories: the root HTTP router with its default middleware (helmet, CORS, compression, request logging at \`info\`; no rate limit, none configured) and the root health router; the real \`auth\`/\`httpAuth\` services (plugin-to-plugin tokens signed with ES256 keys that each plugin keeps in its database, verified by the receiving plugin through the sender's JWKS route); discovery; the scheduler; the database manager with one database per plugin, on the machine's PostgreSQL cluster (local, sharing the same CPUs; databases with a prefix of the run, dropped afterwards) or on in-memory SQLite (better-sqlite3); the permissions service with \`permission.enabled: true\`. The configuration comes from the default root config service, given \`--config\` with a generated file (a free port on 127.0.0.1, \`backend.database\`, \`catalog\`, \`permission\`, \`innersource\`, and a static \`backend.auth.externalAccess\` token used only by the harness to wait for the catalog and to trigger the scheduled tasks). The one replaced service: the root logger is built like the default one (winston, JSON lines as in production, same level and secret redaction) but writes to a temporary file instead of stdout, so that the request log of the load does not flood the terminal. Plugins, as a deployment adds them:
  - \`@backstage/plugin-catalog-backend\` ${packageVersion(
    '@backstage/plugin-catalog-backend',
  )} reading a generated catalog file through a \`type: file\` location (${COMPONENTS.toLocaleString(
    'en',
  )} components, about a quarter wanting contributions, and their ${GROUPS} owner groups), with its default processing: every entity is processed again every 100–150 s, as in any deployment, so that background work also runs during the measurements;
  - \`@backstage/plugin-permission-backend\` ${packageVersion(
    '@backstage/plugin-permission-backend',
  )} with \`@backstage/plugin-permission-backend-module-allow-all-policy\` ${packageVersion(
    '@backstage/plugin-permission-backend-module-allow-all-policy',
  )}, as in the demo backend;
  - \`@innersource/backstage-plugin-innersource-backend\` ${packageVersion(
    '@innersource/backstage-plugin-innersource-backend',
  )} (workspace), reading the catalog through the catalog service (HTTP, plugin tokens) in its scheduled tasks only. Its notification service is the default one (an HTTP client of the notifications backend); no notifications backend is installed, since only help offers send notifications and none are made here;
  - \`@backstage-community/plugin-badges-backend\` ${packageVersion(
    '@backstage-community/plugin-badges-backend',
  )} with its default badge factories (no extension point used), badges not obfuscated.
- **Set-up**: our board refresh and scoring (\`frequency: { hours: 24 }\`, \`initialDelay: { seconds: 1 }\`) have usually run once before the catalog is complete (all components and groups served by \`/entities/by-query\`); the harness then triggers one more run of each through the scheduler's route of the plugin (\`POST /api/innersource/.backstage/scheduler/v1/tasks/:id/trigger\`), and neither runs again during the measurements. ${results
    .map(setupLine)
    .join('. ')}.
- **Requests**: the same existing entity, \`${stringifyEntityRef(
    SUBJECT,
  )}\` (on the help-wanted board and scored). Ours: its \`contributions\` badge ("contributions: welcome"), served from the board and scorecard snapshots in memory, no catalog or database call. Peer: its \`pingback\` badge (the component badge of the default factories); per request the badges-backend signs a plugin token for the catalog, calls \`GET /api/catalog/entities/by-name/component/default/payments-api\` over HTTP (its \`CatalogClient\` uses \`cross-fetch\`, i.e. node-fetch on Node.js's default agent, which keeps connections alive) through the same root router and middleware, where the catalog verifies the token, checks \`catalog.entity.read\` (for a service principal without access restrictions the permissions service allows locally, without asking the permission backend or its policy) and reads the entity from its database; then \`badge-maker\` renders the SVG. Health: \`/.backstage/health/v1/liveness\` of the root router (after the root middleware, outside any plugin and auth policy), the floor of what a request costs in this process. All anonymous (no \`Authorization\`, as README images are fetched), with \`Accept: */*\` and \`Accept-Encoding: gzip, deflate\` (what \`fetch\` sends); both badge routes are open to unauthenticated callers through their plugins' own auth policies (no \`dangerouslyDisableDefaultAuthPolicy\`).
- **Load**: ${CONNECTIONS} connections, each sending its next request as soon as the previous one was answered (closed loop), keep-alive \`node:http\` requests to 127.0.0.1 from a worker thread of the backend's Node.js process, so the load generator shares the CPUs. ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s measured per URL; ${ROUNDS} round${
    ROUNDS === 1 ? '' : 's'
  } per database, each in a rotated order of the URLs so that drift does not favour one; the tables show each URL's median round, and the req/s of every round. Each row counts only answers with its expected status (200, or 304 for the \`If-None-Match\` row); anything else is an error.
- **Targets** (ratios of requests/s in the same round, median over rounds), judged on ${
    judged.run.name
  }, the database of a deployment: ${targetsLine(judged)}.${others
    .map(
      other =>
        ` For comparison, on ${
          other.run.name
        } (local development, where the peer's catalog read is an in-process call): ${targetsLine(
          other,
        )}.`,
    )
    .join(
      '',
    )} The health route bounds any route behind a plugin router in this backend: its ratio to the peer is the most any badge could reach here.
- **Machine**: ${machineDescription()}; load average before the run ${load}.

${results
  .map(result => `**${result.run.name}**\n\n${tableOf(result)}`)
  .join('\n\n')}

Answer sizes are bodies without headers; the × columns divide median-round requests/s. With a closed loop, latency is mostly queueing: the mean latency is about ${CONNECTIONS} connections ÷ requests/s.
`;
}

// ---------------------------------------------------------------------------

const log = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Starts a backend on the database, measures its URLs in rounds and stops it;
 * undefined when only profiling (BENCH_ONLY).
 */
async function measureOn(
  run: DatabaseRun,
): Promise<DatabaseResult | undefined> {
  log(`\n# ${run.name}`);
  const t0 = performance.now();
  const backend = await startRealBackend({
    entities: generateEntities(),
    innersource: INNERSOURCE_CONFIG,
    database: run.database,
  });
  const { baseUrl } = backend;
  try {
    const setup = { started: (performance.now() - t0) / 1000 } as Setup;
    log(
      `Backend (NODE_ENV=${process.env.NODE_ENV}, ${
        run.name
      }) at ${baseUrl} in ${setup.started.toFixed(1)} s; its log: ${
        backend.files.log
      }`,
    );
    await waitForCatalog(backend);
    setup.catalog = (performance.now() - t0) / 1000;
    log(
      `Catalog has ingested ${COMPONENTS} components and ${GROUPS} groups after ${setup.catalog.toFixed(
        1,
      )} s; triggering the board refresh and the scoring.`,
    );
    await triggerTask(backend, BOARD_TASK);
    await triggerTask(backend, SCORECARDS_TASK);
    const ready = await waitForBadges(baseUrl);
    setup.badges = (performance.now() - t0) / 1000;
    await waitForTasksIdle(backend, [BOARD_TASK, SCORECARDS_TASK]);
    setup.idle = (performance.now() - t0) / 1000;
    log(
      `Badges ready after ${setup.badges.toFixed(1)} s: contributions "${
        ready.contributions.message
      }", score "${
        ready.score.message
      }"; the triggered runs ended after ${setup.idle.toFixed(1)} s.`,
    );
    const checked = await checkTargets(baseUrl);
    const { bytes } = checked;
    if (ONLY) {
      // Profiling: load only the named URLs, report nothing.
      for (const target of checked.targets.filter(t => ONLY.includes(t.id))) {
        log(`${target.name} (${WARMUP_SECONDS} s + ${SECONDS} s)…`);
        log(`  ${(await measure(baseUrl, target)).rps.toFixed(0)} req/s`);
      }
      return undefined;
    }
    const targets = checked.targets.filter(t => run.targetIds.includes(t.id));

    const results = new Map<Target['id'], Measurement[]>(
      targets.map(t => [t.id, []]),
    );
    for (let round = 0; round < ROUNDS; round++) {
      const order = targets.map(
        (_, i) => targets[(i + round) % targets.length],
      );
      for (const [position, target] of order.entries()) {
        log(
          `Round ${round + 1}/${ROUNDS}: ${
            target.name
          } (${WARMUP_SECONDS} s + ${SECONDS} s)…`,
        );
        const result = await measure(baseUrl, target);
        log(
          `  ${result.rps.toFixed(0)} req/s${
            Number.isNaN(result.p50)
              ? ''
              : `, p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms, errors ${
                  result.errors
                }`
          }`,
        );
        results.get(target.id)!.push({ ...result, round, position });
      }
    }
    const peerRounds = results.get('peer')!;
    return {
      run,
      setup,
      summaries: summarize(targets, results),
      bytes,
      vsPeer: ratios(results, 'peer'),
      vsHealth: ratios(results, 'health'),
      healthVsPeer: median(
        results.get('health')!.map((r, i) => r.rps / peerRounds[i].rps),
      ),
    };
  } finally {
    log('Stopping the backend…');
    await backend.stop();
  }
}

async function main() {
  const load = os
    .loadavg()
    .map(v => v.toFixed(2))
    .join(' / ');
  log(`Load average (1 / 5 / 15 min): ${load}`);
  // As in a deployed backend (JSON logs, Express in production mode).
  process.env.NODE_ENV ??= 'production';
  const runs = databaseRuns();
  const results: DatabaseResult[] = [];
  for (const run of ONLY ? runs.slice(0, 1) : runs) {
    const result = await measureOn(run);
    if (result) {
      results.push(result);
    }
  }
  if (results.length === 0) {
    return;
  }
  for (const result of results) {
    log(`\n${result.run.name}\n\n${tableOf(result)}`);
    log(
      `\nOurs vs peer badge: ${verdict(
        result.vsPeer.median,
        TARGET_VS_PEER,
      )}; ours vs health: ${verdict(result.vsHealth.median, TARGET_VS_HEALTH)}`,
    );
  }
  writeReportSection('## README badges', section({ results, load }));
  log(`\nWritten to ${path.relative(REPO_ROOT, REPORT)}.`);
}

main().then(
  // Exit even if a library left a timer or socket behind after the stop.
  () => process.exit(0),
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
