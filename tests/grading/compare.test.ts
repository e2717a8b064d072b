import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";
import { seedDemo } from "../../db/seed/demo";
import type { DemoTenancy } from "../../db/seed/demo-tenancy";
import { hashPassword } from "../../app/domain/auth/crypto.server";
import type { Actor } from "../../app/domain/auth/actor";
import { compareCoverage } from "../../app/domain/compare/compare-coverage.server";
import { compareBands } from "../../app/domain/compare/compare-bands.server";
import { readFilters } from "../../app/domain/compare/compare-filters";
import { compareGrid } from "../../app/domain/compare/compare-grid.server";
import { compareMovement } from "../../app/domain/compare/compare-movement.server";
import { compareSpread } from "../../app/domain/compare/compare-spread.server";
import { exportRows } from "../../app/domain/compare/screen-table";
import { getSummary } from "../../app/domain/grading/get-summary.server";
import { listAssessments } from "../../app/domain/grading/list-assessments.server";
import { parseCsv } from "../../app/lib/tabular/csv";
import { readXlsx } from "../../app/lib/tabular/xlsx.server";
import { screenTableDownload } from "../../app/lib/tabular/screen-export.server";
import { openScratchDatabase } from "../support/db";
import { actorFor } from "../support/factories";

let database: Database;
let dispose: () => Promise<void>;
let demo: DemoTenancy;
const actors: Record<string, Actor> = {};

async function demoActor(email: string, org: keyof DemoTenancy["orgIds"]) {
  const all = await database.db.select().from(users);
  const u = all.find((x) => x.email === email)!;
  return actorFor(database, { id: u.id, email: u.email, name: u.name }, demo.orgIds[org]);
}

beforeAll(async () => {
  ({ database, dispose } = await openScratchDatabase());
  demo = await seedDemo(database, { hashPassword });
  actors.regional = await demoActor("regional.lead@peff.example", "icb");
  actors.luht = await demoActor("luht.lead@peff.example", "luht");
  actors.alderHey = await demoActor("alderhey.lead@peff.example", "alderHey");
});
afterAll(() => dispose?.());

const params = (q: string) => readFilters(new URLSearchParams(q));

describe("demo grading data", () => {
  it("gives the demo CCG two published EDS2 years, achieving on fifteen of eighteen outcomes and developing on three", async () => {
    const view = await compareGrid(database, actors.regional!, params("framework=EDS2&year=2019"));
    const ccg = view.table!.rows.find((r) => r.cells[0]!.text.startsWith("NHS South Sefton CCG"))!;
    const grades = ccg.cells.slice(2, 20).map((c) => c.text);
    expect(grades.filter((g) => g === "Achieving")).toHaveLength(15);
    expect(grades.filter((g) => g === "Developing")).toHaveLength(3);
  });
});

describe("comparison views", () => {
  it("grid: published grades only, drafts never (not even the viewer's own)", async () => {
    const view = await compareGrid(database, actors.luht!, params("framework=EDS2022"));
    expect(view.years).toEqual([2023, 2022]);
    expect(view.filters.year).toBe(2023);
    const draft2024 = await compareGrid(database, actors.luht!, params("framework=EDS2022&year=2024"));
    expect(draft2024.filters.year).toBe(2023); // 2024 has only a draft and an agreed assessment
    expect(view.table!.rows.map((r) => r.cells[0]!.text)).toContain("Liverpool University Hospitals NHS FT (demo)");
  });

  it("grid: sorts by an outcome and filters by organisation type; every grade links to its rationale", async () => {
    const view = await compareGrid(database, actors.regional!, params("framework=EDS2022&year=2023&sort=1A&dir=desc"));
    const col = view.table!.sortKeys!.indexOf("1A");
    const values = view.table!.rows.map((r) => Number.parseFloat(r.cells[col]!.text));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(view.table!.rows[0]!.cells[col]!.href).toMatch(/^\/grading\/[0-9a-f-]+#outcome-1A$/);
    const acute = await compareGrid(database, actors.regional!, params("framework=EDS2022&year=2023&orgType=acute_trust"));
    expect(acute.table!.rows.map((r) => r.cells[1]!.text)).toEqual(["Acute trust", "Acute trust"]);
  });

  it("movement: shows EDS2 years through the crosswalk and marks the change of framework", async () => {
    const view = await compareMovement(database, actors.regional!, params(""), { all: true });
    const luht = view.table!.rows.filter((r) => r.cells[0]!.text.startsWith("Liverpool University Hospitals"));
    expect(luht.map((r) => `${r.cells[1]!.text} ${r.cells[2]!.text}`)).toEqual(["2019/20 EDS2", "2020/21 EDS2", "2022/23 EDS 2022", "2023/24 EDS 2022"]);
    expect(luht.map((r) => r.cells[3]!.text)).toEqual(["", "", "Framework changed: EDS2 to EDS 2022", ""]);
    const col1A = view.table!.headers.indexOf("1A Access");
    // 2019/20: 1.1 Achieving, 2.1 Developing -> the lower, Developing, naming both sources.
    expect(luht[0]!.cells[col1A]!.text).toBe("Developing (EDS2 1.1 Achieving, 2.1 Developing)");
    expect(luht[1]!.cells[col1A]!.text).toBe("Achieving (EDS2 1.1 Achieving, 2.1 Achieving); up 1");
    expect(luht[2]!.cells[col1A]!.text).toMatch(/; (up|down|no change).*\(framework changed\)$/);
    const col2A = view.table!.headers.indexOf("2A Support for health conditions");
    expect(luht[0]!.cells[col2A]!.text).toBe("No EDS2 equivalent");
    // Nothing to link to in an EDS2 year; the EDS 2022 years link to the outcome's rationale.
    expect(luht[0]!.cells[col2A]!.href).toBeUndefined();
    expect(luht[0]!.cells[col1A]!.href).toMatch(/#outcome-1\.1$/);
    expect(luht[2]!.cells[col2A]!.href).toMatch(/#outcome-2A$/);
  });

  it("bands: overall scores against the configured bands with the domain breakdown", async () => {
    const view = await compareBands(database, actors.regional!, params("year=2023"));
    expect(view.bandSet).toBe("default");
    const wirral = view.table!.rows.find((r) => r.cells[0]!.text.startsWith("Wirral"))!;
    // Wirral 2023: D1 services 1+1+1+1 = 4 and 2+2+2+2 = 8 -> median 6; D2 1+1+1+1 = 4; D3 1+1+0 = 2; 12 Developing.
    expect(wirral.cells.slice(2).map((c) => c.text)).toEqual(["6 (median of 2 services)", "4", "2", "12", "Developing activity"]);
  });

  it("spread: weakest outcomes first, counts per grade", async () => {
    const view = await compareSpread(database, actors.regional!, params("framework=EDS2022&year=2023"));
    const weak = view.table!.rows.map((r) => Number.parseInt(r.cells.at(-1)!.text, 10));
    expect(weak).toEqual([...weak].sort((a, b) => b - a));
    expect(view.table!.rows.every((r) => r.cells.at(-2)!.text === "5")).toBe(true);
  });

  it("coverage: evidence per organisation and characteristic beside the published grade, for regional leads only", async () => {
    const view = await compareCoverage(database, actors.regional!, params("framework=EDS2022&year=2023"));
    expect(view.table!.headers.slice(0, 2)).toEqual(["Organisation", "Published overall grade"]);
    expect(view.table!.headers).toContain("Disability");
    const luht = view.table!.rows.find((r) => r.cells[0]!.text.startsWith("Liverpool University Hospitals"))!;
    expect(luht.cells[1]!.href).toMatch(/^\/grading\/[0-9a-f-]+#overall$/);
    const counts = luht.cells.slice(2, -2).map((c) => c.text);
    expect(counts).toHaveLength(9);
    expect(counts.every((t) => /^\d+$|^0 \(gap\)$/.test(t))).toBe(true);
    const total = Number(luht.cells.at(-2)!.text);
    expect(total).toBeGreaterThan(0);
    expect(luht.cells.at(-1)!.text).toBe(`${counts.filter((t) => t === "0 (gap)").length} of 9`);
    const member = await compareCoverage(database, actors.luht!, params("framework=EDS2022&year=2023"));
    expect(member).toMatchObject({ allowed: false, table: null });
  });

  it("exports equal the screen, as CSV and as XLSX", async () => {
    const view = await compareGrid(database, actors.regional!, params("framework=EDS2&year=2020"));
    const screen = [view.table!.headers, ...view.table!.rows.map((r) => r.cells.map((c) => c.text))];
    const csv = await screenTableDownload(new URL("http://x/?format=csv"), view.table, "grid");
    expect(parseCsv(await csv!.text())).toEqual(screen);
    const xlsx = await screenTableDownload(new URL("http://x/?format=xlsx"), view.table, "grid");
    expect(await readXlsx(new Uint8Array(await xlsx!.arrayBuffer()))).toEqual(screen);
    expect(exportRows(view.table!).rows).toEqual(screen.slice(1));
  });
});

describe("published summaries", () => {
  it("EDS2: Appendix A shape, two years side by side, with the alternative-format notice and contact details", async () => {
    const own = await listAssessments(database, actors.luht!);
    const eds2020 = own.find((a) => a.frameworkCode === "EDS2" && a.yearStart === 2020)!;
    const s = await getSummary(database, actors.regional!, eds2020.id);
    expect(s.table.headers).toEqual(["Goal", "Number", "Description of outcome", "Grading 2019/20", "Grading 2020/21"]);
    expect(s.table.rows[0]!.cells.map((c) => c.text)).toEqual([
      "Better health outcomes",
      "1.1",
      "Services are commissioned, procured, designed and delivered to meet the health needs of local communities",
      "Achieving",
      "Achieving",
    ]);
    expect(s.footer[0]).toMatch(/available in other formats on request/);
    expect(s.footer).toContain("Email: equality@luht.peff.example");
    const csv = parseCsv(await (await screenTableDownload(new URL("http://x/?format=csv"), s.table, "s", s.footer))!.text());
    expect(csv.at(-1)).toEqual(["Address: Liverpool University Hospitals NHS FT, Liverpool"]);
  });

  it("EDS 2022: domains, per-service scores, domain scores and the overall rating", async () => {
    const own = await listAssessments(database, actors.alderHey!);
    const s = await getSummary(database, actors.alderHey!, own.find((a) => a.yearStart === 2023)!.id);
    const texts = s.table.rows.map((r) => r.cells.map((c) => c.text));
    expect(texts[0]!.slice(0, 2)).toEqual(["Domain 1: Commissioned or provided services", "1A Access"]);
    expect(texts[0]![3]).toBe("Outpatients 3 (median 3)");
    expect(texts.at(-1)![3]).toBe("25 Achieving activity");
  });

  it("refuses another organisation's draft summary", async () => {
    const own = await listAssessments(database, actors.luht!);
    const draft = own.find((a) => a.phase === "grading")!;
    await expect(getSummary(database, actors.alderHey!, draft.id)).rejects.toThrow(/cannot see it/);
  });
});
