//! The command line: `check`, `lock`, `serve`, `export`, `import` and `healthcheck`. Errors are
//! printed once here
//! and mapped to the exit code; the work is done by the library modules.

use crate::load::{self, Parsed};
use crate::model::Drafts;
use crate::select::Feed;
use crate::store::{Snapshot, Store};
use crate::web::{self, AppState};
use crate::window::Today;
use chrono::{NaiveDate, Timelike};
use clap::{Parser, Subcommand};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// ITU-T meeting announcements as calendar feeds.
#[derive(Debug, Parser)]
#[command(name = "itucal", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the data files and report every problem as file:line:col: message.
    Check {
        /// Directory of meeting files.
        #[arg(default_value = "data", env = "ITUCAL_DATA")]
        dir: PathBuf,
        /// Also fail (naming each event) when the data no longer matches the lock file.
        #[arg(long)]
        locked: bool,
    },
    /// Record every event's content, SEQUENCE and change time in the lock file of the data
    /// directory (itucal.lock), and append what changed to its history; print the changes.
    Lock {
        /// Directory of meeting files (the lock file is written there).
        #[arg(default_value = "data", env = "ITUCAL_DATA")]
        dir: PathBuf,
        /// The time to record the changes at (UTC, e.g. 2018-01-16T10:00:00Z), instead of now:
        /// for a change published earlier than it is locked. Never before the lock's last one.
        #[arg(long)]
        at: Option<String>,
    },
    /// Serve the feeds and pages over HTTP; reload the data when it changes or on SIGHUP.
    Serve(ServeArgs),
    /// Write every feed variant and page, byte-identical to what `serve` returns, plus a
    /// manifest.json, for hosting on a static host or CDN.
    Export(ExportArgs),
    /// Read a collective letter (.txt or .docx; several files: the editions of one letter in
    /// several languages) and write a draft meeting file that `check` accepts, every fact
    /// citing its line and every gap a TODO; prints a summary on stderr.
    Import(ImportArgs),
    /// Exit 0 if the server on this machine answers /healthz (for container health checks).
    Healthcheck {
        /// Address of the server (default: the first ITUCAL_BIND address, else 127.0.0.1:8080).
        #[arg(
            long,
            env = "ITUCAL_BIND",
            value_delimiter = ',',
            default_value = "127.0.0.1:8080"
        )]
        bind: Vec<String>,
    },
}

pub use crate::logs::LogFormat;

/// Options of `itucal serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Directory of meeting files.
    #[arg(long, default_value = "data", env = "ITUCAL_DATA")]
    pub data: PathBuf,
    /// Address to listen on; repeat the flag (or separate with commas) for several.
    #[arg(
        long,
        default_value = "127.0.0.1:8080",
        env = "ITUCAL_BIND",
        value_delimiter = ','
    )]
    pub bind: Vec<String>,
    /// Public base URL of the service, used in every absolute link (default: the first bound
    /// address).
    #[arg(long, env = "ITUCAL_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Log format.
    #[arg(long, value_enum, default_value = "text", env = "ITUCAL_LOG_FORMAT")]
    pub log_format: LogFormat,
    /// Serve draft meetings (`draft = true`, unreviewed) too, to preview them; without it they
    /// are in no feed, page or API answer.
    #[arg(long)]
    pub drafts: bool,
    /// The UTC date the windows of the aggregate feeds and the catalog's pages are computed on
    /// (YYYY-MM-DD; default: today's, from the system clock), to preview a day or pin replicas.
    #[arg(long, env = "ITUCAL_TODAY")]
    pub today: Option<NaiveDate>,
}

/// Options of `itucal export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Directory to write into (created if missing).
    pub out: PathBuf,
    /// Directory of meeting files.
    #[arg(long, default_value = "data", env = "ITUCAL_DATA")]
    pub data: PathBuf,
    /// Public base URL the exported site will be served from.
    #[arg(
        long,
        env = "ITUCAL_PUBLIC_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    pub public_url: String,
    /// The UTC date the windows of the aggregate feeds and the catalog's pages are computed on
    /// (YYYY-MM-DD; default: today's): give it for an export that is the same every day.
    #[arg(long, env = "ITUCAL_TODAY")]
    pub today: Option<NaiveDate>,
}

/// Options of `itucal import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The letter: extracted text (.txt, UTF-8) or the Word document (.docx). Give every
    /// language edition of one letter to get one draft with the texts of each.
    #[arg(required = true)]
    pub letters: Vec<PathBuf>,
    /// The letters' language (ar, zh, en, fr, ru, es); detected from the text when not given.
    #[arg(long)]
    pub lang: Option<String>,
    /// Write the draft here instead of to stdout.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check { dir, locked } => check(&dir, locked),
        Command::Lock { dir, at } => lock(&dir, at.as_deref()),
        Command::Serve(args) => serve(args),
        Command::Export(args) => export(args),
        Command::Import(args) => import(args),
        Command::Healthcheck { bind } => healthcheck(&bind),
    }
}

fn load_or_report(dir: &Path) -> Option<crate::model::Catalog> {
    match load::load_dir(dir) {
        Ok(c) => Some(c),
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!("{} problem(s); nothing was loaded", problems.len());
            None
        }
    }
}

/// The date windows are computed on: the one given, else the system's.
fn today(given: Option<NaiveDate>) -> Today {
    given.map_or(Today::System, Today::Fixed)
}

/// The meeting files and lock of `dir` as served (with draft meetings as `drafts` says), or
/// their problems printed. Never writes: a stale lock is served as `itucal lock` would advance
/// it, and said so in the log.
fn snapshot_or_report(dir: &Path, drafts: Drafts, parsed: &mut Parsed) -> Option<Snapshot> {
    match Snapshot::load_with(dir, drafts, parsed) {
        Ok(s) => {
            for o in s.stale() {
                tracing::warn!("lock is stale: {o}; run `itucal lock`");
            }
            Some(s)
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!("{} problem(s); nothing was loaded", problems.len());
            None
        }
    }
}

fn check(dir: &Path, locked: bool) -> ExitCode {
    let Some(c) = load_or_report(dir) else {
        return ExitCode::FAILURE;
    };
    let drafts = match c.draft_count() {
        0 => String::new(),
        n => format!(" ({n} draft, not served without --drafts)"),
    };
    let (meetings, events) = (c.meetings.len(), c.event_count());
    // drafts are not published: the lock holds what subscribers were shown
    let c = c.served(Drafts::Hidden);
    let lock = match read_lock(dir) {
        Ok(lock) => lock,
        Err(()) => return ExitCode::FAILURE,
    };
    let path = crate::lock::file::path(dir);
    let mut state = String::new();
    if locked {
        let Some(lock) = lock else {
            eprintln!(
                "{}: no lock file; run `itucal lock {}` and commit it with the data",
                path.display(),
                dir.display()
            );
            return ExitCode::FAILURE;
        };
        let (_, outcomes) = crate::lock::advance(Some(&lock), &c, lock.last_change());
        if !outcomes.is_empty() {
            for o in &outcomes {
                eprintln!("{}: {o}", path.display());
            }
            eprintln!(
                "{} event(s) differ from the lock; run `itucal lock {}`, review its diff and commit it",
                outcomes.len(),
                dir.display()
            );
            return ExitCode::FAILURE;
        }
        let version = lock.latest().map_or(0, |v| v.number);
        state = format!("; the lock is current (version {version})");
    }
    println!("ok: {meetings} meetings{drafts}, {events} events{state}");
    // the process ends here: freeing every text of 2,000 meetings one by one is a tenth of
    // the check's time, and the system takes the memory back at once
    std::mem::forget(c);
    ExitCode::SUCCESS
}

/// The lock file of `dir` (`None` when there is none), or its problems printed.
fn read_lock(dir: &Path) -> Result<Option<crate::lock::Lock>, ()> {
    crate::lock::file::read(dir).map_err(|problems| {
        for p in &problems {
            eprintln!("{p}");
        }
        eprintln!("{} problem(s) in the lock file", problems.len());
    })
}

fn lock(dir: &Path, at: Option<&str>) -> ExitCode {
    let Some(catalog) = load_or_report(dir) else {
        return ExitCode::FAILURE;
    };
    // a draft is locked once it is published: when its `draft = true` goes
    let catalog = catalog.served(Drafts::Hidden);
    let Ok(old) = read_lock(dir) else {
        return ExitCode::FAILURE;
    };
    let at = match at {
        None => chrono::Utc::now()
            .with_nanosecond(0)
            .unwrap_or_else(chrono::Utc::now),
        Some(text) => match chrono::DateTime::parse_from_rfc3339(text) {
            Ok(t) if t.offset().local_minus_utc() == 0 && t.nanosecond() == 0 => {
                t.with_timezone(&chrono::Utc)
            }
            _ => {
                eprintln!(
                    "--at '{text}' is not a UTC time to the second like 2018-01-16T10:00:00Z"
                );
                return ExitCode::FAILURE;
            }
        },
    };
    let path = crate::lock::file::path(dir);
    if let Some(last) = old.as_ref().map(crate::lock::Lock::last_change)
        && at < last
    {
        eprintln!(
            "{}: the lock's last change is at {}; a new one cannot be recorded before it ({})",
            path.display(),
            last.format("%Y-%m-%dT%H:%M:%SZ"),
            at.format("%Y-%m-%dT%H:%M:%SZ")
        );
        return ExitCode::FAILURE;
    }
    let (new, outcomes) = crate::lock::advance(old.as_ref(), &catalog, at);
    if outcomes.is_empty() {
        let version = new.latest().map_or(0, |v| v.number);
        println!(
            "nothing changed; {} is current (version {version})",
            path.display()
        );
        return ExitCode::SUCCESS;
    }
    // written beside the lock and renamed over it: a server reloading meanwhile reads the old
    // lock or the new one, never half of one
    let tmp = dir.join(format!(".{}.new", crate::lock::FILE_NAME));
    let written = std::fs::write(&tmp, crate::lock::file::write(&new))
        .and_then(|()| std::fs::rename(&tmp, &path));
    if let Err(e) = written {
        eprintln!("cannot write {}: {e}", path.display());
        let _ = std::fs::remove_file(&tmp);
        return ExitCode::FAILURE;
    }
    for o in &outcomes {
        println!("{o}");
    }
    let version = new.latest().map_or(0, |v| v.number);
    println!(
        "version {version}: {} event(s) changed; wrote {}",
        outcomes.len(),
        path.display()
    );
    ExitCode::SUCCESS
}

/// The public base URL: as configured (without a trailing slash), else `http://{bound address}`
/// (`localhost` when bound to every interface, which is no address a browser can open).
pub fn public_url(configured: Option<&str>, bound: SocketAddr) -> String {
    match configured {
        Some(u) => u.trim_end_matches('/').to_string(),
        None if bound.ip().is_unspecified() => format!("http://localhost:{}", bound.port()),
        None => format!("http://{bound}"),
    }
}

fn serve(args: ServeArgs) -> ExitCode {
    let _log = crate::logs::init(args.log_format);
    let drafts = if args.drafts {
        Drafts::Shown
    } else {
        Drafts::Hidden
    };
    let mut parsed = Parsed::default();
    let Some(snapshot) = snapshot_or_report(&args.data, drafts, &mut parsed) else {
        return ExitCode::FAILURE;
    };
    let mut listeners = Vec::new();
    for bind in &args.bind {
        match TcpListener::bind(bind.trim()) {
            Ok(l) => listeners.push(l),
            Err(e) => {
                eprintln!("cannot listen on {bind}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let bound: Vec<SocketAddr> = listeners
        .iter()
        .filter_map(|l| l.local_addr().ok())
        .collect();
    let Some(first) = bound.first().copied() else {
        eprintln!("no address to listen on; give --bind");
        return ExitCode::FAILURE;
    };
    let base = public_url(args.public_url.as_deref(), first);
    let addrs: Vec<String> = bound.iter().map(|a| format!("http://{a}")).collect();
    let store = Arc::new(Store::new(snapshot).with_drafts(drafts).with_parsed(parsed));
    let _watcher = crate::watch::spawn(Arc::clone(&store), args.data.clone());
    let state = AppState::new(Arc::clone(&store), base.clone()).with_today(today(args.today));
    let result = actix_web::rt::System::new().block_on(async move {
        let server = actix_web::rt::spawn(web::server(listeners, state)?);
        // the server installs its signal handlers when first polled: let it run once, so
        // that a supervisor (or a test) waiting for the announcement can stop it gracefully
        actix_web::rt::task::yield_now().await;
        announce(&store, &args.data, &addrs, &base);
        server.await.map_err(std::io::Error::other)?
    });
    match result {
        Ok(()) => {
            tracing::info!("stopped");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("server error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Prints what is served where: the addresses and every feed URL, and how many draft meetings
/// are left out.
fn announce(store: &Store, data: &Path, addrs: &[String], base: &str) {
    let snap = store.snapshot();
    let hidden_drafts = snap.drafts_left_out();
    let catalog = snap.catalog();
    println!(
        "itucal: {} meetings, {} events from {}",
        catalog.meetings.len(),
        catalog.event_count(),
        data.display()
    );
    if hidden_drafts > 0 {
        println!("{hidden_drafts} draft meeting(s) not served; give --drafts to preview them");
    }
    println!("serving on {}; feeds:", addrs.join(", "));
    let meetings = catalog.meetings.iter().map(|m| Feed::Meeting(m.id.clone()));
    let groups = catalog
        .groups
        .iter()
        .map(|g| Feed::Group(g.slug().to_string()));
    let feeds: Vec<Feed> = [Feed::All, Feed::Deadlines]
        .into_iter()
        .chain(meetings)
        .chain(groups)
        .collect();
    // a catalog of 2,000 meetings would fill the terminal: the first ones, and how many more
    const SHOWN: usize = 20;
    for feed in feeds.iter().take(SHOWN) {
        println!("  {base}{}", crate::links::feed_path(feed));
    }
    if feeds.len() > SHOWN {
        println!(
            "  … and {} more (GET /api/feeds lists them all)",
            feeds.len() - SHOWN
        );
    }
    let _ = std::io::stdout().flush();
    tracing::info!(addresses = %addrs.join(", "), public_url = %base, "listening");
}

fn export(args: ExportArgs) -> ExitCode {
    // an export is for the public: drafts are never in it
    let Some(snapshot) = snapshot_or_report(&args.data, Drafts::Hidden, &mut Parsed::default())
    else {
        return ExitCode::FAILURE;
    };
    let state = AppState::new(Arc::new(Store::new(snapshot)), args.public_url)
        .with_today(today(args.today));
    // drawn on a terminal only: indicatif hides the bar when stderr is a file or a pipe, so logs
    // and CI output get the summary line alone
    let progress = indicatif::ProgressBar::new(0).with_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} exporting {wide_bar} {human_pos}/{human_len} files, {eta} left",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let started = std::time::Instant::now();
    match crate::export::export(state, &args.out, &progress) {
        Ok(manifest) => {
            println!(
                "exported {} files to {} in {:.1} s",
                manifest.files.len(),
                args.out.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("export to {} failed: {e}", args.out.display());
            ExitCode::FAILURE
        }
    }
}

fn import(args: ImportArgs) -> ExitCode {
    let lang = match args
        .lang
        .as_deref()
        .map(|c| (c, crate::i18n::Lang::parse(c)))
    {
        None => None,
        Some((_, Some(l))) => Some(l),
        Some((c, None)) => {
            eprintln!(
                "import: unknown language '{c}' (known: {})",
                crate::i18n::Lang::codes()
            );
            return ExitCode::FAILURE;
        }
    };
    let mut texts = Vec::new();
    for path in &args.letters {
        let name = path.display().to_string();
        let read = std::fs::read(path)
            .map_err(|e| format!("{name}: cannot read: {e}"))
            .and_then(|bytes| crate::import::read::text_of(&name, &bytes));
        match read {
            Ok(text) => texts.push((name, text)),
            Err(e) => {
                eprintln!("import: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let letters: Vec<crate::import::Letter> = texts
        .iter()
        .map(|(name, text)| crate::import::Letter { name, text, lang })
        .collect();
    let draft = match crate::import::import(&letters, chrono::Utc::now()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("import: {e}");
            return ExitCode::FAILURE;
        }
    };
    let shown = args
        .output
        .as_ref()
        .map_or("(stdout)".to_string(), |p| p.display().to_string());
    // the draft must pass the checks `serve` applies: one that does not is the importer's bug
    if let Err(problems) = load::parse_meeting(&shown, &draft.toml) {
        for p in &problems {
            eprintln!("{p}");
        }
        eprintln!("import: the draft does not pass check (a bug in the importer); nothing written");
        return ExitCode::FAILURE;
    }
    let written = match &args.output {
        None => std::io::stdout().write_all(draft.toml.as_bytes()),
        Some(path) => {
            let mut options = std::fs::OpenOptions::new();
            options.write(true);
            if args.force {
                options.create(true).truncate(true);
            } else {
                options.create_new(true);
            }
            match options.open(path) {
                Ok(mut f) => f.write_all(draft.toml.as_bytes()),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    eprintln!("import: {shown} exists; give --force to overwrite it");
                    return ExitCode::FAILURE;
                }
                Err(e) => Err(e),
            }
        }
    };
    if let Err(e) = written {
        eprintln!("import: cannot write {shown}: {e}");
        return ExitCode::FAILURE;
    }
    let names: Vec<&str> = texts.iter().map(|(n, _)| n.as_str()).collect();
    eprintln!(
        "import: {} -> {shown}: {} facts found, {} TODOs",
        names.join(", "),
        draft.facts,
        draft.todos.len()
    );
    for t in &draft.todos {
        eprintln!("  TODO: {t}");
    }
    ExitCode::SUCCESS
}

fn healthcheck(binds: &[String]) -> ExitCode {
    let target = binds
        .first()
        .and_then(|b| b.trim().to_socket_addrs().ok())
        .and_then(|mut a| a.next())
        .map(|mut a| {
            // a server bound to every interface is reached on loopback
            if a.ip().is_unspecified() {
                a.set_ip(if a.is_ipv4() {
                    std::net::Ipv4Addr::LOCALHOST.into()
                } else {
                    std::net::Ipv6Addr::LOCALHOST.into()
                });
            }
            a
        });
    let Some(addr) = target else {
        eprintln!("healthcheck: no address to check (set ITUCAL_BIND or --bind)");
        return ExitCode::FAILURE;
    };
    match probe(addr) {
        Ok(line) if line.starts_with("HTTP/1.1 200") => ExitCode::SUCCESS,
        Ok(line) => {
            eprintln!("healthcheck: {addr}: {line}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("healthcheck: {addr}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The status line of `GET /healthz` at `addr`.
fn probe(addr: SocketAddr) -> std::io::Result<String> {
    let timeout = Duration::from_secs(3);
    let mut s = TcpStream::connect_timeout(&addr, timeout)?;
    s.set_read_timeout(Some(timeout))?;
    s.set_write_timeout(Some(timeout))?;
    write!(
        s,
        "GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut buf = [0u8; 64];
    let n = s.read(&mut buf)?;
    let head = String::from_utf8_lossy(&buf[..n]);
    Ok(head.lines().next().unwrap_or("").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_url_defaults_to_the_bound_address() {
        let a = "127.0.0.1:8080".parse().unwrap();
        assert_eq!(public_url(None, a), "http://127.0.0.1:8080");
        let any = "0.0.0.0:8080".parse().unwrap();
        assert_eq!(public_url(None, any), "http://localhost:8080");
        assert_eq!(
            public_url(Some("https://feeds.example.org/"), a),
            "https://feeds.example.org"
        );
    }
}
