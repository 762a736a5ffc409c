//! The Dockerfile agrees with the binary it ships. No Docker engine runs here, so the runtime
//! stage is parsed and every promise it makes is checked against the real `itucal` binary: the
//! command and its flags exist, the environment variables are ones the binary reads, the data
//! is copied where `ITUCAL_DATA` points and passes `check`, the exposed port is the bound one,
//! the user is not root, and the command, run with the image's environment, serves and passes
//! its own `HEALTHCHECK`.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// One instruction: its keyword (upper case), its `--flags`, and the rest of the line.
#[derive(Debug, Clone)]
struct Instruction {
    keyword: String,
    flags: BTreeMap<String, String>,
    rest: String,
}

/// One build stage: `FROM image [AS name]` and what follows it.
#[derive(Debug)]
struct Stage {
    image: String,
    name: Option<String>,
    instructions: Vec<Instruction>,
}

impl Stage {
    fn all(&self, keyword: &str) -> impl Iterator<Item = &Instruction> {
        self.instructions
            .iter()
            .filter(move |i| i.keyword == keyword)
    }

    /// The last instruction with `keyword` (the one that takes effect).
    fn last(&self, keyword: &str) -> &Instruction {
        self.all(keyword)
            .last()
            .unwrap_or_else(|| panic!("the runtime stage has no {keyword}"))
    }

    /// Every `ENV` of the stage, in order (later ones win).
    fn env(&self) -> BTreeMap<String, String> {
        let mut env = BTreeMap::new();
        for i in self.all("ENV") {
            env.extend(parse_env(&i.rest));
        }
        env
    }

    /// `(flags, sources, destination)` of every `COPY`.
    fn copies(&self) -> Vec<(BTreeMap<String, String>, Vec<String>, String)> {
        self.all("COPY")
            .map(|i| {
                let mut words: Vec<String> = if i.rest.starts_with('[') {
                    exec_form(&i.rest)
                } else {
                    i.rest.split_whitespace().map(String::from).collect()
                };
                let dest = words.pop().expect("COPY without a destination");
                (i.flags.clone(), words, dest)
            })
            .collect()
    }
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every stage of the repository's Dockerfile.
fn stages() -> Vec<Stage> {
    let text = std::fs::read_to_string(repo().join("Dockerfile")).unwrap();
    parse(&text)
}

/// The stage the image runs: the last one.
fn runtime() -> Stage {
    stages().pop().expect("the Dockerfile has no stage")
}

/// Dockerfile syntax, as much of it as this Dockerfile uses: comments, `\` continuations,
/// `--flag=value` options, `FROM image AS name`.
fn parse(text: &str) -> Vec<Stage> {
    let mut logical = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        // comments (and parser directives) are dropped, even inside a continued instruction
        if trimmed.starts_with('#') {
            continue;
        }
        if let Some(head) = trimmed.strip_suffix('\\') {
            current.push_str(head);
            current.push(' ');
            continue;
        }
        current.push_str(trimmed);
        if !current.trim().is_empty() {
            logical.push(current.trim().to_string());
        }
        current.clear();
    }
    let mut stages: Vec<Stage> = Vec::new();
    for line in logical {
        let (keyword, mut rest) = line.split_once(char::is_whitespace).unwrap_or((&line, ""));
        let keyword = keyword.to_ascii_uppercase();
        let mut flags = BTreeMap::new();
        loop {
            rest = rest.trim_start();
            let Some(flag) = rest.strip_prefix("--") else {
                break;
            };
            let (word, tail) = flag.split_once(char::is_whitespace).unwrap_or((flag, ""));
            let (k, v) = word.split_once('=').unwrap_or((word, ""));
            flags.insert(k.to_string(), v.to_string());
            rest = tail;
        }
        let rest = rest.trim().to_string();
        if keyword == "FROM" {
            let words: Vec<&str> = rest.split_whitespace().collect();
            let name = match words.as_slice() {
                [_, as_, name] if as_.eq_ignore_ascii_case("as") => Some(name.to_string()),
                [_] => None,
                _ => panic!("cannot read FROM {rest}"),
            };
            stages.push(Stage {
                image: words[0].to_string(),
                name,
                instructions: Vec::new(),
            });
        } else {
            stages
                .last_mut()
                .unwrap_or_else(|| panic!("{keyword} before any FROM"))
                .instructions
                .push(Instruction {
                    keyword,
                    flags,
                    rest,
                });
        }
    }
    stages
}

/// The words of an exec-form (JSON array) argument; panics on the shell form, which needs a
/// shell the runtime image does not have.
fn exec_form(rest: &str) -> Vec<String> {
    serde_json::from_str(rest)
        .unwrap_or_else(|e| panic!("not in exec form (a JSON array of strings): {rest}: {e}"))
}

/// `KEY=value KEY2="value 2"` (or the legacy `KEY value`).
fn parse_env(rest: &str) -> Vec<(String, String)> {
    if !rest.split_whitespace().next().unwrap_or("").contains('=') {
        let (k, v) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        return vec![(k.to_string(), v.trim().to_string())];
    }
    let mut pairs = Vec::new();
    let mut chars = rest.chars().peekable();
    while chars.peek().is_some() {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let key: String = std::iter::from_fn(|| chars.next_if(|&c| c != '=')).collect();
        if key.is_empty() {
            break;
        }
        chars.next(); // '='
        let mut value = String::new();
        if chars.next_if_eq(&'"').is_some() {
            value.extend(std::iter::from_fn(|| chars.next_if(|&c| c != '"')));
            chars.next();
        } else {
            value.extend(std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace())));
        }
        pairs.push((key, value));
    }
    pairs
}

/// The `HEALTHCHECK CMD [...]` words.
fn healthcheck_command(stage: &Stage) -> Vec<String> {
    let hc = stage.last("HEALTHCHECK");
    let json = hc
        .rest
        .strip_prefix("CMD")
        .unwrap_or_else(|| panic!("HEALTHCHECK without CMD: {}", hc.rest));
    exec_form(json.trim())
}

/// ENTRYPOINT followed by CMD: what the container runs.
fn container_command(stage: &Stage) -> Vec<String> {
    let mut words = exec_form(&stage.last("ENTRYPOINT").rest);
    words.extend(exec_form(&stage.last("CMD").rest));
    words
}

/// The binary under test, with none of the caller's `ITUCAL_*` settings leaking in.
fn itucal() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_itucal"));
    for (k, _) in std::env::vars() {
        if k.starts_with("ITUCAL_") {
            cmd.env_remove(k);
        }
    }
    cmd
}

/// `itucal <subcommand> --help`, whitespace collapsed (clap wraps long lines).
fn help(subcommand: &str) -> String {
    let out = itucal().args([subcommand, "--help"]).output().unwrap();
    assert!(
        out.status.success(),
        "`itucal {subcommand} --help` failed: the binary has no such subcommand\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The subcommand of a command line (`[binary, subcommand, args...]`) and its `--flags`.
fn subcommand_and_flags(words: &[String]) -> (String, Vec<String>) {
    let sub = words
        .get(1)
        .unwrap_or_else(|| panic!("{words:?} names no subcommand"))
        .clone();
    let flags = words[2..]
        .iter()
        .filter(|w| w.starts_with("--"))
        .map(|w| w.split('=').next().unwrap().to_string())
        .collect();
    (sub, flags)
}

/// The image's `ITUCAL_BIND`, as an address.
fn image_bind(stage: &Stage) -> SocketAddr {
    let env = stage.env();
    let bind = env
        .get("ITUCAL_BIND")
        .expect("the image sets no ITUCAL_BIND");
    bind.split(',')
        .next()
        .unwrap()
        .trim()
        .parse()
        .unwrap_or_else(|e| panic!("ITUCAL_BIND={bind} is not an address: {e}"))
}

/// Where the build stage's binary lands in the runtime stage.
fn binary_path_in_image(stage: &Stage, stages: &[Stage]) -> String {
    let exe = Path::new(env!("CARGO_BIN_EXE_itucal"))
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let (flags, sources, dest) = stage
        .copies()
        .into_iter()
        .find(|(flags, _, _)| flags.contains_key("from"))
        .expect("the runtime stage copies nothing from a build stage");
    let from = &flags["from"];
    assert!(
        stages[..stages.len() - 1]
            .iter()
            .any(|s| s.name.as_deref() == Some(from)),
        "COPY --from={from} names no earlier stage"
    );
    assert_eq!(sources.len(), 1, "{sources:?}");
    assert!(
        sources[0].ends_with(&format!("target/release/{exe}")),
        "the runtime stage copies {} instead of the release build of {exe}",
        sources[0]
    );
    if dest.ends_with('/') {
        format!("{dest}{exe}")
    } else {
        dest
    }
}

/// The runtime stage's `COPY data <dest>`: the repository directory and where it lands.
fn shipped_data(stage: &Stage) -> (PathBuf, String) {
    let (_, sources, dest) = stage
        .copies()
        .into_iter()
        .find(|(flags, sources, _)| {
            !flags.contains_key("from") && sources.iter().any(|s| s.trim_end_matches('/') == "data")
        })
        .expect("the runtime stage does not copy data/ into the image");
    assert_eq!(sources.len(), 1, "{sources:?}");
    (repo().join("data"), dest.trim_end_matches('/').to_string())
}

#[test]
fn the_runtime_stage_has_no_shell_so_every_command_is_in_exec_form() {
    let stage = runtime();
    assert!(
        stage.all("RUN").next().is_none(),
        "the runtime image has no shell to RUN anything"
    );
    // each panics with the offending text unless it is a JSON array
    exec_form(&stage.last("ENTRYPOINT").rest);
    exec_form(&stage.last("CMD").rest);
    healthcheck_command(&stage);
}

#[test]
fn the_entrypoint_is_the_release_binary_the_build_stage_compiles() {
    let stages = stages();
    let stage = stages.last().unwrap();
    let path = binary_path_in_image(stage, &stages);
    assert_eq!(container_command(stage)[0], path);
    assert_eq!(healthcheck_command(stage)[0], path);
}

#[test]
fn the_command_and_every_flag_it_passes_are_accepted_by_the_binary() {
    let stage = runtime();
    for words in [container_command(&stage), healthcheck_command(&stage)] {
        let (sub, flags) = subcommand_and_flags(&words);
        let help = help(&sub);
        for flag in flags {
            assert!(
                help.contains(&format!("{flag} ")),
                "`itucal {sub}` has no flag {flag}: {help}"
            );
        }
    }
}

#[test]
fn every_variable_the_image_sets_is_one_the_served_command_reads() {
    let stage = runtime();
    let (sub, _) = subcommand_and_flags(&container_command(&stage));
    let help = help(&sub);
    let env = stage.env();
    assert!(!env.is_empty(), "the runtime stage sets no ENV");
    for name in env.keys() {
        assert!(
            help.contains(&format!("[env: {name}=")),
            "`itucal {sub}` does not read {name}: {help}"
        );
    }
}

#[test]
fn the_health_check_needs_no_arguments_because_it_reads_the_bind_address_from_the_environment() {
    let stage = runtime();
    let (sub, flags) = subcommand_and_flags(&healthcheck_command(&stage));
    assert_eq!(sub, "healthcheck");
    assert!(flags.is_empty(), "{flags:?}");
    assert!(help(&sub).contains("[env: ITUCAL_BIND="));
}

#[test]
fn the_data_directory_in_the_environment_is_where_the_data_is_copied() {
    let stage = runtime();
    let (_, dest) = shipped_data(&stage);
    let env = stage.env();
    let data = env
        .get("ITUCAL_DATA")
        .expect("the image sets no ITUCAL_DATA");
    assert_eq!(data.trim_end_matches('/'), dest);
    assert!(dest.starts_with('/'), "{dest} is not absolute");
}

#[test]
fn the_shipped_data_directory_passes_check() {
    let (dir, _) = shipped_data(&runtime());
    let out = itucal().arg("check").arg(&dir).output().unwrap();
    assert!(
        out.status.success(),
        "itucal check {}:\n{}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_exposed_port_is_the_port_bound_on_every_interface() {
    let stage = runtime();
    let bind = image_bind(&stage);
    assert!(
        bind.ip().is_unspecified(),
        "ITUCAL_BIND={bind} is not reachable from outside the container"
    );
    let exposed: Vec<u16> = stage
        .all("EXPOSE")
        .flat_map(|i| {
            i.rest
                .split_whitespace()
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .map(|p| p.trim_end_matches("/tcp").parse().unwrap())
        .collect();
    assert_eq!(exposed, [bind.port()]);
}

#[test]
fn the_container_runs_as_a_numeric_user_that_is_not_root() {
    let stage = runtime();
    let user = &stage.last("USER").rest;
    let (uid, gid) = user.split_once(':').unwrap_or((user, ""));
    // numeric, so that an orchestrator's "run as non-root" check can verify it
    let uid: u32 = uid
        .parse()
        .unwrap_or_else(|_| panic!("USER {user} is not numeric"));
    assert_ne!(uid, 0, "USER {user} is root");
    if !gid.is_empty() {
        assert_ne!(gid, "0", "USER {user} has the root group");
    }
}

#[test]
fn every_base_image_is_pinned_by_a_tag_or_digest() {
    for stage in stages() {
        let image = &stage.image;
        let last = image.rsplit('/').next().unwrap();
        assert!(
            image.contains('@') || last.contains(':'),
            "FROM {image} has no tag"
        );
        assert!(!image.ends_with(":latest"), "FROM {image} is not pinned");
    }
}

/// `.dockerignore` rules (pattern, excludes?), in order; the last match wins.
fn dockerignore() -> Vec<(String, bool)> {
    let text = std::fs::read_to_string(repo().join(".dockerignore")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.strip_prefix('!') {
            Some(p) => (p.trim_matches('/').to_string(), false),
            None => (l.trim_matches('/').to_string(), true),
        })
        .collect()
}

/// Glob match of one path segment (`*` and `?`).
fn segment_matches(pattern: &[u8], name: &[u8]) -> bool {
    match (pattern.first(), name.first()) {
        (None, None) => true,
        (Some(b'*'), _) => {
            segment_matches(&pattern[1..], name)
                || (!name.is_empty() && segment_matches(pattern, &name[1..]))
        }
        (Some(b'?'), Some(_)) => segment_matches(&pattern[1..], &name[1..]),
        (Some(p), Some(n)) if p == n => segment_matches(&pattern[1..], &name[1..]),
        _ => false,
    }
}

/// Whether `path` (relative, `/`-separated) is in the build context: a rule that matches the
/// path or one of its parent directories applies to it.
fn in_context(rules: &[(String, bool)], path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').collect();
    let mut excluded = false;
    for (pattern, excludes) in rules {
        let pat: Vec<&str> = pattern.split('/').collect();
        let hit = pat.len() <= segments.len()
            && pat
                .iter()
                .zip(&segments)
                .all(|(p, s)| segment_matches(p.as_bytes(), s.as_bytes()));
        if hit {
            excluded = *excludes;
        }
    }
    !excluded
}

/// Every file under `path` (or `path` itself), relative to the repository.
fn files_under(path: &Path) -> Vec<String> {
    if path.is_dir() {
        let mut all = Vec::new();
        for entry in std::fs::read_dir(path).unwrap() {
            all.extend(files_under(&entry.unwrap().path()));
        }
        all
    } else {
        let rel = path.strip_prefix(repo()).unwrap();
        vec![rel.to_str().unwrap().replace('\\', "/")]
    }
}

/// Every file `include_str!`/`include_bytes!` pulls into the crate, relative to the repository.
fn compile_time_includes() -> Vec<String> {
    let mut found = Vec::new();
    for file in files_under(&repo().join("src")) {
        if !file.ends_with(".rs") {
            continue;
        }
        let text = std::fs::read_to_string(repo().join(&file)).unwrap();
        for marker in ["include_str!(\"", "include_bytes!(\""] {
            for (at, _) in text.match_indices(marker) {
                let arg = &text[at + marker.len()..];
                let arg = &arg[..arg.find('"').unwrap()];
                let dir = repo().join(&file).parent().unwrap().to_path_buf();
                let mut resolved = PathBuf::new();
                for part in dir.join(arg).components() {
                    match part {
                        std::path::Component::ParentDir => {
                            resolved.pop();
                        }
                        other => resolved.push(other),
                    }
                }
                let rel = resolved
                    .strip_prefix(repo())
                    .unwrap_or_else(|_| panic!("{file} includes {arg}, outside the repository"));
                found.push(rel.to_str().unwrap().to_string());
            }
        }
    }
    found
}

#[test]
fn everything_the_build_and_the_image_need_is_in_the_build_context_and_copied() {
    let rules = dockerignore();
    let stages = stages();
    let mut copied = Vec::new();
    for stage in &stages {
        for (flags, sources, _) in stage.copies() {
            if flags.contains_key("from") {
                continue;
            }
            for source in sources {
                let source = source.trim_end_matches('/').to_string();
                let path = repo().join(&source);
                assert!(
                    path.exists(),
                    "COPY {source}: no such file in the repository"
                );
                for file in files_under(&path) {
                    assert!(
                        in_context(&rules, &file),
                        "{file} is copied but .dockerignore leaves it out of the build context"
                    );
                }
                copied.push(source);
            }
        }
    }
    let mut needed: Vec<String> = ["Cargo.toml", "Cargo.lock", "src", "build.rs"]
        .into_iter()
        .filter(|p| repo().join(p).exists())
        .map(String::from)
        .collect();
    needed.extend(compile_time_includes());
    for need in needed {
        assert!(
            copied
                .iter()
                .any(|c| need == *c || need.starts_with(&format!("{c}/"))),
            "the build needs {need} but no COPY puts it into the image (copied: {copied:?})"
        );
    }
}

/// A child process killed on drop.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Runs a container command line (`words`, with the image's binary path) with the image's
/// environment `env`, in an empty working directory and temp directory.
fn run_like_the_image(words: &[String], env: &BTreeMap<String, String>, dirs: &Path) -> Command {
    let mut cmd = itucal();
    cmd.args(&words[1..])
        .envs(env)
        .current_dir(dirs.join("cwd"))
        .env("TMPDIR", dirs.join("tmp"));
    cmd
}

#[test]
fn the_container_command_serves_the_shipped_data_and_its_health_check_follows_it() {
    let stage = runtime();
    let (data, _) = shipped_data(&stage);
    let scratch = tempfile::tempdir().unwrap();
    for d in ["cwd", "tmp"] {
        std::fs::create_dir(scratch.path().join(d)).unwrap();
    }
    let data_before = files_under(&data);

    // the image's environment, with the data where this repository has it and a free loopback
    // port instead of 0.0.0.0:8080 (tests bind loopback only)
    let mut env = stage.env();
    env.insert("ITUCAL_DATA".into(), data.to_str().unwrap().into());
    env.insert("ITUCAL_BIND".into(), "127.0.0.1:0".into());
    let mut child = run_like_the_image(&container_command(&stage), &env, scratch.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Running(child);
    let mut lines = BufReader::new(stdout).lines();
    let addr: SocketAddr = loop {
        let line = lines
            .next()
            .expect("the container command exited without serving")
            .unwrap();
        if let Some(rest) = line.strip_prefix("serving on http://") {
            break rest.split([';', ',']).next().unwrap().parse().unwrap();
        }
    };
    std::thread::spawn(move || lines.for_each(drop));

    // the health check as the image runs it: the image's ITUCAL_BIND (every interface) with the
    // port actually bound, which it must turn into a loopback probe
    let mut hc_env = stage.env();
    let mut image_addr = image_bind(&stage);
    image_addr.set_port(addr.port());
    hc_env.insert("ITUCAL_BIND".into(), image_addr.to_string());
    let hc = healthcheck_command(&stage);
    let status = run_like_the_image(&hc, &hc_env, scratch.path())
        .status()
        .unwrap();
    assert!(
        status.success(),
        "HEALTHCHECK failed against a running server"
    );

    drop(server);
    let status = run_like_the_image(&hc, &hc_env, scratch.path())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(!status.success(), "HEALTHCHECK passed with no server");

    // nothing written anywhere it could write: the image's root file system can be read-only
    for d in ["cwd", "tmp"] {
        let left: Vec<_> = std::fs::read_dir(scratch.path().join(d)).unwrap().collect();
        assert!(left.is_empty(), "serving wrote into its {d}: {left:?}");
    }
    assert_eq!(
        files_under(&data),
        data_before,
        "serving changed the data directory"
    );
}
