//! The validated domain model: a [`Catalog`] of [`Meeting`]s, each with its [`Event`]s.
//!
//! Values here are only built by the loader (`crate::load`) after every rule of the data format
//! has been checked, so the rest of the program can rely on them: ids are well-formed and unique,
//! every local time exists exactly once in its zone, every event's groups are declared, every text
//! has English.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

pub use crate::i18n::Lang;

/// A text in English and any of the other languages: as the data writes it, or an interface
/// message with its values, formatted in each language when it is read.
///
/// Messages are how a time plan's sessions are titled: at the scale of all of ITU-T they are
/// some 150,000 events, and their texts written out in six languages were half the memory the
/// service held. A text is cheap to clone (its parts are shared).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Text(Repr);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Repr {
    /// One entry per language of [`Lang::ALL`]; English is always there.
    Forms(Arc<[Option<Box<str>>; Lang::ALL.len()]>),
    /// The message `id` of `crate::i18n` with these values (every language has every message).
    Message {
        id: &'static str,
        args: Arc<[(&'static str, Arg)]>,
    },
}

/// A value given to a message [`Text`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Arg {
    /// The same in every language (a code, a number, a room).
    Plain(Arc<str>),
    /// A text of its own, taken in the language the message is read in (a venue, shared by
    /// the messages of a meeting).
    Text(Arc<Text>),
}

impl Text {
    /// A text in English only. It is normalized: `\r\n` and lone `\r` become `\n`, other
    /// control characters except tab are removed.
    pub fn new(en: &str) -> Text {
        let mut forms: [Option<Box<str>>; Lang::ALL.len()] = Default::default();
        forms[Lang::En.index()] = Some(normalize(en).into_boxed_str());
        Text(Repr::Forms(Arc::new(forms)))
    }

    /// The message `id` with `args`, in every language (each formatted when it is read, then
    /// normalized as in [`Text::new`]). The same `args` may serve several messages.
    pub fn message(id: &'static str, args: Arc<[(&'static str, Arg)]>) -> Text {
        Text(Repr::Message { id, args })
    }

    /// The same text with its form in `lang` (normalized as in [`Text::new`]).
    pub fn with(self, lang: Lang, text: &str) -> Text {
        let mut forms = match self.0 {
            Repr::Forms(forms) => forms,
            message @ Repr::Message { .. } => {
                let t = Text(message);
                Arc::new(Lang::ALL.map(|l| Some(t.get(l).into_owned().into_boxed_str())))
            }
        };
        Arc::make_mut(&mut forms)[lang.index()] = Some(normalize(text).into_boxed_str());
        Text(Repr::Forms(forms))
    }

    /// The text in `lang`, falling back to English.
    pub fn get(&self, lang: Lang) -> Cow<'_, str> {
        match &self.0 {
            Repr::Forms(forms) => {
                let form = |l: Lang| forms[l.index()].as_deref();
                Cow::Borrowed(form(lang).or_else(|| form(Lang::En)).unwrap_or_default())
            }
            Repr::Message { id, args } => {
                let texts: Vec<Cow<'_, str>> = args
                    .iter()
                    .map(|(_, a)| match a {
                        Arg::Plain(s) => Cow::Borrowed(&**s),
                        Arg::Text(t) => t.get(lang),
                    })
                    .collect();
                let values: Vec<_> = args
                    .iter()
                    .zip(&texts)
                    .map(|((name, _), text)| (*name, crate::i18n::arg(text)))
                    .collect();
                Cow::Owned(normalize(&crate::i18n::tr_args(lang, id, &values)))
            }
        }
    }

    /// The language the text in `lang` is really written in (English when it fell back).
    pub fn lang_of(&self, lang: Lang) -> Lang {
        match &self.0 {
            Repr::Forms(forms) if forms[lang.index()].is_none() => Lang::En,
            _ => lang,
        }
    }
}

/// Normalizes line ends to `\n` and removes control characters other than tab and line feed,
/// which no calendar text can carry.
pub fn normalize(s: &str) -> String {
    // nearly every text is already clean: check its bytes once instead of rebuilding it char by
    // char (this was a fifth of loading 50,000 events)
    if !needs_normalizing(s) {
        return s.to_owned();
    }
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    s.chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// Whether `s` holds a carriage return or a control character other than tab and line feed:
/// C0 (`0x00`–`0x1f`), DEL, or C1 (U+0080–U+009F, in UTF-8 `0xc2 0x80`–`0xc2 0x9f`), i.e.
/// exactly what [`char::is_control`] matches.
fn needs_normalizing(s: &str) -> bool {
    let b = s.as_bytes();
    // a pass without branches (which the compiler vectorizes) rules out nearly every text; only
    // those with a suspect byte are looked at closely (0xc2 also starts ordinary Latin-1 letters)
    let suspect = b.iter().fold(false, |seen, &c| {
        seen | ((c < 0x20) & (c != b'\t') & (c != b'\n')) | (c == 0x7f) | (c == 0xc2)
    });
    suspect
        && b.iter().enumerate().any(|(i, &c)| match c {
            b'\t' | b'\n' => false,
            0..=0x1f | 0x7f => true,
            0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
            _ => false,
        })
}

/// What an event is; decides its transparency and which feeds carry it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A meeting of a group (blocks time).
    Meeting,
    /// A session within a meeting (blocks time).
    Session,
    /// A deadline: all-day, transparent.
    Deadline,
    /// A notice (registration, co-location): transparent.
    Info,
}

impl Kind {
    /// Every kind, in the order the data format lists them.
    pub const ALL: [Kind; 4] = [Kind::Meeting, Kind::Session, Kind::Deadline, Kind::Info];

    /// The name used in data files and queries.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Meeting => "meeting",
            Kind::Session => "session",
            Kind::Deadline => "deadline",
            Kind::Info => "info",
        }
    }

    /// Parses a kind name.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Whether events of this kind leave free/busy time free.
    pub fn is_transparent(self) -> bool {
        matches!(self, Kind::Deadline | Kind::Info)
    }
}

/// An event's `STATUS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Going ahead (the default).
    Confirmed,
    /// Not yet certain.
    Tentative,
    /// Called off; stays in feeds so subscribers' calendars remove it.
    Cancelled,
}

impl Status {
    /// Every status, in the order the data format lists them.
    pub const ALL: [Status; 3] = [Status::Confirmed, Status::Tentative, Status::Cancelled];

    /// The name used in data files.
    pub fn name(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Tentative => "tentative",
            Status::Cancelled => "cancelled",
        }
    }

    /// Parses a status name.
    pub fn parse(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// A group such as `Q2/20`, with its URL slug `q2-20`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Group {
    name: String,
    slug: String,
}

impl Group {
    /// Parses a group name: letters, digits, `/` and `-`, starting with a letter or digit.
    pub fn parse(name: &str) -> Result<Group, String> {
        let ok = name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '/' || c == '-')
            && name.starts_with(|c: char| c.is_ascii_alphanumeric());
        if !ok {
            return Err(format!(
                "group '{name}' may only hold letters, digits, '/' and '-', starting with a letter or digit"
            ));
        }
        Ok(Group {
            name: name.to_string(),
            slug: Group::slug_of(name),
        })
    }

    /// The slug of a group name: lowercase, `/` → `-` (`Q2/20` → `q2-20`).
    pub fn slug_of(name: &str) -> String {
        name.to_ascii_lowercase().replace('/', "-")
    }

    /// The name as ITU-T writes it (`Q2/20`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The URL form (`q2-20`).
    pub fn slug(&self) -> &str {
        &self.slug
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// Checks an id or key: `[a-z0-9-]`, non-empty, starting with a letter or digit.
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// When an event happens.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum When {
    /// Whole days, `first` through `last` inclusive, as dates in the meeting's zone.
    AllDay {
        /// The first day.
        first: NaiveDate,
        /// The last day (inclusive; `>= first`).
        last: NaiveDate,
    },
    /// A timed event: local wall times in the meeting's zone, each existing exactly once.
    Timed {
        /// Local start.
        start: NaiveDateTime,
        /// Local end (after `start`).
        end: NaiveDateTime,
        /// `start` as an instant.
        start_utc: DateTime<Utc>,
        /// `end` as an instant.
        end_utc: DateTime<Utc>,
    },
}

impl When {
    /// The first local date the event touches (for sorting and year spans).
    pub fn first_date(&self) -> NaiveDate {
        match self {
            When::AllDay { first, .. } => *first,
            When::Timed { start, .. } => start.date(),
        }
    }

    /// The last local date the event touches.
    pub fn last_date(&self) -> NaiveDate {
        match self {
            When::AllDay { last, .. } => *last,
            When::Timed { end, .. } => end.date(),
        }
    }
}

/// Where a meeting's facts come from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Source {
    /// The letter, e.g. "TSB Collective Letter 3/20".
    pub reference: Text,
    /// The letter's date.
    pub date: NaiveDate,
    /// Where the letter itself is published, if the data says.
    pub url: Option<String>,
}

/// Who to ask about a meeting.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Contact {
    /// E-mail address (required).
    pub email: String,
    /// Telephone.
    pub phone: Option<String>,
    /// Fax.
    pub fax: Option<String>,
    /// Web page.
    pub web: Option<String>,
}

/// One event of a meeting.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Event {
    /// Stable key, unique in the meeting; part of the UID.
    pub key: String,
    /// What it is.
    pub kind: Kind,
    /// Indexes into the meeting's `groups`; empty means the whole meeting.
    pub groups: Vec<usize>,
    /// When.
    pub when: When,
    /// Title.
    pub title: Text,
    /// Details specific to this event.
    pub description: Option<Text>,
    /// Where, if it differs from the meeting.
    pub location: Option<Text>,
    /// A page about it, if it differs from the meeting.
    pub url: Option<String>,
    /// Status.
    pub status: Status,
    /// Revision number: 0 as loaded; from the lock file when there is one ([`crate::lock`]).
    pub sequence: u32,
    /// Last change of this event: the data's `updated` (or the meeting's) as loaded; the
    /// lock's change time when there is a lock.
    pub updated: DateTime<Utc>,
    /// The latest change told about this event in the lock's history, if any.
    pub change: Option<LastChange>,
    /// A session of the meeting's time plan (`[plan]`), not an `[[event]]` of the file; the
    /// aggregate feeds leave these out by default.
    pub planned: bool,
}

/// The latest change of an event as the lock's history tells it: when, and in words.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LastChange {
    /// When `itucal lock` recorded it.
    pub at: DateTime<Utc>,
    /// The sentence, in every language the change was written in.
    pub text: Text,
}

/// One meeting: the content of one data file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Meeting {
    /// Stable id; part of every UID and URL.
    pub id: String,
    /// Not reviewed yet (`draft = true`, as `itucal import` writes it): served only when asked
    /// for ([`Drafts::Shown`]).
    pub draft: bool,
    /// The zone its local times are in.
    pub tz: Tz,
    /// When the file last changed.
    pub updated: DateTime<Utc>,
    /// Declared groups, in the file's order.
    pub groups: Vec<Group>,
    /// For each of `groups`, the index of the group it is within (a Question's Working Party,
    /// a Working Party's Study Group), if the data says.
    pub within: Vec<Option<usize>>,
    /// The meeting's page.
    pub url: Option<String>,
    /// Name.
    pub title: Text,
    /// Default location of its events.
    pub location: Option<Text>,
    /// Summary.
    pub description: Option<Text>,
    /// The letter.
    pub source: Source,
    /// Contacts.
    pub contact: Contact,
    /// Events, sorted by start then key; a plan's sessions are among them.
    pub events: Vec<Event>,
    /// The time plan, once the secretariat has published one.
    pub plan: Option<Plan>,
}

/// How settled a time plan is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanStatus {
    /// Being drawn up.
    Draft,
    /// Published, and expected to change during the meeting.
    Tentative,
    /// Final.
    Final,
}

impl PlanStatus {
    /// Every status, in the order the data format lists them.
    pub const ALL: [PlanStatus; 3] = [PlanStatus::Draft, PlanStatus::Tentative, PlanStatus::Final];

    /// The name used in data files.
    pub fn name(self) -> &'static str {
        match self {
            PlanStatus::Draft => "draft",
            PlanStatus::Tentative => "tentative",
            PlanStatus::Final => "final",
        }
    }

    /// Parses a plan status name.
    pub fn parse(name: &str) -> Option<PlanStatus> {
        PlanStatus::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// A meeting's time plan: which groups meet in which room, day by day and slot by slot.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Plan {
    /// How settled it is; sessions of a plan that is not final are tentative.
    pub status: PlanStatus,
    /// The version label the secretariat gives it.
    pub version: String,
    /// The sessions, sorted by start, then room, then key.
    pub sessions: Vec<Session>,
}

/// One session of a time plan. Its event (same key) is among the meeting's events.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Session {
    /// The key of its event: given by the editor, or derived from its groups and number, never
    /// from its day, slot or room, so that a move updates the same event.
    pub key: String,
    /// The editor's number for it among its groups' sessions.
    pub number: u32,
    /// Indexes into the meeting's groups (more than one: a joint session).
    pub groups: Vec<usize>,
    /// The room, as written.
    pub room: String,
    /// The slot's name (`am`), or `None` when the grid gives explicit times.
    pub slot: Option<String>,
    /// Local start, in the meeting's zone.
    pub start: NaiveDateTime,
    /// Local end.
    pub end: NaiveDateTime,
    /// Confirmed or tentative (from the plan), or cancelled.
    pub status: Status,
}

impl Meeting {
    /// The first local date of any of its events.
    pub fn first_date(&self) -> Option<NaiveDate> {
        self.events.iter().map(|e| e.when.first_date()).min()
    }

    /// The last local date of any of its events.
    pub fn last_date(&self) -> Option<NaiveDate> {
        self.events.iter().map(|e| e.when.last_date()).max()
    }

    /// The days the meeting is held: from the first to the last day of its meetings and
    /// sessions (its deadlines fall weeks earlier and are not "the meeting"); all its events
    /// when it has neither.
    pub fn held_days(&self) -> Option<(NaiveDate, NaiveDate)> {
        let held = |e: &&Event| matches!(e.kind, Kind::Meeting | Kind::Session);
        let span = |f: &dyn Fn(&&Event) -> bool| {
            let first = self
                .events
                .iter()
                .filter(f)
                .map(|e| e.when.first_date())
                .min()?;
            let last = self
                .events
                .iter()
                .filter(f)
                .map(|e| e.when.last_date())
                .max()?;
            Some((first, last))
        };
        span(&held).or_else(|| span(&|_| true))
    }

    /// Whether group `g` is a study group in this meeting's structure: others are within it and
    /// it is within none.
    pub fn is_study_group(&self, g: usize) -> bool {
        self.within[g].is_none() && self.within.contains(&Some(g))
    }

    /// Whether the meeting declares a group with this slug.
    pub fn declares(&self, slug: &str) -> Option<usize> {
        self.groups.iter().position(|g| g.slug() == slug)
    }

    /// Whether group `a` is (directly or through others) within group `b`.
    pub fn is_within(&self, a: usize, b: usize) -> bool {
        let mut at = self.within[a];
        // the loader refuses cycles; the bound only keeps a mistake from looping
        for _ in 0..self.groups.len() {
            match at {
                Some(p) if p == b => return true,
                Some(p) => at = self.within[p],
                None => return false,
            }
        }
        false
    }

    /// Whether groups `a` and `b` are one, or one is within the other: what a group's feed
    /// holds of the other's events (never a sibling's).
    pub fn related(&self, a: usize, b: usize) -> bool {
        a == b || self.is_within(a, b) || self.is_within(b, a)
    }

    /// The event with this key.
    pub fn event(&self, key: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.key == key)
    }

    /// Sorts the events as every feed and page lists them: by local start, then key.
    pub fn sort_events(&mut self) {
        let start = |e: &Event| match e.when {
            When::AllDay { first, .. } => first.and_time(chrono::NaiveTime::MIN),
            When::Timed { start, .. } => start,
        };
        self.events
            .sort_by(|a, b| (start(a), &a.key).cmp(&(start(b), &b.key)));
    }

    /// The groups of an event (resolving indexes).
    pub fn groups_of<'a>(&'a self, event: &'a Event) -> impl Iterator<Item = &'a Group> + 'a {
        event.groups.iter().map(|&i| &self.groups[i])
    }
}

/// Every meeting, validated, sorted by first date then id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Catalog {
    /// The meetings, shared with the parsed files a reload keeps (an edit of one file makes one
    /// new meeting, not a copy of every other).
    pub meetings: Vec<Arc<Meeting>>,
    /// Every group any meeting declares, by slug, sorted by slug.
    pub groups: Vec<Group>,
    /// Each meeting's id with its index in `meetings`, sorted by id: a request names its
    /// meeting by id, and a catalog holds thousands.
    by_id: Vec<(Box<str>, usize)>,
}

impl Catalog {
    /// Builds a catalog from validated meetings: sorts them and collects their groups.
    pub fn new(meetings: Vec<Meeting>) -> Catalog {
        Catalog::of(meetings.into_iter().map(Arc::new).collect())
    }

    /// Builds a catalog from validated meetings held elsewhere too: sorts them and collects
    /// their groups.
    pub fn of(mut meetings: Vec<Arc<Meeting>>) -> Catalog {
        meetings.sort_by(|a, b| (a.first_date(), &a.id).cmp(&(b.first_date(), &b.id)));
        let mut groups: Vec<Group> = meetings
            .iter()
            .flat_map(|m| m.groups.iter().cloned())
            .collect();
        groups.sort_by(|a, b| a.slug().cmp(b.slug()).then(a.name().cmp(b.name())));
        groups.dedup_by(|a, b| a.slug() == b.slug());
        let mut by_id: Vec<(Box<str>, usize)> = meetings
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.as_str().into(), i))
            .collect();
        by_id.sort_unstable();
        Catalog {
            meetings,
            groups,
            by_id,
        }
    }

    /// The meeting with this id.
    pub fn meeting(&self, id: &str) -> Option<&Meeting> {
        let at = self.by_id.binary_search_by(|(k, _)| (**k).cmp(id)).ok()?;
        self.meetings.get(self.by_id[at].1).map(Arc::as_ref)
    }

    /// The group with this name or slug.
    pub fn group(&self, name_or_slug: &str) -> Option<&Group> {
        let slug = Group::slug_of(name_or_slug);
        self.groups.iter().find(|g| g.slug() == slug)
    }

    /// Number of events in all meetings.
    pub fn event_count(&self) -> usize {
        self.meetings.iter().map(|m| m.events.len()).sum()
    }

    /// Number of draft meetings.
    pub fn draft_count(&self) -> usize {
        self.meetings.iter().filter(|m| m.draft).count()
    }

    /// The catalog as served: without the draft meetings unless `drafts` shows them. Groups only
    /// drafts declare go with them, so no feed or page names an unpublished meeting.
    pub fn served(self, drafts: Drafts) -> Catalog {
        match drafts {
            Drafts::Shown => self,
            Drafts::Hidden if self.draft_count() == 0 => self,
            Drafts::Hidden => Catalog::of(self.meetings.into_iter().filter(|m| !m.draft).collect()),
        }
    }
}

/// Whether draft meetings (unreviewed, `draft = true`) are served: hidden unless an editor
/// previews them (`itucal serve --drafts`). `check` validates them either way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Drafts {
    /// Served feeds, pages and exports leave drafts out (the default).
    #[default]
    Hidden,
    /// Drafts are served like reviewed meetings (a preview).
    Shown,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_normalizes_line_ends_and_drops_control_characters() {
        let t = Text::new("a\r\nb\rc\u{7}\td");
        assert_eq!(t.get(Lang::En), "a\nb\nc\td");
    }

    proptest::proptest! {
        #[test]
        fn the_byte_check_finds_exactly_what_the_char_rule_removes(
            s in "\\PC{0,40}|[\u{0}-\u{a0}\u{4f1a}\r\n\t a-z]{0,40}"
        ) {
            let by_chars = s
                .chars()
                .any(|c| c == '\r' || (c.is_control() && c != '\n' && c != '\t'));
            proptest::prop_assert_eq!(needs_normalizing(&s), by_chars);
            let slow: String = s
                .replace("\r\n", "\n")
                .replace('\r', "\n")
                .chars()
                .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
                .collect();
            proptest::prop_assert_eq!(normalize(&s), slow);
        }
    }

    #[test]
    fn c1_controls_are_removed_and_their_neighbours_kept() {
        assert!(needs_normalizing("a\u{85}b"));
        assert!(!needs_normalizing("a\u{a0}b\u{100}"));
        assert_eq!(normalize("a\u{85}b\u{9f}"), "ab");
    }

    #[test]
    fn chinese_falls_back_to_english() {
        let t = Text::new("Deadline");
        assert_eq!(t.get(Lang::Zh), "Deadline");
        assert_eq!(t.lang_of(Lang::Zh), Lang::En);
        let t = Text::new("Deadline").with(Lang::Zh, "截止日期");
        assert_eq!(t.get(Lang::Zh), "截止日期");
        assert_eq!(t.lang_of(Lang::Zh), Lang::Zh);
    }

    fn meeting(id: &str, draft: bool, group: &str) -> Meeting {
        Meeting {
            id: id.into(),
            draft,
            tz: chrono_tz::Europe::Zurich,
            updated: DateTime::<Utc>::UNIX_EPOCH,
            groups: vec![Group::parse(group).unwrap()],
            within: vec![None],
            url: None,
            title: Text::new(id),
            location: None,
            description: None,
            source: Source {
                reference: Text::new("L"),
                date: NaiveDate::MIN,
                url: None,
            },
            contact: Contact {
                email: "a@b.c".into(),
                phone: None,
                fax: None,
                web: None,
            },
            events: Vec::new(),
            plan: None,
        }
    }

    #[test]
    fn a_served_catalog_leaves_out_drafts_and_the_groups_only_they_declare() {
        let c = Catalog::new(vec![
            meeting("done", false, "SG20"),
            meeting("new", true, "SG13"),
        ]);
        assert_eq!(c.draft_count(), 1);
        let shown = c.clone().served(Drafts::Shown);
        assert_eq!(shown, c);
        let hidden = c.served(Drafts::Hidden);
        let ids: Vec<_> = hidden.meetings.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["done"]);
        assert!(hidden.group("SG13").is_none());
        assert!(hidden.group("SG20").is_some());
    }

    #[test]
    fn group_slugs_are_lowercase_with_dashes() {
        assert_eq!(Group::parse("Q2/20").unwrap().slug(), "q2-20");
        assert_eq!(Group::parse("WP1/20").unwrap().slug(), "wp1-20");
        assert!(Group::parse("Q2/20;x").is_err());
        assert!(Group::parse("/20").is_err());
    }

    #[test]
    fn ids_are_lowercase_letters_digits_and_dashes() {
        assert!(is_valid_id("sg20-wp1-2018-01"));
        assert!(!is_valid_id("SG20"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("a_b"));
    }
}
