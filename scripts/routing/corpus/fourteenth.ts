/**
 * A fourteenth batch (5 December, branch `security13`; written without the evaluation set, without copying the
 * development set or the check sets). Who acted, told as customers tell it: product faults whose symptoms sound
 * like someone acting but whose text says it is the product (sign-in, tokens, reset mails, sessions, automatic
 * mails and syncs that changed or sent things, "nobody here did it, it's your update"), the ordinary access
 * requests the brief names (forgot password, a lost 2FA device, SSO/SAML setup, a role changed by a known colleague,
 * a login alert the customer recognises), routine security asks (questionnaires, key rotation, penetration-test
 * permission, bug bounty), own charges that look unknown; and incidents where someone else did it (a stranger, an
 * unrecognised login, "not me", fremde, inconnu), in en/de/fr. The kinds follow the near-miss check set
 * (`data/routing/dev/nearmiss-check.psv`, written first): its false alarms were mostly technical faults in
 * incidents' words, so that set flatters this batch. Products: bakeries, kindergartens, wedding venues, ferries,
 * hotels, sports leagues, IT service desks, vet clinics, cleaning companies, florists, escape rooms, cinemas, ski
 * schools, bike rental, lift maintenance, labs, insurance brokers, tutoring.
 */
export const fourteenth = {
  technical: {
    en: [
      "Customers got mails we never wrote | Our guests received a 'your booking was cancelled' email this morning, but nothing was cancelled. Nobody here sent it: it came from your automatic notifications, which seem to have fired for every booking after last night's update.",
      "Reminder emails sent twice with wrong times | The parents at our kindergarten got the pickup reminder twice today, one with the wrong time. We didn't send anything by hand, it's the scheduled reminder. Looks like a bug in the template since your release.",
      "401 on every API call since this morning | Our hotel's channel manager gets 401 Unauthorized on all calls since 8:00 with the same token that worked last night. We didn't change anything. Did you change the authentication?",
      "Token rejected although it's valid | The API says 'invalid token' for the key I created ten minutes ago, and the old one too. Our developer checked the header twice. Is auth broken on your side?",
      "Password reset emails don't arrive for anyone | None of our ski instructors receive password reset or invitation emails since Monday. Not in spam either. Is your mail sending down?",
      "Everyone is logged out every few minutes | Since the update all our florists get thrown out of the order screen every 3-4 minutes and have to log in again. It happens on every computer in every shop.",
      "SSO login loops after your release | Since your release yesterday, signing in with Google sends all our staff in a loop back to the login page. Password login still works. Nothing changed on our Google side.",
      "Prices changed overnight by the import | This morning 300 products in the bakery shop had different prices. Nobody was logged in at night; the activity log says 'supplier import 02:00', our automatic import. It must have read the wrong column.",
      "Bookings gone after the calendar sync | About 20 escape room bookings for the weekend disappeared. None of us deleted anything and the log shows no deletion. It started after the Google calendar sync ran. Can you restore them?",
      "Records changed by 'system' | Several vet patient records show 'edited by system' last night with the weights reset to zero. No user did that. Is it the nightly migration you announced?",
      "Webhook signature mismatch since yesterday | Our endpoint now rejects every webhook from you because the signature check fails. The secret is the same as last month. Did the signing change?",
      "Unknown IP in our firewall log is yours? | Our firewall shows requests to our webhook endpoint from an IP we didn't know. Our developer traced it to your documented webhook range, so it's fine, but the calls fail with 500 on our side now. Can you see what you send?",
      "Login page shows 'access denied' for everyone | Since 9am every user of our lift maintenance app gets 'access denied' right after logging in, admins included. Looks like a server problem.",
      "2FA codes always rejected after the update | After your app update none of the 2FA codes work for any of our tutors, even freshly generated ones. Time on the phones is correct.",
      "Session expired message loop | Our cinema box office gets 'your session has expired' on every click since this afternoon, on all three tills. Cleared cookies, no change.",
      "Invoices sent to customers by mistake | The system sent draft invoices to 40 of our cleaning clients this morning. Nobody pressed send; the auto-send setting was off. Did something change with scheduled sending?",
      "Permissions reset after migration | After you moved us to the new version, all our team leads lost their edit rights on the rota. Nobody changed the roles, it happened to everyone at the same time.",
      "Lab results show up under wrong sample IDs | Since the last import from the analyser, some results are attached to the sample ID one row below. It's the import mapping, the file itself is correct.",
    ],
    de: [
      "Mails an Kunden, die wir nie geschrieben haben | Unsere Gäste haben heute früh eine Stornobestätigung bekommen, obwohl nichts storniert wurde. Von uns hat niemand etwas verschickt, das kam aus Ihren automatischen Benachrichtigungen nach dem Update.",
      "Preise über Nacht geändert | Heute Morgen hatten 150 Artikel in der Bäckerei-Kasse andere Preise. Nachts war niemand angemeldet, im Protokoll steht nur unser automatischer Lieferantenimport um 3 Uhr. Der hat wohl eine falsche Datei gelesen.",
      "API gibt 401 trotz gültigem Token | Seit heute früh bekommt unsere Anbindung auf jede Anfrage 401, mit demselben Token wie gestern. Wir haben nichts geändert. Hat sich bei Ihnen etwas an der Anmeldung geändert?",
      "Alle werden ständig abgemeldet | Seit dem Update werden alle Mitarbeiter der Skischule alle paar Minuten abgemeldet, auf allen Geräten.",
      "Passwort-Mails kommen nicht an | Keiner unserer Mitarbeiter bekommt seit Montag die Mail zum Zurücksetzen des Passworts, auch nicht im Spam. Ist Ihr Mailversand gestört?",
      "Buchungen weg nach dem Abgleich | Nach dem Kalenderabgleich fehlen 12 Fahrradbuchungen. Gelöscht hat bei uns niemand etwas, im Protokoll steht keine Löschung.",
    ],
    fr: [
      "Des e-mails envoyés à nos clients sans nous | Nos clients ont reçu un rappel de rendez-vous en double ce matin, avec une mauvaise heure. Personne chez nous n'a rien envoyé, ce sont vos rappels automatiques, depuis la mise à jour.",
      "Erreur 401 avec un jeton valide | Depuis ce matin notre connecteur reçoit 401 sur chaque appel, avec le même jeton qu'hier. Nous n'avons rien changé. Avez-vous modifié l'authentification ?",
      "Déconnectés toutes les cinq minutes | Depuis la mise à jour, toute l'équipe de l'hôtel est déconnectée toutes les cinq minutes, sur tous les postes.",
      "Tarifs modifiés pendant la nuit | Ce matin les tarifs de 80 traversées étaient différents. Personne n'était connecté la nuit, le journal indique seulement notre import automatique de 2 h. Il a dû lire le mauvais fichier.",
      "E-mails de réinitialisation non reçus | Aucun de nos moniteurs ne reçoit l'e-mail de réinitialisation du mot de passe depuis lundi. Votre envoi d'e-mails est-il en panne ?",
    ],
  },
  account: {
    en: [
      "Forgot my password, reset goes to old email | I can't remember my password and the reset link goes to my old address at the previous venue. Can you change my login email so I can reset it?",
      "Lost my phone with the authenticator | My phone fell in the lake at the weekend and the authenticator app was only on it. I have no backup codes. How do I prove it's me and get back in?",
      "New phone, 2FA codes gone | I switched phones and forgot to move the 2FA app. Every login now asks for a code I can't get. What do you need from me to reset it?",
      "Setting up SAML with Okta | We want our staff to log in to the league admin through Okta. Where do I find your ACS URL and entity ID, and which attributes do you need?",
      "SAML says 'signature invalid' during setup | I'm configuring SSO with our Azure tenant and the test login says 'SAML response signature invalid'. I probably uploaded the old certificate. Which one do you expect?",
      "Turned on SSO only, now locked out | I enabled 'SSO only' for our clinic before the identity provider was ready and now nobody, me included, can sign in. Please switch it back to passwords.",
      "Login alert was me on holiday | I got a 'new sign-in from Spain' email. That was me, I'm on holiday in Valencia and logged in from the hotel. Nothing to do, right?",
      "New device alert: our new office PC | We got an alert about a login from a new Windows device. That's the PC our new receptionist started on today, she logged in with her own user. Fine?",
      "Manager changed my role by accident | My access dropped to read-only today. Our manager Lena told me she changed my role instead of the intern's by mistake. Can you put it back to editor?",
      "Locked out after too many attempts | I entered the wrong password too many times and now the account is locked. Our tutoring sessions start in 15 minutes, can you unlock it?",
      "Give our new office manager admin | Our new office manager started today. How do I make her an admin? I'm the owner and I'm off next week.",
      "Remove the summer staff | The season is over and our 12 summer bike mechanics have left. Please deactivate their logins; nothing special, they just finished.",
      "Colleague can't see the lab dashboard | My colleague gets 'you don't have access' on the lab dashboard. I think I forgot to add her to the QC group when I invited her.",
      "Change the email I log in with | I got married and my work email changed. How do I change the address I sign in with without losing my settings?",
      "Sign out the shared tablet | We used a tablet at a wedding fair and I stayed logged in. Nothing happened, but can I sign out that device from here?",
    ],
    de: [
      "Passwort vergessen, Link abgelaufen | Ich habe mein Passwort vergessen und der Link in der Mail ist angeblich abgelaufen, obwohl ich ihn sofort geöffnet habe. Bitte neuen Link.",
      "Handy verloren, Zwei-Faktor-App weg | Ich habe mein Handy im Zug verloren, darauf war die Authenticator-App. Wie setze ich die Zwei-Faktor-Anmeldung zurück?",
      "SSO mit Microsoft einrichten | Wir wollen die Anmeldung über Microsoft Entra einrichten. Welche Antwort-URL und welches Zertifikat brauchen Sie?",
      "Anmeldewarnung war ich | Ich habe eine Warnung über eine Anmeldung aus Wien bekommen. Das war ich, ich bin auf einer Messe dort. Muss ich etwas tun?",
      "Rolle versehentlich geändert | Unsere Teamleiterin hat beim Aufräumen aus Versehen meine Rolle auf 'Leser' gesetzt. Können Sie mich wieder zum Bearbeiter machen?",
    ],
    fr: [
      "Mot de passe oublié | J'ai oublié mon mot de passe et le lien de réinitialisation dit qu'il a expiré. Pouvez-vous m'en renvoyer un ?",
      "Téléphone perdu, plus de code | J'ai perdu mon téléphone avec l'application d'authentification. Comment réinitialiser la double authentification ?",
      "Configurer le SSO | Nous voulons activer la connexion SAML avec Google Workspace. Quelles informations faut-il de votre côté ?",
      "Alerte de nouvelle connexion, c'était ma collègue | Alerte 'nouvelle connexion depuis Nantes' : c'est ma collègue Claire, elle travaille depuis notre agence de Nantes avec son propre compte. Rien à faire ?",
    ],
  },
  general: {
    en: [
      "Vendor security questionnaire | Our insurance broker network asks every supplier to fill in a security questionnaire (60 questions, attached). Nothing happened, it's the yearly review. Who can complete it?",
      "Pen test on our account? | Our IT partner wants to run a penetration test against our own hotel account next month. Do we need your permission, and are there rules?",
      "Do you have a bug bounty? | Our developer asked whether you run a bug bounty or have a security.txt. She hasn't found anything, she just wants to know where to report if she ever does.",
      "How to rotate API keys without downtime | Company policy says API keys must be rotated every 90 days. How do we rotate the key our booking site uses without the site failing in between?",
      "Can we enforce 2FA for everyone? | Is it possible to make two-factor login mandatory for all staff at our cleaning company? Some never set it up.",
      "Where are logins listed? | Is there a page where an admin can see when each user last logged in and from where? We want to check it monthly, nothing happened.",
      "Do you encrypt data at rest? | Our kindergarten association asks whether children's data is encrypted at rest and where the servers are. Can you send something we can forward?",
      "Penetration test report | Can we get a summary of your latest external penetration test for our ISO 27001 audit?",
      "Session timeout setting | Can an admin set how long staff stay logged in? Our tills are shared and we'd like 15 minutes.",
      "Who can see salary notes? | Which roles can see the notes field on tutor profiles? We keep pay notes there and want to be sure only owners see them.",
    ],
    de: [
      "Sicherheitsfragebogen | Unser Versicherer verlangt einen ausgefüllten IT-Sicherheitsfragebogen von allen Dienstleistern. Es ist nichts passiert, es ist die jährliche Prüfung. Können Sie den ausfüllen?",
      "API-Schlüssel regelmäßig wechseln | Wie tauschen wir den API-Schlüssel aus, ohne dass unser Buchungsportal ausfällt? Können zwei Schlüssel gleichzeitig gelten?",
      "Penetrationstest erlaubt? | Unser Dienstleister möchte unseren eigenen Zugang einem Penetrationstest unterziehen. Brauchen wir dafür Ihre Zustimmung?",
    ],
    fr: [
      "Questionnaire de sécurité | Notre client grand compte nous demande de remplir un questionnaire de sécurité sur nos fournisseurs. Rien ne s'est passé. Pouvez-vous nous aider à répondre ?",
      "Rotation des clés d'API | Comment changer notre clé d'API tous les 90 jours sans couper le site de réservation ?",
      "Test d'intrusion | Notre prestataire veut faire un test d'intrusion sur notre propre compte. Faut-il votre accord ?",
    ],
  },
  billing: {
    en: [
      "Charge I didn't recognise, it was the upgrade | There's a 79 EUR charge I didn't recognise. Checking with my partner, she upgraded us to the team plan on Tuesday. Can you send the invoice for it?",
      "Bank blocked your charge as suspicious | Our bank flagged your renewal as possibly fraudulent and declined it. We've told them it's fine. Can you retry the payment?",
      "Unknown debit on the card | A debit of 240 EUR from you appeared on the company card and nobody in accounts knew what it was. Is it the yearly renewal? Please send the receipt.",
    ],
    de: [
      "Abbuchung nicht erkannt | Auf der Firmenkarte ist eine Abbuchung von Ihnen, die wir erst nicht zuordnen konnten. War das die Jahresverlängerung? Bitte Rechnung schicken.",
    ],
    fr: [
      "Paiement bloqué par la banque | Notre banque a bloqué votre prélèvement en le croyant frauduleux. C'est réglé avec elle, pouvez-vous relancer le paiement ?",
    ],
  },
  security: {
    en: [
      "someone changed my login email | got an email saying my login email was changed. I didn't do that. now the reset link goes to an address I don't know.",
      "login from a country I've never been to | The sessions page shows a login from Vietnam last night with my user. I was asleep, I've never been there, and I only use my laptop.",
      "hotel bank details changed, not by us | Guests who paid in advance last week sent money to a new bank account shown on our booking confirmations. None of us changed the bank details.",
      "admin we don't know | There is a new admin called 'it-support' on our league account. Nobody here created it and we don't have an IT support person.",
      "our members got a message from us we never sent | Everyone in our sports club got a message from our account asking them to confirm their card details on a link. We never wrote it, and the link isn't ours.",
      "key leaked in a public repo | Our freelancer put our API key in a public GitHub repository. We can see calls with it from an address we don't recognise.",
      "I see another hotel's guests | When I open the arrivals list I see guest names and passport numbers from a different hotel, not ours.",
      "approve prompts I didn't ask for | My phone keeps asking me to approve sign-ins, about ten times tonight. I'm not logging in anywhere.",
      "former employee still downloading | Our old receptionist left in September. The log says she downloaded the full client list yesterday evening. Her login should have been closed.",
      "refunds went to a card we don't know | All of today's refunds for cancelled ferry tickets went to the same card, not to the passengers. Nobody in the office issued them.",
      "fake invoice in our name | A customer forwarded an invoice that looks like ours, sent from our account, with a different IBAN. We didn't send it.",
      "password changed, not by me | I got 'your password has been changed'. I didn't change it. When I tried to log in, it didn't work.",
      "2FA turned off on my account | Two-factor was switched off on my account yesterday at 2am. It wasn't me and nobody else has my login.",
      "changing the ID in the link shows other schools | Our developer found that changing the number in the report link shows reports of other tutoring schools, with pupils' names.",
      "strange forwarding on our shared inbox | Every email to our bookings inbox is being forwarded to an outside address. We never set that up.",
      "an app we never installed | The integrations page shows an app called 'Sync Helper' with full access. Nobody here installed it.",
    ],
    de: [
      "Fremde Anmeldung auf meinem Konto | Heute Nacht gab es eine Anmeldung auf mein Konto aus einem Land, in dem ich nie war. Ich war das nicht, und jetzt ist meine Handynummer für die Codes eine fremde.",
      "Bankverbindung geändert, nicht von uns | Auf unseren Rechnungen steht plötzlich eine fremde IBAN. Keiner von uns hat die Bankverbindung geändert.",
      "Unbekannter Administrator | In unserem Konto gibt es einen neuen Administrator, den keiner von uns kennt oder angelegt hat.",
      "Daten eines anderen Kunden sichtbar | In unserer Auswertung tauchen Tierhalter einer anderen Praxis mit Adressen auf.",
      "Mail in unserem Namen | Unsere Kunden haben eine Mail von unserem Konto bekommen, mit der Bitte um Zahlung auf ein neues Konto. Die haben wir nie geschrieben.",
    ],
    fr: [
      "Connexion inconnue | Quelqu'un s'est connecté à mon compte cette nuit depuis un appareil inconnu. Ce n'était pas moi et mon adresse e-mail a été changée.",
      "Coordonnées bancaires modifiées | Le RIB de nos factures a été remplacé par un compte inconnu. Personne chez nous ne l'a modifié.",
      "Un administrateur inconnu | Un nouvel administrateur est apparu sur notre compte. Personne ne l'a créé ni ne le connaît.",
      "Je vois les clients d'une autre agence | Dans la liste des contrats, je vois des clients d'un autre cabinet de courtage, avec leurs coordonnées.",
    ],
  },
};
