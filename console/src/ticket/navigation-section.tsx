import type { Navigation } from "../../../shared/index.js";
import type { ReplayModel } from "../replay/replay-model.js";
import { Section } from "../ui/section.js";
import { EventTime } from "./event-time.js";

const KIND_LABELS: Record<Navigation["kind"], string> = {
  load: "Page load",
  pushState: "Route change",
  replaceState: "Route replace",
  popstate: "Back/forward",
  hashchange: "Hash change",
};

export function NavigationSection(props: { navigation: Navigation[]; reference: number | null; replay: ReplayModel }) {
  const { navigation, reference, replay } = props;
  return (
    <Section id="navigation" title="Navigation" count={navigation.length} empty="No page changes were captured.">
      <ol class="timeline">
        {navigation.map((entry, index) => (
          <li key={`${entry.t}-${index}`} class="timeline__item">
            <EventTime t={entry.t} reference={reference} replay={replay} label="navigation" />
            <span class="badge badge--neutral">{KIND_LABELS[entry.kind]}</span>
            <span class="timeline__body">
              <span class="url">{entry.url}</span>
              {entry.title && <span class="muted small"> — {entry.title}</span>}
            </span>
          </li>
        ))}
      </ol>
    </Section>
  );
}
