//! Reading a letter: its text → the [`Facts`] it states, each with the line it was read from.
//! Pure: the same for every language, driven by that language's [`Rules`].
//!
//! The letters follow one template (`/work/shared/notes` calls it out, and docs/import.md
//! lists the letters checked): a head with the date, the reference, the addressees and the
//! contacts; a subject naming the meetings, their days and the place; the opening and
//! registration sentence; the Key deadlines table; Annex A; the draft agenda in Annex B. Each
//! rule aims at one of these parts, so a date elsewhere in the letter (the previous meeting, a
//! circular) is never taken for a fact.

use super::rules::{DateHit, DeadlineKind, Rules, rules};
use crate::i18n::Lang;
use chrono::{NaiveDate, NaiveTime};
use regex::Regex;
use std::sync::LazyLock;

/// A line of the letter a fact was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// 1-based.
    pub no: usize,
    /// The line, whitespace collapsed and shortened, for the citation.
    pub text: String,
}

/// A fact and where it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found<T> {
    /// What was read.
    pub value: T,
    /// Where.
    pub at: Line,
}

/// What kind of meeting a group holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MeetingKind {
    /// A study group (its plenary).
    StudyGroup,
    /// A working party.
    WorkingParty,
    /// The rapporteur group of a Question.
    Rapporteur,
    /// Another ITU-T group (TSAG).
    Group,
}

/// One meeting the subject names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingFact {
    /// What kind.
    pub kind: MeetingKind,
    /// The group, as ITU-T codes it: `SG20`, `WP1/20`, `Q2/20`, `TSAG`.
    pub group: String,
    /// First day.
    pub first: NaiveDate,
    /// Last day, inclusive.
    pub last: NaiveDate,
}

/// A meeting of another body held alongside (oneM2M).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Colocated {
    /// The other body, as written.
    pub name: String,
    /// First day.
    pub first: NaiveDate,
    /// Last day.
    pub last: NaiveDate,
}

/// When and where registration begins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registration {
    /// Local time on the first day.
    pub time: NaiveTime,
    /// Where, as written ("Montbrillant building entrance").
    pub place: Option<String>,
}

/// One row of the Key deadlines table: one date may carry several.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// The day.
    pub date: NaiveDate,
    /// What it is, when the row says so in words the rules know.
    pub kind: Option<DeadlineKind>,
    /// The row as written.
    pub text: String,
}

/// Everything read from one letter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// The letter's language.
    pub lang: Lang,
    /// The letter's number (`3/20`, `2/TSAG`).
    pub reference: Option<Found<String>>,
    /// The reference as the letter writes it ("电信标准化局第3/20号集体函").
    pub reference_text: Option<String>,
    /// The letter's date.
    pub date: Option<Found<NaiveDate>>,
    /// The subject, as written.
    pub subject: Option<Found<String>>,
    /// The meetings, in the order the subject names them.
    pub meetings: Vec<Found<MeetingFact>>,
    /// Groups the subject names without days the importer could read.
    pub undated_groups: Vec<Found<String>>,
    /// Co-located meetings of other bodies.
    pub colocated: Vec<Found<Colocated>>,
    /// The venue is Geneva.
    pub geneva: bool,
    /// The meeting is at ITU headquarters.
    pub headquarters: bool,
    /// The venue as written, when not Geneva.
    pub place: Option<Found<String>>,
    /// Opening times (more than one if the letter says it more than once).
    pub opening: Vec<Found<NaiveTime>>,
    /// Registration times and places.
    pub registration: Vec<Found<Registration>>,
    /// Every row of the Key deadlines table with its date.
    pub deadlines: Vec<Found<Deadline>>,
    /// Rows of the table no date could be given to.
    pub undated_rows: Vec<Found<String>>,
    /// To whom the letter is addressed.
    pub addressees: Vec<Found<String>>,
    /// Telephone.
    pub phone: Option<Found<String>>,
    /// Fax.
    pub fax: Option<Found<String>>,
    /// E-mail.
    pub email: Option<Found<String>>,
    /// Web page of the letter head.
    pub web: Option<Found<String>>,
    /// The study group's page named in the letter.
    pub url: Option<Found<String>>,
    /// People named as chairmen or as authors of the agenda.
    pub chairs: Vec<Found<String>>,
    /// The items of the draft agenda (Annex B), in order.
    pub agenda: Vec<Found<String>>,
}

static BOOKMARK: LazyLock<Regex> = LazyLock::new(|| re(r"\[bookmark:[^\]]*\]"));
static BULLET: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|\s)[-–—•·]\s*"));
static ADDRESSEE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|/)\s*[-–·•]\s*(?P<who>\S.*?)\s*[;；,，.。]?\s*$"));
static PHONE: LazyLock<Regex> = LazyLock::new(|| re(r"\+\s?\d{1,3}(?:[ \u{a0}]\d{1,7}){1,5}"));
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| re(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"));
static URL: LazyLock<Regex> = LazyLock::new(|| re(r"https?://[^\s<>()（）「」，,]+"));
static ITEM: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\W*?(?P<n>\d{1,2})[.)]?\s+(?P<item>\S.*?)\s*$"));
static TSAG: LazyLock<Regex> = LazyLock::new(|| re(r"\bTSAG\b"));
static REF_NEXT_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\W*(?:(?P<tsag>TSAG)|SG(?P<sg>\d{1,2}))\s*/"));

fn found<T>(lines: &[String], value: T, i: usize) -> Found<T> {
    Found {
        value,
        at: Line {
            no: i + 1,
            text: quote(&lines[i]),
        },
    }
}

fn re(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|e| panic!("{p:?}: {e}"))
}

/// How long a cited line may be in a comment.
const QUOTE_CHARS: usize = 72;

/// Reads the facts of a letter written in `lang`.
pub fn read(text: &str, lang: Lang) -> Facts {
    let r = rules(lang);
    let lines: Vec<String> = text
        .lines()
        .map(|l| BOOKMARK.replace_all(l, "").replace('\u{a0}', " "))
        .collect();
    let at = |i: usize| Line {
        no: i + 1,
        text: quote(&lines[i]),
    };
    let mut f = Facts {
        lang,
        ..Facts::default()
    };

    // the subject, and with it where the head ends and the body begins
    let subject_at = lines.iter().position(|l| r.subject.is_match(l));
    let (subject, body_from) = match subject_at {
        Some(i) => {
            let (text, cited, end) = subject_text(r, &lines, i);
            (Some((text, cited)), end)
        }
        // no subject: the body begins at the salutation; without one either (a letter
        // flattened into a paragraph), the body rules read the whole text
        None => (
            None,
            lines
                .iter()
                .position(|l| r.salutation.is_match(l))
                .unwrap_or(0),
        ),
    };
    let head_end = subject_at
        .or(Some(body_from).filter(|&b| b > 0))
        .unwrap_or(lines.len().min(40));
    let head = &lines[..head_end];

    // reference and date
    for (i, l) in lines
        .iter()
        .enumerate()
        .take(head_end.max(60).min(lines.len()))
    {
        if let Some(c) = r.reference.captures(l) {
            let n = c["n"].to_string();
            let mut written = c[0].trim().to_string();
            let of = c.name("of").map(|m| m.as_str().to_string()).or_else(|| {
                let next = lines.get(i + 1)?;
                let c = REF_NEXT_LINE.captures(next)?;
                let of = c
                    .name("tsag")
                    .or(c.name("sg"))
                    .map(|m| m.as_str().to_string())?;
                written = format!("{written}/{of}");
                Some(of)
            });
            let number = match of {
                Some(of) => format!("{n}/{of}"),
                None => n,
            };
            f.reference = Some(found(&lines, number, i));
            f.reference_text = Some(written);
            break;
        }
    }
    f.date = head.iter().enumerate().find_map(|(i, l)| {
        let hit = r.dates(l).into_iter().find(|h| h.first == h.last)?;
        Some(found(&lines, hit.first, i))
    });

    // the meetings the subject names, each with the days after it
    if let Some((text, i)) = subject.as_ref().filter(|(t, _)| !t.is_empty()) {
        f.subject = Some(found(&lines, text.clone(), *i));
        let hits = r.dates(text);
        let mut from = 0;
        for hit in &hits {
            for (kind, group) in groups_in(r, &text[from..hit.at.start]) {
                f.meetings.push(found(
                    &lines,
                    MeetingFact {
                        kind,
                        group,
                        first: hit.first,
                        last: hit.last,
                    },
                    *i,
                ));
            }
            from = hit.at.end;
        }
        for (_, group) in groups_in(r, &text[from..]) {
            f.undated_groups.push(found(&lines, group, *i));
        }
        if r.geneva.is_match(text) {
            f.geneva = true;
        } else if let Some(place) = place_in(r, text, &hits) {
            f.place = Some(found(&lines, place, *i));
        }
    }
    // groups without days in the subject: the days of the invitation's first span
    if !f.undated_groups.is_empty() {
        let span = (body_from..lines.len().min(body_from + 25)).find_map(|i| {
            let hit = r.dates(&lines[i]).into_iter().find(|h| h.first < h.last)?;
            Some((hit, i))
        });
        if let Some((hit, i)) = span {
            let undated = std::mem::take(&mut f.undated_groups);
            for g in undated {
                let kind = kind_of(&g.value);
                f.meetings.push(found(
                    &lines,
                    MeetingFact {
                        kind,
                        group: g.value,
                        first: hit.first,
                        last: hit.last,
                    },
                    i,
                ));
            }
        }
    }

    // no group in the subject (none found, or its label broken by extraction): the
    // invitation sentence names the meeting and its days
    if f.meetings.is_empty() && f.undated_groups.is_empty() {
        invitation(r, &lines, &mut f);
    }

    let body = body_from..lines.len();
    f.headquarters = lines[body.clone()]
        .iter()
        .any(|l| r.headquarters.is_match(l));
    for i in body.clone() {
        let l = &lines[i];
        for c in r.opening.captures_iter(l) {
            if let Some(t) = time(&c) {
                f.opening.push(found(&lines, t, i));
            }
        }
        for c in r.registration.captures_iter(l) {
            if let Some(t) = time(&c) {
                let place = c
                    .name("place")
                    .map(|m| clean_item(m.as_str()))
                    .filter(|p| !p.is_empty());
                f.registration
                    .push(found(&lines, Registration { time: t, place }, i));
            }
        }
        if let Some(c) = r.colocated.captures(l) {
            let name = clean_item(&c["name"]);
            let day = r.dates(l).into_iter().next();
            if let (false, Some(d)) = (name.is_empty(), day) {
                f.colocated.push(found(
                    &lines,
                    Colocated {
                        name,
                        first: d.first,
                        last: d.last,
                    },
                    i,
                ));
            }
        }
        if r.chair_line.is_match(l) {
            for c in r.person.captures_iter(l) {
                let name = c["name"].trim().to_string();
                if !f.chairs.iter().any(|p| p.value == name) {
                    f.chairs.push(found(&lines, name, i));
                }
            }
        }
        if f.url.is_none() {
            f.url = URL
                .find_iter(l)
                .map(|m| clean_url(m.as_str()))
                .find(|u| u.contains("/studygroups/"))
                .map(|u| found(&lines, u, i));
        }
    }
    deadlines(r, &lines, body.clone(), &mut f, &at);
    agenda(r, &lines, body, &mut f, &at);
    contacts(r, head, &mut f, &at);
    f
}

/// The subject's text, from its label to the salutation or the first blank line after it
/// (three lines at most), the index of its first line with words, and that of the first line
/// after it.
fn subject_text(r: &Rules, lines: &[String], i: usize) -> (String, usize, usize) {
    let first = r
        .subject
        .captures(&lines[i])
        .and_then(|c| c.name("rest").map(|m| m.as_str().trim().to_string()))
        .unwrap_or_default();
    let mut parts: Vec<String> = vec![first.trim_start_matches('/').trim().to_string()];
    parts.retain(|p| !p.is_empty());
    // the line cited: the first that holds the subject's words
    let mut cited = i;
    let mut j = i + 1;
    while j < lines.len() && parts.len() < 3 {
        let l = lines[j].trim();
        if r.salutation.is_match(l) || (l.is_empty() && !parts.is_empty()) {
            break;
        }
        if !l.is_empty() {
            if parts.is_empty() {
                cited = j;
            }
            parts.push(l.to_string());
        }
        j += 1;
    }
    (collapse(&parts.join(" ")), cited, j)
}

/// The groups a piece of the subject names: working parties, Questions (rapporteur groups),
/// TSAG; a study group only when no working party or Question of it is named (the plenary).
fn groups_in(r: &Rules, text: &str) -> Vec<(MeetingKind, String)> {
    let mut out: Vec<(MeetingKind, String)> = Vec::new();
    let mut push = |k: MeetingKind, g: String| {
        if !out.iter().any(|(_, o)| *o == g) {
            out.push((k, g));
        }
    };
    let number = |c: &regex::Captures, n: &str| {
        c.name(n)
            .and_then(|m| m.as_str().parse::<u32>().ok())
            .unwrap_or(0)
    };
    let mut parts = Vec::new();
    for c in r.question.captures_iter(text) {
        parts.push((
            MeetingKind::Rapporteur,
            format!("Q{}/{}", number(&c, "q"), number(&c, "sg")),
        ));
    }
    for c in r.working_parties.captures_iter(text) {
        for wp in c["list"]
            .split(|ch: char| !ch.is_ascii_digit())
            .filter(|n| !n.is_empty())
        {
            let wp: u32 = wp.parse().unwrap_or(0);
            parts.push((
                MeetingKind::WorkingParty,
                format!("WP{wp}/{}", number(&c, "sg")),
            ));
        }
    }
    for c in r.working_party.captures_iter(text) {
        parts.push((
            MeetingKind::WorkingParty,
            format!("WP{}/{}", number(&c, "wp"), number(&c, "sg")),
        ));
    }
    if parts.is_empty() {
        for c in r.study_group.captures_iter(text) {
            parts.push((MeetingKind::StudyGroup, format!("SG{}", number(&c, "sg"))));
        }
    }
    if TSAG.is_match(text) {
        parts.push((MeetingKind::Group, "TSAG".into()));
    }
    for (k, g) in parts {
        push(k, g);
    }
    out
}

/// The meetings the invitation sentence names: the groups after its words ("invite you to
/// attend …") and the first days after them, to the end of the sentence.
fn invitation(r: &Rules, lines: &[String], f: &mut Facts) {
    for (i, l) in lines.iter().enumerate() {
        let Some(m) = r.invitation.find(l) else {
            continue;
        };
        // the sentence may wrap onto the next lines
        let mut sentence = l[m.end()..].to_string();
        for next in lines.iter().skip(i + 1).take(3) {
            if sentence.contains(". ") || sentence.trim_end().ends_with(['.', '。']) {
                break;
            }
            sentence.push(' ');
            sentence.push_str(next);
        }
        let end = sentence
            .find(". ")
            .or_else(|| sentence.find('。'))
            .unwrap_or(sentence.len());
        let sentence = &sentence[..end];
        let Some(hit) = r.dates(sentence).into_iter().next() else {
            continue;
        };
        let groups = groups_in(r, &sentence[..hit.at.start]);
        if groups.is_empty() {
            continue;
        }
        for (kind, group) in groups {
            f.meetings.push(found(
                lines,
                MeetingFact {
                    kind,
                    group,
                    first: hit.first,
                    last: hit.last,
                },
                i,
            ));
        }
        return;
    }
}

fn kind_of(group: &str) -> MeetingKind {
    if group.starts_with('Q') {
        MeetingKind::Rapporteur
    } else if group.starts_with("WP") {
        MeetingKind::WorkingParty
    } else if group.starts_with("SG") {
        MeetingKind::StudyGroup
    } else {
        MeetingKind::Group
    }
}

/// The venue in a subject that does not name Geneva: its pieces (between commas) that name
/// no group, no date and no number.
fn place_in(r: &Rules, subject: &str, hits: &[DateHit]) -> Option<String> {
    let mut rest = subject.to_string();
    for h in hits.iter().rev() {
        rest.replace_range(h.at.clone(), ",");
    }
    let pieces: Vec<String> = rest
        .split([',', ';', '，', '；', '、'])
        .map(collapse)
        .filter(|p| {
            p.chars().any(char::is_alphabetic)
                && !p.chars().any(|c| c.is_ascii_digit())
                && groups_in(r, p).is_empty()
                && !r.study_group.is_match(p)
        })
        .collect();
    (!pieces.is_empty()).then(|| pieces.join(", "))
}

fn time(c: &regex::Captures) -> Option<NaiveTime> {
    let h = c.name("h")?.as_str().parse().ok()?;
    let m = c.name("m")?.as_str().parse().ok()?;
    NaiveTime::from_hms_opt(h, m, 0)
}

/// The Key deadlines table: every row, with the date it stands under. A date may carry several
/// rows (bullets), a row may wrap onto the next line, and in extracted text a date may be glued
/// to the end of the row before it.
fn deadlines(
    r: &Rules,
    lines: &[String],
    body: std::ops::Range<usize>,
    f: &mut Facts,
    at: &dyn Fn(usize) -> Line,
) {
    let Some(start) = body.clone().find(|&i| r.deadlines.is_match(&lines[i])) else {
        return;
    };
    let mut date: Option<NaiveDate> = None;
    // a new date's first text starts a row even without a bullet
    let mut fresh = false;
    let end = lines.len().min(start + 40);
    for (i, line) in lines.iter().enumerate().take(end).skip(start) {
        let mut line = line.as_str();
        if i == start {
            // what follows the heading on its own line ("Key deadlines: 24 November …")
            line = line
                .char_indices()
                .find(|(_, c)| *c == ':' || *c == '：')
                .map_or("", |(p, c)| &line[p + c.len_utf8()..]);
        } else if r.deadlines_end.is_match(line) {
            break;
        }
        let hits = r.dates(line);
        let mut pieces: Vec<(Option<NaiveDate>, &str)> = Vec::new();
        let mut from = 0;
        for h in &hits {
            pieces.push((None, &line[from..h.at.start]));
            pieces.push((Some(h.first), ""));
            from = h.at.end;
        }
        pieces.push((None, &line[from..]));
        for (new_date, text) in pieces {
            if let Some(d) = new_date {
                date = Some(d);
                fresh = true;
                continue;
            }
            let mut parts = BULLET.split(text);
            let head = parts.next().map(clean_item).unwrap_or_default();
            if !head.is_empty() {
                if fresh {
                    push_row(r, f, date, head, at(i));
                } else {
                    append_row(f, &head);
                }
            }
            for part in parts {
                let part = clean_item(part);
                if !part.is_empty() {
                    push_row(r, f, date, part, at(i));
                }
            }
            if f.deadlines
                .last()
                .is_some_and(|d| Some(d.value.date) == date)
            {
                fresh = false;
            }
        }
    }
}

fn push_row(r: &Rules, f: &mut Facts, date: Option<NaiveDate>, text: String, at: Line) {
    match date {
        Some(date) => {
            if !f
                .deadlines
                .iter()
                .any(|d| d.value.date == date && d.value.text == text)
            {
                f.deadlines.push(Found {
                    value: Deadline {
                        date,
                        kind: r.deadline_kind(&text),
                        text,
                    },
                    at,
                });
            }
        }
        None => f.undated_rows.push(Found { value: text, at }),
    }
}

/// A row's continuation on the next line (or before a glued date).
fn append_row(f: &mut Facts, more: &str) {
    if let Some(last) = f.deadlines.last_mut() {
        last.value.text = collapse(&format!("{} {more}", last.value.text));
    } else if let Some(last) = f.undated_rows.last_mut() {
        last.value = collapse(&format!("{} {more}", last.value));
    }
}

/// The numbered items of Annex B, from 1 on, until the numbering stops.
fn agenda(
    r: &Rules,
    lines: &[String],
    body: std::ops::Range<usize>,
    f: &mut Facts,
    at: &dyn Fn(usize) -> Line,
) {
    let Some(start) = body.clone().find(|&i| r.annex_b.is_match(&lines[i])) else {
        return;
    };
    let mut next = 1;
    for (i, l) in lines.iter().enumerate().take(start + 80).skip(start + 1) {
        let l = l.trim();
        if l.is_empty() {
            continue;
        }
        match ITEM.captures(l) {
            Some(c) if c["n"].parse::<u32>().ok() == Some(next) => {
                f.agenda.push(Found {
                    value: collapse(&c["item"]),
                    at: at(i),
                });
                next += 1;
            }
            _ if next > 1 => break,
            _ if i > start + 10 => break,
            _ => {}
        }
    }
}

/// Telephone, fax, e-mail, web and addressees, from the letter head. Labels and numbers are
/// paired in the order they stand, since extracted heads often put every label before every
/// value ("Tel:Fax: +41 22 730 5860+41 22 730 5853").
fn contacts(r: &Rules, head: &[String], f: &mut Facts, at: &dyn Fn(usize) -> Line) {
    #[derive(PartialEq)]
    enum Label {
        Tel,
        Fax,
    }
    let mut labels: Vec<((usize, usize), Label)> = Vec::new();
    let mut phones: Vec<((usize, usize), String)> = Vec::new();
    for (i, l) in head.iter().enumerate() {
        // "Telefax" and "Telephone" of the page footer are no labels: \b keeps them out
        labels.extend(r.tel.find_iter(l).map(|m| ((i, m.start()), Label::Tel)));
        labels.extend(r.fax.find_iter(l).map(|m| ((i, m.start()), Label::Fax)));
        phones.extend(
            PHONE
                .find_iter(l)
                .filter(|m| {
                    let digits = m.as_str().chars().filter(char::is_ascii_digit).count();
                    (9..=15).contains(&digits)
                })
                .map(|m| ((i, m.start()), collapse(m.as_str()))),
        );
        if f.email.is_none() {
            f.email = EMAIL.find(l).map(|m| Found {
                value: m.as_str().trim_end_matches('.').to_string(),
                at: at(i),
            });
        }
        if let Some(c) = ADDRESSEE.captures(l) {
            let who = r.to.replace(c["who"].trim(), "").trim().to_string();
            let is_label = r.tel.is_match(&who) || r.fax.is_match(&who) || EMAIL.is_match(&who);
            // a page number ("- 2 -") is no addressee
            let words = who.chars().any(char::is_alphabetic);
            if words && !is_label {
                f.addressees.push(Found {
                    value: who,
                    at: at(i),
                });
            }
        }
    }
    labels.sort_by_key(|(p, _)| *p);
    phones.sort_by_key(|(p, _)| *p);
    let mut taken = vec![false; phones.len()];
    let paired = labels.len() == phones.len();
    for (n, (pos, label)) in labels.iter().enumerate() {
        let pick = if paired {
            Some(n)
        } else {
            phones
                .iter()
                .enumerate()
                .position(|(k, (p, _))| !taken[k] && p >= pos)
        };
        let Some(k) = pick else { continue };
        taken[k] = true;
        let value = Found {
            value: phones[k].1.clone(),
            at: at(phones[k].0.0),
        };
        let slot = if *label == Label::Tel {
            &mut f.phone
        } else {
            &mut f.fax
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }
    'web: for (i, l) in head.iter().enumerate() {
        if let Some(m) = r.web.find(l) {
            for (j, l) in head.iter().enumerate().skip(i).take(3) {
                let from = if j == i { m.end() } else { 0 };
                if let Some(u) = URL.find(&l[from..]) {
                    f.web = Some(Found {
                        value: clean_url(u.as_str()),
                        at: at(j),
                    });
                    break 'web;
                }
            }
        }
    }
}

fn clean_url(u: &str) -> String {
    u.trim_end_matches(['.', '。', ';', '；', ',', '，', '/'])
        .to_string()
        + if u.ends_with('/') { "/" } else { "" }
}

/// A row or a name without the separators extraction leaves around it.
fn clean_item(s: &str) -> String {
    collapse(s.trim_matches(|c: char| c.is_whitespace() || "/|;；,，.。:：“”\"«»".contains(c)))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn quote(line: &str) -> String {
    let line = collapse(line);
    if line.chars().count() <= QUOTE_CHARS {
        line
    } else {
        let cut: String = line.chars().take(QUOTE_CHARS).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn rows_that_run_together_in_extracted_text_are_each_found() {
        let text = "Subject: Meeting of Study Group 13; Geneva, 6-17 November 2017\n\nDear Sir/Madam,\n\
            Key deadlines:\n\
            6 September 2017 / - Submit ITU-T Member contributions for which translation is requested25 September 2017 / - Submit fellowship requests\n\
            - Submit interpretation requests\n\
            Practical meeting information is set out in Annex A.\n";
        let f = read(text, Lang::En);
        let rows: Vec<_> = f
            .deadlines
            .iter()
            .map(|d| (d.value.date.to_string(), d.value.kind, d.at.no))
            .collect();
        use DeadlineKind::*;
        assert_eq!(
            rows,
            [
                ("2017-09-06".to_string(), Some(ContributionsTranslation), 5),
                ("2017-09-25".to_string(), Some(Fellowships), 5),
                ("2017-09-25".to_string(), Some(Interpretation), 6),
            ]
        );
        assert_eq!(f.meetings[0].value.group, "SG13");
        assert_eq!(f.meetings[0].value.first, d("2017-11-06"));
        assert!(f.geneva);
    }

    #[test]
    fn labels_and_numbers_of_the_head_pair_in_order() {
        let text = "Ref: TSB Collective-letter 7/16\nTel:Fax: +41 22 730 5860+41 22 730 5853\nE-mail: tsbsg16@itu.int\nSubject: x\n";
        let f = read(text, Lang::En);
        assert_eq!(f.phone.unwrap().value, "+41 22 730 5860");
        assert_eq!(f.fax.unwrap().value, "+41 22 730 5853");
        assert_eq!(f.email.unwrap().value, "tsbsg16@itu.int");
        assert_eq!(f.reference.unwrap().value, "7/16");
    }

    #[test]
    fn the_reference_may_name_its_group_on_the_next_line() {
        let text = "Ref: / TSB Collective letter 2\nTSAG/RS / - To Administrations of Member States of the Union;\nSubject: x\n";
        let f = read(text, Lang::En);
        assert_eq!(f.reference.unwrap().value, "2/TSAG");
        assert_eq!(
            f.addressees[0].value,
            "Administrations of Member States of the Union"
        );
    }
}
