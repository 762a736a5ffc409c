//! Golden files: the seed feeds and snippets, byte for byte, in every language. After a
//! deliberate change, review the diff and regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test api golden`.

use crate::helpers::{get, seed_app};
use std::path::Path;

const CASES: [(&str, &str); 16] = [
    ("/feeds/all.ics", "all.en.ics"),
    ("/feeds/all.ics?lang=zh", "all.zh.ics"),
    ("/feeds/groups/q2-20.ics", "group-q2-20.en.ics"),
    ("/feeds/groups/q2-20.ics?lang=zh", "group-q2-20.zh.ics"),
    ("/feeds/deadlines.ics", "deadlines.en.ics"),
    ("/feeds/deadlines.ics?lang=zh", "deadlines.zh.ics"),
    (
        "/events/sg20-wp1-2018-01/registration.ics",
        "event-registration.en.ics",
    ),
    (
        "/events/sg20-wp1-2018-01/wp1-20-meeting.ics?lang=zh",
        "event-wp1-20-meeting.zh.ics",
    ),
    // the other four languages: one feed and one e-mail snippet each (issue 12)
    ("/feeds/deadlines.fr.ics", "deadlines.fr.ics"),
    ("/feeds/deadlines.es.ics", "deadlines.es.ics"),
    ("/feeds/deadlines.ru.ics", "deadlines.ru.ics"),
    ("/feeds/deadlines.ar.ics", "deadlines.ar.ics"),
    (
        "/meetings/sg20-wp1-2018-01/email.txt?lang=fr",
        "meeting-email.fr.txt",
    ),
    (
        "/meetings/sg20-wp1-2018-01/email.txt?lang=es",
        "meeting-email.es.txt",
    ),
    (
        "/meetings/sg20-wp1-2018-01/email.txt?lang=ru",
        "meeting-email.ru.txt",
    ),
    (
        "/meetings/sg20-wp1-2018-01/email.txt?lang=ar",
        "meeting-email.ar.txt",
    ),
];

#[actix_web::test]
async fn the_seed_feeds_match_their_golden_files() {
    let app = seed_app().await;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for (uri, file) in CASES {
        let got = get(&app, uri).await;
        assert_eq!(got.status, 200, "{uri}");
        let path = dir.join(file);
        if update {
            std::fs::write(&path, &got.body).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != got.body {
            let line = want
                .split("\r\n")
                .zip(got.body.split("\r\n"))
                .position(|(a, b)| a != b)
                .map_or("(length differs)".to_string(), |i| {
                    format!("line {}", i + 1)
                });
            failures.push(format!(
                "{uri} differs from tests/golden/{file} at {line}\n--- expected\n{want}\n--- actual\n{}",
                got.body
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
