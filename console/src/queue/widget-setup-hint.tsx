import { useEffect, useState } from "preact/hooks";
import type { RefusedOrigin } from "../../../shared/index.js";
import { api } from "../api.js";
import { href } from "../router.js";
import { session } from "../session.js";
import { Link } from "../ui/link.js";

/**
 * Under an empty queue, for admins: where the script tag is, and above all the pages whose tickets were refused
 * because their origin is not allowed (the usual reason a freshly pasted widget sends nothing).
 */
export function WidgetSetupHint() {
  const isAdmin = session.value.kind === "signed-in" && session.value.agent.role === "admin";
  const [refused, setRefused] = useState<RefusedOrigin[] | null>(null);
  useEffect(() => {
    if (!isAdmin) return;
    const controller = new AbortController();
    api.workspace(controller.signal).then(
      (settings) => setRefused(settings.refusedOrigins),
      () => setRefused(null),
    );
    return () => controller.abort();
  }, [isAdmin]);
  if (!isAdmin) return null;
  const settings = `${href("admin")}#widget-settings`;
  if (refused?.length) {
    const [latest] = refused;
    const more = refused.length - 1;
    return (
      <p class="notice notice--warn" role="status">
        The widget was refused on <code>{latest!.origin}</code>
        {more > 0 ? ` and ${more} more ${more === 1 ? "origin" : "origins"}` : ""}: its customers' tickets are not
        accepted until you allow the origin. <Link href={settings}>Review refused origins</Link>
      </p>
    );
  }
  return (
    <p class="muted small">
      To receive tickets, add the widget to your app: copy its script tag from{" "}
      <Link href={settings}>the widget settings</Link>.
    </p>
  );
}
