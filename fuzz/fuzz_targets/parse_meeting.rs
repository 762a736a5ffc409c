//! `parse_meeting` on arbitrary text: it never panics, and every problem it reports names this
//! file and a line:col inside the text, on one line (the property of tests/fuzz_loader.rs).
//! How to run: docs/operations.md, "Fuzzing the loader".

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Err(problems) = itucal::load::parse_meeting("f.toml", text) else {
        return;
    };
    assert!(!problems.is_empty(), "refused with no problem");
    let lines: Vec<&str> = text.split('\n').collect();
    for p in &problems {
        assert_eq!(p.file, "f.toml", "{p}");
        assert!(p.line >= 1 && p.line <= lines.len(), "{p}: no such line");
        let width = lines[p.line - 1].chars().count();
        assert!(p.col >= 1 && p.col <= width + 1, "{p}: no such column");
        assert!(
            !p.message.contains('\n'),
            "{p:?}: a message of several lines"
        );
    }
});
