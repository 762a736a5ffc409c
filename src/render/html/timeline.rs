//! A small picture of a meeting on one time axis: each group's meeting as a bar, the deadlines
//! before them as numbered marks. An inline SVG without script, labelled with `<title>` and
//! `<desc>`; the same facts follow as text, so that nothing is only in the picture.

use crate::i18n::{dates, tr, tr_args};
use crate::model::{Event, Kind, Lang, Meeting, When};
use chrono::{Datelike, NaiveDate};
use maud::{Markup, html};

/// Width of the drawing (user units; it scales to its box).
const W: f64 = 720.0;
/// Width of the lane labels on the left.
const LABEL: f64 = 84.0;
/// Height of one lane.
const LANE: f64 = 22.0;

/// The first and last day an event covers.
fn span(e: &Event) -> (NaiveDate, NaiveDate) {
    match &e.when {
        When::AllDay { first, last } => (*first, *last),
        When::Timed { start, end, .. } => (start.date(), end.date()),
    }
}

/// The timeline section of a meeting page; nothing when the meeting has no event of kind
/// `meeting` (there is then no axis to draw on).
pub fn section(meeting: &Meeting, lang: Lang) -> Markup {
    let bars: Vec<&Event> = meeting
        .events
        .iter()
        .filter(|e| e.kind == Kind::Meeting)
        .collect();
    let deadlines: Vec<&Event> = meeting
        .events
        .iter()
        .filter(|e| e.kind == Kind::Deadline)
        .collect();
    let Some(first) = bars.iter().chain(&deadlines).map(|e| span(e).0).min() else {
        return html! {};
    };
    if bars.is_empty() {
        return html! {};
    }
    let last = bars
        .iter()
        .chain(&deadlines)
        .map(|e| span(e).1)
        .max()
        .unwrap_or(first);
    // one day more than the last, so that the last day's bar has a width
    let days = (last - first).num_days() as f64 + 1.0;
    let x = |d: NaiveDate| LABEL + (W - LABEL - 8.0) * ((d - first).num_days() as f64) / days;
    let day_w = (W - LABEL - 8.0) / days;
    let top = 18.0;
    let height = top + LANE * (bars.len() as f64 + 1.0) + 26.0;
    let axis_y = top + LANE * (bars.len() as f64 + 1.0);
    // a tick on the first of each month within the span
    let mut ticks = Vec::new();
    let mut m = NaiveDate::from_ymd_opt(first.year(), first.month(), 1).unwrap_or(first);
    while m <= last {
        if m >= first {
            ticks.push(m);
        }
        m = m
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(last.succ_opt().unwrap_or(last));
        if ticks.len() > 24 {
            break;
        }
    }
    let title = tr_args(
        lang,
        "timeline-title",
        &[("meeting", crate::i18n::arg(&meeting.title.get(lang)))],
    );
    let desc = tr(lang, "timeline-desc");
    let label_of = |e: &Event| -> String {
        let names: Vec<&str> = meeting.groups_of(e).map(|g| g.name()).collect();
        if names.is_empty() {
            e.key.clone()
        } else {
            names.join("+")
        }
    };
    let id = &meeting.id;
    html! {
        section aria-labelledby="timeline-h" {
            h2 #timeline-h { (tr(lang, "timeline-heading")) }
            figure.timeline {
                // SVG text takes its direction from the page: in Arabic, x=0 would be its right
                // end and the labels would stick out on the left
                svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {W} {height:.0}"))
                    role="img" aria-labelledby=(format!("tl-title-{id} tl-desc-{id}")) direction="ltr"
                    font-family="sans-serif" font-size="11" {
                    title id=(format!("tl-title-{id}")) { (title) }
                    desc id=(format!("tl-desc-{id}")) { (desc) }
                    text x="0" y=(format!("{:.1}", top + LANE * 0.5 + 4.0)) { (tr(lang, "meeting-deadlines")) }
                    @for (i, e) in deadlines.iter().enumerate().filter(|(i, e)| !deadlines[..*i].iter().any(|d| span(d).0 == span(e).0)) {
                        @let cx = x(span(e).0) + day_w / 2.0;
                        // deadlines on one day share a mark: "2, 3"
                        @let numbers: Vec<String> = deadlines.iter().enumerate().skip(i).filter(|(_, d)| span(d).0 == span(e).0).map(|(j, _)| (j + 1).to_string()).collect();
                        @let cy = top + LANE * 0.5;
                        line x1=(format!("{cx:.1}")) x2=(format!("{cx:.1}")) y1=(format!("{cy:.1}")) y2=(format!("{axis_y:.1}"))
                            stroke="#b38600" stroke-dasharray="3 3" {}
                        path d=(format!("M{cx:.1} {:.1} l6 6 l-6 6 l-6 -6 z", cy - 6.0)) fill="#b38600" {}
                        text x=(format!("{:.1}", cx + 8.0)) y=(format!("{:.1}", cy - 2.0)) { (numbers.join(", ")) }
                    }
                    @for (row, e) in bars.iter().enumerate() {
                        @let (a, b) = span(e);
                        @let y = top + LANE * (row as f64 + 1.0);
                        text x="0" y=(format!("{:.1}", y + LANE * 0.5 + 4.0)) { (label_of(e)) }
                        rect x=(format!("{:.1}", x(a))) y=(format!("{:.1}", y + 4.0))
                            width=(format!("{:.1}", (x(b) - x(a) + day_w).max(2.0))) height=(format!("{:.1}", LANE - 8.0))
                            fill="#0b5cad" rx="2" {}
                    }
                    line x1=(LABEL) x2=(W - 8.0) y1=(format!("{axis_y:.1}")) y2=(format!("{axis_y:.1}")) stroke="#555" {}
                    @for t in &ticks {
                        @let tx = x(*t);
                        line x1=(format!("{tx:.1}")) x2=(format!("{tx:.1}")) y1=(format!("{axis_y:.1}")) y2=(format!("{:.1}", axis_y + 5.0)) stroke="#555" {}
                        text x=(format!("{:.1}", tx + 2.0)) y=(format!("{:.1}", axis_y + 17.0)) { (dates::day_month(*t, lang)) }
                    }
                }
                figcaption {
                    @if !deadlines.is_empty() {
                        h3 { (tr(lang, "meeting-deadlines")) }
                        ol.timeline-deadlines {
                            @for e in &deadlines {
                                li { (super::meeting::when(meeting, e, lang)) " – " (super::shown(&e.title, lang)) }
                            }
                        }
                    }
                    h3 { (tr(lang, "kind-meetings")) }
                    ul.timeline-meetings {
                        @for e in &bars {
                            li { (super::meeting::when(meeting, e, lang)) " – " (super::shown(&e.title, lang)) }
                        }
                    }
                }
            }
        }
    }
}
