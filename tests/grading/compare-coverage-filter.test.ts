import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { compareCoverage } from "../../app/domain/compare/compare-coverage.server";
import { readFilters } from "../../app/domain/compare/compare-filters";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { frameworkIds, seedAssessment } from "../support/grading";

let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  // A2 (a mental health trust) has published; A (an acute trust) has not.
  await seedAssessment(database, { collaborativeId: world.collaboratives.x, orgId: world.orgs.a2, frameworkId: (await frameworkIds(database)).eds2022, yearStart: 2022, grade: 2, published: true });
});
afterAll(() => database?.close());

const rowsFor = async (query: string) =>
  (await compareCoverage(database, world.actors.adminX, readFilters(new URLSearchParams(query)))).table!.rows.map((r) => ({ key: r.key, grade: r.cells[1]!.text }));

// Filtering by organisation type kept only organisations with a published grade, so the acute
// trusts that had not published (the gaps a regional lead is looking for) vanished from the view.
it("coverage: filtering by organisation type keeps that type's organisations that have not published", async () => {
  expect(await rowsFor("framework=EDS2022")).toEqual(
    expect.arrayContaining([
      { key: world.orgs.a, grade: "Not published" },
      { key: world.orgs.a2, grade: "22 Achieving activity" },
    ]),
  );
  expect(await rowsFor("framework=EDS2022&orgType=acute_trust")).toEqual([{ key: world.orgs.a, grade: "Not published" }]);
  expect(await rowsFor("framework=EDS2022&orgType=mental_health_trust")).toEqual([{ key: world.orgs.a2, grade: "22 Achieving activity" }]);
  expect(await rowsFor("framework=EDS2022&orgType=icb")).toEqual([]);
});
