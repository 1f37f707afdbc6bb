import { ticketStatuses, type TicketStatus } from "../../../shared/index.js";
import { capitalize } from "../ui/format.js";
import { href } from "../router.js";
import { Link } from "../ui/link.js";
import { filterParams, type QueueFilters } from "./queue-filters.js";

/** Filters are links (?status=open) so a filtered queue can be bookmarked and shared; counts follow the other filters. */
export function StatusTabs({
  filters,
  counts,
}: {
  filters: QueueFilters;
  counts: Partial<Record<TicketStatus, number>>;
}) {
  const current = filters.status;
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const options: { status: TicketStatus | undefined; label: string; count: number | undefined }[] = [
    { status: undefined, label: "All", count: Object.keys(counts).length ? total : undefined },
    ...ticketStatuses.map((status) => ({ status, label: capitalize(status), count: counts[status] })),
  ];
  return (
    <nav class="tabs" aria-label="Filter by status">
      {options.map((option) => (
        <Link
          key={option.label}
          class="tabs__tab"
          href={href("", { ...filterParams(filters), status: option.status })}
          aria-current={option.status === current ? "page" : undefined}
        >
          {option.label}
          {option.count !== undefined && (
            <span class="tabs__count">
              {" "}
              {option.count}
              <span class="visually-hidden"> tickets</span>
            </span>
          )}
        </Link>
      ))}
    </nav>
  );
}
