//! RFC 5545 `VTIMEZONE` components derived from tzdb (via `chrono-tz`).
//!
//! Every `TZID` a feed uses must be defined by a `VTIMEZONE` in the same
//! calendar: Outlook refuses or mis-shifts events without one, and Google,
//! ical.js and libical only fall back to their own database when the `TZID`
//! happens to be a name they know. Clients are also picky about the *shape*:
//! Outlook collapses a zone to one yearly switch each way, so a zone must be
//! written in "yearly `RRULE`" form (one `DAYLIGHT` and one `STANDARD`
//! sub-component per period of constant rules), never as a list of `RDATE`s.
//!
//! The component is computed from tzdb at run time instead of being pasted
//! from some other generator, so it always agrees with the offsets
//! `chrono-tz` uses to place the events themselves. The output is a pure
//! function of the zone and the year range, and it is only claimed to be
//! correct for the local years requested (plus one year of slack either side
//! for events near the year ends).

use std::fmt::Write as _;
use std::ops::RangeInclusive;

use chrono::{
    DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Weekday,
};
use chrono_tz::{OffsetComponents, OffsetName, Tz, TzOffset};

/// Year range accepted; anything outside is clamped. `chrono-tz` carries
/// rule-generated transitions up to 2099 only, so later years come out
/// without DST — which is still what `chrono-tz` uses for the events.
const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2200;

/// Year in which rules that hold through the whole span start, so the bytes
/// do not depend on the requested years (and match what other generators and
/// clients' built-in definitions use).
const BASE_YEAR: i32 = 1970;

/// Coarse scan step. Bisection finds a change exactly as long as the offset
/// does not change and change back within one step; in `chrono-tz` 0.10.4
/// (tzdb 2025b) no two transitions of any zone are closer than 166 hours, so
/// a daily probe leaves a wide margin.
const SCAN_STEP_SECS: i64 = SECS_PER_DAY;

/// Writes `BEGIN:VTIMEZONE` … `END:VTIMEZONE` for `tz`, valid for every instant in the
/// local years `years` (inclusive), each line ending in CRLF, lines unfolded (all are short ASCII).
///
/// Years are clamped to 1900..=2200; an empty range is treated as its start year.
///
/// Cost: one tzdb lookup (a binary search) per day of the scanned span — the
/// requested years plus one on each side — and ~17 more per transition. For a
/// 3-year request that is ~2,000 lookups: about 55 µs in a release build and
/// 0.3 ms in a debug build (measured for `Europe/Zurich` and `America/New_York`);
/// the result is kept, so each (zone, years) is computed once per process.
pub fn vtimezone(tz: Tz, years: RangeInclusive<i32>) -> String {
    let first = (*years.start()).clamp(MIN_YEAR, MAX_YEAR);
    let last = (*years.end()).clamp(MIN_YEAR, MAX_YEAR).max(first);
    let key = (tz, first, last);
    if let Some(hit) = memo().read().ok().and_then(|m| m.get(&key).cloned()) {
        return hit;
    }
    let text = compute(tz, first, last);
    if let Ok(mut m) = memo().write() {
        // a few zones and spans in practice; a bound all the same
        if m.len() >= MEMO_ENTRIES {
            m.clear();
        }
        m.insert(key, text.clone());
    }
    text
}

/// Most (zone, years) results [`vtimezone`] keeps.
const MEMO_ENTRIES: usize = 1024;

/// [`vtimezone`]'s results by (zone, first year, last year).
type Memo = std::sync::RwLock<std::collections::HashMap<(Tz, i32, i32), String>>;

/// [`vtimezone`]'s results: the same arguments always give the same text, and every feed and
/// single-event file of a meeting asks for the same one (a 2,000-meeting export asks 150,000
/// times).
fn memo() -> &'static Memo {
    static MEMO: std::sync::OnceLock<Memo> = std::sync::OnceLock::new();
    MEMO.get_or_init(Default::default)
}

/// [`vtimezone`] for clamped years `first..=last`.
fn compute(tz: Tz, first: i32, last: i32) -> String {
    let span = Span::new(first - 1, last + 1);
    let transitions = find_transitions(tz, &span);
    let observances = plan_observances(tz, &span, &transitions);
    render(tz, &observances)
}

/// The scanned interval in UTC seconds. It runs from a day before UTC
/// midnight starting the first year to a day after UTC midnight ending the
/// last one: that slack exceeds every UTC offset, so the whole local years
/// are inside whatever the zone (a transition right at local New Year
/// included), and it costs nothing in correctness to look a little wider.
struct Span {
    start: i64,
    end: i64,
    first_year: i32,
}

impl Span {
    fn new(first_year: i32, last_year: i32) -> Self {
        Span {
            start: utc_new_year(first_year) - SECS_PER_DAY,
            end: utc_new_year(last_year + 1) + SECS_PER_DAY,
            first_year,
        }
    }
}

const SECS_PER_DAY: i64 = 86_400;

fn utc_new_year(year: i32) -> i64 {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .unwrap_or_default()
        .and_time(NaiveTime::MIN)
        .and_utc()
        .timestamp()
}

fn offset_at(tz: Tz, ts: i64) -> TzOffset {
    // Timestamps here come from clamped years (1898..=2202), always in
    // chrono's range; the default (the epoch) is unreachable.
    let utc = DateTime::from_timestamp(ts, 0).unwrap_or_default();
    tz.offset_from_utc_datetime(&utc.naive_utc())
}

fn total_secs(offset: &TzOffset) -> i32 {
    offset.fix().local_minus_utc()
}

/// What a client sees of an offset: total UTC offset and its abbreviation.
fn visible(offset: &TzOffset) -> (i32, String) {
    (total_secs(offset), tz_name(offset))
}

/// The abbreviation tzdb gives, or tzdb's numeric form (`+04`, `+0530`)
/// where it has none, which is what `chrono-tz` leaves as `None`.
fn tz_name(offset: &TzOffset) -> String {
    if let Some(name) = offset.abbreviation() {
        return name.to_owned();
    }
    let secs = total_secs(offset);
    let sign = if secs < 0 { '-' } else { '+' };
    let abs = secs.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs % 3600 / 60, abs % 60);
    match (m, s) {
        (0, 0) => format!("{sign}{h:02}"),
        (_, 0) => format!("{sign}{h:02}{m:02}"),
        _ => format!("{sign}{h:02}{m:02}{s:02}"),
    }
}

/// A change of the visible offset at `at` (UTC seconds, first instant of `after`).
#[derive(Clone, Copy)]
struct Transition {
    at: i64,
    before: TzOffset,
    after: TzOffset,
}

impl Transition {
    /// Wall-clock time at the transition, read in the offset before it —
    /// what `DTSTART` of a `STANDARD`/`DAYLIGHT` sub-component means.
    fn local_before(&self) -> NaiveDateTime {
        naive_local(self.at, total_secs(&self.before))
    }

    fn kind(&self) -> Kind {
        Kind {
            daylight: is_daylight(&self.before, &self.after),
            from: total_secs(&self.before),
            to: total_secs(&self.after),
            name: tz_name(&self.after),
        }
    }
}

fn naive_local(utc_ts: i64, offset_secs: i32) -> NaiveDateTime {
    DateTime::from_timestamp(utc_ts + i64::from(offset_secs), 0)
        .unwrap_or_default()
        .naive_utc()
}

/// `DAYLIGHT` when the new offset carries DST. tzdb also has *negative* DST
/// (Europe/Dublin's winter GMT, Africa/Casablanca's Ramadan +00): there the
/// period with zero DST is the one ahead of the other, so leaving negative
/// DST counts as entering daylight time — the same reading as tzdb's
/// "rearguard" format and Windows ("GMT Standard Time" has summer DST).
fn is_daylight(before: &TzOffset, after: &TzOffset) -> bool {
    let dst_after = after.dst_offset().num_seconds();
    dst_after > 0 || (dst_after == 0 && before.dst_offset().num_seconds() < 0)
}

/// Scans the span day by day and bisects each change to the exact second.
/// Changes that leave both the total offset and the abbreviation as they
/// were (tzdb re-splitting base and DST, e.g. Moscow's 2011 bookkeeping) are
/// invisible to clients and dropped.
fn find_transitions(tz: Tz, span: &Span) -> Vec<Transition> {
    let mut transitions = Vec::new();
    let mut t = span.start;
    let mut current = offset_at(tz, t);
    while t < span.end {
        let probe = (t + SCAN_STEP_SECS).min(span.end);
        if offset_at(tz, probe) == current {
            t = probe;
            continue;
        }
        // Invariant: offset(lo) == current, offset(hi) != current.
        let (mut lo, mut hi) = (t, probe);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if offset_at(tz, mid) == current {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let after = offset_at(tz, hi);
        if hi < span.end && visible(&after) != visible(&current) {
            transitions.push(Transition {
                at: hi,
                before: current,
                after,
            });
        }
        current = after;
        t = hi;
    }
    transitions
}

/// Everything a sub-component states besides its dates; transitions sharing
/// a `Kind` can be one recurring sub-component.
#[derive(Clone, PartialEq, Eq)]
struct Kind {
    daylight: bool,
    from: i32,
    to: i32,
    name: String,
}

/// Which day of the month a yearly rule picks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DayRule {
    /// Last such weekday (`BYDAY=-1SU`).
    Last(Weekday),
    /// n-th such weekday, 1..=4 (`BYDAY=2SU`).
    Nth(u8, Weekday),
    /// Fixed day of the month (`BYMONTHDAY=21`).
    MonthDay(u32),
}

/// A yearly recurrence: the month, the day rule and the local wall time
/// (in the offset before the transition).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Rule {
    month: u32,
    day: DayRule,
    time: NaiveTime,
}

impl Rule {
    fn date_in(&self, year: i32) -> Option<NaiveDate> {
        match self.day {
            DayRule::MonthDay(d) => NaiveDate::from_ymd_opt(year, self.month, d),
            DayRule::Nth(n, weekday) => {
                NaiveDate::from_weekday_of_month_opt(year, self.month, weekday, n)
            }
            DayRule::Last(weekday) => {
                let last = last_day_of_month(year, self.month)?;
                let back = (7 + last.weekday().num_days_from_monday()
                    - weekday.num_days_from_monday())
                    % 7;
                last.checked_sub_days(Days::new(u64::from(back)))
            }
        }
    }

    /// The rule's occurrence in `year` as a UTC timestamp, given the offset
    /// in effect before it.
    fn utc_in(&self, year: i32, from: i32) -> Option<i64> {
        let local = self.date_in(year)?.and_time(self.time);
        Some(local.and_utc().timestamp() - i64::from(from))
    }
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// The day rules a single date satisfies, in order of preference: "last"
/// (what tzdb's `lastSun` rules are), then the n-th weekday, then a fixed
/// month day. A run of transitions keeps the ones all its dates satisfy.
fn day_candidates(date: NaiveDate) -> Vec<DayRule> {
    let weekday = date.weekday();
    let day = date.day();
    let days_in_month = last_day_of_month(date.year(), date.month()).map_or(31, |d| d.day());
    let mut candidates = Vec::with_capacity(3);
    if day + 7 > days_in_month {
        candidates.push(DayRule::Last(weekday));
    }
    // BYDAY=5SU exists in RFC 5545 but not in every month or client.
    if let Ok(nth @ 1..=4) = u8::try_from((day - 1) / 7 + 1) {
        candidates.push(DayRule::Nth(nth, weekday));
    }
    candidates.push(DayRule::MonthDay(day));
    candidates
}

/// Transitions of one `Kind` on consecutive years that one yearly rule
/// reproduces exactly (`rule` is `None` for a lone transition: a single
/// date says nothing about a rule, so it is written without `RRULE`).
struct Run {
    kind: Kind,
    transitions: Vec<Transition>,
    rule: Option<Rule>,
}

/// Splits the transitions into runs: per kind, in time order, a run grows
/// while the next transition is in the next local year, in the same month
/// at the same wall time, and some day rule still fits every date.
fn build_runs(transitions: &[Transition]) -> Vec<Run> {
    let mut by_kind: Vec<(Kind, Vec<Transition>)> = Vec::new();
    for t in transitions {
        let kind = t.kind();
        match by_kind.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, list)) => list.push(*t),
            None => by_kind.push((kind, vec![*t])),
        }
    }

    let mut runs = Vec::new();
    for (kind, list) in by_kind {
        let mut current: Vec<Transition> = Vec::new();
        let mut candidates: Vec<DayRule> = Vec::new();
        for t in list {
            let local = t.local_before();
            let extends = current.last().is_some_and(|prev| {
                let prev_local = prev.local_before();
                prev_local.year() + 1 == local.year()
                    && prev_local.month() == local.month()
                    && prev_local.time() == local.time()
            });
            let next_candidates = day_candidates(local.date());
            let common: Vec<DayRule> = candidates
                .iter()
                .copied()
                .filter(|c| next_candidates.contains(c))
                .collect();
            if extends && !common.is_empty() {
                current.push(t);
                candidates = common;
            } else {
                if !current.is_empty() {
                    runs.push(close_run(&kind, std::mem::take(&mut current), &candidates));
                }
                current.push(t);
                candidates = next_candidates;
            }
        }
        if !current.is_empty() {
            runs.push(close_run(&kind, current, &candidates));
        }
    }
    runs
}

fn close_run(kind: &Kind, transitions: Vec<Transition>, candidates: &[DayRule]) -> Run {
    let rule = match (transitions.as_slice(), candidates.first()) {
        ([first, _, ..], Some(day)) => {
            let local = first.local_before();
            Some(Rule {
                month: local.month(),
                day: *day,
                time: local.time(),
            })
        }
        _ => None,
    };
    Run {
        kind: kind.clone(),
        transitions,
        rule,
    }
}

/// One `STANDARD` or `DAYLIGHT` sub-component, ready to print.
struct Observance {
    kind: Kind,
    dtstart: NaiveDateTime,
    /// Yearly rule and, when the rule stops inside the span, the UTC
    /// instant of its last occurrence.
    rrule: Option<(Rule, Option<i64>)>,
    /// Output position: see `plan_observances`.
    order: (u8, u8, i64),
}

/// Turns runs into sub-components and makes the state at the span start
/// right. Clients take the offset in effect at an instant from the latest
/// onset before it, so every in-span transition is an onset exactly once,
/// and the instants before the first in-span transition need an onset
/// before the span with the right offset. That is either
/// - the runs that already recur from the first span year, started in 1970
///   (byte-stable, and what other generators emit), provided the latest
///   of their pre-span occurrences lands on the offset tzdb has at the span
///   start; or
/// - otherwise an extra sub-component at 1970-01-01 fixing that offset
///   (also the whole answer for zones without transitions in the span).
fn plan_observances(tz: Tz, span: &Span, transitions: &[Transition]) -> Vec<Observance> {
    let runs = build_runs(transitions);
    let base_year = BASE_YEAR.min(span.first_year - 1);

    // Runs whose rule, taken one year further back, falls before the span:
    // starting them in the base year adds onsets before the span only.
    let extendable = |run: &Run| -> Option<(Rule, i64)> {
        let rule = run.rule?;
        let first = run.transitions.first()?;
        let previous = rule.utc_in(first.local_before().year() - 1, run.kind.from)?;
        rule.date_in(base_year)?;
        (previous < span.start).then_some((rule, previous))
    };
    let mut latest_before_span: Option<(i64, &Kind)> = None;
    let mut tie = false;
    for run in &runs {
        if let Some((_, previous)) = extendable(run) {
            match latest_before_span {
                Some((at, _)) if at == previous => tie = true,
                Some((at, _)) if at > previous => {}
                _ => {
                    latest_before_span = Some((previous, &run.kind));
                    tie = false;
                }
            }
        }
    }
    let at_start = visible(&offset_at(tz, span.start));
    let extend = !tie
        && latest_before_span.is_some_and(|(_, kind)| (kind.to, kind.name.clone()) == at_start);

    let mut observances = Vec::new();
    if !extend {
        let offset = offset_at(tz, span.start);
        let (secs, name) = visible(&offset);
        observances.push(Observance {
            kind: Kind {
                daylight: offset.dst_offset().num_seconds() > 0,
                from: secs,
                to: secs,
                name,
            },
            dtstart: NaiveDate::from_ymd_opt(base_year, 1, 1)
                .unwrap_or_default()
                .and_time(NaiveTime::MIN),
            rrule: None,
            order: (0, 0, i64::MIN),
        });
    }
    for run in runs {
        let (Some(first), Some(last)) = (run.transitions.first(), run.transitions.last()) else {
            continue;
        };
        let until = run.rule.map(|rule| {
            let next = rule.utc_in(last.local_before().year() + 1, run.kind.from);
            // Open-ended only if the rule's next occurrence is already past
            // the span; otherwise it must stop at its last real transition.
            match next {
                Some(next) if next >= span.end => None,
                _ => Some(last.at),
            }
        });
        let extended = if extend { extendable(&run) } else { None };
        let (dtstart, order) = match (extended, run.rule) {
            (Some((rule, _)), _) => {
                let date = rule.date_in(base_year).unwrap_or_default();
                let dtstart = date.and_time(rule.time);
                let utc = dtstart.and_utc().timestamp() - i64::from(run.kind.from);
                (dtstart, (0, u8::from(!run.kind.daylight), utc))
            }
            _ => (first.local_before(), (1, 0, first.at)),
        };
        observances.push(Observance {
            dtstart,
            rrule: run.rule.zip(until),
            order,
            kind: run.kind,
        });
    }
    observances.sort_by_key(|o| o.order);
    observances
}

fn render(tz: Tz, observances: &[Observance]) -> String {
    let mut out = String::with_capacity(160 + 200 * observances.len());
    let mut line = |text: &str| {
        out.push_str(text);
        out.push_str("\r\n");
    };
    line("BEGIN:VTIMEZONE");
    line(&format!("TZID:{}", tz.name()));
    // Evolution (libical) looks the zone up by this property.
    line(&format!("X-LIC-LOCATION:{}", tz.name()));
    for o in observances {
        let component = if o.kind.daylight {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        line(&format!("BEGIN:{component}"));
        line(&format!("TZOFFSETFROM:{}", format_offset(o.kind.from)));
        line(&format!("TZOFFSETTO:{}", format_offset(o.kind.to)));
        line(&format!("TZNAME:{}", o.kind.name));
        let dtstart = o.dtstart.format("%Y%m%dT%H%M%S");
        line(&format!("DTSTART:{dtstart}"));
        match &o.rrule {
            Some((rule, until)) => line(&format_rrule(rule, *until)),
            // A lone onset is fully described by DTSTART, but the strict `ical` parser finds no
            // rule in force without an RRULE or RDATE and silently reads such times as UTC;
            // an RDATE naming the same onset means the same to every reader (Outlook ignores
            // RDATE and reads DTSTART).
            None => line(&format!("RDATE:{dtstart}")),
        }
        line(&format!("END:{component}"));
    }
    line("END:VTIMEZONE");
    out
}

fn format_offset(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let abs = secs.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs % 3600 / 60, abs % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

fn format_rrule(rule: &Rule, until: Option<i64>) -> String {
    let mut text = format!("RRULE:FREQ=YEARLY;BYMONTH={}", rule.month);
    // Writing to a String cannot fail.
    let _ = match rule.day {
        DayRule::Last(w) => write!(text, ";BYDAY=-1{}", weekday_code(w)),
        DayRule::Nth(n, w) => write!(text, ";BYDAY={n}{}", weekday_code(w)),
        DayRule::MonthDay(d) => write!(text, ";BYMONTHDAY={d}"),
    };
    if let Some(until) = until {
        let utc = naive_local(until, 0);
        let _ = write!(text, ";UNTIL={}Z", utc.format("%Y%m%dT%H%M%S"));
    }
    text
}

fn weekday_code(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::TZ_VARIANTS;

    const ZURICH_2017_2019: &str = "BEGIN:VTIMEZONE\r\n\
        TZID:Europe/Zurich\r\n\
        X-LIC-LOCATION:Europe/Zurich\r\n\
        BEGIN:DAYLIGHT\r\n\
        TZOFFSETFROM:+0100\r\n\
        TZOFFSETTO:+0200\r\n\
        TZNAME:CEST\r\n\
        DTSTART:19700329T020000\r\n\
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
        END:DAYLIGHT\r\n\
        BEGIN:STANDARD\r\n\
        TZOFFSETFROM:+0200\r\n\
        TZOFFSETTO:+0100\r\n\
        TZNAME:CET\r\n\
        DTSTART:19701025T030000\r\n\
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
        END:STANDARD\r\n\
        END:VTIMEZONE\r\n";

    // ---- A small, independent VTIMEZONE evaluator --------------------------
    //
    // It reads the generated text the way a client does: every sub-component
    // yields onsets (DTSTART, plus RRULE occurrences up to UNTIL), each local
    // time read in its TZOFFSETFROM; the offset in effect at an instant is the
    // TZOFFSETTO of the latest onset at or before it. It shares no code with
    // the generator.

    struct SubComponent {
        name: String,
        props: Vec<(String, String)>,
    }

    impl SubComponent {
        fn get(&self, key: &str) -> Option<&str> {
            self.props
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        }
    }

    fn sub_components(text: &str) -> Vec<SubComponent> {
        let mut out = Vec::new();
        let mut current: Option<SubComponent> = None;
        for line in text.split("\r\n").filter(|l| !l.is_empty()) {
            let (key, value) = line.split_once(':').expect("every line is KEY:VALUE");
            match (key, value) {
                ("BEGIN", "STANDARD" | "DAYLIGHT") => {
                    current = Some(SubComponent {
                        name: value.to_owned(),
                        props: Vec::new(),
                    });
                }
                ("END", "STANDARD" | "DAYLIGHT") => {
                    out.push(current.take().expect("END matches a BEGIN"));
                }
                _ => {
                    if let Some(c) = current.as_mut() {
                        c.props.push((key.to_owned(), value.to_owned()));
                    }
                }
            }
        }
        out
    }

    fn parse_offset(text: &str) -> i32 {
        let sign = if text.starts_with('-') { -1 } else { 1 };
        let digits = &text[1..];
        let h: i32 = digits[0..2].parse().unwrap();
        let m: i32 = digits[2..4].parse().unwrap();
        let s: i32 = if digits.len() == 6 {
            digits[4..6].parse().unwrap()
        } else {
            0
        };
        sign * (h * 3600 + m * 60 + s)
    }

    fn parse_local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S").unwrap()
    }

    fn weekday_from_code(code: &str) -> Weekday {
        match code {
            "MO" => Weekday::Mon,
            "TU" => Weekday::Tue,
            "WE" => Weekday::Wed,
            "TH" => Weekday::Thu,
            "FR" => Weekday::Fri,
            "SA" => Weekday::Sat,
            "SU" => Weekday::Sun,
            other => panic!("bad weekday {other}"),
        }
    }

    /// The day of `month` in `year` that BYDAY / BYMONTHDAY select, by
    /// walking the days of the month.
    fn rule_day(
        year: i32,
        month: u32,
        byday: Option<&str>,
        bymonthday: Option<u32>,
    ) -> Option<u32> {
        let days: Vec<NaiveDate> = (1..=31)
            .filter_map(|d| NaiveDate::from_ymd_opt(year, month, d))
            .collect();
        match (byday, bymonthday) {
            (Some(byday), None) => {
                let (n, code) = byday.split_at(byday.len() - 2);
                let weekday = weekday_from_code(code);
                let n: i32 = n.parse().unwrap();
                let matching: Vec<u32> = days
                    .iter()
                    .filter(|d| d.weekday() == weekday)
                    .map(Datelike::day)
                    .collect();
                if n < 0 {
                    matching
                        .len()
                        .checked_sub(n.unsigned_abs() as usize)
                        .map(|i| matching[i])
                } else {
                    matching.get(usize::try_from(n - 1).unwrap()).copied()
                }
            }
            (None, Some(d)) => days.iter().map(Datelike::day).find(|&x| x == d),
            _ => panic!("RRULE needs exactly one of BYDAY and BYMONTHDAY"),
        }
    }

    /// All onsets (UTC seconds, offset after) up to the end of `last_year`.
    fn onsets(text: &str, last_year: i32) -> Vec<(i64, i32)> {
        let mut out = Vec::new();
        for c in sub_components(text) {
            let from = parse_offset(c.get("TZOFFSETFROM").expect("TZOFFSETFROM"));
            let to = parse_offset(c.get("TZOFFSETTO").expect("TZOFFSETTO"));
            let dtstart = parse_local(c.get("DTSTART").expect("DTSTART"));
            let dtstart_utc = dtstart.and_utc().timestamp() - i64::from(from);
            let Some(rrule) = c.get("RRULE") else {
                out.push((dtstart_utc, to));
                continue;
            };
            let parts: Vec<(&str, &str)> = rrule
                .split(';')
                .map(|p| p.split_once('=').expect("RRULE part is KEY=VALUE"))
                .collect();
            let part = |k: &str| parts.iter().find(|(key, _)| *key == k).map(|(_, v)| *v);
            assert_eq!(part("FREQ"), Some("YEARLY"));
            let month: u32 = part("BYMONTH").expect("BYMONTH").parse().unwrap();
            let bymonthday: Option<u32> = part("BYMONTHDAY").map(|d| d.parse().unwrap());
            let until = part("UNTIL").map(|u| {
                parse_local(u.strip_suffix('Z').expect("UNTIL is UTC"))
                    .and_utc()
                    .timestamp()
            });
            let mut first = true;
            for year in dtstart.year()..=last_year {
                let Some(day) = rule_day(year, month, part("BYDAY"), bymonthday) else {
                    continue;
                };
                let local = NaiveDate::from_ymd_opt(year, month, day)
                    .unwrap()
                    .and_time(dtstart.time());
                let utc = local.and_utc().timestamp() - i64::from(from);
                if utc < dtstart_utc {
                    continue;
                }
                if until.is_some_and(|u| utc > u) {
                    break;
                }
                if first {
                    // RFC 5545: DTSTART must be the rule's first instance.
                    assert_eq!(utc, dtstart_utc, "DTSTART not on its RRULE in {}", c.name);
                    first = false;
                }
                out.push((utc, to));
            }
        }
        out.sort_unstable();
        out
    }

    fn offset_from_onsets(onsets: &[(i64, i32)], at: i64) -> Option<i32> {
        let i = onsets.partition_point(|(t, _)| *t <= at);
        i.checked_sub(1).map(|i| onsets[i].1)
    }

    fn tzdb_offset(tz: Tz, at: i64) -> i32 {
        let utc = DateTime::from_timestamp(at, 0).unwrap().naive_utc();
        tz.offset_from_utc_datetime(&utc).fix().local_minus_utc()
    }

    fn local_new_year(tz: Tz, year: i32) -> i64 {
        let naive = NaiveDate::from_ymd_opt(year, 1, 1)
            .unwrap()
            .and_time(NaiveTime::MIN);
        tz.from_local_datetime(&naive)
            .earliest()
            .map_or(naive.and_utc().timestamp(), |d| d.timestamp())
    }

    /// Checks the generated VTIMEZONE against chrono-tz at each instant of
    /// `instants`, listing the first few disagreements.
    fn assert_agrees(tz: Tz, text: &str, instants: impl Iterator<Item = i64>) {
        let onsets = onsets(text, 2210);
        let mut failures = Vec::new();
        for at in instants {
            let expected = tzdb_offset(tz, at);
            let actual = offset_from_onsets(&onsets, at);
            if actual != Some(expected) && failures.len() < 5 {
                failures.push(format!(
                    "{} at {}: expected {}, got {:?}",
                    tz.name(),
                    DateTime::from_timestamp(at, 0).unwrap(),
                    format_offset(expected),
                    actual.map(format_offset),
                ));
            }
        }
        assert!(failures.is_empty(), "{}\n{text}", failures.join("\n"));
    }

    /// The proof: for every hour of every local year the component covers
    /// (`years` plus one either side), a client reading the component gets
    /// the offset tzdb has.
    fn assert_matches_tzdb_every_hour(tz: Tz, years: RangeInclusive<i32>) {
        let text = vtimezone(tz, years.clone());
        let start = local_new_year(tz, years.start() - 1);
        let end = local_new_year(tz, years.end() + 2);
        assert_agrees(tz, &text, (start..end).step_by(3600));
    }

    // ---- Exact text ---------------------------------------------------------

    #[test]
    fn zurich_2017_to_2019_is_the_exact_yearly_rule_form_clients_accept() {
        assert_eq!(
            vtimezone(chrono_tz::Europe::Zurich, 2017..=2019),
            ZURICH_2017_2019
        );
    }

    #[test]
    fn zurich_output_does_not_depend_on_the_years_while_the_rule_holds() {
        assert_eq!(
            vtimezone(chrono_tz::Europe::Zurich, 2000..=2030),
            ZURICH_2017_2019
        );
        assert_eq!(
            vtimezone(chrono_tz::Europe::Zurich, 2024..=2024),
            ZURICH_2017_2019
        );
    }

    // ---- Agreement with tzdb, hour by hour ---------------------------------

    #[test]
    fn europe_zurich_matches_tzdb_every_hour() {
        assert_matches_tzdb_every_hour(chrono_tz::Europe::Zurich, 2017..=2019);
    }

    #[test]
    fn europe_london_matches_tzdb_every_hour() {
        assert_matches_tzdb_every_hour(chrono_tz::Europe::London, 2017..=2019);
    }

    #[test]
    fn america_new_york_matches_tzdb_every_hour() {
        assert_matches_tzdb_every_hour(chrono_tz::America::New_York, 2017..=2019);
    }

    #[test]
    fn america_sao_paulo_matches_tzdb_every_hour_across_the_end_of_dst() {
        assert_matches_tzdb_every_hour(chrono_tz::America::Sao_Paulo, 2017..=2020);
    }

    #[test]
    fn australia_sydney_matches_tzdb_every_hour_in_the_southern_hemisphere() {
        assert_matches_tzdb_every_hour(chrono_tz::Australia::Sydney, 2017..=2019);
    }

    #[test]
    fn asia_dubai_matches_tzdb_every_hour_without_dst() {
        assert_matches_tzdb_every_hour(chrono_tz::Asia::Dubai, 2017..=2019);
    }

    #[test]
    fn america_santiago_matches_tzdb_every_hour() {
        assert_matches_tzdb_every_hour(chrono_tz::America::Santiago, 2017..=2019);
        assert_matches_tzdb_every_hour(chrono_tz::America::Santiago, 2023..=2026);
    }

    #[test]
    fn pacific_auckland_matches_tzdb_every_hour() {
        assert_matches_tzdb_every_hour(chrono_tz::Pacific::Auckland, 2017..=2019);
    }

    #[test]
    fn asia_tehran_matches_tzdb_every_hour_across_the_end_of_dst() {
        assert_matches_tzdb_every_hour(chrono_tz::Asia::Tehran, 2020..=2023);
    }

    #[test]
    fn europe_moscow_matches_tzdb_every_hour_across_the_2011_and_2014_changes() {
        assert_matches_tzdb_every_hour(chrono_tz::Europe::Moscow, 2010..=2015);
    }

    #[test]
    fn asia_kolkata_matches_tzdb_every_hour() {
        assert_matches_tzdb_every_hour(chrono_tz::Asia::Kolkata, 2017..=2019);
    }

    #[test]
    fn america_st_johns_matches_tzdb_every_hour_with_a_half_hour_offset() {
        assert_matches_tzdb_every_hour(chrono_tz::America::St_Johns, 2017..=2019);
    }

    /// Haiti skipped DST in 2016: the 2015 rule must stop and the 2017 one
    /// must not reach back into 2016.
    #[test]
    fn america_port_au_prince_matches_tzdb_every_hour_across_a_year_without_dst() {
        assert_matches_tzdb_every_hour(chrono_tz::America::PortauPrince, 2015..=2017);
    }

    #[test]
    fn negative_dst_zones_match_tzdb_every_hour() {
        assert_matches_tzdb_every_hour(chrono_tz::Europe::Dublin, 2017..=2019);
        assert_matches_tzdb_every_hour(chrono_tz::Africa::Casablanca, 2017..=2020);
    }

    /// Every zone tzdb knows, for a recent and an older span: sampled every
    /// six hours and one second either side of every onset the component
    /// states (an onset at the wrong second fails on one side of it).
    #[test]
    fn every_tzdb_zone_matches_tzdb_around_each_of_its_transitions() {
        for tz in TZ_VARIANTS {
            for years in [2025..=2025, 2007..=2009] {
                let text = vtimezone(tz, years.clone());
                let start = local_new_year(tz, years.start() - 1);
                let end = local_new_year(tz, years.end() + 2);
                let around_onsets = onsets(&text, years.end() + 1)
                    .into_iter()
                    .filter(|(at, _)| (start..end).contains(at))
                    .flat_map(|(at, _)| [at - 1, at, at + 1]);
                let samples = (start..end).step_by(6 * 3600).chain(around_onsets);
                assert_agrees(tz, &text, samples);
            }
        }
    }

    // ---- Shape ----------------------------------------------------------------

    #[test]
    fn every_sub_component_has_offsets_name_and_dtstart_and_lines_are_short_crlf() {
        for tz in TZ_VARIANTS {
            for years in [2025..=2025, 2010..=2015] {
                let text = vtimezone(tz, years);
                assert!(text.ends_with("END:VTIMEZONE\r\n"), "{text}");
                for line in text.split_inclusive('\n') {
                    assert!(line.ends_with("\r\n"), "{}: bare LF in {line:?}", tz.name());
                    assert!(line.len() - 2 <= 75, "{}: long line {line:?}", tz.name());
                    assert!(line.is_ascii(), "{}: non-ASCII {line:?}", tz.name());
                }
                let components = sub_components(&text);
                assert!(!components.is_empty(), "{}", tz.name());
                for c in components {
                    let keys: Vec<&str> = c.props.iter().map(|(k, _)| k.as_str()).collect();
                    let expected: &[&str] = if c.get("RRULE").is_some() {
                        &["TZOFFSETFROM", "TZOFFSETTO", "TZNAME", "DTSTART", "RRULE"]
                    } else {
                        &["TZOFFSETFROM", "TZOFFSETTO", "TZNAME", "DTSTART", "RDATE"]
                    };
                    assert_eq!(keys, expected, "{}:\n{text}", tz.name());
                }
            }
        }
    }

    #[test]
    fn a_zone_without_dst_gives_one_standard_and_no_rrule() {
        assert_eq!(
            vtimezone(chrono_tz::Asia::Dubai, 2024..=2026),
            "BEGIN:VTIMEZONE\r\n\
             TZID:Asia/Dubai\r\n\
             X-LIC-LOCATION:Asia/Dubai\r\n\
             BEGIN:STANDARD\r\n\
             TZOFFSETFROM:+0400\r\n\
             TZOFFSETTO:+0400\r\n\
             TZNAME:+04\r\n\
             DTSTART:19700101T000000\r\n\
             RDATE:19700101T000000\r\n\
             END:STANDARD\r\n\
             END:VTIMEZONE\r\n"
        );
        for tz in [
            chrono_tz::UTC,
            chrono_tz::Asia::Shanghai,
            chrono_tz::Asia::Kolkata,
        ] {
            let text = vtimezone(tz, 2024..=2026);
            assert_eq!(text.matches("BEGIN:STANDARD").count(), 1, "{text}");
            assert!(
                !text.contains("DAYLIGHT") && !text.contains("RRULE"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_zone_that_stopped_dst_before_the_span_shows_only_its_standard_offset() {
        let text = vtimezone(chrono_tz::America::Sao_Paulo, 2024..=2026);
        assert_eq!(text.matches("BEGIN:").count(), 2, "{text}");
        assert!(
            text.contains("TZOFFSETTO:-0300\r\n") && !text.contains("RRULE"),
            "{text}"
        );
    }

    #[test]
    fn a_rule_that_ends_inside_the_span_stops_with_until() {
        let text = vtimezone(chrono_tz::America::Sao_Paulo, 2017..=2020);
        let rrules: Vec<&str> = text.lines().filter(|l| l.starts_with("RRULE:")).collect();
        assert!(!rrules.is_empty(), "{text}");
        assert!(rrules.iter().all(|r| r.contains(";UNTIL=")), "{text}");
    }

    #[test]
    fn sydney_lists_daylight_before_standard_when_both_start_in_1970() {
        let text = vtimezone(chrono_tz::Australia::Sydney, 2024..=2026);
        let daylight = text.find("BEGIN:DAYLIGHT").unwrap();
        let standard = text.find("BEGIN:STANDARD").unwrap();
        assert!(daylight < standard, "{text}");
        assert!(
            text.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU\r\n"),
            "{text}"
        );
        assert!(
            text.contains("RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU\r\n"),
            "{text}"
        );
    }

    #[test]
    fn dublin_calls_its_summer_time_daylight_despite_tzdb_negative_dst() {
        let text = vtimezone(chrono_tz::Europe::Dublin, 2024..=2026);
        assert!(
            text.contains(
                "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:IST\r\n"
            ),
            "{text}"
        );
    }

    #[test]
    // The reversed range is the point: callers may pass one.
    #[allow(clippy::reversed_empty_ranges)]
    fn out_of_range_and_empty_year_ranges_are_clamped_instead_of_panicking() {
        let zurich = chrono_tz::Europe::Zurich;
        assert!(vtimezone(zurich, i32::MIN..=i32::MAX).starts_with("BEGIN:VTIMEZONE\r\n"));
        assert_eq!(
            vtimezone(zurich, 2019..=2017),
            vtimezone(zurich, 2019..=2019)
        );
        assert!(vtimezone(zurich, 3000..=3001).contains("TZOFFSETTO:+0100"));
    }

    #[test]
    fn output_is_a_pure_function_of_zone_and_years() {
        for tz in [chrono_tz::America::Santiago, chrono_tz::Asia::Tehran] {
            assert_eq!(vtimezone(tz, 2018..=2024), vtimezone(tz, 2018..=2024));
        }
    }
}
