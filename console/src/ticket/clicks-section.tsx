import type { Click } from "../../../shared/index.js";
import type { ReplayModel } from "../replay/replay-model.js";
import { Section } from "../ui/section.js";
import { EventTime } from "./event-time.js";

interface Props {
  clicks: Click[];
  reference: number | null;
  replay: ReplayModel;
}

export function ClicksSection({ clicks, reference, replay }: Props) {
  return (
    <Section id="clicks" title="Clicks" count={clicks.length} empty="No clicks were captured.">
      <div class="table-wrap">
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Element</th>
              <th scope="col">Selector</th>
              <th scope="col">
                <span class="visually-hidden">Signals</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {clicks.map((click, index) => (
              <tr key={`${click.t}-${index}`} class={click.rage ? "row--rage" : undefined}>
                <td class="nowrap">
                  <EventTime t={click.t} reference={reference} replay={replay} label="click" />
                </td>
                <td>
                  {click.text ? <span class="click-text">“{click.text}”</span> : <span class="muted">(no text)</span>}{" "}
                  <span class="muted small">
                    {click.tag}
                    {click.role ? ` · ${click.role}` : ""}
                  </span>
                </td>
                <td>
                  <code class="selector">{click.selector}</code>
                </td>
                <td class="nowrap">
                  {click.rage && <span class="badge badge--rage">Rage click</span>}
                  {click.dead && (
                    <span class="badge badge--dead" title="Nothing happened on the page after this click">
                      Dead click
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
