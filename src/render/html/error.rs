//! The page a person sees when a page's address names nothing that exists or is malformed:
//! in the page's language, with the technical reason (English, as the feeds and the API give
//! it) below, and a way back.

use super::layout::{Ctx, Page, page};
use crate::i18n::tr;
use crate::links::lang_query;
use crate::model::Lang;
use maud::html;

/// What went wrong with the address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// 404: nothing at that address.
    NotFound,
    /// 400: the address (its query) is malformed.
    BadRequest,
}

/// The error page in `lang`, with `reason` (what the service says of the request) below.
pub fn render(base: &str, lang: Lang, problem: Problem, reason: &str) -> String {
    let ctx = Ctx::new(base, lang);
    let (title, lead) = match problem {
        Problem::NotFound => (
            tr(lang, "error-not-found"),
            tr(lang, "error-not-found-lead"),
        ),
        Problem::BadRequest => (
            tr(lang, "error-bad-request"),
            tr(lang, "error-bad-request-lead"),
        ),
    };
    let main = html! {
        h1 { (title) }
        p { (lead) }
        p { (tr(lang, "error-reason")) " " code lang="en" dir="ltr" { (reason) } }
        p { a href=(ctx.href("/", &lang_query(lang))) { (tr(lang, "error-home")) } }
    };
    let query = |l: Lang| lang_query(l);
    page(
        &ctx,
        &Page {
            title: &title,
            path: "/",
            query: &query,
        },
        main,
    )
}
