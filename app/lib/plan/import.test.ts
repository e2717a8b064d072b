import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN_LEGEND } from "#db/schema";
import { guessMapping } from "~/lib/import/map-rows";
import { ALL_GROUPS, type RegisterOptions } from "~/lib/register/options";
import type { Table } from "~/lib/tabular/read-table.server";
import { parseUpdates } from "~/lib/import/updates";
import { matchStatus, parsePlanImport, PLAN_IMPORT_COLUMNS, readDate } from "./import";
import { sharedColourProblem } from "~/lib/import/status";
import { actionCells, PLAN_EXPORT_HEADERS } from "./tabular";

const ITEM = "6f1c2a7e-3b1d-4c55-9a43-1e2f3a4b5c6d";
const EDS2 = ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "4.1", "4.2", "4.3"];
const EDS2022 = ["1A", "1B", "1C", "1D", "2A", "2B", "2C", "2D", "3A", "3B", "3C"];
const options: RegisterOptions = {
  characteristics: [
    ALL_GROUPS,
    ...[
      ["age", "Age"],
      ["disability", "Disability"],
      ["gender_reassignment", "Gender reassignment"],
      ["race", "Race"],
      ["religion_belief", "Religion or belief"],
      ["sex", "Sex"],
      ["sexual_orientation", "Sexual orientation"],
      ["socio_economic", "Socio-economic deprivation (poverty)"],
      ["deaf_bsl", "D/deaf people and BSL users"],
      ["gypsy_roma_traveller", "Gypsy, Roma and Traveller communities"],
      ["children_young_people", "Children and young people"],
      ["older_people", "Older people"],
    ].map(([code, label]) => ({ code: code!, label: label! })),
  ],
  edsOutcomes: [...EDS2.map((c) => ({ code: `EDS2:${c}`, label: `EDS2 ${c}` })), ...EDS2022.map((c) => ({ code: `EDS2022:${c}`, label: `EDS 2022 ${c}` }))],
  psedAims: [
    { code: "eliminate", label: "Eliminate discrimination" },
    { code: "advance", label: "Advance equality of opportunity" },
    { code: "foster", label: "Foster good relations" },
  ],
};
const objectives = [
  { number: 1, text: "To make fair and transparent commissioning decisions" },
  { number: 2, text: "To improve access and outcomes for patients and communities who experience disadvantage" },
  { number: 3, text: "To improve the equality performance of our providers through collaboration and partnership working" },
  { number: 4, text: "To empower and engage our workforce" },
];
const context = { options, legend: DEFAULT_PLAN_LEGEND, objectives, author: { id: "u1", name: "Kwame Mensah (Trust)" }, today: new Date("2025-03-01T10:00:00Z") };

/** Seed 002 Appendix B's headers. */
const SEED_HEADERS = [
  "Protected characteristic",
  "The barriers and issue at play (as identified by EDS2 collaborative engagement)",
  "Action",
  "Responsible officer",
  "Time and date of completion",
  "EDS Outcome",
  "PSED",
  "Equality Objectives",
  "Status",
];

function table(headers: string[], rows: string[][]): Table {
  return { headers, rows: rows.map((r, i) => ({ line: i + 2, cells: Object.fromEntries(headers.map((h, j) => [h, r[j] ?? ""])) })) };
}

const DEAF_ROW = [
  "Disability",
  "Poor access to services and poor outcomes",
  "Ensure the CCG works closely with providers and General practice to progress the D/deaf access action plan.",
  "Interim Programme lead- corporate Services",
  "December 2021\nUpdate September 2021\nThe CCG is part of a Liverpool CCG-led system wide procurement for interpretation.",
  "1.1, 1.2, 1.3, 1.4, 1.5, 2.1,2.2,2.3,2.4,4.1,4.3",
  "Advance Equality of opportunity and eliminate discrimination",
  "2,3",
  "Blue- action ongoing",
];

describe("parsePlanImport", () => {
  it("guesses seed 002's columns", () => {
    const mapping = guessMapping(SEED_HEADERS, PLAN_IMPORT_COLUMNS);
    expect(mapping).toMatchObject({
      characteristics: "Protected characteristic",
      barrier: SEED_HEADERS[1],
      action: "Action",
      responsibleOfficer: "Responsible officer",
      due: "Time and date of completion",
      edsOutcomes: "EDS Outcome",
      psedAims: "PSED",
      objectives: "Equality Objectives",
      status: "Status",
    });
  });

  it("reads Appendix B's rows: characteristics, dates with their updates, outcomes, aims, objectives and statuses", () => {
    const t = table(SEED_HEADERS, [
      DEAF_ROW,
      ["Race/ Disability", "Poor access", "Approve Translation and Interpretation Quality Standards", "Chief Finance Officer", "31/03/2020", "1.1, EDS2022:1A, 2B", "Eliminate discrimination", "Equality Objective 1,1", "Green"],
      ["Age \nWorking age and older citizens", "Poor access and outcomes", "Ensure service change considers PSED", "", "2021-12-31", "", "", "", "Complete"],
      ["ALL", "Workforce", "Workforce equality plan", "", "31st October 2021", "", "Foster good relations", "4", "amber"],
      ["Socio economic (poverty)", "Widening health inequalities", "Embed health inequalities in decision making", "", "March 2020\n\nUpdate February 2021 Complete\nPMO process reviewed.", "", "", "", "Red – not started"],
    ]);
    const result = parsePlanImport(t, guessMapping(SEED_HEADERS, PLAN_IMPORT_COLUMNS), context);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [deaf, race, age, all, poverty] = result.actions;
    expect(deaf).toMatchObject({
      characteristics: ["disability"],
      originalDue: "2021-12-31",
      currentDue: "2021-12-31",
      psedAims: ["eliminate", "advance"],
      objectives: ["2", "3"],
      status: "blue",
      dueChanges: [],
    });
    expect(deaf!.edsOutcomes).toHaveLength(11);
    expect(deaf!.edsOutcomes![0]).toBe("EDS2:1.1");
    expect(deaf!.updates).toEqual([{ at: "2021-09-01T00:00:00.000Z", authorId: "u1", authorName: "Kwame Mensah (Trust)", text: "The CCG is part of a Liverpool CCG-led system wide procurement for interpretation." }]);
    expect(race).toMatchObject({ characteristics: ["race", "disability"], currentDue: "2020-03-31", edsOutcomes: ["EDS2:1.1", "EDS2022:1A", "EDS2022:2B"], objectives: ["1"], status: "green" });
    expect(age).toMatchObject({ characteristics: ["age", "older_people"], status: "green", currentDue: "2021-12-31" });
    expect(all).toMatchObject({ characteristics: ["all"], currentDue: "2021-10-31", psedAims: ["foster"], objectives: ["4"], status: "amber" });
    expect(poverty).toMatchObject({ characteristics: ["socio_economic"], currentDue: "2020-03-31", status: "red" });
    expect(poverty!.updates![0]).toMatchObject({ at: "2021-02-01T00:00:00.000Z" });
    expect(result.lines).toEqual([2, 3, 4, 5, 6]);
  });

  it("lists every bad row with its line number, column and reason, and returns no actions", () => {
    const t = table(SEED_HEADERS, [
      DEAF_ROW,
      ["Race", "Poor access", "Approve standards", "Chief Finance Officer", "During contract year 2019/20", "1.1", "", "2", "Green"],
      ["Left-handedness", "Barrier", "Action", "", "", "9.9, 1A", "Be nice", "7", "Purple"],
      ["Race", "Barrier", "", "", "31/02/2024", "", "", "", ""],
    ]);
    const result = parsePlanImport(t, guessMapping(SEED_HEADERS, PLAN_IMPORT_COLUMNS), context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.valid).toBe(1);
    expect(result.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(result.errors[0]!.reasons).toEqual([expect.stringMatching(/^Time and date of completion: "During contract year 2019\/20" is not a date/)]);
    const line4 = result.errors[1]!.reasons.join("\n");
    expect(line4).toMatch(/Protected characteristic: "Left-handedness" is not a protected characteristic/);
    expect(line4).toMatch(/EDS Outcome: "9.9" is not an EDS2 outcome/);
    expect(line4).not.toMatch(/"1A"/);
    expect(line4).toMatch(/PSED: "Be nice" names no PSED aim/);
    expect(line4).toMatch(/Equality Objectives: objective 7 is not one of this plan's objectives \(1, 2, 3, 4\)/);
    expect(line4).toMatch(/Status: "Purple" is not a status of this plan's legend/);
    expect(result.errors[2]!.reasons).toEqual(["Action: enter the action", expect.stringMatching(/^Time and date of completion: There is no day 31/)]);
  });

  it("refuses a file with no rows", () => {
    const result = parsePlanImport(table(SEED_HEADERS, []), guessMapping(SEED_HEADERS, PLAN_IMPORT_COLUMNS), context);
    expect(result).toMatchObject({ ok: false, errors: [{ line: 2 }] });
  });

  it("reads Appendix C's workforce plan: key action, steps, due by, risks, mitigations", () => {
    const headers = ["#", "Key Action", "Steps to achieve action", "Due by", "Risks", "Mitigations", "Status"];
    const t = table(headers, [
      ["2.", "Introduce a system of 'comply or explain' to ensure fairness during interviews", "Explore NHSE regional equalities team training offer on recruitment bias.", "30th November 2021", "CCG recruitment currently restricted due to ICS integration.", "Recruitment bias presentation to be shared with all recruiting managers.", "Not started"],
    ]);
    const mapping = guessMapping(headers, PLAN_IMPORT_COLUMNS);
    expect(mapping).toMatchObject({ action: "Key Action", steps: "Steps to achieve action", due: "Due by", risks: "Risks", mitigations: "Mitigations" });
    const result = parsePlanImport(t, mapping, context);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.actions[0]).toMatchObject({ currentDue: "2021-11-30", status: "red", risks: "CCG recruitment currently restricted due to ICS integration.", steps: [{ text: "Explore NHSE regional equalities team training offer on recruitment bias.", due: null, status: null }] });
  });

  it("imports its own export again (round trip)", () => {
    const action = {
      characteristics: ["deaf_bsl", "gypsy_roma_traveller"],
      barrier: "Poor access",
      issue: "No interpreters",
      action: "Commission BSL interpreting",
      responsibleOfficer: "Chief Nurse",
      owner: "A. Person",
      originalDue: "2025-03-31",
      currentDue: "2025-09-30",
      dueChanges: [{ at: "2025-02-01T10:00:00Z", authorId: null, authorName: "Kwame", from: "2025-03-31", to: "2025-09-30", reason: "Procurement delayed" }],
      updates: [{ at: "2024-09-01T00:00:00.000Z", authorId: null, authorName: "Kwame", text: "Contract awarded." }],
      edsOutcomes: ["EDS2:1.1", "EDS2022:1A"],
      psedAims: ["advance"],
      objectives: ["2", "3"],
      status: "amber",
      evidence: [
        { url: "https://example.org/report", title: "Deaf society briefing" },
        { url: `/evidence/${ITEM}`, title: "Walkabout, Whiston", evidenceId: ITEM },
      ],
      steps: [{ key: "s1", text: "Write the specification", due: "2024-10-31", status: "green" }],
      risks: "Few providers",
      mitigations: "Regional procurement",
      source: null,
    };
    const headers = [...PLAN_EXPORT_HEADERS];
    const cells = actionCells(action, options, DEFAULT_PLAN_LEGEND);
    const t = table(headers, [cells]);
    const result = parsePlanImport(t, guessMapping(headers, PLAN_IMPORT_COLUMNS), { ...context, linkableEvidence: new Map([[ITEM, "Walkabout, Whiston"]]) });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const back = result.actions[0]!;
    expect(back).toMatchObject({
      characteristics: action.characteristics,
      barrier: action.barrier,
      issue: action.issue,
      action: action.action,
      responsibleOfficer: action.responsibleOfficer,
      owner: action.owner,
      originalDue: "2025-03-31",
      currentDue: "2025-09-30",
      edsOutcomes: action.edsOutcomes,
      psedAims: action.psedAims,
      objectives: action.objectives,
      status: "amber",
      evidence: [
        { url: "https://example.org/report", title: "Deaf society briefing", evidenceId: null },
        { url: `/evidence/${ITEM}`, title: "Walkabout, Whiston", evidenceId: ITEM },
      ],
      steps: [{ text: "Write the specification", due: "2024-10-31", status: "green" }],
      risks: action.risks,
      mitigations: action.mitigations,
    });
    expect(back.dueChanges).toHaveLength(1);
    expect(back.updates![0]).toMatchObject({ at: "2024-09-01T00:00:00.000Z", text: "Kwame: Contract awarded." });
  });

  it("refuses a link to an evidence item the importer cannot see, by line", () => {
    const headers = ["Action", "Supporting evidence"];
    const t = table(headers, [["Commission BSL interpreting", `Walkabout </evidence/${ITEM}>`]]);
    const result = parsePlanImport(t, guessMapping(headers, PLAN_IMPORT_COLUMNS), context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.reasons.join(" ")).toMatch(/"Walkabout" is not an evidence item you can see/);
  });
});

describe("helpers", () => {
  it("matches statuses by words or colour", () => {
    expect(matchStatus("Green - complete", DEFAULT_PLAN_LEGEND)?.key).toBe("green");
    expect(matchStatus("In progress (amber)", DEFAULT_PLAN_LEGEND)?.key).toBe("amber");
    expect(matchStatus("blue", DEFAULT_PLAN_LEGEND)?.key).toBe("blue");
    expect(matchStatus("Greenish", DEFAULT_PLAN_LEGEND)).toBeNull();
    // A status whose words begin with another's is itself, as our export writes it.
    const longer = [...DEFAULT_PLAN_LEGEND, { key: "s5", label: "Complete - awaiting evidence", colour: "purple" as const, meaning: "in_progress" as const }];
    expect(matchStatus("Complete - awaiting evidence (purple)", longer)?.key).toBe("s5");
    expect(matchStatus("Complete (green)", longer)?.key).toBe("green");
    // A colour two statuses share names neither, and the import says why.
    const twoGrey = [...DEFAULT_PLAN_LEGEND, { key: "hold", label: "On hold", colour: "grey" as const, meaning: "in_progress" as const }, { key: "gone", label: "Withdrawn", colour: "grey" as const, meaning: "complete" as const }];
    expect(matchStatus("Grey", twoGrey)).toBeNull();
    expect(matchStatus("Grey - on hold", twoGrey)?.key).toBeUndefined();
    expect(matchStatus("On hold (grey)", twoGrey)?.key).toBe("hold");
    expect(sharedColourProblem("grey", twoGrey)).toBe("grey is the colour of On hold and Withdrawn: write the status's words");
    expect(sharedColourProblem("green", twoGrey)).toBeNull();
    expect(matchStatus("Covered by workforce equality action plan.", DEFAULT_PLAN_LEGEND)).toBeNull();
  });

  it("reads dates as plans write them", () => {
    expect(readDate("31st October 2021")).toEqual({ ok: true, date: "2021-10-31" });
    expect(readDate("1 Sept 2021")).toEqual({ ok: true, date: "2021-09-01" });
    expect(readDate("December 2021")).toEqual({ ok: true, date: "2021-12-31" });
    expect(readDate("Ongoing").ok).toBe(false);
  });

  it("keeps an update's month, and dates other updates today", () => {
    const today = new Date("2025-03-01T00:00:00Z");
    const updates = parseUpdates("Update September 2021\nFirst.\nUpdate February 2022: Second.\n\nThird, undated.", { id: null, name: "X" }, today);
    expect(updates.map((u) => [u.at.slice(0, 10), u.text])).toEqual([
      ["2021-09-01", "First."],
      ["2022-02-01", "Second."],
      ["2025-03-01", "Third, undated."],
    ]);
  });

  it("does not roll an impossible update date into the next month", () => {
    // Date.UTC(2022, 1, 31) is 3 March: such an update is kept whole and dated today instead.
    const today = new Date("2025-03-01T00:00:00Z");
    const updates = parseUpdates("Update 29 February 2024: Leap.\n\nUpdate 31 February 2022: Typo.", { id: null, name: "X" }, today);
    expect(updates.map((u) => [u.at.slice(0, 10), u.text])).toEqual([
      ["2024-02-29", "Leap."],
      ["2025-03-01", "Update 31 February 2022: Typo."],
    ]);
  });

  it("does not date an update in a year no plan could have", () => {
    // "Update September 0221" or "2201" is a typo: dated so, it sorted before (or after) every other update for ever.
    const today = new Date("2025-03-01T00:00:00Z");
    const updates = parseUpdates("Update September 0221: Early.\n\nUpdate 3 March 2201: Late.\n\nUpdate January 1990: Edge.", { id: null, name: "X" }, today);
    expect(updates.map((u) => [u.at.slice(0, 10), u.text])).toEqual([
      ["2025-03-01", "Update September 0221: Early."],
      ["2025-03-01", "Update 3 March 2201: Late."],
      ["1990-01-01", "Edge."],
    ]);
  });
});
