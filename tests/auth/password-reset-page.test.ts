import { describe, expect, it } from "vitest";
import PasswordResetLink from "../../app/routes/members.$membershipId.reset-password";
import { renderRoute } from "../support/render-route";

describe("the password reset link page, once the link is made", () => {
  it("says until when the link works to the minute (England's clock), not only the day: it lasts 24 hours", () => {
    const html = renderRoute(PasswordResetLink, "/members/:membershipId/reset-password", "/members/m/reset-password", {
      loader: { target: { name: "Sam Jones", email: "sam@example.org", allowed: true } },
      action: { link: { url: "http://localhost:3000/reset-password/abc", expiresAt: "2026-12-08T19:50:00.000Z" } },
    });
    expect(html).toContain("until 8 December 2026 at 19:50 at the latest (24 hours)");
    // Summer time: England's clock, an hour ahead of UTC.
    const summer = renderRoute(PasswordResetLink, "/members/:membershipId/reset-password", "/members/m/reset-password", {
      loader: { target: { name: "Sam Jones", email: "sam@example.org", allowed: true } },
      action: { link: { url: "http://localhost:3000/reset-password/abc", expiresAt: "2026-07-08T09:05:00.000Z" } },
    });
    expect(summer).toContain("until 8 July 2026 at 10:05 at the latest");
  });
});
