import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { assessments, type AssessmentPhase } from "../../db/schema";
import * as assessmentPage from "../../app/routes/grading.$assessmentId._index";
import * as listPage from "../../app/routes/grading._index";
import { todayIso } from "../../app/lib/plan/dates";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { frameworkIds, seedAssessment } from "../support/grading";
import { renderRoute } from "../support/render-route";
import { callRoute } from "../support/routes";

/**
 * The grading list and the assessment page said "Due by 28 February 2025" long after the date had
 * passed. Now an unpublished assessment past its deadline says so in words ("Overdue: was due
 * by ..."), in a tag whose colour only repeats them; a published one never does.
 */
let database: Database;
let world: World;
let eds2022: string;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  eds2022 = (await frameworkIds(database)).eds2022;
});
afterAll(() => database?.close());

const nextYear = Number(todayIso().slice(0, 4)) + 1;

async function assessment(yearStart: number, phase: AssessmentPhase, publicationDeadline: string | null) {
  const id = await seedAssessment(database, { collaborativeId: world.collaboratives.x, orgId: world.orgs.a, frameworkId: eds2022, yearStart, published: phase === "published" });
  await database.db.update(assessments).set({ phase, publicationDeadline }).where(eq(assessments.id, id));
  return id;
}

/** The page's text as read aloud: tags gone, spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();

describe("a publication deadline that has passed", () => {
  let late: string;
  let lateAgreed: string;
  let publishedLate: string;
  let upcoming: string;
  let undated: string;
  beforeAll(async () => {
    late = await assessment(2023, "grading", "2024-02-28");
    lateAgreed = await assessment(2022, "agreed", "2023-02-28");
    publishedLate = await assessment(2021, "published", "2022-01-31");
    upcoming = await assessment(nextYear, "gathering_evidence", `${nextYear + 1}-02-28`);
    undated = await assessment(2019, "grading", null);
  });

  it("is said in words on the grading list, as a tag; not for a published assessment or one still to come", async () => {
    const page = await callRoute(database, listPage.loader, world.people.leadA, "/grading");
    expect(page.status).toBe(200);
    const html = renderRoute(listPage.default, "/grading", "/grading", { loader: page.body });
    const row = (id: string) => text(new RegExp(`<tr[^>]*>(?:(?!</tr>).)*?/grading/${id}"(?:(?!</tr>).)*</tr>`).exec(html)?.[0] ?? "");
    expect(row(late)).toContain("Overdue: was due by 28 February 2024");
    expect(html).toMatch(/<strong class="nhsuk-tag nhsuk-tag--red">Overdue<\/strong>/);
    expect(row(lateAgreed)).toContain("Overdue: was due by 28 February 2023");
    expect(row(publishedLate)).toContain("Published 20 February 2022");
    expect(row(publishedLate)).not.toContain("Overdue");
    expect(row(upcoming)).toContain(`Due by 28 February ${nextYear + 1}`);
    expect(row(upcoming)).not.toContain("Overdue");
    expect(row(undated)).toContain("No deadline set");
  });

  it("is said the same way on the assessment page; a published one shows its deadline only", async () => {
    const deadlineOf = async (id: string) => {
      const page = await callRoute(database, assessmentPage.loader, world.people.leadA, `/grading/${id}`, { params: { assessmentId: id } });
      expect(page.status).toBe(200);
      const html = renderRoute(assessmentPage.default, "/grading/:assessmentId", `/grading/${id}`, { loader: page.body });
      return text(/<dt class="nhsuk-summary-list__key">Publication deadline<\/dt>(.*?)<\/dd>/.exec(html)?.[1] ?? "");
    };
    expect(await deadlineOf(late)).toBe("Overdue: was due by 28 February 2024");
    expect(await deadlineOf(publishedLate)).toBe("31 January 2022");
    expect(await deadlineOf(upcoming)).toBe(`Due by 28 February ${nextYear + 1}`);
  });
});
