//! Log output: the `tracing` subscriber `serve` installs, and the two pieces of it that run for
//! every request and so are written for speed.
//!
//! * [`Fields`] formats an event's fields for the text format: the same text as
//!   `tracing_subscriber`'s default field formatter with colours off (a test holds them equal
//!   for every kind of value: text, numbers, booleans, `Display`, `Debug`, errors with sources),
//!   without its per-field styling machinery, which cost more than the rest of a cached feed's
//!   request.
//! * [`Clock`] writes the RFC 3339 timestamp, formatting the date and time once per second and
//!   per thread, and only the microseconds for every line.
//!
//! * [`RequestLine`] is the line of every request, written straight into [`Output`] in the
//!   installed format (plain text or JSON) without going through `tracing`'s event machinery,
//!   the same text as `tracing` would write (tests hold them equal).
//!
//! * [`Output`] takes the lines: each thread appends to a buffer of its own, and a background
//!   thread writes the buffers to stdout every [`FLUSH_EVERY`], so a request neither waits on
//!   a slow terminal or log pipe (unless its buffer fills up) nor wakes another thread.

use crate::lock;
use std::cell::RefCell;
use std::fmt::{self, Write as _};
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tracing::field::{Field, Visit};
use tracing_subscriber::field::RecordFields;
use tracing_subscriber::fmt::FormatFields;
use tracing_subscriber::fmt::MakeWriter;
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

/// Installs the log subscriber (filter from `RUST_LOG`, default `info`) writing to stdout
/// through [`Output`]. Dropping the returned guard writes the lines still buffered.
pub fn init(format: LogFormat) -> OutputGuard {
    // colour codes only for a terminal: log files and collectors get plain text
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stdout());
    init_to(format, Box::new(std::io::stdout()), ansi)
}

/// [`init`] with lines written to `out`, in colour if `ansi` (benchmarks log to a sink).
/// If a global subscriber is installed already, it stays and gets every line, request lines
/// included; the returned guard's output then receives nothing.
pub fn init_to(format: LogFormat, out: Box<dyn Write + Send>, ansi: bool) -> OutputGuard {
    let (writer, guard) = Output::start(out, FLUSH_EVERY);
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,actix_server=warn".into());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_timer(Clock)
        .with_writer(writer.clone());
    let installed = match format {
        LogFormat::Text => builder.fmt_fields(Fields).try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
    if installed.is_ok() && (format == LogFormat::Json || !ansi) {
        // request lines straight into the output (coloured ones go through tracing)
        let _ = DIRECT.set((writer, format));
    }
    guard
}

/// How long a line may wait in its thread's buffer before [`Output`] writes it.
pub const FLUSH_EVERY: Duration = Duration::from_millis(25);

/// A thread's buffer is written by that thread itself once it holds this much (back-pressure
/// when the output is slower than the lines: memory stays bounded and no line is dropped).
const MAX_BUFFERED: usize = 1 << 20;

/// Where log lines go. Each thread appends whole lines to a buffer of its own (a lock no other
/// thread takes, except the writer for a moment every [`FLUSH_EVERY`]), and one background
/// thread writes every non-empty buffer to the output, each as one write. A request thus waits
/// on the output only when its thread's buffer is full (the output is slower than the lines),
/// wakes no other thread, and under load hundreds of lines share one `write(2)`. Lines of one thread stay in order; lines of different threads are ordered by
/// their timestamps, not by their position in the output.
#[derive(Clone, Debug)]
pub struct Output {
    shared: Arc<Shared>,
}

/// One thread's lines not yet written.
type Buffer = Arc<Mutex<Vec<u8>>>;

struct Shared {
    /// Tells this output's buffers from another's in a thread's list.
    id: u64,
    buffers: Mutex<Vec<Buffer>>,
    out: Mutex<Box<dyn Write + Send>>,
    stop: AtomicBool,
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shared").finish_non_exhaustive()
    }
}

/// Stops the background writer of an [`Output`] and writes what is still buffered.
#[derive(Debug)]
pub struct OutputGuard {
    shared: Arc<Shared>,
    writer: Option<std::thread::JoinHandle<()>>,
}

thread_local! {
    /// This thread's buffers, one per [`Output`] it has written to (in practice one).
    static MINE: RefCell<Vec<(u64, Buffer)>> = const { RefCell::new(Vec::new()) };
}

impl Output {
    /// Starts the background writer of lines to `out`, waking every `every`.
    pub fn start(out: Box<dyn Write + Send>, every: Duration) -> (Output, OutputGuard) {
        static IDS: AtomicU64 = AtomicU64::new(0);
        let shared = Arc::new(Shared {
            id: IDS.fetch_add(1, Ordering::Relaxed),
            buffers: Mutex::default(),
            out: Mutex::new(out),
            stop: AtomicBool::new(false),
        });
        let s = Arc::clone(&shared);
        let writer = std::thread::Builder::new()
            .name("log-writer".into())
            .spawn(move || {
                let mut spare = Vec::new();
                while !s.stop.load(Ordering::Acquire) {
                    std::thread::park_timeout(every);
                    s.write_all_buffers(&mut spare);
                }
                s.write_all_buffers(&mut spare);
            })
            .ok();
        if writer.is_none() {
            // no thread: threads then write their own buffers once they fill (and at the end)
            eprintln!("itucal: could not start the log writer thread; logs are written late");
        }
        (
            Output {
                shared: Arc::clone(&shared),
            },
            OutputGuard { shared, writer },
        )
    }

    /// Runs `f` on this thread's buffer, registering the buffer with the writer on first use.
    /// (A thread-local lookup: no reference count shared between threads is touched per line.)
    /// `None` once this thread's locals are being destroyed.
    fn with_buffer<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> Option<R> {
        let id = self.shared.id;
        MINE.try_with(|mine| {
            let mut mine = mine.try_borrow_mut().ok()?;
            let i = match mine.iter().position(|(i, _)| *i == id) {
                Some(i) => i,
                None => {
                    let b = Arc::new(Mutex::new(Vec::with_capacity(16 << 10)));
                    lock(&self.shared.buffers).push(Arc::clone(&b));
                    mine.push((id, b));
                    mine.len() - 1
                }
            };
            Some(f(&mut lock(&mine[i].1)))
        })
        .ok()
        .flatten()
    }

    /// Appends a line, written by `line` straight into this thread's buffer; writes the
    /// buffer out here when it is full, and the line alone when this thread is ending.
    fn append(&self, line: impl FnOnce(&mut Vec<u8>)) {
        let mut line = Some(line);
        let full = self.with_buffer(|b| {
            if let Some(line) = line.take() {
                line(b);
            }
            b.len() >= MAX_BUFFERED
        });
        match (full, line) {
            (Some(true), _) => {
                // the output first, then the buffer (the writer's order): whatever this
                // thread buffered is written before anything it buffers later
                let mut out = lock(&self.shared.out);
                let lines = self.with_buffer(std::mem::take).unwrap_or_default();
                let _ = out.write_all(&lines).and_then(|()| out.flush());
            }
            (Some(false), _) | (None, None) => {}
            (None, Some(line)) => {
                // this thread is ending and its buffer is gone: write the line directly
                let mut bytes = Vec::new();
                line(&mut bytes);
                self.shared.write(&bytes);
            }
        }
    }
}

impl Shared {
    /// Writes every thread's buffered lines, each buffer as one write, and forgets the buffers
    /// of threads that have ended. `spare` is the writer's own empty buffer, swapped for each thread's, so that a thread
    /// gets back a buffer that already has room and does not grow one from nothing every time.
    /// Each buffer is taken and written while the output is locked, so a thread that fills its
    /// buffer meanwhile (and writes it itself) cannot get its later lines out first.
    fn write_all_buffers(&self, spare: &mut Vec<u8>) {
        let buffers: Vec<_> = lock(&self.buffers).clone();
        let mut out = lock(&self.out);
        for b in &buffers {
            std::mem::swap(&mut *lock(b), spare);
            if !spare.is_empty() {
                // nowhere to report a failing log output: the lines are lost, the service goes on
                let _ = out.write_all(spare);
                spare.clear();
            }
        }
        let _ = out.flush();
        drop(out);
        drop(buffers);
        // a buffer only the list holds belongs to a thread that has ended (a live thread holds
        // its own reference from before the buffer was listed)
        lock(&self.buffers).retain(|b| Arc::strong_count(b) > 1 || !lock(b).is_empty());
    }

    /// Writes `bytes` straight out and flushes: the line of a thread whose buffer is gone
    /// because the thread is ending.
    fn write(&self, bytes: &[u8]) {
        let mut out = lock(&self.out);
        let _ = out.write_all(bytes).and_then(|()| out.flush());
    }
}

impl Drop for OutputGuard {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Release);
        match self.writer.take() {
            Some(w) => {
                w.thread().unpark();
                let _ = w.join();
            }
            None => self.shared.write_all_buffers(&mut Vec::new()),
        }
    }
}

/// What the subscriber writes one event's line through.
#[derive(Debug)]
pub struct LineWriter<'a> {
    output: &'a Output,
}

impl Write for LineWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.output.append(|b| b.extend_from_slice(bytes));
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Output {
    type Writer = LineWriter<'a>;

    fn make_writer(&'a self) -> LineWriter<'a> {
        LineWriter { output: self }
    }
}

/// Where [`RequestLine::log`] writes without `tracing`: the output and format that [`init`]
/// (or [`init_to`]) installed with the global subscriber; unset when text lines are coloured
/// for a terminal, and where no global subscriber was installed this way (unit tests).
static DIRECT: OnceLock<(Output, LogFormat)> = OnceLock::new();

/// The target of request lines: the module that logs them, as it was when they went through
/// `tracing`, so that filters such as `RUST_LOG=info,itucal::web::observe=warn` keep working.
pub const REQUEST_TARGET: &str = "itucal::web::observe";

/// The log line of one answered request, at INFO level with target [`REQUEST_TARGET`].
#[derive(Clone, Copy, Debug)]
pub struct RequestLine<'a> {
    /// Also sent as `X-Request-Id`.
    pub request_id: &'a str,
    /// The request method.
    pub method: &'a str,
    /// The request path (without the query string).
    pub path: &'a str,
    /// The response status.
    pub status: u16,
    /// The response body's length.
    pub bytes: u64,
    /// Time from the request to its response, in microseconds.
    pub duration_us: u64,
}

impl RequestLine<'_> {
    /// Logs the line if the filter lets INFO lines of [`REQUEST_TARGET`] through: into the
    /// output [`init`] installed, formatted here (the cost of `tracing`'s per-event machinery,
    /// a good part of a cached feed's request, is not paid), else as a `tracing` event.
    pub fn log(&self) {
        self.log_into(DIRECT.get());
    }

    /// [`RequestLine::log`], writing straight into `direct` when given.
    fn log_into(&self, direct: Option<&(Output, LogFormat)>) {
        if !tracing::enabled!(target: REQUEST_TARGET, tracing::Level::INFO) {
            return;
        }
        match direct {
            Some((output, format)) => {
                let now = SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .unwrap_or_default();
                output.append(|b| {
                    // writing into a Vec cannot fail
                    let _ = self.write(b, *format, now);
                });
            }
            None => tracing::info!(
                target: REQUEST_TARGET,
                request_id = %self.request_id,
                method = self.method,
                path = self.path,
                status = self.status,
                bytes = self.bytes,
                duration_us = self.duration_us,
                "request"
            ),
        }
    }

    /// The fields, in the order the line has them (the order of the `tracing` event).
    fn fields(&self) -> [(&'static str, Value<'_>); 6] {
        [
            ("request_id", Value::Shown(self.request_id)),
            ("method", Value::Text(self.method)),
            ("path", Value::Text(self.path)),
            ("status", Value::Number(self.status.into())),
            ("bytes", Value::Number(self.bytes)),
            ("duration_us", Value::Number(self.duration_us)),
        ]
    }

    /// Writes the line as `tracing_subscriber`'s formatter would (text: the full format
    /// without colours and our [`Fields`]; JSON: flattened), stamped `now` since the epoch.
    fn write(&self, b: &mut Vec<u8>, format: LogFormat, now: Duration) -> fmt::Result {
        let num = |b: &mut Vec<u8>, n: u64| {
            b.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
        };
        let json = |b: &mut Vec<u8>, s: &str| serde_json::to_writer(b, s).map_err(|_| fmt::Error);
        match format {
            LogFormat::Text => {
                write_stamp(&mut Utf8(b), now.as_secs(), now.subsec_micros())?;
                b.extend_from_slice(b"  INFO ");
                b.extend_from_slice(REQUEST_TARGET.as_bytes());
                b.extend_from_slice(b": request");
                for (name, value) in self.fields() {
                    b.push(b' ');
                    b.extend_from_slice(name.as_bytes());
                    b.push(b'=');
                    match value {
                        Value::Shown(s) => b.extend_from_slice(s.as_bytes()),
                        Value::Text(s) => push_debug(b, s)?,
                        Value::Number(n) => num(b, n),
                    }
                }
                b.push(b'\n');
            }
            LogFormat::Json => {
                b.extend_from_slice(b"{\"timestamp\":\"");
                write_stamp(&mut Utf8(b), now.as_secs(), now.subsec_micros())?;
                b.extend_from_slice(b"\",\"level\":\"INFO\",\"message\":\"request\"");
                for (name, value) in self.fields() {
                    b.extend_from_slice(b",\"");
                    b.extend_from_slice(name.as_bytes());
                    b.extend_from_slice(b"\":");
                    match value {
                        Value::Shown(s) | Value::Text(s) => json(b, s)?,
                        Value::Number(n) => num(b, n),
                    }
                }
                b.extend_from_slice(b",\"target\":\"");
                b.extend_from_slice(REQUEST_TARGET.as_bytes());
                b.extend_from_slice(b"\"}\n");
            }
        }
        Ok(())
    }
}

/// A field of a [`RequestLine`], as the event recorded it.
enum Value<'a> {
    /// Recorded with `Display` (`%`): written as it is.
    Shown(&'a str),
    /// A string: quoted and escaped as `Debug` writes it.
    Text(&'a str),
    /// A number.
    Number(u64),
}

/// `s` as `{s:?}` writes it (quoted, escaped); printable ASCII without quotes or
/// backslashes, what paths and methods nearly always are, is copied as it is.
fn push_debug(b: &mut Vec<u8>, s: &str) -> fmt::Result {
    if s.bytes()
        .all(|c| matches!(c, b' '..=b'~') && c != b'"' && c != b'\\')
    {
        b.push(b'"');
        b.extend_from_slice(s.as_bytes());
        b.push(b'"');
        Ok(())
    } else {
        write!(Utf8(b), "{s:?}")
    }
}

/// `fmt::Write` into a byte buffer (text is UTF-8 either way).
struct Utf8<'a>(&'a mut Vec<u8>);

impl fmt::Write for Utf8<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
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

    fn record_error(&mut self, field: &Field, value: &(dyn std::error::Error + 'static)) {
        if self.start(field) {
            self.result = write_error(&mut self.writer, field.name(), value);
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

/// An error as the default formatter writes it: its message, then ` {name}.sources=[…]` with
/// the message of each error in its source chain, all with control characters escaped.
fn write_error(
    w: &mut Writer<'_>,
    name: &str,
    error: &(dyn std::error::Error + 'static),
) -> fmt::Result {
    write!(Escaping(w), "{error}")?;
    let Some(mut source) = error.source() else {
        return Ok(());
    };
    write!(w, " {name}.sources=[")?;
    loop {
        write!(Escaping(w), "{source}")?;
        match source.source() {
            Some(next) => {
                w.write_str(", ")?;
                source = next;
            }
            None => return w.write_char(']'),
        }
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
        let io = std::io::Error::other("disk \u{1b}[31mfull");
        let err = Chained(
            "reload failed",
            Some(Box::new(Chained("read a.toml", Some(Box::new(io))))),
        );
        tracing::warn!(error = &err as &(dyn std::error::Error + 'static), "reload");
        let lone = Chained("alone", None);
        tracing::warn!(r#err = &lone as &(dyn std::error::Error + 'static));
    }

    /// An error with an optional source, to log chains.
    #[derive(Debug)]
    struct Chained(
        &'static str,
        Option<Box<dyn std::error::Error + Send + Sync>>,
    );
    impl fmt::Display for Chained {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
    }
    impl std::error::Error for Chained {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            self.1
                .as_deref()
                .map(|e| e as &(dyn std::error::Error + 'static))
        }
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
        assert_eq!(ours.text().lines().count(), 7, "{}", ours.text());
        assert!(
            ours.text()
                .contains("error=reload failed error.sources=[read a.toml, disk \\x1b[31mfull]"),
            "{}",
            ours.text()
        );
        assert_eq!(ours.text(), theirs.text());
    }

    /// A fixed instant, written as [`Clock`] writes it.
    struct At(Duration);
    impl FormatTime for At {
        fn format_time(&self, w: &mut Writer<'_>) -> fmt::Result {
            write_stamp(w, self.0.as_secs(), self.0.subsec_micros())
        }
    }

    #[test]
    fn request_lines_are_written_as_tracing_would_write_them() {
        let now = Duration::new(1_516_005_000, 123_456_789);
        let lines = [
            RequestLine {
                request_id: "6b08cb89-2a",
                method: "GET",
                path: "/feeds/all.ics",
                status: 304,
                bytes: 0,
                duration_us: 12,
            },
            RequestLine {
                request_id: "6b08cb89-2b",
                method: "OTHER",
                path: "/feeds/a\"b\\c\u{1b}[31m\u{7f}\u{85}\t会议.ics",
                status: 404,
                bytes: 18_537,
                duration_us: u64::MAX,
            },
        ];
        for format in [LogFormat::Text, LogFormat::Json] {
            let theirs = Lines::default();
            let t = theirs.clone();
            let builder = tracing_subscriber::fmt()
                .with_ansi(false)
                .with_timer(At(now))
                .with_writer(move || t.clone());
            let sub: Box<dyn tracing::Subscriber + Send + Sync> = match format {
                LogFormat::Text => Box::new(builder.fmt_fields(Fields).finish()),
                LogFormat::Json => Box::new(builder.json().flatten_event(true).finish()),
            };
            // without DIRECT set (as in every test), `log` goes through tracing
            tracing::subscriber::with_default(sub, || lines.iter().for_each(RequestLine::log));
            let mut ours = Vec::new();
            for line in &lines {
                line.write(&mut ours, format, now).unwrap();
            }
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                theirs.text(),
                "{format:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn push_debug_writes_what_debug_writes(s in "([ -~]|\\PC|[\u{0}-\u{9f}])*") {
            let mut b = Vec::new();
            push_debug(&mut b, &s).unwrap();
            proptest::prop_assert_eq!(String::from_utf8(b).unwrap(), format!("{s:?}"));
        }
    }

    #[test]
    fn request_lines_follow_the_filter() {
        let line = RequestLine {
            request_id: "1-1",
            method: "GET",
            path: "/",
            status: 200,
            bytes: 1,
            duration_us: 1,
        };
        for (filter, logged) in [
            ("info", true),
            ("warn", false),
            ("info,itucal::web::observe=warn", false),
            ("warn,itucal::web=info", true),
        ] {
            // through tracing, and straight into an output (as after `init`)
            let (traced, direct) = (Lines::default(), Lines::default());
            let t = traced.clone();
            let sub = tracing_subscriber::fmt()
                .with_env_filter(filter)
                .with_ansi(false)
                .with_writer(move || t.clone())
                .finish();
            let (output, guard) = Output::start(Box::new(direct.clone()), FLUSH_EVERY);
            tracing::subscriber::with_default(sub, || {
                line.log_into(None);
                line.log_into(Some(&(output, LogFormat::Text)));
            });
            drop(guard);
            assert_eq!(traced.text().contains("request_id=1-1"), logged, "{filter}");
            assert_eq!(direct.text().contains("request_id=1-1"), logged, "{filter}");
        }
    }

    #[test]
    fn every_line_of_every_thread_arrives_whole_and_in_its_threads_order() {
        let sink = Lines::default();
        let (output, guard) = Output::start(Box::new(sink.clone()), Duration::from_millis(5));
        std::thread::scope(|s| {
            for t in 0..8 {
                let output = output.clone();
                s.spawn(move || {
                    for i in 0..2000 {
                        let line = format!("thread {t} line {i:05} {}\n", "x".repeat(i % 300));
                        output.make_writer().write_all(line.as_bytes()).unwrap();
                    }
                });
            }
        });
        drop(guard);
        let text = sink.text();
        let mut next = [0usize; 8];
        for line in text.lines() {
            let mut words = line.split(' ');
            let t: usize = words.nth(1).unwrap().parse().unwrap();
            let i: usize = words.nth(1).unwrap().parse().unwrap();
            assert_eq!(i, next[t], "thread {t}: line {i} after {}", next[t]);
            assert_eq!(
                line.len(),
                format!("thread {t} line {i:05} ").len() + i % 300
            );
            next[t] += 1;
        }
        assert_eq!(next, [2000; 8]);
    }

    #[test]
    fn a_lone_line_is_written_without_waiting_for_more() {
        let sink = Lines::default();
        let (output, _guard) = Output::start(Box::new(sink.clone()), Duration::from_millis(20));
        output.make_writer().write_all(b"one line\n").unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while sink.text().is_empty() {
            assert!(
                std::time::Instant::now() < deadline,
                "not written within 5 s"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(sink.text(), "one line\n");
    }

    #[test]
    fn dropping_the_guard_writes_what_is_buffered() {
        let sink = Lines::default();
        // the background writer would not come round for an hour: only the guard writes
        let (output, guard) = Output::start(Box::new(sink.clone()), Duration::from_secs(3600));
        std::thread::sleep(Duration::from_millis(50));
        output.make_writer().write_all(b"main 1\n").unwrap();
        let o = output.clone();
        std::thread::spawn(move || o.make_writer().write_all(b"ended thread\n").unwrap())
            .join()
            .unwrap();
        output.make_writer().write_all(b"main 2\n").unwrap();
        assert_eq!(sink.text(), "");
        drop(guard);
        let text = sink.text();
        assert!(text.contains("main 1\nmain 2\n"), "{text}");
        assert!(text.contains("ended thread\n"), "{text}");
    }

    #[test]
    fn a_full_buffer_is_written_by_its_own_thread() {
        let sink = Lines::default();
        // the background writer would not come round for an hour
        let (output, _guard) = Output::start(Box::new(sink.clone()), Duration::from_secs(3600));
        std::thread::sleep(Duration::from_millis(50));
        let line = [b'x'; 1023]
            .iter()
            .chain(b"\n")
            .copied()
            .collect::<Vec<u8>>();
        for _ in 0..(MAX_BUFFERED / line.len() + 1) {
            output.make_writer().write_all(&line).unwrap();
        }
        assert!(sink.text().len() >= MAX_BUFFERED);
        assert!(sink.text().ends_with('\n'));
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
