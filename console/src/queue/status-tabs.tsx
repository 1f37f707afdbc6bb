import { ticketStatuses, type TicketStatus } from "../../../shared/index.js";
import { capitalize } from "../ui/format.js";
import { href } from "../router.js";
import { Link } from "../ui/link.js";

/** Filters are links (?status=open) so a filtered queue can be bookmarked and shared. */
export function StatusTabs({ current }: { current: TicketStatus | undefined }) {
  const options: { status: TicketStatus | undefined; label: string }[] = [
    { status: undefined, label: "All" },
    ...ticketStatuses.map((status) => ({ status, label: capitalize(status) })),
  ];
  return (
    <nav class="tabs" aria-label="Filter by status">
      {options.map((option) => (
        <Link
          key={option.label}
          class="tabs__tab"
          href={href("", { status: option.status })}
          aria-current={option.status === current ? "page" : undefined}
        >
          {option.label}
        </Link>
      ))}
    </nav>
  );
}
