//! The URL table: every resource the service answers, as one [`Route`] each, with its pattern
//! (what the router matches, and the label requests are counted under) and the builder of its
//! paths, side by side. The router (`web`), every link (`links`), the 404's list of what exists,
//! `export` and the start-up announcement read it; a new resource is added here, once.
//!
//! Pure string work: no HTTP types, no I/O.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Characters kept as they are in a path segment or query value: RFC 3986 unreserved
/// (`A-Z a-z 0-9 - . _ ~`).
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes a path segment or query value: everything but RFC 3986's unreserved
/// characters is escaped (`Q1/20` → `Q1%2F20`, a space → `%20`, Chinese as UTF-8 bytes).
pub fn encode(value: &str) -> String {
    utf8_percent_encode(value, UNRESERVED).to_string()
}

/// What a resource of a feed or meeting shows: its page, or one of its e-mail snippets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    /// The page.
    Page,
    /// The HTML e-mail snippet.
    EmailHtml,
    /// The plain-text e-mail snippet.
    EmailText,
}

macro_rules! routes {
    ($($(#[$doc:meta])* $name:ident => $pattern:literal $(as $listed:literal)?,)+) => {
        /// A resource the service answers (for GET, HEAD and, as a preflight, OPTIONS).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Route {
            $($(#[$doc])* $name,)+
        }

        impl Route {
            /// Every route, in the order the router tries them.
            pub const ALL: &'static [Route] = &[$(Route::$name,)+];

            /// The route's pattern: `{name}` stands for one path segment.
            pub const fn pattern(self) -> &'static str {
                match self {
                    $(Route::$name => $pattern,)+
                }
            }

            /// How a 404 lists the route: its pattern, or the paths it stands for where the
            /// pattern alone would not tell a person what to type.
            pub const fn listed(self) -> &'static str {
                match self {
                    $(Route::$name => routes!(@listed $pattern $(, $listed)?),)+
                }
            }
        }
    };
    (@listed $pattern:literal) => { $pattern };
    (@listed $pattern:literal, $listed:literal) => { $listed };
}

routes! {
    /// `all`, `deadlines` or a meeting's feed: `{name}` is `all.ics`, `all.zh.ics`, ….
    Feed => "/feeds/{name}" as "/feeds/all.ics, /feeds/deadlines.ics, /feeds/{meeting}.ics",
    /// A group's feed: `{slug}` is `q2-20.ics` or `q2-20.zh.ics`.
    GroupFeed => "/feeds/groups/{slug}" as "/feeds/groups/{group}.ics",
    /// A year's archive: `{name}` is `2018.ics` or `2018.zh.ics`.
    YearFeed => "/feeds/archive/{name}" as "/feeds/archive/{year}.ics",
    /// A group's archive, all years: `{slug}` is `q2-20.ics` or `q2-20.zh.ics`.
    GroupArchiveFeed => "/feeds/archive/groups/{slug}" as "/feeds/archive/groups/{group}.ics",
    /// One event's `.ics`: `{key}` is `registration.ics`, `registration.zh.ics`, ….
    Event => "/events/{meeting}/{key}" as "/events/{meeting}/{key}.ics",
    /// The home page.
    Index => "/",
    /// A meeting's page.
    Meeting => "/meetings/{id}",
    /// A meeting as an HTML e-mail snippet.
    MeetingEmailHtml => "/meetings/{id}/email.html",
    /// A meeting as a plain-text e-mail snippet.
    MeetingEmailText => "/meetings/{id}/email.txt",
    /// What changed in a meeting, newest first.
    MeetingChanges => "/meetings/{id}/changes",
    /// Its Atom feed (RFC 4287).
    MeetingChangesAtom => "/meetings/{id}/changes.atom",
    /// What changed in a meeting since a version (`?since=N`), as an HTML e-mail snippet.
    MeetingChangesEmailHtml => "/meetings/{id}/changes/email.html",
    /// The same as plain text.
    MeetingChangesEmailText => "/meetings/{id}/changes/email.txt",
    /// What changed in every meeting, newest first.
    Changes => "/changes",
    /// Its Atom feed (RFC 4287).
    ChangesAtom => "/changes.atom",
    /// What changed since a version (`?since=N`), as an HTML e-mail snippet.
    ChangesEmailHtml => "/changes/email.html",
    /// The same as plain text.
    ChangesEmailText => "/changes/email.txt",
    /// A group's page: its next meeting, its calendars, its meetings by year.
    Group => "/groups/{slug}",
    /// A stable link to a group's next (or else latest) meeting: a redirect to its page.
    GroupNext => "/groups/{slug}/next",
    /// The meetings held in a year, with the year's archive calendar.
    Year => "/archive/{year}",
    /// The long-range view: every study group's meetings on one time axis.
    Overview => "/overview",
    /// A group's subscribe page (tried before [`Route::Subscribe`]'s snippets:
    /// `/subscribe/groups/email.html` is a group's page).
    SubscribeGroup => "/subscribe/groups/{slug}",
    /// A group's subscribe links as an HTML e-mail snippet.
    SubscribeGroupEmailHtml => "/subscribe/groups/{slug}/email.html",
    /// A group's subscribe links as plain text.
    SubscribeGroupEmailText => "/subscribe/groups/{slug}/email.txt",
    /// The subscribe page of `all`, `deadlines` or a meeting.
    Subscribe => "/subscribe/{feed}",
    /// Its HTML e-mail snippet.
    SubscribeEmailHtml => "/subscribe/{feed}/email.html",
    /// Its plain-text e-mail snippet.
    SubscribeEmailText => "/subscribe/{feed}/email.txt",
    /// API: every meeting.
    ApiMeetings => "/api/meetings",
    /// API: one meeting with its events.
    ApiMeeting => "/api/meetings/{id}",
    /// API: events, filtered like the feeds.
    ApiEvents => "/api/events",
    /// API: every feed with its links.
    ApiFeeds => "/api/feeds",
    /// API: its OpenAPI description.
    ApiOpenapi => "/api/openapi.json",
    /// `/healthz`: status and counts of the data served.
    Health => "/healthz",
    /// `/metrics`: Prometheus metrics.
    Metrics => "/metrics",
    /// The pages' stylesheet.
    Style => "/static/style.css",
    /// The pages' script.
    Script => "/static/app.js",
    /// The icon.
    Icon => "/static/favicon.svg",
    /// The icon where browsers look for it unasked.
    FaviconIco => "/favicon.ico",
}

impl Route {
    /// The route whose pattern is `pattern`.
    pub fn from_pattern(pattern: &str) -> Option<Route> {
        Route::ALL.iter().copied().find(|r| r.pattern() == pattern)
    }

    /// A path of this route: each `{…}` of the pattern replaced, in order, by one of `args`,
    /// percent-encoded.
    ///
    /// # Panics
    /// If `args` does not hold one value per `{…}`: a mistake in the caller, which the tests
    /// of every builder catch.
    pub fn path(self, args: &[&str]) -> String {
        let mut out = String::new();
        let mut rest = self.pattern();
        let mut args = args.iter();
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("patterns close every '{'");
            let arg = args
                .next()
                .unwrap_or_else(|| panic!("{self:?}: too few args"));
            out.push_str(&encode(arg));
            rest = &rest[close + 1..];
        }
        assert!(args.next().is_none(), "{self:?}: too many args");
        out.push_str(rest);
        out
    }

    /// What people can ask for, for a 404's "what exists": every route but the assets'.
    pub fn listing() -> String {
        let known: Vec<&str> = Route::ALL
            .iter()
            .filter(|r| !r.is_asset())
            .map(|r| r.listed())
            .collect();
        known.join(", ")
    }

    /// Whether this is one of the pages' assets (stylesheet, script, icon).
    pub fn is_asset(self) -> bool {
        matches!(
            self,
            Route::Style | Route::Script | Route::Icon | Route::FaviconIco
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_fill_the_pattern_with_encoded_segments() {
        assert_eq!(Route::Index.path(&[]), "/");
        assert_eq!(Route::Feed.path(&["all.zh.ics"]), "/feeds/all.zh.ics");
        assert_eq!(
            Route::Event.path(&["m 1", "Q1/20.ics"]),
            "/events/m%201/Q1%2F20.ics"
        );
        assert_eq!(
            Route::SubscribeGroupEmailHtml.path(&["q1-20"]),
            "/subscribe/groups/q1-20/email.html"
        );
    }

    #[test]
    #[should_panic(expected = "too few args")]
    fn a_missing_segment_is_a_mistake_caught_at_once() {
        Route::Event.path(&["m"]);
    }

    #[test]
    fn every_pattern_is_named_once_and_found_by_its_pattern() {
        for &r in Route::ALL {
            assert_eq!(Route::from_pattern(r.pattern()), Some(r));
        }
        assert_eq!(Route::from_pattern("/nope"), None);
    }
}
