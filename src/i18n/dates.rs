//! Dates as each language writes them: month and weekday names and the order of day, month and
//! year from CLDR (ICU4X, compiled-in data, Gregorian calendar); how two dates make a span
//! ("15–24 January 2018", "2018年1月15日至24日") from the `date-*`, `days-*` and `time-*`
//! messages. Times of day are written `09:30` in every language, as ITU's letters write them.

use super::{Lang, arg, tr_args};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{M, MD, MDE, YM, YMD, YMDE};
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

/// "January 2018", "janvier 2018", "2018年1月", "يناير 2018", …
static MONTH_YEAR: PerLang<YM> = formatters!(YM::long());
static MONTH_SHORT: PerLang<M> = formatters!(M::medium());

/// Every name CLDR gives each month in each language, lowercase, longest first: the forms used
/// in a date (Russian "января") and alone ("январь"), wide and abbreviated ("janvier",
/// "janv."). Read back from the formatters above rather than written out, so that a letter is
/// read with the same names the feeds are written with.
static MONTH_NAMES: LazyLock<Vec<Vec<(String, u32)>>> = LazyLock::new(|| {
    let in_date_long: PerLang<MD> = formatters!(MD::long());
    let in_date_short: PerLang<MD> = formatters!(MD::medium());
    let alone_long: PerLang<M> = formatters!(M::long());
    let alone_short: PerLang<M> = formatters!(M::medium());
    Lang::ALL
        .iter()
        .map(|&lang| {
            let i = lang.index();
            let mut names: Vec<(String, u32)> = Vec::new();
            let forms: [Vec<String>; 4] = [
                months_as(|d| in_date_long[i].format(&d).to_string()),
                months_as(|d| in_date_short[i].format(&d).to_string()),
                months_as(|d| alone_long[i].format(&d).to_string()),
                months_as(|d| alone_short[i].format(&d).to_string()),
            ];
            for form in forms {
                for (m, name) in strip_common(&form).into_iter().enumerate() {
                    let name = name.trim().to_lowercase();
                    let month = m as u32 + 1;
                    if !name.is_empty() && !names.contains(&(name.clone(), month)) {
                        names.push((name, month));
                    }
                }
            }
            names.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.cmp(b)));
            names
        })
        .collect()
});

/// The 15th of each month of 2001 as `format` writes it.
fn months_as(format: impl Fn(Date<Gregorian>) -> String) -> Vec<String> {
    (1..=12u8)
        .map(|m| {
            let d = Date::try_new_gregorian(2001, m, 15).unwrap_or_else(|e| panic!("{m}: {e:?}"));
            format(d)
        })
        .collect()
}

/// The parts of `texts` that differ: what the twelve months share before and after the name
/// ("15 ", "15 de ") is removed.
fn strip_common(texts: &[String]) -> Vec<String> {
    let chars: Vec<Vec<char>> = texts.iter().map(|t| t.chars().collect()).collect();
    let shortest = chars.iter().map(Vec::len).min().unwrap_or(0);
    let same = |at: &dyn Fn(&Vec<char>) -> char| chars.iter().all(|c| at(c) == at(&chars[0]));
    let prefix = (0..shortest).take_while(|&i| same(&|c| c[i])).count();
    let suffix = (0..shortest - prefix)
        .take_while(|&i| same(&|c| c[c.len() - 1 - i]))
        .count();
    chars
        .iter()
        .map(|c| c[prefix..c.len() - suffix].iter().collect())
        .collect()
}

/// The names of the months in `lang`, lowercase, longest first, with their numbers (1–12): for
/// reading dates in letters. Chinese months are numbers (`1月`), so Chinese has none.
pub fn month_names(lang: Lang) -> &'static [(String, u32)] {
    let names = &MONTH_NAMES[lang.index()];
    // CLDR's Chinese months are "1月" … "12月": numbers, read by the Chinese rules
    if names
        .iter()
        .any(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
    {
        return &[];
    }
    names
}

/// Month and year: "January 2018" / "2018年1月" / "يناير 2018" (CLDR's abbreviated Arabic form
/// is numeric).
pub fn month_year(d: NaiveDate, lang: Lang) -> String {
    MONTH_YEAR[lang.index()].format(&gregorian(d)).to_string()
}

/// The month alone, abbreviated, for an axis: "Dec" / "12月" / "déc.".
pub fn month_short(d: NaiveDate, lang: Lang) -> String {
    MONTH_SHORT[lang.index()].format(&gregorian(d)).to_string()
}

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
    fn months_for_an_axis_are_short_in_every_language() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let got: Vec<String> = Lang::ALL.iter().map(|&l| month_short(d, l)).collect();
        assert_eq!(got, ["ديسمبر", "12月", "Dec", "déc.", "дек.", "dic"]);
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
    fn month_names_come_from_cldr_in_every_form_letters_write() {
        let month = |lang: Lang, name: &str| {
            month_names(lang)
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, m)| *m)
        };
        assert_eq!(month(Lang::En, "january"), Some(1));
        assert_eq!(month(Lang::En, "sept"), Some(9));
        assert_eq!(month(Lang::Fr, "décembre"), Some(12));
        assert_eq!(month(Lang::Fr, "févr."), Some(2));
        assert_eq!(month(Lang::Es, "septiembre"), Some(9));
        // in a date and alone
        assert_eq!(month(Lang::Ru, "января"), Some(1));
        assert_eq!(month(Lang::Ru, "январь"), Some(1));
        assert_eq!(month(Lang::Ar, "يناير"), Some(1));
        assert!(month_names(Lang::Zh).is_empty());
        for lang in [Lang::En, Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar] {
            for m in 1..=12 {
                assert!(
                    month_names(lang).iter().any(|(_, n)| *n == m),
                    "{lang:?}: no name for month {m}"
                );
            }
            let names = month_names(lang);
            assert!(
                names
                    .windows(2)
                    .all(|w| w[0].0.chars().count() >= w[1].0.chars().count()),
                "{lang:?}: not longest first"
            );
        }
        assert_eq!(month_year(d("2018-01-24"), Lang::En), "January 2018");
        assert_eq!(month_year(d("2018-01-24"), Lang::Ar), "يناير 2018");
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
