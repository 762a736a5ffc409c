//! Rendering: selected events → bytes. Pure functions of their arguments: no I/O, no clock, no
//! randomness, so the same data and request give the same bytes on every machine.
//!
//! * [`ics`]: iCalendar feeds (RFC 5545 + RFC 7986), built with the icalendar crate, then
//!   re-folded by [`fold`] and given the VTIMEZONEs that [`vtimezone`] derives from tzdb.
//! * [`html`]: the pages people read (index, meeting, subscribe) and the e-mail snippets.
//! * [`atom`]: the Atom feeds (RFC 4287) of the lock's history, one entry per version.
//! * [`json`]: the JSON API's documents; [`openapi`]: their OpenAPI description, generated from
//!   the code's lists and the catalog.
//! * [`prose`]: where addresses in running text begin and end, for both.

pub mod atom;
pub mod fold;
pub mod html;
pub mod ics;
pub mod json;
pub mod openapi;
pub mod prose;
pub mod vtimezone;
