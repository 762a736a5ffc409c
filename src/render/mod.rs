//! Rendering: selected events → bytes. Pure functions of their arguments: no I/O, no clock, no
//! randomness, so the same data and request give the same bytes on every machine.
//!
//! * [`ics`]: iCalendar feeds (RFC 5545 + RFC 7986), built with the icalendar crate, then
//!   re-folded by [`fold`] and given the VTIMEZONEs that [`vtimezone`] derives from tzdb.

pub mod fold;
pub mod ics;
pub mod vtimezone;
