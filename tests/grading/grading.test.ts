import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { assessmentGrades, memberships } from "../../db/schema";
import { addComment } from "../../app/domain/grading/add-comment.server";
import { setBandSet } from "../../app/domain/grading/band-settings.server";
import { changePhase } from "../../app/domain/grading/change-phase.server";
import { createAssessment } from "../../app/domain/grading/create-assessment.server";
import { getAssessment } from "../../app/domain/grading/get-assessment.server";
import { listAssessments } from "../../app/domain/grading/list-assessments.server";
import { listGradeHistory } from "../../app/domain/grading/list-grade-history.server";
import { addService } from "../../app/domain/grading/manage-services.server";
import { assignReviewer } from "../../app/domain/grading/peer-reviewers.server";
import { saveGrades, type GradeEntry } from "../../app/domain/grading/save-grades.server";
import { DomainError } from "../../app/domain/errors";
import * as assessmentPage from "../../app/routes/grading.$assessmentId._index";
import { openTestDatabase } from "../support/db";
import { callRoute } from "../support/routes";
import { actorFor, createUser, createWorld, type World } from "../support/factories";

let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** Scores for every outcome of an assessment: Domain 1 per service from `d1[serviceIndex]`, others from `rest`. */
async function fullScores(assessmentId: string, d1: number[][], rest: number[]): Promise<GradeEntry[]> {
  const view = await getAssessment(database, world.actors.leadA, assessmentId);
  const entries: GradeEntry[] = [];
  const [domain1, ...others] = view.framework.groups;
  view.services.forEach((s, si) => domain1!.outcomes.forEach((o, oi) => entries.push({ outcomeId: o.id, serviceId: s.id, value: d1[si]![oi]!, rationale: `${o.code} ${s.name}`, agreed: false })));
  others.flatMap((g) => g.outcomes).forEach((o, i) => entries.push({ outcomeId: o.id, serviceId: null, value: rest[i]!, rationale: `Why ${o.code}`, agreed: false }));
  return entries;
}

describe("an EDS 2022 assessment, end to end in the domain", () => {
  let id: string;
  it("starts with the 28 February deadline and the details given", async () => {
    id = await createAssessment(database, world.actors.leadA, { frameworkCode: "EDS2022", yearStart: 2023, edsLead: "Ann Lead", raters: ["self", "peer"] });
    const view = await getAssessment(database, world.actors.leadA, id);
    expect(view.assessment.publicationDeadline).toBe("2024-02-28");
    expect(view.assessment.raters).toEqual(["self", "peer"]);
    expect(view.results.missing[0]).toMatch(/Domain 1 needs at least one service/);
  });

  it("refuses a second assessment of the same framework and year, by field", async () => {
    const e = await failure(createAssessment(database, world.actors.leadA, { frameworkCode: "EDS2022", yearStart: 2023 }));
    expect(e.fields.yearStart).toMatch(/already has an EDS 2022 assessment for 2023\/24/);
  });

  it("refuses Domain 1 scores without a service, and scores off the scale, saving nothing", async () => {
    const view = await getAssessment(database, world.actors.leadA, id);
    const d1 = view.framework.groups[0]!.outcomes[0]!;
    const d2 = view.framework.groups[1]!.outcomes[0]!;
    const e = await failure(
      saveGrades(database, world.actors.leadA, id, [
        { outcomeId: d2.id, serviceId: null, value: 2, rationale: "fine", agreed: false },
        { outcomeId: d1.id, serviceId: null, value: 2, rationale: "", agreed: false },
        { outcomeId: view.framework.groups[1]!.outcomes[1]!.id, serviceId: null, value: 4, rationale: "", agreed: false },
      ]),
    );
    expect(Object.values(e.fields).join(" ")).toMatch(/1A is scored per service: add a service/);
    expect(Object.values(e.fields).join(" ")).toMatch(/2B: choose a score on the scale/);
    expect(e.message).toMatch(/Nothing was changed/);
    expect(await database.db.select().from(assessmentGrades).where(eq(assessmentGrades.assessmentId, id))).toEqual([]);
  });

  it("refuses to publish with ungraded outcomes, naming what is missing", async () => {
    await addService(database, world.actors.leadA, id, "Maternity");
    const e = await failure(changePhase(database, world.actors.leadA, id, { phase: "published" }));
    expect(e.message).toMatch(/cannot be published yet. Still missing: 1A Access for Maternity; 1B/);
  });

  it("scores per service, takes the median (even count) and rates by the collaborative's bands", async () => {
    await addService(database, world.actors.leadA, id, "Urgent care");
    // Maternity 2+2+2+2 = 8, Urgent care 3+3+2+3 = 11: median 9.5. D2 2+2+2+2 = 8, D3 2+2+2 = 6. Overall 23.5.
    await saveGrades(database, world.actors.leadA, id, await fullScores(id, [[2, 2, 2, 2], [3, 3, 2, 3]], [2, 2, 2, 2, 2, 2, 2]));
    const view = await getAssessment(database, world.actors.leadA, id);
    expect(view.results.missing).toEqual([]);
    expect(view.results.eds2022!.domains.map((d) => d.score)).toEqual([9.5, 8, 6]);
    expect(view.results.eds2022!.overall).toBe(23.5);
    expect(view.results.eds2022!.band!.label).toBe("Achieving activity");
    expect(view.assessment.phase).toBe("grading");
  });

  it("uses the band set the collaborative chose (configuration, not code)", async () => {
    await setBandSet(database, world.actors.adminX, "alternative");
    const view = await getAssessment(database, world.actors.leadA, id);
    expect(view.bandSet).toBe("alternative");
    expect(view.bands.find((b) => b.label.startsWith("Achieving"))!.maxScore).toBe(30);
    await setBandSet(database, world.actors.adminX, "default");
    await expect(setBandSet(database, world.actors.leadA, "alternative")).rejects.toThrow(/collaborative admin/);
  });

  it("keeps every change of a grade with who and when", async () => {
    const entries = await fullScores(id, [[2, 2, 2, 2], [3, 3, 2, 3]], [2, 2, 2, 2, 2, 2, 2]);
    const changed = { ...entries.at(-1)!, value: 3, rationale: "Board papers now carry EqIAs" };
    await saveGrades(database, world.actors.leadA, id, [changed]);
    const history = await listGradeHistory(database, world.actors.leadA, id);
    const of3c = history.filter((h) => h.outcomeCode === "3C");
    expect(of3c.map((h) => h.value)).toEqual([3, 2]);
    expect(of3c[0]!.changedByName).toBe(world.people.leadA.name);
    expect(of3c[0]!.rationale).toBe("Board papers now carry EqIAs");
  });

  it("is invisible to another organisation while a draft, and visible once published", async () => {
    await expect(getAssessment(database, world.actors.leadA2, id)).rejects.toThrow(/drafts are visible only to their own organisation/);
    await changePhase(database, world.actors.leadA, id, { phase: "agreed" });
    await expect(getAssessment(database, world.actors.leadA2, id)).rejects.toThrow(/cannot see it/);
    const agreed = await getAssessment(database, world.actors.leadA, id);
    expect(agreed.grades.every((g) => g.agreedByName === world.people.leadA.name)).toBe(true);
    await changePhase(database, world.actors.leadA, id, { phase: "published", publishedOn: "2024-02-20" });
    const seen = await getAssessment(database, world.actors.leadA2, id);
    expect(seen.results.eds2022!.overall).toBe(24.5);
    await expect(getAssessment(database, world.actors.leadB, id)).rejects.toThrow(/cannot see it/);
  });

  it("freezes a published assessment", async () => {
    const entries = await fullScores(id, [[0, 0, 0, 0], [0, 0, 0, 0]], [0, 0, 0, 0, 0, 0, 0]);
    await expect(saveGrades(database, world.actors.leadA, id, entries)).rejects.toThrow(/not once the assessment is published/);
  });
});

describe("EDS2 and peer review", () => {
  let id: string;
  let reviewer: Awaited<ReturnType<typeof actorFor>>;
  beforeAll(async () => {
    id = await createAssessment(database, world.actors.leadA, { frameworkCode: "EDS2", yearStart: 2020 });
    const person = await createUser(database, [[world.orgs.a2, "peer_reviewer"]]);
    reviewer = await actorFor(database, person, world.orgs.a2);
  });

  it("aggregates goals by the framework's stored rule and shows it", async () => {
    const view = await getAssessment(database, world.actors.leadA, id);
    expect(view.framework.aggregationRule).toBe("lowest");
    const outcomes = view.framework.groups.flatMap((g) => g.outcomes);
    await saveGrades(
      database,
      world.actors.leadA,
      id,
      outcomes.map((o) => ({ outcomeId: o.id, serviceId: null, value: o.code === "1.3" ? 1 : 2, rationale: "", agreed: o.code === "1.1" })),
    );
    const after = await getAssessment(database, world.actors.leadA, id);
    expect(after.results.eds2!.goals.map((g) => g.value)).toEqual([1, 2, 2, 2]);
    expect(after.results.eds2!.overall).toBe(1);
    expect(after.grades.filter((g) => g.agreedBy).length).toBe(1);
    expect(after.suggestions).toEqual({ available: false, reason: "sources-missing" });
  });

  it("lets an assigned peer reviewer read that assessment only, and comment", async () => {
    await expect(getAssessment(database, reviewer, id)).rejects.toThrow(/cannot see it/);
    const offered = async () =>
      ((await callRoute(database, assessmentPage.loader, world.people.leadA, `/grading/${id}`, { params: { assessmentId: id } })).body as { candidates: { key: string }[] }).candidates.map((c) => c.key);
    expect(await offered()).toContain(`${reviewer.userId}:${world.orgs.a2}`);
    await assignReviewer(database, world.actors.leadA, id, `${reviewer.userId}:${world.orgs.a2}`);
    // Named as reviewing it, no longer offered to assign again.
    expect(await offered()).not.toContain(`${reviewer.userId}:${world.orgs.a2}`);
    const view = await getAssessment(database, reviewer, id);
    expect(view.grades.length).toBe(18);
    await addComment(database, reviewer, id, { outcomeId: view.grades[0]!.outcomeId, body: "Is there evidence for sexual orientation?" });
    const own = await getAssessment(database, world.actors.leadA, id);
    expect(own.comments.map((c) => [c.authorName, c.body])).toEqual([[reviewer.name, "Is there evidence for sexual orientation?"]]);
    const other = await createAssessment(database, world.actors.leadA, { frameworkCode: "EDS2", yearStart: 2021 });
    await expect(getAssessment(database, reviewer, other)).rejects.toThrow(/cannot see it/);
    await expect(addComment(database, reviewer, other, { outcomeId: null, body: "x" })).rejects.toThrow();
    expect((await listAssessments(database, reviewer)).map((a) => a.id)).toEqual([id]);
  });

  it("stops reading when the reviewer loses the peer reviewer role", async () => {
    await database.db.update(memberships).set({ role: "viewer" }).where(eq(memberships.userId, reviewer.userId));
    await expect(getAssessment(database, reviewer, id)).rejects.toThrow(/cannot see it/);
  });

  it("refuses a reviewer from the assessed organisation itself", async () => {
    const e = await failure(assignReviewer(database, world.actors.leadA, id, `${world.people.contributorA.id}:${world.orgs.a}`));
    expect(e.fields.reviewer).toMatch(/another organisation/);
    expect((await failure(assignReviewer(database, world.actors.leadA, id, `${randomUUID()}:${world.orgs.a2}`))).fields.reviewer).toMatch(/peer reviewer/);
  });

  it("lets only the equality lead grade", async () => {
    await expect(createAssessment(database, world.actors.contributorA, { frameworkCode: "EDS2", yearStart: 2018 })).rejects.toThrow(/equality lead/);
    await expect(saveGrades(database, world.actors.viewerA, id, [])).rejects.toThrow(/equality lead/);
  });
});
