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

/// Folds every line of `text` (lines separated by CRLF; `text` ends with CRLF) to [`LIMIT`].
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 32);
    for line in text.split_terminator("\r\n") {
        fold_line(line, &mut out);
    }
    out
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
