//! Dates as each language writes them: month and weekday names and the order of day, month and
//! year from CLDR (ICU4X, compiled-in data, Gregorian calendar); how two dates make a span
//! ("15–24 January 2018", "2018年1月15日至24日") from the `date-*`, `days-*` and `time-*`
//! messages. Times of day are written `09:30` in every language, as ITU's letters write them.

use super::{Lang, arg, tr_args};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{MD, MDE, YMD, YMDE};
use icu_locale_core::Locale;
use std::sync::LazyLock;

/// One formatter per language, in the order of [`Lang::ALL`], built on first use.
type PerLang<F> = LazyLock<Vec<FixedCalendarDateTimeFormatter<Gregorian, F>>>;

fn locale(lang: Lang) -> Locale {
    Locale::try_from_str(lang.cldr())
        .unwrap_or_else(|e| panic!("{}: not a CLDR locale: {e:?}", lang.cldr()))
}

macro_rules! formatters {
    ($fieldset:expr) => {
        LazyLock::new(|| {
            Lang::ALL
                .iter()
                .map(|&lang| {
                    FixedCalendarDateTimeFormatter::try_new(locale(lang).into(), $fieldset)
                        .unwrap_or_else(|e| panic!("{}: no CLDR date data: {e:?}", lang.cldr()))
                })
                .collect()
        })
    };
}

/// "24 January 2018", "24 janvier 2018", "2018年1月24日", …
static LONG: PerLang<YMD> = formatters!(YMD::long());
/// "24 January", "24 janvier", "1月24日", …
static DAY_MONTH: PerLang<MD> = formatters!(MD::long());
/// "Wed 24 Jan 2018", "mer. 24 janv. 2018", "2018年1月24日周三", …
static SHORT: PerLang<YMDE> = formatters!(YMDE::medium());
/// "Wed 24 Jan", "mer. 24 janv.", "1月24日周三", …
static SHORT_NO_YEAR: PerLang<MDE> = formatters!(MDE::medium());

fn gregorian(d: NaiveDate) -> Date<Gregorian> {
    // chrono's dates are proleptic Gregorian, as ICU's: every valid one converts
    Date::try_new_gregorian(d.year(), d.month() as u8, d.day() as u8)
        .unwrap_or_else(|e| panic!("{d}: {e:?}"))
}

/// The date, long: "24 January 2018" / "2018年1月24日" / "24 يناير 2018".
pub fn long(d: NaiveDate, lang: Lang) -> String {
    LONG[lang.index()].format(&gregorian(d)).to_string()
}

/// Day and month, long: "24 January" / "1月24日".
pub fn day_month(d: NaiveDate, lang: Lang) -> String {
    DAY_MONTH[lang.index()].format(&gregorian(d)).to_string()
}

/// The date with its weekday, abbreviated: "Wed 24 Jan 2018" / "2018年1月24日周三".
pub fn short(d: NaiveDate, lang: Lang) -> String {
    SHORT[lang.index()].format(&gregorian(d)).to_string()
}

/// Day, month and weekday, abbreviated: "Wed 24 Jan" / "1月24日周三".
pub fn short_no_year(d: NaiveDate, lang: Lang) -> String {
    SHORT_NO_YEAR[lang.index()]
        .format(&gregorian(d))
        .to_string()
}

/// A span of days for headings: "15–24 January 2018", "30 January – 2 February 2018",
/// "28 December 2017 – 3 January 2018"; "2018年1月15日至24日", …
pub fn range(first: NaiveDate, last: NaiveDate, lang: Lang) -> String {
    if first == last {
        return long(first, lang);
    }
    let same_year = first.year() == last.year();
    let id = if same_year && first.month() == last.month() {
        "date-range-same-month"
    } else if same_year {
        "date-range-same-year"
    } else {
        "date-range"
    };
    let (first_day, last_day) = (first.day().to_string(), last.day().to_string());
    let (first_long, last_long) = (long(first, lang), long(last, lang));
    let (first_md, last_md) = (day_month(first, lang), day_month(last, lang));
    tr_args(
        lang,
        id,
        &[
            ("first", arg(&first_long)),
            ("last", arg(&last_long)),
            ("first-day", arg(&first_day)),
            ("last-day", arg(&last_day)),
            ("first-month-day", arg(&first_md)),
            ("last-month-day", arg(&last_md)),
        ],
    )
}

/// When an all-day event happens, with weekdays: "Mon 15 Jan – Tue, 23 Jan 2018".
pub fn days(first: NaiveDate, last: NaiveDate, lang: Lang) -> String {
    if first == last {
        return short(first, lang);
    }
    let id = if first.year() == last.year() {
        "days-same-year"
    } else {
        "days"
    };
    let (first_short, last_short) = (short(first, lang), short(last, lang));
    let (first_no_year, last_no_year) = (short_no_year(first, lang), short_no_year(last, lang));
    tr_args(
        lang,
        id,
        &[
            ("first", arg(&first_short)),
            ("last", arg(&last_short)),
            ("first-weekday", arg(&first_no_year)),
            ("last-weekday", arg(&last_no_year)),
        ],
    )
}

/// When a timed event happens, in local wall time: "Mon, 15 Jan 2018, 08:30–09:30".
pub fn times(start: NaiveDateTime, end: NaiveDateTime, lang: Lang) -> String {
    let hm = |t: NaiveDateTime| t.format("%H:%M").to_string();
    let (sd, ed) = (start.date(), end.date());
    let id = if sd == ed {
        "time-same-day"
    } else {
        "time-span"
    };
    let (date, end_date) = (short(sd, lang), short(ed, lang));
    let (from, to) = (hm(start), hm(end));
    tr_args(
        lang,
        id,
        &[
            ("date", arg(&date)),
            ("end-date", arg(&end_date)),
            ("start", arg(&from)),
            ("end", arg(&to)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn long_dates_are_written_as_itu_letters_write_them() {
        let day = d("2018-01-24");
        let want = [
            (Lang::En, "24 January 2018"),
            (Lang::Fr, "24 janvier 2018"),
            (Lang::Es, "24 de enero de 2018"),
            // CLDR puts a narrow no-break space before "г."
            (Lang::Ru, "24 января 2018\u{202f}г."),
            (Lang::Ar, "24 يناير 2018"),
            (Lang::Zh, "2018年1月24日"),
        ];
        for (lang, want) in want {
            assert_eq!(long(day, lang), want, "{lang:?}");
        }
    }

    #[test]
    fn arabic_dates_use_western_digits() {
        for lang in Lang::ALL {
            let text = format!(
                "{} {}",
                range(d("2018-01-15"), d("2018-01-24"), lang),
                days(d("2017-12-28"), d("2018-01-03"), lang)
            );
            assert!(
                !text.chars().any(|c| ('\u{660}'..='\u{669}').contains(&c)),
                "{lang:?}: {text}"
            );
        }
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
            ("2018-01-15", "2018-01-24", Lang::Fr, "15–24 janvier 2018"),
            (
                "2018-01-15",
                "2018-01-24",
                Lang::Es,
                "15–24 de enero de 2018",
            ),
            (
                "2018-01-15",
                "2018-01-24",
                Lang::Ru,
                "15–24 января 2018\u{202f}г.",
            ),
        ];
        for (a, b, lang, want) in cases {
            assert_eq!(range(d(a), d(b), lang), want, "{a}..{b} {lang:?}");
        }
    }

    #[test]
    fn event_times_name_the_weekday() {
        assert_eq!(
            days(d("2018-01-15"), d("2018-01-23"), Lang::En),
            "Mon 15 Jan – Tue, 23 Jan 2018"
        );
        let t = |s: &str| s.parse::<NaiveDateTime>().unwrap();
        assert_eq!(
            times(t("2018-01-15T08:30:00"), t("2018-01-15T09:30:00"), Lang::En),
            "Mon, 15 Jan 2018, 08:30–09:30"
        );
        assert_eq!(
            times(t("2018-12-31T23:00:00"), t("2019-01-01T01:00:00"), Lang::En),
            "Mon, 31 Dec 2018, 23:00 – Tue, 1 Jan 2019, 01:00"
        );
        for lang in Lang::ALL {
            let text = times(t("2018-01-15T08:30:00"), t("2018-01-15T09:30:00"), lang);
            assert!(
                text.contains("08:30") && text.contains("09:30"),
                "{lang:?}: {text}"
            );
        }
    }
}
