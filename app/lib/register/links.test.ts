import { describe, expect, it } from "vitest";
import { evidenceHref } from "./links";

describe("evidenceHref", () => {
  it("keeps what the link editor writes: web addresses and evidence pages", () => {
    expect(evidenceHref("https://www.england.nhs.uk/about/equality/eds/")).toBe("https://www.england.nhs.uk/about/equality/eds/");
    expect(evidenceHref("http://example.org/report.pdf?page=2#table")).toBe("http://example.org/report.pdf?page=2#table");
    expect(evidenceHref("HTTPS://Example.org")).toBe("https://example.org/");
    expect(evidenceHref("/evidence/6f1c2a7e-3b1d-4c55-9a43-1e2f3a4b5c6d")).toBe("/evidence/6f1c2a7e-3b1d-4c55-9a43-1e2f3a4b5c6d");
  });

  it("refuses every other scheme, however it is disguised", () => {
    // A modified client can write any of these into the shared register, which every member reads.
    for (const url of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "\u0000javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "mailto:someone@example.org",
      "ftp://example.org/file",
      "https:example.org",
      "https://",
      "https://exa mple.org",
    ]) {
      expect(evidenceHref(url), JSON.stringify(url)).toBeNull();
    }
  });

  it("refuses relative addresses other than an evidence page", () => {
    for (const url of ["//evil.example/evidence/1", "/\\evil.example", "/evidence/", "/evidence//evil.example", "/evidence/\\evil.example", "/evidence/1 x", "/register", "evidence/1", "../evidence/1", "", "Annual report"]) {
      expect(evidenceHref(url), JSON.stringify(url)).toBeNull();
    }
  });
});
