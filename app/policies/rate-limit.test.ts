import { describe, expect, it } from "vitest";
import { decideSignIn } from "./rate-limit";

const now = new Date("2026-01-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const limits = { windowMinutes: 15, perAccount: 3, perAddress: 5, perDevice: 2 };

describe("sign-in rate limit", () => {
  it("allows below the limit", () => {
    expect(decideSignIn({ account: [minutesAgo(1), minutesAgo(2)], address: [] }, now, limits)).toEqual({ allowed: true });
  });
  it("blocks at the limit until the oldest counted failure leaves the window", () => {
    const decision = decideSignIn({ account: [minutesAgo(10), minutesAgo(5), minutesAgo(1)], address: [] }, now, limits);
    expect(decision).toEqual({ allowed: false, scope: "account", retryAfterSeconds: 5 * 60 });
  });
  it("ignores failures outside the window", () => {
    expect(decideSignIn({ account: [minutesAgo(20), minutesAgo(16), minutesAgo(1)], address: [] }, now, limits)).toEqual({ allowed: true });
  });
  it("blocks an address separately", () => {
    const five = [1, 2, 3, 4, 14].map(minutesAgo);
    expect(decideSignIn({ account: [], address: five }, now, limits)).toMatchObject({ allowed: false, scope: "address", retryAfterSeconds: 60 });
  });
  it("judges a trusted device on its own failures only", () => {
    expect(decideSignIn({ device: [minutesAgo(3)] }, now, limits)).toEqual({ allowed: true });
    expect(decideSignIn({ device: [minutesAgo(3), minutesAgo(1)] }, now, limits)).toEqual({ allowed: false, scope: "device", retryAfterSeconds: 12 * 60 });
  });
});
