import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, newContext, signIn } from "./support/browser";
import { FRESH } from "./support/fresh-collaborative";

// A collaborative with one organisation and its admin, nothing else (made before the server starts):
// what a new collaborative sees, which the demo data hides.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens `path`, checks it answered, says `expected` and passes axe. */
async function visit(page: Page, path: string, expected: RegExp): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect.poll(() => page.locator("main").innerText(), { message: path }).toMatch(expected);
  await expectAccessible(page, `${path} (empty)`);
}

/** Opens `path`, which refuses this person (403), and checks its page says `expected` and passes axe. */
async function visitRefused(page: Page, path: string, expected: RegExp): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(403);
  await expect.poll(() => page.locator("main").innerText(), { message: path }).toMatch(expected);
  await expectAccessible(page, `${path} (refused)`);
}

describe("a new collaborative with nothing in it", () => {
  it("tells its admin on every area's page what is missing and who adds it, with no empty tables or download links", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, FRESH.adminEmail, FRESH.password);
    await visit(page, "/", /has no plans yet\. An equality lead or contributor in .+ can create one/);
    await visit(page, "/plans", /has no plans yet\. An equality lead or contributor can create one/);
    expect(await page.getByText("Overdue and slipped actions").count()).toBe(0);
    await visit(page, "/grading", /no assessments yet\. Its equality lead starts them/);
    await visit(page, "/evidence", /There is no evidence here yet[\s\S]*Evidence is what patients, communities and staff tell you[\s\S]*Ask your equality lead or a contributor to add evidence/);
    // Nothing to search: no search form, even for a search in the address.
    expect(await page.locator("main").getByRole("search").count()).toBe(0);
    await visit(page, "/evidence?q=interpreters", /There is no evidence here yet/);
    expect(await page.locator("main").getByRole("search").count()).toBe(0);
    await visit(page, "/evidence/coverage", /can see no evidence yet/);
    expect(await page.locator("main table").count()).toBe(0);
    await visit(page, "/evidence/sources", /No sources yet\. Equality leads and contributors add them/);
    await visit(page, "/evidence/recommendations", /No recommendations are addressed to/);
    await visit(page, "/register/progress", /The register has no rows yet, so there is no progress to show/);
    expect(await page.getByText("Barriers not picked up").count()).toBe(0);
    await visit(page, "/register/history", /No changes have been made/);
    await visit(page, "/register/print", /The register has no rows yet/);
    await visit(page, "/compare", /is the only member organisation[\s\S]*No organisation has published an assessment yet/);
    for (const view of ["grid", "bands", "spread", "movement"]) {
      await visit(page, `/compare/${view}`, /No organisation has published[\s\S]*publishes an assessment from Grading/);
      expect(await page.getByText("Download this table").count(), view).toBe(0);
    }
    await visit(page, "/members", /People in/);
    // What an admin cannot create: who can, and what to do instead (still a 403).
    await visitRefused(page, "/plans/new", /Only equality leads and contributors in .+ create plans; you are a collaborative admin there\.[\s\S]*Invite an equality lead or contributor/);
    await visitRefused(page, "/grading/new", /Only the equality lead of .+ starts an assessment; you are a collaborative admin there\.[\s\S]*See the assessments of/);
    await page.getByRole("link", { name: "Invite an equality lead" }).click();
    await page.waitForURL((url) => url.pathname === "/members/invite");
    await visit(page, "/account", /Your account/);
    // The live register: once connected, still says how to add the first rows.
    await page.goto("/register");
    await expect.poll(() => page.locator("main").innerText()).toMatch(/Connected/);
    expect(await page.locator("main").innerText()).toMatch(/The register has no rows yet\. Add the first barrier with Add row/);
    await expectAccessible(page, "/register (empty)");
    // Downloads of empty lists are files with their header row.
    const evidence = await page.request.get("/evidence/export?format=csv");
    expect(evidence.status()).toBe(200);
    expect(await evidence.text()).toMatch(/^\uFEFF?Title,Type,Source/);
    const register = await page.request.get("/register/export?format=csv");
    expect(await register.text()).toMatch(/^\uFEFF?Characteristics or groups,Barrier/);
  });

  it("gives the equality lead it invites the first step on each page, reachable from the keyboard", async () => {
    const admin = await (await newContext(browser)).newPage();
    await signIn(admin, FRESH.adminEmail, FRESH.password);
    await admin.goto("/members/invite");
    const email = `fresh.lead.${Date.now()}@e2e.example`;
    await admin.getByLabel("Their email address").fill(email);
    await admin.getByLabel("Equality lead").check();
    await admin.getByRole("button", { name: "Create invitation link" }).click();
    const link = await admin.getByTestId("invitation-link").inputValue();

    const lead = await (await newContext(browser)).newPage();
    await lead.goto(link);
    await lead.getByLabel("Full name").fill("Nia Newcomer");
    await lead.getByLabel("Create a password").fill("a perfectly long password");
    await lead.getByLabel("Enter the password again").fill("a perfectly long password");
    await lead.getByRole("button", { name: "Accept and create account" }).click();
    await lead.waitForURL((url) => url.pathname === "/");
    await expectAccessible(lead, "home of a new equality lead");

    await visit(lead, "/grading", /no assessments yet\. Start one for this year/);
    await visit(lead, "/evidence", /There is no evidence here yet[\s\S]*Add an item or import your tracker from a spreadsheet/);
    expect(await lead.locator("main").getByRole("search").count()).toBe(0);
    await visit(lead, "/evidence/coverage", /can see no evidence yet/);
    expect(await lead.getByRole("link", { name: "import your tracker from a spreadsheet" }).count()).toBe(1);
    await visit(lead, "/plans", /has no plans yet\. Create one/);

    // From the home page, the keyboard alone reaches "Create a plan" and follows it.
    await lead.goto("/");
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await lead.keyboard.press("Tab");
      reached = (await lead.evaluate(() => document.activeElement?.textContent?.trim())) === "Create a plan";
    }
    expect(reached, "Create a plan is reachable with Tab").toBe(true);
    await lead.keyboard.press("Enter");
    await lead.waitForURL((url) => url.pathname === "/plans/new");
    await expectAccessible(lead, "create a plan");
  });

  it("shows the empty register's message until the live document gains a row, added from the keyboard, and again once it has none", async () => {
    const open = async () => {
      const page = await (await newContext(browser)).newPage();
      await signIn(page, FRESH.adminEmail, FRESH.password);
      await page.goto("/register");
      await expect.poll(() => page.locator("[data-state]").getAttribute("data-state"), { timeout: 15_000 }).toBe("connected");
      return page;
    };
    const empty = (page: Page) => page.getByTestId("register-empty").count();
    const grid = (page: Page) => page.getByRole("grid").count();
    // Two browsers of the admin's: one adds the row, the other only watches.
    const adder = await open();
    const watcher = await open();
    for (const page of [adder, watcher]) {
      expect(await empty(page)).toBe(1);
      expect(await grid(page)).toBe(0);
    }
    await expectAccessible(watcher, "/register (empty, connected)");

    // The keyboard alone reaches "Add row"; the new row's first cell then has the focus.
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await adder.keyboard.press("Tab");
      reached = (await adder.evaluate(() => document.activeElement?.textContent?.trim())) === "Add row";
    }
    expect(reached, "Add row is reachable with Tab").toBe(true);
    await adder.keyboard.press("Enter");
    await expect.poll(() => adder.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Characteristics or groups, row 1");
    expect(await empty(adder)).toBe(0);

    // The other browser's message goes as the row arrives, live.
    await expect.poll(() => empty(watcher)).toBe(0);
    await expect.poll(() => watcher.getByRole("row").count()).toBe(2);
    await expectAccessible(watcher, "/register with its first row");

    // Undoing the row leaves the register empty again: the message comes back there too.
    await adder.getByRole("button", { name: "Undo my last change" }).click();
    await expect.poll(() => empty(watcher)).toBe(1);
    expect(await grid(watcher)).toBe(0);
    await adder.context().close();
    await watcher.context().close();
  });
});
