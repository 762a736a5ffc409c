### itucal: every fixed text of the interface, in Arabic.
### One message per text; every language file has the same ids (check_keys.py).
### Dates, weekdays and month names are not here: they come from CLDR, and { $date } is
### inserted already formatted. README.md says where each section is used.

## Language
## The language's own tag (BCP 47, the `lang` attribute) and name (the language switch).

lang-tag = ar
lang-own-name = العربية

## Every page
## The frame of every page: site name, skip link, language switch, footer.

page-site = تقاويم اجتماعات قطاع تقييس الاتصالات
page-skip = الانتقال إلى المحتوى
page-language = اللغة
page-footer = الأوقات بتوقيت جنيف (⁦Europe/Zurich⁩) ما لم يُذكر نطاق زمني آخر. والبيانات مأخوذة من الرسائل الجماعية لمكتب تقييس الاتصالات.
page-api = واجهة برمجة التطبيقات ⁦JSON⁩

## Home page
## The home page: intro, the feeds to subscribe to, the meetings.

home-intro = اجتماعات قطاع تقييس الاتصالات كما أُعلن عنها في الرسائل الجماعية لمكتب تقييس الاتصالات، في شكل تقاويم يمكنكم الاشتراك فيها في ⁦Outlook⁩ وتقويم ⁦Google⁩ وتقويم ⁦Apple⁩. يكفي الاشتراك مرة واحدة: يُحدَّث تقويمكم تلقائياً عند تغيّر أي اجتماع.
home-subscribe-heading = الاشتراك
home-subscribe-intro = اختاروا تقويماً. يعرض كل تقويم اجتماعاته وجلساته ومواعيده النهائية وإشعاراته، بتوقيت جنيف.
home-feed-all = جميع الاجتماعات
home-feed-deadlines = المواعيد النهائية فقط
home-by-group = حسب المجموعة
home-subscribe = اشتراك
home-subscribe-to = اشتراك: ⁨{ $name }⁩
home-meetings = الاجتماعات
home-no-meetings = لم يُعلن عن أي اجتماع.
home-window = الاجتماعات التي تنتهي في { $from } أو بعده؛ وترد الاجتماعات الأخرى في الأرشيف أدناه.
home-archive = الأرشيف
home-archive-intro = جميع الاجتماعات حسب السنة وحسب الفريق، ولكل منها تقويمه.
home-years = حسب السنة
home-study-groups = حسب لجنة الدراسات
home-all-groups = جميع الأفرقة
home-overview = نظرة بعيدة المدى: اجتماعات جميع لجان الدراسات على محور زمني واحد
group-next = الاجتماع التالي
group-latest = آخر اجتماع
group-none = لم يُعلن عن أي اجتماع لـ ⁦{ $group }⁩.
group-stable-link = يؤدي هذا العنوان دائماً إلى الاجتماع التالي لـ ⁦{ $group }⁩ (أو إلى آخر اجتماع)، للإشارات المرجعية والبريد الإلكتروني:
group-subscribe = الاشتراك في ⁦{ $group }⁩
group-archive = تقويم جميع اجتماعات ⁦{ $group }⁩، جميع السنوات (⁦.ics⁩)
group-meetings = اجتماعات ⁦{ $group }⁩
group-within = جزء من ⁦{ $group }⁩
year-meetings = الاجتماعات المعقودة في عام { $year }: { $count }
year-archive = تقويم جميع الاجتماعات المعقودة في عام { $year } (⁦.ics⁩)
overview-title = نظرة بعيدة المدى
overview-intro = اجتماعات جميع لجان الدراسات من { $from } إلى { $through }، على محور زمني واحد. والاجتماعات التي تتداخل مع اجتماع للجنة دراسات أخرى يُعقد في مكان آخر (لا يستطيع مندوب في اللجنتين حضور الاجتماعين) مخططة ومدرجة تحت الصورة.
overview-picture = الاجتماعات حسب لجنة الدراسات، من { $from } إلى { $through }
overview-clashes = الاجتماعات المتداخلة
overview-no-clashes = لا تتداخل أي اجتماعات في هذه الفترة.
overview-col-meeting = الاجتماع
overview-col-dates = التواريخ
overview-col-overlaps = يتداخل مع
overview-none = لم يُعلن عن أي اجتماع لهذه الفترة.

## Texts the page script shows
## Set on <body> as data-t-* and shown by static/app.js: meeting order, countdowns, copy button, builder.

script-upcoming = الاجتماعات القادمة
script-time-range = من ⁨{ $start }⁩ إلى ⁨{ $end }⁩
script-past = الاجتماعات السابقة
script-days-left =
    { $count ->
        [zero] لم يبقَ أي يوم
        [one] بقي يوم واحد
        [two] بقي يومان
        [few] بقيت { $count } أيام
        [many] بقي { $count } يوماً
       *[other] بقي { $count } يوم
    }
script-due-today = ينتهي اليوم
script-passed = انقضى
script-copied = تم النسخ
script-copy-failed = حدِّدوا العنوان وانسخوه
script-links-updated = أصبحت الروابط أعلاه تتضمن اختياركم.

## Meeting page
## The meeting page: facts, actions, programme table, deadlines, agenda, descriptions, contacts.

meeting-dates = التواريخ
meeting-venue = المكان
meeting-groups = المجموعات
meeting-source = المصدر
meeting-source-line = ⁨{ $reference }⁩ المؤرخة { $date }
meeting-page = صفحة الاجتماع
meeting-subscribe = الاشتراك في هذا الاجتماع
meeting-download = تنزيل ملف ⁦.ics⁩
meeting-email-snippet = مقتطف للبريد الإلكتروني (⁦HTML⁩)
meeting-only-your-group = أو مجموعتكم فقط:
meeting-programme = البرنامج
meeting-programme-plan = ترد جلسات الخطة الزمنية في جداولها أعلاه.
meeting-times-in = الأوقات { $zone }
meeting-col-event = الحدث
meeting-col-when = الموعد
meeting-col-local = توقيتكم المحلي
meeting-col-add = الإضافة إلى تقويمكم
meeting-deadlines = المواعيد النهائية
meeting-deadline-note = ينتهي الموعد النهائي عند منتصف الليل في نهاية ذلك اليوم بتوقيت جنيف.
meeting-agenda = جدول الأعمال
meeting-about = عن هذا الاجتماع
meeting-details = التفاصيل
meeting-contact = جهة الاتصال
meeting-email = البريد الإلكتروني
meeting-phone = الهاتف
meeting-fax = الفاكس
meeting-web = لجنة الدراسات
meeting-add-to = إضافة «⁨{ $title }⁩» إلى ⁨{ $service }⁩
meeting-download-event = تنزيل «⁨{ $title }⁩» بصيغة ⁦.ics⁩

## Calendar services
## Names of the calendar services on buttons and links; the short forms fill table cells.

service-google = تقويم ⁦Google⁩
service-outlook = ⁦Outlook.com⁩
service-office365 = ⁦Microsoft 365⁩ (حساب العمل أو المؤسسة التعليمية)
service-apple = تقويم ⁦Apple⁩ / ⁦Outlook⁩ لسطح المكتب
service-google-short = ⁦Google⁩
service-outlook-short = ⁦Outlook.com⁩
service-office365-short = ⁦Microsoft 365⁩

## Subscribe page
## The subscribe page: heading, count, service buttons, Google fallback, copy field, QR code, builder, e-mail snippets.

subscribe-title = الاشتراك: ⁨{ $name }⁩
subscribe-back = العودة إلى الاجتماع
subscribe-now-holds = يتضمن هذا التقويم حالياً:
subscribe-event-count =
    { $count ->
        [zero] لا أحداث
        [one] حدث واحد
        [two] حدثان
        [few] { $count } أحداث
        [many] { $count } حدثاً
       *[other] { $count } حدث
    }
subscribe-download-note = نسخة لمرة واحدة للاستيراد: لا تُحدَّث.
subscribe-google-fallback = هل يفيد تقويم ⁦Google⁩ بأنه لا يمكنه إضافة التقويم؟
subscribe-google-step1 = انسخوا عنوان التقويم أدناه.
subscribe-google-step2 = افتحوا إعدادات تقويم ⁦Google⁩:
subscribe-google-step2-link = إضافة تقويم ← من عنوان ⁦URL⁩
subscribe-google-step3 = الصقوا العنوان واختاروا «إضافة تقويم».
subscribe-feed-url = عنوان التقويم
subscribe-copy = نسخ
subscribe-qr = امسحوا الرمز بهاتفكم لفتح عنوان التقويم.
subscribe-qr-label = رمز ⁦QR⁩: ⁦{ $url }⁩
subscribe-builder = اختاروا ما يُدرج
subscribe-overlap = لا تدمج التقاويم الأحداث المشتركة بين اشتراكين: فإذا اشتركتم في فريق وفي اجتماعه، ظهرت الأحداث المشتركة مرتين. بدلاً من ذلك، كوّنوا هنا تقويماً واحداً لجميع الأفرقة التي تتابعونها.
subscribe-kinds = أنواع الأحداث
subscribe-update = تحديث الروابط
subscribe-share = المشاركة بالبريد الإلكتروني
subscribe-share-intro = كتلة جاهزة للصقها في رسالة بريد إلكتروني: روابط عادية فقط، بلا نصوص برمجية أو صور.
subscribe-email-text = نص عادي
subscribe-cancelled = الأحداث الملغاة
subscribe-hide-cancelled = استبعاد الأحداث الملغاة

## E-mail snippets
## The HTML and plain-text blocks a secretariat pastes into the mail that announces a meeting.

email-lead = أضيفوا التقويم «⁨{ $name }⁩» إلى تقويمكم. يُحدَّث تلقائياً عند تغيّر أي اجتماع؛ والأوقات بتوقيت جنيف.
email-feed-url = عنوان التقويم
email-webcal = تقويم ⁦Apple⁩ / ⁦Outlook⁩ لسطح المكتب
email-more-options = مزيد من الخيارات
email-download-once = تنزيل ملف ⁦.ics⁩ (نسخة لمرة واحدة: لا تُحدَّث)

## Punctuation around inserted texts
## Where the code glues texts together in a way each language writes differently.

email-label = { $label }:
email-facts-separator = { "، " }
heading-with-zone = { $heading } ({ $zone })

## Feeds
## Calendar name and description of each feed (NAME, X-WR-CALNAME, DESCRIPTION, X-WR-CALDESC), and the kinds a filtered feed names.

feed-all-name = اجتماعات قطاع تقييس الاتصالات
feed-all-description = اجتماعات قطاع تقييس الاتصالات كما وردت في الرسائل الجماعية لمكتب تقييس الاتصالات.
feed-deadlines-name = المواعيد النهائية لقطاع تقييس الاتصالات
feed-deadlines-description = المواعيد النهائية لاجتماعات قطاع تقييس الاتصالات: المساهمات والتسجيل والتأشيرات.
feed-group-name = اجتماعات ⁦{ $group }⁩ لقطاع تقييس الاتصالات
feed-group-description = اجتماعات ⁦{ $group }⁩، مع المواعيد النهائية والتسجيل للاجتماعات التي تشملها.
feed-year-name = اجتماعات قطاع تقييس الاتصالات في عام { $year }
feed-year-description = أرشيف جميع اجتماعات قطاع تقييس الاتصالات المعقودة في عام { $year }.
feed-group-archive-name = اجتماعات ⁦{ $group }⁩ لقطاع تقييس الاتصالات، جميع السنوات
feed-group-archive-description = أرشيف جميع اجتماعات ⁦{ $group }⁩، السابقة والمقبلة.
feed-archive-sessions = ترد جلسات الخطط الزمنية في تقويم كل اجتماع.
feed-window = { $description } الاجتماعات التي تنتهي في { $from } أو بعده، وآخر اجتماع لكل فريق؛ وترد الاجتماعات السابقة في تقاويم الأرشيف السنوية.
feed-window-through = { $description } الاجتماعات التي تنتهي في { $from } أو بعده وتبدأ في موعد أقصاه { $through }، وآخر اجتماع لكل فريق؛ وترد الاجتماعات الأخرى في تقاويم الأرشيف السنوية.
feed-kind-meetings = الاجتماعات
feed-kind-sessions = الجلسات
feed-kind-deadlines = المواعيد النهائية
feed-kind-notices = الإشعارات

## Event descriptions in feeds: the footer
## The lines every event description ends with: the letter, the zone, the contacts, the pages.

footer-source = المصدر: ⁨{ $reference }⁩ المؤرخة { $date }.
footer-times = الأوقات { $zone }.
footer-dates = التواريخ { $zone }.
footer-contact = جهة الاتصال: ⁦{ $email }⁩
footer-contact-phone = ، الهاتف ⁦{ $phone }⁩
footer-contact-fax = ، الفاكس ⁦{ $fax }⁩
footer-contact-end = .
footer-study-group = لجنة الدراسات: ⁦{ $url }⁩
footer-meeting-page = صفحة الاجتماع: ⁦{ $url }⁩

## Time zones
## The zone named next to times; { $zone } is the tz name (Europe/Zurich). In fr the label starts with "heure" (other messages write "à l'{ $zone }"); in ru and ar it is an adverbial phrase ("по ...", "بـ...").

zone-home = بتوقيت جنيف (⁦{ $zone }⁩)
zone-local = بالتوقيت المحلي (⁦{ $zone }⁩)

## Kinds of event
## One event's tag (singular) and the builder's checkboxes (plural).

kind-meeting = اجتماع
kind-session = جلسة
kind-deadline = الموعد النهائي
kind-notice = إشعار
kind-meetings = الاجتماعات
kind-sessions = الجلسات
kind-deadlines = المواعيد النهائية
kind-notices = الإشعارات

## Statuses
## The tag of an event that is not confirmed.

status-tentative = مؤقت
status-cancelled = ملغى

## Not used by the code today
## Fields of the Strings struct that no page reads yet.

label-events = الأحداث
label-everything = الكل

## Dates
## How two dates make a span. { $first } and { $last } are long dates ("24 January 2018"), { $first-day } and { $last-day } day numbers, { $first-month-day } and { $last-month-day } day and month ("24 January"); in days and days-same-year, { $first } and { $last } carry the weekday ("Wed 24 Jan 2018") and { $first-weekday } and { $last-weekday } are the same without the year ("Wed 24 Jan"). { $start } and { $end } are times of day ("09:30"), { $date } and { $end-date } dates with their weekday. Names of months and weekdays come from CLDR.

date-range-same-month = من { $first-day } إلى { $last }
date-range-same-year = من { $first-month-day } إلى { $last }
date-range = من { $first } إلى { $last }
days-same-year = من { $first-weekday } إلى { $last }
days = من { $first } إلى { $last }
time-same-day = { $date }، من ⁦{ $start }⁩ إلى ⁦{ $end }⁩
time-span = من { $date }، ⁦{ $start }⁩ إلى { $end-date }، ⁦{ $end }⁩

## Error pages
## The page shown when a page's address names nothing or is malformed; the technical reason follows in English.

error-not-found = الصفحة غير موجودة
error-not-found-lead = لا توجد صفحة في هذا العنوان. قد لا يكون الاجتماع أو الفريق أو التقويم الذي يشير إليه موجوداً.
error-bad-request = هذا العنوان غير صالح
error-bad-request-lead = تعذرت قراءة جزء من هذا العنوان. يرجى التحقق من الرابط أو البدء من جديد من الصفحة الرئيسية.
error-reason = السبب الذي قدمته الخدمة (بالإنكليزية):
error-home = الانتقال إلى الصفحة الرئيسية
## Changes
## What `itucal lock` tells of a changed event, one sentence each (stored in the lock file's history). { $title } is the event's title; { $when } when it happens ("Mon, 15 Jan 2018, 08:30–09:30", "Wed 24 Jan 2018"); { $from } and { $to } the before and after: times (change-moved, where change-at-place adds the { $place } when the place changed too), places (change-relocated) or titles (change-renamed).

change-added = جديد: «⁨{ $title }⁩»، ⁨{ $when }⁩
change-cancelled = أُلغي: «⁨{ $title }⁩»، ⁨{ $when }⁩
change-restored = يُعقد من جديد: «⁨{ $title }⁩»، ⁨{ $when }⁩
change-moved = تغيير الموعد: «⁨{ $title }⁩»، ⁨{ $to }⁩ بدلاً من ⁨{ $from }⁩
change-at-place = ⁨{ $when }⁩ (⁨{ $place }⁩)
change-relocated = تغيير المكان: «⁨{ $title }⁩»، ⁨{ $when }⁩، ⁨{ $to }⁩ بدلاً من ⁨{ $from }⁩
change-confirmed = تأكَّد: «⁨{ $title }⁩»، ⁨{ $when }⁩
change-tentative = غير مؤكد بعد: «⁨{ $title }⁩»، ⁨{ $when }⁩
change-renamed = عنوان جديد: «⁨{ $to }⁩» بدلاً من «⁨{ $from }⁩»، ⁨{ $when }⁩
change-details = تحديث التفاصيل: «⁨{ $title }⁩»، ⁨{ $when }⁩
feed-cancelled-title = أُلغي: ⁨{ $title }⁩
footer-changed = تغيير بتاريخ ⁨{ $date }⁩: ⁨{ $change }⁩

## Changes pages
## The changes page of a meeting or of every meeting, its Atom feed and e-mail snippets, and the meeting page's line about them. { $number } is a version number; { $date } a long date, { $start } a time of day (Geneva); { $title } a meeting's title; { $change } one change sentence.

changes-title = التغييرات
changes-meeting-title = التغييرات: ⁨{ $title }⁩
changes-intro = جميع التغييرات منذ الإعلان عن الاجتماعات، من الأحدث إلى الأقدم، بتوقيت جنيف. قد يستغرق التقويم يوماً لإظهار التغيير؛ أما هذه الصفحة فتُظهره فوراً.
changes-version = الإصدار { $number }، ⁨{ $date }⁩، ⁨{ $start }⁩
changes-published = ⁨{ $title }⁩: تم الإعلان
changes-none = لا توجد تغييرات حتى الآن.
changes-atom = تلقيمة ⁦Atom⁩ لهذه التغييرات
changes-email = مقتطف بريد إلكتروني لآخر التغييرات
changes-since = التغييرات منذ الإصدار { $number }
changes-entry-title =
    { $count ->
        [zero] الإصدار { $number }: لا تغييرات
        [one] الإصدار { $number }: تغيير واحد
        [two] الإصدار { $number }: تغييران
        [few] الإصدار { $number }: { $count } تغييرات
       *[other] الإصدار { $number }: { $count } تغييراً
    }
changes-link = التغييرات
changes-in-meeting = ⁨{ $change }⁩ (⁨{ $title }⁩)
meeting-follow-changes = متابعة التغييرات على هذا الاجتماع أولاً بأول
meeting-updated =
    { $count ->
        [zero] حُدِّث في ⁨{ $date }⁩
        [one] حُدِّث في ⁨{ $date }⁩، تغيير واحد
        [two] حُدِّث في ⁨{ $date }⁩، تغييران
        [few] حُدِّث في ⁨{ $date }⁩، { $count } تغييرات
       *[other] حُدِّث في ⁨{ $date }⁩، { $count } تغييراً
    }
## Time plan sessions (titles start with what tells them apart: group and number)
session-title = ⁦{ $groups }⁩: الجلسة { $number }، ⁦{ $room }⁩
session-title-joint = ⁦{ $groups } #{ $number }⁩: جلسة مشتركة، ⁦{ $room }⁩
session-location = ⁦{ $room }⁩، { $venue }
session-description = الجلسة { $number } لـ ⁦{ $groups }⁩، وفق { $status ->
        [final] الخطة الزمنية النهائية
        [draft] مشروع الخطة الزمنية
       *[tentative] الخطة الزمنية المؤقتة
    } (الإصدار ⁦{ $version }⁩). قد تتغير القاعات والأوقات خلال الاجتماع: تعرض صفحة الاجتماع والشاشات في مكان الاجتماع أحدث المعلومات.

## The time plan on a meeting page
plan-heading = الخطة الزمنية
plan-version = الإصدار { $version }، { $status ->
        [final] نهائي.
        [draft] مشروع لم يُتفق عليه بعد.
       *[tentative] مؤقت: قد تتغير الجلسات والقاعات خلال الاجتماع.
    }
plan-none = لم تُنشر الخطة الزمنية بعد. تحدد { $reference } أيام الاجتماع؛ وستظهر جلساته هنا وفي التقاويم بمجرد أن تنشر الأمانة الخطة.
plan-none-link = الرسالة والإعلانات اللاحقة متاحة في صفحة الاجتماع.
plan-none-letter = اقرأ الرسالة.
meeting-draft = مسودة: لم تتم مراجعة هذا الاجتماع بعد. ولا يُعرض إلا في المعاينة (⁦itucal serve --drafts⁩) ولا يرد في أي تقويم أو صفحة منشورة.
plan-col-slot = الفترة
plan-joint = مشتركة
plan-subscribe = يضم تقويم المجموعة جلساتها ويتابع ما يطرأ عليها من تغييرات. الاشتراك في جلسات مجموعة واحدة:

## The timeline picture on a meeting page
timeline-heading = الجدول الزمني
timeline-title = الجدول الزمني: { $meeting }
timeline-desc = اجتماع كل فريق في شكل شريط على محور زمني واحد، والمواعيد النهائية التي تسبقها في شكل علامات مرقمة؛ وتعرض القوائم أدناه التواريخ نفسها.
## Imported drafts
## The titles `itucal import` writes into a draft meeting file (src/import/draft.rs), from the facts of a letter. { $group } is a group code (SG20, WP1/20, Q2/20, TSAG), { $number } the same without its letters (20, 1/20), { $place } the venue, { $meeting } the meeting's groups (SG20 WP1/20), { $month } month and year from CLDR (Jan 2018), { $name } a co-located group (oneM2M), { $groups } the meetings' groups (Q1/20–Q4/20, WP1/20), { $count } how many, { $dates } their days, { $what } one of the import-deadline-* texts.

import-meeting-title = { $count ->
    [one] اجتماع
   *[other] اجتماعات
} ⁦{ $groups }⁩، { $place }، { $dates }
import-sg-meeting = ⁦{ $group }⁩: اجتماع لجنة الدراسات، { $place }
import-wp-meeting = ⁦{ $group }⁩: اجتماع فرقة العمل، { $place }
import-group-meeting = ⁦{ $group }⁩: اجتماع، { $place }
import-rapporteur-meeting = ⁦{ $group }⁩: اجتماع فريق المقرر، { $place }
import-colocated = بالتزامن مع اجتماع ⁦{ $name }⁩ (⁦{ $meeting }⁩)، { $place }
import-registration = التسجيل، ⁦{ $meeting }⁩، { $place }
import-opening = الافتتاح، ⁦{ $meeting }⁩، { $place }
import-deadline = آخر موعد: { $what } (⁦{ $meeting }⁩، { $month })
import-deadline-contributions-translation = مساهمات تُطلب ترجمتها
import-deadline-fellowships = طلبات المنح
import-deadline-interpretation = طلبات الترجمة الشفوية
import-deadline-captioning = طلبات التعليق النصي في الوقت الفعلي وترجمة لغة الإشارة
import-deadline-pre-registration = التسجيل المسبق
import-deadline-visa-support-letter = طلبات رسائل دعم طلب التأشيرة
import-deadline-contributions = تقديم المساهمات
import-geneva = جنيف
import-itu-headquarters = مقر الاتحاد، جنيف
import-montbrillant = مدخل مبنى ⁦Montbrillant⁩، مقر الاتحاد، جنيف
import-addressees = إلى
import-chairs = الرؤساء
import-agenda = مشروع جدول الأعمال (الملحق ⁦B⁩)
