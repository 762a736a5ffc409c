//! The one error type of the HTTP layer, mapped to a status in one place.
//!
//! Every error a client can cause is a 4xx whose plain-text body says what was wrong and what
//! would be right; nothing a client sends leads to a 500.

use crate::select::{BadQuery, NotFound};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use std::fmt;

/// What went wrong with a request.
#[derive(Debug)]
pub enum WebError {
    /// 400: a query value or path is malformed; the text names the parameter and allowed values.
    BadRequest(String),
    /// 404: the feed, meeting, group or event does not exist; the text names what does.
    NotFound(String),
}

impl fmt::Display for WebError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebError::BadRequest(m) | WebError::NotFound(m) => f.write_str(m),
        }
    }
}

impl From<BadQuery> for WebError {
    fn from(e: BadQuery) -> Self {
        WebError::BadRequest(e.0)
    }
}

impl From<NotFound> for WebError {
    fn from(e: NotFound) -> Self {
        WebError::NotFound(e.0)
    }
}

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        match self {
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::NotFound(_) => StatusCode::NOT_FOUND,
        }
    }

    fn error_response(&self) -> HttpResponse {
        HttpResponse::build(self.status_code())
            .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
            .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .body(format!("{self}\n"))
    }
}

/// Quotes client input inside a message, cut to a readable length.
pub fn quote(input: &str) -> String {
    const MAX: usize = 80;
    let mut s: String = input
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX)
        .collect();
    if input.chars().count() > MAX {
        s.push('…');
    }
    s
}
