//! HTTP integration tests: every endpoint, header and error, through the real app.

mod helpers;

mod errors;
mod feeds;
mod golden;
mod server;
