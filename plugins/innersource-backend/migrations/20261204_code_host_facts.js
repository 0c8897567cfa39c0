// @ts-check

/**
 * Code-host facts: the last good facts a provider read from each repository,
 * with when they were read and how the last attempts went, so that every
 * backend replica scores from the same facts and honours the same back-off;
 * and the code-host summary stored with each scorecard.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('code_host_repositories', table => {
    table.comment(
      'One row per repository a code-host provider serves: its last good facts and the state of the reads',
    );
    table
      .string('repository_key', 1024)
      .primary()
      .comment(
        'codeHostRepositoryKey: provider, host and slug in lower case, e.g. github:github.com/acme/payments',
      );
    table
      .string('provider', 255)
      .notNullable()
      .comment('Id of the provider that serves the repository, e.g. github');
    table
      .text('repository')
      .notNullable()
      .comment('JSON CodeHostRepository as the provider located it');
    table
      .text('facts')
      .nullable()
      .comment(
        'JSON RepositoryFacts of the last good read; null until one succeeded. A failure never overwrites it',
      );
    table
      .timestamp('read_at', { useTz: true })
      .nullable()
      .comment(
        'When the facts were last known good: a read, or a change token that still held',
      );
    table
      .text('change_token')
      .nullable()
      .comment(
        'What the provider recognises at the next read to tell whether anything changed',
      );
    table
      .text('issue_labels')
      .nullable()
      .comment('JSON array of the issue labels the facts were read for');
    table
      .integer('window_days')
      .nullable()
      .comment('The pull-request window, in days, the facts were read for');
    table
      .timestamp('last_attempt_at', { useTz: true })
      .nullable()
      .comment('When a read was last attempted, successful or not');
    table
      .text('last_failure')
      .nullable()
      .comment('One line: why the last failed attempt failed');
    table
      .timestamp('last_failure_at', { useTz: true })
      .nullable()
      .comment('When the last failed attempt was');
    table
      .integer('consecutive_failures')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Failed attempts since the last good read; the back-off grows with it',
      );
    table
      .timestamp('next_attempt_at', { useTz: true })
      .nullable()
      .comment(
        'No read before this time (back-off, or the rate-limit reset); null when any time will do',
      );
    table
      .boolean('not_found')
      .notNullable()
      .defaultTo(false)
      .comment(
        'True when the host said at the last attempt that it has no such repository',
      );
  });

  await knex.schema.alterTable('scorecards', table => {
    table
      .text('code_host')
      .nullable()
      .comment(
        'JSON EntityCodeHostSummary: where the code-host facts came from, their age and the contributions; null in rows written before code-host facts',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecards', table => {
    table.dropColumn('code_host');
  });
  await knex.schema.dropTable('code_host_repositories');
};
