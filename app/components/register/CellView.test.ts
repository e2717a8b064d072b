import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EvidenceAnchor, EvidenceList } from "./CellView";

// Rendered as the grid and the printable view render them (no DOM needed: the markup is the point).
describe("register evidence links", () => {
  it("links web addresses and evidence pages", () => {
    const html = renderToStaticMarkup(
      createElement(EvidenceList, {
        evidence: [
          { url: "https://example.org/report", title: "Annual report", evidenceId: null },
          { url: "/evidence/6f1c2a7e-3b1d-4c55-9a43-1e2f3a4b5c6d", title: "Walkabout", evidenceId: "6f1c2a7e-3b1d-4c55-9a43-1e2f3a4b5c6d" },
        ],
      }),
    );
    expect(html).toContain('<a href="https://example.org/report" tabindex="-1" rel="noreferrer noopener" target="_blank">Annual report</a>');
    expect(html).toContain('<a href="/evidence/6f1c2a7e-3b1d-4c55-9a43-1e2f3a4b5c6d"');
  });

  it("shows any other address as text, never as a link", () => {
    const evidence = [
      { url: "javascript:alert(document.cookie)", title: "Click me", evidenceId: null },
      { url: "data:text/html,<script>alert(1)</script>", title: "Data", evidenceId: null },
    ];
    const grid = renderToStaticMarkup(createElement(EvidenceList, { evidence }));
    expect(grid).toContain("Click me");
    expect(grid).toContain("Data");
    expect(grid).not.toContain("<a");
    expect(grid).not.toMatch(/javascript:|data:/);
    const print = renderToStaticMarkup(createElement(EvidenceAnchor, { link: evidence[0]! }));
    expect(print).toBe("<span>Click me</span>");
  });
});
