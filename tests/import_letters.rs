//! The importer measured on real letters: every letter of `tests/fixtures/letters/` is read and
//! its facts compared with the hand-checked `*.facts.toml` beside it. The letters the rules were
//! written against must come out exact; the held-out ones are measured, and the table of
//! precision and recall per fact type in docs/import.md must be the one measured here.

use itucal::i18n::Lang;
use itucal::import::facts::{self, Facts};
use itucal::import::read;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    source: String,
    language: String,
    held_out: bool,
    excerpt: String,
    /// The measurement round the letter was held out in (docs/import.md keeps each round's
    /// table); the rules were fixed after it, so the letter now counts among those written
    /// against.
    #[serde(default)]
    #[allow(dead_code)]
    held_out_in_round: Option<u32>,
    /// What is special about the letter (read by people, not by the test).
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    letter: Vec<String>,
    meetings: Vec<String>,
    opening: Vec<String>,
    registration: Vec<String>,
    deadlines: Vec<String>,
    contacts: Vec<String>,
}

/// The fact types measured, in the table's order.
const TYPES: [&str; 6] = [
    "letter",
    "meetings",
    "opening",
    "registration",
    "deadlines",
    "contacts",
];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/letters")
}

fn letters() -> Vec<(String, String, Expected)> {
    let mut out = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".facts.toml"))
        .collect();
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(".facts.toml")
            .to_string();
        let expected: Expected = toml::from_str(&std::fs::read_to_string(&p).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        assert!(
            !expected.source.is_empty() && !expected.excerpt.is_empty(),
            "{name}"
        );
        let text = std::fs::read_to_string(dir().join(format!("{name}.txt")))
            .unwrap_or_else(|e| panic!("{name}.txt: {e}"));
        out.push((name, text, expected));
    }
    assert!(out.len() >= 10, "only {} letters", out.len());
    out
}

fn kind_name(k: Option<itucal::import::rules::DeadlineKind>) -> String {
    k.map_or("other".into(), |k| {
        k.key().trim_start_matches("deadline-").to_string()
    })
}

/// What the importer read, in the form of the expected files.
fn got(f: &Facts) -> BTreeMap<&'static str, Vec<String>> {
    let mut out: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut letter = Vec::new();
    letter.extend(f.date.iter().map(|d| format!("date {}", d.value)));
    letter.extend(f.reference.iter().map(|r| format!("number {}", r.value)));
    out.insert("letter", letter);
    out.insert(
        "meetings",
        f.meetings
            .iter()
            .map(|m| format!("{} {} {}", m.value.group, m.value.first, m.value.last))
            .collect(),
    );
    let distinct = |v: Vec<String>| {
        let mut v = v;
        v.dedup();
        v
    };
    out.insert(
        "opening",
        distinct(
            f.opening
                .iter()
                .map(|t| t.value.format("%H:%M").to_string())
                .collect(),
        ),
    );
    out.insert(
        "registration",
        distinct(
            f.registration
                .iter()
                .map(|t| t.value.time.format("%H:%M").to_string())
                .collect(),
        ),
    );
    out.insert(
        "deadlines",
        f.deadlines
            .iter()
            .map(|d| format!("{} {}", d.value.date, kind_name(d.value.kind)))
            .collect(),
    );
    let mut contacts = Vec::new();
    for (label, v) in [
        ("phone", &f.phone),
        ("fax", &f.fax),
        ("email", &f.email),
        ("web", &f.web),
    ] {
        contacts.extend(v.iter().map(|x| format!("{label} {}", x.value)));
    }
    out.insert("contacts", contacts);
    out
}

fn expected_of(e: &Expected) -> BTreeMap<&'static str, Vec<String>> {
    BTreeMap::from([
        ("letter", e.letter.clone()),
        ("meetings", e.meetings.clone()),
        ("opening", e.opening.clone()),
        ("registration", e.registration.clone()),
        ("deadlines", e.deadlines.clone()),
        ("contacts", e.contacts.clone()),
    ])
}

/// True positives, false positives, false negatives.
#[derive(Clone, Copy, Default)]
struct Score(usize, usize, usize);

fn score(got: &[String], want: &[String]) -> (Score, Vec<String>) {
    let mut left: Vec<&String> = want.iter().collect();
    let mut s = Score::default();
    let mut wrong = Vec::new();
    for g in got {
        match left.iter().position(|w| *w == g) {
            Some(i) => {
                left.remove(i);
                s.0 += 1;
            }
            None => {
                s.1 += 1;
                wrong.push(format!("invented: {g}"));
            }
        }
    }
    s.2 = left.len();
    wrong.extend(left.iter().map(|w| format!("missed: {w}")));
    (s, wrong)
}

fn ratio(n: usize, d: usize) -> String {
    if d == 0 {
        "–".into()
    } else {
        format!("{:.2}", n as f64 / d as f64)
    }
}

struct Measured {
    table: String,
    dev_wrong: Vec<String>,
    held_out_wrong: Vec<String>,
    languages: Vec<String>,
}

fn measure() -> Measured {
    let mut totals: BTreeMap<(bool, &str), Score> = BTreeMap::new();
    let mut dev_wrong = Vec::new();
    let mut held_out_wrong = Vec::new();
    let mut languages = Vec::new();
    for (name, text, e) in letters() {
        let want_lang = Lang::parse(&e.language).unwrap();
        let lang = read::detect(&text);
        if lang != Some(want_lang) {
            languages.push(format!("{name}: detected {lang:?}, is {want_lang:?}"));
        }
        let f = facts::read(&text, want_lang);
        let (got, want) = (got(&f), expected_of(&e));
        for t in TYPES {
            let (s, wrong) = score(&got[t], &want[t]);
            let total = totals.entry((e.held_out, t)).or_default();
            total.0 += s.0;
            total.1 += s.1;
            total.2 += s.2;
            let list = if e.held_out {
                &mut held_out_wrong
            } else {
                &mut dev_wrong
            };
            list.extend(wrong.into_iter().map(|w| format!("{name}: {t}: {w}")));
        }
    }
    let mut table = String::from(
        "| fact type | written against: found / expected | precision | recall | held out: found / expected | precision | recall |\n|---|---|---|---|---|---|---|\n",
    );
    for t in TYPES {
        let d = totals.get(&(false, t)).copied().unwrap_or_default();
        let h = totals.get(&(true, t)).copied().unwrap_or_default();
        table.push_str(&format!(
            "| {t} | {} / {} | {} | {} | {} / {} | {} | {} |\n",
            d.0,
            d.0 + d.2,
            ratio(d.0, d.0 + d.1),
            ratio(d.0, d.0 + d.2),
            h.0,
            h.0 + h.2,
            ratio(h.0, h.0 + h.1),
            ratio(h.0, h.0 + h.2),
        ));
    }
    Measured {
        table,
        dev_wrong,
        held_out_wrong,
        languages,
    }
}

#[test]
fn the_letters_the_rules_were_written_against_come_out_exact() {
    let m = measure();
    assert!(m.dev_wrong.is_empty(), "{:#?}", m.dev_wrong);
}

#[test]
fn the_language_of_every_letter_is_detected() {
    let m = measure();
    assert!(m.languages.is_empty(), "{:#?}", m.languages);
}

#[test]
fn docs_import_md_holds_the_measured_table_and_the_held_out_misses() {
    let m = measure();
    println!("{}", m.table);
    for w in &m.held_out_wrong {
        println!("- {w}");
    }
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/import.md"))
        .unwrap();
    let between = |begin: &str, end: &str| -> String {
        let from = doc.find(begin).map(|i| i + begin.len()).unwrap_or(0);
        let to = doc[from..].find(end).map_or(from, |i| from + i);
        doc[from..to].trim().to_string()
    };
    let table = between("<!-- measured table -->", "<!-- end -->");
    assert_eq!(
        table,
        m.table.trim(),
        "docs/import.md's table is not the one measured\n  docs:\n{table}\n  measured:\n{}",
        m.table
    );
    let misses = between("<!-- held-out misses -->", "<!-- end -->");
    let listed: Vec<String> = m.held_out_wrong.iter().map(|w| format!("- {w}")).collect();
    assert_eq!(
        misses,
        listed.join("\n"),
        "docs/import.md's list of held-out misses is not the one measured"
    );
}

#[test]
fn every_letter_gives_a_draft_that_check_accepts() {
    for (name, text, _) in letters() {
        let draft = itucal::import::import(
            &[itucal::import::Letter {
                name: &name,
                text: &text,
                lang: None,
            }],
            "2026-12-01T00:00:00Z".parse().unwrap(),
        )
        .unwrap();
        if let Err(p) = itucal::load::parse_meeting(&name, &draft.toml) {
            panic!("{name}: {p:?}\n{}", draft.toml);
        }
    }
}
