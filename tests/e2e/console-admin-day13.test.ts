import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { logIn, newPage } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { agentGet } from "./widget-fixtures.js";

describe.skipIf(!HAS_BROWSER)("console: the workspace admin's first day of settings (QA day 13)", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("an origin typed in capitals with a slash is saved as browsers send it; a page's address names its line", async () => {
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/admin");
    const origins = page.getByLabel("Allowed origins (one per line)");
    await origins.waitFor();
    await origins.fill("HTTPS://App.Northwind.example/\nhttps://app.northwind.example/login");
    await page.getByRole("button", { name: "Save origins" }).click();
    await page
      .getByRole("alert")
      .getByText(
        `"https://app.northwind.example/login" is a page's address: an origin is only its scheme and host, https://app.northwind.example`,
      )
      .waitFor();
    await origins.fill("HTTPS://App.Northwind.example/");
    await page.getByRole("button", { name: "Save origins" }).click();
    await page.getByRole("status").getByText("Saved: the widget runs on https://app.northwind.example.").waitFor();
    expect(await origins.inputValue()).toBe("https://app.northwind.example");
    expect(await page.getByRole("alert").count()).toBe(0);
    expect((await agentGet<{ allowedOrigins: string[] }>(server, "/api/v1/workspace")).allowedOrigins).toEqual([
      "https://app.northwind.example",
    ]);
    expect(errors).toEqual([]);
    await close();
  });
});
