//! The one error type of the HTTP layer, mapped to a status in one place.
//!
//! Every error a client can cause is a 4xx whose plain-text body says what was wrong and what
//! would be right, with what the client sent escaped; nothing a client sends leads to a 500.

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
            .body(format!("{}\n", escape_controls(&self.to_string())))
    }
}

/// `text` with every control character written as an escape (`\u{0}`): messages quote what
/// the client sent, and a body must not carry a NUL, an escape sequence for a terminal, or a
/// line break that forges a second line.
pub fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Quotes client input inside a message, cut to a readable length (control characters are
/// escaped when the message is sent: [`escape_controls`]).
pub fn quote(input: &str) -> String {
    const MAX: usize = 80;
    let mut s: String = input.chars().take(MAX).collect();
    if input.chars().count() > MAX {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_in_a_message_are_escaped() {
        assert_eq!(
            escape_controls("no feed 'all\0'\r\nX: y\u{1b}[2J"),
            "no feed 'all\\u{0}'\\r\\nX: y\\u{1b}[2J"
        );
        assert_eq!(escape_controls("第Q2/20 ok"), "第Q2/20 ok");
    }
}
