/**
 * Recording leaks the per-text-node masking missed (issue #12, second pass), the images: what names the person in
 * avatar URLs (Gravatar/Libravatar hashes, the hash of the customer's email; GitHub user ids, Google profile photo ids,
 * github.com/<user>.png), also in data-src, posters and links, and emails in URLs replay loads.
 * The split text and identifier attributes are in widget-masking-gaps.test.ts.
 */
import { describe, expect, test } from "vitest";
import { el, sanitized, snapshot, text } from "../helpers/mask-edges.js";

describe("images: nothing that identifies the person", () => {
  const md5 = "205e460b479e2e5b48aec07710c08d50";
  const sha256 = "84059b07d4be67b806386c0aad8070a23f18836bbaae342275dc0a83414c32ee";
  test("Gravatar and Libravatar hashes become zeros (the default image), in src, srcset and inline style", () => {
    const img = el("img", {
      src: `https://www.gravatar.com/avatar/${md5}?s=80&d=identicon`,
      srcset: `https://secure.gravatar.com/avatar/${sha256}?s=160 2x`,
    });
    const lib = el("img", { src: `https://seccdn.libravatar.org/avatar/${md5.toUpperCase()}` });
    const div = el("div", { style: `background-image: url("https://gravatar.com/avatar/${md5}.jpg")` });
    const json = sanitized(snapshot(img, lib, div));
    for (const hash of [md5, sha256, md5.toUpperCase()]) expect(json).not.toContain(hash);
    expect(img.attributes.src).toBe(`https://www.gravatar.com/avatar/${"0".repeat(32)}?s=80&d=identicon`);
    expect(img.attributes.srcset).toBe(`https://secure.gravatar.com/avatar/${"0".repeat(64)}?s=160 2x`);
    expect(div.attributes.style).toContain(`/avatar/${"0".repeat(32)}.jpg`);
    const later = { type: 3, data: { source: 0, attributes: [{ id: 4, attributes: { src: img.attributes.src } }] } };
    later.data.attributes[0].attributes.src = `https://0.gravatar.com/avatar/${md5}`;
    expect(sanitized(later)).not.toContain(md5);
  });

  test("other avatar URLs with an email's hash: any Libravatar server, Gravatar's old query form, an email_hash", () => {
    const imgs = [
      `https://cdn.libravatar.org/avatar/${sha256}?s=80`,
      `https://avatars.example.org/avatar/${md5}?s=80&d=mm`, // a federated Libravatar server (the domain's own)
      `https://www.gravatar.com/avatar.php?gravatar_id=${md5}&size=40`,
      `https://img.example/profile?email_hash=${md5.toUpperCase()}&s=32`,
      `https://img.example/profile?emailHash=${sha256}`,
    ].map((src) => el("img", { src }));
    const json = sanitized(snapshot(...imgs));
    for (const hash of [md5, sha256, md5.toUpperCase()]) expect(json).not.toContain(hash);
    expect(imgs[1].attributes.src).toBe(`https://avatars.example.org/avatar/${"0".repeat(32)}?s=80&d=mm`);
    expect(imgs[2].attributes.src).toBe(`https://www.gravatar.com/avatar.php?gravatar_id=${"0".repeat(32)}&size=40`);
  });

  test("the hash in any query parameter of an avatar URL, GitHub user ids and Google profile photos: zeros", () => {
    const zeros = (n: number) => "0".repeat(n);
    const cases = [
      [`//www.gravatar.com/avatar.php?hash=${md5}&s=40`, `//www.gravatar.com/avatar.php?hash=${zeros(32)}&s=40`],
      [`/avatar?md5=${md5.toUpperCase()}&size=40`, `/avatar?md5=${zeros(32)}&size=40`],
      [`https://img.example/user-avatar.png?s=${sha256}`, `https://img.example/user-avatar.png?s=${zeros(64)}`],
      [`https://www.gravatar.com/${md5}`, `https://www.gravatar.com/${zeros(32)}`],
      ["https://avatars.githubusercontent.com/u/9919?v=4", "https://avatars.githubusercontent.com/u/0000?v=4"],
      [
        "https://avatars2.githubusercontent.com/u/583231?s=460",
        "https://avatars2.githubusercontent.com/u/000000?s=460",
      ],
      [
        "https://lh3.googleusercontent.com/a/ACg8ocJ3kXw_Zq9-Vb2mT1=s96-c",
        `https://lh3.googleusercontent.com/a/${zeros(22)}=s96-c`,
      ],
      [
        "https://lh5.googleusercontent.com/a-/AOh14GiT8qLp0x=s40",
        `https://lh5.googleusercontent.com/a-/${zeros(14)}=s40`,
      ],
    ];
    const imgs = cases.map(([src]) => el("img", { src, srcset: `${src} 2x` }));
    const div = el("div", { style: `background: url(${cases[4][0]})` });
    sanitized(snapshot(...imgs, div));
    for (const [i, [, out]] of cases.entries()) {
      expect(imgs[i].attributes.src).toBe(out);
      expect(imgs[i].attributes.srcset).toBe(`${out} 2x`);
    }
    expect(div.attributes.style).toBe(`background: url(${cases[4][1]})`);
    // Content-hashed names stay, also behind a query; so do other images of those hosts.
    const kept = [
      `https://cdn.example/avatars/${md5}.png`,
      `https://cdn.example/app.js?v=${md5}`,
      `https://raw.githubusercontent.com/acme/site/${sha256.slice(0, 40)}/logo.png`,
      "https://lh3.googleusercontent.com/blogger_img_proxy/AEn0k_s3x9=w400",
      "https://avatars.githubusercontent.com/in/15368?s=40", // a GitHub app, not a person
    ];
    const assets = kept.map((src) => el("img", { src }));
    sanitized(snapshot(...assets));
    expect(assets.map((a) => a.attributes.src)).toEqual(kept);
  });

  test("an email in a URL replay loads is masked; a content hash in an asset URL is not", () => {
    const hex = "e4df2db10d34791a6a695ff774667e82";
    const avatar = el("img", { src: "https://unavatar.io/jane@example.com" });
    const query = el("img", { src: "/avatars?email=jane%40example.com&size=40" });
    const asset = el("img", { src: `https://cdn.example/assets/logo.${hex}.png` });
    const json = sanitized(snapshot(avatar, query, asset));
    expect(json).not.toContain("jane");
    expect(avatar.attributes.src).toBe("https://unavatar.io/j•••@e••••••.com");
    expect(asset.attributes.src).toBe(`https://cdn.example/assets/logo.${hex}.png`);
  });
});

describe("avatar URLs in the other attributes replay or the page may load", () => {
  const [md5, github] = ["205e460b479e2e5b48aec07710c08d50", "https://avatars.githubusercontent.com/u/9919?v=4"];
  const google = "https://lh3.googleusercontent.com/a/ACg8ocJ3kXw_Zq9-Vb2mT1=s96-c";
  test("a lazy loader's data-src and data-srcset, a video's poster, a link to the image: the same zeros", () => {
    const lazy = el("img", { "data-src": github, "data-srcset": `${google} 2x`, "data-original": github });
    const video = el("video", { poster: "https://avatars2.githubusercontent.com/u/583231?s=460" });
    const link = el("a", { href: "https://avatars.githubusercontent.com/u/9919" }, [text("Jane")]);
    const gravatar = el("a", { href: `https://www.gravatar.com/avatar/${md5}?s=200` });
    const json = sanitized(snapshot(lazy, video, link, gravatar));
    for (const id of ["9919", "583231", "ACg8ocJ3kXw", md5]) expect(json).not.toContain(id);
    expect(lazy.attributes["data-src"]).toBe("https://avatars.githubusercontent.com/u/0000?v=4");
    expect(lazy.attributes["data-srcset"]).toBe(`https://lh3.googleusercontent.com/a/${"0".repeat(22)}=s96-c 2x`);
    expect(video.attributes.poster).toBe("https://avatars2.githubusercontent.com/u/000000?s=460");
    expect(link.attributes.href).toBe("https://avatars.githubusercontent.com/u/0000");
  });

  test("github.com/<user>.png is the user's avatar: the name is masked (its length kept); a profile link stays", () => {
    const img = el("img", { src: "https://github.com/octocat.png?size=40", srcset: "//github.com/octocat.png 2x" });
    const lazy = el("img", { "data-src": "https://github.com/jane-doe.png" });
    const link = el("a", { href: "https://github.com/octocat.png" });
    const kept = [
      "https://github.com/octocat",
      "https://github.com/acme/site/blob/main/logo.png",
      "https://github.com/",
    ];
    const links = kept.map((href) => el("a", { href }));
    const json = sanitized(snapshot(img, lazy, link, ...links));
    expect(json).not.toContain("octocat.png");
    expect(json).not.toContain("jane-doe");
    expect(img.attributes.src).toBe("https://github.com/o••••••.png?size=40");
    expect(img.attributes.srcset).toBe("//github.com/o••••••.png 2x");
    expect(lazy.attributes["data-src"]).toBe("https://github.com/j•••••••.png");
    expect(link.attributes.href).toBe("https://github.com/o••••••.png");
    expect(links.map((a) => a.attributes.href)).toEqual(kept);
  });

  test("the same in later changes: a lazy loader setting data-src, a link's href", () => {
    const changes = [
      { id: 4, attributes: { "data-src": github, "data-srcset": "https://github.com/octocat.png 2x" } },
      { id: 5, attributes: { href: "https://avatars.githubusercontent.com/u/9919", poster: github } },
    ];
    const json = sanitized({ type: 3, data: { source: 0, attributes: changes } });
    for (const id of ["9919", "octocat"]) expect(json).not.toContain(id);
  });
});
