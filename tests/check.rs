//! `itucal check`: every file of the bad-data corpus gives exactly the problems in its
//! `.expected` file, and the command reports all problems of a directory and exits 1.

use std::path::Path;
use std::process::Command;

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
}

/// Runs `itucal ARGS`, requires success, and returns its standard output.
fn succeeds(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_itucal"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_bad_file_gives_its_expected_problems() {
    let dir = fixtures().join("bad");
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    names.sort();
    for path in names {
        let name = path.file_name().unwrap().to_str().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let expected = std::fs::read_to_string(path.with_extension("expected"))
            .unwrap_or_else(|_| panic!("{name}: no .expected file"));
        let shown = format!("bad/{name}");
        let got = match itucal::load::parse_sources([(shown.as_str(), text.as_str())]) {
            Ok(_) => String::from("(no problem found)\n"),
            Err(problems) => problems.iter().map(|p| format!("{p}\n")).collect(),
        };
        if got != expected {
            failures.push(format!("{name}:\n  expected: {expected}  got:      {got}"));
        }
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} bad files");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn duplicate_meeting_ids_across_files_are_reported_at_the_second() {
    let dir = fixtures().join("bad/duplicate-id");
    let a = std::fs::read_to_string(dir.join("a.toml")).unwrap();
    let b = std::fs::read_to_string(dir.join("b.toml")).unwrap();
    let problems =
        itucal::load::parse_sources([("a.toml", a.as_str()), ("b.toml", b.as_str())]).unwrap_err();
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "b.toml:4:6: meeting id 'dup' is already used by a.toml:4:6; ids must be unique across files"
        ]
    );
}

#[test]
fn check_prints_every_problem_and_exits_1() {
    let out = Command::new(env!("CARGO_BIN_EXE_itucal"))
        .arg("check")
        .arg(fixtures().join("bad"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    // one line per problem, each file:line:col: message, all files, not just the first
    let problem_lines: Vec<_> = stderr.lines().filter(|l| l.contains(".toml:")).collect();
    assert!(problem_lines.len() >= 26, "{stderr}");
    for l in &problem_lines {
        let mut parts = l.splitn(4, ':');
        let (_, line, col) = (parts.next(), parts.next().unwrap(), parts.next().unwrap());
        assert!(
            line.parse::<u32>().is_ok() && col.parse::<u32>().is_ok(),
            "{l}"
        );
    }
}

#[test]
fn check_accepts_the_shipped_data() {
    assert_eq!(
        succeeds(&["check", concat!(env!("CARGO_MANIFEST_DIR"), "/data")]),
        "ok: 1 meetings, 12 events\n"
    );
}

/// The example meeting is valid as shipped: 12 events of its own and 43 sessions of its plan
/// (the shipped data has no plan: its letter gives none).
#[test]
fn check_accepts_the_example_meeting_with_its_time_plan() {
    assert_eq!(
        succeeds(&[
            "check",
            concat!(env!("CARGO_MANIFEST_DIR"), "/examples/sg99-2026-10"),
        ]),
        "ok: 1 meetings, 55 events\n"
    );
    let catalog = itucal::load::load_dir(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/sg99-2026-10"
    )))
    .unwrap();
    assert_eq!(
        catalog.meetings[0].plan.as_ref().unwrap().sessions.len(),
        43
    );
    let seed = itucal::load::load_dir(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data"
    )))
    .unwrap();
    assert!(seed.meetings.iter().all(|m| m.plan.is_none()));
}

#[test]
fn serve_refuses_to_start_on_invalid_data() {
    let out = Command::new(env!("CARGO_BIN_EXE_itucal"))
        .args(["serve", "--bind", "127.0.0.1:0", "--data"])
        .arg(fixtures().join("bad"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "spring-gap.toml:13:9: event 'q1-20-meeting': start 2018-03-25T02:30:00 does not exist"
        ),
        "{stderr}"
    );
}

#[test]
fn the_shipped_data_matches_its_lock() {
    assert_eq!(
        succeeds(&[
            "check",
            "--locked",
            concat!(env!("CARGO_MANIFEST_DIR"), "/data"),
        ]),
        "ok: 1 meetings, 12 events; the lock is current (version 1)\n"
    );
}

/// Issue 17: `itucal lock` records an edit, `check --locked` fails until it has.
#[test]
fn check_locked_fails_on_an_edit_until_it_is_locked() {
    let tmp = tempfile::tempdir().unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for f in std::fs::read_dir(&seed).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, tmp.path().join(f.file_name().unwrap())).unwrap();
    }
    let file = tmp.path().join("sg20-wp1-2018-01.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen("first_day = 2017-12-24\n", "first_day = 2017-12-20\n", 1),
    )
    .unwrap();
    let itucal = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_itucal"))
            .args(args)
            .arg(tmp.path())
            .output()
            .unwrap()
    };
    let before = itucal(&["check", "--locked"]);
    assert_eq!(before.status.code(), Some(1));
    let stderr = String::from_utf8(before.stderr).unwrap();
    assert!(
        stderr.contains("sg20-wp1-2018-01/deadline-pre-registration: when 2017-12-24 → 2017-12-20; SEQUENCE 0 → 1"),
        "{stderr}"
    );
    // the clock, to the second, is what `lock` records without --at
    let locked = itucal(&["lock"]);
    assert!(
        locked.status.success(),
        "{}",
        String::from_utf8_lossy(&locked.stderr)
    );
    let stdout = String::from_utf8(locked.stdout).unwrap();
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "sg20-wp1-2018-01/deadline-pre-registration: when 2017-12-24 → 2017-12-20; SEQUENCE 0 → 1",
            &format!(
                "version 2: 1 event(s) changed; wrote {}/itucal.lock",
                tmp.path().display()
            ),
        ]
    );
    assert!(itucal(&["check", "--locked"]).status.success());
    // a lock's times only move forward
    let earlier = itucal(&["lock", "--at", "2017-01-01T00:00:00Z"]);
    assert_eq!(earlier.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&earlier.stderr).contains("cannot be recorded before it"));
    let lock = std::fs::read_to_string(tmp.path().join("itucal.lock")).unwrap();
    let changed = lock
        .lines()
        .skip_while(|l| *l != "key = \"deadline-pre-registration\"")
        .find_map(|l| l.strip_prefix("changed = "))
        .unwrap();
    assert!(changed.ends_with('Z') && changed.len() == 20, "{changed}");
}
