### itucal: every fixed text of the interface, in Russian.
### One message per text; every language file has the same ids (check_keys.py).
### Dates, weekdays and month names are not here: they come from CLDR, and { $date } is
### inserted already formatted. README.md says where each section is used.

## Language
## The language's own tag (BCP 47, the `lang` attribute) and name (the language switch).

lang-tag = ru
lang-own-name = Русский

## Every page
## The frame of every page: site name, skip link, language switch, footer.

page-site = Календари собраний МСЭ-Т
page-skip = Перейти к содержанию
page-language = Язык
page-footer = Время указано по женевскому времени (Europe/Zurich), если не указан другой часовой пояс. Данные взяты из коллективных писем БСЭ.
page-api = JSON API

## Home page
## The home page: intro, the feeds to subscribe to, the meetings.

home-intro = Собрания МСЭ-Т, объявленные в коллективных письмах БСЭ, в виде календарей, на которые можно подписаться в Outlook, Google Календаре и Календаре Apple. Достаточно подписаться один раз: календарь обновляется сам, когда в собрании что-то меняется.
home-subscribe-heading = Подписка
home-subscribe-intro = Выберите календарь. В каждом – его собрания, заседания, предельные сроки и объявления по женевскому времени.
home-feed-all = Все собрания
home-feed-deadlines = Только предельные сроки
home-by-group = По группам
home-subscribe = Подписаться
home-subscribe-to = Подписаться: { $name }
home-meetings = Собрания
home-no-meetings = Объявленных собраний нет.
home-window = Собрания, завершающиеся { $from } или позднее; остальные собрания – в архиве ниже.
home-archive = Архив
home-archive-intro = Все собрания по годам и по группам, каждое со своим календарем.
home-years = По годам
home-study-groups = По исследовательским комиссиям
home-all-groups = Все группы
home-overview = Долгосрочный обзор: собрания всех исследовательских комиссий на одной оси времени
group-next = Следующее собрание
group-latest = Последнее собрание
group-none = Собрания { $group } не объявлены.
group-stable-link = Этот адрес всегда ведет к следующему собранию { $group } (или к последнему) – для закладок и электронных писем:
group-subscribe = Подписаться на { $group }
group-archive = Календарь всех собраний { $group } за все годы (.ics)
group-meetings = Собрания { $group }
group-within = Входит в { $group }
year-meetings = Собрания, проведенные в { $year } году: { $count }
year-archive = Календарь всех собраний, проведенных в { $year } году (.ics)
overview-title = Долгосрочный обзор
overview-intro = Собрания всех исследовательских комиссий с { $from } по { $through } на одной оси времени. Собрания, пересекающиеся с собранием другой исследовательской комиссии в другом месте (делегат обеих не может присутствовать на обоих), заштрихованы и перечислены под рисунком.
overview-picture = Собрания по исследовательским комиссиям, с { $from } по { $through }
overview-clashes = Пересекающиеся собрания
overview-no-clashes = В этот период собрания не пересекаются.
overview-col-meeting = Собрание
overview-col-dates = Даты
overview-col-overlaps = Пересекается с
overview-none = На этот период собрания не объявлены.

## Texts the page script shows
## Set on <body> as data-t-* and shown by static/app.js: meeting order, countdowns, copy button, builder.

script-upcoming = Предстоящие
script-time-range = { $start }–{ $end }
script-past = Прошедшие
script-days-left =
    { $count ->
        [one] остался { $count } день
        [few] осталось { $count } дня
        [many] осталось { $count } дней
       *[other] осталось { $count } дня
    }
script-due-today = истекает сегодня
script-passed = истек
script-copied = Скопировано
script-copy-failed = Выделите адрес и скопируйте его
script-links-updated = Ссылки выше обновлены с учетом вашего выбора.

## Meeting page
## The meeting page: facts, actions, programme table, deadlines, agenda, descriptions, contacts.

meeting-dates = Даты
meeting-venue = Место проведения
meeting-groups = Группы
meeting-source = Источник
meeting-source-line = { $reference } от { $date }
meeting-page = Страница собрания
meeting-subscribe = Подписаться на это собрание
meeting-download = Скачать .ics
meeting-email-snippet = Фрагмент для электронного письма (HTML)
meeting-only-your-group = Или только ваша группа:
meeting-programme = Программа
meeting-programme-plan = Заседания плана распределения времени приведены в его таблицах выше.
meeting-times-in = Время указано { $zone }
meeting-col-event = Мероприятие
meeting-col-when = Дата и время
meeting-col-local = Ваше местное время
meeting-col-add = Добавить в календарь
meeting-deadlines = Предельные сроки
meeting-deadline-note = Предельный срок истекает в полночь в конце указанного дня по женевскому времени.
meeting-agenda = Повестка дня
meeting-about = О собрании
meeting-details = Подробности
meeting-contact = Контактная информация
meeting-email = Эл. почта
meeting-phone = Телефон
meeting-fax = Факс
meeting-web = Исследовательская комиссия
meeting-add-to = Добавить «{ $title }» в { $service }
meeting-download-event = Скачать «{ $title }» в формате .ics

## Calendar services
## Names of the calendar services on buttons and links; the short forms fill table cells.

service-google = Google Календарь
service-outlook = Outlook.com
service-office365 = Microsoft 365 (рабочая или учебная учетная запись)
service-apple = Календарь Apple / Outlook для компьютера
service-google-short = Google
service-outlook-short = Outlook.com
service-office365-short = Microsoft 365

## Subscribe page
## The subscribe page: heading, count, service buttons, Google fallback, copy field, QR code, builder, e-mail snippets.

subscribe-title = Подписка: { $name }
subscribe-back = Назад к собранию
subscribe-now-holds = Сейчас в этом календаре:
subscribe-event-count =
    { $count ->
        [one] { $count } мероприятие
        [few] { $count } мероприятия
        [many] { $count } мероприятий
       *[other] { $count } мероприятия
    }
subscribe-download-note = Разовая копия для импорта: она не обновляется.
subscribe-google-fallback = Google Календарь сообщает, что не может добавить календарь?
subscribe-google-step1 = Скопируйте адрес календаря ниже.
subscribe-google-step2 = Откройте настройки Google Календаря:
subscribe-google-step2-link = Добавить календарь → Добавить по URL
subscribe-google-step3 = Вставьте адрес и нажмите «Добавить календарь».
subscribe-feed-url = Адрес календаря
subscribe-copy = Копировать
subscribe-qr = Отсканируйте телефоном, чтобы открыть адрес календаря.
subscribe-qr-label = QR-код: { $url }
subscribe-builder = Выберите, что включить
subscribe-overlap = Календари не объединяют события, общие для двух подписок: если подписаться на группу и на ее собрание, общие события появятся дважды. Вместо этого составьте здесь один календарь для всех групп, за которыми вы следите.
subscribe-kinds = Типы мероприятий
subscribe-update = Обновить ссылки
subscribe-share = Отправить по электронной почте
subscribe-share-intro = Готовый блок для вставки в электронное письмо: только ссылки, без скриптов и изображений.
subscribe-email-text = Обычный текст
subscribe-cancelled = Отмененные мероприятия
subscribe-hide-cancelled = Не показывать отмененные мероприятия

## E-mail snippets
## The HTML and plain-text blocks a secretariat pastes into the mail that announces a meeting.

email-lead = Добавьте календарь «{ $name }» в свой календарь. Он обновляется сам, когда в собрании что-то меняется; время указано по женевскому времени.
email-feed-url = Адрес календаря
email-webcal = Календарь Apple / Outlook для компьютера
email-more-options = Другие варианты
email-download-once = Скачать .ics (разовая копия: она не обновляется)

## Punctuation around inserted texts
## Where the code glues texts together in a way each language writes differently.

email-label = { $label }:
email-facts-separator = { ", " }
heading-with-zone = { $heading } ({ $zone })

## Feeds
## Calendar name and description of each feed (NAME, X-WR-CALNAME, DESCRIPTION, X-WR-CALDESC), and the kinds a filtered feed names.

feed-all-name = Собрания МСЭ-Т
feed-all-description = Собрания МСЭ-Т по коллективным письмам БСЭ.
feed-deadlines-name = Предельные сроки МСЭ-Т
feed-deadlines-description = Предельные сроки собраний МСЭ-Т: вклады, регистрация, визы.
feed-group-name = Собрания МСЭ-Т { $group }
feed-group-description = Собрания { $group }, а также предельные сроки и регистрация собраний, в которые входит эта группа.
feed-year-name = Собрания МСЭ-Т { $year } года
feed-year-description = Архив всех собраний МСЭ-Т, проведенных в { $year } году.
feed-group-archive-name = Собрания МСЭ-Т { $group } за все годы
feed-group-archive-description = Архив всех собраний { $group }, прошедших и предстоящих.
feed-archive-sessions = Заседания из планов распределения времени приведены в календаре каждого собрания.
feed-window = { $description } Собрания, завершающиеся { $from } или позднее, и последнее собрание каждой группы; более ранние собрания содержатся в годовых архивных календарях.
feed-window-through = { $description } Собрания, завершающиеся { $from } или позднее и начинающиеся не позднее { $through }, и последнее собрание каждой группы; остальные собрания содержатся в годовых архивных календарях.
feed-kind-meetings = собрания
feed-kind-sessions = заседания
feed-kind-deadlines = предельные сроки
feed-kind-notices = объявления

## Event descriptions in feeds: the footer
## The lines every event description ends with: the letter, the zone, the contacts, the pages.

footer-source = Источник: { $reference } от { $date }.
footer-times = Время указано { $zone }.
footer-dates = Даты указаны { $zone }.
footer-contact = Контакты: { $email }
footer-contact-phone = , тел. { $phone }
footer-contact-fax = , факс { $fax }
footer-contact-end = .
footer-study-group = Исследовательская комиссия: { $url }
footer-meeting-page = Страница собрания: { $url }

## Time zones
## The zone named next to times; { $zone } is the tz name (Europe/Zurich). In fr the label starts with "heure" (other messages write "à l'{ $zone }"); in ru and ar it is an adverbial phrase ("по ...", "بـ...").

zone-home = по женевскому времени ({ $zone })
zone-local = по местному времени ({ $zone })

## Kinds of event
## One event's tag (singular) and the builder's checkboxes (plural).

kind-meeting = Собрание
kind-session = Заседание
kind-deadline = Предельный срок
kind-notice = Объявление
kind-meetings = Собрания
kind-sessions = Заседания
kind-deadlines = Предельные сроки
kind-notices = Объявления

## Statuses
## The tag of an event that is not confirmed.

status-tentative = Предварительно
status-cancelled = Отменено

## Not used by the code today
## Fields of the Strings struct that no page reads yet.

label-events = Мероприятия
label-everything = все

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

error-not-found = Страница не найдена
error-not-found-lead = По этому адресу страницы нет. Возможно, собрание, группа или календарь, на которые он указывает, не существуют.
error-bad-request = Этот адрес недействителен
error-bad-request-lead = Часть этого адреса не удается прочитать. Проверьте ссылку или начните заново с главной страницы.
error-reason = Причина, указанная службой (на английском языке):
error-home = Перейти на главную страницу
## Changes
## What `itucal lock` tells of a changed event, one sentence each (stored in the lock file's history). { $title } is the event's title; { $when } when it happens ("Mon, 15 Jan 2018, 08:30–09:30", "Wed 24 Jan 2018"); { $from } and { $to } the before and after: times (change-moved, where change-at-place adds the { $place } when the place changed too), places (change-relocated) or titles (change-renamed).

change-added = Новое: «{ $title }», { $when }
change-cancelled = Отменено: «{ $title }», { $when }
change-restored = Снова в программе: «{ $title }», { $when }
change-moved = Перенесено: «{ $title }», { $to } вместо { $from }
change-at-place = { $when } ({ $place })
change-relocated = Новое место: «{ $title }», { $when }, { $to } вместо { $from }
change-confirmed = Подтверждено: «{ $title }», { $when }
change-tentative = Предварительно: «{ $title }», { $when }
change-renamed = Новое название: «{ $to }» вместо «{ $from }», { $when }
change-details = Уточнены сведения: «{ $title }», { $when }
feed-cancelled-title = Отменено: { $title }
footer-changed = Изменено { $date }: { $change }

## Changes pages
## The changes page of a meeting or of every meeting, its Atom feed and e-mail snippets, and the meeting page's line about them. { $number } is a version number; { $date } a long date, { $start } a time of day (Geneva); { $title } a meeting's title; { $change } one change sentence.

changes-title = Изменения
changes-meeting-title = Изменения: { $title }
changes-intro = Все изменения с момента объявления собраний, начиная с последних, по женевскому времени. Календарю может потребоваться до суток, чтобы показать изменение; на этой странице оно появляется сразу.
changes-version = Версия { $number }, { $date }, { $start }
changes-published = { $title }: объявлено
changes-none = Изменений пока нет.
changes-atom = Лента Atom этих изменений
changes-email = Фрагмент для электронной почты с последними изменениями
changes-since = Изменения после версии { $number }
changes-entry-title =
    { $count ->
        [one] Версия { $number }: { $count } изменение
        [few] Версия { $number }: { $count } изменения
       *[other] Версия { $number }: { $count } изменений
    }
changes-link = Изменения
changes-in-meeting = { $change } ({ $title })
meeting-follow-changes = Следить за изменениями этого собрания по мере их внесения
meeting-updated =
    { $count ->
        [one] Обновлено { $date }, { $count } изменение
        [few] Обновлено { $date }, { $count } изменения
       *[other] Обновлено { $date }, { $count } изменений
    }
## Time plan sessions (titles start with what tells them apart: group and number)
session-title = { $groups } заседание { $number }, { $room }
session-title-joint = { $groups } № { $number } (совместное), { $room }
session-location = { $room }, { $venue }
session-description = Заседание { $number } { $groups } согласно { $status ->
        [final] окончательному плану распределения времени
        [draft] проекту плана распределения времени
       *[tentative] предварительному плану распределения времени
    } (версия { $version }). Залы и время могут меняться в ходе собрания: последние сведения приводятся на странице собрания и на экранах в месте его проведения.

## The time plan on a meeting page
plan-heading = План распределения времени
plan-version = Версия { $version }, { $status ->
        [final] окончательная.
        [draft] проект, ещё не согласован.
       *[tentative] предварительная: заседания и залы могут меняться в ходе собрания.
    }
plan-none = План распределения времени ещё не опубликован. { $reference } указывает даты собрания; его заседания появятся здесь и в календарях, как только секретариат опубликует план.
plan-none-link = Письмо и последующие объявления размещены на странице собрания.
plan-none-letter = Прочитать письмо.
meeting-draft = Черновик: это собрание еще не проверено. Оно показано только в режиме предварительного просмотра (itucal serve --drafts) и не входит ни в один опубликованный календарь или страницу.
plan-col-slot = Время
plan-joint = совместное
plan-subscribe = Календарь группы содержит её заседания и отражает их изменения. Подписаться на заседания одной группы:

## The timeline picture on a meeting page
timeline-heading = Хронология
timeline-title = Хронология: { $meeting }
timeline-desc = Собрание каждой группы – полоса на общей оси времени, предшествующие им предельные сроки – пронумерованные отметки; в списках ниже приведены те же даты.
## Imported drafts
## The titles `itucal import` writes into a draft meeting file (src/import/draft.rs), from the facts of a letter. { $group } is a group code (SG20, WP1/20, Q2/20, TSAG), { $number } the same without its letters (20, 1/20), { $place } the venue, { $meeting } the meeting's groups (SG20 WP1/20), { $month } month and year from CLDR (Jan 2018), { $name } a co-located group (oneM2M), { $groups } the meetings' groups (Q1/20–Q4/20, WP1/20), { $count } how many, { $dates } their days, { $what } one of the import-deadline-* texts.

import-meeting-title = { $count ->
    [one] Собрание
   *[other] Собрания
} { $groups }, { $place }, { $dates }
import-sg-meeting = { $group }: собрание Исследовательской комиссии, { $place }
import-wp-meeting = { $group }: собрание Рабочей группы, { $place }
import-group-meeting = { $group }: собрание, { $place }
import-rapporteur-meeting = { $group }: собрание группы Докладчика, { $place }
import-colocated = Одновременно с собранием { $name } ({ $meeting }), { $place }
import-registration = Регистрация, { $meeting }, { $place }
import-opening = Открытие, { $meeting }, { $place }
import-deadline = Срок: { $what } ({ $meeting }, { $month })
import-deadline-contributions-translation = вклады, требующие перевода
import-deadline-fellowships = запросы на предоставление стипендий
import-deadline-interpretation = запросы на устный перевод
import-deadline-captioning = запросы на субтитры в реальном времени и сурдоперевод
import-deadline-pre-registration = предварительная регистрация
import-deadline-visa-support-letter = запросы писем в поддержку получения визы
import-deadline-contributions = представление вкладов
import-geneva = Женева
import-itu-headquarters = Штаб-квартира МСЭ, Женева
import-montbrillant = Вход в здание "Монбрийан", штаб-квартира МСЭ, Женева
import-addressees = Адресаты
import-chairs = Председатели
import-agenda = Проект повестки дня (Приложение B)
