/**
 * An eighth batch (written without the evaluation set), from the model's own cross-validation errors: plain
 * questions the detector found alarming because incidents share their words (countries, time of day, logs,
 * exports, "overnight", "someone"), quotes and offers that are billing, and product bugs told with
 * "nothing was changed" that are technical, not incidents.
 */
export const eighth = {
  general: {
    en: [
      "Support hours for our US office | Our team in Chicago starts when you close. Do you have support in US hours?",
      "Using the app while travelling | I'll be working from Japan for a month. Any issues using the app from there?",
      "Data centre in Canada? | A client in Toronto asks whether we can keep their data in Canada.",
      "Where do I read the logs? | Where can I see the history of automation runs? I want to check when the last one ran.",
      "Exporting everything before a migration | We're moving our data warehouse. What's the best way to export all our records once?",
      "Night-time jobs | Can I schedule the import to run every night at 2am instead of manually?",
      "What does 'last seen' mean? | Does 'last seen' show the last login or the last action?",
      "Who can see deleted items? | If someone deletes a record, can an admin still see it somewhere?",
      "Language of notifications | Can each person get notifications in their own language, German for some, English for others?",
      "Is there an activity report per user? | I'd like to see how active each rep was last month, for coaching, nothing else.",
      "Holiday calendar by country | Our staff are in Spain, France and Poland. Can public holidays follow each person's country?",
      "Two-step sign-in options | Which two-factor methods do you support: app, SMS, hardware keys?",
    ],
    de: [
      "Supportzeiten für unser Büro in den USA | Haben Sie Support zu US-Zeiten?",
      "Nutzung im Ausland | Ich arbeite einen Monat aus Japan. Gibt es dort Einschränkungen?",
      "Import jede Nacht | Kann der Import jede Nacht um 2 Uhr automatisch laufen?",
      "Feiertage nach Land | Unsere Mitarbeiter sind in Österreich und der Schweiz. Gelten die Feiertage je Land?",
    ],
    fr: [
      "Support aux horaires américains | Avez-vous un support aux horaires de New York ?",
      "Utilisation depuis l'étranger | Je travaille un mois depuis le Japon, y a-t-il des restrictions ?",
      "Import chaque nuit | Peut-on lancer l'import automatiquement chaque nuit à 2h ?",
    ],
  },
  billing: {
    en: [
      "Quote for 120 users | Our purchasing department needs a formal quote for 120 users on the Business plan.",
      "Reseller billing | We resell your product to our clients. Can we get one invoice for all of them?",
      "Suspended for an unpaid invoice we paid | We're read-only because of an unpaid invoice, but it was paid this morning. Please reactivate.",
      "Someone upgraded us | Our plan went to Premium. I asked around, our marketing lead did it for a campaign. Please move us back at the end of the month.",
      "Nonprofit pricing in Canada | We're a registered charity in Canada. Do you have nonprofit pricing?",
    ],
    de: [
      "Angebot für 120 Nutzer | Unser Einkauf braucht ein offizielles Angebot für 120 Nutzer.",
      "Konto gesperrt wegen offener Rechnung | Wir sind gesperrt, die Rechnung wurde aber heute früh bezahlt.",
    ],
    fr: [
      "Devis pour 120 utilisateurs | Notre service achats a besoin d'un devis pour 120 utilisateurs.",
      "Compte suspendu pour impayé | Notre compte est en lecture seule alors que la facture a été payée ce matin.",
    ],
  },
  technical: {
    en: [
      "Numbers changed overnight, nobody edited | Last month's revenue changed overnight although nobody edited anything. I think your recalculation job changed it, can you explain?",
      "Export button does nothing | Clicking export does nothing, no file, no message.",
      "Leave balances reset | All vacation balances were reset to zero on the 1st. We didn't run anything.",
      "Weekly report email not arriving | The scheduled weekly report hasn't arrived for two weeks.",
      "Support emails not turning into tickets | Mails to our support address stopped creating tickets after we changed DNS.",
      "Log shows errors from the night | Our integration log is full of errors between 1 and 3am, the time of your maintenance window.",
      "Salary bank file rejected | Our bank rejects the salary payment file the app generates, wrong format since the update.",
      "Old records reappearing | Contacts we merged last week are back as duplicates.",
    ],
    de: [
      "Zahlen über Nacht geändert | Der Umsatz des Vormonats hat sich über Nacht geändert. Ich vermute Ihre Neuberechnung.",
      "Exportieren reagiert nicht | Beim Klick auf Exportieren passiert nichts.",
      "Gehaltsdatei von der Bank abgelehnt | Die Bank lehnt die erzeugte Zahlungsdatei seit dem Update ab.",
    ],
    fr: [
      "Chiffres modifiés cette nuit | Le chiffre d'affaires du mois dernier a changé cette nuit, sans modification de notre part. Sans doute votre recalcul.",
      "Soldes de congés remis à zéro | Tous les soldes de congés ont été remis à zéro le 1er du mois.",
    ],
  },
  security: {
    en: [
      "Revenue figures edited at night by a user we don't have | Last month's revenue was edited at 3am by a user 'audit2'. We have nobody by that name.",
      "Export at night from my account | The log shows my account exported all customers at 2am. I was asleep and I've never exported anything.",
      "Overseas login then data gone | After a login from a country none of us has been to, half our records were deleted.",
    ],
    de: [
      "Nächtlicher Export von meinem Konto | Laut Protokoll hat mein Konto um 2 Uhr alle Kunden exportiert. Ich habe geschlafen.",
    ],
    fr: [
      "Export nocturne depuis mon compte | Le journal montre que mon compte a exporté tous les clients à 2h. Je dormais.",
    ],
  },
  account: { en: [], de: [], fr: [] },
};
