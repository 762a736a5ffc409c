//! `itucal import`: the seed letter gives the facts of the shipped data, and the command writes
//! a draft that `check` accepts, never over an existing file.

use itucal::import::{Letter, import};
use itucal::model::{Meeting, When};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seed letter (a copy of the one in shared/source, kept with the fixtures).
fn seed_letter() -> (String, String) {
    let text = std::fs::read_to_string(root().join("tests/fixtures/letters/zh-3-20.txt")).unwrap();
    ("tsb-collective-letter-3-20.zh.txt".to_string(), text)
}

fn now() -> chrono::DateTime<chrono::Utc> {
    "2026-12-01T00:00:00Z".parse().unwrap()
}

/// Every date, time and deadline of a meeting, by event key: what the comparison is about.
fn when_by_key(m: &Meeting) -> BTreeMap<String, String> {
    m.events
        .iter()
        .map(|e| {
            let when = match &e.when {
                When::AllDay { first, last } => format!("{} {first}..{last}", e.kind.name()),
                When::Timed { start, end, .. } => format!("{} {start}..{end}", e.kind.name()),
            };
            let groups: Vec<&str> = m.groups_of(e).map(|g| g.name()).collect();
            (e.key.clone(), format!("{when} [{}]", groups.join(" ")))
        })
        .collect()
}

#[test]
fn importing_the_seed_letter_gives_every_date_time_and_deadline_of_the_shipped_data() {
    let (name, text) = seed_letter();
    let draft = import(
        &[Letter {
            name: &name,
            text: &text,
            lang: None,
        }],
        now(),
    )
    .unwrap();
    let (got, _) = itucal::load::parse_meeting("draft.toml", &draft.toml)
        .unwrap_or_else(|p| panic!("check refuses the draft: {p:?}\n{}", draft.toml));
    let shipped_text = std::fs::read_to_string(root().join("data/sg20-wp1-2018-01.toml")).unwrap();
    let (want, _) = itucal::load::parse_meeting("data.toml", &shipped_text).unwrap();
    assert!(got.draft, "an imported file must mark itself a draft");
    assert!(!want.draft);
    let (g, w) = (when_by_key(&got), when_by_key(&want));
    assert_eq!(
        g, w,
        "events differ\n  imported: {g:#?}\n  shipped:  {w:#?}"
    );
    assert_eq!(got.id, want.id);
    assert_eq!(got.tz, want.tz);
    assert_eq!(got.updated, want.updated);
    assert_eq!(got.source.date, want.source.date);
    assert_eq!(got.contact, want.contact);
    assert_eq!(got.url, want.url);
    let names = |m: &Meeting| {
        let mut g: Vec<String> = m.groups.iter().map(|g| g.name().to_string()).collect();
        g.sort();
        g
    };
    assert_eq!(names(&got), names(&want));
    let structure = |m: &Meeting| {
        let mut w: Vec<String> = m
            .groups
            .iter()
            .zip(&m.within)
            .filter_map(|(g, p)| Some(format!("{}<{}", g.name(), m.groups[(*p)?].name())))
            .collect();
        w.sort();
        w
    };
    assert_eq!(structure(&got), structure(&want));
    // the letter's own words, in its language
    assert_eq!(
        got.source.reference.get(itucal::i18n::Lang::Zh),
        "电信标准化局第3/20号集体函"
    );
    // nothing left to do but translate the description and confirm the opening's end
    assert_eq!(draft.todos.len(), 2, "{:#?}", draft.todos);
    assert!(draft.todos[1].contains("opening"), "{:#?}", draft.todos);
}

#[test]
fn every_fact_of_the_draft_cites_a_line_of_the_letter_that_says_it() {
    let (name, text) = seed_letter();
    let draft = import(
        &[Letter {
            name: &name,
            text: &text,
            lang: None,
        }],
        now(),
    )
    .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let prefix = format!("# {name}:");
    let mut cited = 0;
    for l in draft.toml.lines() {
        let Some(rest) = l.strip_prefix(&prefix) else {
            continue;
        };
        let (no, quote) = rest.split_once(": ").unwrap();
        let no: usize = no.parse().unwrap();
        let quote = quote.trim_end_matches('…');
        let line: String = lines[no - 1]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(line.contains(quote), "line {no} is not what {l:?} quotes");
        cited += 1;
    }
    assert!(
        cited >= draft.facts,
        "{cited} citations for {} facts",
        draft.facts
    );
}

fn itucal(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_itucal"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_command_writes_a_draft_check_accepts_and_never_overwrites_without_force() {
    let (_, text) = seed_letter();
    let dir = tempfile::tempdir().unwrap();
    let letter = dir.path().join("letter.zh.txt");
    std::fs::write(&letter, text).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let out = data.join("draft.toml");
    let (letter_s, out_s) = (letter.to_str().unwrap(), out.to_str().unwrap());
    let first = itucal(&["import", letter_s, "-o", out_s]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let summary = String::from_utf8_lossy(&first.stderr);
    assert!(summary.contains("24 facts found, 2 TODOs"), "{summary}");
    assert!(summary.contains("  TODO: the description"), "{summary}");
    let check = itucal(&["check", data.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(
        String::from_utf8_lossy(&check.stdout).contains("(1 draft, not served without --drafts)")
    );
    std::fs::write(&out, "# kept\n").unwrap();
    let again = itucal(&["import", letter_s, "-o", out_s]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("give --force to overwrite it"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "# kept\n");
    let forced = itucal(&["import", letter_s, "-o", out_s, "--force"]);
    assert!(forced.status.success());
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("draft = true")
    );
}

#[test]
fn an_unknown_language_is_refused_with_the_known_ones() {
    let out = itucal(&["import", "x.txt", "--lang", "de"]);
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "import: unknown language 'de' (known: ar, zh, en, fr, ru, es)\n"
    );
}

#[test]
fn a_docx_letter_gives_the_same_facts_as_its_text() {
    // zh-3-20.docx is built from zh-3-20.txt by tests/fixtures/letters/make-docx.py: runs
    // split mid-date, tabs, the head and the Key deadlines as tables
    use itucal::import::{facts, read};
    let dir = root().join("tests/fixtures/letters");
    let bytes = std::fs::read(dir.join("zh-3-20.docx")).unwrap();
    let from_docx = read::text_of("zh-3-20.docx", &bytes).unwrap();
    let from_txt = std::fs::read_to_string(dir.join("zh-3-20.txt")).unwrap();
    assert_eq!(read::detect(&from_docx), Some(itucal::i18n::Lang::Zh));
    let (d, t) = (
        facts::read(&from_docx, itucal::i18n::Lang::Zh),
        facts::read(&from_txt, itucal::i18n::Lang::Zh),
    );
    assert_eq!(fact_values(&d), fact_values(&t));
    assert_eq!(d.deadlines.len(), 4);
    assert_eq!(d.agenda.len(), 14);
}

/// The facts an importer reads, as one comparable text.
fn fact_values(f: &itucal::import::facts::Facts) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        f.meetings.iter().map(|m| &m.value).collect::<Vec<_>>(),
        f.colocated.iter().map(|m| &m.value).collect::<Vec<_>>(),
        f.opening.iter().map(|m| m.value).collect::<Vec<_>>(),
        f.registration.iter().map(|m| &m.value).collect::<Vec<_>>(),
        f.deadlines.iter().map(|m| &m.value).collect::<Vec<_>>(),
        [&f.phone, &f.fax, &f.email, &f.web].map(|c| c.as_ref().map(|c| c.value.clone())),
        f.date.as_ref().map(|d| d.value),
        f.agenda.iter().map(|a| &a.value).collect::<Vec<_>>(),
    )
}

#[test]
fn an_english_docx_letter_gives_the_facts_of_its_text_and_the_hand_checked_ones() {
    // en-sg5-4-5.docx is built from en-sg5-4-5.txt by make-docx.py: there the Key deadlines are
    // a table of rows (a date cell, a cell of bullets), where the extracted text runs them
    // together on one line
    use itucal::import::{facts, read};
    let dir = root().join("tests/fixtures/letters");
    let bytes = std::fs::read(dir.join("en-sg5-4-5.docx")).unwrap();
    let from_docx = read::text_of("en-sg5-4-5.docx", &bytes).unwrap();
    let from_txt = std::fs::read_to_string(dir.join("en-sg5-4-5.txt")).unwrap();
    assert_eq!(read::detect(&from_docx), Some(itucal::i18n::Lang::En));
    let (d, t) = (
        facts::read(&from_docx, itucal::i18n::Lang::En),
        facts::read(&from_txt, itucal::i18n::Lang::En),
    );
    assert_eq!(fact_values(&d), fact_values(&t));
    // the five deadline rows of the hand-checked facts (en-sg5-4-5.facts.toml)
    let deadlines: Vec<String> = d
        .deadlines
        .iter()
        .map(|x| format!("{:?}", x.value))
        .collect();
    assert_eq!(deadlines.len(), 5, "{deadlines:?}");
    for day in ["2018-03-21", "2018-04-09", "2018-04-21", "2018-05-08"] {
        assert!(
            deadlines.iter().any(|x| x.contains(day)),
            "{day}: {deadlines:?}"
        );
    }
    let out = itucal(&["import", dir.join("en-sg5-4-5.docx").to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let toml = String::from_utf8(out.stdout).unwrap();
    assert!(toml.contains("key = \"deadline-fellowships\""), "{toml}");
}

#[test]
fn the_command_reads_a_docx_letter() {
    let docx = root().join("tests/fixtures/letters/zh-3-20.docx");
    let out = itucal(&["import", docx.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let toml = String::from_utf8(out.stdout).unwrap();
    assert!(toml.contains("key = \"deadline-visa-support-letter\""));
    assert!(toml.contains("start = 2018-01-15T08:30:00"));
}

#[test]
fn a_draft_is_not_locked_until_its_draft_line_goes() {
    // the lock holds what subscribers were shown; a draft was shown to nobody
    let dir = tempfile::tempdir().unwrap();
    for name in ["sg20-wp1-2018-01.toml", "itucal.lock"] {
        std::fs::copy(root().join("data").join(name), dir.path().join(name)).unwrap();
    }
    let (name, text) = seed_letter();
    let draft = import(
        &[Letter {
            name: &name,
            text: &text,
            lang: None,
        }],
        now(),
    )
    .unwrap()
    .toml
    .replacen("id = \"sg20-wp1-2018-01\"", "id = \"sg20-again\"", 1);
    let file = dir.path().join("sg20-again.toml");
    std::fs::write(&file, &draft).unwrap();
    let data = dir.path().to_str().unwrap();
    let check = itucal(&["check", "--locked", data]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let lock = itucal(&["lock", data]);
    assert!(String::from_utf8_lossy(&lock.stdout).starts_with("nothing changed"));
    std::fs::write(&file, draft.replacen("draft = true\n", "", 1)).unwrap();
    let check = itucal(&["check", "--locked", data]);
    assert!(!check.status.success());
    let said = String::from_utf8_lossy(&check.stderr);
    assert!(
        said.contains("sg20-again/registration: new; SEQUENCE 0"),
        "{said}"
    );
}
