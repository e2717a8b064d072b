import type { Database } from "../../db/client";
import { withTenant } from "../../db/tenant";
import { tenantOf, type Actor } from "../../app/domain/auth/actor";

/**
 * For races on PostgreSQL (PGlite has one connection, so its transactions never overlap): a
 * transaction as `actor` that does `step`, says so (`held`), and commits only once `release` is
 * called, running `then` first if given.
 */
export function heldTransaction(
  database: Database,
  actor: Actor,
  step: Parameters<typeof withTenant>[2],
  then?: Parameters<typeof withTenant>[2],
) {
  let release!: () => void;
  let holding!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = new Promise<void>((resolve) => (holding = resolve));
  const done = withTenant(database, tenantOf(actor), async (tx) => {
    await step(tx);
    holding();
    await released;
    await then?.(tx);
  });
  // A step that fails ends the wait for it too (the failure is the test's, not a hang).
  return { held: Promise.race([held, done]), release, done };
}

/** Whether the promise is still pending after a moment (it waits for a lock, say). */
export async function stillWaiting(promise: Promise<unknown>) {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  return !settled;
}
