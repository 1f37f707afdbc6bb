/** Every string of the notification emails, per language (the widget's seven). */
export type Lang = "en" | "de" | "fr" | "es" | "it" | "pt" | "nl";
const LANGS: readonly string[] = ["en", "de", "fr", "es", "it", "pt", "nl"];

export const EMAIL_STRINGS = {
  en: {
    receivedSubject: (ref: string, subject: string) => `[${ref}] We received your request: ${subject}`,
    receivedBody: (ref: string) =>
      `Thanks for reaching out. Your request ${ref} is with our support team; we will reply here. You can answer this email to add anything.`,
    replySubject: (ref: string, subject: string) => `Re: [${ref}] ${subject}`,
    replyIntro: (agent: string) => `${agent} replied:`,
    resolvedSubject: (ref: string, subject: string) => `[${ref}] Resolved: ${subject}`,
    resolvedBody: (ref: string) =>
      `We marked ${ref} as resolved. If something is still not right, just reply to this email and it reopens.`,
    viewConversation: "View the conversation",
    replyAbove: "Reply above this line to answer.",
    footer: "You get this email because you contacted support.",
    unsubscribe: "Unsubscribe",
    surveyTitle: "Before you go: how did it go?",
    surveyInTime: "Was it resolved in a reasonable time?",
    yes: "Yes",
    no: "No",
    surveyHint: "Your click opens a page with two more short questions; nothing is recorded until you send it there.",
  },
  de: {
    receivedSubject: (ref: string, subject: string) => `[${ref}] Wir haben Ihre Anfrage erhalten: ${subject}`,
    receivedBody: (ref: string) =>
      `Danke für Ihre Nachricht. Ihre Anfrage ${ref} liegt bei unserem Support-Team; wir antworten hier. Sie können auf diese E-Mail antworten, um etwas zu ergänzen.`,
    replySubject: (ref: string, subject: string) => `Re: [${ref}] ${subject}`,
    replyIntro: (agent: string) => `${agent} hat geantwortet:`,
    resolvedSubject: (ref: string, subject: string) => `[${ref}] Gelöst: ${subject}`,
    resolvedBody: (ref: string) =>
      `Wir haben ${ref} als gelöst markiert. Falls noch etwas nicht stimmt, antworten Sie einfach auf diese E-Mail; die Anfrage wird dann wieder geöffnet.`,
    viewConversation: "Unterhaltung ansehen",
    replyAbove: "Antworten Sie oberhalb dieser Zeile.",
    footer: "Sie erhalten diese E-Mail, weil Sie den Support kontaktiert haben.",
    unsubscribe: "Abmelden",
    surveyTitle: "Kurz noch: Wie lief es?",
    surveyInTime: "Wurde es in angemessener Zeit gelöst?",
    yes: "Ja",
    no: "Nein",
    surveyHint:
      "Ihr Klick öffnet eine Seite mit zwei weiteren kurzen Fragen; gespeichert wird erst, wenn Sie dort absenden.",
  },
  fr: {
    receivedSubject: (ref: string, subject: string) => `[${ref}] Nous avons bien reçu votre demande : ${subject}`,
    receivedBody: (ref: string) =>
      `Merci de nous avoir écrit. Votre demande ${ref} est entre les mains de notre équipe support ; nous répondrons ici. Vous pouvez répondre à cet e-mail pour ajouter un détail.`,
    replySubject: (ref: string, subject: string) => `Re: [${ref}] ${subject}`,
    replyIntro: (agent: string) => `${agent} a répondu :`,
    resolvedSubject: (ref: string, subject: string) => `[${ref}] Résolu : ${subject}`,
    resolvedBody: (ref: string) =>
      `Nous avons marqué ${ref} comme résolu. Si quelque chose ne va toujours pas, répondez simplement à cet e-mail pour la rouvrir.`,
    viewConversation: "Voir la conversation",
    replyAbove: "Répondez au-dessus de cette ligne.",
    footer: "Vous recevez cet e-mail parce que vous avez contacté le support.",
    unsubscribe: "Se désabonner",
    surveyTitle: "Avant de partir : comment cela s'est-il passé ?",
    surveyInTime: "Le problème a-t-il été résolu dans un délai raisonnable ?",
    yes: "Oui",
    no: "Non",
    surveyHint:
      "Votre clic ouvre une page avec deux autres questions courtes ; rien n'est enregistré avant que vous l'envoyiez.",
  },
  es: {
    receivedSubject: (ref: string, subject: string) => `[${ref}] Hemos recibido su solicitud: ${subject}`,
    receivedBody: (ref: string) =>
      `Gracias por escribirnos. Su solicitud ${ref} está con nuestro equipo de soporte; le responderemos aquí. Puede responder a este correo para añadir algo.`,
    replySubject: (ref: string, subject: string) => `Re: [${ref}] ${subject}`,
    replyIntro: (agent: string) => `${agent} ha respondido:`,
    resolvedSubject: (ref: string, subject: string) => `[${ref}] Resuelto: ${subject}`,
    resolvedBody: (ref: string) =>
      `Hemos marcado ${ref} como resuelta. Si algo sigue sin funcionar, responda a este correo y se volverá a abrir.`,
    viewConversation: "Ver la conversación",
    replyAbove: "Responda por encima de esta línea.",
    footer: "Recibe este correo porque se puso en contacto con soporte.",
    unsubscribe: "Darse de baja",
    surveyTitle: "Antes de irse: ¿cómo le fue?",
    surveyInTime: "¿Se resolvió en un tiempo razonable?",
    yes: "Sí",
    no: "No",
    surveyHint: "Su clic abre una página con dos preguntas breves más; no se guarda nada hasta que la envíe allí.",
  },
  it: {
    receivedSubject: (ref: string, subject: string) => `[${ref}] Abbiamo ricevuto la Sua richiesta: ${subject}`,
    receivedBody: (ref: string) =>
      `Grazie per averci scritto. La Sua richiesta ${ref} è in mano al nostro team di assistenza; risponderemo qui. Può rispondere a questa e-mail per aggiungere qualcosa.`,
    replySubject: (ref: string, subject: string) => `Re: [${ref}] ${subject}`,
    replyIntro: (agent: string) => `${agent} ha risposto:`,
    resolvedSubject: (ref: string, subject: string) => `[${ref}] Risolta: ${subject}`,
    resolvedBody: (ref: string) =>
      `Abbiamo segnato ${ref} come risolta. Se qualcosa non va ancora, risponda a questa e-mail e verrà riaperta.`,
    viewConversation: "Vedi la conversazione",
    replyAbove: "Risponda sopra questa riga.",
    footer: "Riceve questa e-mail perché ha contattato l'assistenza.",
    unsubscribe: "Annulla l'iscrizione",
    surveyTitle: "Prima di andare: com'è andata?",
    surveyInTime: "È stato risolto in tempi ragionevoli?",
    yes: "Sì",
    no: "No",
    surveyHint:
      "Il Suo clic apre una pagina con altre due brevi domande; nulla viene salvato finché non lo invia da lì.",
  },
  pt: {
    receivedSubject: (ref: string, subject: string) => `[${ref}] Recebemos sua solicitação: ${subject}`,
    receivedBody: (ref: string) =>
      `Obrigado pelo contato. Sua solicitação ${ref} está com nossa equipe de suporte; responderemos aqui. Você pode responder a este e-mail para acrescentar algo.`,
    replySubject: (ref: string, subject: string) => `Re: [${ref}] ${subject}`,
    replyIntro: (agent: string) => `${agent} respondeu:`,
    resolvedSubject: (ref: string, subject: string) => `[${ref}] Resolvido: ${subject}`,
    resolvedBody: (ref: string) =>
      `Marcamos ${ref} como resolvida. Se algo ainda não estiver certo, basta responder a este e-mail para reabri-la.`,
    viewConversation: "Ver a conversa",
    replyAbove: "Responda acima desta linha.",
    footer: "Você recebe este e-mail porque entrou em contato com o suporte.",
    unsubscribe: "Cancelar inscrição",
    surveyTitle: "Antes de ir: como foi?",
    surveyInTime: "Foi resolvido em um tempo razoável?",
    yes: "Sim",
    no: "Não",
    surveyHint: "Seu clique abre uma página com mais duas perguntas curtas; nada é salvo até você enviar por lá.",
  },
  nl: {
    receivedSubject: (ref: string, subject: string) => `[${ref}] We hebben uw verzoek ontvangen: ${subject}`,
    receivedBody: (ref: string) =>
      `Bedankt voor uw bericht. Uw verzoek ${ref} ligt bij ons supportteam; we antwoorden hier. U kunt op deze e-mail antwoorden om iets toe te voegen.`,
    replySubject: (ref: string, subject: string) => `Re: [${ref}] ${subject}`,
    replyIntro: (agent: string) => `${agent} heeft geantwoord:`,
    resolvedSubject: (ref: string, subject: string) => `[${ref}] Opgelost: ${subject}`,
    resolvedBody: (ref: string) =>
      `We hebben ${ref} als opgelost gemarkeerd. Klopt er nog iets niet, antwoord dan gewoon op deze e-mail; het verzoek wordt dan heropend.`,
    viewConversation: "Bekijk het gesprek",
    replyAbove: "Antwoord boven deze regel.",
    footer: "U ontvangt deze e-mail omdat u contact hebt opgenomen met support.",
    unsubscribe: "Afmelden",
    surveyTitle: "Nog even: hoe ging het?",
    surveyInTime: "Is het binnen een redelijke tijd opgelost?",
    yes: "Ja",
    no: "Nee",
    surveyHint:
      "Uw klik opent een pagina met nog twee korte vragen; er wordt pas iets opgeslagen als u het daar verstuurt.",
  },
} satisfies Record<Lang, Record<string, unknown>>;

/** "de-CH" -> de, "pt-BR" -> pt; anything we do not speak -> en. */
export function pickLang(language: string | undefined | null): Lang {
  const base = language?.toLowerCase().slice(0, 2) ?? "";
  return LANGS.includes(base) ? (base as Lang) : "en";
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const anchor = (link: { href: string; label: string }) =>
  `<a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a>`;

/** A question answered by one click per answer (the survey in the resolved mail). */
export interface LinkChoice {
  question: string;
  answers: { href: string; label: string }[];
  hint: string;
}

const choiceHtml = (choice: LinkChoice) =>
  `<p><strong>${escapeHtml(choice.question)}</strong></p><p>${choice.answers
    .map(
      (a) =>
        `<a href="${escapeHtml(a.href)}" style="display:inline-block;padding:.4rem 1.2rem;margin-right:.5rem;border:1px solid #1f2937;border-radius:6px;color:#1f2937;text-decoration:none">${escapeHtml(a.label)}</a>`,
    )
    .join("")}</p><p style="color:#666;font-size:12px">${escapeHtml(choice.hint)}</p>`;

/**
 * A plain, readable HTML body from paragraphs and one link; the footer may carry its own (unsubscribe), and a
 * one-click question may follow the link.
 */
export function htmlBody(
  paragraphs: string[],
  link: { href: string; label: string } | null,
  footer: string | { text: string; href: string; label: string },
  choice?: LinkChoice,
) {
  const ps = paragraphs.map((p) => `<p style="white-space:pre-wrap">${escapeHtml(p)}</p>`).join("\n");
  const a = (link ? `<p>${anchor(link)}</p>` : "") + (choice ? choiceHtml(choice) : "");
  const foot = typeof footer === "string" ? escapeHtml(footer) : `${escapeHtml(footer.text)} ${anchor(footer)}`;
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">${ps}${a}<hr><p style="color:#666;font-size:12px">${foot}</p></body></html>`;
}
