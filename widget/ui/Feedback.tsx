import { useEffect, useState } from "preact/hooks";
import type { ConversationStore } from "../conversation/sync.js";
import { describeFailure, isProblem } from "./errors.js";
import type { Strings } from "./strings.js";
import type { ConversationStrings } from "./strings-conversation.js";

type Step = "hidden" | "ask" | "sending" | "done";

/**
 * The three questions after an escalated ticket is resolved, asked once, inside its thread. Only when this browser
 * filed the ticket (it holds the upload token that authorises the answer) and the server says they are due.
 */
export function Feedback({ t, store, id }: { t: Strings & ConversationStrings; store: ConversationStore; id: string }) {
  const [step, setStep] = useState<Step>("hidden");
  const [repeated, setRepeated] = useState<boolean>();
  const [inTime, setInTime] = useState<boolean>();
  const [people, setPeople] = useState("1");
  const [error, setError] = useState("");

  useEffect(() => {
    let live = true;
    store.feedbackWanted(id).then(
      (wanted) => live && wanted && setStep("ask"),
      () => undefined,
    );
    return () => void (live = false);
  }, [id]);

  if (step === "hidden") return null;
  if (step === "done") return <p role="status">{t.feedbackThanks}</p>;

  const count = Number(people);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (repeated === undefined || inTime === undefined || !Number.isInteger(count) || count < 1 || count > 20)
      return setError(t.errorFix);
    setStep("sending");
    setError("");
    try {
      await store.sendFeedback(id, {
        repeatedThemselves: repeated,
        peopleTalkedTo: count,
        resolvedInReasonableTime: inTime,
      });
      setStep("done");
    } catch (e) {
      // 409: already answered (another tab): nothing left to ask.
      if (isProblem(e) && e.status === 409) return setStep("done");
      setStep("ask");
      setError(describeFailure(e, t).message);
    }
  };

  const yesNo = (name: string, legend: string, value: boolean | undefined, set: (v: boolean) => void) => (
    <fieldset class="q">
      <legend>{legend}</legend>
      {[true, false].map((v) => (
        <label class="c" key={String(v)}>
          <input type="radio" name={name} checked={value === v} onChange={() => (set(v), setError(""))} />
          {v ? t.yes : t.no}
        </label>
      ))}
    </fieldset>
  );

  return (
    <form class="fb" onSubmit={submit} noValidate aria-label={t.feedbackTitle}>
      <h3>{t.feedbackTitle}</h3>
      {yesNo("ho-repeated", t.feedbackRepeated, repeated, setRepeated)}
      <div class="f">
        <label for="ho-people">{t.feedbackPeople}</label>
        <input
          id="ho-people"
          type="number"
          min={1}
          max={20}
          value={people}
          onInput={(e) => setPeople((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      {yesNo("ho-intime", t.feedbackInTime, inTime, setInTime)}
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
