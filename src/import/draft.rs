//! The draft writer: the facts of one or more editions of a letter → a meeting file in the data
//! format, marked `draft = true`, that `itucal check` accepts as it is.
//!
//! Every fact written carries a comment citing the line (file:line) it was read from; what was
//! not found, or found with different values (twice in one letter, or in two editions), is a
//! `# TODO:` at the place it belongs. A required field that could not be read still gets a
//! value, so that the draft checks and can be previewed, and its TODO says the value is a
//! placeholder. Titles come from the `import-*` messages in every language; the letter's own
//! words (subject, addressees, rows, agenda) go into the texts of its language.

use super::facts::{Facts, Found, Line, MeetingKind};
use super::rules::DeadlineKind;
use crate::i18n::{Lang, arg, dates, num, tr, tr_args};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

/// One edition of the letter: its file name (for citations) and what was read from it.
pub struct Edition {
    /// The file, as given on the command line.
    pub name: String,
    /// Its facts.
    pub facts: Facts,
}

/// A written draft and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The meeting file.
    pub toml: String,
    /// How many facts it cites.
    pub facts: usize,
    /// Every TODO, as written in the file.
    pub todos: Vec<String>,
}

/// What the editions say of one fact.
enum Reading<T> {
    /// None says it.
    Missing,
    /// They agree (one value, cited wherever it was read).
    One(T, Vec<(String, Line)>),
    /// They do not: every reading with its place; the first is written.
    Differ(Vec<(String, T, Line)>),
}

fn agree<T: PartialEq + Clone>(readings: Vec<(String, Found<T>)>) -> Reading<T> {
    let Some((_, first)) = readings.first() else {
        return Reading::Missing;
    };
    let first = first.value.clone();
    if readings.iter().all(|(_, r)| r.value == first) {
        Reading::One(
            first,
            readings.into_iter().map(|(n, r)| (n, r.at)).collect(),
        )
    } else {
        Reading::Differ(
            readings
                .into_iter()
                .map(|(n, r)| (n, r.value, r.at))
                .collect(),
        )
    }
}

/// The output being written, with its count of facts and its TODOs.
struct W {
    out: String,
    facts: usize,
    todos: Vec<String>,
}

impl W {
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn cite(&mut self, at: &[(String, Line)]) {
        if at.is_empty() {
            return;
        }
        self.facts += 1;
        let mut seen = HashSet::new();
        for (file, l) in at {
            if seen.insert((file.clone(), l.no)) {
                let _ = writeln!(self.out, "# {file}:{}: {}", l.no, one_line(&l.text));
            }
        }
    }

    fn todo(&mut self, what: impl Into<String>) {
        let what = one_line(&what.into());
        let _ = writeln!(self.out, "# TODO: {what}");
        self.todos.push(what);
    }

    /// Writes a reading: its citation or its TODO, then returns the value to write.
    fn reading<T: Clone>(
        &mut self,
        r: Reading<T>,
        what: &str,
        show: impl Fn(&T) -> String,
    ) -> Option<T> {
        match r {
            Reading::Missing => None,
            Reading::One(v, at) => {
                self.cite(&at);
                Some(v)
            }
            Reading::Differ(all) => {
                let readings: Vec<String> = all
                    .iter()
                    .map(|(f, v, l)| format!("{f}:{} reads {}", l.no, show(v)))
                    .collect();
                self.todo(format!(
                    "{what}: the readings differ ({}); the first is written, keep the right one",
                    readings.join("; ")
                ));
                all.into_iter().next().map(|(_, v, _)| v)
            }
        }
    }
}

/// A comment must stay on one line.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A TOML string holding `s` exactly.
fn lit(s: &str) -> String {
    let mut t = toml::Table::new();
    t.insert("v".into(), toml::Value::String(s.to_string()));
    let text = toml::to_string(&t).unwrap_or_else(|_| "v = \"\"".into());
    text.trim_end()
        .strip_prefix("v = ")
        .unwrap_or("\"\"")
        .to_string()
}

/// A text in the data format: `{ en = "…", zh = "…" }`, English first, empty forms left out.
fn text(forms: &BTreeMap<Lang, String>) -> String {
    let mut parts = Vec::new();
    let en = forms.get(&Lang::En).filter(|s| !s.trim().is_empty());
    parts.push(format!("en = {}", lit(en.map_or("(untitled)", |s| s))));
    for lang in Lang::ALL {
        if lang == Lang::En {
            continue;
        }
        if let Some(s) = forms.get(&lang).filter(|s| !s.trim().is_empty()) {
            parts.push(format!("{} = {}", lang.code(), lit(s)));
        }
    }
    format!("{{ {} }}", parts.join(", "))
}

/// The same message in every language.
fn every_lang(f: impl Fn(Lang) -> String) -> BTreeMap<Lang, String> {
    Lang::ALL.into_iter().map(|l| (l, f(l))).collect()
}

/// A date-time TOML can write, as a local time.
/// The head of a timed event on one day: `[[event]]`, its key, kind, start, end and title.
fn timed_event(
    w: &mut W,
    key: &str,
    kind: &str,
    day: NaiveDate,
    (start, end): (NaiveTime, NaiveTime),
    title: &BTreeMap<Lang, String>,
) {
    w.line("[[event]]");
    w.line(&format!("key = {}", lit(key)));
    w.line(&format!("kind = {}", lit(kind)));
    w.line(&format!("start = {}", local(day, start)));
    w.line(&format!("end = {}", local(day, end)));
    w.line(&format!("title = {}", text(title)));
}

fn local(d: NaiveDate, t: NaiveTime) -> String {
    d.and_time(t).format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// A key made of the lowercase letters and digits of `s`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn unique(keys: &mut HashSet<String>, key: String) -> String {
    if keys.insert(key.clone()) {
        return key;
    }
    (2..)
        .map(|n| format!("{key}-{n}"))
        .find(|k| keys.insert(k.clone()))
        .unwrap_or(key)
}

/// A fact as one edition states it: the edition's file and what it says where.
type Cited<T> = (String, Found<T>);

/// First and last day.
type Days = (NaiveDate, NaiveDate);

/// One meeting across editions: the group, its kind, and each edition's days.
struct MeetingRow {
    kind: MeetingKind,
    group: String,
    days: Vec<(String, Found<(NaiveDate, NaiveDate)>)>,
}

/// One deadline across editions: matched by what it asks for (the n-th row of that kind), or,
/// when the rules cannot tell, by its place among the rows they cannot tell.
struct DeadlineRow {
    kind: Option<DeadlineKind>,
    dates: Vec<(String, Found<NaiveDate>)>,
    texts: BTreeMap<Lang, String>,
}

fn show_days(d: &(NaiveDate, NaiveDate)) -> String {
    dates::range(d.0, d.1, Lang::En)
}

/// Writes the draft of a meeting from its letter's editions, `now` standing in for a date the
/// letter does not give.
pub fn write(editions: &[Edition], now: DateTime<Utc>) -> Draft {
    let mut w = W {
        out: String::new(),
        facts: 0,
        todos: Vec::new(),
    };
    let names: Vec<String> = editions
        .iter()
        .map(|e| format!("{} ({})", e.name, e.facts.lang.code()))
        .collect();
    let read = |f: &dyn Fn(&Facts) -> Option<&Found<String>>| -> Vec<(String, Found<String>)> {
        editions
            .iter()
            .filter_map(|e| f(&e.facts).map(|x| (e.name.clone(), x.clone())))
            .collect()
    };

    // --- what the whole meeting is: its meetings, groups, place, dates ---
    let mut meetings: Vec<MeetingRow> = Vec::new();
    for e in editions {
        for m in &e.facts.meetings {
            let days = Found {
                value: (m.value.first, m.value.last),
                at: m.at.clone(),
            };
            match meetings.iter_mut().find(|r| r.group == m.value.group) {
                Some(row) => row.days.push((e.name.clone(), days)),
                None => meetings.push(MeetingRow {
                    kind: m.value.kind,
                    group: m.value.group.clone(),
                    days: vec![(e.name.clone(), days)],
                }),
            }
        }
    }
    let first_edition_days = |row: &MeetingRow| row.days[0].1.value;
    let first_day = meetings.iter().map(|r| first_edition_days(r).0).min();
    let last_day = meetings.iter().map(|r| first_edition_days(r).1).max();
    let reference = read(&|f| f.reference.as_ref());
    let reference_number = reference.first().map(|(_, r)| r.value.clone());
    let sg: Option<String> = reference_number
        .as_deref()
        .and_then(|r| r.split('/').nth(1))
        .filter(|of| of.chars().all(|c| c.is_ascii_digit()))
        .map(|n| format!("SG{n}"))
        .or_else(|| {
            meetings.iter().find_map(|m| {
                let n = m.group.rsplit('/').next()?;
                match m.kind {
                    MeetingKind::StudyGroup => Some(m.group.clone()),
                    MeetingKind::Group => None,
                    _ => Some(format!("SG{n}")),
                }
            })
        });
    let mut groups: Vec<String> = Vec::new();
    let declare = |g: &str, groups: &mut Vec<String>| {
        if !groups.iter().any(|x| x == g) {
            groups.push(g.to_string());
        }
    };
    if let Some(sg) = &sg {
        declare(sg, &mut groups);
    }
    let mut by_kind: Vec<&MeetingRow> = meetings.iter().collect();
    by_kind.sort_by_key(|m| match m.kind {
        MeetingKind::StudyGroup | MeetingKind::Group => 0,
        MeetingKind::WorkingParty => 1,
        MeetingKind::Rapporteur => 2,
    });
    for m in &by_kind {
        declare(&m.group, &mut groups);
    }
    // the meeting's label in titles: the study group (or TSAG) and its working parties
    let label: String = {
        let mut parts: Vec<String> = sg.iter().cloned().collect();
        for m in &by_kind {
            if matches!(m.kind, MeetingKind::WorkingParty | MeetingKind::Group)
                && !parts.contains(&m.group)
            {
                parts.push(m.group.clone());
            }
        }
        if parts.is_empty() {
            "ITU-T".into()
        } else {
            parts.join(" ")
        }
    };
    let geneva = editions.iter().any(|e| e.facts.geneva);
    let headquarters = editions.iter().any(|e| e.facts.headquarters);
    let place_as_written = read(&|f| f.place.as_ref());
    let place = |lang: Lang| -> String {
        if geneva {
            return tr(lang, "import-geneva");
        }
        editions
            .iter()
            .find(|e| e.facts.lang == lang)
            .and_then(|e| e.facts.place.as_ref())
            .or(place_as_written.first().map(|(_, p)| p))
            .map_or_else(|| "?".to_string(), |p| p.value.clone())
    };

    // --- the head ---
    w.line(&format!(
        "# Draft imported from {} by itucal import. Nothing here is reviewed: check every",
        names.join(", ")
    ));
    w.line("# fact against the letter (each cites the line it was read from), resolve every TODO,");
    w.line("# run `itucal check`, then delete `draft = true`.");
    w.line("");

    let id = {
        let mut parts: Vec<String> = Vec::new();
        match &sg {
            Some(sg) => parts.push(sg.to_lowercase()),
            None if meetings.iter().any(|m| m.group == "TSAG") => parts.push("tsag".into()),
            None => parts.push("meeting".into()),
        }
        let plenary = meetings
            .iter()
            .any(|m| matches!(m.kind, MeetingKind::StudyGroup | MeetingKind::Group));
        if !plenary {
            for m in meetings
                .iter()
                .filter(|m| m.kind == MeetingKind::WorkingParty)
            {
                parts.push(m.group.split('/').next().unwrap_or("").to_lowercase());
            }
        }
        if let Some(d) = first_day {
            parts.push(format!("{:04}-{:02}", d.year(), d.month()));
        }
        parts.join("-")
    };
    w.line("# suggested from the groups and the first day: never rename it once published");
    if first_day.is_none() {
        w.todo("no meeting days found: the id has no year and month; give it the first day's");
    }
    w.line(&format!("id = {}", lit(&id)));
    w.line("draft = true");

    // time zone
    let tz: Option<Tz> = if geneva {
        Some(chrono_tz::Europe::Zurich)
    } else {
        place_as_written.first().and_then(|(_, p)| {
            p.value
                .split([',', '，', ' '])
                .find_map(crate::load::city_timezone)
                .or_else(|| crate::load::city_timezone(&p.value))
        })
    };
    let subject_at: Vec<(String, Line)> = editions
        .iter()
        .filter_map(|e| Some((e.name.clone(), e.facts.subject.as_ref()?.at.clone())))
        .collect();
    match tz {
        Some(tz) => {
            w.cite(&subject_at);
            w.line(&format!("timezone = {}", lit(tz.name())));
        }
        None => {
            let place = place_as_written
                .first()
                .map_or("none found".to_string(), |(_, p)| format!("'{}'", p.value));
            w.todo(format!(
                "the venue ({place}) is not a city tzdb knows: set `timezone` (IANA name); Geneva's is assumed"
            ));
        }
    }
    let tz = tz.unwrap_or(chrono_tz::Europe::Zurich);

    let letter_date = w.reading(
        agree(
            editions
                .iter()
                .filter_map(|e| Some((e.name.clone(), e.facts.date.clone()?)))
                .collect(),
        ),
        "the letter's date",
        |d| d.to_string(),
    );
    let source_date = match letter_date {
        Some(d) => d,
        None => {
            w.todo(
                "the letter's date was not found: `updated` and `source.date` hold today's date",
            );
            now.date_naive()
        }
    };
    w.line("# the letter's date: raise it on every edit of this file");
    w.line(&format!(
        "updated = {}T00:00:00Z",
        source_date.format("%Y-%m-%d")
    ));

    if meetings.is_empty() {
        w.todo("no meeting found in the subject: add the groups, and an [[event]] per meeting");
    } else {
        w.cite(&subject_at);
    }
    let group_list: Vec<String> = groups.iter().map(|g| lit(g)).collect();
    w.line(&format!("groups = [{}]", group_list.join(", ")));
    let (within, unsure) = within(&groups);
    for q in unsure {
        w.todo(format!(
            "{q} is put within its study group: the letter names several working parties; put it within the one it belongs to"
        ));
    }
    if !within.is_empty() {
        w.line("# Questions within the letter's working party, working parties within their study group");
        let pairs: Vec<String> = within
            .iter()
            .map(|(g, parent)| format!("{} = {}", lit(g), lit(parent)))
            .collect();
        w.line(&format!("within = {{ {} }}", pairs.join(", ")));
    }

    let url = agree(read(&|f| f.url.as_ref()));
    if let Some(u) = w.reading(url, "the study group's page", |u| u.clone()) {
        w.line(&format!("url = {}", lit(&u)));
    }

    // title: the meetings' groups, place and days, in every language
    let count = meetings.len().max(1);
    let title = every_lang(|lang| {
        let dates = match (first_day, last_day) {
            (Some(a), Some(b)) => dates::range(a, b, lang),
            _ => "?".into(),
        };
        let codes = group_span(&by_kind.iter().map(|m| m.group.clone()).collect::<Vec<_>>());
        tr_args(
            lang,
            "import-meeting-title",
            &[
                ("groups", arg(&codes)),
                ("count", num(count)),
                ("place", arg(&place(lang))),
                ("dates", arg(&dates)),
            ],
        )
    });
    w.cite(&subject_at);
    w.line(&format!("title = {}", text(&title)));

    // location
    if geneva {
        w.cite(&subject_at);
        let id = if headquarters {
            "import-itu-headquarters"
        } else {
            "import-geneva"
        };
        w.line(&format!("location = {}", text(&every_lang(|l| tr(l, id)))));
    } else if let Some((_, p)) = place_as_written.first() {
        w.cite(&[(place_as_written[0].0.clone(), p.at.clone())]);
        w.todo("the venue is written as the letter writes it: give it in English and the other languages");
        let mut forms = BTreeMap::new();
        for lang in Lang::ALL {
            forms.insert(lang, place(lang));
        }
        w.line(&format!("location = {}", text(&forms)));
    } else {
        w.todo("no venue found in the subject: add `location`");
    }

    // source
    let number = w.reading(agree(reference), "the letter's number", |r| r.clone());
    let mut reference_forms = BTreeMap::new();
    let number = match number {
        Some(n) => n,
        None => {
            w.todo("the letter's number was not found: write it in `source.reference`");
            "?".to_string()
        }
    };
    reference_forms.insert(Lang::En, format!("TSB Collective Letter {number}"));
    for e in editions {
        if let Some(t) = &e.facts.reference_text
            && e.facts.lang != Lang::En
        {
            reference_forms.insert(e.facts.lang, t.clone());
        }
    }
    w.line(&format!(
        "source = {{ reference = {}, date = {} }}",
        text(&reference_forms),
        source_date.format("%Y-%m-%d")
    ));

    // contact
    let email = w.reading(
        agree(read(&|f| f.email.as_ref())),
        "the e-mail address",
        |s| s.clone(),
    );
    let phone = w.reading(agree(read(&|f| f.phone.as_ref())), "the telephone", |s| {
        s.clone()
    });
    let fax = w.reading(agree(read(&|f| f.fax.as_ref())), "the fax", |s| s.clone());
    let web = w.reading(agree(read(&|f| f.web.as_ref())), "the web page", |s| {
        s.clone()
    });
    let web = web.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let email = match email.filter(|e| e.contains('@')) {
        Some(e) => e,
        None => {
            w.todo("no e-mail address found in the letter head: the study group secretariat's goes here");
            "todo@example.invalid".into()
        }
    };
    if phone.is_none() {
        w.todo("no telephone number found in the letter head");
    }
    if fax.is_none() {
        w.todo("no fax number found in the letter head");
    }
    let mut contact = vec![format!("email = {}", lit(&email))];
    contact.extend(phone.map(|p| format!("phone = {}", lit(&p))));
    contact.extend(fax.map(|p| format!("fax = {}", lit(&p))));
    contact.extend(web.map(|p| format!("web = {}", lit(&p))));
    w.line(&format!("contact = {{ {} }}", contact.join(", ")));

    // description: the letter's own words in its language; English from the English edition
    w.line("");
    let mut description: BTreeMap<Lang, String> = BTreeMap::new();
    let mut description_at: Vec<(String, Line)> = Vec::new();
    for e in editions {
        let f = &e.facts;
        let lang = f.lang;
        let mut parts: Vec<String> = Vec::new();
        if let Some(s) = &f.subject {
            parts.push(s.value.clone());
            description_at.push((e.name.clone(), s.at.clone()));
        }
        let list = |items: &[Found<String>], label: &str, numbered: bool| -> Option<String> {
            if items.is_empty() {
                return None;
            }
            let lines: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(n, i)| {
                    if numbered {
                        format!("{}. {}", n + 1, i.value)
                    } else {
                        format!("- {}", i.value)
                    }
                })
                .collect();
            Some(format!("{}:\n{}", tr(lang, label), lines.join("\n")))
        };
        for (items, label, numbered) in [
            (&f.addressees, "import-addressees", false),
            (&f.chairs, "import-chairs", false),
            (&f.agenda, "import-agenda", true),
        ] {
            if let Some(block) = list(items, label, numbered) {
                parts.push(block);
                description_at.extend(items.iter().map(|i| (e.name.clone(), i.at.clone())));
            }
        }
        parts.retain(|p| !p.trim().is_empty());
        if !parts.is_empty() && !description.contains_key(&lang) {
            description.insert(lang, parts.join("\n\n"));
        }
    }
    if !description.is_empty() {
        if !description.contains_key(&Lang::En) {
            let (lang, other) = description
                .iter()
                .next()
                .map(|(l, t)| (*l, t.clone()))
                .unwrap_or((Lang::En, String::new()));
            w.todo(format!(
                "the description is the {} letter's: write its English (`en`), which stands in for now",
                lang.code()
            ));
            description.insert(Lang::En, other);
        }
        w.cite(&description_at);
        w.line("[description]");
        for lang in
            std::iter::once(Lang::En).chain(Lang::ALL.into_iter().filter(|l| *l != Lang::En))
        {
            if let Some(t) = description.get(&lang).filter(|t| !t.trim().is_empty()) {
                w.line(&format!("{} = {}", lang.code(), lit(t)));
            }
        }
    }

    // --- events ---
    let mut keys: HashSet<String> = HashSet::new();
    w.line("");
    w.line("# --- Meetings ---");
    for row in &by_kind {
        w.line("");
        let days = w.reading(
            agree(row.days.clone()),
            &format!("the days of {}", row.group),
            show_days,
        );
        let Some((first, last)) = days else { continue };
        let (key, message, number) = match row.kind {
            MeetingKind::Rapporteur => (
                format!("{}-rapporteur-meeting", slug(&row.group)),
                "import-rapporteur-meeting",
                row.group.clone(),
            ),
            MeetingKind::WorkingParty => (
                format!("{}-meeting", slug(&row.group)),
                "import-wp-meeting",
                row.group.trim_start_matches("WP").to_string(),
            ),
            MeetingKind::StudyGroup => (
                format!("{}-meeting", slug(&row.group)),
                "import-sg-meeting",
                row.group.trim_start_matches("SG").to_string(),
            ),
            MeetingKind::Group => (
                format!("{}-meeting", slug(&row.group)),
                "import-group-meeting",
                row.group.clone(),
            ),
        };
        let key = unique(&mut keys, key);
        w.line("[[event]]");
        w.line(&format!("key = {}", lit(&key)));
        w.line("kind = \"meeting\"");
        w.line(&format!("groups = [{}]", lit(&row.group)));
        w.line(&format!("first_day = {first}"));
        if last != first {
            w.line(&format!("last_day = {last}"));
        }
        let title = every_lang(|lang| {
            tr_args(
                lang,
                message,
                &[
                    ("group", arg(&row.group)),
                    ("number", arg(&number)),
                    ("place", arg(&place(lang))),
                ],
            )
        });
        w.line(&format!("title = {}", text(&title)));
    }
    for e in editions {
        for g in &e.facts.undated_groups {
            w.line("");
            w.cite(&[(e.name.clone(), g.at.clone())]);
            w.todo(format!(
                "the subject names {} but no days for it could be read: add its [[event]]",
                g.value
            ));
        }
    }

    // co-located meetings of other bodies
    // by the other body's name: its days in each edition
    let mut colocated: Vec<(String, Vec<Cited<Days>>)> = Vec::new();
    for e in editions {
        for c in &e.facts.colocated {
            let days = Found {
                value: (c.value.first, c.value.last),
                at: c.at.clone(),
            };
            let name = c.value.name.clone();
            match colocated
                .iter_mut()
                .find(|(n, _)| n.to_lowercase() == name.to_lowercase())
            {
                Some((_, d)) => d.push((e.name.clone(), days)),
                None => colocated.push((name, vec![(e.name.clone(), days)])),
            }
        }
    }
    for (name, days) in colocated {
        w.line("");
        let days = w.reading(
            agree(days),
            &format!("the days of the {name} meeting"),
            show_days,
        );
        let Some((first, last)) = days else { continue };
        let base = slug(&name);
        let key = unique(
            &mut keys,
            if base.is_empty() {
                "co-location".into()
            } else {
                format!("{base}-co-location")
            },
        );
        w.line("[[event]]");
        w.line(&format!("key = {}", lit(&key)));
        w.line("kind = \"info\"");
        w.line(&format!("first_day = {first}"));
        if last != first {
            w.line(&format!("last_day = {last}"));
        }
        let title = every_lang(|lang| {
            tr_args(
                lang,
                "import-colocated",
                &[
                    ("name", arg(&name)),
                    ("meeting", arg(&label)),
                    ("place", arg(&place(lang))),
                ],
            )
        });
        w.line(&format!("title = {}", text(&title)));
    }

    // opening and registration
    w.line("");
    w.line("# --- Opening and registration (on the first day) ---");
    w.line("");
    let mut opening_readings = Vec::new();
    for e in editions {
        let mut distinct: Vec<NaiveTime> = Vec::new();
        for o in &e.facts.opening {
            if !distinct.contains(&o.value) {
                distinct.push(o.value);
            }
            opening_readings.push((e.name.clone(), o.clone()));
        }
        if distinct.len() > 1 {
            w.todo(format!(
                "{} gives several opening times ({}): keep the right one",
                e.name,
                distinct
                    .iter()
                    .map(|t| t.format("%H:%M").to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    let opening = w.reading(agree(opening_readings), "the opening time", |t| {
        t.format("%H:%M").to_string()
    });
    let registration_times = editions
        .iter()
        .flat_map(|e| {
            e.facts.registration.iter().map(|r| {
                (
                    e.name.clone(),
                    Found {
                        value: r.value.time,
                        at: r.at.clone(),
                    },
                )
            })
        })
        .collect();
    let registration = w.reading(agree(registration_times), "the registration time", |t| {
        t.format("%H:%M").to_string()
    });
    if opening.is_none() {
        w.todo("no opening time found (\"will open at 0930 hours\"): registration ends an hour after it starts");
    }
    match (registration, first_day) {
        (Some(start), Some(day)) => {
            let end = opening
                .filter(|o| *o > start)
                .unwrap_or_else(|| start + Duration::hours(1));
            let exists = |t: NaiveTime| tz.from_local_datetime(&day.and_time(t)).single().is_some();
            if end > start && exists(start) && exists(end) {
                let key = unique(&mut keys, "registration".into());
                let title = every_lang(|lang| {
                    tr_args(
                        lang,
                        "import-registration",
                        &[("meeting", arg(&label)), ("place", arg(&place(lang)))],
                    )
                });
                timed_event(&mut w, &key, "info", day, (start, end), &title);
                let places: Vec<(Lang, String)> = editions
                    .iter()
                    .filter_map(|e| {
                        let p = e.facts.registration.iter().find_map(|r| r.value.place.clone())?;
                        Some((e.facts.lang, p))
                    })
                    .collect();
                if places.iter().any(|(_, p)| p.contains("Montbrillant") || p.contains("Монбрийан")) {
                    let forms = every_lang(|l| tr(l, "import-montbrillant"));
                    w.line(&format!("location = {}", text(&forms)));
                } else if !places.is_empty() {
                    let mut forms: BTreeMap<Lang, String> = places.iter().cloned().collect();
                    if let std::collections::btree_map::Entry::Vacant(en) = forms.entry(Lang::En) {
                        w.todo("the registration place is the letter's words: give it in English");
                        en.insert(places[0].1.clone());
                    }
                    w.line(&format!("location = {}", text(&forms)));
                }
            } else {
                w.todo(format!(
                    "registration at {} on {day} cannot be written as a time in {} (it ends before it starts or the clock skips it): add it by hand",
                    start.format("%H:%M"),
                    tz.name()
                ));
            }
        }
        (None, _) => w.todo(
            "no registration time found (\"registration will begin at 0830 hours\"): add a `registration` event if the letter gives one",
        ),
        (Some(_), None) => w.todo("registration time found but no first day to put it on"),
    }
    // the opening is an event of its own; the letter gives its start, not its end
    if let (Some(start), Some(day)) = (opening, first_day) {
        let block_end = NaiveTime::from_hms_opt(12, 30, 0).unwrap_or(start);
        let end = if start < block_end {
            block_end
        } else {
            start + Duration::hours(3)
        };
        let exists = |t: NaiveTime| tz.from_local_datetime(&day.and_time(t)).single().is_some();
        if end > start && exists(start) && exists(end) {
            let key = unique(&mut keys, "opening".into());
            w.line("");
            w.todo("the letter gives the opening time, not its end: the end is that of an ITU-T morning block (12:30); correct it if the time plan says otherwise");
            let title = every_lang(|lang| {
                tr_args(
                    lang,
                    "import-opening",
                    &[("meeting", arg(&label)), ("place", arg(&place(lang)))],
                )
            });
            timed_event(&mut w, &key, "session", day, (start, end), &title);
        }
    }

    // deadlines
    w.line("");
    w.line("# --- Key deadlines (Geneva dates) ---");
    let mut rows: Vec<DeadlineRow> = Vec::new();
    for e in editions {
        let mut nth: BTreeMap<Option<DeadlineKind>, usize> = BTreeMap::new();
        for d in &e.facts.deadlines {
            let n = nth.entry(d.value.kind).or_default();
            let found = Found {
                value: d.value.date,
                at: d.at.clone(),
            };
            let same: Vec<usize> = rows
                .iter()
                .enumerate()
                .filter(|(_, r)| r.kind == d.value.kind)
                .map(|(i, _)| i)
                .collect();
            match same.get(*n) {
                Some(&i) if !rows[i].texts.contains_key(&e.facts.lang) => {
                    rows[i].dates.push((e.name.clone(), found));
                    rows[i].texts.insert(e.facts.lang, d.value.text.clone());
                }
                _ => rows.push(DeadlineRow {
                    kind: d.value.kind,
                    dates: vec![(e.name.clone(), found)],
                    texts: BTreeMap::from([(e.facts.lang, d.value.text.clone())]),
                }),
            }
            *n += 1;
        }
    }
    if rows.is_empty() {
        w.line("");
        w.todo("no Key deadlines table found: add a deadline event per row of the letter's table");
    }
    let month_of = |lang: Lang| first_day.map_or("?".to_string(), |d| dates::month_year(d, lang));
    for row in rows {
        w.line("");
        let what_row = row
            .kind
            .map_or("a deadline the rules cannot tell".to_string(), |k| {
                k.key().to_string()
            });
        let date = w.reading(agree(row.dates), &format!("the date of {what_row}"), |d| {
            d.to_string()
        });
        let Some(date) = date else { continue };
        let base = match row.kind {
            Some(k) => k.key().to_string(),
            None => format!("deadline-{date}"),
        };
        let key = unique(&mut keys, base);
        let what = |lang: Lang| -> Option<String> {
            match row.kind {
                Some(k) => Some(tr(lang, &k.message())),
                None => row.texts.get(&lang).cloned(),
            }
        };
        let mut title = BTreeMap::new();
        for lang in Lang::ALL {
            if let Some(what) = what(lang) {
                let t = tr_args(
                    lang,
                    "import-deadline",
                    &[
                        ("what", arg(&what)),
                        ("meeting", arg(&label)),
                        ("month", arg(&month_of(lang))),
                    ],
                );
                title.insert(lang, t);
            }
        }
        if !title.contains_key(&Lang::En) {
            let (lang, other) = title
                .iter()
                .next()
                .map(|(l, t)| (*l, t.clone()))
                .unwrap_or((Lang::En, "Deadline".into()));
            w.todo(format!(
                "what this row asks for is not known to the rules: write the English title (the {} one stands in)",
                lang.code()
            ));
            title.insert(Lang::En, other);
        }
        if row.kind.is_none() {
            w.todo("check this row's title and key: the rules could not tell what it asks for");
        }
        w.line("[[event]]");
        w.line(&format!("key = {}", lit(&key)));
        w.line("kind = \"deadline\"");
        w.line(&format!("first_day = {date}"));
        w.line(&format!("title = {}", text(&title)));
        let mut description = row.texts.clone();
        if !description.contains_key(&Lang::En) {
            let en = what(Lang::En)
                .or_else(|| description.values().next().cloned())
                .unwrap_or_default();
            description.insert(Lang::En, en);
        }
        w.line(&format!("description = {}", text(&description)));
    }
    for e in editions {
        for r in &e.facts.undated_rows {
            w.line("");
            w.cite(&[(e.name.clone(), r.at.clone())]);
            w.todo(format!(
                "a row of the Key deadlines table without a date: '{}'; add its deadline event",
                r.value
            ));
        }
    }
    Draft {
        toml: w.out,
        facts: w.facts,
        todos: w.todos,
    }
}

/// Which declared group each group is within: a working party within its study group; a
/// Question within the one working party of its study group the letter names, else within the
/// study group (and then listed second, as unsure).
fn within(groups: &[String]) -> (Vec<(String, String)>, Vec<String>) {
    let sg_of = |g: &str| g.rsplit_once('/').map(|(_, n)| format!("SG{n}"));
    let declared = |g: &str| groups.iter().any(|x| x == g);
    let mut out = Vec::new();
    let mut unsure = Vec::new();
    for g in groups {
        let Some(sg) = sg_of(g).filter(|sg| declared(sg)) else {
            continue;
        };
        if g.starts_with("WP") {
            out.push((g.clone(), sg));
        } else if g.starts_with('Q') {
            let wps: Vec<&String> = groups
                .iter()
                .filter(|x| x.starts_with("WP") && sg_of(x).as_deref() == Some(sg.as_str()))
                .collect();
            match wps.as_slice() {
                [wp] => out.push((g.clone(), (*wp).clone())),
                [] => out.push((g.clone(), sg)),
                _ => {
                    out.push((g.clone(), sg));
                    unsure.push(g.clone());
                }
            }
        }
    }
    (out, unsure)
}

/// Group codes as titles write them: consecutive Questions of one study group as a span
/// (`Q1/20–Q4/20`), everything else listed.
fn group_span(groups: &[String]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut qs: Vec<(u32, u32)> = Vec::new();
    for g in groups {
        let q = g.strip_prefix('Q').and_then(|r| {
            let (q, sg) = r.split_once('/')?;
            Some((q.parse().ok()?, sg.parse().ok()?))
        });
        match q {
            Some(q) => qs.push(q),
            None => out.push(g.clone()),
        }
    }
    qs.sort();
    let mut i = 0;
    let mut q_parts = Vec::new();
    while i < qs.len() {
        let mut j = i;
        while j + 1 < qs.len() && qs[j + 1].1 == qs[i].1 && qs[j + 1].0 == qs[j].0 + 1 {
            j += 1;
        }
        if j >= i + 2 {
            q_parts.push(format!("Q{}/{}–Q{}/{}", qs[i].0, qs[i].1, qs[j].0, qs[j].1));
        } else {
            for q in &qs[i..=j] {
                q_parts.push(format!("Q{}/{}", q.0, q.1));
            }
        }
        i = j + 1;
    }
    q_parts.extend(out);
    q_parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_are_within_the_one_working_party_and_working_parties_within_their_group() {
        let g = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let pairs = |v: Vec<(String, String)>| {
            v.into_iter()
                .map(|(a, b)| format!("{a}<{b}"))
                .collect::<Vec<_>>()
        };
        let (w, unsure) = within(&g(&["SG20", "WP1/20", "Q1/20", "Q2/20"]));
        assert_eq!(pairs(w), ["WP1/20<SG20", "Q1/20<WP1/20", "Q2/20<WP1/20"]);
        assert!(unsure.is_empty());
        let (w, unsure) = within(&g(&["SG13", "WP1/13", "WP2/13", "Q6/13"]));
        assert_eq!(pairs(w), ["WP1/13<SG13", "WP2/13<SG13", "Q6/13<SG13"]);
        assert_eq!(unsure, ["Q6/13"]);
        assert!(within(&g(&["TSAG"])).0.is_empty());
    }

    #[test]
    fn questions_in_a_row_make_a_span_in_titles() {
        let g = |v: &[&str]| group_span(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            g(&["WP1/20", "Q1/20", "Q2/20", "Q3/20", "Q4/20"]),
            "Q1/20–Q4/20, WP1/20"
        );
        assert_eq!(g(&["Q2/13", "Q6/13"]), "Q2/13, Q6/13");
        assert_eq!(g(&["SG3"]), "SG3");
    }

    #[test]
    fn a_toml_string_holds_quotes_backslashes_and_line_ends() {
        let s = "a \"b\" \\ c\n\"\"\"d";
        let doc = format!("v = {}\n", lit(s));
        let t: toml::Table = doc.parse().unwrap();
        assert_eq!(t["v"].as_str(), Some(s));
    }
}
