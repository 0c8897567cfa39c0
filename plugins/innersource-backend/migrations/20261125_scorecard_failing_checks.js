// @ts-check

/**
 * The ids of each scorecard's failing checks as a column of their own, so that
 * the scorecard overview and the badges read summaries without parsing every
 * stored result.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecards', table => {
    table
      .text('failing_checks')
      .nullable()
      .comment(
        'JSON array of the ids of the checks that fail, in the order of the checks; null in rows written before this column',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecards', table => {
    table.dropColumn('failing_checks');
  });
};
