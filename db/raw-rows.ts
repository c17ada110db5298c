/** The rows of a raw `db.execute(sql`…`)`: node-postgres' driver answers `{ rows }`, PGlite's the array itself. */
export function rowsOf<T>(result: unknown): T[] {
  const r = result as { rows?: T[] } & T[];
  return r.rows ?? r;
}
