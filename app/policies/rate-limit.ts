/** Sign-in throttling, as a pure rule over recent failures so it is easy to test and to tune. */
export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  perAccount: 5,
  perAddress: 20,
} as const;

export type RateDecision = { allowed: true } | { allowed: false; scope: "account" | "address"; retryAfterSeconds: number };

/**
 * `failures` are timestamps of failed attempts inside the window, oldest first. A limit of n
 * blocks the (n+1)th attempt until enough old failures have left the window.
 */
export function decideSignIn(
  accountFailures: Date[],
  addressFailures: Date[],
  now: Date,
  limits: { windowMinutes: number; perAccount: number; perAddress: number } = SIGN_IN_LIMITS,
): RateDecision {
  const windowMs = limits.windowMinutes * 60_000;
  const check = (failures: Date[], limit: number): number | null => {
    const recent = failures.filter((t) => now.getTime() - t.getTime() < windowMs).sort((a, b) => a.getTime() - b.getTime());
    if (recent.length < limit) return null;
    const expiring = recent[recent.length - limit]!;
    return Math.max(1, Math.ceil((expiring.getTime() + windowMs - now.getTime()) / 1000));
  };
  const account = check(accountFailures, limits.perAccount);
  if (account !== null) return { allowed: false, scope: "account", retryAfterSeconds: account };
  const address = check(addressFailures, limits.perAddress);
  if (address !== null) return { allowed: false, scope: "address", retryAfterSeconds: address };
  return { allowed: true };
}
