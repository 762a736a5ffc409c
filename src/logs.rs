//! Log output: the `tracing` subscriber `serve` installs, and the two pieces of it that run for
//! every request and so are written for speed.
//!
//! * [`Fields`] formats an event's fields for the text format: the same text as
//!   `tracing_subscriber`'s default field formatter with colours off (a test holds them equal),
//!   without its per-field styling machinery, which cost more than the rest of a cached feed's
//!   request.
//! * [`Clock`] writes the RFC 3339 timestamp, formatting the date and time once per second and
//!   per thread, and only the microseconds for every line.
//!
//! Lines go to stdout through a background writer thread, so a request never waits on a slow
//! terminal or log pipe.

use std::cell::RefCell;
use std::fmt::{self, Write as _};
use std::time::{SystemTime, UNIX_EPOCH};
use tracing::field::{Field, Visit};
use tracing_subscriber::field::RecordFields;
use tracing_subscriber::fmt::FormatFields;
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::time::FormatTime;

/// How log lines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines: `2018-01-15T08:30:00.000000Z  INFO target: message key=value …`
    Text,
    /// One JSON object per line.
    Json,
}

/// Installs the log subscriber (filter from `RUST_LOG`, default `info`). The returned guard
/// flushes the lines still queued when dropped.
pub fn init(format: LogFormat) -> tracing_appender::non_blocking::WorkerGuard {
    // buffered: the appender's worker flushes whenever its queue runs empty, so lines still go
    // out at once when idle, and under load many lines share one write(2)
    let stdout = std::io::BufWriter::with_capacity(64 << 10, std::io::stdout());
    let (writer, guard) = tracing_appender::non_blocking(stdout);
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,actix_server=warn".into());
    // colour codes only for a terminal: log files and collectors get plain text
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_timer(Clock)
        .with_writer(writer);
    match format {
        LogFormat::Text => builder.fmt_fields(Fields).init(),
        LogFormat::Json => builder.json().flatten_event(true).init(),
    }
    guard
}

/// The text format's field formatter: `message key=value key="text"`, values as their `Debug`
/// (strings quoted and escaped), the message as written but with terminal control characters
/// escaped, `r#` prefixes dropped. No colours.
#[derive(Clone, Copy, Debug, Default)]
pub struct Fields;

impl<'w> FormatFields<'w> for Fields {
    fn format_fields<R: RecordFields>(&self, writer: Writer<'w>, fields: R) -> fmt::Result {
        let mut v = FieldVisitor {
            writer,
            first: true,
            result: Ok(()),
        };
        fields.record(&mut v);
        v.result
    }
}

struct FieldVisitor<'w> {
    writer: Writer<'w>,
    first: bool,
    result: fmt::Result,
}

impl FieldVisitor<'_> {
    /// Starts a field: the separating space and, except for the message, `name=`. Returns
    /// false for fields that are not printed.
    fn start(&mut self, field: &Field) -> bool {
        let name = field.name();
        if self.result.is_err() || name.starts_with("log.") {
            // `log.*` fields are metadata of events bridged from the `log` crate
            return false;
        }
        if !self.first {
            self.result = self.writer.write_char(' ');
        }
        self.first = false;
        if name != "message" {
            let name = name.strip_prefix("r#").unwrap_or(name);
            self.result = self
                .result
                .and_then(|()| self.writer.write_str(name))
                .and_then(|()| self.writer.write_char('='));
        }
        self.result.is_ok()
    }
}

impl Visit for FieldVisitor<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        if !self.start(field) {
            return;
        }
        self.result = if field.name() == "message" {
            write_escaped(&mut self.writer, value)
        } else {
            write!(self.writer, "{value:?}")
        };
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        if self.start(field) {
            self.result = write!(self.writer, "{value}");
        }
    }

    fn record_i64(&mut self, field: &Field, value: i64) {
        if self.start(field) {
            self.result = write!(self.writer, "{value}");
        }
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        if self.start(field) {
            self.result = self.writer.write_str(if value { "true" } else { "false" });
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        if !self.start(field) {
            return;
        }
        self.result = if field.name() == "message" {
            // the message's text, with control characters escaped as it is written
            write!(Escaping(&mut self.writer), "{value:?}")
        } else {
            write!(self.writer, "{value:?}")
        };
    }
}

/// Writes `s` with the characters a terminal would act on escaped: ESC, BEL, BS, FF, DEL as
/// `\x1b`…, C1 controls as `\u{85}`… (what `tracing_subscriber` does for messages).
fn write_escaped(w: &mut impl fmt::Write, s: &str) -> fmt::Result {
    let mut rest = s;
    while let Some(i) = rest.find(|c: char| {
        matches!(c, '\x1b' | '\x07' | '\x08' | '\x0c' | '\x7f')
            || ('\u{80}'..='\u{9f}').contains(&c)
    }) {
        w.write_str(&rest[..i])?;
        let c = rest[i..].chars().next().unwrap_or_default();
        if c < '\u{80}' {
            write!(w, "\\x{:02x}", u32::from(c))?;
        } else {
            write!(w, "\\u{{{:x}}}", u32::from(c))?;
        }
        rest = &rest[i + c.len_utf8()..];
    }
    w.write_str(rest)
}

/// A `fmt::Write` that escapes what passes through it as [`write_escaped`] does.
struct Escaping<'a, W>(&'a mut W);

impl<W: fmt::Write> fmt::Write for Escaping<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write_escaped(self.0, s)
    }
}

/// The timestamp of every line: `2018-01-15T08:30:00.123456Z` (UTC, microseconds), the text
/// `tracing_subscriber`'s default timer writes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Clock;

thread_local! {
    /// The second last formatted on this thread and its `YYYY-MM-DDTHH:MM:SS`.
    static SECOND: RefCell<(u64, String)> = const { RefCell::new((u64::MAX, String::new())) };
}

impl FormatTime for Clock {
    fn format_time(&self, w: &mut Writer<'_>) -> fmt::Result {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        write_stamp(w, now.as_secs(), now.subsec_micros())
    }
}

/// Writes the timestamp of `secs` + `micros` since the Unix epoch.
fn write_stamp(w: &mut impl fmt::Write, secs: u64, micros: u32) -> fmt::Result {
    SECOND.with_borrow_mut(|(cached, text)| {
        if *cached != secs {
            let t = i64::try_from(secs)
                .ok()
                .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
                .unwrap_or_default();
            text.clear();
            write!(text, "{}", t.format("%Y-%m-%dT%H:%M:%S"))?;
            *cached = secs;
        }
        w.write_str(text)?;
        write!(w, ".{micros:06}Z")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// Lines written by a subscriber, collected in memory.
    #[derive(Clone, Default)]
    struct Lines(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Lines {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Lines {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
        }
    }

    /// One fixed timestamp, so that two subscribers' lines can be compared.
    struct Fixed;
    impl FormatTime for Fixed {
        fn format_time(&self, w: &mut Writer<'_>) -> fmt::Result {
            w.write_str("T")
        }
    }

    fn events() {
        let path = "/feeds/all.ics?q=\"x\"\n\u{1b}[31m";
        tracing::info!(
            request_id = %"6b08-1",
            method = "GET",
            path,
            status = 304u16,
            bytes = 0u64,
            duration_us = 12u64,
            "request"
        );
        tracing::warn!(problem = %"a.toml:1:2: bad\tthing", count = -3i64, ok = true, "reload refused");
        tracing::info!(r#type = "x", list = ?vec!["a", "b"], "{} formatted {}", 1, "\u{1b}[2J\u{85}");
        tracing::error!("only a message, 会议 \u{7f}");
        tracing::info!(empty = "", f = 1.5f64);
    }

    #[test]
    fn fields_are_written_as_the_default_formatter_writes_them() {
        let (ours, theirs) = (Lines::default(), Lines::default());
        let base = || {
            tracing_subscriber::fmt()
                .with_ansi(false)
                .with_timer(Fixed)
                .with_max_level(tracing::Level::TRACE)
        };
        let o = ours.clone();
        let sub = base()
            .fmt_fields(Fields)
            .with_writer(move || o.clone())
            .finish();
        tracing::subscriber::with_default(sub, events);
        let t = theirs.clone();
        let sub = base().with_writer(move || t.clone()).finish();
        tracing::subscriber::with_default(sub, events);
        assert_eq!(ours.text().lines().count(), 5, "{}", ours.text());
        assert_eq!(ours.text(), theirs.text());
    }

    #[test]
    fn timestamps_are_rfc3339_utc_with_microseconds() {
        for (secs, micros) in [
            (0u64, 0u32),
            (1_516_005_000, 123_456),
            (1_516_005_000, 999_999),
            (1_516_005_001, 7),
            (951_782_400, 1), // 2000-02-29
            (4_102_444_799, 500_000),
        ] {
            let mut ours = String::new();
            write_stamp(&mut ours, secs, micros).unwrap();
            let want = chrono::DateTime::from_timestamp(secs as i64, micros * 1000)
                .unwrap()
                .to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
            assert_eq!(ours, want);
        }
    }

    #[test]
    fn the_clock_writes_the_default_timers_shape() {
        let mut ours = String::new();
        Clock.format_time(&mut Writer::new(&mut ours)).unwrap();
        let mut theirs = String::new();
        tracing_subscriber::fmt::time::SystemTime
            .format_time(&mut Writer::new(&mut theirs))
            .unwrap();
        assert_eq!(ours.len(), theirs.len(), "{ours} vs {theirs}");
        // same second (or the next one, if a second boundary passed in between)
        let parse = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().timestamp();
        assert!(
            (parse(&theirs) - parse(&ours)).abs() <= 1,
            "{ours} vs {theirs}"
        );
    }
}
