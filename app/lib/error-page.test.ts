import { describe, expect, it } from "vitest";
import { errorPageTitle } from "./error-page";

describe("errorPageTitle", () => {
  it("says a refusal is a refusal, keeping 'a problem with the service' for the service's own failures", () => {
    expect(errorPageTitle(409)).toBe("This cannot be done at the moment");
    expect(errorPageTitle(429)).toBe("Too many attempts");
    expect(errorPageTitle(413)).toBe("The file is too large");
    expect(errorPageTitle(422)).toBe("This cannot be done");
    expect(errorPageTitle(400)).toBe("This cannot be done");
    for (const status of [400, 409, 413, 422, 429]) expect(errorPageTitle(status)).not.toMatch(/problem with the service/);
    expect(errorPageTitle(500)).toBe("Sorry, there is a problem with the service");
    expect(errorPageTitle(503)).toBe("Sorry, there is a problem with the service");
  });

  it("keeps the NHS pattern's titles for not found, no access and an expired link", () => {
    expect(errorPageTitle(404)).toBe("Page not found");
    expect(errorPageTitle(403)).toBe("You do not have access to this page");
    expect(errorPageTitle(410)).toBe("This link is no longer valid");
  });
});
