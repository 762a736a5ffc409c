### itucal: every fixed text of the interface, in English.
### One message per text; every language file has the same ids (check_keys.py).
### Dates, weekdays and month names are not here: they come from CLDR, and { $date } is
### inserted already formatted. README.md says where each section is used.

## Language
## The language's own tag (BCP 47, the `lang` attribute) and name (the language switch).

lang-tag = en
lang-own-name = English

## Every page
## The frame of every page: site name, skip link, language switch, footer.

page-site = ITU-T meeting calendars
page-skip = Skip to content
page-language = Language
page-footer = Times are in Geneva time (Europe/Zurich) unless another zone is named. The data comes from the TSB collective letters.
page-api = JSON API

## Home page
## The home page: intro, the feeds to subscribe to, the meetings.

home-intro = ITU-T meetings as announced in the TSB collective letters, as calendars you can subscribe to in Outlook, Google Calendar and Apple Calendar. Subscribe once: your calendar updates itself when a meeting changes.
home-subscribe-heading = Subscribe
home-subscribe-intro = Pick a calendar. Each one lists its meetings, sessions, deadlines and notices, in Geneva time.
home-feed-all = All meetings
home-feed-deadlines = Deadlines only
home-by-group = By group
home-subscribe = Subscribe
home-subscribe-to = Subscribe: { $name }
home-meetings = Meetings
home-no-meetings = No meetings are announced.
home-window = Meetings that end on or after { $from }; the others are in the archive below.
home-archive = Archive
home-archive-intro = Every meeting, by year and by group, each with its calendar.
home-years = By year
home-study-groups = By study group
home-all-groups = Every group
home-overview = Long-range view: every study group's meetings on one time axis
group-next = Next meeting
group-latest = Latest meeting
group-none = No meeting of { $group } is announced.
group-stable-link = This address always leads to the next meeting of { $group } (or its latest one), for bookmarks and e-mails:
group-subscribe = Subscribe to { $group }
group-archive = Calendar of every meeting of { $group }, all years (.ics)
group-meetings = Meetings of { $group }
group-within = Part of { $group }
year-meetings = { $count } meetings held in { $year }
year-archive = Calendar of every meeting held in { $year } (.ics)
overview-title = Long-range view
overview-intro = The meetings of every study group from { $from } to { $through }, on one time axis. Meetings that overlap a meeting of another study group held elsewhere (a delegate of both cannot attend both) are striped and listed below the picture.
overview-picture = Meetings by study group, { $from } to { $through }
overview-clashes = Overlapping meetings
overview-no-clashes = No two meetings overlap in this period.
overview-col-meeting = Meeting
overview-col-dates = Dates
overview-col-overlaps = Overlaps with
overview-none = No meeting is announced for this period.

## Texts the page script shows
## Set on <body> as data-t-* and shown by static/app.js: meeting order, countdowns, copy button, builder.

script-upcoming = Upcoming
script-time-range = { $start }–{ $end }
script-past = Past
script-days-left =
    { $count ->
        [one] { $count } day left
       *[other] { $count } days left
    }
script-due-today = due today
script-passed = passed
script-copied = Copied
script-copy-failed = Select the address and copy it
script-links-updated = The links above now include your choice.

## Meeting page
## The meeting page: facts, actions, programme table, deadlines, agenda, descriptions, contacts.

meeting-dates = Dates
meeting-venue = Venue
meeting-groups = Groups
meeting-source = Source
meeting-source-line = { $reference } of { $date }
meeting-page = Meeting page
meeting-subscribe = Subscribe to this meeting
meeting-download = Download .ics
meeting-email-snippet = E-mail snippet (HTML)
meeting-only-your-group = Or only your group:
meeting-programme = Programme
meeting-programme-plan = The sessions of the time plan are in its tables above.
meeting-times-in = Times in { $zone }
meeting-col-event = Event
meeting-col-when = When
meeting-col-local = Your time
meeting-col-add = Add to your calendar
meeting-deadlines = Deadlines
meeting-deadline-note = A deadline ends at midnight at the end of that day, Geneva time.
meeting-agenda = Agenda
meeting-about = About this meeting
meeting-details = Details
meeting-contact = Contact
meeting-email = E-mail
meeting-phone = Telephone
meeting-fax = Fax
meeting-web = Study group
meeting-add-to = Add “{ $title }” to { $service }
meeting-download-event = Download “{ $title }” as .ics

## Calendar services
## Names of the calendar services on buttons and links; the short forms fill table cells.

service-google = Google Calendar
service-outlook = Outlook.com
service-office365 = Microsoft 365 (work or school)
service-apple = Apple Calendar / Outlook desktop
service-google-short = Google
service-outlook-short = Outlook.com
service-office365-short = Microsoft 365

## Subscribe page
## The subscribe page: heading, count, service buttons, Google fallback, copy field, QR code, builder, e-mail snippets.

subscribe-title = Subscribe: { $name }
subscribe-back = Back to the meeting
subscribe-now-holds = Now in this calendar:
subscribe-event-count =
    { $count ->
        [one] { $count } event
       *[other] { $count } events
    }
subscribe-download-note = A one-time copy to import: it does not update.
subscribe-google-fallback = Google Calendar says it cannot add the calendar?
subscribe-google-step1 = Copy the calendar address below.
subscribe-google-step2 = Open Google Calendar settings:
subscribe-google-step2-link = Add calendar → From URL
subscribe-google-step3 = Paste the address and choose “Add calendar”.
subscribe-feed-url = Calendar address
subscribe-copy = Copy
subscribe-qr = Scan with your phone to open the calendar address.
subscribe-qr-label = QR: { $url }
subscribe-builder = Choose what to include
subscribe-overlap = Calendars do not merge events that two subscriptions share: subscribe to a group and to its meeting, and their common events show twice. Compose one calendar here for all the groups you follow instead.
subscribe-kinds = Kinds of event
subscribe-update = Update links
subscribe-share = Share by e-mail
subscribe-share-intro = A ready-made block to paste into an e-mail: plain links only, no scripts or images.
subscribe-email-text = Plain text
subscribe-cancelled = Cancelled events
subscribe-hide-cancelled = Leave out cancelled events

## E-mail snippets
## The HTML and plain-text blocks a secretariat pastes into the mail that announces a meeting.

email-lead = Add the calendar “{ $name }” to your calendar. It updates itself when a meeting changes; times are in Geneva time.
email-feed-url = Calendar address
email-webcal = Apple Calendar / Outlook desktop
email-more-options = More options
email-download-once = Download .ics (a one-time copy: it does not update)

## Punctuation around inserted texts
## Where the code glues texts together in a way each language writes differently.

email-label = { $label }:
email-facts-separator = { ", " }
heading-with-zone = { $heading } ({ $zone })

## Feeds
## Calendar name and description of each feed (NAME, X-WR-CALNAME, DESCRIPTION, X-WR-CALDESC), and the kinds a filtered feed names.

feed-all-name = ITU-T meetings
feed-all-description = ITU-T meetings from the TSB collective letters.
feed-deadlines-name = ITU-T deadlines
feed-deadlines-description = Deadlines of ITU-T meetings: contributions, registration, visas.
feed-group-name = ITU-T { $group } meetings
feed-group-description = Meetings of { $group }, with the deadlines and registration of the meetings that include it.
feed-year-name = ITU-T meetings of { $year }
feed-year-description = The archive of every ITU-T meeting held in { $year }.
feed-group-archive-name = ITU-T { $group } meetings, all years
feed-group-archive-description = The archive of every meeting of { $group }, past and future.
feed-archive-sessions = The sessions of time plans are in each meeting's own calendar.
feed-window = { $description } Meetings that end on or after { $from }, and the latest meeting of each group; earlier meetings are in the yearly archive calendars.
feed-window-through = { $description } Meetings that end on or after { $from } and start by { $through }, and the latest meeting of each group; other meetings are in the yearly archive calendars.
feed-kind-meetings = meetings
feed-kind-sessions = sessions
feed-kind-deadlines = deadlines
feed-kind-notices = notices

## Event descriptions in feeds: the footer
## The lines every event description ends with: the letter, the zone, the contacts, the pages.

footer-source = Source: { $reference } of { $date }.
footer-times = Times are in { $zone }.
footer-dates = Dates are in { $zone }.
footer-contact = Contact: { $email }
footer-contact-phone = , tel. { $phone }
footer-contact-fax = , fax { $fax }
footer-contact-end = .
footer-study-group = Study group: { $url }
footer-meeting-page = Meeting page: { $url }

## Time zones
## The zone named next to times; { $zone } is the tz name (Europe/Zurich). In fr the label starts with "heure" (other messages write "à l'{ $zone }"); in ru and ar it is an adverbial phrase ("по ...", "بـ...").

zone-home = Geneva time ({ $zone })
zone-local = local time ({ $zone })

## Kinds of event
## One event's tag (singular) and the builder's checkboxes (plural).

kind-meeting = Meeting
kind-session = Session
kind-deadline = Deadline
kind-notice = Notice
kind-meetings = Meetings
kind-sessions = Sessions
kind-deadlines = Deadlines
kind-notices = Notices

## Statuses
## The tag of an event that is not confirmed.

status-tentative = Tentative
status-cancelled = Cancelled

## Not used by the code today
## Fields of the Strings struct that no page reads yet.

label-events = Events
label-everything = everything

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

error-not-found = Page not found
error-not-found-lead = There is no page at this address. The meeting, group or calendar it names may not exist.
error-bad-request = This address is not valid
error-bad-request-lead = Something in this address cannot be read. Check the link, or start again from the home page.
error-reason = Reason given by the service (in English):
error-home = Go to the home page
## Changes
## What `itucal lock` tells of a changed event, one sentence each (stored in the lock file's history). { $title } is the event's title; { $when } when it happens ("Mon, 15 Jan 2018, 08:30–09:30", "Wed 24 Jan 2018"); { $from } and { $to } the before and after: times (change-moved, where change-at-place adds the { $place } when the place changed too), places (change-relocated) or titles (change-renamed).

change-added = New: “{ $title }”, { $when }
change-cancelled = Cancelled: “{ $title }”, { $when }
change-restored = Back on: “{ $title }”, { $when }
change-moved = “{ $title }” moved from { $from } to { $to }
change-at-place = { $when } ({ $place })
change-relocated = “{ $title }”, { $when }, moved from { $from } to { $to }
change-confirmed = Confirmed: “{ $title }”, { $when }
change-tentative = Now tentative: “{ $title }”, { $when }
change-renamed = Renamed: “{ $from }” is now “{ $to }”, { $when }
change-details = Details updated: “{ $title }”, { $when }
feed-cancelled-title = Cancelled: { $title }
footer-changed = Changed on { $date }: { $change }

## Changes pages
## The changes page of a meeting or of every meeting, its Atom feed and e-mail snippets, and the meeting page's line about them. { $number } is a version number; { $date } a long date, { $start } a time of day (Geneva); { $title } a meeting's title; { $change } one change sentence.

changes-title = What changed
changes-meeting-title = What changed: { $title }
changes-intro = Every change since the meetings were announced, newest first, in Geneva time. Calendars can take a day to show a change; this page has it at once.
changes-version = Version { $number }, { $date }, { $start }
changes-published = { $title }: announced
changes-none = Nothing has changed yet.
changes-atom = Atom feed of these changes
changes-email = E-mail snippet of the latest changes
changes-since = Changes since version { $number }
changes-entry-title =
    { $count ->
        [one] Version { $number }: { $count } change
       *[other] Version { $number }: { $count } changes
    }
changes-link = What changed
changes-in-meeting = { $change } ({ $title })
meeting-follow-changes = Follow the changes to this meeting as they are made
meeting-updated =
    { $count ->
        [one] Updated on { $date }, { $count } change
       *[other] Updated on { $date }, { $count } changes
    }
## Time plan sessions (titles start with what tells them apart: group and number)
session-title = { $groups } session { $number }, { $room }
session-title-joint = { $groups } #{ $number } (joint), { $room }
session-location = { $room }, { $venue }
session-description = Session { $number } of { $groups }, as placed by the { $status ->
        [final] final time plan
        [draft] draft time plan
       *[tentative] tentative time plan
    } (version { $version }). Rooms and times can change during the meeting: the meeting's page and the screens at the venue show the latest.

## The time plan on a meeting page
plan-heading = Time plan
plan-version = Version { $version }, { $status ->
        [final] final.
        [draft] a draft, not yet agreed.
       *[tentative] tentative: sessions and rooms may change during the meeting.
    }
plan-none = Time plan not yet published. { $reference } gives the meeting's days; its sessions will appear here and in the feeds once the secretariat publishes the plan.
plan-none-link = The letter and later announcements are on the meeting's page.
plan-none-letter = Read the letter.
meeting-draft = Draft: this meeting has not been reviewed. It is shown only in a preview (itucal serve --drafts) and is in no published feed or page.
plan-col-slot = Slot
plan-joint = joint
plan-subscribe = A group's calendar holds its sessions and follows their changes. Subscribe to one group's sessions:

## The timeline picture on a meeting page
timeline-heading = Timeline
timeline-title = Timeline: { $meeting }
timeline-desc = Each group's meeting as a bar on one time axis, and the deadlines before them as numbered marks; the lists below give the same dates.
## Imported drafts
## The titles `itucal import` writes into a draft meeting file (src/import/draft.rs), from the facts of a letter. { $group } is a group code (SG20, WP1/20, Q2/20, TSAG), { $number } the same without its letters (20, 1/20), { $place } the venue, { $meeting } the meeting's groups (SG20 WP1/20), { $month } month and year from CLDR (Jan 2018), { $name } a co-located group (oneM2M), { $groups } the meetings' groups (Q1/20–Q4/20, WP1/20), { $count } how many, { $dates } their days, { $what } one of the import-deadline-* texts.

import-meeting-title = { $groups } { $count ->
    [one] meeting
   *[other] meetings
}, { $place }, { $dates }
import-sg-meeting = { $group } meeting, { $place }
import-wp-meeting = { $group } meeting, { $place }
import-group-meeting = { $group } meeting, { $place }
import-rapporteur-meeting = { $group } rapporteur group meeting, { $place }
import-colocated = Co-located with the { $name } meeting ({ $meeting }), { $place }
import-registration = Registration, { $meeting }, { $place }
import-opening = Opening, { $meeting }, { $place }
import-deadline = Deadline: { $what } ({ $meeting }, { $month })
import-deadline-contributions-translation = ITU-T Member contributions for which translation is requested
import-deadline-fellowships = fellowship requests
import-deadline-interpretation = interpretation requests
import-deadline-captioning = requests for real-time captioning and sign-language interpretation
import-deadline-pre-registration = pre-registration
import-deadline-visa-support-letter = requests for visa support letters
import-deadline-contributions = ITU-T Member contributions
import-geneva = Geneva
import-itu-headquarters = ITU headquarters, Geneva
import-montbrillant = Montbrillant building entrance, ITU headquarters, Geneva
import-addressees = Addressed to
import-chairs = Chairmen named
import-agenda = Draft agenda (Annex B)
