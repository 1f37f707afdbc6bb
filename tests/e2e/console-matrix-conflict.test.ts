import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { adminCookie, logIn, newPage } from "./console-fixtures.js";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";

// Two admins edit the matrix at once: the second to save is told, keeps their edits, and can still save them.
describe.skipIf(!HAS_BROWSER)("console: saving the matrix after another admin saved it", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the edits survive the conflict and a second save stores them on top of the other admin's version", async () => {
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/matrix");
    await page.getByRole("heading", { level: 1, name: "Escalation matrix" }).waitFor();
    await page
      .getByRole("listitem", { name: "Questions and feature requests are low" })
      .getByRole("button", { name: "Delete" })
      .click();
    await page.getByRole("status").getByText("Unsaved changes.").waitFor();

    // Meanwhile another admin saves version 2 (the same rules, through the API).
    const headers = { Cookie: await adminCookie(server), Origin: server.url, "Content-Type": "application/json" };
    const matrixUrl = `${server.url}/api/v1/matrix`;
    const current = await (await fetch(matrixUrl, { headers })).json();
    const put = await fetch(matrixUrl, {
      method: "PUT",
      headers,
      body: JSON.stringify({ baseVersion: current.version, rules: current.rules }),
    });
    expect(put.status).toBe(200);

    await page.getByRole("button", { name: "Save as a new version" }).click();
    const conflict = page.getByRole("alert").filter({ hasText: /version 2/ });
    await conflict.waitFor();
    const told = await conflict.textContent();
    expect(await page.getByRole("listitem", { name: "Questions and feature requests are low" }).count()).toBe(0);
    await page.getByRole("button", { name: "Save as a new version" }).click();
    await page.getByText("Version 3 by Admin").waitFor();
    expect(told).toContain("Admin saved version 2 while you were editing. Your changes are still here");
    const saved = await (await fetch(matrixUrl, { headers })).json();
    expect(saved.version).toBe(3);
    expect(saved.rules.map((r: { id: string }) => r.id)).not.toContain("question");
    expect(errors).toEqual([]);
    await close();
  });
});
