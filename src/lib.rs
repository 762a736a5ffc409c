//! itucal turns ITU-T meeting announcements (collective letters), written down as one reviewed
//! TOML file per meeting, into iCalendar feeds that delegates subscribe to in Outlook, Google
//! Calendar and Apple Calendar.
//!
//! Data flows one way through these modules:
//!
//! * [`load`]: reads `data/*.toml`, checks every rule of the data format and reports every
//!   problem as `file:line:col: message`; yields a [`model::Catalog`] or nothing.
//! * [`model`]: the validated meetings, their events and time plans; only `load` builds them
//!   (a plan's sessions become events of kind `session` there).
//! * [`lock`]: the reviewed lock file beside the data (`data/itucal.lock`): every event's
//!   content hash, SEQUENCE and change time, and the history of changes told in words;
//!   `itucal lock` advances it, and the catalog is served through it.
//! * [`i18n`]: the six languages: the language table, every fixed text (Fluent, one file per
//!   language) and dates from CLDR. Pure.
//! * [`select`]: which events a feed request holds (feed, language, kinds, groups). Pure.
//! * [`window`]: the stretch of time the aggregate feeds hold on a UTC date, so that they stay
//!   within what calendar services take however large the catalog grows. Pure.
//! * [`urls`]: the URL table: every resource's pattern and path builder, in one place.
//! * [`links`]: every URL a person clicks or pastes (feeds, webcal, Google/Outlook subscribe and
//!   add-event links, pages), built from the configured public URL. Pure.
//! * [`render`]: events → bytes (iCalendar, with VTIMEZONEs derived from tzdb). Pure.
//! * [`store`]: the snapshot being served (catalog and rendered bytes), swappable as a whole;
//!   no HTTP.
//! * [`watch`]: hot reload on file changes and SIGHUP; only valid data is swapped in.
//! * [`web`]: actix-web: the router built from [`urls`], thin handlers (parse the request, ask
//!   the store or a renderer, hand the bytes to one response builder), HTTP caching semantics.
//! * [`export`]: every feed and page written as static files, identical to what `serve` answers.
//! * [`import`]: a collective letter (`.txt` or `.docx`, any of the six languages) → a draft
//!   meeting file citing the line of every fact, with a TODO for every gap. Pure.
//! * [`cli`]: the `itucal` command line.
//! * [`logs`]: the log subscriber `serve` installs (text or JSON, written off the request path).

pub mod cli;
pub mod export;
pub mod i18n;
pub mod import;
pub mod links;
pub mod load;
pub mod lock;
pub mod logs;
pub mod model;
pub mod render;
pub mod select;
pub mod store;
pub mod urls;
pub mod watch;
pub mod web;
pub mod window;

/// Locks a mutex, also when a thread panicked while holding it. Every mutex in itucal guards
/// data that each holder updates in single steps (buffers, counters, maps), so what a panicking
/// holder leaves behind is still valid, and a request must not fail because another one did.
pub(crate) fn lock<T: ?Sized>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
