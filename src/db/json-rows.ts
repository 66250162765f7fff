import { getTableColumns, type InferSelectModel, type Table } from 'drizzle-orm';

/**
 * Turns a table row that PostgreSQL sent as JSON (`to_json(t)`: database column names,
 * timestamps as ISO text) into the row Drizzle would have returned for `select * from t`:
 * property names and value types as in the schema. Lets one statement bring several tables'
 * rows, aggregated, in one round trip (decision 015).
 */
export function rowFromJson<T extends Table>(
  table: T,
): (json: Record<string, unknown>) => InferSelectModel<T> {
  const columns = Object.entries(getTableColumns(table)).map(
    ([key, column]) => [key, column.name, column] as const,
  );
  return (json) => {
    const row: Record<string, unknown> = {};
    for (const [key, name, column] of columns) {
      const value = json[name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as InferSelectModel<T>;
  };
}
