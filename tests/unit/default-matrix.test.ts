import { describe, expect, it } from "vitest";
import { evaluateMatrix } from "../../server/services/routing/evaluate-matrix.js";
import { DEFAULT_MATRIX_RULES } from "../../shared/default-matrix.js";
import { captureContextSchema } from "../../shared/context.js";

/** The severity a new workspace's matrix gives a ticket with only this text. */
const severityOf = (description: string) =>
  evaluateMatrix(DEFAULT_MATRIX_RULES, {
    subject: "",
    description,
    verifiedPlan: null,
    pageUrl: "https://app.example/home",
    context: captureContextSchema.parse({}),
    customerReplies: 0,
    minutesInTierWithoutAgentActivity: 0,
  }).severity;

describe("the default matrix's outage rule", () => {
  it("makes outages and data loss critical, in the words customers use", () => {
    for (const text of [
      "The whole app is down, we get a 502 on every page.",
      "Your site has been down for 20 minutes, none of my team can work.",
      "Login is down for all of us since 9am.",
      "Everything went down right after your maintenance window.",
      "Service down? Dashboard won't load for anyone in our company.",
      "Our integration is down again, third time this week.",
      "Server down. Nothing loads.",
      "Outage in EU region? All users get timeouts.",
      "We lost all our contacts after the sync last night.",
      "Is the platform down? status page says green but nobody here can open a board.",
      "Die Seite ist down, niemand kann sich einloggen.",
      "The app keeps going down every few minutes.",
    ])
      expect([text, severityOf(text)]).toEqual([text, "critical"]);
  });

  // Before, "down" and "all users" were bare keywords: 14 of these 15 were critical.
  it("leaves ordinary tickets that say 'down' or 'all users' alone", () => {
    for (const text of [
      "When I scroll down the report list the last rows never load.",
      "The country drop down on the signup form is empty.",
      "How do I see a list of all users in our workspace?",
      "Can I send an announcement to all users of my account?",
      "The numbers went down after we changed the filter, is that expected?",
      "Please write down the steps to connect Slack.",
      "How do I narrow down search results by date?",
      "The down arrow key does not move the selection in the table.",
      "Can all users in a team see each other's drafts?",
      "We'd like to break down the report by region.",
      "Shut down my trial please, we chose another tool.",
    ])
      expect([text, severityOf(text)]).not.toEqual([text, "critical"]);
  });
});
