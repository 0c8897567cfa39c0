// @ts-check

/**
 * The help-wanted board: one row per entity with
 * `innersource/contributions-wanted: true`, refreshed from the catalog.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('board_entries', table => {
    table.comment(
      'One row per catalog entity that wants contributions, as the help-wanted board shows it',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .comment('Full, lower-case entity ref');
    table.string('kind', 255).notNullable();
    table.string('namespace', 255).notNullable();
    table.string('name', 255).notNullable();
    table.text('title').nullable();
    table.text('description').nullable();
    table.string('owner_ref', 255).nullable();
    table.string('system_ref', 255).nullable();
    table.string('domain_ref', 255).nullable();
    table.text('tags').notNullable().comment('JSON array of strings');
    table
      .text('asks')
      .notNullable()
      .comment('JSON array of { text, type? }, including expired asks');
    table
      .string('asks_valid_until', 10)
      .nullable()
      .comment('YYYY-MM-DD; asks are hidden after this day (UTC)');
    table.text('skills').notNullable().comment('JSON array of strings');
    table
      .text('contribution_types')
      .notNullable()
      .comment('JSON array of strings');
    table
      .text('trusted_committers')
      .notNullable()
      .comment('JSON array of entity refs');
    table
      .text('contributing')
      .nullable()
      .comment('JSON { type: url, url } or { type: repo-path, path }');
    table
      .text('chat')
      .nullable()
      .comment('JSON { type: url, url } or { type: channel, name }');
    table.text('response_time').nullable().comment('JSON { text, hours }');
    table
      .text('search_text')
      .notNullable()
      .comment('Lower-case title, name, description and skills');
    table
      .string('content_hash', 64)
      .notNullable()
      .comment('Hash of all columns above, to skip writes that change nothing');
    table
      .string('asks_hash', 64)
      .notNullable()
      .comment('Hash of asks and asks_valid_until');
    table
      .timestamp('asks_updated_at', { useTz: true })
      .notNullable()
      .comment('When the asks last changed');
    table
      .timestamp('updated_at', { useTz: true })
      .notNullable()
      .comment('When the row last changed');
  });

  await knex.schema.createTable('board_revision', table => {
    table.comment(
      'A counter bumped by every change of board_entries, so that each backend replica notices changes written by another',
    );
    table.integer('id').primary();
    table.integer('revision').notNullable();
  });
  await knex('board_revision').insert({ id: 1, revision: 0 });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('board_revision');
  await knex.schema.dropTable('board_entries');
};
