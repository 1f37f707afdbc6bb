/** Replies with files, automatic replies (out of office) and bounces, as mail servers and clients send them. */
import { type Answering, b64, CRLF, head } from "./mail-mime.js";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * Gmail with a screenshot and a log attached (multipart/mixed around the alternative), a PDF typed
 * application/octet-stream as Outlook and iOS send files they have no type for, and a program.
 */
export const withAttachments = (a: Answering, reply = "Here is the screenshot and the log.") =>
  CRLF([
    ...head(a, ['Content-Type: multipart/mixed; boundary="000000000000mixed"']),
    "",
    "--000000000000mixed",
    'Content-Type: multipart/alternative; boundary="000000000000alt"',
    "",
    "--000000000000alt",
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    reply,
    "",
    "On Thu, Dec 3, 2026 at 10:00 AM Acme Support <support@acme.example> wrote:",
    "> Could you send a screenshot?",
    "",
    "--000000000000alt--",
    "",
    "--000000000000mixed",
    'Content-Type: image/png; name="export error.png"',
    'Content-Disposition: attachment; filename="export error.png"',
    "Content-Transfer-Encoding: base64",
    "X-Attachment-Id: f_m3x8k2q10",
    "",
    b64(PNG),
    "--000000000000mixed",
    'Content-Type: text/plain; charset="US-ASCII"; name="export.log"',
    'Content-Disposition: attachment; filename="export.log"',
    "Content-Transfer-Encoding: base64",
    "",
    b64("12:00:01 export started\n12:00:31 ERR_EXPORT_TIMEOUT\n"),
    "--000000000000mixed",
    'Content-Type: application/octet-stream; name="invoice 2026-11.pdf"',
    'Content-Disposition: attachment; filename="invoice 2026-11.pdf"',
    "Content-Transfer-Encoding: base64",
    "",
    b64("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
    "--000000000000mixed",
    'Content-Type: application/x-msdownload; name="setup.exe"',
    'Content-Disposition: attachment; filename="setup.exe"',
    "Content-Transfer-Encoding: base64",
    "",
    b64("MZ\u0090\u0000not really a program"),
    "--000000000000mixed--",
    "",
  ]);

/** An out-of-office reply; `kind` picks the header a responder marks itself with. */
export const outOfOffice = (a: Answering, kind: "auto-submitted" | "x-autoreply" | "precedence" | "exchange") =>
  CRLF([
    `From: Jamie Doe <${a.from ?? a.customer}>`,
    `To: Acme Support <${a.replyTo}>`,
    `Subject: ${kind === "exchange" ? "Automatic reply" : "Out of office"}: [HO-1] Export fails`,
    "Date: Fri, 4 Dec 2026 09:12:33 +0100",
    `Message-ID: <${Math.random().toString(36).slice(2)}@mail.northwind.example>`,
    `In-Reply-To: ${a.messageId}`,
    `References: ${a.messageId}`,
    ...(kind === "auto-submitted" ? ["Auto-Submitted: auto-replied"] : []),
    ...(kind === "x-autoreply" ? ["X-Autoreply: yes"] : []),
    ...(kind === "precedence" ? ["Precedence: bulk"] : []),
    ...(kind === "exchange" ? ["Auto-Submitted: auto-generated", "X-Auto-Response-Suppress: All"] : []),
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    "I am out of the office until 14 December with limited access to email.",
    "",
  ]);

/** A delivery status notification (RFC 3464) naming our mail in References, as Gmail's and Exchange's do. */
export const bounce = (a: Answering) =>
  CRLF([
    "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
    `To: ${a.replyTo}`,
    "Subject: Delivery Status Notification (Failure)",
    "Date: Fri, 4 Dec 2026 09:12:33 +0100",
    `Message-ID: <${Math.random().toString(36).slice(2)}@mx.google.com>`,
    `In-Reply-To: ${a.messageId}`,
    `References: ${a.messageId}`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="00000000000dsn"',
    "",
    "--00000000000dsn",
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    "Address not found",
    "Your message wasn't delivered to jamie@northwind.example because the address couldn't be found.",
    "",
    "--00000000000dsn",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; googlemail.com",
    "",
    "Final-Recipient: rfc822; jamie@northwind.example",
    "Action: failed",
    "Status: 5.1.1",
    "",
    "--00000000000dsn",
    "Content-Type: message/rfc822",
    "",
    `Message-ID: ${a.messageId}`,
    "Subject: [HO-1] Export fails",
    "",
    "Could you try the export again now?",
    "--00000000000dsn--",
    "",
  ]);

/** Apple Mail with one big photo: `bytes` of PNG (its header, then filler), base64 as every client sends it. */
export const withLargeImage = (a: Answering, bytes: number) =>
  CRLF([
    ...head(a, ['Content-Type: multipart/mixed; boundary="Apple-Mail=_5E2C1A"', "X-Mailer: Apple Mail (2.3826)"]),
    "",
    "--Apple-Mail=_5E2C1A",
    'Content-Type: text/plain; charset="us-ascii"',
    "",
    "The full-size screenshot.",
    "",
    "--Apple-Mail=_5E2C1A",
    "Content-Disposition: attachment; filename=screenshot.png",
    'Content-Type: image/png; name="screenshot.png"',
    "Content-Transfer-Encoding: base64",
    "",
    b64(Buffer.concat([PNG, Buffer.alloc(bytes - PNG.length, 7)])),
    "--Apple-Mail=_5E2C1A--",
    "",
  ]);
