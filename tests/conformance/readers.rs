//! Running the four readers (see `readers/`) and comparing what they read with the data.

use crate::variants::Expected;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A reader: a command that takes .ics paths and prints one JSON line per VEVENT.
pub struct Reader {
    pub name: &'static str,
    program: &'static str,
    args: &'static [&'static str],
}

/// The parsers behind Python tools, the strict `ical`, Thunderbird and Evolution.
pub const ALL: [Reader; 4] = [
    Reader {
        name: "python-icalendar",
        program: "python3",
        args: &["tests/conformance/readers/py_icalendar.py"],
    },
    Reader {
        name: "python-ical",
        program: "python3",
        args: &["tests/conformance/readers/py_ical.py"],
    },
    Reader {
        name: "ical.js",
        program: "node",
        args: &["tests/conformance/readers/icaljs.mjs"],
    },
    Reader {
        name: "libical",
        program: "target/conformance/libical-reader",
        args: &[],
    },
];

/// What a reader saw of one VEVENT.
#[derive(Debug, Deserialize)]
pub struct Record {
    pub file: String,
    pub uid: String,
    pub start: String,
    pub end: Option<String>,
    pub summary: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub sequence: Option<u32>,
    pub status: Option<String>,
    pub last_modified: Option<String>,
    pub dtstamp: Option<String>,
}

impl Record {
    /// How this record differs from what the data says.
    pub fn differences(&self, want: &Expected) -> Vec<String> {
        let mut out = Vec::new();
        let mut cmp = |what: &str, got: Option<&str>, want: Option<&str>| {
            if got != want {
                out.push(format!("{what}: read {got:?}, data says {want:?}"));
            }
        };
        cmp("start", Some(&self.start), Some(&want.start));
        cmp("end", self.end.as_deref(), Some(&want.end));
        cmp("summary", Some(&self.summary), Some(&want.summary));
        cmp(
            "description",
            self.description.as_deref(),
            Some(&want.description),
        );
        cmp(
            "location",
            self.location.as_deref(),
            want.location.as_deref(),
        );
        let sequence = self.sequence.map(|n| n.to_string());
        cmp(
            "sequence",
            sequence.as_deref(),
            Some(&want.sequence.to_string()),
        );
        cmp("status", self.status.as_deref(), Some(want.status));
        cmp(
            "last-modified",
            self.last_modified.as_deref(),
            Some(&want.last_modified),
        );
        // DTSTAMP is the event's last change, never the time of the request
        cmp(
            "dtstamp",
            self.dtstamp.as_deref(),
            Some(&want.last_modified),
        );
        out
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `reader` over `files`; an error names what failed (non-zero exit, unreadable output).
pub fn run(reader: &Reader, files: &[PathBuf]) -> Result<Vec<Record>, String> {
    let out = Command::new(reader.program)
        .args(reader.args)
        .args(files)
        .current_dir(root())
        .output()
        .map_err(|e| {
            format!(
                "cannot run {} ({e}); install the readers with tests/conformance/install.sh",
                reader.program
            )
        })?;
    if !out.status.success() {
        return Err(format!(
            "exit {:?}: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout)
        .map_err(|e| e.to_string())?
        .lines()
        .map(|l| serde_json::from_str(l).map_err(|e| format!("{e}: {l}")))
        .collect()
}
