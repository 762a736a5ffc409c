//! The `itucal` binary: parses the command line and hands over to [`itucal::cli::run`].

use std::process::ExitCode;

fn main() -> ExitCode {
    itucal::cli::run(<itucal::cli::Cli as clap::Parser>::parse())
}
