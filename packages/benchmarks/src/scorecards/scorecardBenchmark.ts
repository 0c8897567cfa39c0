/*
 * Benchmark of the InnerSource scorecards against Backstage Tech Insights,
 * side by side in one backend process.
 *
 *   yarn bench:scorecards                        # from the repository root
 *   BENCH_SIZES=1000,10000 yarn bench:scorecards
 *   BENCH_TI_LIMIT_SECONDS=300 yarn bench:scorecards
 *   BENCH_CPU_PROFILE_DIR=/tmp/prof yarn bench:scorecards  # our side only, no report
 *
 * Not a test: it asserts nothing about timing, it measures and reports. For
 * each size N (default 1,000, 10,000 and 50,000 Components) it
 *
 * 1. generates N Components with a mix of complete, partial and missing
 *    InnerSource annotations, and the groups and users they name
 *    (deterministic pseudo-random data);
 * 2. starts one test backend with the real InnerSource plugin and the real
 *    Tech Insights plugin (with its jsonfc fact checker and a fact retriever
 *    computing the facts that the scorecard checks look at), each on its own
 *    in-memory SQLite database, both reading the same in-memory catalog;
 * 3. times one scheduled scoring of the scorecards (the plugin's own task,
 *    triggered through the scheduler), then one run of the Tech Insights fact
 *    retriever (also its own scheduled task) followed by one bulk check run
 *    over HTTP, sampling the memory of the process meanwhile;
 * 4. checks that both sides scored every entity and agree on a sample, and
 *    writes the results to docs/benchmarks.md (section "Scorecards vs Tech
 *    Insights").
 */
import {
  coreServices,
  createServiceFactory,
  DatabaseService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import techInsightsModuleJsonRulesEngineFactCheckerFactory from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import innersourcePlugin from '@innersource/backstage-plugin-innersource-backend';
import fs from 'fs';
import { Session } from 'inspector/promises';
import knexFactory, { Knex } from 'knex';
import path from 'path';
import { performance } from 'perf_hooks';
import {
  machineDescription,
  markdownTable,
  REPO_ROOT,
  REPORT,
  writeReportSection,
} from '../lib/report';
import {
  EQUIVALENT_CHECKS,
  INNERSOURCE_FACT_RETRIEVER_ID,
  jsonfcChecksConfig,
  techInsightsModuleInnerSourceFacts,
} from './innersourceFactRetriever';
import { collectGarbage, MemoryPeak, startMemoryPeak } from './memoryPeak';
import { pagedInMemoryCatalog } from './pagedInMemoryCatalog';
import { generateScorecardCatalog, PROFILE_SHARES } from './scorecardCatalog';

/** The plugin's scheduled scoring (`SCORECARD_REFRESH_TASK_ID`, not exported). */
const SCORECARD_TASK_ID = 'innersource-scorecards-refresh';
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000')
  .split(',')
  .map(size => Number(size.trim()))
  .filter(size => Number.isInteger(size) && size > 0);
/** Tech Insights is skipped for a size when it would take longer than this. */
const TI_LIMIT_SECONDS = Number(process.env.BENCH_TI_LIMIT_SECONDS ?? 600);
const WARMUP_SIZE = 200;
/** Entities whose results are compared between both sides, at most. */
const AGREEMENT_SAMPLE = 500;
const TARGET_SIZE = 10_000;
const TARGET_SECONDS = 10;
const TARGET_RATIO = 20;
const COMPONENT_FILTER = [{ kind: 'component' }];
/** A directory to write a CPU profile of each InnerSource scoring to. */
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROFILE_DIR;

const log = (line: string) => process.stdout.write(`${line}\n`);
const MiB = 1024 * 1024;
const mib = (bytes: number) => (bytes / MiB).toFixed(0);
const user = mockCredentials.user.header('user:default/bench');

// ---------------------------------------------------------------------------
// Backend

function memoryKnex(): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
    // One connection: every connection to ':memory:' is a database of its own.
    pool: { min: 1, max: 1 },
  });
}

async function startScorecardBackend(n: number) {
  const { entities } = generateScorecardCatalog(n);
  const catalog = pagedInMemoryCatalog(entities);
  // Both sides select Components with this filter; selecting them once here
  // keeps the cost of the stand-in catalog out of the measurements.
  await catalog.prepare(COMPONENT_FILTER);

  const databases = new Map<string, Knex>();
  const scheduler = mockServices.scheduler();
  const backend = await startTestBackend({
    features: [
      innersourcePlugin,
      techInsightsPlugin,
      techInsightsModuleJsonRulesEngineFactCheckerFactory,
      techInsightsModuleInnerSourceFacts,
      // Each plugin its own in-memory SQLite database, as Backstage gives
      // each plugin its own database.
      createServiceFactory({
        service: coreServices.database,
        deps: { plugin: coreServices.pluginMetadata },
        factory: ({ plugin }): DatabaseService => {
          const knex = memoryKnex();
          databases.set(plugin.getId(), knex);
          return { getClient: async () => knex };
        },
      }),
      // One scheduler for all plugins, which runs nothing by itself: each
      // measured task is triggered, and awaited, by the benchmark.
      createServiceFactory({
        service: coreServices.scheduler,
        deps: {},
        factory: () => scheduler,
      }),
      mockServices.rootConfig.factory({
        data: {
          innersource: {
            board: { refresh: { frequency: { hours: 24 } } },
            scorecards: {
              entities: COMPONENT_FILTER,
              schedule: { frequency: { hours: 24 } },
            },
          },
          techInsights: {
            factRetrievers: {
              [INNERSOURCE_FACT_RETRIEVER_ID]: {
                cadence: '0 3 * * *',
                timeout: { minutes: 60 },
              },
            },
            factChecker: { checks: jsonfcChecksConfig() },
          },
        },
      }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: (): NotificationService => ({ send: async () => {} }),
      }),
    ],
  });
  const address = backend.server.address();
  if (!address || typeof address === 'string') {
    throw new Error('The test backend has no TCP address');
  }
  const database = (pluginId: string) => {
    const knex = databases.get(pluginId);
    if (!knex) {
      throw new Error(`No database for ${pluginId}`);
    }
    return knex;
  };
  return {
    backend,
    scheduler,
    database,
    databases,
    entities,
    baseUrl: `http://127.0.0.1:${address.port}`,
  };
}

type Backend = Awaited<ReturnType<typeof startScorecardBackend>>;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization: user } });
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(`GET ${url}: ${response.status} ${body.slice(0, 300)}`);
  }
  return JSON.parse(body);
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: user, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`POST ${url}: ${response.status} ${text.slice(0, 300)}`);
  }
  return JSON.parse(text);
}

/** Occurrences of `pattern` in `text` that start at or after `from`. */
function countFrom(text: string, pattern: string, from: number): number {
  let count = 0;
  for (
    let i = text.indexOf(pattern, Math.max(0, from));
    i !== -1;
    i = text.indexOf(pattern, i + 1)
  ) {
    count++;
  }
  return count;
}

/**
 * `POST /api/tech-insights/checks/run` for every entity with facts (an empty
 * `entities` list), the response read as it streams in: only its size and
 * how many entities and errors it holds are kept, so that the benchmark does
 * not hold hundreds of megabytes of results in the measured process.
 */
async function runAllChecks(baseUrl: string, signal: AbortSignal) {
  const response = await fetch(`${baseUrl}/api/tech-insights/checks/run`, {
    method: 'POST',
    headers: { authorization: user, 'content-type': 'application/json' },
    body: JSON.stringify({ entities: [] }),
    signal,
  });
  if (response.status !== 200 || !response.body) {
    throw new Error(
      `POST /checks/run: ${response.status} ${(await response.text()).slice(
        0,
        300,
      )}`,
    );
  }
  const ENTITY = '"entity":"';
  const ERROR = '"error":{';
  const overlap = Math.max(ENTITY.length, ERROR.length) - 1;
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  let bytes = 0;
  let entities = 0;
  let errors = 0;
  let tail = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    bytes += value.byteLength;
    const text = tail + decoder.decode(value, { stream: true });
    // A match that starts in the tail runs into the new chunk, so it was not
    // counted before.
    entities += countFrom(text, ENTITY, tail.length - (ENTITY.length - 1));
    errors += countFrom(text, ERROR, tail.length - (ERROR.length - 1));
    tail = text.slice(-overlap);
  }
  return { bytes, entities, errors };
}

// ---------------------------------------------------------------------------
// Measurements

type OursResult = { seconds: number; memory: MemoryPeak };
type TechInsightsResult =
  | {
      retrieveSeconds: number;
      checkSeconds: number;
      seconds: number;
      memory: MemoryPeak;
      responseBytes: number;
    }
  | { skipped: string };

type SizeResult = {
  n: number;
  catalogEntities: number;
  ours: OursResult;
  techInsights: TechInsightsResult;
  agreement?: { entities: number; results: number; mismatches: string[] };
};

/** Runs `fn` under the V8 CPU profiler when BENCH_CPU_PROFILE_DIR is set. */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!CPU_PROFILE_DIR) {
    return fn();
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(CPU_PROFILE_DIR, { recursive: true });
    const file = path.join(CPU_PROFILE_DIR, `${name}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    log(`  CPU profile: ${file}`);
  }
}

async function measureOurs(b: Backend, n: number): Promise<OursResult> {
  const stop = startMemoryPeak();
  const start = performance.now();
  // The mock scheduler awaits the task; it swallows a failure, hence the
  // check below.
  await profiled(`innersource-${n}`, () =>
    b.scheduler.triggerTask(SCORECARD_TASK_ID),
  );
  const seconds = (performance.now() - start) / 1000;
  const memory = stop();
  const { totalItems } = await getJson<{ totalItems: number }>(
    `${b.baseUrl}/api/innersource/scorecards?limit=1`,
  );
  if (totalItems !== n) {
    throw new Error(`The scoring stored ${totalItems} scorecards, not ${n}`);
  }
  return { seconds, memory };
}

async function measureTechInsights(
  b: Backend,
  n: number,
): Promise<TechInsightsResult> {
  const stop = startMemoryPeak();
  const start = performance.now();
  // The engine logs and swallows a failing retriever, hence the count below.
  await b.scheduler.triggerTask(INNERSOURCE_FACT_RETRIEVER_ID);
  const retrieved = performance.now();
  const [{ count }] = await b
    .database('tech-insights')('facts')
    .count({ count: '*' });
  if (Number(count) !== n) {
    stop();
    throw new Error(`The fact retriever stored ${count} fact rows, not ${n}`);
  }
  const counted = performance.now();
  let checks;
  try {
    checks = await runAllChecks(
      b.baseUrl,
      AbortSignal.timeout(TI_LIMIT_SECONDS * 1000),
    );
  } catch (error) {
    stop();
    if ((error as Error).name === 'TimeoutError') {
      return {
        skipped: `the check run did not finish within ${TI_LIMIT_SECONDS} s (the fact retriever took ${(
          (retrieved - start) /
          1000
        ).toFixed(1)} s)`,
      };
    }
    throw error;
  }
  const end = performance.now();
  const memory = stop();
  if (checks.entities !== n || checks.errors !== 0) {
    throw new Error(
      `The check run answered for ${checks.entities} entities with ${checks.errors} errors, not ${n} without errors`,
    );
  }
  const retrieveSeconds = (retrieved - start) / 1000;
  const checkSeconds = (end - counted) / 1000;
  return {
    retrieveSeconds,
    checkSeconds,
    seconds: retrieveSeconds + checkSeconds,
    memory,
    responseBytes: checks.bytes,
  };
}

/**
 * Compares both sides' results for an evenly spaced sample of entities: each
 * Tech Insights check against the scorecard check it stands for.
 */
async function compareResults(b: Backend, n: number) {
  const step = Math.max(1, Math.floor(n / AGREEMENT_SAMPLE));
  const names = b.entities
    .slice(0, n)
    .filter((_, i) => i % step === 0)
    .map(entity => entity.metadata.name);
  const rows: Array<{ entity_ref: string; results: string }> = await b
    .database('innersource')('scorecards')
    .select('entity_ref', 'results');
  const ours = new Map(
    rows.map(row => [
      row.entity_ref,
      new Map(
        (
          JSON.parse(row.results) as Array<{ checkId: string; status: string }>
        ).map(r => [r.checkId, r.status]),
      ),
    ]),
  );
  const mismatches: string[] = [];
  let results = 0;
  for (const name of names) {
    const theirs = await postJson<
      Array<{ result: boolean; check: { id: string } }>
    >(
      `${b.baseUrl}/api/tech-insights/checks/run/default/component/${name}`,
      {},
    );
    const statuses = ours.get(`component:default/${name}`);
    for (const { result, check } of theirs) {
      results++;
      const status = statuses?.get(check.id);
      const expected =
        status !== undefined &&
        EQUIVALENT_CHECKS[check.id].trueWhen.includes(status);
      if (expected !== result) {
        mismatches.push(
          `${name} ${check.id}: scorecard ${status}, Tech Insights ${result}`,
        );
      }
    }
  }
  return { entities: names.length, results, mismatches };
}

async function measureSize(
  n: number,
  previous?: SizeResult,
): Promise<SizeResult> {
  log(`\n${n.toLocaleString('en')} Components: starting the backend…`);
  const b = await startScorecardBackend(n);
  try {
    log('  InnerSource: one scheduled scoring…');
    const ours = await measureOurs(b, n);
    log(`  InnerSource: ${ours.seconds.toFixed(2)} s`);

    let techInsights: TechInsightsResult;
    const prior = previous?.techInsights;
    const estimate =
      prior && 'seconds' in prior ? (prior.seconds / previous!.n) * n : 0;
    if (CPU_PROFILE_DIR) {
      techInsights = { skipped: 'profiling the InnerSource side only' };
    } else if (prior && 'skipped' in prior) {
      techInsights = {
        skipped: `not measured: ${previous!.n.toLocaleString(
          'en',
        )} entities already took longer than the limit of ${TI_LIMIT_SECONDS} s`,
      };
    } else if (estimate > TI_LIMIT_SECONDS) {
      techInsights = {
        skipped: `estimated ${Math.round(
          estimate,
        )} s from ${previous!.n.toLocaleString(
          'en',
        )} entities, above the limit of ${TI_LIMIT_SECONDS} s`,
      };
    } else {
      log('  Tech Insights: fact retriever, then all checks…');
      collectGarbage();
      techInsights = await measureTechInsights(b, n);
    }
    if ('skipped' in techInsights) {
      log(`  Tech Insights: not measured, ${techInsights.skipped}`);
      return {
        n,
        catalogEntities: b.entities.length,
        ours,
        techInsights,
      };
    }
    log(
      `  Tech Insights: ${techInsights.retrieveSeconds.toFixed(
        2,
      )} s + ${techInsights.checkSeconds.toFixed(2)} s (response ${mib(
        techInsights.responseBytes,
      )} MiB)`,
    );
    const agreement = await compareResults(b, n);
    log(
      `  Agreement: ${agreement.results - agreement.mismatches.length} of ${
        agreement.results
      } check results on ${agreement.entities} entities`,
    );
    agreement.mismatches.slice(0, 10).forEach(m => log(`    ${m}`));
    return {
      n,
      catalogEntities: b.entities.length,
      ours,
      techInsights,
      agreement,
    };
  } finally {
    await b.backend.stop();
    await Promise.all([...b.databases.values()].map(knex => knex.destroy()));
  }
}

// ---------------------------------------------------------------------------
// Report

const perEntity = (seconds: number, n: number) =>
  ((seconds * 1000) / n).toFixed(3);
const perSecond = (seconds: number, n: number) =>
  Math.round(n / seconds).toLocaleString('en');
const passFail = (ok: boolean) => (ok ? '✅ pass' : '❌ fail');

function table(results: SizeResult[]) {
  const header = [
    'entities',
    'side',
    'seconds',
    'ms / entity',
    'entities / s',
    'peak RSS MiB',
    'peak heap MiB',
    'TI ÷ ours (ms / entity)',
    'targets',
  ];
  const rows: string[][] = [];
  for (const r of results) {
    const n = r.n.toLocaleString('en');
    const ti = r.techInsights;
    const ratio = 'seconds' in ti ? ti.seconds / r.ours.seconds : undefined;
    const targets = [
      ...(r.n === TARGET_SIZE
        ? [
            `≤ ${TARGET_SECONDS} s: ${passFail(
              r.ours.seconds <= TARGET_SECONDS,
            )}`,
          ]
        : []),
      ...(ratio !== undefined
        ? [`≥ ${TARGET_RATIO}×: ${passFail(ratio >= TARGET_RATIO)}`]
        : []),
    ].join('; ');
    rows.push([
      n,
      'InnerSource scorecards',
      r.ours.seconds.toFixed(2),
      perEntity(r.ours.seconds, r.n),
      perSecond(r.ours.seconds, r.n),
      mib(r.ours.memory.rss),
      mib(r.ours.memory.heapUsed),
      ratio !== undefined ? `**${ratio.toFixed(1)}×**` : '–',
      targets || '–',
    ]);
    if ('seconds' in ti) {
      rows.push([
        n,
        `Tech Insights (${ti.retrieveSeconds.toFixed(
          2,
        )} s retriever + ${ti.checkSeconds.toFixed(2)} s checks)`,
        ti.seconds.toFixed(2),
        perEntity(ti.seconds, r.n),
        perSecond(ti.seconds, r.n),
        mib(ti.memory.rss),
        mib(ti.memory.heapUsed),
        '',
        '',
      ]);
    } else {
      rows.push([n, 'Tech Insights', '–', '–', '–', '–', '–', '', ti.skipped]);
    }
  }
  return markdownTable(header, rows);
}

function section(results: SizeResult[], load: string) {
  const checks = Object.keys(EQUIVALENT_CHECKS)
    .map(id => `\`${id}\``)
    .join(', ');
  const agreements = results
    .filter(r => r.agreement)
    .map(
      r =>
        `${r.n.toLocaleString('en')}: ${
          r.agreement!.results - r.agreement!.mismatches.length
        } of ${r.agreement!.results} results on ${
          r.agreement!.entities
        } entities`,
    )
    .join('; ');
  const responses = results
    .map(r =>
      'responseBytes' in r.techInsights
        ? `${mib(r.techInsights.responseBytes)} MiB for ${r.n.toLocaleString(
            'en',
          )}`
        : undefined,
    )
    .filter(Boolean)
    .join(', ');
  return `## Scorecards vs Tech Insights

One full scoring of every Component, InnerSource scorecards against [Backstage Tech Insights](https://github.com/backstage/community-plugins/tree/main/workspaces/tech-insights) doing the equivalent checks, measured with \`yarn bench:scorecards\`
([packages/benchmarks/src/scorecards/scorecardBenchmark.ts](../packages/benchmarks/src/scorecards/scorecardBenchmark.ts)).

- **Data**: N Components (N below) with deterministic pseudo-random annotations: ${
    PROFILE_SHARES.complete * 100
  }% with the complete set of \`innersource/*\` annotations, ${
    PROFILE_SHARES.partial * 100
  }% with part of it (some asks expired, some trusted committers not in the catalog, a few malformed values), ${
    PROFILE_SHARES.none * 100
  }% with none; owners are groups (80%, some written without a kind), users (10%) or groups missing from the catalog (10%); descriptions long, short or missing; TechDocs or a docs link on 60%; 10% deprecated. Plus the groups (N/25, at least 20) and users (N/5, at least 50) they name, also in the catalog but not scored.
- **Setup**: one test backend process (\`startTestBackend\`) with both plugins: \`@innersource/backstage-plugin-innersource-backend\` and \`@backstage-community/plugin-tech-insights-backend\` 3.1.0 with \`-module-jsonfc\` 0.10.0. Each plugin has its own in-memory SQLite database (better-sqlite3, one connection, the packages' own migrations). Both read the same in-memory catalog: Backstage's \`catalogServiceMock\`, where each filter is selected once before measuring and pages and ref lookups are served from memory without copying, so the catalog costs both sides next to nothing (a real catalog adds the same reads to both). Both select \`kind: component\`.
- **InnerSource side, timed**: one run of the plugin's scheduled task \`innersource-scorecards-refresh\`, triggered through the scheduler and awaited: catalog pages of 500 with the needed fields, owners and trusted committers looked up in the catalog 400 refs at a time, all 16 default checks (6 of them code-host checks that are \`not-reported\` without a code host), score and level, the scorecards and a daily history point written to the database, and the in-memory index reloaded from the database so that the API serves the new scorecards. First cycle on an empty database.
- **Tech Insights side, timed**: (1) one run of the fact retriever's scheduled task, triggered and awaited: a fact retriever (a module of this benchmark on the \`techInsightsFactRetrieversExtensionPoint\`, \`entityFilter\` \`kind: component\`) reads the catalog the same way (same page size, fields and batched ref lookups), reads the annotations with the same parser, computes 10 facts per entity, and Tech Insights stores them; (2) \`POST /api/tech-insights/checks/run\` with \`entities: []\`, the documented bulk path, which runs all 10 jsonfc checks (${checks}: one rule per fact, \`descriptionLength ≥ 30\` and \`equal true\` for the others) for every entity with facts, with Tech Insights' default concurrency of 100, until the last byte of the response has arrived (the client only counts entities and errors as it streams; responses were ${
    responses || 'not measured'
  }). The two parts are timed separately and summed; the count of stored facts between them is not timed.
- **Equivalence**: the results of both sides are compared for an evenly spaced sample of up to ${AGREEMENT_SAMPLE} entities (each Tech Insights check against the scorecard check it stands for; \`warn\` and \`not-applicable\` count as true where the fact says "not expired" or "not deprecated"): ${
    agreements || 'not compared'
  }.
- **Database**: with in-process SQLite a query costs no network round trip, which favours the side that runs more of them: Tech Insights reads facts and schemas with about a dozen queries per entity and check run, the scorecards write 100 entities in two statements. On PostgreSQL the gap would likely be wider.
- **Not included**: start-up, data generation, the warm-up (both sides run once on ${WARMUP_SIZE} entities in a throwaway backend first, so that loading code and JIT compilation are not billed to the first size), reading the scorecards back through the API. The scorecards are stored and served from then on; Tech Insights stores facts and computes check results on each request, so its check part is paid again by every bulk run.
- **Memory**: \`process.memoryUsage()\` sampled every 50 ms during each side's timed run (after a full garbage collection); peak above the value at its start. Samples are taken on the event loop, so these are lower bounds.
- **Targets**: ${TARGET_SIZE.toLocaleString(
    'en',
  )} entities scored end to end in ≤ ${TARGET_SECONDS} s; ≥ ${TARGET_RATIO}× less time per entity than Tech Insights.
- **Machine**: ${machineDescription()}; load average at the start ${load}.

${summary(results)}

${table(results)}
`;
}

/** The targets, in one line each. */
function summary(results: SizeResult[]) {
  const atTarget = results.find(r => r.n === TARGET_SIZE);
  const ratios = results.flatMap(r =>
    'seconds' in r.techInsights
      ? [{ n: r.n, ratio: r.techInsights.seconds / r.ours.seconds }]
      : [],
  );
  const lines = [
    atTarget
      ? `- ${TARGET_SIZE.toLocaleString(
          'en',
        )} entities in ≤ ${TARGET_SECONDS} s: ${passFail(
          atTarget.ours.seconds <= TARGET_SECONDS,
        )} (${atTarget.ours.seconds.toFixed(2)} s)`
      : `- ${TARGET_SIZE.toLocaleString(
          'en',
        )} entities in ≤ ${TARGET_SECONDS} s: not measured in this run`,
    ratios.length > 0
      ? `- ≥ ${TARGET_RATIO}× less time per entity than Tech Insights: ${passFail(
          ratios.every(r => r.ratio >= TARGET_RATIO),
        )} (${ratios
          .map(r => `${r.ratio.toFixed(1)}× at ${r.n.toLocaleString('en')}`)
          .join(', ')})`
      : `- ≥ ${TARGET_RATIO}× less time per entity than Tech Insights: not measured in this run`,
  ];
  return lines.join('\n');
}

// ---------------------------------------------------------------------------

async function main() {
  const os = await import('os');
  const load = os
    .loadavg()
    .map(value => value.toFixed(2))
    .join(' / ');
  log(`Sizes: ${SIZES.join(', ')}; load average ${load}.`);

  log(`Warm-up on ${WARMUP_SIZE} entities…`);
  await measureSize(WARMUP_SIZE);

  const results: SizeResult[] = [];
  for (const n of SIZES) {
    results.push(await measureSize(n, results[results.length - 1]));
  }

  log('');
  log(table(results));
  if (CPU_PROFILE_DIR) {
    log('\nProfiled: not written to the report.');
    return;
  }
  const text = section(results, load);
  writeReportSection('## Scorecards vs Tech Insights', text);
  log(`\nWritten to ${path.relative(REPO_ROOT, REPORT)}.`);
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
