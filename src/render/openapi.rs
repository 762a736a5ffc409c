//! The OpenAPI 3.1 description of the JSON API, served at `/api/openapi.json`.
//!
//! Built here rather than written by hand, so that it cannot drift from what the server does:
//! the closed sets a client sends or reads (languages, kinds, statuses, feed types) come from the
//! code's own lists, the groups a `group` may name and every example come from the catalog being
//! served (an example never names a meeting that is not there), and the patterns are the data
//! format's rules for ids and group names. A pure function of the catalog and the public URL,
//! like every other document: the same data gives the same bytes.

use crate::model::{Catalog, Kind, Lang, Status, When};
use crate::render::{ics, json};
use crate::select::{Feed, Filter, MAX_LIST, RESERVED_IDS};
use crate::urls::Route;
use serde_json::{Value, json};

/// What a meeting id, an event key and a group slug may be, as a JSON Schema pattern: the rule
/// of [`crate::model::is_valid_id`] (a slug is a group name lowercased, `/` → `-`).
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]*$";

/// What a group name may be, as a JSON Schema pattern: the rule of
/// [`crate::model::Group::parse`].
pub const GROUP_PATTERN: &str = "^[A-Za-z0-9][A-Za-z0-9/-]*$";

/// `schema` with `examples: [example]` when there is one (an empty catalog has none).
fn with_example(mut schema: Value, example: Option<Value>) -> Value {
    if let Some(e) = example {
        schema["examples"] = json!([e]);
    }
    schema
}

/// A query parameter that takes a comma list of some of `values` (`kind=meeting,deadline`):
/// an array in the `form` style without `explode`, which is how [`Filter::parse`] reads it (the
/// parameter once, its values separated by commas, one to [`MAX_LIST`] of them).
fn list_param(name: &str, description: &str, values: Vec<&str>, example: Option<&str>) -> Value {
    let mut p = json!({
        "name": name,
        "in": "query",
        "required": false,
        "description": description,
        "style": "form",
        "explode": false,
        "schema": {
            "type": "array",
            "minItems": 1,
            "maxItems": MAX_LIST,
            "items": { "type": "string", "enum": values },
        },
    });
    if let Some(e) = example {
        p["example"] = json!([e]);
    }
    p
}

/// The query parameters, by the name `#/components/parameters/…` gives them.
fn parameters(catalog: &Catalog) -> Value {
    let mut params = json!({
        "lang": {
            "name": "lang",
            "in": "query",
            "required": false,
            "description": "Language of texts and links.",
            "schema": {
                "type": "string",
                "enum": Lang::ALL.map(Lang::code),
                "default": Filter::default().lang.code(),
            },
        },
        "kind": list_param(
            "kind",
            "Comma-separated kinds; only events of these kinds.",
            Kind::ALL.map(Kind::name).to_vec(),
            None,
        ),
        "cancelled": {
            "name": "cancelled",
            "in": "query",
            "required": false,
            "description": "Whether cancelled events (STATUS:CANCELLED: removed from the data, or called off) are included.",
            "schema": {
                "type": "string",
                "enum": Filter::CANCELLED,
                "default": Filter::CANCELLED[0],
            },
        },
    });
    // a group may be named by its slug or its name (`q2-20`, `Q2/20`); without groups in the
    // data no value is valid, and the parameter is not described
    let mut groups: Vec<&str> = Vec::new();
    for g in &catalog.groups {
        groups.push(g.slug());
        if g.name() != g.slug() {
            groups.push(g.name());
        }
    }
    if !groups.is_empty() {
        params["group"] = list_param(
            "group",
            "Comma-separated group slugs or names; only events of these groups (including the meeting-wide events of meetings that declare them).",
            groups,
            catalog.groups.first().map(|g| g.slug()),
        );
    }
    params
}

/// The operations: one GET per route of `crate::web::routes::api`.
fn paths(catalog: &Catalog) -> Value {
    let lang = json!({ "$ref": "#/components/parameters/lang" });
    let mut filters = vec![
        lang.clone(),
        json!({ "$ref": "#/components/parameters/kind" }),
        json!({ "$ref": "#/components/parameters/cancelled" }),
    ];
    if !catalog.groups.is_empty() {
        filters.push(json!({ "$ref": "#/components/parameters/group" }));
    }
    let ok = |description: &str, schema: &str| {
        json!({
            "description": description,
            "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{schema}") } } },
        })
    };
    let not_modified = json!({ "$ref": "#/components/responses/NotModified" });
    let bad_request = json!({ "$ref": "#/components/responses/BadRequest" });
    // the words that name feeds of their own are never meeting ids (the loader refuses them)
    let mut id = json!({
        "name": "id",
        "in": "path",
        "required": true,
        "description": "Meeting id.",
        "schema": { "type": "string", "pattern": ID_PATTERN, "not": { "enum": RESERVED_IDS } },
    });
    if let Some(m) = catalog.meetings.first() {
        id["example"] = json!(m.id);
    }
    json!({
        (Route::ApiMeetings.pattern()): { "get": {
            "operationId": "listMeetings",
            "summary": "Every meeting, in date order, without its events",
            "parameters": [lang],
            "responses": {
                "200": ok("The meetings", "MeetingList"),
                "304": not_modified,
                "400": bad_request,
            },
        }},
        (Route::ApiMeeting.pattern()): { "get": {
            "operationId": "getMeeting",
            "summary": "One meeting with its events",
            "parameters": [id, lang],
            "responses": {
                "200": ok("The meeting", "MeetingWithEvents"),
                "304": not_modified,
                "400": bad_request,
                "404": { "$ref": "#/components/responses/NotFound" },
            },
        }},
        (Route::ApiEvents.pattern()): { "get": {
            "operationId": "listEvents",
            "summary": "The events of every meeting, filtered like the feeds",
            "parameters": filters,
            "responses": {
                "200": ok("The events, meetings by date, events by start", "EventList"),
                "304": not_modified,
                "400": bad_request,
            },
        }},
        (Route::ApiFeeds.pattern()): { "get": {
            "operationId": "listFeeds",
            "summary": "Every calendar feed with its https, webcal, download, Google and Outlook links",
            "parameters": filters,
            "responses": {
                "200": ok("The feeds", "FeedList"),
                "304": not_modified,
                "400": bad_request,
            },
        }},
        (Route::ApiOpenapi.pattern()): { "get": {
            "operationId": "getOpenApi",
            "summary": "This document",
            "responses": {
                "200": {
                    "description": "OpenAPI 3.1",
                    "content": { "application/json": { "schema": { "type": "object" } } },
                },
                "304": not_modified,
                "400": bad_request,
            },
        }},
    })
}

/// The documents' schemas, by the name `#/components/schemas/…` gives them.
fn schemas(catalog: &Catalog, base: &str) -> Value {
    let meeting = catalog.meetings.first();
    let group = catalog.groups.first();
    let event = meeting.and_then(|m| m.events.first().map(|e| (m, e)));
    let timed = catalog
        .meetings
        .iter()
        .flat_map(|m| m.events.iter().map(move |e| (m, e)))
        .find(|(_, e)| matches!(e.when, When::Timed { .. }))
        .and_then(|(m, e)| json::event_json(base, m, e, Lang::En).start);
    let id = json!({ "type": "string", "pattern": ID_PATTERN });
    let lang = json!({ "type": "string", "enum": Lang::ALL.map(Lang::code) });
    let kind = json!({ "type": "string", "enum": Kind::ALL.map(Kind::name) });
    let zone = with_example(
        json!({ "type": "string", "description": "IANA time zone" }),
        meeting.map(|m| json!(m.tz.name())),
    );
    let slug = with_example(id.clone(), group.map(|g| json!(g.slug())));
    let group_name = with_example(
        json!({ "type": "string", "pattern": GROUP_PATTERN }),
        group.map(|g| json!(g.name())),
    );
    let uri = json!({ "type": "string", "format": "uri" });
    let text = json!({ "type": "string" });
    let optional_text = json!({ "type": ["string", "null"] });
    json!({
        "Group": {
            "type": "object",
            "required": ["name", "slug"],
            "properties": { "name": group_name, "slug": slug },
        },
        "Meeting": {
            "type": "object",
            "required": ["id", "title", "timezone", "groups", "source", "contact", "updated", "event_count", "links"],
            "properties": {
                "id": with_example(id.clone(), meeting.map(|m| json!(m.id))),
                "title": text,
                "description": optional_text,
                "location": optional_text,
                "url": { "type": ["string", "null"], "format": "uri" },
                "timezone": zone,
                "first_day": { "type": ["string", "null"], "format": "date", "description": "First day of its meetings and sessions (deadlines come earlier)" },
                "last_day": { "type": ["string", "null"], "format": "date", "description": "Inclusive" },
                "groups": { "type": "array", "items": { "$ref": "#/components/schemas/Group" } },
                "source": {
                    "type": "object",
                    "required": ["reference", "date"],
                    "properties": {
                        "reference": text,
                        "date": { "type": "string", "format": "date" },
                        "url": { "type": "string", "format": "uri", "description": "Where the letter is published" },
                    },
                },
                "contact": {
                    "type": "object",
                    "required": ["email"],
                    "properties": { "email": text, "phone": optional_text, "fax": optional_text, "web": optional_text },
                },
                "updated": { "type": "string", "format": "date-time" },
                "event_count": { "type": "integer", "minimum": 0 },
                "links": {
                    "type": "object",
                    "required": ["page", "feed", "webcal", "subscribe", "email_html", "api"],
                    "properties": {
                        "page": uri, "feed": uri, "webcal": uri, "subscribe": uri, "email_html": uri, "api": uri,
                    },
                },
            },
        },
        "Event": {
            "type": "object",
            "required": ["uid", "meeting", "key", "kind", "status", "groups", "title", "sequence", "updated", "all_day", "timezone", "links"],
            "properties": {
                "uid": with_example(
                    json!({ "type": "string", "description": "{key}.{meeting}@itucal" }),
                    event.map(|(m, e)| json!(ics::uid(m, e))),
                ),
                "meeting": id,
                "key": id,
                "kind": kind,
                "status": { "type": "string", "enum": Status::ALL.map(Status::name) },
                "groups": {
                    "type": "array",
                    "items": { "type": "string", "pattern": GROUP_PATTERN },
                    "description": "Group names; empty: the whole meeting",
                },
                "title": text,
                "description": optional_text,
                "location": optional_text,
                "url": optional_text,
                "sequence": { "type": "integer", "minimum": 0 },
                "updated": { "type": "string", "format": "date-time" },
                "all_day": { "type": "boolean" },
                "timezone": zone,
                "start": with_example(
                    json!({ "type": "string", "format": "date-time", "description": "Timed events: RFC 3339 with the zone's offset" }),
                    timed.map(Value::from),
                ),
                "end": { "type": "string", "format": "date-time", "description": "Timed events" },
                "first_day": { "type": "string", "format": "date", "description": "All-day events" },
                "last_day": { "type": "string", "format": "date", "description": "All-day events, inclusive" },
                "end_date_exclusive": { "type": "string", "format": "date", "description": "All-day events: the day after last_day" },
                "links": {
                    "type": "object",
                    "description": "Every event has `page`; every event but a time plan's session also has its own `ics`, `download`, `google`, `outlook` and `office365` links (a session is in its groups' feeds, which follow its changes)",
                    "required": ["page"],
                    "dependentRequired": { "ics": ["download", "google", "outlook", "office365"] },
                    "properties": {
                        "page": uri, "ics": uri, "download": uri, "google": uri, "outlook": uri, "office365": uri,
                    },
                },
            },
        },
        "Feed": {
            "type": "object",
            "required": ["feed", "type", "title", "description", "https", "webcal", "download", "google", "outlook", "office365"],
            "properties": {
                "feed": with_example(
                    json!({ "type": "string", "description": "As in /subscribe/{feed}" }),
                    group.map(|g| json!(json::feed_name(&Feed::Group(g.slug().to_string())))),
                ),
                "type": { "type": "string", "enum": json::FEED_TYPES },
                "id": { "type": "string", "pattern": ID_PATTERN, "description": "Meeting id or group slug" },
                "title": text,
                "description": text,
                "https": uri,
                "webcal": uri,
                "download": uri,
                "google": uri,
                "outlook": uri,
                "office365": uri,
                "subscribe_page": { "type": ["string", "null"], "format": "uri" },
                "email_html": { "type": ["string", "null"], "format": "uri" },
                "email_txt": { "type": ["string", "null"], "format": "uri" },
            },
        },
        "MeetingList": {
            "type": "object",
            "required": ["lang", "meetings"],
            "properties": {
                "lang": lang,
                "meetings": { "type": "array", "items": { "$ref": "#/components/schemas/Meeting" } },
            },
        },
        "MeetingWithEvents": {
            "type": "object",
            "required": ["lang", "meeting", "events"],
            "properties": {
                "lang": lang,
                "meeting": { "$ref": "#/components/schemas/Meeting" },
                "events": { "type": "array", "items": { "$ref": "#/components/schemas/Event" } },
            },
        },
        "EventList": {
            "type": "object",
            "required": ["lang", "kinds", "groups", "count", "events"],
            "properties": {
                "lang": lang,
                "kinds": { "type": "array", "items": kind, "description": "The kinds asked for (empty: all)" },
                "groups": { "type": "array", "items": id, "description": "The slugs of the groups asked for (empty: all)" },
                "count": { "type": "integer", "minimum": 0 },
                "events": { "type": "array", "items": { "$ref": "#/components/schemas/Event" } },
            },
        },
        "FeedList": {
            "type": "object",
            "required": ["lang", "feeds"],
            "properties": {
                "lang": lang,
                "feeds": { "type": "array", "items": { "$ref": "#/components/schemas/Feed" } },
            },
        },
    })
}

/// `/api/openapi.json`: the description of the API serving `catalog` at `base`.
pub fn document(catalog: &Catalog, base: &str) -> String {
    let plain = |description: &str| {
        json!({
            "description": description,
            "content": { "text/plain": { "schema": { "type": "string" } } },
        })
    };
    json::to_json(&json!({
        "openapi": "3.1.0",
        "info": {
            "title": "itucal",
            "version": "1",
            "summary": "ITU-T meetings from the TSB collective letters: meetings, events and calendar feeds.",
            "description": "Read-only. Every text is in the language given by `lang` (English by default; Chinese falls back to English where the data has no translation). Timed events have `start`/`end` in RFC 3339 with the offset of `timezone`; all-day events have `first_day` and `last_day` (inclusive) and `end_date_exclusive`. Every response carries a strong ETag and Last-Modified and answers If-None-Match / If-Modified-Since with 304. Unknown parameters and bad values are 400 with a plain-text message naming the parameter and the allowed values; unknown meetings are 404 naming those that exist. The groups and examples of this document are those of the data being served.",
            "license": { "name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0" },
        },
        "servers": [{ "url": base }],
        "paths": paths(catalog),
        "components": {
            "parameters": parameters(catalog),
            "responses": {
                "NotModified": { "description": "The client's copy is current (If-None-Match / If-Modified-Since)" },
                "BadRequest": plain("A parameter is unknown or has a bad value; the message names it and the allowed values"),
                "NotFound": plain("No such meeting; the message names those that exist"),
            },
            "schemas": schemas(catalog, base),
        },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_sources;

    const BASE: &str = "https://feeds.example.org";

    const DATA: &str = r#"
id = "m"
timezone = "Asia/Tokyo"
updated = 2017-09-29T00:00:00Z
groups = ["FG-X", "Q1/20"]
title = "M"
source = { reference = "L", date = 2017-09-29 }
contact = { email = "a@b.c" }

[[event]]
key = "dl"
kind = "deadline"
first_day = 2018-01-11
title = "D"

[[event]]
key = "reg"
kind = "info"
start = 2018-07-02T08:30:00
end = 2018-07-02T09:30:00
title = "Registration"
"#;

    fn doc(catalog: &Catalog) -> Value {
        serde_json::from_str(&document(catalog, BASE)).expect("JSON")
    }

    fn strings(v: &Value) -> Vec<&str> {
        v.as_array()
            .expect("array")
            .iter()
            .map(|s| s.as_str().expect("string"))
            .collect()
    }

    #[test]
    fn the_closed_sets_are_the_lists_of_the_code() {
        let d = doc(&Catalog::default());
        let p = &d["components"]["parameters"];
        assert_eq!(
            strings(&p["lang"]["schema"]["enum"]),
            Lang::ALL.map(Lang::code)
        );
        assert_eq!(
            strings(&p["kind"]["schema"]["items"]["enum"]),
            Kind::ALL.map(Kind::name)
        );
        assert_eq!(p["kind"]["schema"]["maxItems"], MAX_LIST);
        let event = &d["components"]["schemas"]["Event"]["properties"];
        assert_eq!(
            strings(&event["status"]["enum"]),
            Status::ALL.map(Status::name)
        );
        let feed = &d["components"]["schemas"]["Feed"]["properties"];
        assert_eq!(strings(&feed["type"]["enum"]), json::FEED_TYPES);
    }

    #[test]
    fn groups_and_examples_come_from_the_catalog_served() {
        let c = parse_sources([("m.toml", DATA)]).expect("valid");
        let d = doc(&c);
        assert_eq!(d["servers"][0]["url"], BASE);
        let group = &d["components"]["parameters"]["group"];
        assert_eq!(
            strings(&group["schema"]["items"]["enum"]),
            ["fg-x", "FG-X", "q1-20", "Q1/20"]
        );
        assert_eq!(group["example"], json!(["fg-x"]));
        let id = &d["paths"]["/api/meetings/{id}"]["get"]["parameters"][0];
        assert_eq!(id["example"], "m");
        let s = &d["components"]["schemas"];
        assert_eq!(
            s["Group"]["properties"]["name"]["examples"],
            json!(["FG-X"])
        );
        assert_eq!(
            s["Meeting"]["properties"]["timezone"]["examples"],
            json!(["Asia/Tokyo"])
        );
        assert_eq!(
            s["Event"]["properties"]["uid"]["examples"],
            json!(["dl.m@itucal"])
        );
        assert_eq!(
            s["Event"]["properties"]["start"]["examples"],
            json!(["2018-07-02T08:30:00+09:00"])
        );
        assert_eq!(
            s["Feed"]["properties"]["feed"]["examples"],
            json!(["groups/fg-x"])
        );
    }

    #[test]
    fn without_data_there_are_no_examples_and_no_group_parameter() {
        let d = doc(&Catalog::default());
        let text = d.to_string();
        assert!(!text.contains("\"example\":"), "{text}");
        assert!(!text.contains("\"examples\":"), "{text}");
        assert!(d["components"]["parameters"].get("group").is_none());
        let events = &d["paths"]["/api/events"]["get"]["parameters"];
        assert!(!events.to_string().contains("/group"), "{events}");
    }
}
