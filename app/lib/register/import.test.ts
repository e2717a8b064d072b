import { describe, expect, it } from "vitest";
import { DEFAULT_LEGEND } from "#db/schema";
import { parseRegisterImport } from "./import";
import type { RegisterOptions } from "./options";

const options: RegisterOptions = {
  characteristics: [
    { code: "all", label: "All groups" },
    { code: "race", label: "Race" },
    { code: "disability", label: "Disability" },
    { code: "gender_reassignment", label: "Gender reassignment" },
  ],
  edsOutcomes: [
    { code: "EDS2:1.1", label: "" },
    { code: "EDS2:2.3", label: "" },
    { code: "EDS2022:1A", label: "" },
  ],
  psedAims: [
    { code: "eliminate", label: "Eliminate discrimination" },
    { code: "advance", label: "Advance equality of opportunity" },
    { code: "foster", label: "Foster good relations" },
  ],
};
const author = { id: "u1", name: "Ann (Trust)" };
const table = (headers: string[], rows: string[][]) => ({
  headers,
  rows: rows.map((cells, i) => ({ line: i + 2, cells: Object.fromEntries(headers.map((h, j) => [h, cells[j] ?? ""])) })),
});

describe("register import", () => {
  it("maps the seed's Appendix B columns", () => {
    const result = parseRegisterImport(
      table(
        ["Protected characteristic", "The barriers and issue at play", "Action", "Responsible officer", "EDS Outcome PSED", "Status", "Update"],
        [["Race/ Disability", "Poor access", "Approve standards", "Chief Finance Officer", "1.1, 2.3", "Green - complete", "Update September 2021 Quality Standards incorporated."]],
      ),
      options,
      DEFAULT_LEGEND,
      author,
    );
    expect(result).toMatchObject({
      ok: true,
      rows: [
        {
          characteristics: ["race", "disability"],
          barrier: "Poor access",
          issue: "Approve standards",
          contactRole: "Chief Finance Officer",
          edsOutcomes: ["EDS2:1.1", "EDS2:2.3"],
          status: "green",
          updates: [{ at: "2021-09-01T00:00:00.000Z", authorName: "Ann (Trust)", text: "Quality Standards incorporated." }],
        },
      ],
    });
  });

  // The export writes "Complete - awaiting evidence (purple)": a status whose words begin with another's must come back as itself.
  it("takes the status whose words match exactly before one whose words begin the text", () => {
    const legend = [...DEFAULT_LEGEND, { key: "s5-complete-awaiting-evi", label: "Complete - awaiting evidence", colour: "purple" as const }];
    const result = parseRegisterImport(
      table(["Barrier", "Status"], [
        ["Exported", "Complete - awaiting evidence (purple)"],
        ["Typed", "Complete - awaiting evidence"],
        ["Plain", "Complete (green)"],
        ["Greenish", "Greenish"],
      ]),
      options,
      legend,
      author,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // Only "Greenish" is refused: a colour or words followed by a letter are not a status.
    expect(result.errors).toEqual([expect.stringMatching(/^Line 5: Status: "Greenish" is not in the legend/)]);
    const good = parseRegisterImport(table(["Barrier", "Status"], [["Exported", "Complete - awaiting evidence (purple)"], ["Typed", "Complete - awaiting evidence"], ["Plain", "Complete (green)"]]), options, legend, author);
    expect(good.ok && good.rows.map((r) => r.status)).toEqual(["s5-complete-awaiting-evi", "s5-complete-awaiting-evi", "green"]);
  });

  it("refuses a colour two statuses share, saying which, rather than giving every row the first", () => {
    const legend = [...DEFAULT_LEGEND, { key: "hold", label: "On hold", colour: "grey" as const }, { key: "gone", label: "Withdrawn", colour: "grey" as const }];
    const result = parseRegisterImport(table(["Barrier", "Status"], [["Paused", "Grey"], ["Stopped", "Withdrawn (grey)"]]), options, legend, author);
    expect(result).toEqual({ ok: false, errors: ["Line 2: Status: grey is the colour of On hold and Withdrawn: write the status's words"] });
  });

  it("reports every problem with its line number and imports nothing", () => {
    const result = parseRegisterImport(
      table(["Barrier", "Characteristics or groups", "EDS outcomes", "Status", "Supporting evidence"], [
        ["Fine row", "Race", "1A", "", "Report <https://example.org/r>"],
        ["", "Martians", "9.9", "Purple", "not a link"],
      ]),
      options,
      DEFAULT_LEGEND,
      author,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        "Line 3: Barrier: enter the barrier",
        'Line 3: Characteristics or groups: "Martians" is not a protected characteristic or group PEFF knows (for example Age, Disability, Race, Transgender, ALL)',
        'Line 3: EDS outcomes: "9.9" is not an EDS2 (1.1 to 4.3) or EDS 2022 (1A to 3C) outcome',
        expect.stringMatching(/^Line 3: Status: "Purple" is not in the legend/),
        expect.stringMatching(/^Line 3: Supporting evidence: "not a link" is not a web address/),
      ]);
    }
  });
});

describe("register export, imported again", () => {
  it("keeps every field of a row", async () => {
    const { REGISTER_HEADERS, rowCells } = await import("./tabular");
    const all: RegisterOptions = {
      ...options,
      characteristics: [...options.characteristics, { code: "deaf_bsl", label: "D/deaf people and BSL users" }, { code: "gypsy_roma_traveller", label: "Gypsy, Roma and Traveller communities" }],
    };
    const row = {
      characteristics: ["deaf_bsl", "gypsy_roma_traveller", "race"],
      barrier: "No interpreters at short notice",
      issue: "Appointments cancelled",
      identifiedBy: "Deaf society feedback",
      evidence: [
        { url: "https://example.org/report", title: "Annual report", evidenceId: null },
        { url: "/evidence/6f1c2a7e-3b1d-4c55-9a43-1e2f3a4b5c6d", title: "Walkabout", evidenceId: "6f1c2a7e-3b1d-4c55-9a43-1e2f3a4b5c6d" },
      ],
      edsOutcomes: ["EDS2:1.1", "EDS2022:1A"],
      psedAims: ["advance"],
      themes: ["interpreting"],
      leadOrganisation: "Mersey Care",
      contactRole: "Head of patient experience",
      status: "amber",
      updates: [{ at: "2021-09-01T00:00:00.000Z", authorId: "u9", authorName: "Bea (ICB)", text: "Contract extended." }],
    };
    const cells = rowCells(row, all, DEFAULT_LEGEND);
    const result = parseRegisterImport(table([...REGISTER_HEADERS], [cells]), all, DEFAULT_LEGEND, author, new Date(), new Map([["6f1c2a7e-3b1d-4c55-9a43-1e2f3a4b5c6d", "Walkabout"]]));
    expect(result).toMatchObject({ ok: true, rows: [{ ...row, updates: [{ at: "2021-09-01T00:00:00.000Z", text: "Bea (ICB): Contract extended." }] }] });
  });
});
