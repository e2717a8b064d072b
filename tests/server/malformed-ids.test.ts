import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { callRoute } from "../support/routes";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

/** Every route with a parameter in its path (`evidence.$id.edit.tsx`), found from the files. */
const routes = import.meta.glob<{ loader?: (args: never) => Promise<unknown>; action?: (args: never) => Promise<unknown> }>("../../app/routes/*$*.tsx");
const VALID_VIEW = { view: "grid" };

describe("an id in the address that is not one", () => {
  // PostgreSQL refuses a malformed uuid with an error: unchecked, the page would be a 500.
  it.each(Object.keys(routes).map((file) => [file.split("/").pop()!]))("%s answers 4xx, not an error, to a page or a form", async (name) => {
    const module = await routes[`../../app/routes/${name}`]!();
    const params = Object.fromEntries([...name.matchAll(/\$(\w+)/g)].map(([, key]) => [key!, "not-an-id"]));
    const call = (fn: (args: never) => Promise<unknown>, form?: Record<string, string>) =>
      callRoute(database, fn, world.people.adminX, "/", { params: { ...params, ...(params.view ? VALID_VIEW : {}) }, form });
    for (const answer of [module.loader && (await call(module.loader)), module.action && (await call(module.action, { intent: "save" }))]) {
      if (!answer) continue;
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
  });
});
