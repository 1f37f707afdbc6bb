/** Used when the server sent no policy: a replay then loads nothing from the network at all. */
export const OFFLINE_REPLAY_POLICY =
  "default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; font-src data:; base-uri 'none'";

interface ReplayerLike {
  iframe: HTMLIFrameElement;
  on(event: string, handler: () => void): unknown;
}

/**
 * A recording is attacker-controlled: left alone, its images, CSS backgrounds, @imports, fonts and srcsets would make
 * the agent's browser fetch whatever the uploader chose. The server's policy (the workspace's allowed origins and
 * this server) is applied to the replay's document as a <meta> Content-Security-Policy before rrweb draws anything
 * (rrweb rebuilds the first snapshot a tick after the iframe exists); the policy stays with the document through
 * rrweb's document.open() on later snapshots. Blocked loads are reported to onBlocked (their URLs, each once).
 * Returns the teardown.
 */
export function guardReplayAssets(
  replayer: ReplayerLike,
  policy: string | null,
  onBlocked: (url: string) => void,
): () => void {
  const seen = new Set<string>();
  let live = true;
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    const url = event.blockedURI;
    // Only network loads: an inline-script refusal (the recording has no scripts to run) is not a lost asset.
    if (!live || !/^https?:/i.test(url) || seen.has(url)) return;
    seen.add(url);
    onBlocked(url);
  };
  const guard = () => {
    const doc = replayer.iframe.contentDocument;
    if (!doc) return;
    const meta = doc.createElement("meta");
    meta.httpEquiv = "Content-Security-Policy";
    meta.content = policy || OFFLINE_REPLAY_POLICY;
    // A CSP <meta> counts only inside <head>; a repeat after a rebuild adds the same policy again (policies only
    // ever narrow), so a document that somehow lost it gets it back.
    (doc.head ?? doc.documentElement?.appendChild(doc.createElement("head")))?.prepend(meta);
    // document.open() erases the document's listeners: listen again after every rebuild.
    doc.addEventListener("securitypolicyviolation", onViolation);
  };
  guard();
  replayer.on("fullsnapshot-rebuilded", guard);
  return () => {
    live = false;
  };
}
