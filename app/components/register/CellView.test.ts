import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { UNREADABLE_EVIDENCE } from "~/lib/register/evidence-titles";
import { linkEntry } from "~/lib/register/model";
import { CellView, EvidenceAnchor, EvidenceList } from "./CellView";
import { COLUMNS } from "./columns";
import { EvidenceEditor } from "./editors";

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

describe("the live grid's evidence cell", () => {
  const shared = "6f1c2a7e-3b1d-4c55-9a43-1e2f3a4b5c6d";
  const hidden = "0b9d8c7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e";
  const picked = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
  // As the document stores them: each title as it was when the item was linked.
  const stored = [
    { url: `/evidence/${shared}`, title: "Walkabout (old title)", evidenceId: shared },
    { url: `/evidence/${hidden}`, title: "Draft board paper (private)", evidenceId: hidden },
    // Linked in this session through the picker: the page's titles do not know it yet.
    { url: `/evidence/${picked}`, title: "Picked this session", evidenceId: picked },
    { url: "https://example.org/report", title: "Annual report", evidenceId: null },
    { url: "/evidence/not-an-id", title: "Odd link", evidenceId: "not-an-id" },
  ];
  // What the page's loader read from the library for this reader.
  const titles = { [shared]: "Walkabout", [hidden]: null };
  const column = COLUMNS.find((c) => c.kind === "evidence")!;
  const options = { characteristics: [], edsOutcomes: [], psedAims: [] };
  const row = { key: "r1", position: 1, characteristics: [], barrier: "", issue: "", identifiedBy: "", evidence: stored, edsOutcomes: [], psedAims: [], themes: [], leadOrganisation: "", contactRole: "", status: null, updates: [] };

  it("shows the library's current title, names an item the reader cannot see without linking it, and keeps a title picked this session", () => {
    const html = renderToStaticMarkup(createElement(CellView, { row, column, options, legend: [], titles }));
    expect(html).toContain(`<a href="/evidence/${shared}" tabindex="-1" rel="noreferrer noopener" target="_blank">Walkabout</a>`);
    expect(html).not.toContain("old title");
    expect(html).not.toContain("private)");
    expect(html).toContain(`<span>${UNREADABLE_EVIDENCE}</span>`);
    expect(html).not.toContain(`href="/evidence/${hidden}"`);
    expect(html).toContain(`<a href="/evidence/${picked}" tabindex="-1" rel="noreferrer noopener" target="_blank">Picked this session</a>`);
    expect(html).toContain(">Annual report</a>");
    expect(html).not.toContain("Odd link");
    expect(html.split(UNREADABLE_EVIDENCE)).toHaveLength(3);
  });

  it("lists the same titles in the link editor, and its Remove buttons name them so", () => {
    const doc = new Y.Doc();
    const list = doc.getArray<unknown>("evidence");
    list.push(stored.map(linkEntry));
    const html = renderToStaticMarkup(createElement(EvidenceEditor, { list, label: "Supporting evidence, row 1", titles, onDone: () => {} }));
    expect(html).toContain('Remove<span class="nhsuk-u-visually-hidden"> Walkabout</span>');
    expect(html).toContain(`Remove<span class="nhsuk-u-visually-hidden"> ${UNREADABLE_EVIDENCE}</span>`);
    expect(html).toContain('Remove<span class="nhsuk-u-visually-hidden"> Picked this session</span>');
    expect(html).not.toContain("old title");
    expect(html).not.toContain("private)");
    // The document itself is left as it was: other readers may see more or less.
    expect(list.toArray()).toEqual(stored);
  });
});
