//! The `itucal` binary: parses the command line and hands over to [`itucal::cli::run`].

use std::process::ExitCode;

/// mimalloc rather than the system's allocator: rendering allocates many short strings on every
/// thread, which glibc's malloc served with a fifth of an export's time in its own bookkeeping
/// (docs/BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    itucal::cli::run(<itucal::cli::Cli as clap::Parser>::parse())
}
