import type { IsolationCase } from "./harness";

/** National reference data: readable by everyone, writable by no one but migrations. */
export const REFERENCE_TABLES = [
  "frameworks",
  "framework_groups",
  "framework_outcomes",
  "rating_scale_points",
  "rating_bands",
  "framework_crosswalk",
  "characteristics",
  "psed_aims",
];

/**
 * Read only on the owner connection (the auth module; the collaboration server's listener
 * registrations, which hold no tenant data): the app role has no grant at all.
 */
export const OWNER_ONLY_TABLES = ["user_credentials", "sessions", "sign_in_attempts", "trusted_devices", "collab_listeners", "password_resets"];

/** Every feature's isolation cases, gathered so a new table without a case fails the suite. */
export function allCases(): IsolationCase[] {
  const modules = import.meta.glob<Record<string, IsolationCase[]>>("./cases/*.ts", { eager: true });
  return Object.values(modules).flatMap((m) => Object.values(m).flat());
}
