import type { Context } from "hono";
import { LIMITS } from "../../shared/limits.js";
import { type CustomerFeedback, customerFeedbackSchema } from "../../shared/metrics.js";
import { authenticateSurveyLink } from "../access/survey-link.js";
import type { AppEnv } from "../env.js";
import { getFeedbackState, submitFeedback } from "../services/customer/submit-feedback.js";
import { ServiceError } from "../services/service-error.js";
import { readBodyBytes } from "./body.js";
import { emailLinkApp } from "./email-link-app.js";
import {
  invalidSurveyPage,
  type SurveyDraft,
  surveyAlreadyAnswered,
  surveyClosed,
  surveyForm,
  surveyThanks,
} from "./survey-page.js";

const yesNo = (v: string | undefined) => (v === "yes" ? true : v === "no" ? false : undefined);

/** The form's fields as the shared schema's answers, or null when one is missing or out of range. */
function answersFrom(draft: SurveyDraft): CustomerFeedback | null {
  const parsed = customerFeedbackSchema.safeParse({
    repeatedThemselves: yesNo(draft.repeatedThemselves),
    peopleTalkedTo: draft.peopleTalkedTo ? Number(draft.peopleTalkedTo) : undefined,
    resolvedInReasonableTime: yesNo(draft.resolvedInReasonableTime),
  });
  return parsed.success ? parsed.data : null;
}

async function readDraft(c: Context<AppEnv>): Promise<SurveyDraft> {
  const bytes = await readBodyBytes(c, LIMITS.feedbackBytes);
  const type = c.req.header("content-type") ?? "application/x-www-form-urlencoded";
  const form = await new Response(Buffer.from(bytes), { headers: { "Content-Type": type } })
    .formData()
    .catch(() => null);
  const field = (name: keyof CustomerFeedback) => {
    const v = form?.get(name);
    return typeof v === "string" ? v.slice(0, 10) : undefined;
  };
  return {
    repeatedThemselves: field("repeatedThemselves"),
    peopleTalkedTo: field("peopleTalkedTo"),
    resolvedInReasonableTime: field("resolvedInReasonableTime"),
  };
}

/**
 * /email/feedback/:token, the survey links of the resolved mail. GET only shows the questions with the clicked answer
 * chosen (mail scanners and previews fetch links); POST records them through the widget's own verb, so the answers,
 * the once-per-ticket rule (a second answer is 409) and the timeline event are the same.
 */
export function emailFeedbackRoutes() {
  const app = emailLinkApp(invalidSurveyPage);
  app.get("/:token", async (c) => {
    const db = c.get("db");
    const link = await authenticateSurveyLink(db, c.req.param("token"));
    const state = await getFeedbackState(db, { ticketId: link.holder.ticketId, caller: link.holder });
    if (state.answered) return c.html(surveyAlreadyAnswered(link.lang, link.reference));
    if (!state.eligible) return c.html(surveyClosed(link.lang, link.reference));
    const draft = { resolvedInReasonableTime: c.req.query("inTime") };
    return c.html(surveyForm(link.lang, link.reference, draft));
  });
  app.post("/:token", async (c) => {
    const db = c.get("db");
    const link = await authenticateSurveyLink(db, c.req.param("token"));
    const draft = await readDraft(c);
    const state = await getFeedbackState(db, { ticketId: link.holder.ticketId, caller: link.holder });
    if (state.answered) return c.html(surveyAlreadyAnswered(link.lang, link.reference), 409);
    if (!state.eligible) return c.html(surveyClosed(link.lang, link.reference), 409);
    const answers = answersFrom(draft);
    if (!answers) return c.html(surveyForm(link.lang, link.reference, draft, true), 422);
    try {
      await submitFeedback(db, { ticketId: link.holder.ticketId, caller: link.holder, answers });
    } catch (error) {
      // Answered a moment ago (the widget, another click): the first answers stand.
      if (error instanceof ServiceError && error.code === "conflict")
        return c.html(surveyAlreadyAnswered(link.lang, link.reference), 409);
      throw error;
    }
    return c.html(surveyThanks(link.lang), 201);
  });
  return app;
}
