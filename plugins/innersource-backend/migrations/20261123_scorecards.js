// @ts-check

/**
 * InnerSource scorecards: the current scorecard of every scored entity, one
 * history point per entity and UTC day, and a revision counter so that every
 * backend replica notices another replica's writes.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecards', table => {
    table.comment(
      'The current scorecard of each scored catalog entity, from its latest scoring',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .comment('Full, lower-case entity ref');
    table.string('kind', 255).notNullable().comment('As the catalog spells it');
    table.string('namespace', 255).notNullable();
    table.string('name', 255).notNullable();
    table.text('title').nullable();
    table
      .string('owner_ref', 255)
      .nullable()
      .comment('Full, lower-case ref that spec.owner resolves to');
    table
      .string('level', 255)
      .nullable()
      .comment('Id of the highest level held; null when none is');
    table
      .integer('score')
      .nullable()
      .comment('0-100; null when no check is applicable');
    table
      .text('results')
      .notNullable()
      .comment('JSON array of check results, in the order of the checks');
    table
      .text('next_level')
      .nullable()
      .comment('JSON { id, blockingChecks }; null when the top level is held');
    table
      .text('unknown_exemptions')
      .notNullable()
      .comment('JSON array of exemptions naming no known check');
    table
      .timestamp('computed_at', { useTz: true })
      .notNullable()
      .comment('When the scorecard was computed');
    table.index(['owner_ref'], 'scorecards_owner_idx');
  });

  await knex.schema.createTable('scorecard_history', table => {
    table.comment(
      'One point per entity and UTC day: the last scoring of that day; pruned after the retention',
    );
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Full, lower-case entity ref');
    table.string('day', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table.integer('score').nullable();
    table.string('level', 255).nullable();
    table
      .timestamp('computed_at', { useTz: true })
      .notNullable()
      .comment('When the scoring behind this point ran');
    table.primary(['entity_ref', 'day']);
    table.index(['day'], 'scorecard_history_day_idx');
  });

  await knex.schema.createTable('scorecard_revision', table => {
    table.comment(
      'A counter bumped by every change of scorecards, so that each backend replica notices changes written by another',
    );
    table.integer('id').primary();
    table.integer('revision').notNullable();
  });
  await knex('scorecard_revision').insert({ id: 1, revision: 0 });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecard_revision');
  await knex.schema.dropTable('scorecard_history');
  await knex.schema.dropTable('scorecards');
};
