import { useEffect, useMemo } from "preact/hooks";
import { href } from "../router.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { Link } from "../ui/link.js";
import { ScreenHeading } from "../ui/screen-heading.js";
import { useDocumentTitle } from "../ui/use-title.js";
import { createQueueModel } from "./queue-model.js";
import { StatusTabs } from "./status-tabs.js";
import { FilterBar } from "./filter-bar.js";
import { filtersKey, readFilters } from "./queue-filters.js";
import { TicketTable } from "./ticket-table.js";
import { focusNextPage, rememberQueueSearch, useQueueKeys } from "./queue-keys.js";
import { BulkBar } from "./bulk-bar.js";
import { WidgetSetupHint } from "./widget-setup-hint.js";

export function QueueScreen({ query }: { query: URLSearchParams }) {
  const filters = readFilters(query);
  const key = filtersKey(filters);
  const status = filters.status;
  const filtered = Object.keys(filters).length > (status ? 1 : 0);
  const model = useMemo(() => createQueueModel(filters), [key]);
  useEffect(() => model.start(), [model]);
  useEffect(() => rememberQueueSearch(query), [query.toString()]);
  useDocumentTitle(status ? `Tickets: ${status}` : "Tickets");

  const tickets = model.tickets.value;
  const error = model.error.value;
  const loading = model.loading.value;
  // The next page's first row takes focus (and the selection): the button is disabled while it loads, which dropped
  // focus to the page's start, and j stopped at the last row shown.
  const loadMore = () => {
    focusNextPage(model.tickets.value.length);
    void model.loadMore();
  };
  useQueueKeys(tickets, model.loaded.value, model.nextCursor.value ? loadMore : undefined);

  return (
    <section class="screen" aria-labelledby="screen-title">
      <header class="screen__header">
        <ScreenHeading id="screen-title">Tickets</ScreenHeading>
        {/* Not disabled while loading: a focused button that becomes disabled drops the keyboard to the page's start.
            Pressed again, it starts the read over (the first is cancelled). */}
        <button type="button" class="button" onClick={() => void model.reload()} aria-busy={loading}>
          Refresh
        </button>
      </header>
      <FilterBar filters={filters} />
      <StatusTabs filters={filters} counts={model.counts.value} />
      {error && (
        <ErrorNotice
          error={error}
          title={tickets.length ? "Couldn't load more tickets" : "Couldn't load tickets"}
          onRetry={() => void (tickets.length ? model.loadMore() : model.reload())}
        />
      )}
      {!model.loaded.value && loading && (
        <p class="placeholder" role="status">
          Loading tickets…
        </p>
      )}
      {model.loaded.value && tickets.length === 0 && (
        <div class="empty">
          <p class="empty__title">
            {filtered ? "No tickets match these filters" : status ? `No ${status} tickets` : "No tickets yet"}
          </p>
          {filtered ? (
            // The way out of an empty view is the filters, not the widget.
            <p>
              {/* The link goes away with the empty view: focus would fall to the page's start. */}
              <Link href={href("", { status })} onRouted={() => document.getElementById("ticket-search")?.focus()}>
                Clear the filters
              </Link>
              {status ? ` (keeps ${status})` : ""}
            </p>
          ) : (
            <p class="muted">Tickets your customers send from the widget show up here, highest priority first.</p>
          )}
          {Object.keys(filters).length === 0 && <WidgetSetupHint />}
        </div>
      )}
      {tickets.length > 0 && (
        <p class="muted small keyboard-hint">
          <kbd>j</kbd> <kbd>k</kbd> to move, <kbd>Enter</kbd> to open, <kbd>x</kbd> to select, <kbd>?</kbd> for all
          shortcuts
        </p>
      )}
      {tickets.length > 0 && <BulkBar onDone={() => model.reload()} />}
      {tickets.length > 0 && <TicketTable tickets={tickets} />}
      {model.nextCursor.value && (
        <div class="load-more">
          <button type="button" class="button" onClick={() => void loadMore()} disabled={loading}>
            {loading ? "Loading…" : "Load more"}
          </button>
        </div>
      )}
    </section>
  );
}
