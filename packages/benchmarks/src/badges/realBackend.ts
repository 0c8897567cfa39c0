/*
 * One real Backstage backend for the badge benchmark, started in-process with
 * `createBackend()` of `@backstage/backend-defaults`: the default service
 * factories (root HTTP router with its middleware, auth/httpAuth with signed
 * plugin tokens, discovery, scheduler, database manager, permissions, ...),
 * with two replacements only:
 *
 * - rootConfig: the default factory, given `--config <temp file>` instead of
 *   the process's arguments (and no file watching); the database is
 *   PostgreSQL (a prefix per run, databases dropped at the stop) or in-memory
 *   SQLite;
 * - rootLogger: the default factory's logger (winston, same level, meta and
 *   secret redaction, JSON as with NODE_ENV=production), writing to a temp
 *   file instead of the console, so that the request log of the load does not
 *   flood the terminal but is still written.
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  createConfigSecretEnumerator,
  rootConfigServiceFactory,
} from '@backstage/backend-defaults/rootConfig';
import { WinstonLogger } from '@backstage/backend-defaults/rootLogger';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import badgesPlugin from '@backstage-community/plugin-badges-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import allowAllPolicy from '@backstage/plugin-permission-backend-module-allow-all-policy';
import innersourcePlugin from '@innersource/backstage-plugin-innersource-backend';
import { randomBytes } from 'crypto';
import fs from 'fs';
import knex from 'knex';
import net from 'net';
import os from 'os';
import path from 'path';
import * as winston from 'winston';

/** The subject of the external access token the harness itself uses. */
export const HARNESS_SUBJECT = 'benchmark-harness';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('No free port')),
      );
    });
  });
}

/** The default root logger's set-up, with a file instead of the console. */
function fileRootLogger(stream: NodeJS.WritableStream) {
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: { config: coreServices.rootConfig },
    async factory({ config }) {
      const logger = WinstonLogger.create({
        meta: {
          service: 'backstage',
          ...config.getOptionalConfig('backend.logger.meta')?.get<JsonObject>(),
        },
        level:
          process.env.LOG_LEVEL ||
          config.getOptionalString('backend.logger.level') ||
          'info',
        format: winston.format.json(),
        // What the default's Console transport does, to a file stream.
        transports: [new winston.transports.Stream({ stream })],
      });
      const secrets = await createConfigSecretEnumerator({ logger });
      logger.addRedactions(secrets(config));
      return logger;
    },
  });
}

/** Where the backend keeps its plugins' databases. */
export type BenchDatabase =
  | { client: 'better-sqlite3' }
  | { client: 'pg'; connection: string };

/**
 * The `backend.database` block, one database per plugin as by default: for
 * PostgreSQL with a prefix of this run (so that no earlier data is reused) and
 * a clean-up that drops the run's databases.
 */
function databaseConfig(database: BenchDatabase): {
  config: JsonObject;
  dropDatabases(): Promise<void>;
} {
  if (database.client === 'better-sqlite3') {
    return {
      config: { client: 'better-sqlite3', connection: ':memory:' },
      dropDatabases: async () => {},
    };
  }
  const prefix = `bench_${randomBytes(4).toString('hex')}_`;
  return {
    config: { client: 'pg', connection: database.connection, prefix },
    async dropDatabases() {
      const admin = knex({ client: 'pg', connection: database.connection });
      try {
        const { rows } = await admin.raw<{ rows: Array<{ datname: string }> }>(
          'SELECT datname FROM pg_database WHERE starts_with(datname, ?)',
          [prefix],
        );
        for (const { datname } of rows) {
          await admin.raw('DROP DATABASE ?? WITH (FORCE)', [datname]);
        }
      } finally {
        await admin.destroy();
      }
    },
  };
}

export type RealBackend = {
  baseUrl: string;
  /** `Authorization` header value of the harness's external access token. */
  authorization: string;
  /** The catalog file, the config file and the log file. */
  files: { catalog: string; config: string; log: string };
  stop(): Promise<void>;
};

/**
 * Writes the entities to a catalog file and a config pointing at it, and
 * starts the backend. `stop()` stops it and removes the files (they are kept,
 * and their folder returned in the error, if starting fails).
 */
export async function startRealBackend(options: {
  entities: Entity[];
  /** The `innersource` config block. */
  innersource: JsonObject;
  database: BenchDatabase;
}): Promise<RealBackend> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'badge-bench-'));
  const files = {
    catalog: path.join(dir, 'catalog.yaml'),
    config: path.join(dir, 'app-config.yaml'),
    log: path.join(dir, 'backend.log'),
  };
  // YAML documents; JSON is YAML.
  fs.writeFileSync(
    files.catalog,
    options.entities.map(entity => JSON.stringify(entity)).join('\n---\n'),
  );
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const token = randomBytes(24).toString('base64url');
  const database = databaseConfig(options.database);
  const config = {
    app: { title: 'Backstage', baseUrl: 'http://localhost:3000' },
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port },
      database: database.config,
      auth: {
        // Only for the harness's own calls (waiting for the catalog,
        // triggering the scheduled tasks); plugin-to-plugin calls use the
        // signed plugin tokens of the default auth service.
        externalAccess: [
          { type: 'static', options: { token, subject: HARNESS_SUBJECT } },
        ],
      },
    },
    catalog: {
      rules: [{ allow: ['Component', 'Group', 'Location'] }],
      locations: [{ type: 'file', target: files.catalog }],
    },
    permission: { enabled: true },
    innersource: options.innersource,
  };
  fs.writeFileSync(files.config, JSON.stringify(config, null, 2));

  const backend = createBackend();
  backend.add(
    rootConfigServiceFactory({
      argv: ['--config', files.config],
      watch: false,
    }),
  );
  const logStream = fs.createWriteStream(files.log);
  backend.add(fileRootLogger(logStream));
  backend.add(catalogPlugin);
  backend.add(permissionPlugin);
  backend.add(allowAllPolicy);
  backend.add(innersourcePlugin);
  backend.add(badgesPlugin);

  let stopped = false;
  const stop = async (removeFiles: boolean) => {
    if (!stopped) {
      stopped = true;
      await backend.stop();
      await new Promise(resolve => logStream.end(resolve));
      await database.dropDatabases();
    }
    if (removeFiles) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    await backend.start();
  } catch (error) {
    await stop(false).catch(() => {});
    throw new Error(
      `The backend did not start (config, catalog and log in ${dir}): ${
        (error as Error)?.stack ?? error
      }`,
    );
  }
  return {
    baseUrl,
    authorization: `Bearer ${token}`,
    files,
    stop: () => stop(true),
  };
}
