/**
 * A page whose Content-Security-Policy leaves the Handoff server out of connect-src: every request fails as if
 * offline, so the saved message would wait forever. The browser says why in a securitypolicyviolation event; this
 * module loads with the sending code, before its first request.
 */
let blocked = "";
addEventListener("securitypolicyviolation", (e) => {
  if (e.disposition === "enforce") blocked += ` ${e.blockedURI}/`;
});
let told = false;

/** True when the page's policy blocked a request to `origin`; the developer is told the fix once per page. */
export function blockedByCsp(origin: string): boolean {
  if (!blocked.includes(` ${origin}/`)) return false;
  if (!told)
    console.error(
      `[Handoff] This page's Content-Security-Policy blocks requests to ${origin}, so messages cannot be sent (they stay saved in the browser). Add it to the page's policy: connect-src ${origin}`,
    );
  told = true;
  return true;
}
