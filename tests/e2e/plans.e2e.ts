import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, newContext, signIn } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function as(email: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await signIn(page, email);
  return page;
}

/** Waits until a live grid (register or plan) is connected and its first state has arrived. */
async function live(page: Page) {
  await expect.poll(() => page.locator("[data-state]").getAttribute("data-state"), { timeout: 15_000 }).toBe("connected");
  await expect.poll(() => page.getByText(/^(Loading the register…|Connecting to the live plan…)/).count(), { timeout: 15_000 }).toBe(0);
}

const cell = (page: Page, row: number, column: string) => page.getByRole("gridcell", { name: `${column}, row ${row}`, exact: true });
/** The collaboration server projects edits into SQL after they settle (under a second). */
const settle = (page: Page) => page.waitForTimeout(1_500);

describe("objective plans", () => {
  it("creates a plan, refusing bad input field by field and keeping what was typed", async () => {
    const page = await as("alderhey.lead@peff.example");
    await page.getByRole("link", { name: "Plans", exact: true }).first().click();
    await page.waitForURL((url) => url.pathname === "/plans");
    await expectAccessible(page, "plans list");
    await page.getByRole("button", { name: "Create a plan" }).click();
    await page.waitForURL((url) => url.pathname === "/plans/new");
    await page.getByLabel("Title").fill("Equality objective plan (browser test)");
    await page.getByLabel("Start of the plan's period").fill("31/02/2025");
    await page.getByLabel("End of the plan's period").fill("March 2029");
    await page.getByRole("button", { name: "Create the plan" }).click();
    await expect.poll(() => page.locator(".nhsuk-error-summary").textContent()).toMatch(/Select the kind of plan.*no day 31/s);
    expect(await page.getByLabel("Title").inputValue()).toBe("Equality objective plan (browser test)");
    await expectAccessible(page, "create a plan with errors");

    await page.getByLabel("Equality objective plan").check();
    await page.getByLabel("Start of the plan's period").fill("1/4/2025");
    await page.getByLabel("Equality objectives").fill("1. To make fair and transparent commissioning decisions\n2. To improve access for Deaf people");
    await page.getByRole("button", { name: "Create the plan" }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await live(page);
    expect(await page.locator("main").textContent()).toMatch(/To improve access for Deaf people/);
    await expectAccessible(page, "an empty plan");

    await page.getByRole("link", { name: "Plan settings" }).click();
    await expectAccessible(page, "plan settings");
    await page.getByLabel("Status 2 means").selectOption("in_progress"); // Green "Complete" no longer means complete
    await page.getByRole("button", { name: "Save the legend" }).click();
    await expect.poll(() => page.locator(".nhsuk-error-summary").textContent()).toMatch(/One status must mean complete/);
    await expectAccessible(page, "plan settings with errors");
    await page.context().close();
  }, 180_000);

  it("pulls a shared barrier into a plan, shows another organisation's change to it, takes it, and rolls the status up", async () => {
    const lead = await as("luht.lead@peff.example");
    // A plan of its own for this test, so demo data does not decide what is already pulled.
    await lead.goto("/plans/new");
    await lead.getByLabel("EDS action plan").check();
    await lead.getByLabel("Title").fill("Browser test plan");
    await lead.getByLabel("Start of the plan's period").fill("1/4/2025");
    await lead.getByLabel("End of the plan's period").fill("31/3/2026");
    await lead.getByRole("button", { name: "Create the plan" }).click();
    await lead.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    const planPath = new URL(lead.url()).pathname;

    await lead.goto("/register/progress");
    await expectAccessible(lead, "register progress");
    const rows = lead.locator("tr[id^='barrier-']");
    const count = await rows.count();
    expect(count).toBeGreaterThan(1);
    const row = rows.nth(count - 1);
    const rowKey = (await row.getAttribute("id"))!.slice("barrier-".length);
    const barrier = (await row.locator("th").textContent())!.trim();
    await row.getByRole("link", { name: /Add to our plan/ }).click();
    await lead.waitForURL((url) => url.pathname === "/plans/pull");
    await expectAccessible(lead, "add to our plan");
    await lead.getByLabel("Browser test plan").check();
    await lead.getByRole("button", { name: "Add to the plan" }).click();
    await lead.waitForURL((url) => url.pathname === planPath);
    await live(lead);
    await expect.poll(() => cell(lead, 1, "Barrier").textContent()).toContain(barrier.slice(0, 30));
    expect(await cell(lead, 1, "Source").textContent()).toMatch(/From the shared register/);
    expect(await cell(lead, 1, "Source").textContent()).not.toMatch(/Source updated/);

    // Another organisation's lead changes the barrier's issue in the shared register.
    const other = await (await newContext(browser)).newPage();
    await signIn(other, "merseycare.lead@peff.example");
    await other.goto("/register");
    await live(other);
    const issue = cell(other, count, "Issue at play");
    await issue.focus();
    await other.keyboard.press("Enter");
    await other.keyboard.press("Control+End");
    await other.keyboard.type(" Changed by Mersey Care.");
    await other.keyboard.press("Escape");
    await expect.poll(() => issue.textContent()).toContain("Changed by Mersey Care.");
    await settle(other);
    await other.context().close();

    // The plan shows "Source updated" with the change, field by field; the lead takes it.
    await lead.reload();
    await live(lead);
    await expect.poll(() => cell(lead, 1, "Source").textContent()).toMatch(/Source updated/);
    await cell(lead, 1, "Source").focus();
    await lead.keyboard.press("Enter");
    await expect.poll(() => cell(lead, 1, "Source").textContent()).toMatch(/Issue at play.*Changed by Mersey Care\./s);
    await expectAccessible(lead, "source updated panel");
    await lead.getByRole("button", { name: "Take the change" }).click();
    await expect.poll(() => cell(lead, 1, "Issue at play").textContent()).toContain("Changed by Mersey Care.");
    await expect.poll(() => cell(lead, 1, "Source").textContent()).not.toMatch(/Source updated/);

    // Link an item of the evidence library to the action.
    await cell(lead, 1, "Evidence").focus();
    await lead.keyboard.press("Enter");
    const picker = lead.getByLabel("An item from the evidence library");
    await picker.selectOption({ index: 1 });
    const chosen = (await picker.locator("option:checked").textContent())!.replace(/ \(.*$/, "");
    await expectAccessible(lead, "evidence link editor");
    await lead.getByRole("button", { name: "Link the item" }).click();
    await lead.keyboard.press("Escape");
    await expect.poll(() => cell(lead, 1, "Evidence").textContent()).toContain(chosen);

    // A first due date, then a move with its reason, and a dated update, all from the keyboard.
    // The server judges both logs (signed as the page signs them; a date moves only with its
    // reason recorded) and closes a connection that breaks the rules: a reload finds them kept.
    const due = cell(lead, 1, "Due date");
    await due.focus();
    await lead.keyboard.press("Enter");
    await lead.keyboard.type("31/12/2025");
    await lead.keyboard.press("Enter");
    await expect.poll(() => due.textContent()).toMatch(/31 December 2025/);
    await due.focus();
    await lead.keyboard.press("Enter");
    await lead.keyboard.press("Control+a");
    await lead.keyboard.type("31/03/2026");
    await lead.keyboard.press("Tab");
    await lead.keyboard.type("Interpreter contract delayed");
    await expectAccessible(lead, "due date editor");
    await lead.keyboard.press("Tab");
    await lead.keyboard.press("Enter");
    await expect.poll(() => due.textContent()).toMatch(/31 March 2026.*Originally 31 December 2025/);
    await cell(lead, 1, "Updates").focus();
    await lead.keyboard.press("Enter");
    await lead.keyboard.type("Update December 2026: contract signed");
    await lead.keyboard.press("Tab");
    await lead.keyboard.press("Enter");
    await lead.keyboard.press("Escape");
    await expect.poll(() => cell(lead, 1, "Updates").textContent()).toContain("contract signed");
    await settle(lead);
    await lead.reload();
    await live(lead);
    await expect.poll(() => cell(lead, 1, "Updates").textContent()).toContain("contract signed");
    await expect.poll(() => due.textContent()).toMatch(/31 March 2026.*Originally 31 December 2025/);
    await due.focus();
    await lead.keyboard.press("Enter");
    await expect.poll(() => lead.locator("main").textContent()).toMatch(/moved from 31 December 2025 to 31 March 2026\. Reason: Interpreter contract delayed/);
    await lead.keyboard.press("Escape");

    // Mark it complete from the keyboard; the roll-up shows it to the regional lead.
    await cell(lead, 1, "Status").focus();
    await lead.keyboard.press("Enter");
    await lead.keyboard.press("ArrowDown");
    await lead.keyboard.press("ArrowDown");
    await lead.keyboard.press("Enter");
    await expect.poll(() => cell(lead, 1, "Status").textContent()).toMatch(/Complete \(green\)/);
    await settle(lead);

    const regional = await as("regional.lead@peff.example");
    await regional.goto("/register/progress");
    const mine = regional.locator(`#barrier-${rowKey}`);
    expect(await mine.getByTestId("rollup-summary").textContent()).toMatch(/complete/);
    await mine.locator("summary").click();
    await expect.poll(() => mine.textContent()).toMatch(/Liverpool University Hospitals[^:]*: Complete/);
    await expectAccessible(regional, "register progress (regional lead)");
    const progress = await regional.request.get(new URL(await regional.getByRole("link", { name: /^Download as CSV/ }).getAttribute("href") ?? "", regional.url()).href);
    expect(await progress.text()).toMatch(/Liverpool University Hospitals NHS FT \(demo\),Complete/);
    await regional.context().close();

    // Published view, export and import pages of the plan.
    await lead.goto(`${planPath}/print`);
    await expect.poll(() => lead.locator("main").textContent()).toMatch(/available in other formats/);
    await expectAccessible(lead, "plan published view");
    const csv = await lead.request.get(`${planPath}/export?format=csv`);
    expect(await csv.text()).toContain("Changed by Mersey Care.");
    await lead.goto(`${planPath}/import`);
    await expectAccessible(lead, "plan import");
    await lead.goto("/plans");
    await expectAccessible(lead, "plans list with plans");
    await lead.goto("/");
    expect(await lead.locator("main").textContent()).toMatch(/Plans: overdue and slipped actions/);
    await lead.context().close();
  }, 240_000);

  it("opens a plan without announcing its actions as someone's changes, and announces a colleague's edit", async () => {
    const viewer = await as("viewer@peff.example");
    await viewer.goto("/plans");
    await viewer.getByRole("link", { name: "Equality objective plan 2024 to 2028" }).first().click();
    await viewer.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    const planPath = new URL(viewer.url()).pathname;
    await live(viewer);
    // The live document's arrival is the page loading, not an edit: screen readers hear nothing.
    await viewer.waitForTimeout(500);
    expect(await viewer.getByTestId("announcer").textContent()).toBe("");
    // A reader is not told that their changes are saved as they type.
    expect(await viewer.getByRole("status").first().textContent()).toBe(
      "Connected: other people's changes appear as they are made. You can read this plan but not change it.",
    );

    const lead = await as("alderhey.lead@peff.example");
    await lead.goto(planPath);
    await live(lead);
    const officer = cell(lead, 1, "Responsible officer");
    await officer.focus();
    await lead.keyboard.press("Enter");
    await lead.keyboard.press("Control+End");
    await lead.keyboard.type(" (acting)");
    await lead.keyboard.press("Escape");
    await expect.poll(() => viewer.getByTestId("announcer").textContent(), { timeout: 10_000 }).toMatch(/changed row 1$/);
    await lead.context().close();
    await viewer.context().close();
  }, 180_000);

  it("follows a link from the register's progress to our action in a plan, landing on that action's row", async () => {
    const lead = await as("luht.lead@peff.example");
    await lead.goto("/register/progress");
    const link = lead.locator("main a", { hasText: /^In Equality objective plan 2024 to 2028/ }).first();
    const key = (await link.getAttribute("href"))!.split("#row-")[1]!;
    // A client-side navigation: the grid mounts already interactive.
    await link.click();
    await lead.waitForURL((url) => url.hash === `#row-${key}`);
    await live(lead);
    await expect.poll(() => lead.evaluate(() => document.activeElement?.closest("tr")?.id)).toBe(`row-${key}`);
    await lead.context().close();
  }, 180_000);

  it("archives a plan while a colleague has it open (their page turns read-only), lists it as archived, restores it, and deletes it (never worked on)", async () => {
    const lead = await as("luht.lead@peff.example");
    await lead.goto("/plans/new");
    await lead.getByLabel("Equality objective plan").check();
    await lead.getByLabel("Title").fill("Equality objectives 2020 to 2024 (browser test)");
    await lead.getByLabel("Start of the plan's period").fill("1/4/2020");
    await lead.getByLabel("End of the plan's period").fill("31/3/2024");
    await lead.getByRole("button", { name: "Create the plan" }).click();
    await lead.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    const planPath = new URL(lead.url()).pathname;
    // Its period is over: the page says what to do next.
    expect(await lead.getByTestId("plan-period-ended").textContent()).toMatch(/period ended on 31 March 2024\. Start the next plan from it/);

    const colleague = await as("contributor@peff.example");
    await colleague.goto(planPath);
    await live(colleague);
    expect(await colleague.getByRole("button", { name: "Add action" }).count()).toBe(1);

    await lead.getByRole("link", { name: "Plan settings" }).click();
    await lead.getByRole("button", { name: "Archive this plan" }).click();
    await lead.waitForURL((url) => url.pathname === "/plans");
    const archived = lead.getByRole("table", { name: "Archived plans of Liverpool University Hospitals NHS FT (demo)" });
    // The address changes a moment before the page is drawn: wait for the table.
    await expect.poll(() => archived.getByRole("link", { name: "Equality objectives 2020 to 2024 (browser test)" }).count()).toBe(1);
    await expectAccessible(lead, "plans list with an archived plan");

    // The colleague's open page, without reloading: read-only, said in words.
    await expect.poll(() => colleague.getByRole("status").first().textContent(), { timeout: 10_000 }).toMatch(/You can read this plan but not change it/);
    expect(await colleague.getByRole("button", { name: "Add action" }).count()).toBe(0);
    await colleague.context().close();

    await lead.goto(planPath);
    expect(await lead.getByTestId("plan-archived").textContent()).toMatch(/archived on .* by Kwame Mensah\. It is kept as it was/);
    await expectAccessible(lead, "an archived plan");
    await lead.getByRole("link", { name: "Restore it in the plan settings" }).click();
    await expect.poll(() => lead.getByRole("button", { name: "Restore this plan" }).count()).toBe(1);
    expect(await lead.getByRole("button", { name: "Save details" }).count()).toBe(0);
    await expectAccessible(lead, "an archived plan's settings");
    await lead.getByRole("button", { name: "Restore this plan" }).click();
    await lead.waitForURL((url) => url.pathname === planPath);
    await live(lead);
    await expect.poll(() => lead.getByTestId("plan-archived").count()).toBe(0);
    expect(await lead.getByRole("button", { name: "Add action" }).count()).toBe(1);

    // Never worked on (only opened): it can be deleted, after a confirmation.
    await lead.getByRole("link", { name: "Plan settings" }).click();
    await lead.getByRole("link", { name: "Delete this plan" }).click();
    await lead.waitForURL((url) => url.pathname === `${planPath}/delete`);
    await expectAccessible(lead, "delete a plan");
    await lead.getByRole("button", { name: "Delete this plan" }).click();
    await lead.waitForURL((url) => url.pathname === "/plans");
    await expect.poll(() => lead.getByRole("heading", { level: 1 }).textContent()).toBe("Plans");
    expect(await lead.getByRole("link", { name: "Equality objectives 2020 to 2024 (browser test)" }).count()).toBe(0);

    // A plan with actions cannot be: the page says so and points to archiving.
    await lead.getByRole("link", { name: "Equality objective plan 2024 to 2028" }).first().click();
    await lead.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await lead.goto(`${new URL(lead.url()).pathname}/delete`);
    expect(await lead.locator("main").textContent()).toMatch(/This plan cannot be deleted: it has been worked on/);
    expect(await lead.getByRole("button", { name: "Delete this plan" }).count()).toBe(0);
    await expectAccessible(lead, "a plan that cannot be deleted");
    await lead.context().close();
  }, 180_000);

  it("starts the next plan from one that ends, taking over its unfinished actions, refusing bad input and keeping what was typed", async () => {
    const lead = await as("luht.lead@peff.example");
    await lead.goto("/plans");
    await lead.getByRole("table", { name: /^Plans of / }).getByRole("link", { name: "Workforce equality plan: six inclusive recruitment actions" }).click();
    await lead.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await lead.getByRole("link", { name: "Plan settings" }).click();
    await lead.getByRole("link", { name: "start the next plan from this one" }).click();
    await lead.waitForURL(/\/plans\/[0-9a-f-]{36}\/next$/);
    const nextPath = new URL(lead.url()).pathname;
    await expect.poll(() => lead.getByRole("heading", { level: 1 }).textContent()).toBe("Start the next plan");
    const carried = Number(/takes over this plan's (\d+) unfinished action/.exec((await lead.locator("main").textContent()) ?? "")?.[1]);
    expect(carried).toBeGreaterThan(0);
    await expectAccessible(lead, "start the next plan");

    await lead.getByLabel("End of the plan's period").fill("31/02/2029");
    await lead.getByRole("button", { name: "Start the next plan" }).click();
    await expect.poll(() => lead.locator(".nhsuk-error-summary").textContent()).toMatch(/Enter a title.*no day 31/s);
    expect(await lead.getByLabel("End of the plan's period").inputValue()).toBe("31/02/2029");
    await expectAccessible(lead, "start the next plan with errors");

    await lead.getByLabel("Title").fill("Workforce equality plan 2027 to 2029 (browser test)");
    await lead.getByLabel("End of the plan's period").fill("31/3/2029");
    await lead.getByLabel(/^Archive ".*" when the new plan is made$/).uncheck();
    await lead.getByRole("button", { name: "Start the next plan" }).click();
    await lead.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await live(lead);
    expect(await lead.getByRole("heading", { level: 1 }).textContent()).toBe("Workforce equality plan 2027 to 2029 (browser test)");
    expect(await lead.locator("main").textContent()).toContain(`${carried} action`);

    // Starting another from the same plan is questioned: it would take over the same actions again.
    await lead.goto(nextPath);
    await expect.poll(() => lead.locator(".nhsuk-warning-callout").textContent()).toMatch(/A plan was already started from this one.*Workforce equality plan 2027 to 2029 \(browser test\), started on/s);
    await expectAccessible(lead, "start the next plan, one already started");
    await lead.getByLabel("Title").fill("A second next plan");
    await lead.getByLabel("End of the plan's period").fill("31/3/2029");
    await lead.getByRole("button", { name: "Start the next plan" }).click();
    await expect.poll(() => lead.locator(".nhsuk-error-summary").textContent()).toMatch(/was already started from this plan: tick the box/);
    expect(await lead.getByLabel("Title").inputValue()).toBe("A second next plan");
    expect(new URL(lead.url()).pathname).toBe(nextPath);
    await lead.context().close();
  }, 180_000);

  it("shows an empty plan's message until the live document gains an action, added from the keyboard, and again once it has none", async () => {
    const lead = await as("alderhey.lead@peff.example");
    await lead.goto("/plans/new");
    await lead.getByLabel("EDS action plan").check();
    await lead.getByLabel("Title").fill("Empty plan (browser test)");
    await lead.getByLabel("Start of the plan's period").fill("1/4/2025");
    await lead.getByLabel("End of the plan's period").fill("31/3/2026");
    await lead.getByRole("button", { name: "Create the plan" }).click();
    await lead.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    const planPath = new URL(lead.url()).pathname;
    await live(lead);
    // A viewer in the same organisation watches; the message tells them who can add actions.
    const viewer = await as("viewer@peff.example");
    await viewer.goto(planPath);
    await live(viewer);
    const empty = (page: Page) => page.getByTestId("plan-empty").count();
    const grid = (page: Page) => page.getByRole("grid").count();
    for (const page of [lead, viewer]) {
      expect(await empty(page)).toBe(1);
      expect(await grid(page)).toBe(0);
    }
    expect(await lead.getByTestId("plan-empty").innerText()).toMatch(/no actions yet\. Add the first with Add action/);
    expect(await viewer.getByTestId("plan-empty").innerText()).toMatch(/no actions yet\. Equality leads and contributors in .+ can add them/);
    await expectAccessible(lead, "an empty plan (editor)");
    await expectAccessible(viewer, "an empty plan (viewer)");

    // The keyboard alone reaches "Add action"; the new action's first cell then has the focus.
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await lead.keyboard.press("Tab");
      reached = (await lead.evaluate(() => document.activeElement?.textContent?.trim())) === "Add action";
    }
    expect(reached, "Add action is reachable with Tab").toBe(true);
    await lead.keyboard.press("Enter");
    await expect.poll(() => lead.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "")).toMatch(/, row 1$/);
    expect(await empty(lead)).toBe(0);

    // The viewer's message goes as the action arrives, live.
    await expect.poll(() => empty(viewer)).toBe(0);
    await expect.poll(() => viewer.getByRole("row").count()).toBe(2);
    await expectAccessible(viewer, "a plan with its first action (viewer)");

    // Undoing the action leaves the plan empty again: the message comes back there too.
    await lead.getByRole("button", { name: "Undo my last change" }).click();
    await expect.poll(() => empty(viewer)).toBe(1);
    expect(await grid(viewer)).toBe(0);
    await lead.context().close();
    await viewer.context().close();
  });
});
