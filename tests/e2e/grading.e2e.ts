import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../app/lib/tabular/csv";
import { expectAccessible, launchBrowser, newContext, signIn } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function pageAs(email: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await signIn(page, email);
  return page;
}

/** The visible text of a table's header and body rows, cell by cell. */
async function tableText(page: Page, selector = ".peff-compare-table"): Promise<string[][]> {
  return page
    .locator(selector)
    .first()
    .evaluate((table) =>
      [...(table as HTMLTableElement).rows].map((row) =>
        [...row.cells].map((cell) => {
          const clone = cell.cloneNode(true) as HTMLElement;
          clone.querySelectorAll(".nhsuk-u-visually-hidden, [aria-hidden=true]").forEach((n) => n.remove());
          return (clone.textContent ?? "").trim();
        }),
      ),
    );
}

/** expect.poll with room for a busy machine (its default gives up after one second). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

let assessmentUrl = "";

describe("grading an EDS 2022 assessment end to end", () => {
  it("an equality lead starts, scores, fails to publish early, completes and publishes", { timeout: 240_000 }, async () => {
    const page = await pageAs("luht.lead@peff.example");
    await page.getByRole("link", { name: "Grading", exact: true }).first().click();
    await page.waitForURL(/\/grading$/);
    await expectAccessible(page, "grading list");

    await page.getByRole("link", { name: "Start an assessment" }).click();
    await expectAccessible(page, "new assessment");
    await page.getByRole("button", { name: "Start the assessment" }).click();
    await poll(() => page.locator(".nhsuk-error-summary").textContent()).toMatch(/Select a framework/);
    await expectAccessible(page, "new assessment with errors");
    await page.getByLabel("EDS 2022").check();
    await page.getByLabel("Year", { exact: true }).selectOption({ label: "2025/26" });
    await page.getByLabel("EDS lead").fill("Kwame Mensah");
    await page.getByLabel("Stakeholder panel").check();
    await page.getByRole("button", { name: "Start the assessment" }).click();
    await page.waitForURL(/\/grading\/[0-9a-f-]{36}$/);
    assessmentUrl = new URL(page.url()).pathname;
    expect(await page.locator(".nhsuk-summary-list").first().textContent()).toMatch(/28 February 2026/);
    await expectAccessible(page, "assessment page");

    // Publishing with nothing scored is refused, saying what is missing.
    await page.getByRole("button", { name: "Publish" }).click();
    await poll(() => page.locator(".nhsuk-error-summary").textContent()).toMatch(/cannot be published yet.*Domain 1 needs at least one service/);
    await expectAccessible(page, "assessment with publish refused");

    await page.getByRole("link", { name: "Score outcomes" }).click();
    await expectAccessible(page, "scoring page");
    await page.getByLabel("Service to add").fill("Maternity");
    await page.getByRole("button", { name: "Add service" }).click();
    await poll(() => page.getByLabel("Score for 1A, Maternity").count()).toBe(1);
    await page.getByLabel("Service to add").fill("Emergency department");
    await page.getByRole("button", { name: "Add service" }).click();
    await poll(() => page.getByLabel("Score for 1A, Emergency department").count()).toBe(1);
    const selects = page.locator('select[name^="grade-"]');
    expect(await selects.count()).toBe(8 + 7);
    for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption("2");
    await page.getByLabel("Score for 1A, Emergency department").selectOption("3");
    await page.getByLabel("Rationale").first().fill("Interpreting audit and Healthwatch Enter and View report");
    await expectAccessible(page, "scoring page with services");
    await page.getByRole("button", { name: "Save grades" }).click();
    await page.waitForURL(/done=grades/);
    // Maternity 8, ED 9: median 8.5; D2 8; D3 6; overall 22.5, Achieving.
    const results = await page.locator("#overall").locator("..").textContent();
    expect(results).toMatch(/Median of the 2 service totals \(Maternity 8 and Emergency department 9\) = 8\.5/);
    expect(results).toMatch(/Domain 1 8\.5 \+ Domain 2 8 \+ Domain 3 6 = 22\.5/);
    expect(results).toMatch(/Achieving activity/);
    await expectAccessible(page, "assessment with scores");

    await page.getByRole("button", { name: "Publish" }).click();
    await page.waitForURL(/done=published/);
    await poll(() => page.locator(".nhsuk-notification-banner").textContent()).toMatch(/is published/);

    await page.getByRole("link", { name: /Published summary/ }).click();
    await expectAccessible(page, "published summary");
    const summaryCsv = parseCsv(await (await page.request.get(`${assessmentUrl}/export?format=csv`)).text());
    const onScreen = await tableText(page);
    expect(summaryCsv.slice(0, onScreen.length)).toEqual(onScreen);
    expect(summaryCsv.at(-1)![0]).toMatch(/^Address: /);
    expect(await page.textContent("main")).toMatch(/available in other formats on request/);
    await page.goto(`${assessmentUrl}/history`);
    await expectAccessible(page, "grade history");
    expect(await page.textContent("main")).toMatch(/Kwame Mensah/);
  });
});

describe("comparing as a regional lead", () => {
  it("sees the newly published grades, sorts, drills down and exports exactly what is on screen", { timeout: 180_000 }, async () => {
    const page = await pageAs("regional.lead@peff.example");
    await page.getByRole("link", { name: "Compare", exact: true }).first().click();
    await expectAccessible(page, "compare index");
    await page.getByRole("link", { name: "Organisations by outcome" }).first().click();
    await page.getByLabel("Year").selectOption({ label: "2025/26" });
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/year=2025/);
    const grid = await tableText(page);
    const luht = grid.find((r) => r[0]!.startsWith("Liverpool University Hospitals"))!;
    expect(luht).toContain("2.5 (between Achieving activity and Excelling activity)");
    expect(luht.at(-1)).toBe("22.5 Achieving activity");
    await expectAccessible(page, "compare grid");

    await page.getByRole("link", { name: /Overall score and rating/ }).click();
    await poll(() => page.locator('th[aria-sort="ascending"]').count()).toBe(1);

    const sorted = new URL(page.url());
    const csv = await page.request.get(`/compare/grid/export${sorted.search}&format=csv`);
    expect(csv.headers()["content-type"]).toMatch(/text\/csv/);
    expect(parseCsv(await csv.text())).toEqual(await tableText(page));

    await page.getByRole("link", { name: /^2 Achieving activity/ }).first().click();
    await page.waitForURL(/\/grading\/.+#outcome-/);
    await poll(() => page.textContent("main")).toMatch(/Interpreting audit and Healthwatch Enter and View report/);

    for (const [path, label] of [
      ["/compare/movement", "movement"],
      ["/compare/bands", "bands"],
      ["/compare/coverage", "coverage"],
      ["/compare/spread", "spread"],
    ] as const) {
      await page.goto(path);
      await expectAccessible(page, `compare ${label}`);
      const xlsx = await page.request.get(`${path}/export?format=xlsx`);
      expect(xlsx.headers()["content-type"]).toMatch(/spreadsheetml/);
    }
    expect(await page.textContent("main")).toMatch(/weakest first/);
  });
});

describe("a comparison filter the data cannot hold", () => {
  it("is said on the page, accessibly, with the other filters kept; its download says why it is refused", async () => {
    const page = await pageAs("regional.lead@peff.example");
    await page.goto("/compare/grid?framework=EDS2022&year=99999&orgType=acute_trust");
    await poll(() => page.textContent("main")).toMatch(/“99999” is not a year assessments could cover \(2012\/13 to \d{4}\/\d{2}\): showing \d{4}\/\d{2}, the newest year with published EDS 2022 grades\./);
    expect(await page.getByLabel("Organisation type").inputValue()).toBe("acute_trust");
    await expectAccessible(page, "compare grid with a year it cannot show");
    const download = await page.request.get("/compare/grid/export?framework=EDS2022&year=99999&format=csv");
    expect(download.status()).toBe(400);
    expect(await download.text()).toMatch(/^“99999” is not a year assessments could cover/);
    // The page's own download link asks for the year it shows.
    const href = (await page.getByRole("link", { name: "CSV" }).getAttribute("href"))!;
    expect((await page.request.get(href)).status()).toBe(200);
  });

  it("includes a page of year-on-year movement that is not a whole number", async () => {
    const page = await pageAs("regional.lead@peff.example");
    await page.goto("/compare/movement?page=1.5");
    await poll(() => page.textContent("main")).toMatch(/“1\.5” is not a page number \(pages are whole numbers from 1\): showing page 1\./);
    expect(await page.textContent("main")).not.toMatch(/Page 1\.5/);
    await expectAccessible(page, "compare movement with a page that is not one");
  });
});

describe("an EDS2 assessment with suggested grades", () => {
  it("is accessible to its own equality lead, suggestions and all", async () => {
    const page = await pageAs("luht.lead@peff.example");
    await page.goto("/grading");
    await page.getByRole("link", { name: "EDS2 2020/21" }).click();
    await poll(() => page.getByRole("heading", { name: "Suggested grades" }).count()).toBe(1);
    // The suggestions section and the scrolling table inside it were two regions of one name.
    await expectAccessible(page, "EDS2 assessment with suggestions");
  });
});

describe("downloads that cannot be made", () => {
  it("say why in plain words, not as a server error", async () => {
    const page = await pageAs("luht.lead@peff.example");
    const missing = await page.request.get("/grading/00000000-0000-4000-8000-000000000000/export?format=csv");
    expect(missing.status()).toBe(404);
    expect(await missing.text()).toMatch(/^That assessment does not exist, or you cannot see it/);
    // An equality lead sees the coverage view's explanation, so the download says the same.
    const coverage = await page.request.get("/compare/coverage/export?format=csv");
    expect(coverage.status()).toBe(403);
    expect(await coverage.text()).toMatch(/^Evidence counts across organisations are shown to regional leads and collaborative admins/);
  });
});

describe("peer review and settings", () => {
  it("a peer reviewer sees the assigned draft only and comments", async () => {
    const page = await pageAs("peer.reviewer@peff.example");
    await page.goto("/grading");
    await expectAccessible(page, "grading as peer reviewer");
    await page.getByRole("link", { name: "EDS 2022 2024/25" }).click();
    await page.getByLabel("Comment", { exact: true }).fill("Please add the stroke service to Domain 1.");
    await page.getByRole("button", { name: "Add comment" }).click();
    await page.waitForURL(/done=comment/);
    // The URL changes a moment before the revalidated page is painted: wait for the comment itself.
    await poll(() => page.locator("#peer-review").locator("..").textContent()).toMatch(/Please add the stroke service/);
    await expectAccessible(page, "assessment as peer reviewer");
  });

  it("a collaborative admin chooses the band set", async () => {
    const page = await pageAs("admin@peff.example");
    await page.goto("/grading/settings");
    await expectAccessible(page, "band settings");
    await page.getByLabel(/^Alternative/).check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/done=1/);
    await page.goto("/compare/bands");
    expect(await page.textContent("main")).toMatch(/Achieving activity: 22 to 30/);
    await page.goto("/grading/settings");
    await page.getByLabel(/^Default/).check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/done=1/);
  });
  it("an assessment started by mistake is deleted from its page after a confirmation", async () => {
    const page = await pageAs("alderhey.lead@peff.example");
    await page.goto("/grading/new");
    await page.getByLabel("EDS2").check();
    await page.getByLabel("Year", { exact: true }).selectOption({ label: "2013/14" });
    await page.getByRole("button", { name: "Start the assessment" }).click();
    await page.waitForURL(/\/grading\/[0-9a-f-]{36}$/);
    const url = new URL(page.url()).pathname;
    await page.getByRole("link", { name: "Delete this assessment" }).click();
    await poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Delete this assessment");
    expect(await page.locator(".nhsuk-caption-l").textContent()).toBe("EDS2 2013/14");
    await expectAccessible(page, "delete an assessment");
    await page.getByRole("button", { name: "Delete this assessment" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/grading\?done=deleted/);
    await poll(() => page.locator(".nhsuk-notification-banner").textContent()).toMatch(/Assessment deleted/);
    await expectAccessible(page, "grading list after a delete");
    expect((await page.goto(url))!.status()).toBe(404);
  });
});
