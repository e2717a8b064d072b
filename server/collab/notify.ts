import type { Database } from "#db/client";
import { NOTIFY_CHANNEL } from "./persistence";

/**
 * Listens for updates other processes stored (PostgreSQL NOTIFY, ids only: payloads are capped at
 * 8 kB and the data path is the table). PGlite serves one process, so there it is a no-op.
 */
export async function listenForUpdates(database: Database, onUpdates: (document: string, ids: number[]) => void): Promise<() => Promise<void>> {
  if (database.kind !== "postgres" || !database.pg) return async () => {};
  const { unlisten } = await database.pg.listen(NOTIFY_CHANNEL, (payload) => {
    const space = payload.lastIndexOf(" ");
    if (space < 1) return;
    const ids = payload
      .slice(space + 1)
      .split(",")
      .map(Number)
      .filter((n) => Number.isSafeInteger(n) && n > 0);
    if (ids.length) onUpdates(payload.slice(0, space), ids);
  });
  return unlisten;
}
