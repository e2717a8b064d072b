import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../db/client";
import { openRegister } from "../../app/domain/register/open-register.server";
import type * as hydratedModule from "../../app/lib/use-hydrated";
import * as registerPage from "../../app/routes/register._index";
import { openTestDatabase } from "../support/db";
import { createWorld, type TestUser, type World } from "../support/factories";
import { renderRoute } from "../support/render-route";
import { callRoute } from "../support/routes";

// The page as drawn once its JavaScript runs, before the live document has synced.
vi.mock("../../app/lib/use-hydrated", async (importOriginal) => {
  await importOriginal<typeof hydratedModule>();
  return { useHydrated: () => true };
});

let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  await openRegister(database, world.actors.leadA);
});
afterAll(async () => {
  await database?.close();
});

async function loadingLine(user: TestUser): Promise<string> {
  const answer = await callRoute(database, registerPage.loader, user, "/register");
  const html = renderRoute(registerPage.default, "/register", "/register", { loader: answer.body });
  const found = /<p class="nhsuk-body">(Loading the register…[^<]*)<\/p>/.exec(html);
  expect(found, "the page says it is loading").not.toBeNull();
  return found![1]!;
}

describe("the register's loading line, before it connects, with no rows yet", () => {
  it("promises no editing to a viewer and mentions no rows below", async () => {
    const line = await loadingLine(world.people.viewerA);
    expect(line).not.toMatch(/edit/);
    expect(line).not.toMatch(/rows below/);
  });

  it("tells an editor rows can be added once connected", async () => {
    expect(await loadingLine(world.people.leadA)).toBe("Loading the register… You can add rows once connected.");
  });
});
