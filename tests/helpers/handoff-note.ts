/** A complete structured handoff note, as an agent who escalates a failed export would write it. */
export const handoff = {
  summary: "On /reports the customer clicked Export 3 times and POST /api/export returned 500",
  attempted: [{ action: "Asked the customer to retry in another browser", result: "Same 500" }],
  reason: "Failed request to an API path: needs an engineer",
  customerGoal: "Export the Q3 report before the board meeting",
  replayMoments: [{ atMs: 20_000, note: "POST /api/export returned 500" }],
};
