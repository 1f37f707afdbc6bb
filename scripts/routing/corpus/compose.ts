/**
 * Turns one hand-written statement into several tickets the way customers vary them: greetings and sign-offs,
 * who they are, vague subjects, lower case and typos, a second harmless topic, captured page context.
 */
import { shuffle } from "../../../server/services/routing/classifier/softmax.js";

export type Lang = "en" | "de" | "fr";
export type Queue = "billing" | "account" | "technical" | "general" | "security";

export interface CorpusTicket {
  id: string;
  group: string;
  /** The hand-written batch the statement comes from (set by build-corpus.ts). */
  batch?: string;
  lang: Lang;
  subject: string;
  description: string;
  queue: Queue;
  security: boolean;
  context?: {
    pageUrl?: string;
    failedRequests?: { method: string; url: string; status: number }[];
    consoleErrors?: string[];
  };
}

const OPENERS: Record<Lang, string[]> = {
  en: [
    "Hi,",
    "Hello team,",
    "Hey there -",
    "Good morning,",
    "Hi support,",
    "We run a small dental practice and use you for scheduling.",
    "I'm the office manager here.",
    "Our agency has used your product for two years.",
    "I'm new here, just took over from my colleague.",
    "Quick one:",
    "Sorry to bother you again.",
    "I'm writing on behalf of our finance team.",
    "We are a 60 person logistics company.",
    "Not sure this is the right place, but",
    "Urgent!!",
    "I'm the IT admin for our company.",
    "Following up on a call with your sales rep,",
  ],
  de: [
    "Hallo,",
    "Guten Tag,",
    "Sehr geehrte Damen und Herren,",
    "Hallo zusammen,",
    "Moin,",
    "Wir sind eine Steuerkanzlei mit 15 Mitarbeitern.",
    "Ich bin neu in der Verwaltung und kümmere mich jetzt darum.",
    "Dringend:",
    "Kurze Frage:",
  ],
  fr: [
    "Bonjour,",
    "Bonjour à tous,",
    "Madame, Monsieur,",
    "Salut,",
    "Nous sommes une agence de 20 personnes.",
    "Je viens de reprendre le dossier de mon collègue.",
    "Urgent :",
    "Petite question :",
  ],
};

const CLOSERS: Record<Lang, string[]> = {
  en: [
    "Thanks!",
    "Thanks in advance, Maria",
    "Please get back to me asap.",
    "Cheers, Tom",
    "This is blocking us.",
    "Let me know if you need anything else.",
    "Kind regards, J. Patel, Operations",
    "Sent from my iPhone",
    "We've been customers for years, please help.",
    "Call me if easier: +44 20 7946 0000",
    "ty",
  ],
  de: ["Danke!", "Viele Grüße, Anna", "Mit freundlichen Grüßen", "Bitte um schnelle Rückmeldung.", "Danke und Gruß"],
  fr: ["Merci !", "Cordialement, Julie", "Bien à vous", "Merci de revenir vers moi rapidement.", "Bonne journée"],
};

/** Harmless second topics: they never change the label. */
const ASIDES: Record<Lang, string[]> = {
  en: [
    "Also, love the new dashboard design.",
    "Unrelated, but is there a dark mode coming?",
    "PS: your docs search could be better.",
    "Also where can I change my notification email? not urgent.",
    "btw the app is great otherwise",
    "(We're on the business plan, if that matters.)",
  ],
  de: ["Ansonsten sind wir sehr zufrieden.", "PS: Gibt es bald einen Dunkelmodus?", "Nebenbei: tolle neue Oberfläche."],
  fr: [
    "Sinon, on adore l'outil.",
    "PS : un mode sombre est-il prévu ?",
    "Au passage, bravo pour la nouvelle interface.",
  ],
};

const VAGUE_SUBJECTS: Record<Lang, string[]> = {
  en: ["Help", "problem", "Question", "urgent", "Issue with our account", "need help asap", "hi", "Support request"],
  de: ["Hilfe", "Problem", "Frage", "Dringend", "Anfrage"],
  fr: ["Aide", "Problème", "Question", "Urgent", "Demande"],
};

const HOSTS = ["app.ledgerly.example", "my.shiftboard.example", "crm.pipekit.example", "app.formstack.example"];
const PAGES: Record<Queue | "any", string[]> = {
  billing: ["/settings/billing", "/billing/invoices", "/account/plan", "/subscription"],
  account: ["/settings/users", "/settings/team", "/login", "/settings/security/sso", "/profile"],
  technical: ["/reports/42", "/integrations/salesforce", "/imports/new", "/dashboard", "/developers/webhooks"],
  general: ["/help", "/settings", "/dashboard", "/templates"],
  security: ["/settings/audit-log", "/settings/sessions", "/dashboard", "/inbox"],
  any: ["/dashboard", "/home", "/projects", "/contacts", "/calendar", "/inbox", "/settings/billing", "/settings/users"],
};
const CONSOLE_NOISE = [
  "ResizeObserver loop completed with undelivered notifications.",
  "TypeError: Cannot read properties of undefined (reading 'map')",
  "Failed to load resource: net::ERR_BLOCKED_BY_CLIENT",
];

const pick = <T>(items: T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

/** Swaps or drops a letter in about one word in twelve. */
function typos(text: string, random: () => number): string {
  return text
    .split(" ")
    .map((word) => {
      if (word.length < 5 || random() > 0.08) return word;
      const i = 1 + Math.floor(random() * (word.length - 2));
      return random() < 0.5
        ? word.slice(0, i) + word.slice(i + 1)
        : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    })
    .join(" ");
}

function firstSentence(text: string): string {
  const match = text.match(/^.*?[.!?](\s|$)/);
  return match ? match[0].trim() : text;
}

export function variants(
  statement: { subject: string; description: string; queue: Queue; lang: Lang; group: string },
  count: number,
  random: () => number,
  securityPartners: string[],
): CorpusTicket[] {
  const out: CorpusTicket[] = [];
  const { lang, queue } = statement;
  for (let v = 0; v < count; v++) {
    let subject = statement.subject;
    let description = statement.description;
    if (v > 0) {
      const roll = random();
      if (roll < 0.25) subject = pick(VAGUE_SUBJECTS[lang], random);
      else if (roll < 0.35) subject = firstSentence(description).slice(0, 60);
      // Never cut a description to its first sentence: an incident's sign, or the innocent explanation of a near
      // miss ("turns out HR added her"), is often in a later sentence, and cutting it taught the detector that
      // harmless openings are incidents (and the reverse). Short tickets come from one-sentence statements.
      if (random() < 0.45) description = `${pick(OPENERS[lang], random)} ${description}`;
      if (random() < 0.4) description = `${description} ${pick(CLOSERS[lang], random)}`;
      if (queue !== "security" && random() < 0.2) description = `${description} ${pick(ASIDES[lang], random)}`;
      // A security incident hidden behind an ordinary request still is one.
      if (queue === "security" && random() < 0.3 && securityPartners.length > 0) {
        const ordinary = pick(securityPartners, random);
        description = random() < 0.5 ? `${ordinary} ${description}` : `${description} ${ordinary}`;
      }
      if (random() < 0.3) {
        subject = subject.toLowerCase();
        description = description.toLowerCase();
      }
      if (random() < 0.35) description = typos(description, random);
      if (random() < 0.1) subject = "";
    }
    const ticket: CorpusTicket = {
      id: `${statement.group}-${v}`,
      group: statement.group,
      lang,
      subject,
      description,
      queue,
      security: queue === "security",
    };
    if (random() < 0.4) ticket.context = contextFor(queue, random);
    out.push(ticket);
  }
  return out;
}

function contextFor(queue: Queue, random: () => number): NonNullable<CorpusTicket["context"]> {
  const host = pick(HOSTS, random);
  const path = random() < 0.25 ? pick(PAGES[queue], random) : pick(PAGES.any, random);
  const context: NonNullable<CorpusTicket["context"]> = { pageUrl: `https://${host}${path}` };
  if (queue === "technical" && random() < 0.35) {
    const status = pick([500, 502, 504, 422, 0], random);
    context.failedRequests = [{ method: pick(["GET", "POST"], random), url: `https://${host}/api${path}`, status }];
  }
  if (random() < 0.15) context.consoleErrors = [pick(CONSOLE_NOISE, random)];
  return context;
}

export { shuffle };
