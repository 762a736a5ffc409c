### itucal: every fixed text of the interface, in Chinese.
### One message per text; every language file has the same ids (check_keys.py).
### Dates, weekdays and month names are not here: they come from CLDR, and { $date } is
### inserted already formatted. README.md says where each section is used.

## Language
## The language's own tag (BCP 47, the `lang` attribute) and name (the language switch).

lang-tag = zh-Hans
lang-own-name = 中文

## Every page
## The frame of every page: site name, skip link, language switch, footer.

page-site = ITU-T会议日历
page-skip = 跳到正文
page-language = 语言
page-footer = 除另有注明的时区外，时间均为日内瓦时间（Europe/Zurich）。数据来自电信标准化局集体函。
page-api = JSON API

## Home page
## The home page: intro, the feeds to subscribe to, the meetings.

home-intro = 电信标准化局集体函所公布的ITU-T会议，以日历形式提供，可在Outlook、Google日历和Apple日历中订阅。订阅一次即可：会议有变更时，您的日历会自动更新。
home-subscribe-heading = 订阅
home-subscribe-intro = 请选择日历。每个日历都列出相关的会议、会段、截止日期和通知，时间为日内瓦时间。
home-feed-all = 全部会议
home-feed-deadlines = 仅截止日期
home-by-group = 按组别
home-subscribe = 订阅
home-subscribe-to = 订阅：{ $name }
home-meetings = 会议
home-no-meetings = 暂无已公布的会议。
home-window = 结束日期在{ $from }或之后的会议；其他会议见下方存档。
home-archive = 存档
home-archive-intro = 按年份和按组列出的全部会议，各附日历。
home-years = 按年份
home-study-groups = 按研究组
home-all-groups = 全部组
home-overview = 远期总览：各研究组的会议在同一时间轴上
group-next = 下次会议
group-latest = 最近一次会议
group-none = 尚未公布{ $group }的会议。
group-stable-link = 此地址始终指向{ $group }的下次会议（或最近一次会议），可用于书签和电子邮件：
group-subscribe = 订阅{ $group }
group-archive = { $group }历年全部会议的日历（.ics）
group-meetings = { $group }的会议
group-within = 隶属于{ $group }
year-meetings = { $year }年举行的会议：{ $count }次
year-archive = { $year }年举行的全部会议的日历（.ics）
overview-title = 远期总览
overview-intro = 自{ $from }至{ $through }各研究组的会议，显示在同一时间轴上。与其他研究组在别处同时举行的会议时间重叠的会议（同时参加两者的代表无法兼顾）以条纹标出，并在图下列出。
overview-picture = 按研究组列出的会议，{ $from }至{ $through }
overview-clashes = 时间重叠的会议
overview-no-clashes = 此期间没有时间重叠的会议。
overview-col-meeting = 会议
overview-col-dates = 日期
overview-col-overlaps = 重叠会议
overview-none = 此期间尚未公布会议。

## Texts the page script shows
## Set on <body> as data-t-* and shown by static/app.js: meeting order, countdowns, copy button, builder.

script-upcoming = 即将召开
script-time-range = { $start }–{ $end }
script-past = 已结束
script-days-left = 还剩{ $count }天
script-due-today = 今天截止
script-passed = 已过
script-copied = 已复制
script-copy-failed = 请选中地址后复制
script-links-updated = 以上链接已按您的选择更新。

## Meeting page
## The meeting page: facts, actions, programme table, deadlines, agenda, descriptions, contacts.

meeting-dates = 日期
meeting-venue = 地点
meeting-groups = 组别
meeting-source = 来源
meeting-source-line = { $reference }（{ $date }）
meeting-page = 会议网页
meeting-subscribe = 订阅本次会议
meeting-download = 下载 .ics
meeting-email-snippet = 电子邮件片段（HTML）
meeting-only-your-group = 或仅订阅您的组别：
meeting-programme = 日程
meeting-programme-plan = 时间表中的各次会段见上方表格。
meeting-times-in = 时间为{ $zone }
meeting-col-event = 活动
meeting-col-when = 时间
meeting-col-local = 您的当地时间
meeting-col-add = 添加到您的日历
meeting-deadlines = 截止日期
meeting-deadline-note = 截止日期以日内瓦时间当天结束（午夜）为准。
meeting-agenda = 议程
meeting-about = 会议简介
meeting-details = 详细信息
meeting-contact = 联系方式
meeting-email = 电子邮件
meeting-phone = 电话
meeting-fax = 传真
meeting-web = 研究组
meeting-add-to = 将“{ $title }”添加到{ $service }
meeting-download-event = 下载“{ $title }”的 .ics 文件

## Calendar services
## Names of the calendar services on buttons and links; the short forms fill table cells.

service-google = Google日历
service-outlook = Outlook.com
service-office365 = Microsoft 365（工作或学校帐户）
service-apple = Apple日历 / Outlook桌面版
service-google-short = Google
service-outlook-short = Outlook.com
service-office365-short = Microsoft 365

## Subscribe page
## The subscribe page: heading, count, service buttons, Google fallback, copy field, QR code, builder, e-mail snippets.

subscribe-title = 订阅：{ $name }
subscribe-back = 返回会议页面
subscribe-now-holds = 此日历目前包含：
subscribe-event-count = { $count }个活动
subscribe-download-note = 一次性导入的副本，不会自动更新。
subscribe-google-fallback = Google日历提示无法添加此日历？
subscribe-google-step1 = 复制下方的日历地址。
subscribe-google-step2 = 打开Google日历设置：
subscribe-google-step2-link = 添加日历 → 通过网址添加
subscribe-google-step3 = 粘贴地址，然后点击“添加日历”。
subscribe-feed-url = 日历地址
subscribe-copy = 复制
subscribe-qr = 用手机扫描，打开日历地址。
subscribe-qr-label = QR: { $url }
subscribe-builder = 选择订阅内容
subscribe-overlap = 日历不会合并两个订阅共有的活动：如果同时订阅某个组及其会议，共有的活动会显示两次。请改为在此为您关注的所有组组合一个日历。
subscribe-kinds = 活动类型
subscribe-update = 更新链接
subscribe-share = 通过电子邮件分享
subscribe-share-intro = 可直接粘贴到电子邮件中的内容：仅含普通链接，不含脚本或图片。
subscribe-email-text = 纯文本
subscribe-cancelled = 已取消的活动
subscribe-hide-cancelled = 不包括已取消的活动

## E-mail snippets
## The HTML and plain-text blocks a secretariat pastes into the mail that announces a meeting.

email-lead = 将日历“{ $name }”添加到您的日历。会议有变更时会自动更新；时间为日内瓦时间。
email-feed-url = 日历地址
email-webcal = Apple日历 / Outlook桌面版
email-more-options = 更多选项
email-download-once = 下载 .ics（一次性副本，不会自动更新）

## Punctuation around inserted texts
## Where the code glues texts together in a way each language writes differently.

email-label = { $label }:
email-facts-separator = { "，" }
heading-with-zone = { $heading } ({ $zone })

## Feeds
## Calendar name and description of each feed (NAME, X-WR-CALNAME, DESCRIPTION, X-WR-CALDESC), and the kinds a filtered feed names.

feed-all-name = ITU-T会议
feed-all-description = 根据电信标准化局集体函整理的ITU-T会议日程。
feed-deadlines-name = ITU-T截止日期
feed-deadlines-description = ITU-T会议的截止日期（文稿、注册、签证）。
feed-group-name = ITU-T { $group }会议
feed-group-description = { $group }的会议，以及其所在会议的截止日期和注册等事项。
feed-year-name = { $year }年ITU-T会议
feed-year-description = { $year }年举行的全部ITU-T会议的存档。
feed-group-archive-name = ITU-T { $group }会议（全部年份）
feed-group-archive-description = { $group }全部会议（包括过去和今后的会议）的存档。
feed-archive-sessions = 时间表中的会段见各次会议自己的日历。
feed-window = { $description }结束日期在{ $from }或之后的会议，以及每个组的最近一次会议；更早的会议见按年份的存档日历。
feed-window-through = { $description }结束日期在{ $from }或之后且开始日期不晚于{ $through }的会议，以及每个组的最近一次会议；其他会议见按年份的存档日历。
feed-kind-meetings = 会议
feed-kind-sessions = 会段
feed-kind-deadlines = 截止日期
feed-kind-notices = 通知

## Event descriptions in feeds: the footer
## The lines every event description ends with: the letter, the zone, the contacts, the pages.

footer-source = 来源：{ $reference }（{ $date }）。
footer-times = 时间为{ $zone }。
footer-dates = 日期为{ $zone }。
footer-contact = 联系方式：{ $email }
footer-contact-phone = ，电话 { $phone }
footer-contact-fax = ，传真 { $fax }
footer-contact-end = 。
footer-study-group = 研究组网页：{ $url }
footer-meeting-page = 会议网页：{ $url }

## Time zones
## The zone named next to times; { $zone } is the tz name (Europe/Zurich). In fr the label starts with "heure" (other messages write "à l'{ $zone }"); in ru and ar it is an adverbial phrase ("по ...", "بـ...").

zone-home = 日内瓦时间（{ $zone }）
zone-local = 当地时间（{ $zone }）

## Kinds of event
## One event's tag (singular) and the builder's checkboxes (plural).

kind-meeting = 会议
kind-session = 会段
kind-deadline = 截止日期
kind-notice = 通知
kind-meetings = 会议
kind-sessions = 会段
kind-deadlines = 截止日期
kind-notices = 通知

## Statuses
## The tag of an event that is not confirmed.

status-tentative = 待定
status-cancelled = 已取消

## Not used by the code today
## Fields of the Strings struct that no page reads yet.

label-events = 活动
label-everything = 全部

## Dates
## How two dates make a span. { $first } and { $last } are long dates ("24 January 2018"), { $first-day } and { $last-day } day numbers, { $first-month-day } and { $last-month-day } day and month ("24 January"); in days and days-same-year, { $first } and { $last } carry the weekday ("Wed 24 Jan 2018") and { $first-weekday } and { $last-weekday } are the same without the year ("Wed 24 Jan"). { $start } and { $end } are times of day ("09:30"), { $date } and { $end-date } dates with their weekday. Names of months and weekdays come from CLDR.

date-range-same-month = { $first }至{ $last-day }日
date-range-same-year = { $first }至{ $last-month-day }
date-range = { $first }至{ $last }
days-same-year = { $first }至{ $last-weekday }
days = { $first }至{ $last }
time-same-day = { $date } { $start }–{ $end }
time-span = { $date } { $start }至{ $end-date } { $end }

## Error pages
## The page shown when a page's address names nothing or is malformed; the technical reason follows in English.

error-not-found = 未找到网页
error-not-found-lead = 此地址没有网页。其所指的会议、组或日历可能不存在。
error-bad-request = 此地址无效
error-bad-request-lead = 此地址中有无法识别的内容。请检查链接，或从首页重新开始。
error-reason = 服务给出的原因（英文）：
error-home = 前往首页
## Changes
## What `itucal lock` tells of a changed event, one sentence each (stored in the lock file's history). { $title } is the event's title; { $when } when it happens ("Mon, 15 Jan 2018, 08:30–09:30", "Wed 24 Jan 2018"); { $from } and { $to } the before and after: times (change-moved, where change-at-place adds the { $place } when the place changed too), places (change-relocated) or titles (change-renamed).

change-added = 新增：“{ $title }”，{ $when }
change-cancelled = 已取消：“{ $title }”，{ $when }
change-restored = 恢复举行：“{ $title }”，{ $when }
change-moved = 时间变更：“{ $title }”由{ $from }改为{ $to }
change-at-place = { $when }（{ $place }）
change-relocated = 地点变更：“{ $title }”，{ $when }，由{ $from }改为{ $to }
change-confirmed = 已确定：“{ $title }”，{ $when }
change-tentative = 待定：“{ $title }”，{ $when }
change-renamed = 名称变更：“{ $from }”改为“{ $to }”，{ $when }
change-details = 详情已更新：“{ $title }”，{ $when }
feed-cancelled-title = 已取消：{ $title }
footer-changed = { $date }变更：{ $change }

## Changes pages
## The changes page of a meeting or of every meeting, its Atom feed and e-mail snippets, and the meeting page's line about them. { $number } is a version number; { $date } a long date, { $start } a time of day (Geneva); { $title } a meeting's title; { $change } one change sentence.

changes-title = 变更
changes-meeting-title = 变更：{ $title }
changes-intro = 会议公布以来的所有变更，按时间由近及远排列，时间均为日内瓦时间。日历可能要一天后才显示变更；本页即时显示。
changes-version = 第{ $number }版，{ $date } { $start }
changes-published = { $title }：已公布
changes-none = 尚无变更。
changes-atom = 这些变更的Atom订阅源
changes-email = 最新变更的电子邮件片段
changes-since = 自第{ $number }版以来的变更
changes-entry-title = 第{ $number }版：{ $count }项变更
changes-link = 变更
changes-in-meeting = { $change }（{ $title }）
meeting-follow-changes = 关注本次会议的各项变更
meeting-updated = 更新于{ $date }，共{ $count }项变更
## Time plan sessions (titles start with what tells them apart: group and number)
session-title = { $groups } 第{ $number }次会议，{ $room }
session-title-joint = { $groups } 第{ $number }次联席会议，{ $room }
session-location = { $room }，{ $venue }
session-description = 根据{ $status ->
        [final] 最终时间表
        [draft] 时间表草案
       *[tentative] 暂定时间表
    }（第{ $version }版），此为{ $groups }的第{ $number }次会议。会议期间会议室和时间可能变动：最新信息见会议网页及会场屏幕。

## The time plan on a meeting page
plan-heading = 时间表
plan-version = 第{ $version }版，{ $status ->
        [final] 最终版。
        [draft] 草案，尚未商定。
       *[tentative] 暂定：会议期间会议和会议室可能变动。
    }
plan-none = 时间表尚未公布。{ $reference }给出了会议日期；秘书处公布时间表后，各次会议将显示在此处和日历中。
plan-none-link = 集体函及后续通知见会议网页。
plan-none-letter = 阅读集体函。
meeting-draft = 草稿：此会议尚未经过审核。它仅在预览中显示（itucal serve --drafts），不在任何已发布的日历或网页中。
plan-col-slot = 时段
plan-joint = 联席
plan-subscribe = 组别日历包含该组的各次会段，并随其变动而更新。订阅某一组别的会段：

## The timeline picture on a meeting page
timeline-heading = 时间线
timeline-title = 时间线：{ $meeting }
timeline-desc = 各组会议以横条显示在同一时间轴上，会前的截止日期以编号标记显示；下方列表给出相同的日期。
## Imported drafts
## The titles `itucal import` writes into a draft meeting file (src/import/draft.rs), from the facts of a letter. { $group } is a group code (SG20, WP1/20, Q2/20, TSAG), { $number } the same without its letters (20, 1/20), { $place } the venue, { $meeting } the meeting's groups (SG20 WP1/20), { $month } month and year from CLDR (Jan 2018), { $name } a co-located group (oneM2M), { $groups } the meetings' groups (Q1/20–Q4/20, WP1/20), { $count } how many, { $dates } their days, { $what } one of the import-deadline-* texts.

import-meeting-title = { $groups }会议，{ $place }，{ $dates }
import-sg-meeting = 第{ $number }研究组会议，{ $place }
import-wp-meeting = 第{ $number }工作组会议，{ $place }
import-group-meeting = { $group }会议，{ $place }
import-rapporteur-meeting = 第{ $group }课题报告人组会议，{ $place }
import-colocated = 与{ $name }会议同址召开（{ $meeting }），{ $place }
import-registration = 与会者注册，{ $meeting }，{ $place }
import-opening = 会议开幕，{ $meeting }，{ $place }
import-deadline = 截止日期：{ $what }（{ $meeting }，{ $month }）
import-deadline-contributions-translation = 提供需要翻译的ITU-T成员文稿
import-deadline-fellowships = 申请与会补贴
import-deadline-interpretation = 申请口译
import-deadline-captioning = 申请实时字幕和手语翻译
import-deadline-pre-registration = 预先注册
import-deadline-visa-support-letter = 申请签证支持函
import-deadline-contributions = 提交ITU-T成员文稿
import-geneva = 日内瓦
import-itu-headquarters = 日内瓦国际电联总部
import-montbrillant = 日内瓦国际电联总部Montbrillant大楼入口处
import-addressees = 致
import-chairs = 主席
import-agenda = 议程草案（附件B）
