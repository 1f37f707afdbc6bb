import { Component } from "preact";
import type { ConversationStore } from "../conversation/sync.js";
import { describeFailure, isProblem } from "./errors.js";
import type { Strings } from "./strings.js";
import type { ConversationStrings } from "./strings-conversation.js";

type Step = "hidden" | "ask" | "sending" | "done";

interface Props {
  t: Strings & ConversationStrings;
  store: ConversationStore;
  id: string;
}

interface State {
  step: Step;
  repeated?: boolean;
  inTime?: boolean;
  people: string;
  error: string;
  tried?: boolean; // Send was pressed with a question unanswered: those are marked
}

/**
 * The three questions after an escalated ticket is resolved, asked once, inside its thread. Only when this browser
 * filed the ticket (it holds the upload token that authorises the answer) and the server says they are due.
 */
export class Feedback extends Component<Props, State> {
  override state: State = { step: "hidden", people: "1", error: "" };
  live = true;

  override componentDidMount() {
    this.props.store.feedbackWanted(this.props.id).then(
      (wanted) => this.live && wanted && this.setState({ step: "ask" }),
      () => undefined,
    );
  }

  override componentWillUnmount() {
    this.live = false;
  }

  // The questions and their Send button give way to the thanks: the keyboard's focus would go to the page with them
  // (Escape and Tab no longer reached the widget), so it moves to the thanks.
  override componentDidUpdate(_: Props, before: State) {
    const thanks = this.base as HTMLElement | undefined;
    if (thanks && before.step === "sending" && this.state.step === "done")
      if (!(thanks.getRootNode() as ShadowRoot).activeElement) thanks.focus();
  }

  submit = async (event: Event) => {
    event.preventDefault();
    const { t, store, id } = this.props;
    const { repeated, inTime, people } = this.state;
    const count = Number(people);
    if (repeated === undefined || inTime === undefined || !Number.isInteger(count) || count < 1 || count > 20)
      // "Please fix the highlighted fields": they are highlighted, and the keyboard goes to the first one.
      return this.setState({ error: t.errorFix, tried: true }, () =>
        (this.base as HTMLElement).querySelector<HTMLElement>("input[aria-invalid]")?.focus(),
      );
    this.setState({ step: "sending", error: "" });
    try {
      await store.sendFeedback(id, {
        repeatedThemselves: repeated,
        peopleTalkedTo: count,
        resolvedInReasonableTime: inTime,
      });
      this.setState({ step: "done" });
    } catch (e) {
      // 409: already answered (another tab): nothing left to ask.
      if (isProblem(e) && e.status === 409) return this.setState({ step: "done" });
      this.setState({ step: "ask", error: describeFailure(e, t).message });
    }
  };

  override render({ t }: Props, { step, repeated, inTime, people, error, tried }: State) {
    if (step === "hidden") return null;
    if (step === "done")
      return (
        <p role="status" tabIndex={-1}>
          {t.feedbackThanks}
        </p>
      );

    const count = Number(people);
    const invalid = (bad: boolean) => (tried && bad ? "true" : undefined);
    const yesNo = (name: string, legend: string, value: boolean | undefined, key: "repeated" | "inTime") => (
      <fieldset class="q" aria-invalid={invalid(value === undefined)}>
        <legend>{legend}</legend>
        {[true, false].map((v) => (
          <label class="c" key={String(v)}>
            <input
              type="radio"
              name={name}
              checked={value === v}
              aria-invalid={invalid(value === undefined)}
              onChange={() => this.setState({ [key]: v, error: "" })}
            />
            {v ? t.yes : t.no}
          </label>
        ))}
      </fieldset>
    );

    return (
      <form class="fb" onSubmit={this.submit} noValidate aria-label={t.feedbackTitle}>
        <h3>{t.feedbackTitle}</h3>
        {yesNo("ho-repeated", t.feedbackRepeated, repeated, "repeated")}
        <div class="f">
          <label for="ho-people">{t.feedbackPeople}</label>
          <input
            id="ho-people"
            type="number"
            min={1}
            max={20}
            value={people}
            aria-invalid={invalid(!Number.isInteger(count) || count < 1 || count > 20)}
            onInput={(e) => this.setState({ people: (e.currentTarget as HTMLInputElement).value })}
          />
        </div>
        {yesNo("ho-intime", t.feedbackInTime, inTime, "inTime")}
        {error && (
          <div class="a" role="alert">
            {error}
          </div>
        )}
        <div class="b">
          <button type="submit" class="s" disabled={step === "sending"}>
            {step === "sending" ? t.sending : t.feedbackSend}
          </button>
        </div>
      </form>
    );
  }
}
