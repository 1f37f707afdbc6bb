/**
 * A seventh batch (written without the evaluation set), for the confusions of the model's own held-out
 * statements in 5-fold cross-validation: account tickets read as incidents (2FA, new devices, login alerts,
 * resets and removals where the customer says who acted), technical tickets with "denied", "unknown" or
 * "changed" from a bug, an import or a sync, capability questions about roles and people (general, not
 * account), and money that flows through the product (technical, not billing).
 */
export const seventh = {
  account: {
    en: [
      "Security alert about my login | I got a security alert about a sign-in from a new browser. I just installed Firefox, so that was me. Do I need to do anything?",
      "Reset request - yes I asked for it | I requested a password reset but the link says it's already been used. I only clicked it once.",
      "Our admin deleted my account? | My login says the account doesn't exist. Our admin says she removed me by mistake during the clean-up. Can it be restored with my history?",
      "Need to revoke a departing engineer's tokens | Our engineer leaves on Friday, on good terms. Which personal tokens and keys does he have, and how do we revoke them after his last day?",
      "Please sign out my old phone | I sold my old phone and I'm still logged in there. It's reset, but I'd like to end that session to be safe.",
      "HR changed my email | HR changed my email address in the directory and now SSO logs me into a new empty account.",
      "2FA prompt every login | Since I reinstalled my browser, the app asks for the 2FA code every time, even with 'remember me'.",
      "Account disabled after trial user cleanup | We deleted unused users to save seats and accidentally disabled our warehouse manager. Can you re-enable him?",
      "Manager needs my reports while I'm on leave | I'm on parental leave for 3 months. How can my manager access my reports without using my login?",
      "Authenticator app lost with phone upgrade | Moved to a new iPhone, the authenticator app didn't transfer my codes. I can still log in on my laptop.",
      "Invited the wrong Tom | I invited Tom from sales but used Tom from accounting's address. Please cancel it, he shouldn't see the pipeline.",
      "Can't accept invite, says already a member | My invitation says 'already a member of another workspace'. I used the tool at my old job.",
      "Everyone's role reset to member | After our admin imported users from a CSV, all our team leads are plain members again. He thinks the file had the wrong column.",
      "Login blocked from the office | Our office IP got blocked after a colleague tried her old password many times. Can you lift it?",
      "Need a second admin | I'm the only admin and go on holiday. How do I make my colleague an admin too?",
    ],
    de: [
      "Sicherheitswarnung wegen Anmeldung | Ich bekam eine Warnung über eine Anmeldung aus einem neuen Browser. Das war ich, ich habe Firefox installiert.",
      "Unsere Admin hat mich gelöscht | Mein Konto existiert nicht mehr. Unsere Admin hat mich beim Aufräumen aus Versehen entfernt. Bitte wiederherstellen.",
      "Altes Handy abmelden | Ich habe mein altes Handy verkauft und bin dort noch angemeldet. Bitte diese Sitzung beenden.",
      "Authenticator nach Handywechsel weg | Neues Handy, die Codes wurden nicht übernommen. Am Laptop bin ich noch angemeldet.",
      "Alle Rollen zurückgesetzt nach Import | Nach dem Benutzerimport unseres Admins sind alle Teamleiter nur noch Mitglieder.",
      "Zweiten Admin einrichten | Ich bin die einzige Admin und gehe in Urlaub. Wie mache ich meine Kollegin zur Admin?",
    ],
    fr: [
      "Alerte de sécurité sur ma connexion | J'ai reçu une alerte pour une connexion depuis un nouveau navigateur. C'était moi, j'ai installé Firefox.",
      "Compte supprimé par notre admin | Mon compte n'existe plus, notre administratrice l'a supprimé par erreur pendant le ménage.",
      "Déconnecter mon ancien téléphone | J'ai vendu mon ancien téléphone, je voudrais fermer cette session.",
      "Rôles réinitialisés après import | Après l'import des utilisateurs par notre admin, tous les chefs d'équipe sont redevenus membres.",
      "Ajouter un deuxième admin | Je suis la seule admin et je pars en congé. Comment nommer ma collègue admin ?",
    ],
  },
  technical: {
    en: [
      "Access denied on reports for all managers | Managers get 'access denied' on every report since the release this morning. Nobody changed any roles, it looks like a bug.",
      "Unknown device in integration logs is our server | The integration log lists a device called 'ip-10-0-3-12'. That's our own server, but its calls all fail with a timeout.",
      "Contacts changed by the sync | Phone numbers of 300 contacts were replaced with the company switchboard number. The HubSpot sync did it after your update.",
      "Emails sent to the wrong segment | Our campaign went to all contacts instead of the 'trial' segment. The segment preview shows the right 40 people, so the send ignored it.",
      "Someone's edits not saving | When two of us edit the same record, the second person's changes are silently lost.",
      "Report counts users twice | Active users in the usage report are twice what we have.",
      "Payroll run calculated wrong tax | This month's payroll run used last year's tax table for everyone.",
      "Customer payments not reconciled | Payments our customers made through the checkout don't show as paid on their orders.",
      "Payout report shows wrong totals | The payout report of our shop differs from the bank statement by a few orders.",
      "Webhooks delivered late | Order webhooks arrive 20 minutes late since yesterday.",
      "Single sign-on down for all customers | Every SSO login ends in 'SAML response invalid' for all our users since 10am, password login still works.",
      "Roles page shows nothing | The user management page is empty, but users can still log in.",
      "Forbidden error uploading files | Uploading any attachment fails with 403 for all users.",
    ],
    de: [
      "Zugriff verweigert auf alle Berichte | Seit dem Release heute früh bekommen alle Teamleiter 'Zugriff verweigert'. Niemand hat Rollen geändert.",
      "Kontakte durch Synchronisation verändert | Bei 300 Kontakten wurde die Telefonnummer durch die Zentrale ersetzt, das war der Abgleich nach Ihrem Update.",
      "Lohnlauf mit falscher Steuertabelle | Der Lohnlauf dieses Monats hat die Steuertabelle vom Vorjahr benutzt.",
      "SSO für alle kaputt | Jede SSO-Anmeldung endet seit 10 Uhr mit 'SAML-Antwort ungültig'.",
    ],
    fr: [
      "Accès refusé aux rapports pour tous | Depuis la mise en production ce matin, tous les managers ont 'accès refusé'. Personne n'a changé les rôles.",
      "Contacts modifiés par la synchronisation | 300 contacts ont reçu le numéro du standard, c'est la synchro après votre mise à jour.",
      "Paie calculée avec l'ancien barème | La paie de ce mois a utilisé le barème de l'an dernier.",
    ],
  },
  general: {
    en: [
      "Can a manager see only their team? | Is it possible to set it up so team leads see only their own team's data?",
      "Is there a guest role? | Do you have a role for external people who should only view, not edit?",
      "How many admins can we have? | Is there a limit on admins, or can everyone in our IT team be one?",
      "Can users belong to two teams? | Some of our staff work for two departments. Can a user be in two teams at once?",
      "Roles explained | What exactly can a 'member' do that a 'viewer' can't?",
      "Can I see what others see? | Is there a way to view the app as a specific user to check their permissions?",
      "Approval before inviting people | Could invitations require approval by an admin before they're sent?",
      "Help with our setup | We're a school with 40 teachers. How should we organise groups and permissions?",
      "Where do I find the invoice template for my customers? | I want to change the layout of invoices we send to our own clients.",
      "How does payroll handle bonuses? | Can I add a one-time bonus to next month's payroll run, and where?",
      "What does the warning icon mean? | Some contacts have a yellow triangle next to them. What does it mean?",
      "Setting up auto-replies | How do I set an automatic reply for tickets received on weekends?",
    ],
    de: [
      "Können Teamleiter nur ihr Team sehen? | Ist es möglich, dass Teamleiter nur die Daten ihres Teams sehen?",
      "Gibt es eine Gastrolle? | Haben Sie eine Rolle für Externe, die nur lesen dürfen?",
      "Rollen erklärt | Was darf ein 'Mitglied', was ein 'Betrachter' nicht darf?",
      "Bonus in der Lohnabrechnung | Wie füge ich einen einmaligen Bonus zur nächsten Abrechnung hinzu?",
    ],
    fr: [
      "Un manager peut-il ne voir que son équipe ? | Est-il possible que les chefs d'équipe ne voient que les données de leur équipe ?",
      "Existe-t-il un rôle invité ? | Avez-vous un rôle pour des personnes externes en lecture seule ?",
      "Prime dans la paie | Comment ajouter une prime exceptionnelle à la paie du mois prochain ?",
    ],
  },
  billing: {
    en: [
      "Charged for usage we didn't expect | The invoice has 40 euros of 'overage'. What counts as overage on our plan?",
      "Discount for annual prepay | If we pay two years upfront, what discount can you give?",
      "Add-on cost for extra locations | What would it cost to add our second and third store to the plan?",
      "Card declined, invoice overdue | Our card was declined for the renewal and now the invoice is overdue. I've updated the card, please charge again.",
    ],
    de: ["Kosten für weitere Standorte | Was kostet es, unsere zweite und dritte Filiale hinzuzufügen?"],
    fr: ["Coût des sites supplémentaires | Combien coûte l'ajout de notre deuxième et troisième magasin ?"],
  },
  security: {
    en: [
      "Alert for a login that wasn't me | I got a 'new sign-in' alert from a Windows PC in Romania. I only use a Mac and I'm in Dublin. Then my password stopped working.",
      "Our admin says she didn't remove me | My account was removed and our admin says she didn't do it. The log shows it was done by her account at midnight.",
      "Tokens created by nobody | There are two new API tokens in our account with full access. None of our developers created them.",
      "Roles changed by an unknown account | Yesterday at 11pm an account called 'helpdesk' gave itself owner rights. We don't have such a user.",
      "Webhook added that sends our customer data out | A new webhook we never added sends every new contact to an unfamiliar domain.",
      "Old phone still approving logins | Someone is approving 2FA prompts on my account from a device I never registered.",
    ],
    de: [
      "Anmeldewarnung, aber nicht ich | Warnung über eine Anmeldung aus Rumänien von einem Windows-PC. Ich nutze nur einen Mac, danach ging mein Passwort nicht mehr.",
      "Tokens von niemandem erstellt | Es gibt zwei neue API-Tokens mit vollem Zugriff. Keiner unserer Entwickler hat sie angelegt.",
    ],
    fr: [
      "Alerte de connexion, ce n'était pas moi | Alerte de connexion depuis un PC en Roumanie, je n'utilise qu'un Mac. Ensuite mon mot de passe ne marchait plus.",
      "Jetons créés par personne | Deux nouveaux jetons API avec accès complet. Aucun de nos développeurs ne les a créés.",
    ],
  },
};
