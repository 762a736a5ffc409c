//! The words of the pages and e-mail snippets, in English and Chinese, and the way each
//! language writes dates and times. One struct per language so that a missing translation is a
//! compile error, not an empty label.

use crate::model::{Kind, Lang, Status};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use chrono_tz::Tz;

/// Every fixed text of the user interface.
#[derive(Debug)]
pub struct Strings {
    /// `lang` attribute of the page (BCP 47).
    pub html_lang: &'static str,
    /// The language's own name, as the language switch shows it.
    pub own_name: &'static str,
    /// The site's name.
    pub site: &'static str,
    /// Skip link.
    pub skip: &'static str,
    /// Label of the language switch.
    pub language: &'static str,
    /// Intro of the home page.
    pub intro: &'static str,
    /// Heading of the feeds on the home page.
    pub subscribe_heading: &'static str,
    /// What subscribing does.
    pub subscribe_intro: &'static str,
    /// The feed with everything.
    pub feed_all: &'static str,
    /// The deadlines feed.
    pub feed_deadlines: &'static str,
    /// Heading of the group feeds.
    pub by_group: &'static str,
    /// Link to a subscribe page.
    pub subscribe: &'static str,
    /// Heading of the meetings on the home page.
    pub meetings: &'static str,
    /// Heading of upcoming meetings (shown by the script).
    pub upcoming: &'static str,
    /// Heading of past meetings (shown by the script).
    pub past: &'static str,
    /// No meetings in the data.
    pub no_meetings: &'static str,
    /// Label: dates.
    pub dates: &'static str,
    /// Label: venue.
    pub venue: &'static str,
    /// Label: the letter.
    pub source: &'static str,
    /// Label: groups.
    pub groups: &'static str,
    /// Heading of the events table.
    pub programme: &'static str,
    /// Column: event.
    pub col_event: &'static str,
    /// Column: when.
    pub col_when: &'static str,
    /// Column: the viewer's time (filled by the script).
    pub col_local: &'static str,
    /// Column: add links.
    pub col_add: &'static str,
    /// Heading of the deadlines list.
    pub deadlines: &'static str,
    /// When a deadline falls.
    pub deadline_note: &'static str,
    /// Heading of the agenda.
    pub agenda: &'static str,
    /// Heading of the meeting's description.
    pub about: &'static str,
    /// Heading of the events' descriptions.
    pub details: &'static str,
    /// Heading of the contacts.
    pub contact: &'static str,
    /// Label: e-mail.
    pub email: &'static str,
    /// Label: telephone.
    pub phone: &'static str,
    /// Label: fax.
    pub fax: &'static str,
    /// Label: study group page.
    pub web: &'static str,
    /// Label: the meeting's page on itu.int.
    pub meeting_page: &'static str,
    /// Subscribe to one meeting.
    pub subscribe_meeting: &'static str,
    /// Subscribe to one group only.
    pub only_your_group: &'static str,
    /// Download a `.ics`.
    pub download_ics: &'static str,
    /// What a download is.
    pub download_note: &'static str,
    /// Download, with what it is, as one label (plain-text e-mail).
    pub download_once: &'static str,
    /// Google Calendar.
    pub google: &'static str,
    /// Outlook.com.
    pub outlook: &'static str,
    /// Microsoft 365.
    pub office365: &'static str,
    /// Apple Calendar and Outlook desktop (webcal).
    pub apple: &'static str,
    /// Short name of Google in a table cell.
    pub google_short: &'static str,
    /// Short name of Outlook.com in a table cell.
    pub outlook_short: &'static str,
    /// Short name of Microsoft 365 in a table cell.
    pub office365_short: &'static str,
    /// Summary of the Google fallback steps.
    pub google_fallback: &'static str,
    /// Step 1 of the Google fallback.
    pub google_step1: &'static str,
    /// Step 2 of the Google fallback (before the link).
    pub google_step2: &'static str,
    /// The link text of step 2.
    pub google_step2_link: &'static str,
    /// Step 3 of the Google fallback.
    pub google_step3: &'static str,
    /// Label of the feed URL field.
    pub feed_url: &'static str,
    /// Copy button.
    pub copy: &'static str,
    /// After copying.
    pub copied: &'static str,
    /// When copying failed.
    pub copy_failed: &'static str,
    /// Caption of the QR code.
    pub qr: &'static str,
    /// Heading of the builder.
    pub builder: &'static str,
    /// Legend: kinds.
    pub kinds: &'static str,
    /// The builder's submit button.
    pub update_links: &'static str,
    /// Announced after the script updated the links.
    pub links_updated: &'static str,
    /// Heading of the e-mail snippets.
    pub share: &'static str,
    /// What the e-mail snippets are.
    pub share_intro: &'static str,
    /// Link: HTML e-mail snippet.
    pub email_html: &'static str,
    /// Link: plain-text e-mail snippet.
    pub email_txt: &'static str,
    /// "More options" (the subscribe page, from an e-mail).
    pub more_options: &'static str,
    /// The webcal line of an e-mail.
    pub email_webcal: &'static str,
    /// The feed URL line of an e-mail.
    pub email_feed_url: &'static str,
    /// Footer text.
    pub footer: &'static str,
    /// Link to the API description.
    pub api: &'static str,
    /// Template: days left (`{n}` is replaced by the script).
    pub days_left: &'static str,
    /// One day left.
    pub day_left: &'static str,
    /// The deadline is today.
    pub due_today: &'static str,
    /// The deadline has passed.
    pub passed: &'static str,
    /// Label: the events of a calendar.
    pub events: &'static str,
    /// Label before the calendar's current events on the subscribe page.
    pub now_holds: &'static str,
    /// Link back to the meeting from the subscribe page.
    pub back_to_meeting: &'static str,
    /// Label: all events, no filter.
    pub everything: &'static str,
}

const EN: Strings = Strings {
    html_lang: "en",
    own_name: "English",
    site: "ITU-T meeting calendars",
    skip: "Skip to content",
    language: "Language",
    intro: "ITU-T meetings as announced in the TSB collective letters, as calendars you can subscribe to in Outlook, Google Calendar and Apple Calendar. Subscribe once: your calendar updates itself when a meeting changes.",
    subscribe_heading: "Subscribe",
    subscribe_intro: "Pick a calendar. Each one lists its meetings, sessions, deadlines and notices, in Geneva time.",
    feed_all: "All meetings",
    feed_deadlines: "Deadlines only",
    by_group: "By group",
    subscribe: "Subscribe",
    meetings: "Meetings",
    upcoming: "Upcoming",
    past: "Past",
    no_meetings: "No meetings are announced.",
    dates: "Dates",
    venue: "Venue",
    source: "Source",
    groups: "Groups",
    programme: "Programme",
    col_event: "Event",
    col_when: "When",
    col_local: "Your time",
    col_add: "Add to your calendar",
    deadlines: "Deadlines",
    deadline_note: "A deadline ends at midnight at the end of that day, Geneva time.",
    agenda: "Agenda",
    about: "About this meeting",
    details: "Details",
    contact: "Contact",
    email: "E-mail",
    phone: "Telephone",
    fax: "Fax",
    web: "Study group",
    meeting_page: "Meeting page",
    subscribe_meeting: "Subscribe to this meeting",
    only_your_group: "Or only your group:",
    download_ics: "Download .ics",
    download_note: "A one-time copy to import: it does not update.",
    download_once: "Download .ics (a one-time copy: it does not update)",
    google: "Google Calendar",
    outlook: "Outlook.com",
    office365: "Microsoft 365 (work or school)",
    apple: "Apple Calendar / Outlook desktop",
    google_short: "Google",
    outlook_short: "Outlook.com",
    office365_short: "Microsoft 365",
    google_fallback: "Google Calendar says it cannot add the calendar?",
    google_step1: "Copy the calendar address below.",
    google_step2: "Open Google Calendar settings:",
    google_step2_link: "Add calendar → From URL",
    google_step3: "Paste the address and choose “Add calendar”.",
    feed_url: "Calendar address",
    copy: "Copy",
    copied: "Copied",
    copy_failed: "Select the address and copy it",
    qr: "Scan with your phone to open the calendar address.",
    builder: "Choose what to include",
    kinds: "Kinds of event",
    update_links: "Update links",
    links_updated: "The links above now include your choice.",
    share: "Share by e-mail",
    share_intro: "A ready-made block to paste into an e-mail: plain links only, no scripts or images.",
    email_html: "E-mail snippet (HTML)",
    email_txt: "Plain text",
    more_options: "More options",
    email_webcal: "Apple Calendar / Outlook desktop",
    email_feed_url: "Calendar address",
    footer: "Times are in Geneva time (Europe/Zurich) unless another zone is named. The data comes from the TSB collective letters.",
    api: "JSON API",
    days_left: "{n} days left",
    day_left: "1 day left",
    due_today: "due today",
    passed: "passed",
    events: "Events",
    now_holds: "Now in this calendar:",
    back_to_meeting: "Back to the meeting",
    everything: "everything",
};

const ZH: Strings = Strings {
    html_lang: "zh-Hans",
    own_name: "中文",
    site: "ITU-T会议日历",
    skip: "跳到正文",
    language: "语言",
    intro: "电信标准化局集体函所公布的ITU-T会议，以日历形式提供，可在Outlook、Google日历和Apple日历中订阅。订阅一次即可：会议有变更时，您的日历会自动更新。",
    subscribe_heading: "订阅",
    subscribe_intro: "请选择日历。每个日历都列出相关的会议、会段、截止日期和通知，时间为日内瓦时间。",
    feed_all: "全部会议",
    feed_deadlines: "仅截止日期",
    by_group: "按组别",
    subscribe: "订阅",
    meetings: "会议",
    upcoming: "即将召开",
    past: "已结束",
    no_meetings: "暂无已公布的会议。",
    dates: "日期",
    venue: "地点",
    source: "来源",
    groups: "组别",
    programme: "日程",
    col_event: "活动",
    col_when: "时间",
    col_local: "您的当地时间",
    col_add: "添加到您的日历",
    deadlines: "截止日期",
    deadline_note: "截止日期以日内瓦时间当天结束（午夜）为准。",
    agenda: "议程",
    about: "会议简介",
    details: "详细信息",
    contact: "联系方式",
    email: "电子邮件",
    phone: "电话",
    fax: "传真",
    web: "研究组",
    meeting_page: "会议网页",
    subscribe_meeting: "订阅本次会议",
    only_your_group: "或仅订阅您的组别：",
    download_ics: "下载 .ics",
    download_note: "一次性导入的副本，不会自动更新。",
    download_once: "下载 .ics（一次性副本，不会自动更新）",
    google: "Google日历",
    outlook: "Outlook.com",
    office365: "Microsoft 365（工作或学校帐户）",
    apple: "Apple日历 / Outlook桌面版",
    google_short: "Google",
    outlook_short: "Outlook.com",
    office365_short: "Microsoft 365",
    google_fallback: "Google日历提示无法添加此日历？",
    google_step1: "复制下方的日历地址。",
    google_step2: "打开Google日历设置：",
    google_step2_link: "添加日历 → 通过网址添加",
    google_step3: "粘贴地址，然后点击“添加日历”。",
    feed_url: "日历地址",
    copy: "复制",
    copied: "已复制",
    copy_failed: "请选中地址后复制",
    qr: "用手机扫描，打开日历地址。",
    builder: "选择订阅内容",
    kinds: "活动类型",
    update_links: "更新链接",
    links_updated: "以上链接已按您的选择更新。",
    share: "通过电子邮件分享",
    share_intro: "可直接粘贴到电子邮件中的内容：仅含普通链接，不含脚本或图片。",
    email_html: "电子邮件片段（HTML）",
    email_txt: "纯文本",
    more_options: "更多选项",
    email_webcal: "Apple日历 / Outlook桌面版",
    email_feed_url: "日历地址",
    footer: "除另有注明的时区外，时间均为日内瓦时间（Europe/Zurich）。数据来自电信标准化局集体函。",
    api: "JSON API",
    days_left: "还剩{n}天",
    day_left: "还剩1天",
    due_today: "今天截止",
    passed: "已过",
    events: "活动",
    now_holds: "此日历目前包含：",
    back_to_meeting: "返回会议页面",
    everything: "全部",
};

/// The texts in `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// The name of a kind of event, plural, as the builder lists it.
pub fn kind_name(kind: Kind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (Kind::Meeting, Lang::En) => "Meetings",
        (Kind::Session, Lang::En) => "Sessions",
        (Kind::Deadline, Lang::En) => "Deadlines",
        (Kind::Info, Lang::En) => "Notices",
        (Kind::Meeting, Lang::Zh) => "会议",
        (Kind::Session, Lang::Zh) => "会段",
        (Kind::Deadline, Lang::Zh) => "截止日期",
        (Kind::Info, Lang::Zh) => "通知",
    }
}

/// The name of a kind of event, singular, as a tag on one event.
pub fn kind_tag(kind: Kind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (Kind::Meeting, Lang::En) => "Meeting",
        (Kind::Session, Lang::En) => "Session",
        (Kind::Deadline, Lang::En) => "Deadline",
        (Kind::Info, Lang::En) => "Notice",
        (Kind::Meeting, Lang::Zh) => "会议",
        (Kind::Session, Lang::Zh) => "会段",
        (Kind::Deadline, Lang::Zh) => "截止日期",
        (Kind::Info, Lang::Zh) => "通知",
    }
}

/// The label of a status other than confirmed.
pub fn status_name(status: Status, lang: Lang) -> Option<&'static str> {
    match (status, lang) {
        (Status::Confirmed, _) => None,
        (Status::Tentative, Lang::En) => Some("Tentative"),
        (Status::Cancelled, Lang::En) => Some("Cancelled"),
        (Status::Tentative, Lang::Zh) => Some("待定"),
        (Status::Cancelled, Lang::Zh) => Some("已取消"),
    }
}

/// The zone named next to times: "Geneva time (Europe/Zurich)", else "local time (Zone/Name)".
pub fn zone_label(tz: Tz, lang: Lang) -> String {
    let home = tz == crate::render::ics::HOME_TZ;
    match (home, lang) {
        (true, Lang::En) => "Geneva time (Europe/Zurich)".into(),
        (true, Lang::Zh) => "日内瓦时间（Europe/Zurich）".into(),
        (false, Lang::En) => format!("local time ({})", tz.name()),
        (false, Lang::Zh) => format!("当地时间（{}）", tz.name()),
    }
}

/// "Times in Geneva time (Europe/Zurich)".
pub fn times_in(tz: Tz, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Times in {}", zone_label(tz, lang)),
        Lang::Zh => format!("时间为{}", zone_label(tz, lang)),
    }
}

/// Subscribe page heading: "Subscribe: {calendar}".
pub fn subscribe_to(name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Subscribe: {name}"),
        Lang::Zh => format!("订阅：{name}"),
    }
}

/// Opening line of the e-mail snippet for a feed.
pub fn email_lead(name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "Add the calendar “{name}” to your calendar. It updates itself when a meeting changes; times are in Geneva time."
        ),
        Lang::Zh => {
            format!("将日历“{name}”添加到您的日历。会议有变更时会自动更新；时间为日内瓦时间。")
        }
    }
}

/// "{n} events" / "{n}个活动".
pub fn n_events(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 event".into(),
        (Lang::En, n) => format!("{n} events"),
        (Lang::Zh, n) => format!("{n}个活动"),
    }
}

/// The label of an "add" link, for screen readers: "Add “{title}” to {service}".
pub fn add_to(title: &str, service: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Add “{title}” to {service}"),
        Lang::Zh => format!("将“{title}”添加到{service}"),
    }
}

/// The label of a download link for one event, for screen readers.
pub fn download_event(title: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Download “{title}” as .ics"),
        Lang::Zh => format!("下载“{title}”（.ics）"),
    }
}

/// The source line: "TSB Collective Letter 3/20 of 29 September 2017".
pub fn source_line(reference: &str, date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{reference} of {}", date_long(date, lang)),
        Lang::Zh => format!("{reference}（{}）", date_long(date, lang)),
    }
}

fn weekday(d: NaiveDate, lang: Lang) -> &'static str {
    let i = d.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
        Lang::Zh => ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][i],
    }
}

fn month_name(d: NaiveDate) -> String {
    d.format("%B").to_string()
}

/// "15 January 2018" / "2018年1月15日".
pub fn date_long(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {} {}", d.day(), month_name(d), d.year()),
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
    }
}

/// "Mon 15 Jan 2018" / "2018年1月15日（周一）".
pub fn date_short(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {}", weekday(d, lang), d.format("%-d %b %Y")),
        Lang::Zh => format!("{}（{}）", date_long(d, lang), weekday(d, lang)),
    }
}

/// A span of days for headings: "15–24 January 2018", "30 January – 2 February 2018",
/// "28 December 2017 – 3 January 2018"; "2018年1月15日至24日", …
pub fn date_range(first: NaiveDate, last: NaiveDate, lang: Lang) -> String {
    if first == last {
        return date_long(first, lang);
    }
    let same_year = first.year() == last.year();
    let same_month = same_year && first.month() == last.month();
    match lang {
        Lang::En if same_month => format!(
            "{}–{} {} {}",
            first.day(),
            last.day(),
            month_name(first),
            first.year()
        ),
        Lang::En if same_year => format!(
            "{} {} – {} {} {}",
            first.day(),
            month_name(first),
            last.day(),
            month_name(last),
            first.year()
        ),
        Lang::En => format!("{} – {}", date_long(first, lang), date_long(last, lang)),
        Lang::Zh if same_month => format!("{}至{}日", date_long(first, lang), last.day()),
        Lang::Zh if same_year => {
            format!(
                "{}至{}月{}日",
                date_long(first, lang),
                last.month(),
                last.day()
            )
        }
        Lang::Zh => format!("{}至{}", date_long(first, lang), date_long(last, lang)),
    }
}

/// When an all-day event happens, with weekdays: "Mon 15 Jan – Tue 23 Jan 2018".
pub fn days(first: NaiveDate, last: NaiveDate, lang: Lang) -> String {
    if first == last {
        return date_short(first, lang);
    }
    match lang {
        Lang::En if first.year() == last.year() => format!(
            "{} {} – {}",
            weekday(first, lang),
            first.format("%-d %b"),
            date_short(last, lang)
        ),
        Lang::En => format!("{} – {}", date_short(first, lang), date_short(last, lang)),
        Lang::Zh if first.year() == last.year() => format!(
            "{}至{}月{}日（{}）",
            date_short(first, lang),
            last.month(),
            last.day(),
            weekday(last, lang)
        ),
        Lang::Zh => format!("{}至{}", date_short(first, lang), date_short(last, lang)),
    }
}

/// When a timed event happens, in local wall time: "Mon 15 Jan 2018, 08:30–09:30".
pub fn times(start: NaiveDateTime, end: NaiveDateTime, lang: Lang) -> String {
    let (sd, ed) = (start.date(), end.date());
    let hm = |t: NaiveDateTime| t.format("%H:%M").to_string();
    match lang {
        Lang::En if sd == ed => format!("{}, {}–{}", date_short(sd, lang), hm(start), hm(end)),
        Lang::En => format!(
            "{}, {} – {}, {}",
            date_short(sd, lang),
            hm(start),
            date_short(ed, lang),
            hm(end)
        ),
        Lang::Zh if sd == ed => format!("{} {}–{}", date_short(sd, lang), hm(start), hm(end)),
        Lang::Zh => format!(
            "{} {}至{} {}",
            date_short(sd, lang),
            hm(start),
            date_short(ed, lang),
            hm(end)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn date_ranges_read_as_letters_write_them() {
        let cases = [
            ("2018-01-15", "2018-01-24", Lang::En, "15–24 January 2018"),
            (
                "2018-01-30",
                "2018-02-02",
                Lang::En,
                "30 January – 2 February 2018",
            ),
            (
                "2017-12-28",
                "2018-01-03",
                Lang::En,
                "28 December 2017 – 3 January 2018",
            ),
            ("2018-01-11", "2018-01-11", Lang::En, "11 January 2018"),
            ("2018-01-15", "2018-01-24", Lang::Zh, "2018年1月15日至24日"),
            (
                "2018-01-30",
                "2018-02-02",
                Lang::Zh,
                "2018年1月30日至2月2日",
            ),
            (
                "2017-12-28",
                "2018-01-03",
                Lang::Zh,
                "2017年12月28日至2018年1月3日",
            ),
        ];
        for (a, b, lang, want) in cases {
            assert_eq!(date_range(d(a), d(b), lang), want, "{a}..{b} {lang:?}");
        }
    }

    #[test]
    fn event_times_name_the_weekday() {
        assert_eq!(
            days(d("2018-01-15"), d("2018-01-23"), Lang::En),
            "Mon 15 Jan – Tue 23 Jan 2018"
        );
        assert_eq!(
            days(d("2018-01-15"), d("2018-01-23"), Lang::Zh),
            "2018年1月15日（周一）至1月23日（周二）"
        );
        let t = |s: &str| s.parse::<NaiveDateTime>().unwrap();
        assert_eq!(
            times(t("2018-01-15T08:30:00"), t("2018-01-15T09:30:00"), Lang::En),
            "Mon 15 Jan 2018, 08:30–09:30"
        );
        assert_eq!(
            times(t("2018-01-15T08:30:00"), t("2018-01-15T09:30:00"), Lang::Zh),
            "2018年1月15日（周一） 08:30–09:30"
        );
        assert_eq!(
            times(t("2018-12-31T23:00:00"), t("2019-01-01T01:00:00"), Lang::En),
            "Mon 31 Dec 2018, 23:00 – Tue 1 Jan 2019, 01:00"
        );
    }
}
