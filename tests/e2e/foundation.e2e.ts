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

describe("signing in and the shell", () => {
  it("sign-in page is accessible, reports errors by field and keeps the email typed", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/sign-in");
    await expectAccessible(page, "sign-in");
    // "Error: " leads the title only while the page shows errors.
    expect(await page.title()).toBe("Sign in – PEFF equality intelligence");
    // Someone who forgot their password is told who can help.
    expect(await page.getByRole("heading", { name: "Forgotten your password?" }).count()).toBe(1);
    await page.getByLabel("Email address").fill("admin@peff.example");
    await page.getByLabel("Password", { exact: true }).fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.title()).toBe("Error: Sign in – PEFF equality intelligence");
    await expect.poll(() => page.locator(".nhsuk-error-summary").textContent()).toMatch(/Enter a correct email address and password/);
    expect(await page.getByLabel("Email address").inputValue()).toBe("admin@peff.example");
    await expectAccessible(page, "sign-in with errors");
    await page.getByLabel("Password", { exact: true }).fill("demo-password-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => new URL(page.url()).pathname).not.toBe("/sign-in");
    await expect.poll(() => page.title()).toBe("Home – PEFF equality intelligence");
    // Signing in left a device cookie beside the session's: out of scripts' reach, for 180 days.
    const device = (await context.cookies()).find((c) => c.name === "peff_device");
    expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(device!.expires * 1000 - Date.now()).toBeGreaterThan(179 * 86_400_000);
  });

  it("signs in from the keyboard alone and shows the collaborative and its members", async () => {
    const page = await (await newContext(browser)).newPage();
    const cspViolations: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await page.goto("/sign-in");
    await page.keyboard.press("Tab"); // skip link
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/Skip to main content/);
    await page.getByLabel("Email address").focus();
    await page.keyboard.type("luht.lead@peff.example");
    await page.keyboard.press("Tab");
    await page.keyboard.type("demo-password-2026");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Cheshire and Merseyside PEFF (demo)");
    expect(await page.getByTestId("active-organisation").textContent()).toMatch(/Liverpool University Hospitals/);
    expect(await page.getByRole("rowheader").allTextContents()).toContain("Mersey Care NHS FT (demo)");
    await expectAccessible(page, "home");
    // The app hydrated under the Content-Security-Policy: client navigation works, nothing was refused.
    await page.getByRole("link", { name: "Home", exact: true }).click();
    await expect.poll(() => page.evaluate(() => "__remixContext" in window)).toBe(true);
    expect(cspViolations.join("\n")).toBe("");
  });

  it("switches the active organisation from the header", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "wirral.lead@peff.example");
    const before = await page.getByTestId("active-organisation").textContent();
    const select = page.getByLabel("Switch organisation");
    const other = (await select.locator("option").allTextContents()).find((t) => !t.startsWith(before ?? "-"))!;
    await select.selectOption({ label: other });
    await page.getByRole("button", { name: "Switch" }).click();
    await expect.poll(() => page.getByTestId("active-organisation").textContent()).not.toBe(before);
    expect(other.startsWith((await page.getByTestId("active-organisation").textContent()) ?? "?")).toBe(true);
    await expectAccessible(page, "home after switching");
  });

  it("signs out", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "viewer@peff.example");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in\?reason=signed-out/);
    await page.goto("/");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/sign-in");
  });

  it("asks that no page, loader data or download be kept by a proxy or the browser", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "luht.lead@peff.example");
    const document = await page.goto("/evidence");
    expect(document?.headers()["cache-control"]).toBe("private, no-store");
    // A client-side navigation fetches the next page's loader data (Remix's single fetch: "/register.data").
    const data = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith(".data"));
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Barrier register" }).click();
    expect((await data).headers()["cache-control"]).toBe("private, no-store");
    const download = await page.request.get("/register/export?format=csv");
    expect(download.status()).toBe(200);
    expect(download.headers()["cache-control"]).toBe("private, no-store");
  });

  it("shows an accessible page for an unknown address", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "viewer@peff.example");
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    await expectAccessible(page, "404");
  });
});

describe("inviting people", () => {
  it("an admin invites someone, who accepts the link, sets a password and lands in their organisation", async () => {
    const adminPage = await (await newContext(browser)).newPage();
    await signIn(adminPage, "admin@peff.example");
    await adminPage.goto("/members");
    await expectAccessible(adminPage, "members");
    await adminPage.getByRole("link", { name: "Invite someone" }).click();
    await expectAccessible(adminPage, "invite form");
    // Submitting empty keeps us on the form with field errors.
    await adminPage.getByRole("button", { name: "Create invitation link" }).click();
    await expect.poll(() => adminPage.locator(".nhsuk-error-summary").textContent()).toMatch(/Enter an email address/);
    await expectAccessible(adminPage, "invite form with errors");
    await adminPage.getByLabel("Organisation").selectOption({ label: "Alder Hey Children's NHS FT (demo)" });
    await adminPage.getByLabel("Their email address").fill("new.starter@peff.example");
    await adminPage.getByLabel("Contributor").check();
    await adminPage.getByRole("button", { name: "Create invitation link" }).click();
    const link = await adminPage.getByTestId("invitation-link").inputValue();
    expect(link).toMatch(/\/invitations\//);
    await expectAccessible(adminPage, "invitation created");

    const inviteePage = await (await newContext(browser)).newPage();
    await inviteePage.goto(link);
    await expectAccessible(inviteePage, "accept invitation");
    await inviteePage.getByLabel("Full name").fill("New Starter");
    await inviteePage.getByLabel("Create a password").fill("short");
    await inviteePage.getByLabel("Enter the password again").fill("short");
    await inviteePage.getByRole("button", { name: "Accept and create account" }).click();
    await expect.poll(() => inviteePage.locator(".nhsuk-error-summary").textContent()).toMatch(/12 characters or more/);
    expect(await inviteePage.getByLabel("Full name").inputValue()).toBe("New Starter");
    await expectAccessible(inviteePage, "accept invitation with errors");
    await inviteePage.getByLabel("Create a password").fill("a perfectly long password");
    await inviteePage.getByLabel("Enter the password again").fill("a perfectly long password");
    await inviteePage.getByRole("button", { name: "Accept and create account" }).click();
    await inviteePage.waitForURL((url) => url.pathname === "/");
    expect(await inviteePage.getByTestId("signed-in-as").textContent()).toBe("New Starter");
    expect(await inviteePage.getByTestId("active-organisation").textContent()).toMatch(/Alder Hey/);

    // Their account, from their name in the header: a wrong current password is said on its field.
    await inviteePage.getByRole("link", { name: /^New Starter.*your account$/ }).click();
    await expect.poll(() => inviteePage.getByRole("heading", { level: 1 }).textContent()).toBe("Your account");
    await expectAccessible(inviteePage, "your account");
    await inviteePage.getByLabel("Current password").fill("not my password");
    await inviteePage.getByLabel("New password", { exact: true }).fill("an even longer password");
    await inviteePage.getByLabel("Enter the new password again").fill("an even longer password");
    await inviteePage.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => inviteePage.locator(".nhsuk-error-summary").textContent()).toMatch(/Enter your current password correctly/);
    await expectAccessible(inviteePage, "your account with errors");
    await inviteePage.getByLabel("Current password").fill("a perfectly long password");
    await inviteePage.getByLabel("New password", { exact: true }).fill("an even longer password");
    await inviteePage.getByLabel("Enter the new password again").fill("an even longer password");
    await inviteePage.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => inviteePage.locator(".nhsuk-notification-banner").textContent()).toMatch(/Your password is changed/);
    await inviteePage.getByLabel("Full name").fill("New Starter-Jones");
    await inviteePage.getByLabel("Job title (optional)").fill("Patient Experience Officer");
    await inviteePage.getByRole("button", { name: "Save name and job title" }).click();
    await expect.poll(() => inviteePage.getByTestId("signed-in-as").textContent()).toBe("New Starter-Jones");

    // The link works once.
    const again = await (await newContext(browser)).newPage();
    const response = await again.goto(link);
    expect(response?.status()).toBe(410);
    await expectAccessible(again, "used invitation");

    // They forget it: the admin makes them a reset link, and they choose a new password with it.
    await adminPage.goto("/members");
    await adminPage.getByRole("link", { name: "Password reset link for New Starter-Jones" }).click();
    await expect.poll(() => adminPage.getByRole("heading", { level: 1 }).textContent()).toBe("Make a password reset link for New Starter-Jones");
    await expectAccessible(adminPage, "make a password reset link");
    await adminPage.getByRole("button", { name: "Create password reset link" }).click();
    const resetLink = await adminPage.getByTestId("reset-link").inputValue();
    expect(resetLink).toMatch(/\/reset-password\//);
    await expectAccessible(adminPage, "password reset link created");
    const forgetful = await (await newContext(browser)).newPage();
    await forgetful.goto(resetLink);
    await expect.poll(() => forgetful.getByRole("heading", { level: 1 }).textContent()).toBe("Choose a new password");
    await expectAccessible(forgetful, "choose a new password");
    await forgetful.getByLabel("New password", { exact: true }).fill("remembered this time");
    await forgetful.getByLabel("Enter the password again").fill("remembered this one");
    await forgetful.getByRole("button", { name: "Save password and sign in" }).click();
    await expect.poll(() => forgetful.locator(".nhsuk-error-summary").textContent()).toMatch(/Enter the same password twice/);
    await expectAccessible(forgetful, "choose a new password, with errors");
    await forgetful.getByLabel("New password", { exact: true }).fill("remembered this time");
    await forgetful.getByLabel("Enter the password again").fill("remembered this time");
    await forgetful.getByRole("button", { name: "Save password and sign in" }).click();
    await forgetful.waitForURL(/\/account\?done=reset/);
    await expect.poll(() => forgetful.getByTestId("signed-in-as").textContent()).toBe("New Starter-Jones");
    expect((await forgetful.goto(resetLink))!.status()).toBe(410);
    await expectAccessible(forgetful, "used password reset link");
    // Their other session (the first page) was signed out.
    await inviteePage.reload();
    await expect.poll(() => new URL(inviteePage.url()).pathname).toBe("/sign-in");

    // The admin sees the new member, with their job title, and can open the removal confirmation.
    await adminPage.goto("/members");
    await expect.poll(() => adminPage.getByRole("rowheader", { name: /New Starter-Jones/ }).textContent()).toMatch(/Patient Experience Officer/);
    await adminPage.getByRole("link", { name: "Remove New Starter-Jones" }).click();
    await expectAccessible(adminPage, "remove member");
    await adminPage.getByRole("button", { name: "Remove New Starter-Jones" }).click();
    await expect.poll(() => adminPage.locator(".nhsuk-notification-banner").textContent()).toMatch(/removed/);
    await forgetful.goto("/");
    await expect.poll(() => new URL(forgetful.url()).pathname).toBe("/sign-in");
  });

  it("an equality lead is not offered, and is told why not, what only a collaborative admin may do", async () => {
    // The demo has one collaborative, so its admin may act on every role; its ICB's equality lead may not act on the collaborative-wide ones.
    const adminPage = await (await newContext(browser)).newPage();
    await signIn(adminPage, "admin@peff.example");
    await adminPage.goto("/members/invite");
    await adminPage.getByLabel("Organisation").selectOption({ label: "NHS Cheshire and Merseyside ICB (demo)" });
    await adminPage.getByLabel("Their email address").fill("new.regional.lead@peff.example");
    await adminPage.getByLabel("Regional lead").check();
    await adminPage.getByRole("button", { name: "Create invitation link" }).click();
    await expect.poll(() => adminPage.getByTestId("invitation-link").count()).toBe(1);

    const leadPage = await (await newContext(browser)).newPage();
    await signIn(leadPage, "icb.lead@peff.example");
    await leadPage.goto("/members");
    const only = "Only a collaborative admin in every collaborative this organisation belongs to";
    const invitation = leadPage.getByRole("listitem").filter({ hasText: "new.regional.lead@peff.example" });
    await expect.poll(() => invitation.textContent()).toMatch(`${only} can withdraw this invitation.`);
    expect(await leadPage.getByRole("button", { name: /^Withdraw/ }).count()).toBe(0);
    const admin = leadPage.getByRole("row").filter({ hasText: "admin@peff.example" });
    expect(await admin.textContent()).toMatch(`${only} can change or remove a collaborative admin.`);
    expect(await admin.getByRole("link").count()).toBe(0);
    await expectAccessible(leadPage, "members as an equality lead, with a collaborative-wide invitation");

    // The admin may withdraw it.
    await adminPage.goto("/members");
    await adminPage.getByRole("button", { name: "Withdraw invitation for new.regional.lead@peff.example" }).click();
    await expect.poll(() => adminPage.locator(".nhsuk-notification-banner").textContent()).toMatch(/invitation was withdrawn/);
  });
});

describe("an organisation leaving", () => {
  it("an admin opens the form from home with the keyboard; a date before it joined is refused, the date kept", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "admin@peff.example");
    await page.goto("/");
    await expectAccessible(page, "home as a collaborative admin");
    await page.getByRole("link", { name: "Record leaving of Alder Hey Children's NHS FT (demo)" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Record that Alder Hey Children's NHS FT (demo) has left");
    await expectAccessible(page, "record leaving");
    await page.getByLabel("The date it left").fill("2001-01-01");
    await page.getByRole("button", { name: "Record that Alder Hey Children's NHS FT (demo) has left" }).click();
    await expect.poll(() => page.locator(".nhsuk-error-summary").textContent()).toMatch(/The date it left must be on or after .*, when it joined/);
    expect(await page.getByLabel("The date it left").inputValue()).toBe("2001-01-01");
    await expectAccessible(page, "record leaving with errors");
    await page.getByRole("link", { name: "Cancel" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
    expect(await page.getByRole("rowheader").allTextContents()).toContain("Alder Hey Children's NHS FT (demo)");
  });

  // Sefton Council is in no other browser test: its leaving changes nothing they look at.
  it("records it: its people are disconnected and told they are no longer members; it is listed as a former organisation", async () => {
    const member = await (await newContext(browser)).newPage();
    await signIn(member, "sefton.lead@peff.example");
    await member.goto("/register");
    await expect.poll(() => member.locator("[data-state]").getAttribute("data-state"), { timeout: 15_000 }).toBe("connected");

    const admin = await (await newContext(browser)).newPage();
    await signIn(admin, "admin@peff.example");
    await admin.goto("/");
    await admin.getByRole("link", { name: "Record leaving of Sefton Council (demo)" }).click();
    await admin.getByRole("button", { name: "Record that Sefton Council (demo) has left" }).click();
    await expect.poll(() => admin.locator(".nhsuk-notification-banner").textContent()).toMatch(/Sefton Council \(demo\) left .* on .*listed under former organisations/);
    expect(await admin.getByRole("rowheader").allTextContents()).not.toContain("Sefton Council (demo)");
    expect(await admin.locator("main").textContent()).toMatch(/Former organisations.*Sefton Council \(demo\) \(Local authority\), member until/s);
    await expectAccessible(admin, "home after an organisation left");

    // Its lead's open register is disconnected within seconds (the revalidation turn), without reloading.
    await expect.poll(() => member.locator("[data-state]").getAttribute("data-state"), { timeout: 10_000 }).not.toBe("connected");
    await member.goto("/");
    await expect.poll(() => new URL(member.url()).pathname).toBe("/sign-in");
    expect(await member.locator("main").textContent()).toMatch(/You are no longer a member of any organisation on this service/);
    await expectAccessible(member, "sign-in after the organisation left");
    await admin.context().close();
    await member.context().close();
  });
});
