import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { logIn, newPage } from "./console-fixtures.js";

describe.skipIf(!HAS_BROWSER)("console: an admin manages agents and widget settings", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("adds an agent who can log in, without the admin pages", async () => {
    // An address of this attempt's own: a retry in CI runs against the same server, where the first try's Robin exists.
    const email = `robin-${Date.now()}@example.com`;
    const admin = await newPage(browser);
    await logIn(admin.page, server);
    await admin.page.getByRole("link", { name: "Admin" }).click();
    await admin.page.getByRole("heading", { level: 1, name: "Admin" }).waitFor();
    const form = admin.page.getByRole("form", { name: "Add an agent" });
    await form.getByLabel("New agent's name").fill("Robin Tier Two");
    await form.getByLabel("New agent's email").fill(email);
    await form.getByLabel("New agent's password").fill("short");
    await form.getByRole("button", { name: "Add agent" }).click();
    await expect.poll(() => admin.page.getByRole("alert").textContent()).toContain("at least 10 characters");
    await form.getByLabel("New agent's password").fill("robins password 1");
    await form.getByLabel("New agent's tier").selectOption("2");
    await form.getByLabel("New agent's skills").fill("billing, technical");
    await form.getByRole("button", { name: "Add agent" }).click();
    const row = admin.page.locator("#agents tbody tr", { hasText: email });
    await row.waitFor();
    expect(await row.textContent()).toContain("billing, technical");

    const robin = await newPage(browser);
    await robin.page.goto(`${server.url}/console/`);
    await robin.page.getByLabel("Email").fill(email);
    await robin.page.getByLabel("Password").fill("robins password 1");
    await robin.page.getByRole("button", { name: "Log in" }).click();
    // The admin typed Robin's password, so it is temporary: Robin chooses their own before seeing any ticket.
    await robin.page.getByRole("heading", { level: 1, name: "Choose your password" }).waitFor();
    expect(await robin.page.getByRole("link", { name: "Tickets" }).count()).toBe(0);
    // A mistyped temporary password: the error names the field as the form labels it, not by its API name.
    await robin.page.getByLabel("Temporary password").fill("robins password 2");
    await robin.page.getByLabel("New password").fill("robin's very own password");
    await robin.page.getByRole("button", { name: "Set password and continue" }).click();
    await expect.poll(() => robin.page.getByRole("alert").textContent()).toContain("Temporary password:");
    expect(await robin.page.getByRole("alert").textContent()).not.toContain("currentPassword");
    await robin.page.getByLabel("Temporary password").fill("robins password 1");
    await robin.page.getByLabel("New password").fill("robins password 1");
    await robin.page.getByRole("button", { name: "Set password and continue" }).click();
    await expect.poll(() => robin.page.getByRole("alert").textContent()).toContain("different from the temporary one");
    await robin.page.getByLabel("New password").fill("robin's very own password");
    await robin.page.getByRole("button", { name: "Set password and continue" }).click();
    await robin.page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
    expect(await robin.page.getByRole("link", { name: "Admin" }).count()).toBe(0);

    // Deactivating Robin ends Robin's session: the next request lands on the login form.
    await row.getByRole("button", { name: "Deactivate Robin Tier Two" }).click();
    await row.getByRole("button", { name: "Reactivate Robin Tier Two" }).waitFor();
    await refreshUntilLoggedOut(robin.page);
    expect(admin.errors).toEqual([]);
    await robin.close();
    await admin.close();
  });

  // Before the password change below (later tests cannot log in with the first password).
  test("typing the next agent while the last one saves keeps what was typed", async () => {
    const admin = await newPage(browser);
    await logIn(admin.page, server);
    await admin.page.getByRole("link", { name: "Admin" }).click();
    const form = admin.page.getByRole("form", { name: "Add an agent" });
    const email = `sam-${Date.now()}@example.com`;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await admin.page.route("**/api/v1/agents", async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    });
    await form.getByLabel("New agent's name").fill("Sam Saved");
    await form.getByLabel("New agent's email").fill(email);
    await form.getByLabel("New agent's password").fill("sams password 12");
    await form.getByRole("button", { name: "Add agent" }).click();
    await form.getByLabel("New agent's name").fill("Next Person"); // while Sam's request is on its way
    release();
    await admin.page.locator("#agents tbody tr", { hasText: email }).waitFor();
    expect(await form.getByLabel("New agent's name").inputValue()).toBe("Next Person");
    expect(admin.errors).toEqual([]);
    await admin.close();
  });

  test("sets allowed origins, creates and revokes a site key, and rotates the identity secret", async () => {
    const admin = await newPage(browser);
    await logIn(admin.page, server, "/console/admin");
    await admin.page.getByRole("heading", { level: 1, name: "Admin" }).waitFor();
    const origins = admin.page.getByLabel("Allowed origins (one per line)");
    await origins.waitFor();
    await origins.fill(`${await origins.inputValue()}\nhttps://app.acme.example`);
    await admin.page.getByRole("button", { name: "Save origins" }).click();
    await admin.page.reload();
    await expect
      .poll(() => admin.page.getByLabel("Allowed origins (one per line)").inputValue())
      .toContain("https://app.acme.example");

    await admin.page.getByLabel("New site key label").fill("Staging app");
    await admin.page.getByRole("button", { name: "Create site key" }).click();
    // Revoking is irreversible and stops the key's pages at once: it asks first, and "Cancel" keeps the key.
    const asked: string[] = [];
    admin.page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await admin.page.getByRole("button", { name: "Revoke Staging app" }).click();
    await expect.poll(() => asked).toEqual([expect.stringContaining('Revoke the site key "Staging app"')]);
    const staging = admin.page.locator(".site-keys li", { hasText: "Staging app" });
    expect(await staging.getByText("revoked").count()).toBe(0);
    await admin.page.reload();
    await admin.page.getByRole("button", { name: "Revoke Staging app" }).waitFor();
    admin.page.once("dialog", (dialog) => void dialog.accept());
    await admin.page.getByRole("button", { name: "Revoke Staging app" }).click();
    await staging.getByText("revoked").waitFor();

    const before = server.bootstrap.workspace.identitySecret;
    admin.page.once("dialog", (dialog) => void dialog.accept());
    await admin.page.getByRole("button", { name: "Rotate secret" }).click();
    await expect.poll(() => admin.page.locator(".identity-secret").textContent()).not.toMatch(/^•+$/);
    const after = await admin.page.locator(".identity-secret").textContent();
    expect(after).not.toBe(before);
    expect(after!.length).toBeGreaterThan(20);
    expect(admin.errors).toEqual([]);
    await admin.close();
  });

  // Last: it changes the admin's password.
  test("changing one's password logs out the other sessions but keeps this one", async () => {
    const here = await newPage(browser);
    const elsewhere = await newPage(browser);
    await logIn(here.page, server);
    await logIn(elsewhere.page, server);
    await elsewhere.page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
    await here.page.getByRole("link", { name: "Account" }).click();
    await here.page.getByLabel("Current password").fill("not my password");
    await here.page.getByLabel("New password").fill("a new admin password");
    await here.page.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => here.page.getByRole("alert").textContent()).toContain("current password is wrong");
    await here.page.getByLabel("Current password").fill(server.admin.password);
    await here.page.getByRole("button", { name: "Change password" }).click();
    await here.page.getByText("Password changed. Other sessions were logged out.").waitFor();

    await refreshUntilLoggedOut(elsewhere.page);
    await here.page.getByRole("link", { name: "Tickets" }).click();
    await here.page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
    expect(here.errors).toEqual([]);
    await here.close();
    await elsewhere.close();
  });
});

/**
 * A page whose session the server ended lands on the login form at its next request. A live re-read (its stream
 * reconnecting after the server ended it) may get there before the test clicks Refresh, which is then gone.
 */
async function refreshUntilLoggedOut(page: Page): Promise<void> {
  const logInButton = page.getByRole("button", { name: "Log in" });
  await Promise.race([
    page
      .getByRole("button", { name: "Refresh" })
      .click()
      .catch(() => {}),
    logInButton.waitFor(),
  ]);
  await logInButton.waitFor();
}
