import { useEffect } from "preact/hooks";
import { ticketHref } from "../queue/queue-keys.js";
import { route } from "../router.js";
import { Link } from "../ui/link.js";
import { dismissHanded, followHandedToMe, handedToMe } from "./handed-to-me.js";

/** Tickets just handed to the signed-in agent, above every screen, each with a link and a dismiss button. */
export function HandedNotices({ me }: { me: string }) {
  useEffect(() => followHandedToMe(me), [me]);
  // Opening the ticket is reading the notice.
  const current = route.value;
  const open = current.name === "ticket" ? current.id : null;
  const notices = handedToMe.value;
  useEffect(() => {
    if (open && notices.some((n) => n.ticketId === open)) dismissHanded(open);
  }, [open, notices]);
  if (notices.length === 0) return null;
  return (
    <ul class="handed-notices" aria-label="Handed to you">
      {notices.map((notice) => (
        <li key={notice.ticketId} class="notice handed-notices__item">
          <Link href={ticketHref(notice.ticketId)}>{notice.text}</Link>{" "}
          <button
            type="button"
            class="button button--ghost button--small"
            aria-label={`Dismiss: ${notice.text}`}
            onClick={() => dismissHanded(notice.ticketId)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
