//! Conformance: every feed variant the server offers, read by the parsers behind real clients
//! (python `icalendar`, the strict `ical`, ical.js of Thunderbird, libical of Evolution), must
//! parse without error, and every reader must agree with the data on every instant and text.
//!
//! The readers are installed by `tests/conformance/install.sh` (which `.ci/run` calls); the tests
//! that need them are `#[ignore]`d so that a plain `cargo test` works without them. Run alone:
//! `tests/conformance/install.sh && cargo test --test conformance -- --include-ignored`.

mod changes;
mod readers;
#[path = "../support/mod.rs"]
mod support;
mod variants;
mod wire;

use std::collections::BTreeMap;
use variants::{Variant, data_sets};

#[test]
fn every_variant_keeps_the_wire_rules() {
    let mut failures = Vec::new();
    let mut n = 0;
    for dir in data_sets() {
        for v in variants::all(&dir) {
            n += 1;
            for p in wire::problems(v.body.as_bytes()) {
                failures.push(format!("{}: {p}", v.uri));
            }
        }
    }
    assert!(n > 100, "only {n} variants");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn download_changes_headers_not_bytes() {
    for dir in data_sets() {
        for v in variants::all(&dir) {
            assert_eq!(v.body, v.download_body, "{}", v.uri);
        }
    }
}

/// Runs every reader over every variant; returns the disagreements.
fn disagreements(variants: &[Variant]) -> Vec<String> {
    let tmp = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, v) in variants.iter().enumerate() {
        let path = tmp.path().join(format!("v{i:04}.ics"));
        std::fs::write(&path, &v.body).unwrap();
        files.push(path);
    }
    let mut failures = Vec::new();
    for reader in &readers::ALL {
        let got = match readers::run(reader, &files) {
            Ok(records) => records,
            Err(e) => {
                failures.push(format!("{}: {e}", reader.name));
                continue;
            }
        };
        // (file, uid) → record
        let got: BTreeMap<(String, String), readers::Record> = got
            .into_iter()
            .map(|r| ((r.file.clone(), r.uid.clone()), r))
            .collect();
        for (v, path) in variants.iter().zip(&files) {
            let file = path.display().to_string();
            let n_got = got.keys().filter(|(f, _)| *f == file).count();
            if n_got != v.expected.len() {
                failures.push(format!(
                    "{} read {n_got} events of {}, expected {}",
                    reader.name,
                    v.uri,
                    v.expected.len()
                ));
            }
            for want in &v.expected {
                match got.get(&(file.clone(), want.uid.clone())) {
                    None => failures.push(format!("{}: {} lacks {}", reader.name, v.uri, want.uid)),
                    Some(r) => {
                        for diff in r.differences(want) {
                            failures
                                .push(format!("{}: {} {}: {diff}", reader.name, v.uri, want.uid));
                        }
                    }
                }
            }
        }
    }
    failures
}

#[test]
#[ignore = "needs the readers that tests/conformance/install.sh installs (.ci/run does)"]
fn every_reader_agrees_with_the_data_on_every_variant() {
    let mut all = Vec::new();
    for dir in data_sets() {
        all.extend(variants::all(&dir));
    }
    let failures = disagreements(&all);
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Issue 13: calendar clients turn addresses in a description into links. Run over every
/// variant, a real linkifier (npm linkify-it) finds only links that are exactly an address of
/// the data: none swallows the full-width punctuation or the text after it, and no token that
/// is not an address (a Wi-Fi password like `itu@GVA1211`) becomes one.
#[test]
#[ignore = "needs the readers that tests/conformance/install.sh installs (.ci/run does)"]
fn a_linkifier_ends_every_link_where_the_address_ends() {
    let mut all = Vec::new();
    let mut addresses = std::collections::BTreeSet::new();
    for dir in data_sets() {
        all.extend(variants::all(&dir));
        let catalog = itucal::load::load_dir(&dir).unwrap();
        for m in &catalog.meetings {
            addresses.insert(m.contact.email.clone());
            addresses.extend(m.contact.web.clone());
            addresses.extend(m.url.clone());
            for lang in itucal::model::Lang::ALL {
                let texts = m.events.iter().filter_map(|e| e.description.as_ref());
                for text in texts.chain(m.description.as_ref()) {
                    for (piece, url) in itucal::render::prose::split_urls(&text.get(lang)) {
                        if url {
                            addresses.insert(piece.to_string());
                        }
                    }
                    // e-mail addresses written in the text: a word with a dotted domain
                    for word in text
                        .get(lang)
                        .split(|c: char| c.is_whitespace() || !c.is_ascii())
                    {
                        let word = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
                        if word
                            .split_once('@')
                            .is_some_and(|(_, domain)| domain.contains('.'))
                        {
                            addresses.insert(word.to_string());
                        }
                    }
                }
            }
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, v) in all.iter().enumerate() {
        let path = tmp.path().join(format!("v{i:04}.ics"));
        std::fs::write(&path, &v.body).unwrap();
        files.push(path);
    }
    let out = std::process::Command::new("node")
        .arg("tests/conformance/readers/links.mjs")
        .args(&files)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("node");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut found = 0;
    let mut wrong = Vec::new();
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let link = v["link"].as_str().unwrap();
        found += 1;
        if !addresses.contains(link) {
            wrong.push(format!("{} {}: '{link}'", v["uid"], v["property"]));
        }
    }
    assert!(found > 50, "only {found} links found");
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "links that are no address of the data:\n{}",
        wrong.join("\n")
    );
}

/// An event's UID, start and end, as a reader read them.
type Instants = (String, String, Option<String>);

/// Issue 12: what every reader reads of a feed is the same in the six languages: the same
/// UIDs, the same instants (texts differ, which the test above checks against the data).
#[test]
#[ignore = "needs the readers that tests/conformance/install.sh installs (.ci/run does)"]
fn every_reader_reads_the_same_uids_and_instants_in_every_language() {
    let mut all = Vec::new();
    for dir in data_sets() {
        all.extend(variants::all(&dir));
    }
    let tmp = tempfile::tempdir().unwrap();
    let files: Vec<_> = all
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let path = tmp.path().join(format!("v{i:04}.ics"));
            std::fs::write(&path, &v.body).unwrap();
            path
        })
        .collect();
    // the variant's URI without its language: the feed it is one language of
    let feed_of = |uri: &str| {
        let (path, query) = uri.split_once('?').unwrap_or((uri, ""));
        let rest: Vec<_> = query
            .split('&')
            .filter(|p| !p.starts_with("lang="))
            .collect();
        format!("{path}?{}", rest.join("&"))
    };
    let mut languages_seen = std::collections::BTreeSet::new();
    for reader in &readers::ALL {
        let records =
            readers::run(reader, &files).unwrap_or_else(|e| panic!("{}: {e}", reader.name));
        // feed → language → sorted (uid, start, end)
        let mut by_feed: BTreeMap<String, BTreeMap<String, Vec<Instants>>> = BTreeMap::new();
        for (v, path) in all.iter().zip(&files) {
            let file = path.display().to_string();
            let mut seen: Vec<_> = records
                .iter()
                .filter(|r| r.file == file)
                .map(|r| (r.uid.clone(), r.start.clone(), r.end.clone()))
                .collect();
            seen.sort();
            let lang = v.uri.split("lang=").nth(1).unwrap_or("en").to_string();
            languages_seen.insert(lang.clone());
            by_feed
                .entry(feed_of(&v.uri))
                .or_default()
                .insert(lang, seen);
        }
        for (feed, langs) in &by_feed {
            let (first_lang, first) = langs.iter().next().unwrap();
            assert_eq!(langs.len(), 6, "{feed}: {:?}", langs.keys());
            for (lang, got) in langs {
                assert_eq!(
                    got, first,
                    "{}: {feed}: {lang} differs from {first_lang}",
                    reader.name
                );
            }
        }
    }
    assert_eq!(languages_seen.len(), 6, "{languages_seen:?}");
}

#[test]
#[ignore = "needs the readers that tests/conformance/install.sh installs (.ci/run does)"]
fn a_broken_vtimezone_is_caught_by_every_reader() {
    // Summer events are read through the DAYLIGHT rule: give it a wrong offset and every reader
    // must now disagree with the data, which proves they convert through the file's VTIMEZONE.
    let dir = variants::fixtures().join("conformance");
    let mut v = variants::all(&dir)
        .into_iter()
        .find(|v| v.uri == "/feeds/dst-geneva-2018.ics?lang=en")
        .expect("the DST meeting feed");
    let broken = v.body.replace(
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200",
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0300",
    );
    assert_ne!(broken, v.body, "the VTIMEZONE was not found to break");
    v.body = broken;
    let failures = disagreements(std::slice::from_ref(&v));
    for reader in readers::ALL {
        assert!(
            failures
                .iter()
                .any(|f| f.starts_with(reader.name) && f.contains("summer") && f.contains("start")),
            "{} did not notice the broken VTIMEZONE:\n{}",
            reader.name,
            failures.join("\n")
        );
    }
}

#[test]
#[ignore = "needs the readers that tests/conformance/install.sh installs (.ci/run does)"]
fn libical_refuses_method_publish_in_a_feed_without_organizers() {
    // What the feeds carried until they dropped METHOD: libical's restriction check (RFC 5546
    // §3.2.1) must fail the reader on it, which proves the reader runs that check on every file.
    let dir = variants::fixtures().join("conformance");
    let v = variants::all(&dir)
        .into_iter()
        .find(|v| v.uri == "/feeds/dst-geneva-2018.ics?lang=en")
        .expect("the DST meeting feed");
    let with_method = v.body.replacen(
        "CALSCALE:GREGORIAN\r\n",
        "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n",
        1,
    );
    assert_ne!(with_method, v.body, "no CALSCALE line to put METHOD after");
    let tmp = tempfile::tempdir().unwrap();
    let (plain, published) = (tmp.path().join("plain.ics"), tmp.path().join("method.ics"));
    std::fs::write(&plain, &v.body).unwrap();
    std::fs::write(&published, &with_method).unwrap();
    let libical = readers::ALL
        .iter()
        .find(|r| r.name == "libical")
        .expect("the libical reader");
    readers::run(libical, std::slice::from_ref(&plain)).expect("the feed as served");
    let err = readers::run(libical, &[published]).expect_err("METHOD:PUBLISH without ORGANIZER");
    assert!(
        err.contains("ORGANIZER") && err.contains("INVALID-ITIP"),
        "libical failed for another reason: {err}"
    );
}

#[test]
fn bytes_are_identical_on_a_second_request_and_after_a_restart() {
    let dir = variants::fixtures().join("conformance");
    let in_process: BTreeMap<String, String> = variants::all(&dir)
        .into_iter()
        .map(|v| (v.uri, v.body))
        .collect();
    let uris: Vec<&String> = in_process.keys().collect();
    let first = support::Server::start_with(&dir, &["--today", variants::TODAY]);
    let a: Vec<String> = uris.iter().map(|u| first.get(u)).collect();
    let again: Vec<String> = uris.iter().map(|u| first.get(u)).collect();
    drop(first);
    let second = support::Server::start_with(&dir, &["--today", variants::TODAY]);
    let b: Vec<String> = uris.iter().map(|u| second.get(u)).collect();
    for (i, uri) in uris.iter().enumerate() {
        assert_eq!(a[i], again[i], "{uri}: second request differs");
        assert_eq!(a[i], b[i], "{uri}: differs after a restart");
        assert_eq!(
            a[i], in_process[*uri],
            "{uri}: the server differs from the app in-process"
        );
    }
}
