import type { ComponentChildren } from "preact";

interface SectionProps {
  id: string;
  title: string;
  count?: number;
  /** Shown instead of the children when count is 0. */
  empty?: string;
  children?: ComponentChildren;
}

/** A titled card on the ticket screen; its <h2> names the region for assistive tech. */
export function Section({ id, title, count, empty, children }: SectionProps) {
  const headingId = `${id}-title`;
  return (
    <section class="card" id={id} aria-labelledby={headingId}>
      <h2 class="card__title" id={headingId}>
        {title}
        {count !== undefined && <span class="count">{count}</span>}
      </h2>
      {count === 0 && empty ? <p class="muted card__empty">{empty}</p> : children}
    </section>
  );
}

/** Label/value pairs as a <dl>; values that are empty are left out. */
export function Facts({ items }: { items: [label: string, value: ComponentChildren][] }) {
  const shown = items.filter(([, value]) => value !== undefined && value !== null && value !== "");
  return (
    <dl class="facts">
      {shown.map(([label, value]) => (
        <div class="facts__row" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
