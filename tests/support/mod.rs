//! Test support shared by the integration test binaries: the real `itucal` binary on a free
//! loopback port, and plain HTTP/1.1 requests to it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A response: status code, headers (lowercase names) and body.
#[allow(dead_code)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

#[allow(dead_code)]
impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The real binary serving `dir` on a free loopback port; stopped on drop.
pub struct Server {
    child: Child,
    addrs: Vec<SocketAddr>,
}

#[allow(dead_code)]
impl Server {
    pub fn start(dir: &Path) -> Server {
        Server::start_with(dir, &[])
    }

    /// Starts the binary with extra `serve` arguments.
    pub fn start_with(dir: &Path, extra: &[&str]) -> Server {
        Server::spawn(dir, extra, None)
    }

    /// Starts the binary and copies everything it prints after start-up into `log`.
    pub fn start_logging(dir: &Path, extra: &[&str], log: &Path) -> Server {
        Server::start_filtered(dir, extra, log, "info")
    }

    /// As [`Server::start_logging`], with `RUST_LOG` set to `filter`.
    pub fn start_filtered(dir: &Path, extra: &[&str], log: &Path, filter: &str) -> Server {
        Server::spawn(dir, extra, Some((log.to_path_buf(), filter)))
    }

    fn spawn(dir: &Path, extra: &[&str], log: Option<(std::path::PathBuf, &str)>) -> Server {
        let filter = log.as_ref().map_or("warn", |(_, f)| *f);
        let log = log.map(|(p, _)| p);
        let mut child = Command::new(env!("CARGO_BIN_EXE_itucal"))
            .args(["serve", "--bind", "127.0.0.1:0", "--data"])
            .arg(dir)
            .args(extra)
            .env("RUST_LOG", filter)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let addrs = loop {
            let line = lines.next().expect("server exited").unwrap();
            if let Some(rest) = line.strip_prefix("serving on ") {
                break rest
                    .split(';')
                    .next()
                    .unwrap()
                    .split(", ")
                    .map(|a| a.trim_start_matches("http://").parse().unwrap())
                    .collect();
            }
        };
        // keep draining stdout so the server never blocks on a full pipe
        std::thread::spawn(move || {
            let mut file = log.map(|p| std::fs::File::create(p).unwrap());
            for line in lines.map_while(Result::ok) {
                if let Some(f) = file.as_mut() {
                    let _ = writeln!(f, "{line}");
                }
            }
        });
        Server { child, addrs }
    }

    /// Every address it listens on.
    pub fn addrs(&self) -> &[SocketAddr] {
        &self.addrs
    }

    /// Sends a signal (`HUP`, `TERM`) to the server process.
    pub fn signal(&self, name: &str) {
        let ok = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
        assert!(ok.success());
    }

    /// Waits up to `limit` for the process to exit.
    pub fn wait(&mut self, limit: std::time::Duration) -> Option<std::process::ExitStatus> {
        let start = std::time::Instant::now();
        while start.elapsed() < limit {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        None
    }

    /// The body of a GET (panics unless 200).
    pub fn get(&self, uri: &str) -> String {
        let r = self.request("GET", uri, &[]);
        assert_eq!(r.status, 200, "{uri}: {}", r.body);
        r.body
    }

    /// Sends one request with extra headers to the first address and reads the whole response.
    pub fn request(&self, method: &str, uri: &str, headers: &[(&str, &str)]) -> Response {
        send(self.addrs[0], method, uri, headers)
    }

    /// A request to one of the addresses.
    pub fn request_at(&self, addr: &SocketAddr, method: &str, uri: &str) -> Response {
        send(*addr, method, uri, &[])
    }
}

/// One HTTP/1.1 request on a fresh connection.
fn send(addr: SocketAddr, method: &str, uri: &str, headers: &[(&str, &str)]) -> Response {
    let mut s = TcpStream::connect(addr).unwrap();
    let mut req = format!("{method} {uri} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8(raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.to_ascii_lowercase(), v.to_string()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_string(),
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
