//! The words of the pages and e-mail snippets in each language, as the renderers use them:
//! [`Strings`] holds the plain labels, read once per language from its messages
//! ([`crate::i18n`], where every text is written); the functions give the texts that take
//! values, and the dates ([`crate::i18n::dates`]).

use crate::i18n::{arg, dates, num, tr, tr_args};
use crate::model::{Kind, Lang, Status};
use crate::render::ics;
use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use std::sync::LazyLock;

/// Every fixed text of the user interface.
#[derive(Debug)]
pub struct Strings {
    /// `lang` attribute of the page (BCP 47).
    pub html_lang: String,
    /// The language's own name, as the language switch shows it.
    pub own_name: String,
    /// The site's name.
    pub site: String,
    /// Skip link.
    pub skip: String,
    /// Label of the language switch.
    pub language: String,
    /// Intro of the home page.
    pub intro: String,
    /// Heading of the feeds on the home page.
    pub subscribe_heading: String,
    /// What subscribing does.
    pub subscribe_intro: String,
    /// The feed with everything.
    pub feed_all: String,
    /// The deadlines feed.
    pub feed_deadlines: String,
    /// Heading of the group feeds.
    pub by_group: String,
    /// Link to a subscribe page.
    pub subscribe: String,
    /// Heading of the meetings on the home page.
    pub meetings: String,
    /// Heading of upcoming meetings (shown by the script).
    pub upcoming: String,
    /// How the script writes a span of the viewer's times (`{start}`, `{end}` replaced).
    pub time_range: String,
    /// Heading of past meetings (shown by the script).
    pub past: String,
    /// No meetings in the data.
    pub no_meetings: String,
    /// Label: dates.
    pub dates: String,
    /// Label: venue.
    pub venue: String,
    /// Label: the letter.
    pub source: String,
    /// Label: groups.
    pub groups: String,
    /// Heading of the events table.
    pub programme: String,
    /// Column: event.
    pub col_event: String,
    /// Column: when.
    pub col_when: String,
    /// Column: the viewer's time (filled by the script).
    pub col_local: String,
    /// Column: add links.
    pub col_add: String,
    /// Heading of the deadlines list.
    pub deadlines: String,
    /// When a deadline falls.
    pub deadline_note: String,
    /// Heading of the agenda.
    pub agenda: String,
    /// Heading of the meeting's description.
    pub about: String,
    /// Heading of the events' descriptions.
    pub details: String,
    /// Heading of the contacts.
    pub contact: String,
    /// Label: e-mail.
    pub email: String,
    /// Label: telephone.
    pub phone: String,
    /// Label: fax.
    pub fax: String,
    /// Label: study group page.
    pub web: String,
    /// Label: the meeting's page on itu.int.
    pub meeting_page: String,
    /// Subscribe to one meeting.
    pub subscribe_meeting: String,
    /// Subscribe to one group only.
    pub only_your_group: String,
    /// Download a `.ics`.
    pub download_ics: String,
    /// What a download is.
    pub download_note: String,
    /// Download, with what it is, as one label (plain-text e-mail).
    pub download_once: String,
    /// Google Calendar.
    pub google: String,
    /// Outlook.com.
    pub outlook: String,
    /// Microsoft 365.
    pub office365: String,
    /// Apple Calendar and Outlook desktop (webcal).
    pub apple: String,
    /// Short name of Google in a table cell.
    pub google_short: String,
    /// Short name of Outlook.com in a table cell.
    pub outlook_short: String,
    /// Short name of Microsoft 365 in a table cell.
    pub office365_short: String,
    /// Summary of the Google fallback steps.
    pub google_fallback: String,
    /// Step 1 of the Google fallback.
    pub google_step1: String,
    /// Step 2 of the Google fallback (before the link).
    pub google_step2: String,
    /// The link text of step 2.
    pub google_step2_link: String,
    /// Step 3 of the Google fallback.
    pub google_step3: String,
    /// Label of the feed URL field.
    pub feed_url: String,
    /// Copy button.
    pub copy: String,
    /// After copying.
    pub copied: String,
    /// When copying failed.
    pub copy_failed: String,
    /// Caption of the QR code.
    pub qr: String,
    /// Heading of the builder.
    pub builder: String,
    /// Legend: kinds.
    pub kinds: String,
    /// The builder's submit button.
    pub update_links: String,
    /// Announced after the script updated the links.
    pub links_updated: String,
    /// Heading of the e-mail snippets.
    pub share: String,
    /// What the e-mail snippets are.
    pub share_intro: String,
    /// Link: HTML e-mail snippet.
    pub email_html: String,
    /// Link: plain-text e-mail snippet.
    pub email_txt: String,
    /// "More options" (the subscribe page, from an e-mail).
    pub more_options: String,
    /// The webcal line of an e-mail.
    pub email_webcal: String,
    /// The feed URL line of an e-mail.
    pub email_feed_url: String,
    /// Footer text.
    pub footer: String,
    /// Link to the API description.
    pub api: String,
    /// "N days left", one template per CLDR plural category the language has (`{n}` is
    /// replaced by the script, which picks the category with `Intl.PluralRules`).
    pub days_left: Vec<(&'static str, String)>,
    /// The deadline is today.
    pub due_today: String,
    /// The deadline has passed.
    pub passed: String,
    /// Label: the events of a calendar.
    pub events: String,
    /// Label before the calendar's current events on the subscribe page.
    pub now_holds: String,
    /// Link back to the meeting from the subscribe page.
    pub back_to_meeting: String,
    /// Label: all events, no filter.
    pub everything: String,
    /// Legend of the builder's cancelled-events choice.
    pub cancelled_legend: String,
    /// The builder's checkbox that leaves cancelled events out.
    pub hide_cancelled: String,
}

/// The texts in `lang`, read from its messages once.
pub fn strings(lang: Lang) -> &'static Strings {
    static ALL: LazyLock<Vec<Strings>> =
        LazyLock::new(|| Lang::ALL.into_iter().map(Strings::load).collect());
    &ALL[lang.index()]
}

impl Strings {
    fn load(lang: Lang) -> Strings {
        let t = |id: &str| tr(lang, id);
        Strings {
            html_lang: t("lang-tag"),
            own_name: t("lang-own-name"),
            site: t("page-site"),
            skip: t("page-skip"),
            language: t("page-language"),
            intro: t("home-intro"),
            subscribe_heading: t("home-subscribe-heading"),
            subscribe_intro: t("home-subscribe-intro"),
            feed_all: t("home-feed-all"),
            feed_deadlines: t("home-feed-deadlines"),
            by_group: t("home-by-group"),
            subscribe: t("home-subscribe"),
            meetings: t("home-meetings"),
            upcoming: t("script-upcoming"),
            time_range: tr_args(
                lang,
                "script-time-range",
                &[("start", arg("{start}")), ("end", arg("{end}"))],
            ),
            past: t("script-past"),
            no_meetings: t("home-no-meetings"),
            dates: t("meeting-dates"),
            venue: t("meeting-venue"),
            source: t("meeting-source"),
            groups: t("meeting-groups"),
            programme: t("meeting-programme"),
            col_event: t("meeting-col-event"),
            col_when: t("meeting-col-when"),
            col_local: t("meeting-col-local"),
            col_add: t("meeting-col-add"),
            deadlines: t("meeting-deadlines"),
            deadline_note: t("meeting-deadline-note"),
            agenda: t("meeting-agenda"),
            about: t("meeting-about"),
            details: t("meeting-details"),
            contact: t("meeting-contact"),
            email: t("meeting-email"),
            phone: t("meeting-phone"),
            fax: t("meeting-fax"),
            web: t("meeting-web"),
            meeting_page: t("meeting-page"),
            subscribe_meeting: t("meeting-subscribe"),
            only_your_group: t("meeting-only-your-group"),
            download_ics: t("meeting-download"),
            download_note: t("subscribe-download-note"),
            download_once: t("email-download-once"),
            google: t("service-google"),
            outlook: t("service-outlook"),
            office365: t("service-office365"),
            apple: t("service-apple"),
            google_short: t("service-google-short"),
            outlook_short: t("service-outlook-short"),
            office365_short: t("service-office365-short"),
            google_fallback: t("subscribe-google-fallback"),
            google_step1: t("subscribe-google-step1"),
            google_step2: t("subscribe-google-step2"),
            google_step2_link: t("subscribe-google-step2-link"),
            google_step3: t("subscribe-google-step3"),
            feed_url: t("subscribe-feed-url"),
            copy: t("subscribe-copy"),
            copied: t("script-copied"),
            copy_failed: t("script-copy-failed"),
            qr: t("subscribe-qr"),
            builder: t("subscribe-builder"),
            kinds: t("subscribe-kinds"),
            update_links: t("subscribe-update"),
            links_updated: t("script-links-updated"),
            share: t("subscribe-share"),
            share_intro: t("subscribe-share-intro"),
            email_html: t("meeting-email-snippet"),
            email_txt: t("subscribe-email-text"),
            more_options: t("email-more-options"),
            email_webcal: t("email-webcal"),
            email_feed_url: t("email-feed-url"),
            footer: t("page-footer"),
            api: t("page-api"),
            due_today: t("script-due-today"),
            passed: t("script-passed"),
            events: t("label-events"),
            now_holds: t("subscribe-now-holds"),
            back_to_meeting: t("subscribe-back"),
            everything: t("label-everything"),
            cancelled_legend: t("subscribe-cancelled"),
            hide_cancelled: t("subscribe-hide-cancelled"),
            days_left: plural_templates(lang, "script-days-left"),
        }
    }
}

/// Message `id` (which takes a `count`) once per CLDR plural category of the language, with
/// `{n}` where the count goes: the script picks the category with `Intl.PluralRules`, from
/// the same CLDR rules.
fn plural_templates(lang: Lang, id: &str) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    // the smallest count of each category (every category of every language has one below 200)
    for n in 0..200 {
        let category = crate::i18n::plural_category(lang, n);
        if out.iter().all(|(c, _)| *c != category) {
            let text = tr_args(lang, id, &[("count", num(n))]);
            out.push((category, text.replace(&n.to_string(), "{n}")));
        }
    }
    // in CLDR's order of categories, so that the page reads the same on every run
    const ORDER: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
    out.sort_by_key(|(c, _)| ORDER.iter().position(|o| o == c));
    out
}

/// The name of a kind of event, plural, as the builder lists it.
pub fn kind_name(kind: Kind, lang: Lang) -> String {
    tr(lang, &format!("kind-{}", ics::kind_id(kind)))
}

/// The name of a kind of event, singular, as a tag on one event.
pub fn kind_tag(kind: Kind, lang: Lang) -> String {
    let id = ics::kind_id(kind);
    tr(
        lang,
        &format!("kind-{}", id.strip_suffix('s').unwrap_or(id)),
    )
}

/// The label of a status other than confirmed.
pub fn status_name(status: Status, lang: Lang) -> Option<String> {
    match status {
        Status::Confirmed => None,
        Status::Tentative => Some(tr(lang, "status-tentative")),
        Status::Cancelled => Some(tr(lang, "status-cancelled")),
    }
}

/// The zone named next to times: "Geneva time (Europe/Zurich)", else "local time (Zone/Name)".
pub fn zone_label(tz: Tz, lang: Lang) -> String {
    ics::zone_label(tz, lang)
}

/// "Times in Geneva time (Europe/Zurich)".
pub fn times_in(tz: Tz, lang: Lang) -> String {
    tr_args(
        lang,
        "meeting-times-in",
        &[("zone", arg(&zone_label(tz, lang)))],
    )
}

/// Subscribe page heading: "Subscribe: {calendar}".
pub fn subscribe_to(name: &str, lang: Lang) -> String {
    tr_args(lang, "subscribe-title", &[("name", arg(name))])
}

/// The name of a home page "Subscribe" button, for screen readers: its visible text first, then
/// the calendar ("Subscribe: {calendar}"), so that speech input finds the button by what it
/// shows (WCAG 2.5.3).
pub fn subscribe_button(name: &str, lang: Lang) -> String {
    tr_args(lang, "home-subscribe-to", &[("name", arg(name))])
}

/// Opening line of the e-mail snippet for a feed.
pub fn email_lead(name: &str, lang: Lang) -> String {
    tr_args(lang, "email-lead", &[("name", arg(name))])
}

/// "{n} events" / "{n}个活动".
pub fn n_events(n: usize, lang: Lang) -> String {
    tr_args(lang, "subscribe-event-count", &[("count", num(n))])
}

/// The label of an "add" link, for screen readers: "Add “{title}” to {service}".
pub fn add_to(title: &str, service: &str, lang: Lang) -> String {
    tr_args(
        lang,
        "meeting-add-to",
        &[("title", arg(title)), ("service", arg(service))],
    )
}

/// The label of a download link for one event, for screen readers.
pub fn download_event(title: &str, lang: Lang) -> String {
    tr_args(lang, "meeting-download-event", &[("title", arg(title))])
}

/// The source line: "TSB Collective Letter 3/20 of 29 September 2017".
pub fn source_line(reference: &str, date: NaiveDate, lang: Lang) -> String {
    let date = dates::long(date, lang);
    tr_args(
        lang,
        "meeting-source-line",
        &[("reference", arg(reference)), ("date", arg(&date))],
    )
}

/// "15 January 2018" / "2018年1月15日".
pub fn date_long(d: NaiveDate, lang: Lang) -> String {
    dates::long(d, lang)
}

/// "Mon 15 Jan 2018" / "2018年1月15日周一".
pub fn date_short(d: NaiveDate, lang: Lang) -> String {
    dates::short(d, lang)
}

/// A span of days for headings: "15–24 January 2018", "2018年1月15日至24日", …
pub fn date_range(first: NaiveDate, last: NaiveDate, lang: Lang) -> String {
    dates::range(first, last, lang)
}

/// When an all-day event happens, with weekdays: "Mon 15 Jan – Tue 23 Jan 2018".
pub fn days(first: NaiveDate, last: NaiveDate, lang: Lang) -> String {
    dates::days(first, last, lang)
}

/// When a timed event happens, in local wall time: "Mon 15 Jan 2018, 08:30–09:30".
pub fn times(start: NaiveDateTime, end: NaiveDateTime, lang: Lang) -> String {
    dates::times(start, end, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_chinese_texts_are_as_before() {
        let en = strings(Lang::En);
        assert_eq!(en.site, "ITU-T meeting calendars");
        assert_eq!(en.html_lang, "en");
        assert_eq!(strings(Lang::Zh).html_lang, "zh-Hans");
        assert_eq!(n_events(1, Lang::En), "1 event");
        assert_eq!(n_events(11, Lang::En), "11 events");
        assert_eq!(n_events(11, Lang::Zh), "11个活动");
        assert_eq!(kind_tag(Kind::Info, Lang::En), "Notice");
        assert_eq!(kind_name(Kind::Info, Lang::En), "Notices");
        assert_eq!(
            times_in(crate::render::ics::HOME_TZ, Lang::En),
            "Times in Geneva time (Europe/Zurich)"
        );
    }

    #[test]
    fn countdown_templates_cover_each_plural_category() {
        let en = &strings(Lang::En).days_left;
        assert_eq!(
            en,
            &vec![
                ("one", "{n} day left".to_string()),
                ("other", "{n} days left".to_string())
            ]
        );
        let ru: Vec<_> = strings(Lang::Ru)
            .days_left
            .iter()
            .map(|(c, _)| *c)
            .collect();
        assert!(ru.contains(&"few") && ru.contains(&"many"), "{ru:?}");
        let ar: Vec<_> = strings(Lang::Ar)
            .days_left
            .iter()
            .map(|(c, _)| *c)
            .collect();
        assert!(ar.len() >= 5, "{ar:?}");
        for lang in Lang::ALL {
            for (c, t) in &strings(lang).days_left {
                assert!(
                    t.contains("{n}") || *c == "zero" || *c == "one" || *c == "two",
                    "{lang:?} {c}: {t}"
                );
            }
        }
    }
}
