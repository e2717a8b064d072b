import type { Database } from "../db/client";
import { purgeExpiredAuthRecords } from "../app/domain/auth/housekeeping.server";
import { log } from "./log";

/** Hourly clean-up of expired auth records; never keeps the process alive on its own. */
export function startHousekeeping(database: Database, everyMs = 3_600_000): () => void {
  const run = () => purgeExpiredAuthRecords(database).catch((error) => log.error("housekeeping failed", error));
  const timer = setInterval(run, everyMs);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
