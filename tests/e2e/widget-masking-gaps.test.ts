/**
 * Third pass on what a recording lets out (issue #12): addresses spelled out in German, French, Spanish and Italian,
 * and avatar URLs that name the person (an email's hash in a query parameter, GitHub user ids, Google profile photos,
 * github.com/<user>.png), also in a lazy loader's data-src and in links; addresses spelled out in mixed languages or
 * with a long top-level domain, and keys without digits in classes and data-* values. Each sits next to text, an image
 * or a class name that must still reach the server as the page wrote it.
 */
import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { KEYS } from "../helpers/mask-cases.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { hostPage, openWidget, sendTicket, storedRecording, waitForRecorder, widgetPage } from "./widget-fixtures.js";

const MD5 = "205e460b479e2e5b48aec07710c08d50";
const ASSET = "e4df2db10d34791a6a695ff774667e82";
// hostPage serves no charset: the meta (within the first 1024 bytes) keeps "ät" and "à" as written.
const PAGE = `<meta charset="utf-8">
  <p lang="de">Schreiben Sie an lena.fischer (ät) kunden-mail (punkt) de oder jonas [at] kunden-mail [dot] de.</p>
  <p lang="fr">Écrivez à claire.dubois arobase courriel point fr ou à marc chez courriel point com.</p>
  <p lang="fr">On dîne chez nous ce soir. C'est le point de départ. Commandé chez amazon.fr hier.</p>
  <img alt="Avatar 1" src="//www.gravatar.com/avatar.php?md5=${MD5}&s=40">
  <img id="avatar-2" alt="Avatar 2" src="https://avatars.githubusercontent.com/u/58323117?v=4">
  <img alt="Avatar 3" src="https://lh3.googleusercontent.com/a/ACg8ocJ3kXwZq9Vb2mT1=s96-c">
  <img alt="Logo" src="https://cdn.example/avatars/${ASSET}.png">
  <p id="later"></p>`;
const SECRETS = [
  "lena.fischer",
  "jonas",
  "kunden-mail",
  "claire.dubois",
  "courriel",
  "marc chez",
  MD5,
  "u/58323117",
  "ACg8ocJ3kXwZq9Vb2mT1",
  "theo.weber",
  "u/4471204",
];

describe.skipIf(!HAS_BROWSER)("widget privacy: addresses spelled out in German and French, avatar URLs", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("masked in the snapshot and in later changes; the prose and other images stay as written", async () => {
    const { json, errors, close } = await recordedAfterChange(browser, server, {
      images: /gravatar\.com|usercontent\.com|cdn\.example/,
      html: PAGE,
      change: () => {
        document.getElementById("later")!.textContent = "Neu: theo.weber (ät) kunden-mail (punkt) de";
        (document.getElementById("avatar-2") as HTMLImageElement).src =
          "https://avatars.githubusercontent.com/u/4471204?s=80";
      },
      changed: "Neu:",
      subject: "Spelled-out addresses and avatars",
    });

    for (const secret of SECRETS) expect(json, `recording: ${secret}`).not.toContain(secret);
    for (const visible of [
      "Schreiben Sie an l",
      " (ät) k",
      " (punkt) de oder j",
      "Écrivez à c",
      " arobase c",
      " point fr ou à m",
      "On dîne chez nous ce soir. C'est le point de départ. Commandé chez amazon.fr hier.",
      "Neu: t",
      `//www.gravatar.com/avatar.php?md5=${"0".repeat(32)}&s=40`,
      "https://avatars.githubusercontent.com/u/0000000?s=80",
      `https://lh3.googleusercontent.com/a/${"0".repeat(20)}=s96-c`,
      `https://cdn.example/avatars/${ASSET}.png`,
    ])
      expect(json, visible).toContain(visible);
    expect(errors).toEqual([]);
    await close();
  }, 60_000);
});

const PAGE_2 = `<meta charset="utf-8">
  <p lang="es">Escríbeme a lucia.moreno arroba correo-es punto com o a pablo (arroba) correo-es (punto) es.</p>
  <p lang="it">Scrivete a giulia.ricci chiocciola posta-it punto it o a luca (at) posta-it (punto) it.</p>
  <p lang="es">Nos vemos a las diez en punto. El punto de partida es la plaza. Il punto è che non lo so.</p>
  <img id="lazy" alt="Avatar" data-src="https://avatars.githubusercontent.com/u/58323117?v=4" src="/blank.gif">
  <img alt="Octo" src="https://github.com/octocat.png?size=40">
  <a href="https://avatars.githubusercontent.com/u/6612345">Photo</a> <a href="https://github.com/octocat">Profile</a>
  <p id="later"></p>`;
const SECRETS_2 = ["lucia.moreno", "pablo", "correo-es", "giulia.ricci", "luca", "posta-it", "58323117", "6612345"];

describe.skipIf(!HAS_BROWSER)("widget privacy: Spanish and Italian addresses, avatars in data-src and links", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("masked in the snapshot and in later changes; the prose and a profile link stay as written", async () => {
    const { json, errors, close } = await recordedAfterChange(browser, server, {
      images: /github\.com|usercontent\.com|blank\.gif/,
      html: PAGE_2,
      change: () => {
        document.getElementById("later")!.textContent = "Nuevo: sofia.ruiz arroba correo-es punto es";
        document.getElementById("lazy")!.setAttribute("data-src", "https://avatars.githubusercontent.com/u/4471204");
      },
      changed: "Nuevo:",
      subject: "Spanish and Italian addresses, lazy avatars",
    });

    for (const secret of [...SECRETS_2, "sofia.ruiz", "4471204", "octocat.png"])
      expect(json, `recording: ${secret}`).not.toContain(secret);
    for (const visible of [
      "Escríbeme a l",
      " arroba c",
      " punto com o a p",
      "Scrivete a g",
      " chiocciola p",
      "Nos vemos a las diez en punto. El punto de partida es la plaza. Il punto è che non lo so.",
      "Nuevo: s",
      "https://avatars.githubusercontent.com/u/00000000?v=4",
      "https://github.com/o••••••.png?size=40",
      "https://avatars.githubusercontent.com/u/0000000",
      "https://github.com/octocat",
    ])
      expect(json, visible).toContain(visible);
    expect(errors).toEqual([]);
    await close();
  }, 60_000);
});

const PAGE_3 = `<meta charset="utf-8">
  <p>Scrivete a mario.rossi at posta-it punto it, punto per punto.</p>
  <p>Write to hello at acme-shop dot online or to jonas ät bau-firma punkt digital.</p>
  <p>Students at Stanford point out the risk. We met at noon dot com bubble.</p>
  <div id="key" class="key-box ${KEYS.letters}" data-api-key="${KEYS.stripeLetters}">Keys</div>
  <nav class="header__nav-item--active c-product-card__image-wrapper--is-active">Menu</nav>
  <p id="later"></p>`;
const SECRETS_3 = ["mario.rossi", "posta-it", "acme-shop", "jonas", "bau-firma", "theo.weber", "kunden-mail"];
const KEYS_3 = [KEYS.letters, KEYS.stripeLetters, KEYS.githubLetters].map((key) => key.slice(-16));

describe.skipIf(!HAS_BROWSER)("widget privacy: mixed-language addresses, long domains, keys without digits", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("masked in the snapshot and in later changes; prose and ordinary class names stay as written", async () => {
    const { json, errors, close } = await recordedAfterChange(browser, server, {
      images: /\.none$/,
      html: PAGE_3,
      // A key set later, as an attribute change: passed in, the page's script cannot see this file.
      change: (key) => {
        document.getElementById("later")!.textContent = "Neu: theo.weber at kunden-mail punkt de";
        document.getElementById("key")!.setAttribute("data-token", key);
      },
      changed: "Neu:",
      subject: "Mixed-language addresses and keys",
      arg: KEYS.githubLetters,
    });

    for (const secret of [...SECRETS_3, ...KEYS_3]) expect(json, `recording: ${secret}`).not.toContain(secret);
    for (const visible of [
      "Scrivete a m",
      " at p",
      " punto it, punto per punto.",
      "Write to h",
      " dot online or to j",
      " punkt digital.",
      "Students at Stanford point out the risk. We met at noon dot com bubble.",
      "header__nav-item--active c-product-card__image-wrapper--is-active",
      "key-box ",
      "sk_live_•",
      "ghp_•",
      "Neu: t",
    ])
      expect(json, visible).toContain(visible);
    expect(errors).toEqual([]);
    await close();
  }, 60_000);
});

/**
 * The stored recording of a ticket sent from `html` (its images answered empty) after `change` ran on the page (given
 * `arg`) and `changed` text showed: what the snapshot and a later change let out.
 */
async function recordedAfterChange(
  browser: Browser,
  server: TestServer,
  options: {
    images: RegExp;
    html: string;
    change: (arg: string) => void;
    arg?: string;
    changed: string;
    subject: string;
  },
): Promise<{ json: string; errors: string[]; close(): Promise<void> }> {
  const { page, errors, close } = await widgetPage(browser);
  await page.route(options.images, (route) => route.fulfill({ contentType: "image/gif", body: "" }));
  await hostPage(page, server, "", options.html);
  await waitForRecorder(page);
  await page.evaluate(options.change, options.arg ?? "");
  await page.getByText(options.changed).waitFor();
  await openWidget(page);
  const { id } = await sendTicket(page, options.subject);
  await page.getByText("Recording attached.").waitFor();
  return { json: JSON.stringify(await storedRecording(server, id)), errors, close };
}
