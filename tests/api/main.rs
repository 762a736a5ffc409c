//! HTTP integration tests: every endpoint, header and error, through the real app.

mod helpers;

mod api_json;
mod catalog;
mod errors;
mod feeds;
mod golden;
mod observe;
mod pages;
mod plan;
mod server;
mod window;
