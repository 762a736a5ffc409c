//! Issue 17, the golden scenario: the seed is locked; a time plan adds sessions (locked); then a
//! deadline moves, a session moves and changes room, a session is cancelled and one is added.
//! Through the real binary: `check --locked` fails until `itucal lock` has run; the feeds carry
//! each event's SEQUENCE, LAST-MODIFIED and STATUS as all four readers read them, under the same
//! UIDs; the change sentences are generated in every language; the Atom feed parses strictly.

use crate::readers;
use crate::support::Server;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

const SEED: &str = "sg20-wp1-2018-01.toml";
const MEETING: &str = "sg20-wp1-2018-01";

fn session(key: &str, group: &str, start: &str, end: &str, room: &str, fr: &str) -> String {
    format!(
        "\n[[event]]\nkey = \"{key}\"\nkind = \"session\"\ngroups = [\"{group}\"]\nstart = {start}\nend = {end}\n\
         title = {{ en = \"{group} session\", fr = \"Séance {group}\" }}\n\
         location = {{ en = \"Room {room}\", fr = \"Salle {room}\" }}\n{fr}"
    )
}

fn itucal(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_itucal"))
        .args(args)
        .arg(dir)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Every reader's records of a feed, by UID without the meeting part.
fn read_all(ics: &str) -> Vec<(&'static str, BTreeMap<String, readers::Record>)> {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("feed.ics");
    std::fs::write(&path, ics).unwrap();
    readers::ALL
        .iter()
        .map(|r| {
            let records = readers::run(r, std::slice::from_ref(&path))
                .unwrap_or_else(|e| panic!("{}: {e}", r.name));
            let by_key = records
                .into_iter()
                .map(|rec| {
                    (
                        rec.uid
                            .trim_end_matches(&format!(".{MEETING}@itucal"))
                            .to_string(),
                        rec,
                    )
                })
                .collect();
            (r.name, by_key)
        })
        .collect()
}

#[test]
#[ignore = "needs the readers that tests/conformance/install.sh installs (.ci/run does)"]
fn a_meeting_that_changes_is_told_in_its_feeds_its_changes_and_its_atom_feed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for name in [SEED, "itucal.lock"] {
        std::fs::copy(seed.join(name), dir.join(name)).unwrap();
    }
    let file = dir.join(SEED);
    let letter = std::fs::read_to_string(&file).unwrap();

    // the time plan: two sessions
    let q2 = session(
        "q2-20-session-3",
        "Q2/20",
        "2018-01-16T09:30:00",
        "2018-01-16T12:30:00",
        "K",
        "",
    );
    let q3 = session(
        "q3-20-session-2",
        "Q3/20",
        "2018-01-18T09:30:00",
        "2018-01-18T12:30:00",
        "M",
        "",
    );
    std::fs::write(&file, format!("{letter}{q2}{q3}")).unwrap();
    stdout(&itucal(dir, &["lock", "--at", "2018-01-10T09:00:00Z"]));
    let server = Server::start_with(dir, &["--public-url", "https://feeds.example.org"]);
    let before = read_all(&server.get("/feeds/all.ics"));
    drop(server);

    // during the meeting: a deadline moves, the Q2/20 session moves and changes room, the
    // Q3/20 session is cancelled (removed), a Q4/20 session is added
    let moved = session(
        "q2-20-session-3",
        "Q2/20",
        "2018-01-17T14:30:00",
        "2018-01-17T17:30:00",
        "L",
        "",
    );
    let q4 = session(
        "q4-20-session-1",
        "Q4/20",
        "2018-01-19T09:30:00",
        "2018-01-19T12:30:00",
        "K",
        "",
    );
    let edited = letter.replacen("first_day = 2017-12-24\n", "first_day = 2017-12-20\n", 1);
    std::fs::write(&file, format!("{edited}{moved}{q4}")).unwrap();

    let stale = itucal(dir, &["check", "--locked"]);
    assert_eq!(stale.status.code(), Some(1));
    let err = String::from_utf8(stale.stderr).unwrap();
    for key in [
        "deadline-pre-registration",
        "q2-20-session-3",
        "q3-20-session-2",
        "q4-20-session-1",
    ] {
        assert!(
            err.contains(&format!("{MEETING}/{key}: ")),
            "{key} not named:\n{err}"
        );
    }
    let out = stdout(&itucal(dir, &["lock", "--at", "2018-01-16T10:00:00Z"]));
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "sg20-wp1-2018-01/deadline-pre-registration: when 2017-12-24 → 2017-12-20; SEQUENCE 0 → 1",
            "sg20-wp1-2018-01/q2-20-session-3: when 2018-01-16T09:30..2018-01-16T12:30 → 2018-01-17T14:30..2018-01-17T17:30, location Room K → Room L; SEQUENCE 0 → 1",
            "sg20-wp1-2018-01/q3-20-session-2: removed from the data: cancelled; SEQUENCE 0 → 1",
            "sg20-wp1-2018-01/q4-20-session-1: new; SEQUENCE 0",
            &format!(
                "version 3: 4 event(s) changed; wrote {}/itucal.lock",
                dir.display()
            ),
        ]
    );
    assert!(itucal(dir, &["check", "--locked"]).status.success());

    let server = Server::start_with(dir, &["--public-url", "https://feeds.example.org"]);
    let all = server.get("/feeds/all.ics");
    let after = read_all(&all);
    // (key, SEQUENCE, LAST-MODIFIED, STATUS, SUMMARY)
    let want = [
        (
            "deadline-pre-registration",
            1,
            "2018-01-16T10:00:00Z",
            "CONFIRMED",
            "Deadline: pre-registration (SG20 WP1/20, Jan 2018)",
        ),
        (
            "q2-20-session-3",
            1,
            "2018-01-16T10:00:00Z",
            "CONFIRMED",
            "Q2/20 session",
        ),
        (
            "q3-20-session-2",
            1,
            "2018-01-16T10:00:00Z",
            "CANCELLED",
            "Cancelled: Q3/20 session",
        ),
        (
            "q4-20-session-1",
            0,
            "2018-01-16T10:00:00Z",
            "CONFIRMED",
            "Q4/20 session",
        ),
        (
            "registration",
            0,
            "2017-09-29T00:00:00Z",
            "CONFIRMED",
            "Registration, SG20 WP1/20 and rapporteur group meetings, Geneva",
        ),
    ];
    for (reader, records) in &after {
        for (key, seq, modified, status, summary) in want {
            let r = records
                .get(key)
                .unwrap_or_else(|| panic!("{reader}: no {key}"));
            assert_eq!(r.sequence, Some(seq), "{reader} {key}");
            assert_eq!(r.last_modified.as_deref(), Some(modified), "{reader} {key}");
            assert_eq!(r.dtstamp.as_deref(), Some(modified), "{reader} {key}");
            assert_eq!(r.status.as_deref(), Some(status), "{reader} {key}");
            assert_eq!(r.summary, summary, "{reader} {key}");
        }
        let q2 = &records["q2-20-session-3"];
        assert_eq!(q2.location.as_deref(), Some("Room L"), "{reader}");
        assert_eq!(q2.start, "2018-01-17T13:30:00Z", "{reader}");
        assert!(
            q2.description.as_deref().unwrap().ends_with(
                "\nChanged on 16 January 2018: “Q2/20 session” moved from Tue, 16 Jan 2018, 09:30–12:30 (Room K) to Wed, 17 Jan 2018, 14:30–17:30 (Room L)"
            ),
            "{reader}: {:?}",
            q2.description
        );
        // the same UIDs: every event of the feed before is still there
        let earlier = &before.iter().find(|(n, _)| n == reader).unwrap().1;
        for key in earlier.keys() {
            assert!(records.contains_key(key), "{reader}: {key} vanished");
        }
        assert_eq!(
            records.len(),
            earlier.len() + 1,
            "{reader}: one event added"
        );
    }
    // the French feed: the same revisions, the title prefixed in French
    let fr = read_all(&server.get("/feeds/all.ics?lang=fr"));
    for (reader, records) in &fr {
        let q3 = &records["q3-20-session-2"];
        assert_eq!(
            (q3.summary.as_str(), q3.sequence),
            ("Annulé: Séance Q3/20", Some(1)),
            "{reader}"
        );
    }
    let hidden = server.get("/feeds/all.ics?cancelled=hide");
    assert!(!hidden.contains("UID:q3-20-session-2."));
    assert!(hidden.contains("UID:q2-20-session-3."));

    // the change sentences, in two languages, on the changes pages
    let page = server.get(&format!("/meetings/{MEETING}/changes"));
    for sentence in [
        "“Deadline: pre-registration (SG20 WP1/20, Jan 2018)” moved from Sun, 24 Dec 2017 to Wed, 20 Dec 2017",
        "“Q2/20 session” moved from Tue, 16 Jan 2018, 09:30–12:30 (Room K) to Wed, 17 Jan 2018, 14:30–17:30 (Room L)",
        "Cancelled: “Q3/20 session”, Thu, 18 Jan 2018, 09:30–12:30",
        "New: “Q4/20 session”, Fri, 19 Jan 2018, 09:30–12:30",
        "Version 3, 16 January 2018, 11:00",
    ] {
        assert!(page.contains(sentence), "the changes page lacks {sentence}");
    }
    let fr_page = server.get(&format!("/meetings/{MEETING}/changes?lang=fr"));
    for sentence in [
        "Changement d'horaire: «\u{a0}Séance Q2/20\u{a0}», mer. 17 janv. 2018, 14:30–17:30 (Salle L) au lieu de mar. 16 janv. 2018, 09:30–12:30 (Salle K)",
        "Annulation: «\u{a0}Séance Q3/20\u{a0}», jeu. 18 janv. 2018, 09:30–12:30",
    ] {
        assert!(
            fr_page.contains(sentence),
            "the French changes page lacks {sentence}"
        );
    }
    let meeting = server.get(&format!("/meetings/{MEETING}"));
    assert!(meeting.contains("Updated on 16 January 2018, 6 changes"));
    let text = server.get(&format!("/meetings/{MEETING}/changes/email.txt?since=2"));
    assert!(
        text.contains("Changes since version 2\n\nVersion 3, 16 January 2018, 11:00\n- “Deadline"),
        "{text}"
    );
    assert!(!text.contains("Version 2,"), "{text}");

    // the Atom feeds parse strictly, one entry per version
    let atom_dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, uri) in [
        "/changes.atom",
        &format!("/meetings/{MEETING}/changes.atom?lang=zh"),
    ]
    .iter()
    .enumerate()
    {
        let r = server.request("GET", uri, &[]);
        assert_eq!(
            r.header("content-type"),
            Some("application/atom+xml; charset=utf-8")
        );
        let path = atom_dir.path().join(format!("{i}.atom"));
        std::fs::write(&path, &r.body).unwrap();
        files.push(path);
    }
    let parsed = Command::new("python3")
        .arg("tests/conformance/readers/atom_feedparser.py")
        .args(&files)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        parsed.status.success(),
        "{}",
        String::from_utf8_lossy(&parsed.stderr)
    );
    let feeds: Vec<serde_json::Value> = String::from_utf8(parsed.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(feeds.len(), 2);
    assert_eq!(feeds[0]["entries"].as_array().unwrap().len(), 3);
    assert_eq!(feeds[0]["entries"][0]["title"], "Version 3: 4 changes");
    assert_eq!(feeds[0]["entries"][0]["id"], "tag:itucal,2017:versions/3");
    assert!(
        feeds[0]["entries"][0]["content"]
            .as_str()
            .unwrap()
            .contains("New: “Q4/20 session”"),
        "{}",
        feeds[0]["entries"][0]
    );
    assert_eq!(feeds[1]["entries"][0]["title"], "第3版：4项变更");
}
