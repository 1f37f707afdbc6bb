import { describe, expect, it } from "vitest";
import { stripQuotedReply } from "../../server/services/notifications/strip-quoted-reply.js";

describe("what of an emailed reply lands on the ticket", () => {
  it("keeps a customer's own line that starts like a header, when no header block follows", () => {
    const text = [
      "The export fails for one date range only.",
      "From: 1 December to 3 December, every report is empty.",
      "Before that it works.",
      "",
      "On Thu, Dec 3, 2026 at 10:00 AM Acme Support <support@acme.example> wrote:",
      "> Which reports fail?",
    ].join("\n");
    expect(stripQuotedReply(text)).toBe(
      "The export fails for one date range only.\nFrom: 1 December to 3 December, every report is empty.\nBefore that it works.",
    );
  });

  it("still cuts at Outlook for Mac's header block (From/Date/To)", () => {
    const text =
      "Fixed, thanks.\n\nFrom: Acme Support <support@acme.example>\nDate: Thursday, 3 December 2026 at 10:00\nTo: Jamie\nSubject: Re: Export\n\nold";
    expect(stripQuotedReply(text)).toBe("Fixed, thanks.");
  });

  it("drops Outlook mobile's 'Get Outlook for iOS' with its link", () => {
    expect(stripQuotedReply("Works now.\n\nGet Outlook for iOS<https://aka.ms/o0ukef>\n")).toBe("Works now.");
  });

  it("keeps 'Sent from my phone:' when it is what the customer wrote", () => {
    expect(stripQuotedReply("Sent from my phone: it works now, thanks!")).toBe(
      "Sent from my phone: it works now, thanks!",
    );
  });
});
