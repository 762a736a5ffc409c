//! Fuzzing the loader on stable Rust: `parse_meeting` and `parse_sources` are fed mutations of
//! the shipped data and of every fixture (bit flips, truncations, deleted, duplicated and swapped
//! lines, inserted TOML tokens, odd dates and huge numbers, lines spliced from another file) and
//! arbitrary text. They must never panic, and every problem they report must name the file it
//! was given and a line:col inside that file's text, on one line.
//!
//! Deterministic: a fixed seed and case count (override with `PROPTEST_CASES` and
//! `PROPTEST_RNG_SEED`), so a failure reproduces; proptest shrinks it to a small input. Longer
//! runs: `PROPTEST_CASES=100000 cargo test --release --test fuzz_loader`. A coverage-guided
//! fuzzer of the same property is in `fuzz/` (cargo-fuzz, nightly).

use itucal::load::{Problem, parse_meeting, parse_sources};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngSeed};
use std::path::Path;
use std::sync::LazyLock;

/// Cases per property unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 1_500;

fn config() -> Config {
    let default = Config::default();
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(CASES);
    let rng_seed = match default.rng_seed {
        RngSeed::Random => RngSeed::Fixed(0x17_0ca1),
        fixed => fixed,
    };
    Config {
        cases,
        rng_seed,
        // the seed is fixed, so a failure reproduces without a regressions file in the tree
        failure_persistence: None,
        max_shrink_iters: 4096,
        ..default
    }
}

/// The seed corpus: the shipped data and every fixture, as `(name, text)`.
static SEEDS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds = Vec::new();
    for dir in [
        "data",
        "tests/fixtures/bad",
        "tests/fixtures/bad/duplicate-id",
        "tests/fixtures/conformance",
    ] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        for p in paths {
            let name = p.strip_prefix(root).unwrap().display().to_string();
            seeds.push((name, std::fs::read_to_string(&p).unwrap()));
        }
    }
    assert!(seeds.len() >= 20, "only {} seed files", seeds.len());
    seeds
});

/// Pieces of TOML and of the data format that reach the loader's less travelled paths.
const TOKENS: &[&str] = &[
    "[[event]]\n",
    "[[event]]",
    "[event]\n",
    "[source]\n",
    "[contact]\n",
    "[[groups]]\n",
    "\"\"\"",
    "'''",
    "\"",
    "'",
    "=",
    " = ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "{",
    "}",
    "[",
    "]",
    ",",
    ".",
    "#",
    "\\",
    "\\u0000",
    "\\U0010FFFF",
    "\\uD800",
    "\u{0}",
    "\u{7f}",
    "\u{feff}",
    "\u{202e}",
    "\u{2028}",
    "会议",
    "🗓️",
    "2018-03-25T02:30:00",
    "2018-10-28T02:30:00",
    "2018-02-30",
    "2018-01-15T24:00:00",
    "2018-01-15T08:30:00.999999999",
    "1979-05-27T07:32:00-08:00",
    "2017-09-29T00:00:00Z",
    "2017-09-29 00:00:00",
    "0000-01-01",
    "9999-12-31T23:59:59",
    "262143-12-31",
    "08:30:00",
    "99999999999999999999999999",
    "-9223372036854775809",
    "9223372036854775807",
    "4294967296",
    "-1",
    "1e309",
    "-0.0",
    "0x7FFFFFFFFFFFFFFF",
    "nan",
    "inf",
    "true",
    "key = \"k\"\n",
    "kind = \"deadline\"\n",
    "start = 2018-03-25T02:30:00\n",
    "end = 2018-03-25T03:30:00\n",
    "first_day = 2018-01-15\n",
    "last_day = 1900-01-01\n",
    "timezone = \"Europe/Geneva\"\n",
    "timezone = \"\"\n",
    "sequence = 4294967296\n",
    "groups = []\n",
    "groups = [\"Q9/99\"]\n",
    "status = \"cancelled\"\n",
    "title = { en = \"\" }\n",
    "title = { zh = \"会议\" }\n",
    "title.en = \"x\"\n",
    "a.b.c = 1\n",
    "id = \"\"\n",
    "url = \"javascript:alert(1)\"\n",
    "updated = 2017-09-29T00:00:00+02:00\n",
];

/// One edit of a file's bytes.
#[derive(Clone, Debug)]
enum Mutation {
    FlipBit(Index, u8),
    Truncate(Index),
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    Insert(Index, &'static str),
    InsertLine(Index, &'static str),
    /// Replaces up to 16 bytes with a token.
    Replace(Index, u8, &'static str),
    /// A line from another seed file.
    Splice(Index, Index, Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let token = || proptest::sample::select(TOKENS);
    prop_oneof![
        1 => (any::<Index>(), 0..8u8).prop_map(|(i, b)| Mutation::FlipBit(i, b)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        1 => any::<Index>().prop_map(Mutation::DeleteLine),
        1 => any::<Index>().prop_map(Mutation::DuplicateLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        3 => (any::<Index>(), token()).prop_map(|(i, t)| Mutation::Insert(i, t)),
        2 => (any::<Index>(), token()).prop_map(|(i, t)| Mutation::InsertLine(i, t)),
        2 => (any::<Index>(), 0..16u8, token()).prop_map(|(i, n, t)| Mutation::Replace(i, n, t)),
        1 => (any::<Index>(), any::<Index>(), any::<Index>())
            .prop_map(|(f, l, at)| Mutation::Splice(f, l, at)),
    ]
}

/// Byte offsets of line starts (always including 0).
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1)
                .filter(|&i| i < bytes.len()),
        )
        .collect()
}

/// The byte range of line `i` (with its line end).
fn line_range(bytes: &[u8], i: &Index) -> std::ops::Range<usize> {
    let starts = line_starts(bytes);
    let n = i.index(starts.len());
    starts[n]..starts.get(n + 1).copied().unwrap_or(bytes.len())
}

fn apply(mut bytes: Vec<u8>, m: &Mutation) -> Vec<u8> {
    let at = |i: &Index, bytes: &Vec<u8>| i.index(bytes.len() + 1);
    match m {
        Mutation::FlipBit(i, bit) if !bytes.is_empty() => {
            let at = i.index(bytes.len());
            bytes[at] ^= 1 << bit;
        }
        Mutation::FlipBit(..) => {}
        Mutation::Truncate(i) => {
            let at = at(i, &bytes);
            bytes.truncate(at);
        }
        Mutation::DeleteLine(i) => {
            let r = line_range(&bytes, i);
            bytes.drain(r);
        }
        Mutation::DuplicateLine(i) => {
            let r = line_range(&bytes, i);
            let line = bytes[r.clone()].to_vec();
            bytes.splice(r.start..r.start, line);
        }
        Mutation::SwapLines(a, b) => {
            let starts = line_starts(&bytes);
            let lines: Vec<Vec<u8>> = starts
                .iter()
                .enumerate()
                .map(|(n, &s)| bytes[s..starts.get(n + 1).copied().unwrap_or(bytes.len())].to_vec())
                .collect();
            let (a, b) = (a.index(lines.len()), b.index(lines.len()));
            let mut lines = lines;
            lines.swap(a, b);
            bytes = lines.concat();
        }
        Mutation::Insert(i, token) => {
            let at = at(i, &bytes);
            bytes.splice(at..at, token.bytes());
        }
        Mutation::InsertLine(i, token) => {
            let start = line_range(&bytes, i).start;
            bytes.splice(start..start, token.bytes());
        }
        Mutation::Replace(i, n, token) => {
            let at = at(i, &bytes);
            let end = (at + usize::from(*n)).min(bytes.len());
            bytes.splice(at..end, token.bytes());
        }
        Mutation::Splice(file, line, i) => {
            let other = SEEDS[file.index(SEEDS.len())].1.as_bytes();
            let piece = other[line_range(other, line)].to_vec();
            let start = line_range(&bytes, i).start;
            bytes.splice(start..start, piece);
        }
    }
    bytes
}

/// Every problem names `file` (one of `texts`) and a line:col inside that file's text, and is
/// one line long.
fn check_problems(problems: &[Problem], texts: &[(&str, &str)]) -> Result<(), TestCaseError> {
    prop_assert!(!problems.is_empty(), "refused without naming a problem");
    for p in problems {
        let Some((_, text)) = texts.iter().find(|(f, _)| *f == p.file) else {
            return Err(TestCaseError::fail(format!(
                "{p}: names a file it was not given"
            )));
        };
        let lines: Vec<&str> = text.split('\n').collect();
        prop_assert!(
            (1..=lines.len()).contains(&p.line),
            "{p}: line {} of a {}-line file",
            p.line,
            lines.len()
        );
        let width = lines[p.line - 1].chars().count();
        prop_assert!(
            (1..=width + 1).contains(&p.col),
            "{p}: column {} of a {width}-character line",
            p.col
        );
        prop_assert!(!p.message.trim().is_empty(), "{p}: no message");
        prop_assert!(
            !p.message.contains('\n'),
            "{p:?}: a message of several lines"
        );
    }
    Ok(())
}

/// `parse_meeting` on `text`: no panic, and problems that point into the text.
fn check_one(text: &str) -> Result<(), TestCaseError> {
    const FILE: &str = "data/fuzzed.toml";
    match parse_meeting(FILE, text) {
        Ok(_) => Ok(()),
        Err(problems) => check_problems(&problems, &[(FILE, text)]),
    }
}

/// A seed with 1–8 mutations, as text (invalid UTF-8 replaced: the loader refuses it earlier).
fn mutated() -> impl Strategy<Value = (String, String)> {
    (any::<Index>(), proptest::collection::vec(mutation(), 1..8)).prop_map(|(seed, mutations)| {
        let (name, text) = &SEEDS[seed.index(SEEDS.len())];
        let bytes = mutations.iter().fold(text.as_bytes().to_vec(), apply);
        (name.clone(), String::from_utf8_lossy(&bytes).into_owned())
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_data_files_never_panic_and_every_problem_points_into_the_file(
        (seed, text) in mutated()
    ) {
        let _ = &seed; // shown in the failure report: which file was mutated
        check_one(&text)?;
    }

    #[test]
    fn a_mutated_file_next_to_its_original_gives_problems_in_the_right_file(
        (seed, text) in mutated()
    ) {
        // two files: also the rules across files (duplicate meeting ids)
        let original = &SEEDS.iter().find(|(n, _)| *n == seed).unwrap().1;
        let files = [("a/original.toml", original.as_str()), ("b/mutated.toml", text.as_str())];
        if let Err(problems) = parse_sources(files) {
            check_problems(&problems, &files)?;
        }
    }

    #[test]
    fn arbitrary_text_never_panics_and_every_problem_points_into_it(text in any::<String>()) {
        check_one(&text)?;
    }

    #[test]
    fn toml_token_soup_never_panics_and_every_problem_points_into_it(
        tokens in proptest::collection::vec(
            prop_oneof![
                3 => proptest::sample::select(TOKENS).prop_map(String::from),
                1 => "[a-z_]{1,12}",
                1 => "[ \t\n=\".,\\[\\]{}#'\\\\]{1,4}",
            ],
            0..80,
        )
    ) {
        check_one(&tokens.concat())?;
    }
}

#[test]
fn the_seed_corpus_itself_gives_problems_that_point_into_each_file() {
    for (name, text) in SEEDS.iter() {
        if let Err(problems) = parse_meeting(name, text) {
            check_problems(&problems, &[(name, text)]).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}
