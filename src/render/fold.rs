//! Content-line folding (RFC 5545 §3.1), written here because the icalendar crate's folder can
//! emit a 76-octet continuation line.
//!
//! Every physical line is at most 75 octets before its CRLF, a continuation starts with one
//! space, a fold never splits a UTF-8 sequence (Google shows a split CJK character as two
//! replacement characters) and never splits an escape pair such as `\n` or `\,` (several parsers
//! unescape before unfolding).

/// Octets a physical line may hold, CRLF excluded.
pub const LIMIT: usize = 75;

/// Removes folds: every CRLF followed by a space or tab is deleted.
pub fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

/// Appends `text` (lines separated by CRLF, ending with CRLF) to `out` with every content line
/// folded to [`LIMIT`]. Lines already folded (by the icalendar crate, whose folder can leave 76
/// octets) are unfolded first: a physical line starting with a space or tab continues the one
/// before it.
pub fn refold_into(text: &str, out: &mut String) {
    // the content line being gathered from its physical lines
    let mut line = String::with_capacity(256);
    for physical in text.split_terminator("\r\n") {
        match physical.strip_prefix([' ', '\t']) {
            Some(continued) => line.push_str(continued),
            None => {
                if !line.is_empty() {
                    fold_line(&line, out);
                    line.clear();
                }
                line.push_str(physical);
            }
        }
    }
    if !line.is_empty() {
        fold_line(&line, out);
    }
}

/// Appends `line`, folded, each physical line ending in CRLF.
pub fn fold_line(line: &str, out: &mut String) {
    let mut rest = line;
    // the first line holds LIMIT octets, continuations LIMIT - 1 after their leading space
    let mut room = LIMIT;
    loop {
        if rest.len() <= room {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // don't separate a backslash from the character it escapes
        let backslashes = rest.as_bytes()[..cut]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        if backslashes % 2 == 1 {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = LIMIT - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fold(text: &str) -> String {
        let mut out = String::new();
        refold_into(text, &mut out);
        out
    }

    fn physical_lines(s: &str) -> Vec<&str> {
        s.split_terminator("\r\n").collect()
    }

    #[test]
    fn a_line_of_exactly_75_octets_is_not_folded() {
        let line = "X".repeat(75);
        assert_eq!(fold(&format!("{line}\r\n")), format!("{line}\r\n"));
    }

    #[test]
    fn continuation_lines_hold_at_most_75_octets_with_their_space() {
        let out = fold(&format!("{}\r\n", "a".repeat(300)));
        for l in physical_lines(&out) {
            assert!(l.len() <= LIMIT, "{} octets: {l:?}", l.len());
        }
        assert_eq!(physical_lines(&out)[1].len(), 75);
    }

    #[test]
    fn a_fold_never_splits_a_cjk_character() {
        // 'SUMMARY:' is 8 octets, each 截 is 3: the 75th octet falls inside a character
        let line = format!("SUMMARY:{}", "截".repeat(40));
        let out = fold(&format!("{line}\r\n"));
        for l in physical_lines(&out) {
            assert!(l.len() <= LIMIT);
        }
        assert_eq!(unfold(&out), format!("{line}\r\n"));
    }

    #[test]
    fn a_fold_never_splits_an_escape_pair() {
        // the backslash of '\n' is the 75th octet: the fold moves before it
        let line = format!("DESCRIPTION:{}\\nnext", "a".repeat(62));
        assert_eq!(line.find('\\'), Some(74));
        let out = fold(&format!("{line}\r\n"));
        assert!(out.starts_with(&format!("DESCRIPTION:{}\r\n \\nnext", "a".repeat(62))));
        // an escaped backslash before the fold point is a complete pair: no need to move
        let line = format!("DESCRIPTION:{}\\\\x", "a".repeat(61));
        let out = fold(&format!("{line}\r\n"));
        assert!(out.starts_with(&format!("DESCRIPTION:{}\\\\\r\n x", "a".repeat(61))));
    }

    #[test]
    fn the_icalendar_crates_76_octet_line_is_folded_again() {
        use icalendar::Component;
        // 150 octets: the crate cuts after 75 and leaves the other 75 behind a space
        let mut ev = icalendar::Event::new();
        ev.uid("u")
            .timestamp(chrono::DateTime::UNIX_EPOCH)
            .add_property("SUMMARY", "s".repeat(150 - "SUMMARY:".len()));
        let crate_text = ev.to_string();
        let longest = |t: &str| t.split("\r\n").map(str::len).max().unwrap_or(0);
        assert_eq!(
            longest(&crate_text),
            76,
            "the crate's folder changed: check whether the re-fold is still needed\n{crate_text}"
        );
        let mut ours = String::new();
        refold_into(&crate_text, &mut ours);
        assert!(longest(&ours) <= LIMIT, "{ours}");
        assert_eq!(unfold(&ours), unfold(&crate_text));
    }

    #[test]
    fn refolding_gathers_continuation_lines_before_folding() {
        let folded = "A:one\r\n two\r\n\tthree\r\nB:x\r\n";
        assert_eq!(fold(folded), "A:onetwothree\r\nB:x\r\n");
        assert_eq!(fold(""), "");
    }

    proptest! {
        #[test]
        fn folding_round_trips_and_respects_the_limit(s in "\\PC{0,400}") {
            let line = format!("DESCRIPTION:{}", s.replace(['\r', '\n'], ""));
            let out = fold(&format!("{line}\r\n"));
            for l in physical_lines(&out) {
                prop_assert!(l.len() <= LIMIT);
            }
            prop_assert_eq!(unfold(&out), format!("{line}\r\n"));
        }
    }
}
