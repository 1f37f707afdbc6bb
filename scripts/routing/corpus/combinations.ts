/**
 * Combinatorial statements for the security boundary: the same actions told as an incident (someone nobody knows,
 * an action nobody made, a fake message) and as an ordinary account matter (a known colleague, by mistake, a
 * precaution). Teaches the detector the sign of someone acting who should not, rather than topic words.
 */
import type { Lang } from "./compose.js";

interface Parts {
  actions: string[];
  incident: string[];
  ordinary: string[];
  subjects: { incident: string[]; ordinary: string[] };
}

const PARTS: Record<Lang, Parts> = {
  en: {
    actions: [
      "changed the bank account for our payouts",
      "downloaded the full customer list",
      "deleted a few hundred records",
      "added a new admin user",
      "changed the owner email",
      "turned off two-factor for the workspace",
      "created a new API key",
      "exported all employee records including salaries",
      "changed the payment details of three employees",
      "logged into my account",
      "sent a message to all our contacts",
      "invited an outside email address as editor",
      "changed our SSO settings",
      "moved money settings to a different IBAN",
      "opened every document in the HR folder",
    ],
    incident: [
      "Nobody on our team did this.",
      "It wasn't me and I was offline at the time.",
      "The audit log shows a user we have never heard of.",
      "It happened at 3am from an IP in a country where we have no staff.",
      "We don't recognise the person who did it.",
      "The person it shows is on holiday without a laptop.",
      "None of our admins did it and we are worried someone got in.",
      "My colleague swears he didn't touch it.",
    ],
    ordinary: [
      "It was my colleague Ben, he did it by mistake and asked me to undo it.",
      "I did it myself last week and now want to change it back.",
      "Our IT admin did it during the reorganisation, we just need to know how to revert.",
      "It was planned, we only need help doing it properly.",
      "Our manager asked us to do this, how does it work?",
    ],
    subjects: {
      incident: [
        "Something happened we didn't do",
        "Who did this?",
        "suspicious activity",
        "changes nobody made",
        "Please check our account urgently",
      ],
      ordinary: ["How to undo a change", "Need help reverting", "Question about a change", "Mistake in settings"],
    },
  },
  de: {
    actions: [
      "die Bankverbindung für Auszahlungen geändert",
      "die komplette Kundenliste heruntergeladen",
      "mehrere hundert Datensätze gelöscht",
      "einen neuen Administrator angelegt",
      "die Zwei-Faktor-Anmeldung deaktiviert",
      "einen neuen API-Schlüssel erstellt",
      "alle Mitarbeiterdaten mit Gehältern exportiert",
      "die Bankdaten von drei Mitarbeitern geändert",
      "sich in mein Konto eingeloggt",
      "eine externe E-Mail-Adresse als Bearbeiter eingeladen",
    ],
    incident: [
      "Niemand von uns war das.",
      "Ich war es nicht, ich war zu der Zeit offline.",
      "Im Protokoll steht ein Benutzer, den wir nicht kennen.",
      "Das war nachts um drei aus einem Land, in dem wir niemanden haben.",
      "Die Person, die angezeigt wird, ist im Urlaub.",
    ],
    ordinary: [
      "Das war mein Kollege aus Versehen, wir wollen es rückgängig machen.",
      "Das habe ich selbst gemacht und möchte es jetzt zurückändern.",
      "Unser IT-Admin hat das bei der Umstellung gemacht, wie machen wir es rückgängig?",
    ],
    subjects: {
      incident: [
        "Verdächtige Aktivität",
        "Wer war das?",
        "Änderungen, die keiner gemacht hat",
        "Bitte dringend prüfen",
      ],
      ordinary: ["Änderung rückgängig machen", "Frage zu einer Änderung", "Versehentlich geändert"],
    },
  },
  fr: {
    actions: [
      "modifié le compte bancaire des versements",
      "téléchargé toute la liste des clients",
      "supprimé plusieurs centaines de fiches",
      "ajouté un nouvel administrateur",
      "désactivé la double authentification",
      "créé une nouvelle clé API",
      "exporté toutes les données des salariés avec les salaires",
      "modifié le RIB de trois salariés",
      "invité une adresse e-mail externe comme éditeur",
    ],
    incident: [
      "Personne chez nous n'a fait ça.",
      "Ce n'était pas moi, j'étais hors ligne.",
      "Le journal montre un utilisateur que nous ne connaissons pas.",
      "C'était à 3h du matin depuis un pays où nous n'avons personne.",
    ],
    ordinary: [
      "C'est mon collègue qui l'a fait par erreur, comment annuler ?",
      "Je l'ai fait moi-même et je veux revenir en arrière.",
      "Notre admin informatique l'a fait pendant la réorganisation, comment revenir en arrière ?",
    ],
    subjects: {
      incident: ["Activité suspecte", "Qui a fait ça ?", "Modifications que personne n'a faites"],
      ordinary: ["Annuler une modification", "Question sur une modification", "Modifié par erreur"],
    },
  },
};

const LEADS: Record<Lang, { someone: string[]; known: string[] }> = {
  en: {
    someone: ["Someone", "Somebody", "An account we don't know", "Last night someone"],
    known: ["A colleague", "Someone on our team", "Our admin"],
  },
  de: {
    someone: ["Jemand hat", "Irgendwer hat", "Heute Nacht hat jemand"],
    known: ["Ein Kollege hat", "Unser Admin hat"],
  },
  fr: {
    someone: ["Quelqu'un a", "Cette nuit quelqu'un a", "Un compte inconnu a"],
    known: ["Un collègue a", "Notre admin a"],
  },
};

/** "Subject | description" lines, split into incidents and account-queue hard negatives. */
export function combinedStatements(lang: Lang, random: () => number, perAction = 2) {
  const p = PARTS[lang];
  const lead = LEADS[lang];
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const security: string[] = [];
  const account: string[] = [];
  for (const action of p.actions) {
    for (let i = 0; i < perAction; i++) {
      security.push(`${pick(p.subjects.incident)} | ${pick(lead.someone)} ${action}. ${pick(p.incident)}`);
    }
    account.push(`${pick(p.subjects.ordinary)} | ${pick(lead.known)} ${action}. ${pick(p.ordinary)}`);
  }
  return { security, account };
}
