//! The wire rules every feed must keep, checked on the bytes (not through any library).

use std::collections::{BTreeSet, HashSet};

/// Every rule `ics` breaks, as sentences (empty when it keeps them all).
pub fn problems(ics: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    // CRLF only
    for (i, w) in ics.windows(2).enumerate() {
        if w[1] == b'\n' && w[0] != b'\r' {
            out.push(format!("bare LF at byte {}", i + 1));
        }
        if w[0] == b'\r' && w[1] != b'\n' {
            out.push(format!("bare CR at byte {i}"));
        }
    }
    if !ics.ends_with(b"\r\n") {
        out.push("does not end with CRLF".into());
    }
    // physical lines: ≤ 75 octets, each valid UTF-8 on its own
    let mut text = String::new();
    let body = ics.strip_suffix(b"\n").unwrap_or(ics);
    for (n, line) in body.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.len() > 75 {
            out.push(format!("line {} has {} octets", n + 1, line.len()));
        }
        match std::str::from_utf8(line) {
            Ok(s) => {
                text.push_str(s);
                text.push('\n');
            }
            Err(_) => out.push(format!("line {} is not valid UTF-8 on its own", n + 1)),
        }
    }
    if !out.is_empty() {
        return out;
    }
    // content lines
    let unfolded = text.replace("\n ", "").replace("\n\t", "");
    let lines: Vec<&str> = unfolded.lines().collect();
    if lines.first() != Some(&"BEGIN:VCALENDAR") || lines.last() != Some(&"END:VCALENDAR") {
        out.push("not one VCALENDAR from first line to last".into());
    }
    let count = |p: &str| lines.iter().filter(|l| **l == p).count();
    if count("BEGIN:VCALENDAR") != 1 {
        out.push("more than one VCALENDAR".into());
    }
    let mut depth = Vec::new();
    let mut calendar_props: Vec<&str> = Vec::new();
    let mut event: Option<Vec<&str>> = None;
    let mut uids = HashSet::new();
    let mut tzids_used = BTreeSet::new();
    let mut tzids_defined = BTreeSet::new();
    for line in &lines {
        let (name_params, value) = line.split_once(':').unwrap_or((line, ""));
        let name = name_params.split(';').next().unwrap_or("");
        if let Some(c) = line.strip_prefix("BEGIN:") {
            depth.push(c);
            if c == "VEVENT" {
                event = Some(Vec::new());
            }
            continue;
        }
        if let Some(c) = line.strip_prefix("END:") {
            if depth.pop() != Some(c) {
                out.push(format!("END:{c} does not close the open component"));
            }
            if c == "VEVENT" {
                let props = event.take().unwrap_or_default();
                check_event(&props, &mut uids, &mut out);
            }
            continue;
        }
        if matches!(name, "ORGANIZER" | "ATTENDEE") {
            out.push(format!("{name} in a published feed"));
        }
        for p in name_params.split(';').skip(1) {
            if let Some(tz) = p.strip_prefix("TZID=") {
                tzids_used.insert(tz.to_string());
            }
        }
        match depth.last() {
            Some(&"VCALENDAR") => calendar_props.push(name),
            Some(&"VEVENT") => {
                if let Some(e) = event.as_mut() {
                    e.push(line)
                }
            }
            Some(&"VTIMEZONE") if name == "TZID" => {
                tzids_defined.insert(value.to_string());
            }
            _ => {}
        }
    }
    for (prop, want) in [("VERSION", 1), ("PRODID", 1)] {
        let n = calendar_props.iter().filter(|p| **p == prop).count();
        if n != want {
            out.push(format!("{n} {prop} properties on the calendar"));
        }
    }
    // a feed or download is a plain calendar, not an iTIP message (RFC 5546)
    if calendar_props.contains(&"METHOD") {
        out.push(
            "METHOD on the calendar: CalDAV servers refuse the file (RFC 4791 §4.1) and \
             METHOD:PUBLISH asks for an ORGANIZER in every event"
                .into(),
        );
    }
    for tz in tzids_used.difference(&tzids_defined) {
        out.push(format!("TZID={tz} has no VTIMEZONE"));
    }
    out
}

fn check_event(props: &[&str], uids: &mut HashSet<String>, out: &mut Vec<String>) {
    let get = |name: &str| {
        props
            .iter()
            .find(|l| l.split([':', ';']).next() == Some(name))
    };
    let uid = get("UID")
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.to_string());
    match &uid {
        None => out.push("a VEVENT without UID".into()),
        Some(u) if !uids.insert(u.clone()) => out.push(format!("UID {u} twice")),
        _ => {}
    }
    let who = uid.unwrap_or_default();
    for required in ["DTSTAMP", "DTSTART"] {
        if get(required).is_none() {
            out.push(format!("{who}: no {required}"));
        }
    }
    let mut dates = Vec::new();
    for name in ["DTSTART", "DTEND"] {
        let Some(line) = get(name) else { continue };
        let (params, value) = line.split_once(':').unwrap_or((line, ""));
        if params.contains("VALUE=DATE") && !params.contains("VALUE=DATE-TIME") {
            dates.push(value.to_string());
        } else if !params.contains("TZID=") && !value.ends_with('Z') {
            out.push(format!("{who}: floating {name} {value}"));
        }
    }
    if let [start, end] = dates.as_slice()
        && end <= start
    {
        out.push(format!(
            "{who}: all-day DTEND {end} is not after DTSTART {start}"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::problems;

    const GOOD: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20180101T000000Z\r\nDTSTART;VALUE=DATE:20180101\r\nDTEND;VALUE=DATE:20180102\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    #[test]
    fn the_checker_accepts_a_good_feed_and_catches_each_rule() {
        assert_eq!(problems(GOOD.as_bytes()), Vec::<String>::new());
        let cases = [
            (GOOD.replace("\r\nUID", "\nUID"), "bare LF"),
            (
                GOOD.replace("UID:a", &format!("UID:{}", "a".repeat(80))),
                "octets",
            ),
            (GOOD.replace("UID:a\r\n", ""), "without UID"),
            (
                GOOD.replace("DTEND;VALUE=DATE:20180102", "DTEND;VALUE=DATE:20180101"),
                "not after",
            ),
            (
                GOOD.replace("DTSTART;VALUE=DATE:20180101", "DTSTART:20180101T090000"),
                "floating",
            ),
            (
                GOOD.replace(
                    "DTSTART;VALUE=DATE:20180101",
                    "DTSTART;TZID=Europe/Zurich:20180101T090000",
                ),
                "no VTIMEZONE",
            ),
            (
                GOOD.replace("UID:a\r\n", "UID:a\r\nORGANIZER:mailto:x@y\r\n"),
                "ORGANIZER",
            ),
            (
                GOOD.replace("PRODID:x\r\n", "PRODID:x\r\nPRODID:y\r\n"),
                "PRODID",
            ),
            (
                GOOD.replace("PRODID:x\r\n", "PRODID:x\r\nMETHOD:PUBLISH\r\n"),
                "METHOD",
            ),
        ];
        for (ics, want) in cases {
            let got = problems(ics.as_bytes());
            assert!(got.iter().any(|p| p.contains(want)), "{want}: {got:?}");
        }
        // a fold inside a UTF-8 sequence
        let split = "BEGIN:VCALENDAR\r\nX:\u{4f1a}\r\nEND:VCALENDAR\r\n"
            .as_bytes()
            .to_vec();
        let mut broken = split.clone();
        let at = broken.iter().position(|&b| b == 0xe4).unwrap() + 1;
        broken.splice(at..at, b"\r\n ".iter().copied());
        assert!(problems(&broken).iter().any(|p| p.contains("UTF-8")));
    }
}
