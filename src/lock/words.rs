//! A change of an event, told in one sentence per language, from the event as the lock had it
//! and as the data has it now: the `change-*` messages, with titles from the data and dates as
//! each language writes them ([`crate::i18n::dates`]).

use super::{Facts, Slot};
use crate::i18n::{arg, dates, tr_args};
use crate::model::{Lang, Status, Text};

/// When a slot is, as the pages write it: "Mon, 15 Jan 2018, 08:30–09:30", "Wed 24 Jan 2018".
pub fn when(slot: Slot, lang: Lang) -> String {
    match slot {
        Slot::Days { first, last } => dates::days(first, last, lang),
        Slot::Times { start, end } => dates::times(start, end, lang),
    }
}

/// The same message in every language, each with its own values.
fn every_language(id: &str, values: impl Fn(Lang) -> Vec<(&'static str, String)>) -> Text {
    let say = |lang: Lang| {
        let values = values(lang);
        let args: Vec<_> = values.iter().map(|(k, v)| (*k, arg(v))).collect();
        tr_args(lang, id, &args)
    };
    Lang::ALL
        .into_iter()
        .filter(|&l| l != Lang::En)
        .fold(Text::new(&say(Lang::En)), |t, l| t.with(l, &say(l)))
}

/// The title and time of an event in `lang`.
fn title_when(f: &Facts, lang: Lang) -> Vec<(&'static str, String)> {
    vec![
        ("title", f.title.get(lang).to_string()),
        ("when", when(f.when, lang)),
    ]
}

/// "New: “Q4/20 session”, Fri, 19 Jan 2018, 09:30–12:30".
pub fn added(f: &Facts) -> Text {
    every_language("change-added", |l| title_when(f, l))
}

/// "Cancelled: “Q3/20 session”, Thu, 18 Jan 2018, 09:30–12:30".
pub fn cancelled(f: &Facts) -> Text {
    every_language("change-cancelled", |l| title_when(f, l))
}

/// An event back in the data after it was removed.
pub fn restored(f: &Facts) -> Text {
    every_language("change-restored", |l| title_when(f, l))
}

/// The one sentence for an event that changed from `a` to `b`: what matters most to a delegate
/// first (cancelled, back, moved in time, moved in place, confirmed or not, renamed, details).
pub fn changed(a: &Facts, b: &Facts) -> Text {
    let place = |f: &Facts, lang: Lang| {
        f.location
            .as_ref()
            .map_or(String::new(), |t| t.get(lang).to_string())
    };
    if b.status == Status::Cancelled && a.status != Status::Cancelled {
        return cancelled(b);
    }
    if a.status == Status::Cancelled && b.status != Status::Cancelled {
        return restored(b);
    }
    if a.when != b.when {
        let moved_place = a.location != b.location;
        let at = |f: &Facts, lang: Lang| {
            let w = when(f.when, lang);
            if moved_place && f.location.is_some() {
                let p = place(f, lang);
                let args = [("when", arg(&w)), ("place", arg(&p))];
                tr_args(lang, "change-at-place", &args)
            } else {
                w
            }
        };
        return every_language("change-moved", |l| {
            vec![
                ("title", b.title.get(l).to_string()),
                ("from", at(a, l)),
                ("to", at(b, l)),
            ]
        });
    }
    if a.location != b.location {
        return every_language("change-relocated", |l| {
            let mut v = title_when(b, l);
            v.push(("from", place(a, l)));
            v.push(("to", place(b, l)));
            v
        });
    }
    if a.status != b.status {
        let id = match b.status {
            Status::Tentative => "change-tentative",
            _ => "change-confirmed",
        };
        return every_language(id, |l| title_when(b, l));
    }
    if a.title != b.title {
        return every_language("change-renamed", |l| {
            vec![
                ("from", a.title.get(l).to_string()),
                ("to", b.title.get(l).to_string()),
                ("when", when(b.when, l)),
            ]
        });
    }
    every_language("change-details", |l| title_when(b, l))
}
