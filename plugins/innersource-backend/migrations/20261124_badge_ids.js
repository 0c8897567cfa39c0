// @ts-check

/**
 * Opaque badge ids: with `innersource.badges.obfuscate` on, README badges are
 * served under `/badges/id/:uuid/:badge`, so that the URL does not name the
 * entity. An id is created the first time a signed-in user asks for the links.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('badge_ids', table => {
    table.comment('One opaque badge id (a random UUID v4) per entity');
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .comment('Full, lower-case entity ref');
    table
      .string('badge_id', 36)
      .notNullable()
      .unique({ indexName: 'badge_ids_badge_id_idx' })
      .comment('Random UUID v4, lower case, used in public badge URLs');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When the id was created');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('badge_ids');
};
