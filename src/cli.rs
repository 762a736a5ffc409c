//! The command line: `itucal check [DIR]` and `itucal serve [--data DIR] [--bind ADDR]
//! [--public-url URL]`. Errors are printed once here and mapped to the exit code.

use crate::load;
use crate::store::{Snapshot, Store};
use crate::web::{self, AppState};
use clap::{Parser, Subcommand};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

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
    },
    /// Serve the feeds over HTTP.
    Serve(ServeArgs),
}

/// Options of `itucal serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Directory of meeting files.
    #[arg(long, default_value = "data", env = "ITUCAL_DATA")]
    pub data: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", env = "ITUCAL_BIND")]
    pub bind: String,
    /// Public base URL of the service, used in every absolute link (default: from --bind).
    #[arg(long, env = "ITUCAL_PUBLIC_URL")]
    pub public_url: Option<String>,
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check { dir } => check(&dir),
        Command::Serve(args) => serve(args),
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

fn check(dir: &Path) -> ExitCode {
    match load_or_report(dir) {
        Some(c) => {
            println!(
                "ok: {} meetings, {} events",
                c.meetings.len(),
                c.event_count()
            );
            ExitCode::SUCCESS
        }
        None => ExitCode::FAILURE,
    }
}

/// The public base URL: as configured (without a trailing slash), else `http://{bound address}`
/// (`localhost` when bound to every interface, which is no address a browser can open).
pub fn public_url(configured: Option<&str>, bound: std::net::SocketAddr) -> String {
    match configured {
        Some(u) => u.trim_end_matches('/').to_string(),
        None if bound.ip().is_unspecified() => format!("http://localhost:{}", bound.port()),
        None => format!("http://{bound}"),
    }
}

fn serve(args: ServeArgs) -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let Some(catalog) = load_or_report(&args.data) else {
        return ExitCode::FAILURE;
    };
    let listener = match TcpListener::bind(&args.bind) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot listen on {}: {e}", args.bind);
            return ExitCode::FAILURE;
        }
    };
    let bound = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("cannot listen on {}: {e}", args.bind);
            return ExitCode::FAILURE;
        }
    };
    let base = public_url(args.public_url.as_deref(), bound);
    println!(
        "itucal: {} meetings, {} events from {}",
        catalog.meetings.len(),
        catalog.event_count(),
        args.data.display()
    );
    println!("serving on http://{bound}; feeds:");
    println!("  {base}/feeds/all.ics");
    println!("  {base}/feeds/deadlines.ics");
    for m in &catalog.meetings {
        println!("  {base}/feeds/{}.ics", m.id);
    }
    for g in &catalog.groups {
        println!("  {base}/feeds/groups/{}.ics", g.slug());
    }
    let state = AppState {
        store: Arc::new(Store::new(Snapshot::new(catalog))),
        public_url: base,
    };
    let result = actix_web::rt::System::new().block_on(web::run(vec![listener], state));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("server error: {e}");
            ExitCode::FAILURE
        }
    }
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
