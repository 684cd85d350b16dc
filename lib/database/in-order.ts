import "server-only";
/** Rows fetched by id (in whatever order the database returns them) put back in the order of `ids`. */
export function inOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
