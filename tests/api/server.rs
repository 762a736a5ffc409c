//! Through a real socket: what only the HTTP/1.1 server does (HEAD without a body).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};

fn spawn_app() -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let state = crate::helpers::state(&crate::helpers::seed_dir());
    std::thread::spawn(move || {
        actix_web::rt::System::new()
            .block_on(itucal::web::run(vec![listener], state))
            .unwrap();
    });
    addr
}

fn raw(addr: std::net::SocketAddr, request: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn head_sends_the_headers_and_no_body() {
    let addr = spawn_app();
    let get = raw(
        addr,
        "GET /feeds/all.ics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    let head = raw(
        addr,
        "HEAD /feeds/all.ics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    let (get_head, get_body) = get.split_once("\r\n\r\n").unwrap();
    let (head_head, head_body) = head.split_once("\r\n\r\n").unwrap();
    assert!(head_head.starts_with("HTTP/1.1 200 OK"));
    assert!(get_body.starts_with("BEGIN:VCALENDAR"));
    assert_eq!(head_body, "");
    let len = |h: &str| {
        h.lines()
            .find_map(|l| l.strip_prefix("content-length: "))
            .map(str::to_string)
    };
    assert_eq!(len(head_head), len(get_head));
    assert_eq!(len(get_head), Some(get_body.len().to_string()));
}
