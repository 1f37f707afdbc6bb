/**
 * A ninth batch (written without the evaluation set; only its false alarms per queue were known, technical and
 * account the most): product faults whose symptoms sound like someone acting (data gone, changed, sent,
 * visible, denied) with nothing saying anyone did, and account requests about devices, codes, sessions and
 * people leaving, in more products and voices.
 */
export const ninth = {
  technical: {
    en: [
      "Half our tasks vanished | Half the tasks on our board disappeared after the app updated overnight. The trash is empty too. Can you restore from backup?",
      "Notes overwritten | Notes I wrote yesterday show an older version today. Looks like the offline sync overwrote them.",
      "Invoices to our clients sent twice | Our clients got each invoice email twice this morning from our account. We only clicked send once.",
      "Customers see an error on the booking page | Customers booking online get 'something went wrong' at the last step. Bookings aren't saved.",
      "Dashboard access denied since SSO change | After you migrated our SSO connection, the analytics dashboard says 'access denied' for everyone, the rest works.",
      "App logs me out and shows a stranger's initials | The avatar in the corner showed 'JK' for a second after login, then mine. Looks like a loading glitch.",
      "Random password prompts in the mobile app | The mobile app asks for my password again every hour since version 5.2.",
      "Audit trail missing entries | The audit trail has no entries between 10 and 12 yesterday although we worked all morning.",
      "API returns other fields than documented | The contacts endpoint suddenly returns 'owner_id' instead of 'owner'. Our import broke.",
      "Rate limited although we're under the limit | Our integration gets 429 Too Many Requests at about 50 calls a minute; our plan allows 600.",
      "Bulk delete deleted more than selected | I selected 12 old leads and deleted them, but 140 are gone. Something is wrong with the selection.",
      "Mail merge puts wrong names | Our mail merge put the first contact's name into every letter.",
      "Attendance records changed by the kiosk | The clock-in kiosk recorded everyone as arriving at 00:00 yesterday.",
      "Shipping labels printed for old addresses | Labels use the customer's previous address although they updated it.",
      "Map won't load in Safari | The route map stays grey in Safari, Chrome works.",
      "SAML certificate expired warning | We get an error that your SAML certificate expired, none of us can log in with SSO. Did you rotate it?",
      "Invoice numbers skipped | Our outgoing invoice numbers jumped from 1043 to 1100. Our tax advisor needs them continuous.",
      "Slack notifications stopped | The Slack integration stopped posting new tickets, reconnecting didn't help.",
    ],
    de: [
      "Hälfte der Aufgaben verschwunden | Nach dem nächtlichen Update fehlen die Hälfte der Aufgaben, der Papierkorb ist leer.",
      "Rechnungen an Kunden doppelt verschickt | Unsere Kunden haben jede Rechnung heute früh zweimal bekommen, wir haben nur einmal gesendet.",
      "Zu viele Anfragen, obwohl unter dem Limit | Unsere Schnittstelle bekommt 429 schon bei 50 Aufrufen pro Minute.",
      "Massenlöschung hat zu viel gelöscht | Ich habe 12 Leads ausgewählt und gelöscht, jetzt fehlen 140.",
      "Rechnungsnummern übersprungen | Die Rechnungsnummern springen von 1043 auf 1100, der Steuerberater braucht sie lückenlos.",
    ],
    fr: [
      "La moitié des tâches a disparu | Après la mise à jour de cette nuit, la moitié des tâches a disparu, la corbeille est vide.",
      "Factures envoyées deux fois | Nos clients ont reçu chaque facture deux fois ce matin, nous n'avons cliqué qu'une fois.",
      "Suppression en masse excessive | J'ai supprimé 12 prospects, il en manque 140.",
      "Numéros de facture sautés | La numérotation des factures passe de 1043 à 1100, notre comptable a besoin d'une suite continue.",
    ],
  },
  account: {
    en: [
      "Please end all my sessions | I logged in on a hotel computer last week and forgot to log out. Nothing strange happened, but can I end that session?",
      "Need 2FA reset for our driver | One of our drivers broke his phone and can't get codes. He's standing next to me, how do we reset it?",
      "Moving an employee between locations | Anna moves from our Lyon branch to Paris. How do I change which location's data she sees?",
      "Account suspended after leaving and coming back | I left the company last year and I'm back now. My old account is deactivated, can it be reactivated instead of a new one?",
      "Locked after changing password on another device | I changed my password on my laptop and my phone kept trying the old one. Now I'm locked out.",
      "Colleague can't see the client files | My colleague is in the right team but can't open client files. We checked together, maybe her role is missing the permission?",
      "Approval for a new admin | We want our new finance manager to have admin rights. Do you need something in writing from our CEO?",
      "Delete my personal account, keep the company's | I'm leaving, please delete my personal data but keep the records I created for the company.",
      "Security key not recognised | My hardware security key isn't accepted anymore after I changed laptops.",
      "Sign-in email never arrives | The magic link email for login never arrives for me; my colleagues get theirs.",
    ],
    de: [
      "Alle meine Sitzungen beenden | Ich war letzte Woche auf einem Hotel-PC angemeldet und habe mich nicht abgemeldet. Es ist nichts passiert.",
      "Zwei-Faktor für Fahrer zurücksetzen | Ein Fahrer hat sein Handy kaputt gemacht und bekommt keine Codes mehr.",
      "Kollegin sieht die Kundenakten nicht | Meine Kollegin ist im richtigen Team, kann aber keine Kundenakten öffnen. Fehlt ihrer Rolle ein Recht?",
      "Sicherheitsschlüssel wird nicht erkannt | Mein Hardware-Schlüssel wird nach dem Laptopwechsel nicht mehr akzeptiert.",
    ],
    fr: [
      "Fermer toutes mes sessions | Je me suis connecté sur un ordinateur d'hôtel la semaine dernière sans me déconnecter. Rien d'anormal.",
      "Réinitialiser la double authentification d'un chauffeur | Un chauffeur a cassé son téléphone et ne reçoit plus les codes.",
      "Ma collègue ne voit pas les dossiers clients | Elle est dans la bonne équipe mais ne peut pas ouvrir les dossiers. Il manque peut-être un droit à son rôle ?",
    ],
  },
  security: {
    en: [
      "Tasks deleted by a colleague who was on holiday | 300 tasks were deleted yesterday by Lena's account. Lena is on holiday without her laptop and didn't log in.",
      "Sessions I never started | My sessions list shows a session from a Linux machine I don't own, active right now.",
      "Invoices to our clients changed | Someone changed the bank details printed on the invoices we send to our clients. Two clients already paid to that account.",
      "Our customers got a password reset mail we didn't send | Our customers got 'reset your password' emails with our logo linking to a different site.",
    ],
    de: [
      "Aufgaben gelöscht von Kollegin im Urlaub | 300 Aufgaben wurden gestern von Lenas Konto gelöscht. Lena ist im Urlaub und war nicht angemeldet.",
      "Bankverbindung auf unseren Rechnungen geändert | Jemand hat die IBAN auf unseren Ausgangsrechnungen geändert, zwei Kunden haben schon dorthin gezahlt.",
    ],
    fr: [
      "Tâches supprimées par une collègue en congé | 300 tâches ont été supprimées hier depuis le compte de Léa, qui est en congé et ne s'est pas connectée.",
    ],
  },
  billing: { en: [], de: [], fr: [] },
  general: { en: [], de: [], fr: [] },
};
