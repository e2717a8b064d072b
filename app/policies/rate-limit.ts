/** Sign-in throttling, as a pure rule over recent failures so it is easy to test and to tune. */
export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  perAccount: 5,
  perAddress: 20,
  perDevice: 5,
} as const;

/** How long a browser stays trusted for an account after signing in to it (OWASP's device cookies). */
export const DEVICE_COOKIE_DAYS = 180;

export type RateLimitScope = "account" | "address" | "device";
export type RateDecision = { allowed: true } | { allowed: false; scope: RateLimitScope; retryAfterSeconds: number };

/**
 * The failures an attempt is judged on: a browser holding a valid device cookie for the account
 * only on that cookie's own failures; any other client on the account's and its address's
 * failures from clients without one. So someone else's guesses lock out only untrusted clients.
 */
export type CountedFailures = { device: Date[] } | { account: Date[]; address: Date[] };

/**
 * Failures are timestamps of failed attempts inside the window, oldest first. A limit of n
 * blocks the (n+1)th attempt until enough old failures have left the window.
 */
export function decideSignIn(
  failures: CountedFailures,
  now: Date,
  limits: { windowMinutes: number; perAccount: number; perAddress: number; perDevice: number } = SIGN_IN_LIMITS,
): RateDecision {
  const windowMs = limits.windowMinutes * 60_000;
  const check = (times: Date[], limit: number): number | null => {
    const recent = times.filter((t) => now.getTime() - t.getTime() < windowMs).sort((a, b) => a.getTime() - b.getTime());
    if (recent.length < limit) return null;
    const expiring = recent[recent.length - limit]!;
    return Math.max(1, Math.ceil((expiring.getTime() + windowMs - now.getTime()) / 1000));
  };
  if ("device" in failures) {
    const device = check(failures.device, limits.perDevice);
    return device === null ? { allowed: true } : { allowed: false, scope: "device", retryAfterSeconds: device };
  }
  const account = check(failures.account, limits.perAccount);
  if (account !== null) return { allowed: false, scope: "account", retryAfterSeconds: account };
  const address = check(failures.address, limits.perAddress);
  if (address !== null) return { allowed: false, scope: "address", retryAfterSeconds: address };
  return { allowed: true };
}
