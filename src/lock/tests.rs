use super::*;
use crate::load::parse_sources;

const DATA: &str = r#"
id = "m"
updated = 2018-01-02T00:00:00Z
groups = ["Q2/20", "Q3/20"]
title = "M"
location = "Geneva"
source = { reference = "L", date = 2017-09-29 }
contact = { email = "a@b.c" }

[[event]]
key = "q2-session"
kind = "session"
groups = ["Q2/20"]
start = 2018-01-16T09:30:00
end = 2018-01-16T12:30:00
location = { en = "Room K", fr = "Salle K" }
title = { en = "Q2/20 session", fr = "Séance Q2/20" }

[[event]]
key = "q3-session"
kind = "session"
groups = ["Q3/20"]
start = 2018-01-18T09:30:00
end = 2018-01-18T12:30:00
title = "Q3/20 session"

[[event]]
key = "deadline"
kind = "deadline"
first_day = 2017-12-24
title = "Deadline: pre-registration"
"#;

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn catalog(text: &str) -> Catalog {
    parse_sources([("m.toml", text)]).unwrap()
}

fn first_lock() -> Lock {
    advance(None, &catalog(DATA), at("2018-01-02T00:00:00Z")).0
}

#[test]
fn a_first_lock_starts_every_event_at_zero_and_publishes_the_meeting() {
    let (lock, outcomes) = advance(None, &catalog(DATA), at("2018-01-02T00:00:00Z"));
    assert_eq!(outcomes.len(), 3);
    assert!(lock.events.iter().all(|e| e.sequence == 0 && !e.removed));
    let keys: Vec<&str> = lock.events.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(
        keys,
        ["deadline", "q2-session", "q3-session"],
        "sorted by key"
    );
    assert_eq!(lock.versions.len(), 1);
    assert_eq!(lock.versions[0].published, ["m"]);
    assert!(lock.versions[0].changes.is_empty());
}

#[test]
fn an_unchanged_catalog_changes_nothing() {
    let lock = first_lock();
    let (again, outcomes) = advance(Some(&lock), &catalog(DATA), at("2018-01-10T00:00:00Z"));
    assert!(outcomes.is_empty());
    assert_eq!(again, lock);
}

#[test]
fn a_move_a_removal_and_an_addition_each_raise_their_own_sequence() {
    let lock = first_lock();
    let edited = DATA
        .replace(
            "start = 2018-01-16T09:30:00\nend = 2018-01-16T12:30:00\nlocation = { en = \"Room K\", fr = \"Salle K\" }",
            "start = 2018-01-17T14:30:00\nend = 2018-01-17T17:30:00\nlocation = { en = \"Room L\", fr = \"Salle L\" }",
        )
        .replace("first_day = 2017-12-24", "first_day = 2017-12-20");
    let i = edited.find("[[event]]\nkey = \"q3-session\"").unwrap();
    let j = edited[i..].find("[[event]]\nkey = \"deadline\"").unwrap() + i;
    let edited = format!(
        "{}{}\n[[event]]\nkey = \"q4-session\"\nkind = \"session\"\nstart = 2018-01-19T09:30:00\nend = 2018-01-19T12:30:00\ntitle = \"Q4/20 session\"\n",
        &edited[..i],
        &edited[j..]
    );
    let t = at("2018-01-16T10:00:00Z");
    let (lock, outcomes) = advance(Some(&lock), &catalog(&edited), t);
    let seq = |k: &str| {
        let e = lock.entry("m", k).unwrap();
        (e.sequence, e.changed == t, e.removed)
    };
    assert_eq!(seq("q2-session"), (1, true, false));
    assert_eq!(seq("deadline"), (1, true, false));
    assert_eq!(seq("q3-session"), (1, true, true));
    assert_eq!(seq("q4-session"), (0, true, false));
    assert_eq!(outcomes.len(), 4);
    let v = lock.latest().unwrap();
    assert_eq!(v.number, 2);
    let texts: Vec<_> = v.changes.iter().map(|c| c.text.get(Lang::En)).collect();
    let said: Vec<(&str, &str)> = v
        .changes
        .iter()
        .zip(&texts)
        .map(|(c, t)| (c.key.as_str(), &**t))
        .collect();
    assert_eq!(
        said,
        [
            (
                "deadline",
                "“Deadline: pre-registration” moved from Sun, 24 Dec 2017 to Wed, 20 Dec 2017"
            ),
            (
                "q2-session",
                "“Q2/20 session” moved from Tue, 16 Jan 2018, 09:30–12:30 (Room K) to Wed, 17 Jan 2018, 14:30–17:30 (Room L)"
            ),
            (
                "q3-session",
                "Cancelled: “Q3/20 session”, Thu, 18 Jan 2018, 09:30–12:30"
            ),
            (
                "q4-session",
                "New: “Q4/20 session”, Fri, 19 Jan 2018, 09:30–12:30"
            ),
        ]
    );
    let fr = v.changes[1].text.get(Lang::Fr);
    assert_eq!(
        fr,
        "Changement d'horaire: «\u{a0}Séance Q2/20\u{a0}», mer. 17 janv. 2018, 14:30–17:30 (Salle L) au lieu de mar. 16 janv. 2018, 09:30–12:30 (Salle K)"
    );
    // the outcome line `itucal lock` prints
    assert_eq!(
        outcomes[1].to_string(),
        "m/q2-session: when 2018-01-16T09:30..2018-01-16T12:30 → 2018-01-17T14:30..2018-01-17T17:30, location Room K → Room L; SEQUENCE 0 → 1"
    );
}

#[test]
fn a_removed_event_stays_removed_without_further_changes() {
    let lock = first_lock();
    let i = DATA.find("[[event]]\nkey = \"deadline\"").unwrap();
    let without = &DATA[..i];
    let (lock, _) = advance(Some(&lock), &catalog(without), at("2018-01-03T00:00:00Z"));
    let (again, outcomes) = advance(Some(&lock), &catalog(without), at("2018-01-04T00:00:00Z"));
    assert!(outcomes.is_empty());
    assert_eq!(again.entry("m", "deadline").unwrap().sequence, 1);
}

#[test]
fn the_hash_ignores_the_revision_and_sees_every_language() {
    let c = catalog(DATA);
    let m = &c.meetings[0];
    let e = m.event("q2-session").unwrap();
    let mut revised = e.clone();
    revised.sequence = 7;
    revised.updated = at("2020-01-01T00:00:00Z");
    assert_eq!(hash(m, e), hash(m, &revised));
    // a change only the French feed shows
    let fr = catalog(&DATA.replace("Salle K", "Salle K2"));
    let m2 = &fr.meetings[0];
    assert_ne!(hash(m, e), hash(m2, m2.event("q2-session").unwrap()));
}

#[test]
fn a_lock_round_trips_through_its_file() {
    let i = DATA.find("[[event]]\nkey = \"deadline\"").unwrap();
    let (lock, _) = advance(
        Some(&first_lock()),
        &catalog(&DATA[..i]),
        at("2018-01-03T00:00:00Z"),
    );
    let text = file::write(&lock);
    assert_eq!(file::parse("itucal.lock", &text).unwrap(), lock);
    assert!(text.contains("\nremoved = true\n"), "{text}");
}

#[test]
fn a_broken_lock_is_reported_at_its_line() {
    let text = file::write(&first_lock()).replace("kind = \"session\"", "kind = \"party\"");
    let problems = file::parse("data/itucal.lock", &text).unwrap_err();
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(
        shown[0].starts_with("data/itucal.lock:")
            && shown[0].ends_with("event 'm/q2-session': unknown kind 'party'"),
        "{shown:?}"
    );
    let syntax = file::parse("data/itucal.lock", "format = 1\n[[event]\n").unwrap_err();
    assert_eq!(syntax[0].line, 2, "{syntax:?}");
}

#[test]
fn applying_a_stale_lock_serves_the_next_sequence_at_the_lock_time() {
    let lock = first_lock();
    let edited = DATA.replace("first_day = 2017-12-24", "first_day = 2017-12-20");
    let i = edited.find("[[event]]\nkey = \"q3-session\"").unwrap();
    let j = edited[i..].find("[[event]]\nkey = \"deadline\"").unwrap() + i;
    let edited = format!("{}{}", &edited[..i], &edited[j..]);
    let applied = apply(catalog(&edited), &lock);
    assert_eq!(applied.stale.len(), 2);
    let m = &applied.catalog.meetings[0];
    let d = m.event("deadline").unwrap();
    assert_eq!((d.sequence, d.updated), (1, at("2018-01-02T00:00:00Z")));
    // the removed event is back, cancelled, in start order
    let q3 = m.event("q3-session").unwrap();
    assert_eq!((q3.status, q3.sequence), (Status::Cancelled, 1));
    assert_eq!(q3.groups, [1]);
    let keys: Vec<&str> = m.events.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, ["deadline", "q2-session", "q3-session"]);
}
