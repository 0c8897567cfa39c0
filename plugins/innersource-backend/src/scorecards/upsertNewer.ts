import { Knex } from 'knex';

const statements = new Map<string, string>();

/**
 * `insert … on conflict (key) do update … where table.computed_at <=
 * excluded.computed_at returning <first key column>`: rows are written unless a
 * newer row (by `computed_at`) is already stored. The same statement as
 * knex's `insert().onConflict().merge().where()` would build, written once per
 * table and row count: knex's builder spends more time compiling a few
 * thousand values than the database spends storing them. Identifiers are
 * double-quoted, which SQLite and PostgreSQL both read.
 *
 * @returns the key of every row written.
 */
export async function upsertNewer<Row extends { computed_at: unknown }>(
  db: Knex | Knex.Transaction,
  table: string,
  key: ReadonlyArray<keyof Row & string>,
  rows: Row[],
): Promise<string[]> {
  if (rows.length === 0) {
    return [];
  }
  const columns = Object.keys(rows[0]) as Array<keyof Row & string>;
  const statementKey = [table, key.join(), columns.join(), rows.length].join(
    '|',
  );
  let sql = statements.get(statementKey);
  if (!sql) {
    const quote = (name: string) => `"${name}"`;
    const placeholders = `(${columns.map(() => '?').join(', ')})`;
    const updates = columns
      .filter(column => !key.includes(column))
      .map(column => `${quote(column)} = excluded.${quote(column)}`)
      .join(', ');
    sql =
      `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ` +
      `${new Array(rows.length).fill(placeholders).join(', ')} ` +
      `on conflict (${key.map(quote).join(', ')}) do update set ${updates} ` +
      `where ${quote(table)}."computed_at" <= excluded."computed_at" ` +
      `returning ${quote(key[0])}`;
    statements.set(statementKey, sql);
  }
  const bindings: Knex.Value[] = [];
  for (const row of rows) {
    for (const column of columns) {
      bindings.push(row[column] as Knex.Value);
    }
  }
  const result = await db.raw(sql, bindings);
  // PostgreSQL answers { rows }, SQLite the rows themselves.
  const written: Array<Record<string, string>> = Array.isArray(result)
    ? result
    : result.rows;
  return written.map(row => row[key[0]]);
}
