import type { Database } from "#db/client";
import { NOTIFY_CHANNEL } from "./persistence";

/**
 * Listens for updates stored elsewhere: by other processes (PostgreSQL), or by this process's
 * requests on a person's behalf (a pulled plan action, on either database). NOTIFY carries ids
 * only: payloads are capped at 8 kB and the data path is the table.
 */
export async function listenForUpdates(database: Database, onUpdates: (document: string, ids: number[]) => void): Promise<() => Promise<void>> {
  const handle = (payload: string) => {
    const space = payload.lastIndexOf(" ");
    if (space < 1) return;
    const ids = payload
      .slice(space + 1)
      .split(",")
      .map(Number)
      .filter((n) => Number.isSafeInteger(n) && n > 0);
    if (ids.length) onUpdates(payload.slice(0, space), ids);
  };
  if (database.kind === "postgres" && database.pg) {
    const { unlisten } = await database.pg.listen(NOTIFY_CHANNEL, handle);
    return unlisten;
  }
  if (database.pglite) return database.pglite.listen(NOTIFY_CHANNEL, handle);
  return async () => {};
}
