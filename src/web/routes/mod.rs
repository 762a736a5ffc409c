//! Request handlers, one module per kind of resource. Each handler only parses the request,
//! asks the store, and hands the result to the response helpers in `super::http`.

pub mod api;
pub mod changes;
pub mod feeds;
pub mod health;
pub mod pages;
