import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { evidenceSources } from "../../db/schema";
import { createSource } from "../../app/domain/evidence/create-source.server";
import { deleteSource, SOURCE_IN_USE } from "../../app/domain/evidence/delete-source.server";
import { getSourceForEdit } from "../../app/domain/evidence/get-source.server";
import { updateSource } from "../../app/domain/evidence/update-source.server";
import * as editRoute from "../../app/routes/evidence.sources_.$sourceId.edit";
import * as sourcesRoute from "../../app/routes/evidence.sources";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { callRoute } from "../support/routes";
import { addItem, refs } from "./support";

let database: Database;
let world: World;
let r: Awaited<ReturnType<typeof refs>>;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  r = await refs(database);
});
afterAll(() => database?.close());

let n = 0;
const source = (name = `Healthwatch ${++n}`) => ({ name, kind: "healthwatch" as const, area: null, characteristicIds: [] });
const stored = async (id: string) => (await database.db.select().from(evidenceSources).where(eq(evidenceSources.id, id)))[0];

describe("changing a source", () => {
  it("lets the adding organisation's writers correct it; every item from it shows the change", async () => {
    const { id } = await createSource(database, world.actors.contributorA, source("Healthwatch Liverpol"));
    await updateSource(database, world.actors.leadA, id, { name: "Healthwatch Liverpool", kind: "healthwatch", area: "Liverpool", characteristicIds: [r.deaf] });
    expect(await stored(id)).toMatchObject({ name: "Healthwatch Liverpool", area: "Liverpool", characteristicIds: [r.deaf] });
    expect(await getSourceForEdit(database, world.actors.contributorA, id)).toMatchObject({ name: "Healthwatch Liverpool" });
  });

  it("is refused to other organisations, viewers and another collaborative", async () => {
    const { id } = await createSource(database, world.actors.leadA, source());
    for (const actor of [world.actors.leadA2, world.actors.viewerA]) {
      await expect(getSourceForEdit(database, actor, id)).rejects.toMatchObject({ status: 403 });
      await expect(updateSource(database, actor, id, source("Renamed"))).rejects.toMatchObject({ status: 403 });
      await expect(deleteSource(database, actor, id)).rejects.toMatchObject({ status: 403 });
    }
    await expect(updateSource(database, world.actors.leadB, id, source("Renamed"))).rejects.toMatchObject({ status: 404 });
    expect((await stored(id))!.name).not.toBe("Renamed");
  });

  it("refuses a name another source has, on the name field, and characteristics that are not real", async () => {
    const { id } = await createSource(database, world.actors.leadA, source());
    const other = source();
    await createSource(database, world.actors.leadA2, other);
    await expect(updateSource(database, world.actors.leadA, id, other)).rejects.toMatchObject({ status: 409, fields: { name: expect.stringMatching(/already exists/) } });
    await expect(updateSource(database, world.actors.leadA, id, { ...source(), characteristicIds: [world.orgs.a] })).rejects.toMatchObject({ status: 422 });
  });
});

describe("source names", () => {
  // The unique index compares exact names; the import matches names whatever their case and punctuation.
  it("are refused when they differ from another source's only by case or punctuation, on adding and on changing", async () => {
    await createSource(database, world.actors.leadA, source("Healthwatch Knowsley"));
    for (const name of ["healthwatch knowsley", "Healthwatch  Knowsley", "Healthwatch-Knowsley"]) {
      await expect(createSource(database, world.actors.leadA2, source(name))).rejects.toMatchObject({ status: 409, fields: { name: expect.stringMatching(/“Healthwatch Knowsley” already exists/) } });
    }
    const { id } = await createSource(database, world.actors.leadA2, source("Healthwatch Sefton"));
    await expect(updateSource(database, world.actors.leadA2, id, source("HEALTHWATCH KNOWSLEY"))).rejects.toMatchObject({ status: 409 });
    // Its own name in another case is a correction, not a duplicate.
    await updateSource(database, world.actors.leadA2, id, source("healthwatch Sefton"));
    expect((await stored(id))!.name).toBe("healthwatch Sefton");
    // Another collaborative has its own sources.
    await createSource(database, world.actors.leadB, source("healthwatch knowsley"));
  });

  it("are told apart without their full stops too (“St. Helens” is “St Helens”), but not a number's point", async () => {
    // The key kept every ".", so "St. Helens Healthwatch" went in beside "St Helens Healthwatch",
    // listed twice in every source list, with an import matching one of them by how it was typed.
    await createSource(database, world.actors.leadA, source("St Helens Healthwatch"));
    for (const name of ["St. Helens Healthwatch", "st.helens healthwatch", "St Helens Healthwatch."]) {
      await expect(createSource(database, world.actors.leadA2, source(name))).rejects.toMatchObject({ status: 409, fields: { name: expect.stringMatching(/“St Helens Healthwatch” already exists/) } });
    }
    await createSource(database, world.actors.leadA, source("Youth Forum 2.1"));
    await createSource(database, world.actors.leadA, source("Youth Forum 21"));
  });

  it("say so on the name field of the page, keeping what was typed", async () => {
    await createSource(database, world.actors.leadA, source("Merseyside Society for Deaf People"));
    const answer = await callRoute(database, sourcesRoute.action, world.people.leadA2, "/evidence/sources", { form: { name: "merseyside society for deaf people", kind: "deaf_society", area: "Merseyside" } });
    expect(answer).toMatchObject({ status: 409, body: { ok: false, errors: { name: expect.stringMatching(/already exists/) }, values: { name: "merseyside society for deaf people", area: "Merseyside" } } });
  });
});

describe("deleting a source", () => {
  it("deletes one no item comes from", async () => {
    const { id } = await createSource(database, world.actors.leadA, source());
    await deleteSource(database, world.actors.contributorA, id);
    expect(await stored(id)).toBeUndefined();
  });

  it("keeps one that another organisation's private item comes from, though the deleter cannot see that item", async () => {
    const { id } = await createSource(database, world.actors.leadA, source());
    await addItem(database, world.actors.leadA2, { title: "Their private notes", sourceId: id });
    await expect(deleteSource(database, world.actors.leadA, id)).rejects.toMatchObject({ status: 409, message: SOURCE_IN_USE });
    expect(await stored(id)).toBeDefined();
  });
});

describe("the source pages", () => {
  it("offer Change only on the adding organisation's sources, and keep what was typed on an error", async () => {
    const { id } = await createSource(database, world.actors.leadA, source("Deaf society"));
    const listA = await callRoute(database, sourcesRoute.loader, world.people.leadA, "/evidence/sources");
    const listA2 = await callRoute(database, sourcesRoute.loader, world.people.leadA2, "/evidence/sources");
    const row = (answer: typeof listA) => (answer.body as { sources: { id: string; canEdit: boolean }[] }).sources.find((s) => s.id === id);
    expect(row(listA)?.canEdit).toBe(true);
    expect(row(listA2)?.canEdit).toBe(false);

    const page = await callRoute(database, editRoute.loader, world.people.leadA, `/evidence/sources/${id}/edit`, { params: { sourceId: id } });
    expect(page).toMatchObject({ status: 200, body: { source: { name: "Deaf society" } } });
    const bad = await callRoute(database, editRoute.action, world.people.leadA, `/evidence/sources/${id}/edit`, { params: { sourceId: id }, form: { name: "", kind: "healthwatch", area: "Wirral" } });
    expect(bad).toMatchObject({ status: 422, body: { ok: false, errors: { name: expect.any(String) }, values: { area: "Wirral", kind: "healthwatch" } } });
    const saved = await callRoute(database, editRoute.action, world.people.leadA, `/evidence/sources/${id}/edit`, { params: { sourceId: id }, form: { name: "Wirral Deaf society", kind: "deaf_society", area: "Wirral" } });
    expect(saved.status).toBe(302);
    expect(await stored(id)).toMatchObject({ name: "Wirral Deaf society", kind: "deaf_society" });
    const deleted = await callRoute(database, editRoute.action, world.people.leadA, `/evidence/sources/${id}/edit`, { params: { sourceId: id }, form: { intent: "delete" } });
    expect(deleted.status).toBe(302);
    expect(await stored(id)).toBeUndefined();
  });
});
