//! `GET /overview`: the long-range view. One picture (inline SVG, no script) of the next
//! [`MONTHS`] months with every study group's meetings on one time axis, a row per study group,
//! so that secretariats and delegates see clashes; meetings that overlap a meeting of another
//! study group held elsewhere are striped, and listed in a table below the picture (the same
//! facts in text, for every reader).

use super::i18n;
use super::layout::{Ctx, Page, page};
use crate::i18n::{arg, dates, tr, tr_args};
use crate::links::{lang_query, meeting_path};
use crate::model::{Catalog, Lang, Meeting};
use crate::urls::Route;
use chrono::{Datelike, Months, NaiveDate};
use maud::{Markup, html};

/// How many months the view spans, from the first day of today's month.
pub const MONTHS: u32 = 15;

/// Width of one day, in SVG units (pixels at 100 %).
const DAY: f64 = 2.4;
/// Width of the row labels.
const LABEL: f64 = 72.0;
/// Height of a row.
const ROW: f64 = 26.0;
/// Height of the month axis above the rows (the month, and the year under it).
const AXIS: f64 = 34.0;
/// A meeting's bar.
const FILL: &str = "#0b5cad";
/// A meeting that overlaps another: stripes of this colour.
const CLASH: &str = "#b3261e";

/// The row a meeting is drawn in: its study group (a group it declares that is within none
/// while others are within it), else its first group.
fn row_of(m: &Meeting) -> &str {
    let top = (0..m.groups.len()).find(|&g| m.is_study_group(g));
    top.or((!m.groups.is_empty()).then_some(0))
        .map_or("", |g| m.groups[g].name())
}

/// Whether two meetings are held at the same venue (as their English location says; a meeting
/// without one may be anywhere).
fn same_place(a: &Meeting, b: &Meeting) -> bool {
    match (&a.location, &b.location) {
        (Some(x), Some(y)) => {
            let place = |t: &'_ crate::model::Text| t.get(Lang::En).trim().to_lowercase();
            place(x) == place(y)
        }
        _ => false,
    }
}

/// Orders row names as people count them: `SG2` before `SG11`.
fn natural(name: &str) -> (String, u32, String) {
    let letters: String = name.chars().take_while(|c| !c.is_ascii_digit()).collect();
    let digits: String = name[letters.len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let rest = name[letters.len() + digits.len()..].to_string();
    (letters, digits.parse().unwrap_or(0), rest)
}

/// A meeting in the view: its days and the others it overlaps.
struct Shown<'a> {
    meeting: &'a Meeting,
    first: NaiveDate,
    last: NaiveDate,
    overlaps: Vec<usize>,
}

/// The long-range view on `today`.
pub fn render(catalog: &Catalog, today: NaiveDate, base: &str, lang: Lang) -> String {
    let ctx = Ctx::new(base, lang);
    let from = today.with_day(1).unwrap_or(today);
    let end = from.checked_add_months(Months::new(MONTHS)).unwrap_or(from);
    let through = end.pred_opt().unwrap_or(end);
    let mut shown: Vec<Shown<'_>> = catalog
        .meetings
        .iter()
        .filter_map(|m| {
            let (first, last) = m.held_days()?;
            (last >= from && first <= through).then_some(Shown {
                meeting: m,
                first,
                last,
                overlaps: Vec::new(),
            })
        })
        .collect();
    shown.sort_by(|a, b| (a.first, &a.meeting.id).cmp(&(b.first, &b.meeting.id)));
    // sorted by first day: a meeting can only overlap those that start before it ends. A clash
    // is a meeting of another study group held at the same time somewhere else: a delegate of
    // both cannot be at both. Study groups meet side by side at one venue all the time (ITU's
    // rooms in Geneva), and one study group's meetings at once are its own plan.
    for i in 0..shown.len() {
        for j in i + 1..shown.len() {
            if shown[j].first > shown[i].last {
                break;
            }
            let (a, b) = (shown[i].meeting, shown[j].meeting);
            if row_of(a) != row_of(b) && !same_place(a, b) {
                shown[i].overlaps.push(j);
                shown[j].overlaps.push(i);
            }
        }
    }
    for s in &mut shown {
        s.overlaps.sort_unstable();
    }
    let mut rows: Vec<&str> = shown.iter().map(|s| row_of(s.meeting)).collect();
    rows.sort_by_key(|r| natural(r));
    rows.dedup();

    let (from_text, through_text) = (dates::long(from, lang), dates::long(through, lang));
    let range = [("from", arg(&from_text)), ("through", arg(&through_text))];
    let picture = tr_args(lang, "overview-picture", &range);
    let title = tr(lang, "overview-title");
    let clashes: Vec<&Shown<'_>> = shown.iter().filter(|s| !s.overlaps.is_empty()).collect();
    let main = html! {
        h1 { (title) }
        p.lead { (tr_args(lang, "overview-intro", &range)) }
        @if shown.is_empty() {
            p { (tr(lang, "overview-none")) }
        } @else {
            div.table-wrap.overview-wrap tabindex="0" role="region" aria-label=(picture) {
                (svg(&ctx, &shown, &rows, from, end, today, &picture))
            }
            h2 #clashes-h { (tr(lang, "overview-clashes")) }
            @if clashes.is_empty() {
                p { (tr(lang, "overview-no-clashes")) }
            } @else {
                div.table-wrap {
                    table.clashes aria-labelledby="clashes-h" {
                        thead {
                            tr {
                                th scope="col" { (tr(lang, "overview-col-meeting")) }
                                th scope="col" { (tr(lang, "overview-col-dates")) }
                                th scope="col" { (tr(lang, "overview-col-overlaps")) }
                            }
                        }
                        tbody {
                            @for s in &clashes {
                                tr {
                                    th scope="row" {
                                        a href=(ctx.href(&meeting_path(&s.meeting.id), &lang_query(lang))) {
                                            (super::shown(&s.meeting.title, lang))
                                        }
                                    }
                                    td { time datetime=(s.first.to_string()) { (i18n::date_range(s.first, s.last, lang)) } }
                                    // the study groups it clashes with (each of their
                                    // meetings has its own row, with its dates)
                                    td { (clashes_with(s, &shown).join(", ")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    let path = Route::Overview.path(&[]);
    page(
        &ctx,
        &Page {
            title: &title,
            path: &path,
            query: &lang_query,
        },
        main,
    )
}

/// The study groups whose meetings `s` overlaps, each once, in the order people count them.
fn clashes_with<'a>(s: &Shown<'a>, shown: &[Shown<'a>]) -> Vec<&'a str> {
    let mut rows: Vec<&str> = s
        .overlaps
        .iter()
        .map(|&o| row_of(shown[o].meeting))
        .collect();
    rows.sort_by_key(|r| natural(r));
    rows.dedup();
    rows
}

/// The picture: months across, a row per study group, a bar per meeting (a link to its page).
fn svg(
    ctx: &Ctx<'_>,
    shown: &[Shown<'_>],
    rows: &[&str],
    from: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
    label: &str,
) -> Markup {
    let lang = ctx.lang;
    let x = |d: NaiveDate| LABEL + (d - from).num_days() as f64 * DAY;
    let width = x(end) + 4.0;
    let height = AXIS + ROW * rows.len() as f64 + 4.0;
    let months: Vec<NaiveDate> = (0..MONTHS)
        .filter_map(|k| from.checked_add_months(Months::new(k)))
        .collect();
    let row_y = |name: &str| AXIS + ROW * rows.iter().position(|r| *r == name).unwrap_or(0) as f64;
    let n = |v: f64| format!("{v:.1}");
    html! {
        svg xmlns="http://www.w3.org/2000/svg" role="group" aria-label=(label) dir="ltr"
            width=(n(width)) height=(n(height)) viewBox=(format!("0 0 {} {}", n(width), n(height))) {
            defs {
                pattern #stripes patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)" {
                    rect width="6" height="6" fill="#fff" {}
                    rect width="3" height="6" fill=(CLASH) {}
                }
            }
            @for (k, m) in months.iter().enumerate() {
                line x1=(n(x(*m))) x2=(n(x(*m))) y1="0" y2=(n(height)) stroke="#d0d7de" {}
                text x=(n(x(*m) + 3.0)) y="14" font-size="12" fill="#1a1a1a" { (dates::month_short(*m, lang)) }
                @if k == 0 || m.month() == 1 {
                    text x=(n(x(*m) + 3.0)) y="28" font-size="12" fill="#1a1a1a" { (m.year()) }
                }
            }
            @for (i, r) in rows.iter().enumerate() {
                text x="4" y=(n(AXIS + ROW * i as f64 + 17.0)) font-size="13" fill="#1a1a1a" { (r) }
            }
            @if today >= from && today < end {
                line x1=(n(x(today))) x2=(n(x(today))) y1=(n(AXIS)) y2=(n(height)) stroke="#1a1a1a" stroke-dasharray="3 3" {}
            }
            @for s in shown {
                @let first = s.first.max(from);
                @let last = s.last.min(end);
                @let w = ((last - first).num_days() + 1) as f64 * DAY;
                @let clash = !s.overlaps.is_empty();
                @let name = format!("{}, {}", s.meeting.title.get(lang), dates::range(s.first, s.last, lang));
                // the title names the link (SVG-AAM) and is its tooltip
                a href=(ctx.href(&meeting_path(&s.meeting.id), &lang_query(lang))) {
                    title { (name) }
                    rect x=(n(x(first))) y=(n(row_y(row_of(s.meeting)) + 5.0)) width=(n(w.max(DAY))) height="16"
                        fill=(if clash { "url(#stripes)" } else { FILL })
                        stroke=(if clash { CLASH } else { FILL }) {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_ordered_as_people_count() {
        let mut rows = vec!["SG20", "SG2", "TSAG", "SG11", "SG3"];
        rows.sort_by_key(|r| natural(r));
        assert_eq!(rows, ["SG2", "SG3", "SG11", "SG20", "TSAG"]);
    }
}
