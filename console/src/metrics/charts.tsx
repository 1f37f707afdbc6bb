import { Link } from "../ui/link.js";

/**
 * Hand-made SVG: a bar per week (tickets, light) with the escalated part on top (dark), each bar a link to its
 * escalated tickets. Scales to the container; text stays readable through viewBox + CSS width.
 */
export function WeeklyChart({
  weeks,
  linkFor,
}: {
  weeks: { week: string; tickets: number; escalated: number }[];
  linkFor: (week: string) => string;
}) {
  if (weeks.length === 0) return <p class="muted">No tickets in this period.</p>;
  const width = Math.max(320, weeks.length * 48);
  const height = 160;
  const top = Math.max(1, ...weeks.map((w) => w.tickets));
  const bar = width / weeks.length;
  const y = (n: number) => height - 20 - (n / top) * (height - 40);
  return (
    // No role="img": the bars are links, and an image cannot contain interactive parts.
    <figure class="chart-figure">
      <svg class="chart" viewBox={`0 0 ${width} ${height}`}>
        <title>Tickets and escalations per week</title>
        {weeks.map((w, i) => (
          <Link
            key={w.week}
            href={linkFor(w.week)}
            aria-label={`Week of ${w.week.slice(5)} ${w.escalated}/${w.tickets} escalated`}
          >
            <g>
              <rect
                class="chart__total"
                x={i * bar + 6}
                width={bar - 12}
                y={y(w.tickets)}
                height={height - 20 - y(w.tickets)}
              />
              <rect
                class="chart__part"
                x={i * bar + 6}
                width={bar - 12}
                y={y(w.escalated)}
                height={height - 20 - y(w.escalated)}
              />
              {/* Label, a space, value: the link's name reads them in that order (WCAG 2.5.3). */}
              <text class="chart__label" x={i * bar + bar / 2} y={height - 6} text-anchor="middle">
                {w.week.slice(5)}
              </text>{" "}
              <text class="chart__value" x={i * bar + bar / 2} y={y(w.tickets) - 4} text-anchor="middle">
                {w.escalated}/{w.tickets}
              </text>
            </g>
          </Link>
        ))}
      </svg>
      {/* Without it the pale bar of a week without escalations reads as a week full of them. */}
      <figcaption class="chart-legend muted small">
        <span class="chart-legend__swatch chart__part-swatch" aria-hidden="true" /> escalated{" "}
        <span class="chart-legend__swatch chart__total-swatch" aria-hidden="true" /> all tickets created that week
      </figcaption>
    </figure>
  );
}

/** Horizontal bars: one row per item, the number a link to the tickets behind it. */
export function BarList({
  items,
  label,
}: {
  items: { key: string; label: string; value: number; of?: number; href: string }[];
  label: string;
}) {
  if (items.length === 0) return <p class="muted">Nothing in this period.</p>;
  const top = Math.max(1, ...items.map((i) => i.of ?? i.value));
  return (
    <ul class="bars" aria-label={label}>
      {items.map((item) => (
        <li key={item.key} class="bars__row">
          <span class="bars__label">{item.label}</span>
          <svg class="bars__track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            {item.of !== undefined && <rect class="chart__total" width={(item.of / top) * 100} height="10" />}
            <rect class="chart__part" width={(item.value / top) * 100} height="10" />
          </svg>
          <Link class="bars__value" href={item.href}>
            {item.value}
            {item.of !== undefined ? ` / ${item.of}` : ""}
          </Link>
        </li>
      ))}
    </ul>
  );
}
