import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@innersource/backstage-plugin-innersource-backend',
  'migrations',
);

/** How a store gets its database: the plugin's database service, migrated by default. */
export type StoreDatabaseOptions = {
  database: DatabaseService;
  /** Skip the package's migrations, e.g. when another replica runs them. */
  skipMigrations?: boolean;
};

/**
 * The plugin's knex client with the package's migrations (`migrations/`)
 * applied, unless the database service or the caller says to skip them. Every
 * store starts from here; knex runs each migration once.
 */
export async function migratedClient(
  options: StoreDatabaseOptions,
): Promise<Knex> {
  const client = await options.database.getClient();
  if (!options.database.migrations?.skip && !options.skipMigrations) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}
