### itucal: every fixed text of the interface, in French.
### One message per text; every language file has the same ids (check_keys.py).
### Dates, weekdays and month names are not here: they come from CLDR, and { $date } is
### inserted already formatted. README.md says where each section is used.

## Language
## The language's own tag (BCP 47, the `lang` attribute) and name (the language switch).

lang-tag = fr
lang-own-name = Français

## Every page
## The frame of every page: site name, skip link, language switch, footer.

page-site = Calendriers des réunions de l'UIT-T
page-skip = Aller au contenu
page-language = Langue
page-footer = Les heures sont indiquées à l'heure de Genève (Europe/Zurich), sauf mention d'un autre fuseau horaire. Les données proviennent des lettres collectives du TSB.
page-api = API JSON

## Home page
## The home page: intro, the feeds to subscribe to, the meetings.

home-intro = Les réunions de l'UIT-T annoncées dans les lettres collectives du TSB, sous forme de calendriers auxquels vous pouvez vous abonner dans Outlook, Google Agenda et Calendrier d'Apple. Un seul abonnement suffit: votre calendrier se met à jour de lui-même lorsqu'une réunion change.
home-subscribe-heading = S'abonner
home-subscribe-intro = Choisissez un calendrier. Chacun présente ses réunions, séances, dates limites et avis, à l'heure de Genève.
home-feed-all = Toutes les réunions
home-feed-deadlines = Dates limites seulement
home-by-group = Par groupe
home-subscribe = S'abonner
home-subscribe-to = S'abonner: { $name }
home-meetings = Réunions
home-no-meetings = Aucune réunion n'est annoncée.
home-window = Réunions qui se terminent le { $from } ou après; les autres figurent dans l'archive ci-dessous.
home-archive = Archive
home-archive-intro = Toutes les réunions, par année et par groupe, chacune avec son calendrier.
home-years = Par année
home-study-groups = Par commission d'études
home-all-groups = Tous les groupes
home-overview = Vue à long terme: les réunions de toutes les commissions d'études sur un même axe du temps
group-next = Prochaine réunion
group-latest = Dernière réunion
group-none = Aucune réunion de { $group } n'est annoncée.
group-stable-link = Cette adresse mène toujours à la prochaine réunion de { $group } (ou à la dernière), pour les signets et les courriels:
group-subscribe = S'abonner à { $group }
group-archive = Calendrier de toutes les réunions de { $group }, toutes les années (.ics)
group-meetings = Réunions de { $group }
group-within = Fait partie de { $group }
year-meetings = { $count } réunions tenues en { $year }
year-archive = Calendrier de toutes les réunions tenues en { $year } (.ics)
overview-title = Vue à long terme
overview-intro = Les réunions de toutes les commissions d'études du { $from } au { $through }, sur un même axe du temps. Les réunions qui chevauchent une réunion d'une autre commission d'études tenue ailleurs (un délégué des deux ne peut assister aux deux) sont hachurées et énumérées sous l'image.
overview-picture = Réunions par commission d'études, du { $from } au { $through }
overview-clashes = Réunions qui se chevauchent
overview-no-clashes = Aucune réunion n'en chevauche une autre pendant cette période.
overview-col-meeting = Réunion
overview-col-dates = Dates
overview-col-overlaps = Chevauche
overview-none = Aucune réunion n'est annoncée pour cette période.

## Texts the page script shows
## Set on <body> as data-t-* and shown by static/app.js: meeting order, countdowns, copy button, builder.

script-upcoming = À venir
script-time-range = { $start }–{ $end }
script-past = Passées
script-days-left =
    { $count ->
        [one] { $count } jour restant
       *[other] { $count } jours restants
    }
script-due-today = échéance aujourd'hui
script-passed = dépassée
script-copied = Copié
script-copy-failed = Sélectionnez l'adresse et copiez-la
script-links-updated = Les liens ci-dessus tiennent maintenant compte de votre choix.

## Meeting page
## The meeting page: facts, actions, programme table, deadlines, agenda, descriptions, contacts.

meeting-dates = Dates
meeting-venue = Lieu
meeting-groups = Groupes
meeting-source = Source
meeting-source-line = { $reference } en date du { $date }
meeting-page = Page de la réunion
meeting-subscribe = S'abonner à cette réunion
meeting-download = Télécharger le fichier .ics
meeting-email-snippet = Extrait pour courriel (HTML)
meeting-only-your-group = Ou seulement votre groupe:
meeting-programme = Programme
meeting-programme-plan = Les séances du projet de calendrier figurent dans ses tableaux ci-dessus.
meeting-times-in = Heures indiquées à l'{ $zone }
meeting-col-event = Événement
meeting-col-when = Date et heure
meeting-col-local = Votre heure locale
meeting-col-add = Ajouter à votre calendrier
meeting-deadlines = Dates limites
meeting-deadline-note = Une date limite expire à minuit, à la fin du jour indiqué, heure de Genève.
meeting-agenda = Ordre du jour
meeting-about = À propos de cette réunion
meeting-details = Détails
meeting-contact = Contact
meeting-email = Courriel
meeting-phone = Téléphone
meeting-fax = Télécopie
meeting-web = Commission d'études
meeting-add-to = Ajouter « { $title } » à { $service }
meeting-download-event = Télécharger « { $title } » au format .ics

## Calendar services
## Names of the calendar services on buttons and links; the short forms fill table cells.

service-google = Google Agenda
service-outlook = Outlook.com
service-office365 = Microsoft 365 (compte professionnel ou scolaire)
service-apple = Calendrier d'Apple / Outlook pour ordinateur
service-google-short = Google
service-outlook-short = Outlook.com
service-office365-short = Microsoft 365

## Subscribe page
## The subscribe page: heading, count, service buttons, Google fallback, copy field, QR code, builder, e-mail snippets.

subscribe-title = S'abonner: { $name }
subscribe-back = Retour à la réunion
subscribe-now-holds = Ce calendrier contient actuellement:
subscribe-event-count =
    { $count ->
        [one] { $count } événement
       *[other] { $count } événements
    }
subscribe-download-note = Une copie unique à importer: elle ne se met pas à jour.
subscribe-google-fallback = Google Agenda indique qu'il ne peut pas ajouter le calendrier?
subscribe-google-step1 = Copiez l'adresse du calendrier ci-dessous.
subscribe-google-step2 = Ouvrez les paramètres de Google Agenda:
subscribe-google-step2-link = Ajouter un agenda → À partir de l'URL
subscribe-google-step3 = Collez l'adresse et choisissez « Ajouter un agenda ».
subscribe-feed-url = Adresse du calendrier
subscribe-copy = Copier
subscribe-qr = Scannez avec votre téléphone pour ouvrir l'adresse du calendrier.
subscribe-qr-label = Code QR: { $url }
subscribe-builder = Choisir le contenu
subscribe-overlap = Les calendriers ne fusionnent pas les événements communs à deux abonnements: abonnez-vous à un groupe et à sa réunion, et leurs événements communs apparaissent deux fois. Composez plutôt ici un seul calendrier pour tous les groupes que vous suivez.
subscribe-kinds = Types d'événement
subscribe-update = Mettre à jour les liens
subscribe-share = Partager par courriel
subscribe-share-intro = Un bloc prêt à coller dans un courriel: de simples liens, sans script ni image.
subscribe-email-text = Texte brut
subscribe-cancelled = Événements annulés
subscribe-hide-cancelled = Ne pas inclure les événements annulés

## E-mail snippets
## The HTML and plain-text blocks a secretariat pastes into the mail that announces a meeting.

email-lead = Ajoutez le calendrier « { $name } » à votre calendrier. Il se met à jour de lui-même lorsqu'une réunion change; les heures sont indiquées à l'heure de Genève.
email-feed-url = Adresse du calendrier
email-webcal = Calendrier d'Apple / Outlook pour ordinateur
email-more-options = Plus d'options
email-download-once = Télécharger le fichier .ics (copie unique: elle ne se met pas à jour)

## Punctuation around inserted texts
## Where the code glues texts together in a way each language writes differently.

email-label = { $label }:
email-facts-separator = { ", " }
heading-with-zone = { $heading } ({ $zone })

## Feeds
## Calendar name and description of each feed (NAME, X-WR-CALNAME, DESCRIPTION, X-WR-CALDESC), and the kinds a filtered feed names.

feed-all-name = Réunions de l'UIT-T
feed-all-description = Réunions de l'UIT-T d'après les lettres collectives du TSB.
feed-deadlines-name = Dates limites de l'UIT-T
feed-deadlines-description = Dates limites des réunions de l'UIT-T: contributions, inscription, visas.
feed-group-name = Réunions UIT-T { $group }
feed-group-description = Réunions de { $group }, avec les dates limites et l'inscription des réunions qui le concernent.
feed-year-name = Réunions de l'UIT-T en { $year }
feed-year-description = Archive de toutes les réunions de l'UIT-T tenues en { $year }.
feed-group-archive-name = Réunions UIT-T { $group }, toutes les années
feed-group-archive-description = Archive de toutes les réunions de { $group }, passées et à venir.
feed-archive-sessions = Les séances des projets de calendrier figurent dans le calendrier de chaque réunion.
feed-window = { $description } Réunions qui se terminent le { $from } ou après, et la dernière réunion de chaque groupe; les réunions antérieures figurent dans les calendriers d'archive annuels.
feed-window-through = { $description } Réunions qui se terminent le { $from } ou après et commencent au plus tard le { $through }, et la dernière réunion de chaque groupe; les autres réunions figurent dans les calendriers d'archive annuels.
feed-kind-meetings = réunions
feed-kind-sessions = séances
feed-kind-deadlines = dates limites
feed-kind-notices = avis

## Event descriptions in feeds: the footer
## The lines every event description ends with: the letter, the zone, the contacts, the pages.

footer-source = Source: { $reference } en date du { $date }.
footer-times = Les heures sont indiquées à l'{ $zone }.
footer-dates = Les dates sont indiquées à l'{ $zone }.
footer-contact = Contact: { $email }
footer-contact-phone = , tél. { $phone }
footer-contact-fax = , télécopie { $fax }
footer-contact-end = .
footer-study-group = Commission d'études: { $url }
footer-meeting-page = Page de la réunion: { $url }

## Time zones
## The zone named next to times; { $zone } is the tz name (Europe/Zurich). In fr the label starts with "heure" (other messages write "à l'{ $zone }"); in ru and ar it is an adverbial phrase ("по ...", "بـ...").

zone-home = heure de Genève ({ $zone })
zone-local = heure locale ({ $zone })

## Kinds of event
## One event's tag (singular) and the builder's checkboxes (plural).

kind-meeting = Réunion
kind-session = Séance
kind-deadline = Date limite
kind-notice = Avis
kind-meetings = Réunions
kind-sessions = Séances
kind-deadlines = Dates limites
kind-notices = Avis

## Statuses
## The tag of an event that is not confirmed.

status-tentative = Provisoire
status-cancelled = Annulé

## Not used by the code today
## Fields of the Strings struct that no page reads yet.

label-events = Événements
label-everything = tout

## Dates
## How two dates make a span. { $first } and { $last } are long dates ("24 January 2018"), { $first-day } and { $last-day } day numbers, { $first-month-day } and { $last-month-day } day and month ("24 January"); in days and days-same-year, { $first } and { $last } carry the weekday ("Wed 24 Jan 2018") and { $first-weekday } and { $last-weekday } are the same without the year ("Wed 24 Jan"). { $start } and { $end } are times of day ("09:30"), { $date } and { $end-date } dates with their weekday. Names of months and weekdays come from CLDR.

date-range-same-month = { $first-day }–{ $last }
date-range-same-year = { $first-month-day } – { $last }
date-range = { $first } – { $last }
days-same-year = { $first-weekday } – { $last }
days = { $first } – { $last }
time-same-day = { $date }, { $start }–{ $end }
time-span = { $date }, { $start } – { $end-date }, { $end }

## Error pages
## The page shown when a page's address names nothing or is malformed; the technical reason follows in English.

error-not-found = Page introuvable
error-not-found-lead = Il n'y a pas de page à cette adresse. La réunion, le groupe ou le calendrier qu'elle désigne n'existe peut-être pas.
error-bad-request = Cette adresse n'est pas valable
error-bad-request-lead = Une partie de cette adresse ne peut pas être lue. Vérifiez le lien ou repartez de la page d'accueil.
error-reason = Motif donné par le service (en anglais):
error-home = Aller à la page d'accueil
## Changes
## What `itucal lock` tells of a changed event, one sentence each (stored in the lock file's history). { $title } is the event's title; { $when } when it happens ("Mon, 15 Jan 2018, 08:30–09:30", "Wed 24 Jan 2018"); { $from } and { $to } the before and after: times (change-moved, where change-at-place adds the { $place } when the place changed too), places (change-relocated) or titles (change-renamed).

change-added = Nouveau: « { $title } », { $when }
change-cancelled = Annulation: « { $title } », { $when }
change-restored = Rétablissement: « { $title } », { $when }
change-moved = Changement d'horaire: « { $title } », { $to } au lieu de { $from }
change-at-place = { $when } ({ $place })
change-relocated = Changement de lieu: « { $title } », { $when }, { $to } au lieu de { $from }
change-confirmed = Confirmation: « { $title } », { $when }
change-tentative = À confirmer: « { $title } », { $when }
change-renamed = Nouveau titre: « { $to } » au lieu de « { $from } », { $when }
change-details = Précisions mises à jour: « { $title } », { $when }
feed-cancelled-title = Annulé: { $title }
footer-changed = Modification du { $date }: { $change }

## Changes pages
## The changes page of a meeting or of every meeting, its Atom feed and e-mail snippets, and the meeting page's line about them. { $number } is a version number; { $date } a long date, { $start } a time of day (Geneva); { $title } a meeting's title; { $change } one change sentence.

changes-title = Modifications
changes-meeting-title = Modifications: { $title }
changes-intro = Toutes les modifications apportées depuis l'annonce des réunions, de la plus récente à la plus ancienne, à l'heure de Genève. Un calendrier peut mettre une journée à afficher une modification; cette page l'indique immédiatement.
changes-version = Version { $number }, { $date }, { $start }
changes-published = { $title }: annonce
changes-none = Aucune modification pour l'instant.
changes-atom = Flux Atom de ces modifications
changes-email = Extrait pour courriel des dernières modifications
changes-since = Modifications depuis la version { $number }
changes-entry-title =
    { $count ->
        [one] Version { $number }: { $count } modification
       *[other] Version { $number }: { $count } modifications
    }
changes-link = Modifications
changes-in-meeting = { $change } ({ $title })
meeting-follow-changes = Suivre les modifications de cette réunion au fur et à mesure
meeting-updated =
    { $count ->
        [one] Mis à jour le { $date }, { $count } modification
       *[other] Mis à jour le { $date }, { $count } modifications
    }
## Time plan sessions (titles start with what tells them apart: group and number)
session-title = { $groups } séance { $number }, { $room }
session-title-joint = { $groups } n° { $number } (commune), { $room }
session-location = { $room }, { $venue }
session-description = Séance { $number } de { $groups }, selon { $status ->
        [final] le projet de calendrier définitif
        [draft] le projet de calendrier en préparation
       *[tentative] le projet de calendrier provisoire
    } (version { $version }). Les salles et les horaires peuvent changer pendant la réunion: la page de la réunion et les écrans sur place donnent les dernières informations.

## The time plan on a meeting page
plan-heading = Projet de calendrier
plan-version = Version { $version }, { $status ->
        [final] définitive.
        [draft] en préparation, pas encore arrêtée.
       *[tentative] provisoire: les séances et les salles peuvent changer pendant la réunion.
    }
plan-none = Le projet de calendrier n'est pas encore publié. { $reference } donne les dates de la réunion; ses séances figureront ici et dans les calendriers dès que le secrétariat publiera le calendrier.
plan-none-link = La lettre et les annonces ultérieures se trouvent sur la page de la réunion.
plan-none-letter = Lire la lettre.
meeting-draft = Projet: cette réunion n'a pas encore été vérifiée. Elle n'apparaît que dans un aperçu (itucal serve --drafts) et ne figure dans aucun calendrier ni aucune page publiés.
plan-col-slot = Créneau
plan-joint = commune
plan-subscribe = Le calendrier d'un groupe contient ses séances et suit leurs changements. S'abonner aux séances d'un groupe:

## The timeline picture on a meeting page
timeline-heading = Chronologie
timeline-title = Chronologie: { $meeting }
timeline-desc = La réunion de chaque groupe sous forme de barre sur un même axe du temps, et les dates limites qui les précèdent sous forme de repères numérotés; les listes ci-dessous donnent les mêmes dates.
## Imported drafts
## The titles `itucal import` writes into a draft meeting file (src/import/draft.rs), from the facts of a letter. { $group } is a group code (SG20, WP1/20, Q2/20, TSAG), { $number } the same without its letters (20, 1/20), { $place } the venue, { $meeting } the meeting's groups (SG20 WP1/20), { $month } month and year from CLDR (Jan 2018), { $name } a co-located group (oneM2M), { $groups } the meetings' groups (Q1/20–Q4/20, WP1/20), { $count } how many, { $dates } their days, { $what } one of the import-deadline-* texts.

import-meeting-title = { $count ->
    [one] Réunion
   *[other] Réunions
} { $groups }, { $place }, { $dates }
import-sg-meeting = { $group }: réunion de la Commission d'études, { $place }
import-wp-meeting = { $group }: réunion du Groupe de travail, { $place }
import-group-meeting = { $group }: réunion, { $place }
import-rapporteur-meeting = { $group }: réunion du Groupe du Rapporteur, { $place }
import-colocated = Parallèlement à la réunion de { $name } ({ $meeting }), { $place }
import-registration = Enregistrement, { $meeting }, { $place }
import-opening = Ouverture, { $meeting }, { $place }
import-deadline = Date limite: { $what } ({ $meeting }, { $month })
import-deadline-contributions-translation = contributions à traduire
import-deadline-fellowships = demandes de bourse
import-deadline-interpretation = demandes d'interprétation
import-deadline-captioning = demandes de sous-titrage en temps réel et d'interprétation en langue des signes
import-deadline-pre-registration = préinscription
import-deadline-visa-support-letter = demandes de lettre d'appui pour un visa
import-deadline-contributions = soumission des contributions
import-geneva = Genève
import-itu-headquarters = Siège de l'UIT, Genève
import-montbrillant = Entrée Montbrillant, siège de l'UIT, Genève
import-addressees = Destinataires
import-chairs = Présidents cités
import-agenda = Projet d'ordre du jour (Annexe B)
