import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "#db/client";

/** How often a registration is refreshed; the database forgets one not refreshed for a minute. */
const LISTENER_HEARTBEAT_MS = 10_000;

export interface ListenerRegistration {
  /** Stops refreshing and removes the registration: the others stop announcing to this process. */
  stop(): Promise<void>;
}

/**
 * Tells the other processes on this PostgreSQL database that this one listens for stored
 * updates, so that they announce theirs (see the 0017 migration: without another registered
 * process, nothing is announced). Call it once LISTEN is in effect and before serving anyone.
 * PGlite is one process: nothing to register.
 */
export async function registerListener(
  database: Database,
  processId: string,
  onLapsed: () => void,
  heartbeatMs = LISTENER_HEARTBEAT_MS,
): Promise<ListenerRegistration> {
  if (database.kind !== "postgres") return { stop: async () => {} };
  const refresh = async () => {
    const [row] = rowsOf<{ registered: boolean }>(await database.db.execute(sql`select collab_register_listener(${processId}::uuid) as registered`));
    return row!.registered;
  };
  await refresh();
  let refreshing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    refreshing = refresh().then(
      // Registered again: the registration had been removed as stale (this process stalled or
      // lost its database for a minute), so updates stored meanwhile were not announced here.
      (registered) => registered && onLapsed(),
      () => {}, // the database is unreachable: the next beat tries again
    );
  }, heartbeatMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await refreshing;
      await database.db.execute(sql`delete from collab_listeners where process_id = ${processId}::uuid`);
    },
  };
}
