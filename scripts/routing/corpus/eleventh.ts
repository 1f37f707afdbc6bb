/**
 * An eleventh batch (4 December, branch `routing-13i`; written without the evaluation set). Where an incident is
 * someone who should be gone: a person who left or was removed (employee, contractor, intern, agency, former
 * partner, volunteer) who still signs in, downloads, exports or changes things afterwards. The corpus had this
 * mostly as the ordinary request ("X left, please remove them": 22 account tickets say "left the company", one
 * security ticket), so the detector read it as offboarding. The ordinary side is here too: removals, people
 * leaving, access lists, with nothing happening after. The kind was chosen from the development set's two missed
 * incidents (their kind only; no dev text copied or paraphrased), so the development set measures this batch
 * less cleanly than before: see data/routing/README.md. Products: gyms, dental practices, driving schools,
 * translation agencies, restaurant tills, sports clubs, coworking spaces, architecture offices, charities.
 */
export const eleventh = {
  security: {
    en: [
      "Ex-trainer still booking clients | The trainer we let go in March is still creating appointments under his old login. We deactivated him, or thought we did. He is moving our clients to his new gym.",
      "Former hygienist exported patient list | Our hygienist left two weeks ago. The audit log shows her account exported the full patient list last night at 23:40.",
      "Agency we fired still in our account | We ended the contract with our marketing agency on the 1st. Yesterday someone from their office changed our booking page texts and added a link to a competitor.",
      "Removed volunteer downloaded donor data | We removed a volunteer after a dispute. Today I see his login downloaded the donor spreadsheet twice this week.",
      "Old partner still reads our files | My business partner left the practice in January and we split. The log shows his email opened our client folders this weekend.",
      "Intern's account used after her last day | Our intern finished on Friday. On Sunday her account logged in from abroad and viewed the salary report.",
      "Deleted user came back | I removed a contractor's user last month. Now there is a user with the same name again, created by nobody here, and it has admin rights.",
      "Former manager changed bank details | The manager who left in autumn still had a login we missed. Someone used it yesterday to change the payout account.",
      "Ex-employee sending messages as us | A member says she got a message from our account signed by a colleague who left in June, asking to pay a fee to a new account.",
      "Login of a dismissed instructor active | We dismissed an instructor for cause. The session list shows him signed in on two devices right now.",
      "contractor should be gone | the freelancer we stopped working with in may downloaded all floor plans yesterday. his access was supposed to end with the contract",
      "access after resignation | A receptionist resigned last week and has not returned her badge. Tonight her login exported all member phone numbers.",
    ],
    de: [
      "Ehemaliger Mitarbeiter lädt Daten herunter | Ein Trainer, der Ende März gegangen ist, hat laut Protokoll gestern Abend die komplette Mitgliederliste heruntergeladen. Sein Zugang sollte längst gesperrt sein.",
      "Gekündigte Agentur noch im Konto | Wir haben der Agentur zum Monatsende gekündigt. Heute hat jemand von dort unsere Preise auf der Buchungsseite geändert.",
      "Ex-Praktikant noch aktiv | Unser Praktikant ist seit zwei Wochen weg, aber sein Konto hat sich heute Nacht angemeldet und Rechnungen exportiert.",
      "Entfernter Nutzer wieder da | Ich hatte einen freien Mitarbeiter gelöscht. Jetzt gibt es wieder einen Nutzer mit seinem Namen und Admin-Rechten, den bei uns niemand angelegt hat.",
      "Ausgeschiedene Partnerin liest Akten | Meine frühere Partnerin hat die Praxis im Streit verlassen. Im Verlauf sehe ich, dass ihr Login am Wochenende Patientenakten geöffnet hat.",
      "Früherer Kassenwart ändert Bankverbindung | Unser alter Kassenwart ist nicht mehr im Verein. Gestern wurde mit seinem Zugang die Bankverbindung für Beiträge geändert.",
    ],
    fr: [
      "Ancien salarié toujours connecté | Un coach parti fin mars a téléchargé hier soir la liste complète des adhérents, d'après l'historique. Son accès devait être coupé.",
      "Agence résiliée encore dans le compte | Nous avons mis fin au contrat avec l'agence le 1er. Ce matin, quelqu'un chez eux a modifié nos tarifs en ligne.",
      "Compte d'une ex-associée utilisé | Mon ancienne associée a quitté le cabinet en mauvais termes. Son identifiant a ouvert des dossiers clients ce week-end.",
      "Utilisateur supprimé réapparu | J'avais supprimé un prestataire le mois dernier. Un utilisateur à son nom est revenu, avec des droits d'administrateur, et personne ici ne l'a créé.",
      "Ancien trésorier et coordonnées bancaires | Notre ancien trésorier n'est plus au bureau de l'association. Hier, son accès a servi à changer le RIB des cotisations.",
      "Export après un licenciement | Nous avons licencié une réceptionniste vendredi. Cette nuit, son compte a exporté les numéros de téléphone de tous les membres.",
    ],
  },
  account: {
    en: [
      "Trainer left, remove him | One of our trainers left at the end of March on good terms. Please remove his login, nothing has happened, just housekeeping.",
      "Agency contract ended | Our contract with the marketing agency ended. Could you take away their two logins? They handed everything over properly.",
      "Intern's last day | Our intern's last day is Friday. Can I schedule her account to be switched off that evening?",
      "Who still has a login? | We had some staff changes this year. Can you send me a list of all users and when each last signed in? No problem, just checking.",
      "Ex-colleague still in the user list | A colleague who left in June still shows in the user list. His last login was the day before he left. How do I remove him myself?",
      "Transfer files of someone leaving | Our architect is leaving next week. Before we remove her login, can her projects be moved to her colleague?",
      "Export by our new trainer | The log shows our new trainer exported the member list last night. That's fine, I asked him to for the newsletter. Can exports be limited to admins?",
      "Hygienist downloaded the patient list | Our hygienist downloaded the patient list yesterday, I asked her to, for the recall letters. Where can I see what else she can download?",
      "Colleague changed our bank details | My colleague Sam changed our payout account this morning, we switched banks. Just confirming the change went through and when the next payout comes.",
      "Our bookkeeper signs in at night | I got a notice that someone signed in at 11pm. That's our bookkeeper, she works evenings. Can I turn these notices off for her?",
    ],
    de: [
      "Trainer ausgeschieden, Zugang löschen | Ein Trainer hat uns im Guten verlassen. Bitte löschen Sie seinen Zugang, es ist nichts vorgefallen.",
      "Liste aller Nutzer | Wir hatten dieses Jahr einige Wechsel im Team. Können Sie mir alle Nutzer mit letzter Anmeldung schicken? Reine Routine.",
      "Praktikant geht, Konto abschalten | Unser Praktikant hört am Freitag auf. Kann ich sein Konto für Freitagabend automatisch deaktivieren lassen?",
      "Export durch unsere Trainerin | Im Protokoll steht, dass unsere Trainerin gestern die Mitgliederliste exportiert hat. Das war mit mir abgesprochen. Kann ich Exporte auf Admins beschränken?",
      "Kollege hat Bankverbindung geändert | Mein Kollege hat heute die Auszahlungskonto geändert, wir haben die Bank gewechselt. Ist die Änderung angekommen?",
    ],
    fr: [
      "Départ d'un coach | Un coach nous a quittés en bons termes fin mars. Merci de supprimer son accès, il ne s'est rien passé.",
      "Liste des utilisateurs | Nous avons eu des départs cette année. Pouvez-vous m'envoyer la liste des utilisateurs et leur dernière connexion ? C'est une vérification de routine.",
      "Fin de contrat avec l'agence | Notre contrat avec l'agence est terminé. Pouvez-vous retirer leurs deux accès ? Tout s'est bien passé.",
      "Export par notre coach | L'historique montre que notre coach a exporté la liste des adhérents hier soir. C'est normal, je le lui ai demandé. Peut-on réserver les exports aux administrateurs ?",
      "Changement de RIB par ma collègue | Ma collègue a changé notre RIB ce matin, nous avons changé de banque. La modification est-elle bien prise en compte ?",
    ],
  },
  general: {
    en: [
      "Can I see who downloaded what? | Is there a report of which staff downloaded which files last month? Our insurer asks for it every year, nothing happened.",
      "Do former staff lose access automatically? | When I remove someone, are their sessions on phones ended too, or do I have to do something else?",
    ],
    de: [
      "Wer hat was heruntergeladen? | Gibt es einen Bericht, welche Mitarbeiter welche Dateien heruntergeladen haben? Unsere Versicherung fragt jährlich danach, es ist nichts passiert.",
    ],
    fr: [
      "Qui a téléchargé quoi ? | Existe-t-il un rapport des fichiers téléchargés par chaque membre de l'équipe ? Notre assureur le demande chaque année, il ne s'est rien passé.",
    ],
  },
};
