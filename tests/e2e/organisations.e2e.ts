import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, newContext, signIn } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("adding a member organisation", () => {
  it("an admin adds one from the members page, field by field errors keeping what was typed, then invites its equality lead", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "admin@peff.example");
    await page.goto("/members");
    await page.getByRole("link", { name: "Add an organisation" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/organisations/new");
    await expectAccessible(page, "add an organisation");

    await page.getByLabel("Organisation name").fill("Mersey Care NHS FT (demo)");
    await page.getByLabel("ODS code (optional)").fill("RBS!");
    await page.getByRole("button", { name: "Add organisation" }).click();
    await expect.poll(() => page.locator(".nhsuk-error-summary").textContent()).toMatch(/Select the type of organisation/);
    expect(await page.locator(".nhsuk-error-summary").textContent()).toMatch(/Enter an ODS code of letters and numbers only/);
    expect(await page.getByLabel("Organisation name").inputValue()).toBe("Mersey Care NHS FT (demo)");
    expect(await page.getByLabel("ODS code (optional)").inputValue()).toBe("RBS!");
    await expectAccessible(page, "add an organisation with errors");

    // A name already in the collaborative is refused by the name.
    await page.getByLabel("Voluntary, community and social enterprise (VCSE)").check();
    await page.getByLabel("ODS code (optional)").fill("");
    await page.getByRole("button", { name: "Add organisation" }).click();
    await expect.poll(() => page.locator(".nhsuk-error-summary").textContent()).toMatch(/Mersey Care NHS FT \(demo\) is already in this collaborative/);

    await page.getByLabel("Organisation name").fill("Sefton Hospice (browser test)");
    await page.getByLabel("Voluntary, community and social enterprise (VCSE)").check();
    await page.getByRole("button", { name: "Add organisation" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Organisation added");
    await expectAccessible(page, "organisation added");

    await page.getByRole("link", { name: "Invite its equality lead" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/members/invite");
    const chosen = await page.getByLabel("Organisation").evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent);
    expect(chosen).toBe("Sefton Hospice (browser test)");
    expect(await page.getByLabel("Equality lead").isChecked()).toBe(true);
    await expectAccessible(page, "invite form preselected");
  });

  it("is not offered to an equality lead, and refused if asked for", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "luht.lead@peff.example");
    await page.goto("/members");
    expect(await page.getByRole("link", { name: "Add an organisation" }).count()).toBe(0);
    const answer = await page.goto("/organisations/new");
    expect(answer?.status()).toBe(403);
    await expectAccessible(page, "add an organisation, refused");
  });
});

describe("an organisation's details", () => {
  it("its equality lead changes them from the members page, field by field errors keeping what was typed", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "cvs.lead@peff.example");
    await page.goto("/members");
    await page.getByRole("link", { name: /Change its details/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/organisations\/[0-9a-f-]{36}\/edit$/);
    await expectAccessible(page, "change an organisation's details");

    await page.getByLabel("Email address (optional)").fill("not an email");
    await page.getByLabel("Phone number (optional)").fill("call me");
    await page.getByLabel("ODS code (optional)").fill("R B S!");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect.poll(() => page.locator(".nhsuk-error-summary").textContent()).toMatch(/Enter a phone number/);
    expect(await page.locator(".nhsuk-error-summary").textContent()).toMatch(/Enter an email address in the correct format/);
    expect(await page.locator(".nhsuk-error-summary").textContent()).toMatch(/Enter an ODS code of letters and numbers only/);
    expect(await page.getByLabel("Phone number (optional)").inputValue()).toBe("call me");
    await expectAccessible(page, "change an organisation's details with errors");

    await page.getByLabel("Email address (optional)").fill("equality@cvs.example");
    await page.getByLabel("Phone number (optional)").fill("0151 555 0100");
    await page.getByLabel("ODS code (optional)").fill("");
    await page.getByLabel("Address (optional)", { exact: true }).fill("1 Browser Test Street\nLiverpool");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect.poll(() => page.locator(".nhsuk-notification-banner--success").textContent()).toMatch(/details were saved/);
    expect(await page.getByLabel("Phone number (optional)").inputValue()).toBe("0151 555 0100");
    await expectAccessible(page, "organisation details saved");
  });

  it("anyone else is told who can change them", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "viewer@peff.example");
    await page.goto("/");
    const link = page.getByRole("table").getByRole("link").first();
    const name = (await link.textContent())!;
    await link.click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(name);
    expect(await page.getByTestId("who-can-edit").textContent()).toContain(`Only ${name}'s equality lead or a collaborative admin can change its details`);
    expect(await page.getByRole("button", { name: "Save details" }).count()).toBe(0);
    await expectAccessible(page, "organisation details, read only");
  });
});
