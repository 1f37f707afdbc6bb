import { uploadTokenFor } from "../../server/access/upload-token.js";
import type { CustomerFeedback } from "../../shared/metrics.js";
import { CUSTOMER_ORIGIN, type TestApp } from "./test-app.js";

/** The widget's answer to the feedback questions, sent as the widget sends it (upload token, text/plain beacon). */
export function postCustomerFeedback(t: TestApp, ticketId: string, answers: CustomerFeedback): Promise<Response> {
  return Promise.resolve(
    t.request(`/api/v1/widget/tickets/${ticketId}/feedback`, {
      method: "POST",
      headers: {
        "Content-Type": "text/plain",
        Origin: CUSTOMER_ORIGIN,
        Authorization: `Bearer ${uploadTokenFor(t.workspace, ticketId)}`,
      },
      body: JSON.stringify(answers),
    }),
  );
}
