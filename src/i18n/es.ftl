### itucal: every fixed text of the interface, in Spanish.
### One message per text; every language file has the same ids (check_keys.py).
### Dates, weekdays and month names are not here: they come from CLDR, and { $date } is
### inserted already formatted. README.md says where each section is used.

## Language
## The language's own tag (BCP 47, the `lang` attribute) and name (the language switch).

lang-tag = es
lang-own-name = Español

## Every page
## The frame of every page: site name, skip link, language switch, footer.

page-site = Calendarios de reuniones del UIT-T
page-skip = Saltar al contenido
page-language = Idioma
page-footer = Las horas se indican en hora de Ginebra (Europe/Zurich), salvo que se mencione otra zona horaria. Los datos proceden de las Cartas Colectivas de la TSB.
page-api = API JSON

## Home page
## The home page: intro, the feeds to subscribe to, the meetings.

home-intro = Las reuniones del UIT-T anunciadas en las Cartas Colectivas de la TSB, en forma de calendarios a los que puede suscribirse en Outlook, Google Calendar y Calendario de Apple. Basta con suscribirse una vez: su calendario se actualiza solo cuando cambia una reunión.
home-subscribe-heading = Suscribirse
home-subscribe-intro = Elija un calendario. Cada uno presenta sus reuniones, sesiones, plazos y avisos, en hora de Ginebra.
home-feed-all = Todas las reuniones
home-feed-deadlines = Solo plazos
home-by-group = Por grupo
home-subscribe = Suscribirse
home-subscribe-to = Suscribirse: { $name }
home-meetings = Reuniones
home-no-meetings = No se ha anunciado ninguna reunión.
home-window = Reuniones que terminan el { $from } o después; las demás figuran en el archivo que sigue.
home-archive = Archivo
home-archive-intro = Todas las reuniones, por año y por grupo, cada una con su calendario.
home-years = Por año
home-study-groups = Por Comisión de Estudio
home-all-groups = Todos los grupos
home-overview = Vista a largo plazo: las reuniones de todas las Comisiones de Estudio en un mismo eje temporal
group-next = Próxima reunión
group-latest = Última reunión
group-none = No se ha anunciado ninguna reunión de { $group }.
group-stable-link = Esta dirección lleva siempre a la próxima reunión de { $group } (o a la última), para marcadores y correos electrónicos:
group-subscribe = Suscribirse a { $group }
group-archive = Calendario de todas las reuniones de { $group }, todos los años (.ics)
group-meetings = Reuniones de { $group }
group-within = Forma parte de { $group }
year-meetings = { $count } reuniones celebradas en { $year }
year-archive = Calendario de todas las reuniones celebradas en { $year } (.ics)
overview-title = Vista a largo plazo
overview-intro = Las reuniones de todas las Comisiones de Estudio del { $from } al { $through }, en un mismo eje temporal. Las reuniones que se solapan con una reunión de otra Comisión de Estudio celebrada en otro lugar (un delegado de ambas no puede asistir a las dos) aparecen rayadas y se enumeran debajo de la imagen.
overview-picture = Reuniones por Comisión de Estudio, del { $from } al { $through }
overview-clashes = Reuniones que se solapan
overview-no-clashes = Ninguna reunión se solapa con otra en este periodo.
overview-col-meeting = Reunión
overview-col-dates = Fechas
overview-col-overlaps = Se solapa con
overview-none = No se ha anunciado ninguna reunión para este periodo.

## Texts the page script shows
## Set on <body> as data-t-* and shown by static/app.js: meeting order, countdowns, copy button, builder.

script-upcoming = Próximas
script-time-range = { $start }–{ $end }
script-past = Anteriores
script-days-left =
    { $count ->
        [one] queda { $count } día
       *[other] quedan { $count } días
    }
script-due-today = vence hoy
script-passed = vencido
script-copied = Copiado
script-copy-failed = Seleccione la dirección y cópiela
script-links-updated = Los enlaces anteriores ya incluyen su selección.

## Meeting page
## The meeting page: facts, actions, programme table, deadlines, agenda, descriptions, contacts.

meeting-dates = Fechas
meeting-venue = Lugar
meeting-groups = Grupos
meeting-source = Fuente
meeting-source-line = { $reference } del { $date }
meeting-page = Página de la reunión
meeting-subscribe = Suscribirse a esta reunión
meeting-download = Descargar .ics
meeting-email-snippet = Fragmento para correo electrónico (HTML)
meeting-only-your-group = O solo su grupo:
meeting-programme = Programa
meeting-programme-plan = Las sesiones del plan de gestión del tiempo figuran en sus cuadros, más arriba.
meeting-times-in = Horario en { $zone }
meeting-col-event = Evento
meeting-col-when = Fecha y hora
meeting-col-local = Su hora local
meeting-col-add = Añadir a su calendario
meeting-deadlines = Plazos
meeting-deadline-note = Un plazo vence a medianoche, al final del día indicado, hora de Ginebra.
meeting-agenda = Orden del día
meeting-about = Acerca de esta reunión
meeting-details = Detalles
meeting-contact = Contacto
meeting-email = Correo electrónico
meeting-phone = Teléfono
meeting-fax = Fax
meeting-web = Comisión de Estudio
meeting-add-to = Añadir «{ $title }» a { $service }
meeting-download-event = Descargar «{ $title }» en formato .ics

## Calendar services
## Names of the calendar services on buttons and links; the short forms fill table cells.

service-google = Google Calendar
service-outlook = Outlook.com
service-office365 = Microsoft 365 (cuenta profesional o educativa)
service-apple = Calendario de Apple / Outlook para escritorio
service-google-short = Google
service-outlook-short = Outlook.com
service-office365-short = Microsoft 365

## Subscribe page
## The subscribe page: heading, count, service buttons, Google fallback, copy field, QR code, builder, e-mail snippets.

subscribe-title = Suscribirse: { $name }
subscribe-back = Volver a la reunión
subscribe-now-holds = Este calendario contiene ahora:
subscribe-event-count =
    { $count ->
        [one] { $count } evento
       *[other] { $count } eventos
    }
subscribe-download-note = Una copia única para importar: no se actualiza.
subscribe-google-fallback = ¿Google Calendar indica que no puede añadir el calendario?
subscribe-google-step1 = Copie la dirección del calendario que figura a continuación.
subscribe-google-step2 = Abra la configuración de Google Calendar:
subscribe-google-step2-link = Añadir calendario → Desde URL
subscribe-google-step3 = Pegue la dirección y elija «Añadir calendario».
subscribe-feed-url = Dirección del calendario
subscribe-copy = Copiar
subscribe-qr = Escanee con su teléfono para abrir la dirección del calendario.
subscribe-qr-label = Código QR: { $url }
subscribe-builder = Elija qué incluir
subscribe-overlap = Los calendarios no combinan los eventos que comparten dos suscripciones: si se suscribe a un grupo y a su reunión, los eventos comunes aparecerán dos veces. En su lugar, componga aquí un solo calendario para todos los grupos que sigue.
subscribe-kinds = Tipos de evento
subscribe-update = Actualizar enlaces
subscribe-share = Compartir por correo electrónico
subscribe-share-intro = Un bloque listo para pegar en un correo electrónico: solo enlaces, sin scripts ni imágenes.
subscribe-email-text = Texto sin formato
subscribe-cancelled = Eventos cancelados
subscribe-hide-cancelled = No incluir los eventos cancelados

## E-mail snippets
## The HTML and plain-text blocks a secretariat pastes into the mail that announces a meeting.

email-lead = Añada el calendario «{ $name }» a su calendario. Se actualiza solo cuando cambia una reunión; las horas se indican en hora de Ginebra.
email-feed-url = Dirección del calendario
email-webcal = Calendario de Apple / Outlook para escritorio
email-more-options = Más opciones
email-download-once = Descargar .ics (copia única: no se actualiza)

## Punctuation around inserted texts
## Where the code glues texts together in a way each language writes differently.

email-label = { $label }:
email-facts-separator = { ", " }
heading-with-zone = { $heading } ({ $zone })

## Feeds
## Calendar name and description of each feed (NAME, X-WR-CALNAME, DESCRIPTION, X-WR-CALDESC), and the kinds a filtered feed names.

feed-all-name = Reuniones del UIT-T
feed-all-description = Reuniones del UIT-T según las Cartas Colectivas de la TSB.
feed-deadlines-name = Plazos del UIT-T
feed-deadlines-description = Plazos de las reuniones del UIT-T: contribuciones, inscripción, visados.
feed-group-name = Reuniones UIT-T { $group }
feed-group-description = Reuniones de { $group }, con los plazos y la inscripción de las reuniones que lo incluyen.
feed-year-name = Reuniones del UIT-T en { $year }
feed-year-description = Archivo de todas las reuniones del UIT-T celebradas en { $year }.
feed-group-archive-name = Reuniones UIT-T { $group }, todos los años
feed-group-archive-description = Archivo de todas las reuniones de { $group }, pasadas y futuras.
feed-archive-sessions = Las sesiones de los planes de gestión del tiempo figuran en el calendario de cada reunión.
feed-window = { $description } Reuniones que terminan el { $from } o después, y la última reunión de cada grupo; las reuniones anteriores figuran en los calendarios de archivo anuales.
feed-window-through = { $description } Reuniones que terminan el { $from } o después y comienzan a más tardar el { $through }, y la última reunión de cada grupo; las demás reuniones figuran en los calendarios de archivo anuales.
feed-kind-meetings = reuniones
feed-kind-sessions = sesiones
feed-kind-deadlines = plazos
feed-kind-notices = avisos

## Event descriptions in feeds: the footer
## The lines every event description ends with: the letter, the zone, the contacts, the pages.

footer-source = Fuente: { $reference } del { $date }.
footer-times = Las horas se indican en { $zone }.
footer-dates = Las fechas se indican en { $zone }.
footer-contact = Contacto: { $email }
footer-contact-phone = , tel. { $phone }
footer-contact-fax = , fax { $fax }
footer-contact-end = .
footer-study-group = Comisión de Estudio: { $url }
footer-meeting-page = Página de la reunión: { $url }

## Time zones
## The zone named next to times; { $zone } is the tz name (Europe/Zurich). In fr the label starts with "heure" (other messages write "à l'{ $zone }"); in ru and ar it is an adverbial phrase ("по ...", "بـ...").

zone-home = hora de Ginebra ({ $zone })
zone-local = hora local ({ $zone })

## Kinds of event
## One event's tag (singular) and the builder's checkboxes (plural).

kind-meeting = Reunión
kind-session = Sesión
kind-deadline = Plazo
kind-notice = Aviso
kind-meetings = Reuniones
kind-sessions = Sesiones
kind-deadlines = Plazos
kind-notices = Avisos

## Statuses
## The tag of an event that is not confirmed.

status-tentative = Provisional
status-cancelled = Cancelado

## Not used by the code today
## Fields of the Strings struct that no page reads yet.

label-events = Eventos
label-everything = todo

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

error-not-found = Página no encontrada
error-not-found-lead = No hay ninguna página en esta dirección. Es posible que la reunión, el grupo o el calendario que indica no exista.
error-bad-request = Esta dirección no es válida
error-bad-request-lead = Una parte de esta dirección no se puede leer. Compruebe el enlace o vuelva a empezar desde la página de inicio.
error-reason = Motivo indicado por el servicio (en inglés):
error-home = Ir a la página de inicio
## Changes
## What `itucal lock` tells of a changed event, one sentence each (stored in the lock file's history). { $title } is the event's title; { $when } when it happens ("Mon, 15 Jan 2018, 08:30–09:30", "Wed 24 Jan 2018"); { $from } and { $to } the before and after: times (change-moved, where change-at-place adds the { $place } when the place changed too), places (change-relocated) or titles (change-renamed).

change-added = Nuevo: «{ $title }», { $when }
change-cancelled = Cancelado: «{ $title }», { $when }
change-restored = Se celebra de nuevo: «{ $title }», { $when }
change-moved = Cambio de horario: «{ $title }», { $to } en lugar de { $from }
change-at-place = { $when } ({ $place })
change-relocated = Cambio de lugar: «{ $title }», { $when }, { $to } en lugar de { $from }
change-confirmed = Confirmado: «{ $title }», { $when }
change-tentative = Por confirmar: «{ $title }», { $when }
change-renamed = Nuevo título: «{ $to }» en lugar de «{ $from }», { $when }
change-details = Detalles actualizados: «{ $title }», { $when }
feed-cancelled-title = Cancelado: { $title }
footer-changed = Modificado el { $date }: { $change }

## Changes pages
## The changes page of a meeting or of every meeting, its Atom feed and e-mail snippets, and the meeting page's line about them. { $number } is a version number; { $date } a long date, { $start } a time of day (Geneva); { $title } a meeting's title; { $change } one change sentence.

changes-title = Cambios
changes-meeting-title = Cambios: { $title }
changes-intro = Todos los cambios desde el anuncio de las reuniones, del más reciente al más antiguo, en hora de Ginebra. Un calendario puede tardar un día en mostrar un cambio; esta página lo muestra de inmediato.
changes-version = Versión { $number }, { $date }, { $start }
changes-published = { $title }: anuncio
changes-none = Todavía no hay cambios.
changes-atom = Canal Atom de estos cambios
changes-email = Fragmento para correo electrónico de los últimos cambios
changes-since = Cambios desde la versión { $number }
changes-entry-title =
    { $count ->
        [one] Versión { $number }: { $count } cambio
       *[other] Versión { $number }: { $count } cambios
    }
changes-link = Cambios
changes-in-meeting = { $change } ({ $title })
meeting-follow-changes = Seguir los cambios de esta reunión a medida que se producen
meeting-updated =
    { $count ->
        [one] Actualizado el { $date }, { $count } cambio
       *[other] Actualizado el { $date }, { $count } cambios
    }
## Time plan sessions (titles start with what tells them apart: group and number)
session-title = { $groups } sesión { $number }, { $room }
session-title-joint = { $groups } n.º { $number } (conjunta), { $room }
session-location = { $room }, { $venue }
session-description = Sesión { $number } de { $groups }, según { $status ->
        [final] el plan de gestión del tiempo definitivo
        [draft] el borrador del plan de gestión del tiempo
       *[tentative] el plan de gestión del tiempo provisional
    } (versión { $version }). Las salas y los horarios pueden cambiar durante la reunión: la página de la reunión y las pantallas del lugar muestran la información más reciente.

## The time plan on a meeting page
plan-heading = Plan de gestión del tiempo
plan-version = Versión { $version }, { $status ->
        [final] definitiva.
        [draft] borrador, aún no acordado.
       *[tentative] provisional: las sesiones y las salas pueden cambiar durante la reunión.
    }
plan-none = El plan de gestión del tiempo aún no se ha publicado. { $reference } indica las fechas de la reunión; sus sesiones aparecerán aquí y en los calendarios en cuanto la secretaría publique el plan.
plan-none-link = La carta y los anuncios posteriores están en la página de la reunión.
plan-none-letter = Leer la carta.
meeting-draft = Borrador: esta reunión aún no se ha revisado. Solo se muestra en una vista previa (itucal serve --drafts) y no figura en ningún calendario ni página publicados.
plan-col-slot = Franja
plan-joint = conjunta
plan-subscribe = El calendario de un grupo contiene sus sesiones y sigue sus cambios. Suscribirse a las sesiones de un grupo:

## The timeline picture on a meeting page
timeline-heading = Cronología
timeline-title = Cronología: { $meeting }
timeline-desc = La reunión de cada grupo como una barra sobre un mismo eje temporal, y los plazos que las preceden como marcas numeradas; las listas siguientes dan las mismas fechas.
## Imported drafts
## The titles `itucal import` writes into a draft meeting file (src/import/draft.rs), from the facts of a letter. { $group } is a group code (SG20, WP1/20, Q2/20, TSAG), { $number } the same without its letters (20, 1/20), { $place } the venue, { $meeting } the meeting's groups (SG20 WP1/20), { $month } month and year from CLDR (Jan 2018), { $name } a co-located group (oneM2M), { $groups } the meetings' groups (Q1/20–Q4/20, WP1/20), { $count } how many, { $dates } their days, { $what } one of the import-deadline-* texts.

import-meeting-title = { $count ->
    [one] Reunión
   *[other] Reuniones
} { $groups }, { $place }, { $dates }
import-sg-meeting = { $group }: reunión de la Comisión de Estudio, { $place }
import-wp-meeting = { $group }: reunión del Grupo de Trabajo, { $place }
import-group-meeting = { $group }: reunión, { $place }
import-rapporteur-meeting = { $group }: reunión del Grupo de Relator, { $place }
import-colocated = Paralelamente a la reunión de { $name } ({ $meeting }), { $place }
import-registration = Inscripción, { $meeting }, { $place }
import-opening = Apertura, { $meeting }, { $place }
import-deadline = Plazo: { $what } ({ $meeting }, { $month })
import-deadline-contributions-translation = contribuciones que requieren traducción
import-deadline-fellowships = solicitudes de beca
import-deadline-interpretation = solicitudes de interpretación
import-deadline-captioning = solicitudes de subtitulado en tiempo real e interpretación en lengua de signos
import-deadline-pre-registration = preinscripción
import-deadline-visa-support-letter = solicitudes de carta de apoyo para el visado
import-deadline-contributions = presentación de contribuciones
import-geneva = Ginebra
import-itu-headquarters = Sede de la UIT, Ginebra
import-montbrillant = Entrada del edificio Montbrillant, sede de la UIT, Ginebra
import-addressees = Destinatarios
import-chairs = Presidentes mencionados
import-agenda = Proyecto de orden del día (Anexo B)
