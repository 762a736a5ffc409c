//! Log output: the `tracing` subscriber `serve` installs.
//!
//! `tracing-subscriber` formats every line, plain text (coloured on a terminal) or one JSON
//! object per line, and filters them by `RUST_LOG`. `tracing-appender`'s non-blocking writer
//! hands the lines to a thread of its own that writes them to stdout, so a request does not wait
//! on a slow terminal or log pipe. It is built not lossy: when lines come faster than the output
//! takes them and its queue is full, the threads that log wait rather than drop lines.
//!
//! The line of every request is an ordinary event, logged by [`crate::web::observe`] with that
//! module's path as its target.

use std::fmt;
use std::io::{IsTerminal, Write};
use tracing::field::{Field, Visit};
use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::field::RecordFields;
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::{FormatFields, MakeWriter};
use tracing_subscriber::util::SubscriberInitExt;

/// How log lines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines: `2018-01-15T08:30:00.000000Z  INFO target: message key=value …`
    Text,
    /// One JSON object per line.
    Json,
}

/// The filter when `RUST_LOG` is unset or invalid: INFO and above, less actix's start-up lines.
pub const DEFAULT_FILTER: &str = "info,actix_server=warn";

/// Installs the log subscriber (filter from `RUST_LOG`, else [`DEFAULT_FILTER`]) writing to
/// stdout. Dropping the returned guard gives the writer thread up to about a second (the
/// limit `tracing-appender` sets) to write the lines still queued.
pub fn init(format: LogFormat) -> WorkerGuard {
    // colour codes only for a terminal: log files and collectors get plain text
    let ansi = std::io::stdout().is_terminal();
    // buffered: the writer thread writes everything it has taken from the queue at once, then
    // flushes (one write per batch, not one per line)
    init_to(format, std::io::BufWriter::new(std::io::stdout()), ansi)
}

/// [`init`] with lines written to `out`, in colour if `ansi` (benchmarks log to a sink).
/// If a global subscriber is installed already, it stays and `out` receives nothing.
pub fn init_to(format: LogFormat, out: impl Write + Send + 'static, ansi: bool) -> WorkerGuard {
    let (writer, guard) = NonBlockingBuilder::default()
        .lossy(false)
        .thread_name("log-writer")
        .finish(out);
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| DEFAULT_FILTER.into());
    let _ = subscriber(format, filter, ansi, writer).try_init();
    guard
}

/// The subscriber [`init`] installs, with the filter and writer given (tests pass their own).
pub fn subscriber<W>(
    format: LogFormat,
    filter: EnvFilter,
    ansi: bool,
    writer: W,
) -> Box<dyn tracing::Subscriber + Send + Sync>
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(writer);
    match format {
        LogFormat::Text if !ansi => Box::new(builder.fmt_fields(PlainFields).finish()),
        LogFormat::Text => Box::new(builder.finish()),
        LogFormat::Json => Box::new(builder.json().flatten_event(true).finish()),
    }
}

/// The fields of a plain text line: the message, then `name=value` for each other field, as
/// `tracing-subscriber`'s default field formatter writes them without colour (like it, leaving
/// out the `log.*` fields of `log` records, which the line's target and level already tell).
/// That formatter styles every name and `=` for a terminal even when colour is off, which was a
/// third of the instructions a request's line cost.
struct PlainFields;

impl<'w> FormatFields<'w> for PlainFields {
    fn format_fields<R: RecordFields>(&self, mut writer: Writer<'w>, fields: R) -> fmt::Result {
        let mut visit = PlainVisitor {
            writer: &mut writer,
            empty: true,
            result: Ok(()),
        };
        fields.record(&mut visit);
        visit.result
    }
}

/// Writes the fields of one line for [`PlainFields`].
struct PlainVisitor<'a, 'w> {
    writer: &'a mut Writer<'w>,
    empty: bool,
    result: fmt::Result,
}

impl Visit for PlainVisitor<'_, '_> {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        let name = field.name();
        if self.result.is_err() || name.starts_with("log.") {
            return;
        }
        let pad = if std::mem::take(&mut self.empty) {
            ""
        } else {
            " "
        };
        self.result = match name {
            "message" => write!(self.writer, "{pad}{value:?}"),
            name => {
                let name = name.strip_prefix("r#").unwrap_or(name);
                write!(self.writer, "{pad}{name}={value:?}")
            }
        };
    }
}
