// @ts-check

/**
 * "I want to help" offers, kept only as long as the rate limits look back, so
 * that the limits hold across backend replicas.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('interest', table => {
    table.comment(
      'One row per "I want to help" notification sent, for rate limiting; old rows are purged',
    );
    table.bigIncrements('id').primary();
    table
      .string('user_ref', 255)
      .notNullable()
      .comment('Full, lower-case entity ref of the user who offered help');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment(
        'Full, lower-case entity ref of the entity they offered help with',
      );
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When the offer was sent');
    table.index(['user_ref', 'created_at'], 'interest_user_created_idx');
    table.index(['created_at'], 'interest_created_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('interest');
};
