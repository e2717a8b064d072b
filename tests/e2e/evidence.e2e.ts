import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePdf } from "../support/pdf";
import { expectAccessible, launchBrowser, newContext, signIn } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const word = `quokka${Date.now().toString(36)}`;
/** A valid 1x1 PNG: an attachment with no text for the share check to read. */
const ONE_PIXEL_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
let itemUrl = "";

async function heading(page: Page) {
  return page.getByRole("heading", { level: 1 }).textContent();
}

describe("the evidence library in a browser", () => {
  it("an equality lead adds an item with a PDF, tags a finding from the keyboard and shares it with a redaction", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "luht.lead@peff.example");
    await page.getByRole("link", { name: "Evidence", exact: true }).first().click();
    await expect.poll(() => heading(page)).toBe("Evidence");
    await expectAccessible(page, "evidence list");

    await page.getByRole("link", { name: "Add evidence" }).click();
    await expect.poll(() => heading(page)).toBe("Add evidence");
    await expectAccessible(page, "add evidence");
    // Errors are shown by field and what was typed is kept.
    await page.getByLabel("Summary").fill("Raised at the panel. Contact: panel.member@example.org");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: Add evidence/);
    expect(await page.getByLabel("Summary").inputValue()).toBe("Raised at the panel. Contact: panel.member@example.org");
    await expectAccessible(page, "add evidence with errors");
    await page.getByLabel("Title").fill(`Discharge experience ${word}`);
    await page.getByLabel("Type").selectOption({ label: "Meeting note" });
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.waitForURL(/\/evidence\/[0-9a-f-]{36}\?done=created/);
    await expect.poll(() => page.title()).toBe(`Discharge experience ${word} – PEFF equality intelligence`);
    itemUrl = new URL(page.url()).pathname;
    await expectAccessible(page, "evidence item");

    await page.locator("#file").setInputFiles({ name: "Mrs_Okafor_panel-notes.pdf", mimeType: "application/pdf", buffer: makePdf([`Patients asked about the ${word} leaflet.`, "Call 0151 496 0000 for details."]) });
    await page.getByRole("button", { name: "Upload file" }).click();
    await page.waitForURL(/done=attached/);
    // The URL changes before the page re-renders: wait for the content.
    await expect.poll(() => page.getByRole("link", { name: "Mrs_Okafor_panel-notes.pdf", exact: true }).count()).toBe(1);

    await page.getByLabel("Finding", { exact: true }).fill("No BSL interpreter was booked for the discharge meeting.");
    await page.getByRole("button", { name: "Add finding" }).click();
    await page.waitForURL(/done=finding/);

    // Type-ahead from the keyboard: type, arrow to the option, Enter adds it as a chip.
    const picker = page.getByRole("combobox", { name: "Tags for this finding" });
    await picker.focus();
    await page.keyboard.type("deaf");
    await expect.poll(() => page.getByRole("option").first().textContent()).toMatch(/D\/deaf people and BSL users/);
    await page.keyboard.press("Enter");
    await page.keyboard.type("1A");
    await page.keyboard.press("Enter");
    await expectAccessible(page, "item with the tag picker open");
    await page.locator("#finding-tags-1").press("Tab"); // leave the picker
    await page.locator(`li[id^="finding-"]`).getByRole("button", { name: "Save tags" }).click();
    await page.waitForURL(/done=tagged/);
    const finding = page.locator(`li[id^="finding-"]`).first();
    await expect.poll(() => finding.textContent()).toMatch(/D\/deaf people and BSL users.*by Kwame Mensah/);
    await expect.poll(() => finding.textContent()).toMatch(/EDS 2022 1A/);

    await page.getByRole("link", { name: "Share with the collaborative" }).click();
    await expect.poll(() => heading(page)).toBe("Share with the collaborative");
    await expectAccessible(page, "share");
    // Submitting without decisions asks for each one.
    await page.getByRole("button", { name: "Share with the collaborative" }).click();
    await expect.poll(() => page.locator(".nhsuk-error-summary").textContent()).toMatch(/Choose whether to redact or keep this email address/);
    await expectAccessible(page, "share with errors");
    const legends = await page.locator("legend").allTextContents();
    expect(legends.some((l) => /email address in summary/.test(l))).toBe(true);
    expect(legends.some((l) => /phone number in text of mrs_okafor_panel-notes\.pdf/.test(l))).toBe(true);
    // A name in a file's name: redact it from the name, remove the file, or keep it.
    expect(legends.some((l) => /name after a title in name of file 1/.test(l))).toBe(true);
    expect(await page.getByLabel("Remove the file").count()).toBe(1);
    for (const redact of await page.getByLabel("Redact it").all()) await redact.check();
    await page.getByRole("button", { name: "Share with the collaborative" }).click();
    await page.waitForURL(/done=shared/);
    await expect.poll(() => page.locator("main").textContent()).toMatch(/\[redacted email address\]/);
    await expect.poll(() => page.locator("main").textContent()).toMatch(/\[redacted name after a title\]_panel-notes\.pdf/);
    const history = await page.locator("section[aria-labelledby=history] table").textContent();
    expect(history).toMatch(/Redacted personal data.*email address in Summary/);
    expect(history).toMatch(/Shared with the collaborative/);
  }, 180_000);

  it("a tag added with Enter closes the list, so the Save tags click beneath it saves rather than adding another tag", async () => {
    // The list stayed open after Enter and lay over "Save tags": a mouse user's click on the button
    // landed on an option (EDS2 1.1) and added it instead of saving.
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "contributor@peff.example");
    await page.goto("/evidence/new");
    await page.getByLabel("Title").fill(`Tag clicks ${word}`);
    await page.getByLabel("Type").selectOption({ label: "Meeting note" });
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.waitForURL(/done=created/);
    const picker = page.getByRole("combobox", { name: "Tags for the item" });
    await picker.click();
    await page.keyboard.type("race");
    await page.keyboard.press("Enter");
    await expect.poll(() => picker.getAttribute("aria-expanded")).toBe("false");
    // A real click where the button is, as a person makes it (no waiting for the list to move).
    const box = (await page.getByRole("button", { name: "Save tags" }).first().boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(/done=tagged/);
    // The tags as saved (not the picker's chips or options).
    const saved = page.locator("section[aria-labelledby='tags'] .peff-tag-list > li");
    await expect.poll(() => saved.allTextContents()).toEqual([expect.stringMatching(/^Protected characteristic Race by /)]);
    // Clicking in the box opens the list again for the next tag.
    await page.getByRole("combobox", { name: "Tags for the item" }).click();
    await expect.poll(() => page.getByRole("combobox", { name: "Tags for the item" }).getAttribute("aria-expanded")).toBe("true");
    // A new theme, once saved, is shown in the picker as the theme it now is, not still as "New: ...".
    await page.keyboard.type("Discharge letters");
    await page.keyboard.press("Enter");
    await page.getByRole("combobox", { name: "Tags for the item" }).press("Tab");
    await page.getByRole("button", { name: "Save tags" }).first().click();
    await expect.poll(() => saved.count()).toBe(2);
    const chips = page.getByRole("list", { name: "Selected: Tags for the item" });
    await expect.poll(() => chips.textContent()).toMatch(/Theme Discharge letters/);
    expect(await chips.textContent()).not.toMatch(/New: /);
  });

  it("a theme name the personal-data check flags is saved once the person confirms it is not about a person", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "contributor@peff.example");
    await page.goto("/evidence/new");
    await page.getByLabel("Title").fill(`Mortality indicators ${word}`);
    await page.getByLabel("Type").selectOption({ label: "Data return" });
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.waitForURL(/done=created/);
    const theme = `Dr Foster reports ${word}`;
    const picker = page.getByRole("combobox", { name: "Tags for the item" });
    await picker.click();
    await page.keyboard.type(theme);
    await page.keyboard.press("Enter");
    await picker.press("Tab");
    await page.getByRole("button", { name: "Save tags" }).first().click();
    await expect.poll(() => page.locator(".nhsuk-error-summary").textContent()).toMatch(/may contain personal data \(name after a title\)/);
    await expectAccessible(page, "a flagged theme name, with its confirmation box");
    // The chip typed is still there, and the box names the theme it confirms.
    await expect.poll(() => page.getByRole("list", { name: "Selected: Tags for the item" }).textContent()).toContain(`New: ${theme}`);
    await page.getByLabel(`This theme name is not about a person: “${theme}”`).check();
    await page.getByRole("button", { name: "Save tags" }).first().click();
    await page.waitForURL(/done=tagged/);
    const saved = page.locator("section[aria-labelledby='tags'] .peff-tag-list > li");
    await expect.poll(() => saved.allTextContents()).toEqual([expect.stringContaining(theme)]);
  });

  it("a file with no readable text must be looked at before sharing: the choice is made from the keyboard", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "alderhey.lead@peff.example");
    await page.goto("/evidence/new");
    await page.getByLabel("Title").fill(`Ward poster ${word}`);
    await page.getByLabel("Type").selectOption({ label: "Meeting note" });
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.waitForURL(/\/evidence\/[0-9a-f-]{36}\?done=created/);
    // A picture: the upload accepts it, and no text can be read from it to check.
    await page.locator("#file").setInputFiles({ name: "ward-poster.png", mimeType: "image/png", buffer: ONE_PIXEL_PNG });
    await page.getByRole("button", { name: "Upload file" }).click();
    await page.waitForURL(/done=attached/);
    await expect.poll(() => page.getByRole("link", { name: "ward-poster.png", exact: true }).count()).toBe(1);

    await page.getByRole("link", { name: "Share with the collaborative" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 2, name: "Files we could not check" }).count()).toBe(1);
    expect(await page.locator("legend").allTextContents()).toContain("Could not be checked: ward-poster.png");
    await expectAccessible(page, "share with a file we could not check");
    // Sharing without a choice for the file asks for one, on the file's own control.
    await page.getByRole("button", { name: "Share with the collaborative" }).click();
    await expect.poll(() => page.locator(".nhsuk-error-summary").textContent()).toMatch(/Confirm that you have looked at ward-poster\.png and it can be shared, or remove it/);
    await expectAccessible(page, "share with a file we could not check, with errors");
    // From the keyboard: from the file's download link, Tab reaches the choice; Space picks it; Tab, Enter shares.
    await page.getByRole("link", { name: "Download ward-poster.png" }).focus();
    await page.keyboard.press("Tab");
    const looked = page.getByLabel("I have looked at it: it has no personal data, or only what may be shared");
    await expect.poll(() => looked.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Space");
    expect(await looked.isChecked()).toBe(true);
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Share with the collaborative");
    await page.keyboard.press("Enter");
    await page.waitForURL(/done=shared/);
    // Looked at and shared as it is: the file stays on the item, and the history says it was looked at.
    await expect.poll(() => page.getByRole("link", { name: "ward-poster.png", exact: true }).count()).toBe(1);
    expect(await page.locator("section[aria-labelledby=history] table").textContent()).toMatch(/Shared with the collaborative.*1 file the check could not read, looked at and shared/);
    await expectAccessible(page, "item shared after looking at its file");
  }, 180_000);

  it("a user of another organisation finds it by a word inside the PDF and reads it, redacted and read-only", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "merseycare.lead@peff.example");
    await page.goto(`/evidence?q=${word}+leaflet`);
    await expect.poll(() => page.getByTestId("result-count").textContent()).toMatch(/^1 item/);
    expect(await page.locator(".peff-snippet mark").first().textContent()).toBe(word);
    await expectAccessible(page, "search results");
    await page.getByRole("link", { name: `Discharge experience ${word}` }).click();
    await page.waitForURL((u) => u.pathname === itemUrl);
    await expect.poll(() => heading(page)).toBe(`Discharge experience ${word}`);
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toMatch(/Read only: shared by Liverpool University Hospitals/);
    expect(main).not.toMatch(/panel\.member@example\.org|0151 496 0000|Okafor/);
    expect(await page.getByRole("link", { name: "Edit details" }).count()).toBe(0);
    expect(await page.getByRole("combobox").count()).toBe(0);
    // The original file stays with its owner once its text was redacted.
    expect(await page.getByRole("link", { name: "panel-notes.pdf" }).count()).toBe(0);
    await expectAccessible(page, "shared item as another organisation");
  }, 120_000);

  it("coverage, sources and import pages are accessible; import lists bad rows by line and imports nothing", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "regional.lead@peff.example");
    await page.goto("/evidence/coverage");
    await expect.poll(() => heading(page)).toBe("Evidence coverage");
    expect(await page.getByRole("table").count()).toBe(2);
    await expectAccessible(page, "coverage for a regional lead");
    await page.goto("/evidence/sources");
    await expectAccessible(page, "sources");

    const lead = await (await newContext(browser)).newPage();
    await signIn(lead, "contributor@peff.example");
    // A source added with a typo is corrected on its own page; a wrong field keeps what was typed.
    await lead.goto("/evidence/sources");
    await lead.getByLabel("Name").fill(`Healthwatch Sefon ${word}`);
    await lead.getByLabel("Kind").selectOption({ label: "Healthwatch" });
    await lead.getByRole("button", { name: "Add source" }).click();
    await lead.waitForURL(/done=added/);
    await lead.getByRole("link", { name: `Change Healthwatch Sefon ${word}` }).click();
    await expect.poll(() => heading(lead)).toBe("Change a source");
    await expectAccessible(lead, "change a source");
    await lead.getByLabel("Name").fill("");
    await lead.getByLabel("Area covered (optional)").fill("Sefton");
    await lead.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => lead.locator(".nhsuk-error-summary").count()).toBe(1);
    expect(await lead.getByLabel("Area covered (optional)").inputValue()).toBe("Sefton");
    await expectAccessible(lead, "change a source, with errors");
    await lead.getByLabel("Name").fill(`Healthwatch Sefton ${word}`);
    await lead.getByRole("button", { name: "Save changes" }).click();
    await lead.waitForURL(/done=saved/);
    await expect.poll(() => lead.getByRole("row", { name: new RegExp(`Healthwatch Sefton ${word}`) }).textContent()).toMatch(/Sefton/);
    await lead.goto("/evidence/import");
    await expectAccessible(lead, "import");
    const other = `imp${word}`;
    const csv = ["Title,Type,Date", `Tracker row ${other},Report,01/02/2024`, ",Survey,", `Bad date ${other},Report,31/02/2024`].join("\n");
    await lead.locator("#import-file").setInputFiles({ name: "tracker.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await lead.getByRole("button", { name: "Upload and match columns" }).click();
    await expect.poll(() => lead.getByLabel("Title").inputValue()).toBe("Title");
    await expectAccessible(lead, "import: match columns");
    await lead.getByRole("button", { name: "Check the rows" }).click();
    await expect.poll(() => lead.getByTestId("import-errors").textContent()).toMatch(/Line 3: Title is empty.*Line 4: Date published “31\/02\/2024” is not a date/);
    await expectAccessible(lead, "import: preview with errors");
    await lead.goto(`/evidence?q=${other}`);
    await expect.poll(() => lead.getByTestId("result-count").textContent()).toMatch(/^No evidence found/);
    await expectAccessible(lead, "empty search");
  }, 180_000);

  it("import shows each row's findings as they will be stored, and a file refused only for a flagged theme name imports once it is confirmed", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "contributor@peff.example");
    const theme = `Dr Foster imports ${word}`;
    const csv = ["Title,Type,Findings,Finding themes", `Imported tracker ${word},Report,"1. Ramps missing\nat the back\n2. No loop","2. ${theme}"`].join("\n");
    await page.goto("/evidence/import");
    await page.locator("#import-file").setInputFiles({ name: "tracker.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Upload and match columns" }).click();
    await expect.poll(() => page.getByLabel("Title").inputValue()).toBe("Title");
    await page.getByRole("button", { name: "Check the rows" }).click();
    await expect.poll(() => page.getByTestId("import-errors").textContent()).toMatch(/Line 2: Finding 2: The theme “Dr Foster imports .*tick its box below/);
    await expectAccessible(page, "import: a flagged theme name, with its confirmation box");
    await page.getByRole("button", { name: "Import 1 item" }).click();
    await expect.poll(() => page.locator("#theme-confirmations-error").textContent()).toMatch(/Tick the box for each theme name/);
    await expectAccessible(page, "import: the confirmation box not ticked");
    await page.getByLabel(`This theme name is not about a person: “${theme}”`).check();
    await page.getByRole("button", { name: "Import 1 item" }).click();
    await expect.poll(() => page.locator("main").textContent()).toMatch(/1 item imported/);
    // The item's history says who confirmed which name.
    await page.goto(`/evidence?q=${encodeURIComponent(`imported tracker ${word}`)}`);
    await page.getByRole("link", { name: `Imported tracker ${word}` }).click();
    const history = page.locator('section[aria-labelledby="history"]');
    await expect.poll(() => history.textContent()).toMatch(new RegExp(`Confirmed a theme name is not about a personOn a finding: “${theme}”`));
    await expectAccessible(page, "an imported item with a confirmed theme name in its history");

    // A file with no problem shows its findings split, each with its kind and tags, and its
    // recommendations with whom each is addressed to (by the collaborative's name for them).
    const org = "Liverpool University Hospitals NHS FT (demo)";
    const again = [
      "Title,Type,Findings,Finding kinds,Finding themes,Recommendations,Recommendation addressed to,Recommendation response due",
      `Imported again ${word},Report,"1. Ramps missing\nat the back\n2. No loop",1. Quote,"2. ${theme}","Fit a loop\nBook interpreters",2. ${org.toLowerCase()},1. 31/03/2027`,
    ].join("\n");
    await page.goto("/evidence/import");
    await page.locator("#import-file").setInputFiles({ name: "tracker.csv", mimeType: "text/csv", buffer: Buffer.from(again) });
    await page.getByRole("button", { name: "Upload and match columns" }).click();
    await expect.poll(() => page.getByLabel("Title").inputValue()).toBe("Title");
    await page.getByRole("button", { name: "Check the rows" }).click();
    const findings = page.getByRole("table").getByRole("list").first();
    await expect.poll(() => findings.locator(":scope > li").allInnerTexts()).toEqual(["Ramps missing\nat the back\nKind: Quote", `No loop\nThemes: ${theme}`]);
    const recommendations = page.getByRole("table").locator("td ol").nth(1);
    await expect.poll(() => recommendations.locator(":scope > li").allInnerTexts()).toEqual(["Fit a loop\nResponse due: 31 March 2027", `Book interpreters\nAddressed to: ${org}`]);
    await expectAccessible(page, "import: findings and recommendations as they will be stored");
  }, 180_000);

  it("a search matching more than 1,000 items says so, pages through the first 1,000 and says where pages stop", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "contributor@peff.example");
    const many = `many${word}`;
    const csv = ["Title,Type,Date", ...Array.from({ length: 1001 }, (_, i) => `Tracker row ${i} about ${many},Report,01/02/2024`)].join("\n");
    await page.goto("/evidence/import");
    await page.locator("#import-file").setInputFiles({ name: "tracker.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Upload and match columns" }).click();
    await expect.poll(() => page.getByLabel("Title").inputValue()).toBe("Title");
    await page.getByRole("button", { name: "Check the rows" }).click();
    await page.getByRole("button", { name: "Import 1001 items" }).click();
    await expect.poll(() => page.locator("main").textContent(), { timeout: 60_000 }).toMatch(/1001 items imported/);

    await page.goto(`/evidence?q=${many}`);
    await expect.poll(() => page.getByTestId("result-count").textContent()).toBe(`More than 1,000 items for “${many}”, page 1 of 50`);
    const bound = (await page.getByTestId("result-bound").textContent()) ?? "";
    expect(bound).toMatch(/More than 1,000 items match; only the first 1,000 are listed here \(50 pages\)\. Refine the search/);
    expect(bound).toMatch(/The best matches are chosen from the 200 most recent/);
    expect(await page.locator(".peff-result").count()).toBe(20);
    await expectAccessible(page, "capped search results");
    await page.goto(`/evidence?q=${many}&page=50`);
    await expect.poll(() => page.getByTestId("result-count").textContent()).toMatch(/page 50 of 50$/);
    expect(await page.locator(".peff-result").count()).toBe(20);
    expect(await page.getByRole("link", { name: /Next/ }).count()).toBe(0);
    await page.goto(`/evidence?q=${many}&page=51`);
    await expect.poll(() => page.getByTestId("past-end").textContent()).toBe("Pages stop at 50. Go to page 50");
    expect(await page.locator(".peff-result").count()).toBe(0);
    await expectAccessible(page, "past the last counted page");
  }, 180_000);
  it("an item added by mistake is deleted from its page after a confirmation, from the keyboard", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "contributor@peff.example");
    await page.goto("/evidence/new");
    await page.getByLabel("Title").fill(`Added twice ${word}`);
    await page.getByLabel("Type").selectOption({ label: "Meeting note" });
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.waitForURL(/\/evidence\/[0-9a-f-]{36}\?done=created/);
    const url = new URL(page.url()).pathname;
    await page.getByLabel("Finding", { exact: true }).fill("Entered by mistake.");
    await page.getByRole("button", { name: "Add finding" }).click();
    await page.waitForURL(/done=finding/);

    await page.getByRole("link", { name: "Delete this item" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => heading(page)).toBe("Delete this evidence item");
    expect(await page.locator("main").textContent()).toMatch(/The item, its 1 finding and its history will be deleted/);
    await expectAccessible(page, "delete an evidence item");
    await page.getByRole("button", { name: "Delete this item" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/evidence\?done=deleted/);
    await expect.poll(() => page.locator(".nhsuk-notification-banner").textContent()).toMatch(/Evidence item deleted/);
    await expectAccessible(page, "evidence list after a delete");
    expect((await page.goto(url))!.status()).toBe(404);
  }, 180_000);
  it("a finding, a recommendation and a file added by mistake are corrected or removed on their own pages", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "contributor@peff.example");
    await page.goto("/evidence/new");
    await page.getByLabel("Title").fill(`Corrections ${word}`);
    await page.getByLabel("Type").selectOption({ label: "Meeting note" });
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.waitForURL(/\/evidence\/[0-9a-f-]{36}\?done=created/);
    await page.getByLabel("Finding", { exact: true }).fill("No hearing loop at recepton.");
    await page.getByRole("button", { name: "Add finding" }).click();
    await page.waitForURL(/done=finding/);
    await page.getByLabel("Recommendation", { exact: true }).fill("Fit a hearing loop");
    await page.getByRole("button", { name: "Add recommendation" }).click();
    await page.waitForURL(/done=recommendation/);
    await page.locator("#file").setInputFiles({ name: "wrong-poster.png", mimeType: "image/png", buffer: ONE_PIXEL_PNG });
    await page.getByRole("button", { name: "Upload file" }).click();
    await page.waitForURL(/done=attached/);
    await expect.poll(() => page.getByRole("link", { name: "wrong-poster.png", exact: true }).count()).toBe(1);

    // A typo in a finding: an error keeps the page, then the correction is saved.
    await page.getByRole("link", { name: "Edit finding 1" }).click();
    await expect.poll(() => heading(page)).toBe("Edit finding 1");
    expect(await page.getByLabel("Finding", { exact: true }).inputValue()).toBe("No hearing loop at recepton.");
    await expectAccessible(page, "edit a finding");
    await page.getByLabel("Finding", { exact: true }).fill("");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => page.locator(".nhsuk-error-summary").textContent()).toMatch(/Enter the finding/);
    await expectAccessible(page, "edit a finding, with errors");
    await page.getByLabel("Finding", { exact: true }).fill("No hearing loop at reception.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(/done=findingSaved/);
    await expect.poll(() => page.locator("section[aria-labelledby=findings]").textContent()).toMatch(/No hearing loop at reception\./);

    // A recommendation entered by mistake: what was typed stays after an error, then it is removed.
    await page.getByRole("link", { name: "Edit the recommendation “Fit a hearing loop”" }).click();
    await expect.poll(() => heading(page)).toBe("Edit a recommendation");
    await expectAccessible(page, "edit a recommendation");
    await page.getByLabel("Recommendation", { exact: true }).fill("");
    await page.getByLabel("Response (optional)").fill("Discussed at the board");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => page.locator(".nhsuk-error-summary").textContent()).toMatch(/Enter the recommendation/);
    expect(await page.getByLabel("Response (optional)").inputValue()).toBe("Discussed at the board");
    await expectAccessible(page, "edit a recommendation, with errors");
    await page.getByRole("button", { name: "Remove this recommendation" }).click();
    await page.waitForURL(/done=recommendationRemoved/);
    await expect.poll(() => page.locator("section[aria-labelledby=recommendations]").textContent()).toMatch(/No recommendations recorded/);

    // A file attached by mistake: removed after a confirmation.
    await page.getByRole("link", { name: "Remove wrong-poster.png" }).click();
    await expect.poll(() => heading(page)).toBe("Remove this file");
    await expectAccessible(page, "remove a file");
    await page.getByRole("button", { name: "Remove this file" }).click();
    await page.waitForURL(/done=fileRemoved/);
    await expect.poll(() => page.getByRole("link", { name: "wrong-poster.png" }).count()).toBe(0);
    const history = await page.locator("section[aria-labelledby=history] table").textContent();
    expect(history).toMatch(/Changed a finding.*Changed: wording.*Removed a recommendation.*Removed a file/);
    await expectAccessible(page, "item after corrections");
  }, 180_000);
  it("a recommendation to another organisation is answered by it, from its list, field by field", async () => {
    const owner = await (await newContext(browser)).newPage();
    await signIn(owner, "luht.lead@peff.example");
    await owner.goto("/evidence/new");
    await owner.getByLabel("Title").fill(`Reception visit ${word}`);
    await owner.getByLabel("Type").selectOption({ label: "Meeting note" });
    await owner.getByRole("button", { name: "Save and continue" }).click();
    await owner.waitForURL(/done=created/);
    await owner.getByLabel("Recommendation", { exact: true }).fill(`Offer BSL interpreters at reception ${word}`);
    await owner.getByLabel("Addressed to").selectOption({ label: "Alder Hey Children's NHS FT (demo)" });
    await owner.getByLabel("Response due").fill("2020-01-31");
    await owner.getByRole("button", { name: "Add recommendation" }).click();
    await owner.waitForURL(/done=recommendation/);
    await owner.getByRole("link", { name: "Share with the collaborative" }).click();
    await owner.getByRole("button", { name: "Share with the collaborative" }).click();
    await owner.waitForURL(/done=shared/);

    const addressed = await (await newContext(browser)).newPage();
    await signIn(addressed, "alderhey.lead@peff.example");
    // Home says something awaits an answer.
    await expect.poll(() => addressed.getByTestId("home-recommendations").textContent()).toMatch(/response overdue/);
    await addressed.goto("/evidence");
    await addressed.getByRole("link", { name: "Recommendations to us" }).click();
    await expect.poll(() => heading(addressed)).toBe("Recommendations to your organisation");
    const row = addressed.getByRole("row").filter({ hasText: `Offer BSL interpreters at reception ${word}` });
    await expect.poll(() => row.textContent()).toMatch(/Response overdue.*Not answered yet/);
    await expectAccessible(addressed, "recommendations to your organisation");
    await row.getByRole("link", { name: `Offer BSL interpreters at reception ${word}` }).click();
    await expect.poll(() => addressed.getByRole("heading", { level: 2, name: "Answer it" }).count()).toBe(1);
    await expectAccessible(addressed, "a recommendation to answer");
    const typed = "Interpreters are booked through the new video service, on 0161 496 0000.";
    await addressed.getByLabel("Your response").fill(typed);
    await addressed.getByRole("button", { name: "Record the answer" }).click();
    await expect.poll(() => addressed.locator(".nhsuk-error-summary").textContent()).toMatch(/Choose whether your organisation accepts the recommendation/);
    expect(await addressed.getByLabel("Your response").inputValue()).toBe(typed);
    await expectAccessible(addressed, "a recommendation to answer, with errors");
    // From the keyboard: the first choice, then Space.
    await addressed.getByLabel("Accepted", { exact: true }).focus();
    await addressed.keyboard.press("Space");
    await addressed.getByRole("button", { name: "Record the answer" }).click();
    // The phone number is personal data until someone says otherwise, as when sharing.
    await expect.poll(() => addressed.locator(".nhsuk-error-summary").textContent()).toMatch(/Your response may contain personal data \(phone number\)/);
    expect(await addressed.locator("#body-error").textContent()).toMatch(/choose whether to redact or keep it below, or change your response/);
    expect(await addressed.getByLabel("Your response").inputValue()).toBe(typed);
    expect(await addressed.locator("legend").allTextContents()).toContain("1. Possible phone number in your response");
    await expectAccessible(addressed, "a recommendation to answer, with possible personal data");
    await addressed.getByLabel("Keep it: not personal data").check();
    await addressed.getByRole("button", { name: "Record the answer" }).click();
    await addressed.waitForURL(/done=answered/);
    await expect.poll(() => addressed.locator("main").textContent()).toMatch(/Accepted \(current\)Interpreters are booked/);
    expect(await addressed.locator("main").textContent()).toMatch(/Checked for personal data: 1 kept as not personal\./);

    // The item's owner sees the answer on the item.
    await owner.reload();
    await expect.poll(() => owner.locator("section[aria-labelledby=recommendations]").textContent()).toMatch(/Accepted \(Alder Hey Children's NHS FT \(demo\), .*\): Interpreters are booked/);
    await expectAccessible(owner, "item with an answered recommendation");
  }, 180_000);
});
