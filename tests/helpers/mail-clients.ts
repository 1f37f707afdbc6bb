/**
 * Raw replies as real mail clients send them (headers, MIME structure, transfer encodings and quoting habits copied
 * from captured messages, names and dates changed); attachments, automatic replies and bounces in mail-client-extras.ts.
 */
import { type Answering, b64, CRLF, head } from "./mail-mime.js";

export type { Answering } from "./mail-mime.js";
export * from "./mail-client-extras.js";

/** Gmail web, English: text + HTML, the attribution wrapped before the address as Gmail's 78-column plain text does. */
export const gmailEnglish = (a: Answering, reply = "It works now, thanks!") =>
  CRLF([
    ...head(a, ['Content-Type: multipart/alternative; boundary="000000000000a1b2c3"']),
    "",
    "--000000000000a1b2c3",
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    reply,
    "",
    "On Thu, Dec 3, 2026 at 10:00\u202fAM Acme Support <",
    `${a.replyTo}> wrote:`,
    "",
    "> Reply above this line",
    ">",
    "> Could you try the export again now?",
    ">",
    "",
    "--000000000000a1b2c3",
    'Content-Type: text/html; charset="UTF-8"',
    "",
    `<div dir="ltr">${reply}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Thu, Dec 3, 2026 at 10:00 AM Acme Support &lt;<a href="mailto:${a.replyTo}">${a.replyTo}</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">Could you try the export again now?</blockquote></div>`,
    "",
    "--000000000000a1b2c3--",
    "",
  ]);

/** Gmail, German UI: quoted-printable UTF-8, "Am … schrieb … <" wrapped, the address and ">:" on the next line. */
export const gmailGerman = (a: Answering) =>
  CRLF([
    ...head(a, ['Content-Type: multipart/alternative; boundary="0000000000007f3e9d"']),
    "",
    "--0000000000007f3e9d",
    'Content-Type: text/plain; charset="UTF-8"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "Hallo, der Export l=C3=A4uft jetzt wieder. Vielen Dank f=C3=BCr die schnelle =",
    "Hilfe!",
    "",
    "Gr=C3=BC=C3=9Fe",
    "J=C3=BCrgen",
    "",
    "Am Do., 3. Dez. 2026 um 10:00 Uhr schrieb Acme Support <",
    `${a.replyTo}>:`,
    "",
    "> Antworten Sie oberhalb dieser Zeile",
    ">",
    "> K=C3=B6nnten Sie den Export noch einmal versuchen?",
    "",
    "--0000000000007f3e9d",
    'Content-Type: text/html; charset="UTF-8"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    '<div dir=3D"ltr">Hallo, der Export l=C3=A4uft jetzt wieder.</div>',
    "",
    "--0000000000007f3e9d--",
    "",
  ]);

/** Gmail, French UI: "Le … a écrit :" wrapped between "a" and "écrit", narrow no-break space before the colon. */
export const gmailFrench = (a: Answering) =>
  CRLF([
    ...head(a, ['Content-Type: multipart/alternative; boundary="00000000000012ab34"']),
    "",
    "--00000000000012ab34",
    'Content-Type: text/plain; charset="UTF-8"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "Bonjour, l'export fonctionne =C3=A0 nouveau. Merci beaucoup !",
    "",
    `Le jeu. 3 d=C3=A9c. 2026 =C3=A0 10:00, Acme Support <${a.replyTo}> a`,
    "=C3=A9crit=E2=80=AF:",
    "",
    "> R=C3=A9pondez au-dessus de cette ligne",
    ">",
    "> Pourriez-vous r=C3=A9essayer l'export ?",
    "",
    "--00000000000012ab34--",
    "",
  ]);

/** Outlook desktop (Windows), plain text windows-1252 quoted-printable, "-----Original Message-----". */
export const outlookOriginalMessage = (a: Answering) =>
  CRLF([
    ...head(a, [
      "Thread-Topic: [HO-1] Export fails",
      "Thread-Index: AQHbRc1pX2qk8pQqT0e3u1rYb6Yv4g==",
      'Content-Type: text/plain; charset="windows-1252"',
      "Content-Transfer-Encoding: quoted-printable",
      "X-Mailer: Microsoft Outlook 16.0",
    ]),
    "",
    "The export works again =96 thanks for the quick help.",
    "",
    "Jamie",
    "",
    "-----Original Message-----",
    "From: Acme Support <support@acme.example> ",
    "Sent: Thursday, December 3, 2026 10:00 AM",
    `To: Jamie Doe <${a.customer}>`,
    "Subject: [HO-1] Export fails",
    "",
    "Could you try the export again now?",
    "",
  ]);

/** Outlook 365 in German: windows-1252 QP with umlauts, underscore rule then the "Von:/Gesendet:/An:/Betreff:" block. */
export const outlookGerman = (a: Answering) =>
  CRLF([
    ...head(a, ['Content-Type: multipart/alternative; boundary="_000_AM0PR07MB1234_"', "Content-Language: de-DE"]),
    "",
    "--_000_AM0PR07MB1234_",
    'Content-Type: text/plain; charset="windows-1252"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "Der Export l=E4uft wieder, vielen Dank!",
    "",
    "Mit freundlichen Gr=FC=DFen",
    "J=FCrgen M=FCller",
    "",
    "________________________________",
    "Von: Acme Support <support@acme.example>",
    "Gesendet: Donnerstag, 3. Dezember 2026 10:00",
    `An: J=FCrgen M=FCller <${a.customer}>`,
    "Betreff: [HO-1] Export schl=E4gt fehl",
    "",
    "K=F6nnten Sie den Export noch einmal versuchen?",
    "",
    "--_000_AM0PR07MB1234_",
    'Content-Type: text/html; charset="windows-1252"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "<html><body><p>Der Export l=E4uft wieder, vielen Dank!</p></body></html>",
    "",
    "--_000_AM0PR07MB1234_--",
    "",
  ]);

/** Outlook in French: "De : / Envoyé : / À : / Objet :" with no-break spaces before the colons, iso-8859-1 8bit. */
export const outlookFrench = (a: Answering) =>
  Buffer.concat([
    Buffer.from(
      CRLF([...head(a, ['Content-Type: text/plain; charset="iso-8859-1"', "Content-Transfer-Encoding: 8bit"]), "", ""]),
    ),
    Buffer.from(
      CRLF([
        "C'est réglé, merci beaucoup.",
        "",
        "________________________________",
        "De\u00a0: Acme Support <support@acme.example>",
        "Envoyé\u00a0: jeudi 3 décembre 2026 10:00",
        `À\u00a0: Jamie Doe <${a.customer}>`,
        "Objet\u00a0: [HO-1] L'export échoue",
        "",
        "Pourriez-vous réessayer l'export ?",
        "",
      ]),
      "latin1",
    ),
  ]);

/** Outlook on the web / 365, HTML only (no text part), base64: the divRplyFwdMsg header block after an <hr>. */
export const outlookHtmlOnly = (a: Answering) =>
  CRLF([
    ...head(a, ['Content-Type: text/html; charset="utf-8"', "Content-Transfer-Encoding: base64"]),
    "",
    b64(
      [
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>',
        '<body><div dir="ltr"><div style="font-family: Aptos, Arial, sans-serif; font-size: 12pt;">',
        "Still failing for me, see the error below:<br>ERR_EXPORT_TIMEOUT after 30 s</div>",
        '<div id="appendonsend"></div>',
        '<hr style="display:inline-block;width:98%" tabindex="-1">',
        '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">',
        "<b>From:</b> Acme Support &lt;support@acme.example&gt;<br><b>Sent:</b> Thursday, December 3, 2026 10:00 AM<br>",
        `<b>To:</b> Jamie Doe &lt;${a.customer}&gt;<br><b>Subject:</b> [HO-1] Export fails</font>`,
        "<div>&nbsp;</div></div><div><p>Could you try the export again now?</p></div></body></html>",
      ].join("\r\n"),
    ),
    "",
  ]);

/** iPhone Mail: the attribution itself quoted ("> On … wrote:"), the default signature above it. */
export const iphone = (a: Answering, german = false) =>
  CRLF([
    ...head(a, [
      'Content-Type: text/plain; charset="utf-8"',
      "Content-Transfer-Encoding: quoted-printable",
      "X-Mailer: iPhone Mail (22B91)",
    ]),
    "",
    german ? "Ja, geht wieder. Danke!" : "Yes that fixed it, thank you!",
    "",
    german ? "Von meinem iPhone gesendet" : "Sent from my iPhone",
    "",
    german
      ? `> Am 03.12.2026 um 10:00 schrieb Acme Support <${a.replyTo}>:`
      : `> On 3 Dec 2026, at 10:00, Acme Support <${a.replyTo}> wrote:`,
    ">=20",
    "> =EF=BB=BFCould you try the export again now?",
    "",
  ]);

/** Thunderbird, format=flowed, answering inline between the quoted lines. */
export const thunderbirdInline = (a: Answering) =>
  CRLF([
    ...head(a, [
      "User-Agent: Mozilla Thunderbird",
      "Content-Language: en-US",
      "Content-Type: text/plain; charset=UTF-8; format=flowed",
      "Content-Transfer-Encoding: 8bit",
    ]),
    "",
    "On 12/3/26 10:00, Acme Support wrote:",
    "> Which browser do you use?",
    "",
    "Firefox 133 on Ubuntu.",
    "",
    "> And does the export fail for every report, or only for large ones?",
    "",
    "Only for reports over about 5,000 rows; smaller ones are fine.",
    "",
    "-- ",
    "Jamie Doe",
    "Northwind",
    "",
  ]);

/** Apple Mail (macOS), HTML-only message as it sends a rich-text reply with no alternative part. */
export const appleMailHtmlOnly = (a: Answering) =>
  CRLF([
    ...head(a, [
      'Content-Type: text/html; charset="us-ascii"',
      "Content-Transfer-Encoding: quoted-printable",
      "X-Mailer: Apple Mail (2.3826.200.121)",
    ]),
    "",
    '<html><head><meta http-equiv=3D"content-type" content=3D"text/html; charset=3Dus-ascii"></head><body style=3D"overflow-wrap: break-word;">Works again, <b>thanks</b>!<br id=3D"lineBreakAtBeginningOfMessage"><div><br><blockquote type=3D"cite"><div>On 3 Dec 2026, at 10:00, Acme Support &lt;support@acme.example&gt; wrote:</div><br><div><div>Could you try the export again now?</div></div></blockquote></div><br></body></html>',
    "",
  ]);

/** A webmail that sends base64 UTF-8, with a "-- " signature. */
export const base64WithSignature = (a: Answering) =>
  CRLF([
    ...head(a, ['Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: base64"]),
    "",
    b64("Das Problem ist gelöst — danke! 👍\r\n\r\n-- \r\nJamie Doe · Northwind GmbH · +49 30 1234567\r\n"),
    "",
  ]);

/** Only the quoted message: the customer pressed Send without writing anything. */
export const emptyReply = (a: Answering) =>
  CRLF([
    ...head(a, ['Content-Type: text/plain; charset="UTF-8"']),
    "",
    "",
    "On Thu, Dec 3, 2026 at 10:00 AM Acme Support <support@acme.example> wrote:",
    "> Could you try the export again now?",
    "",
  ]);
