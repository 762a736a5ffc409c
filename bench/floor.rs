//! `floor --bind ADDR BODY_FILE ETAG`: the least an actix-web server can do for the HTTP cases of
//! bench/httpbench.py, as a floor to read itucal's numbers against. One route, `GET /{name}`:
//! a 304 with the ETag when `If-None-Match` is sent (any value), else a 200 with the file's bytes
//! and the calendar content type. No routing table, data, cache, logging, metrics or request id;
//! actix-web's defaults otherwise (one worker per core, as `itucal serve`).
//!
//! What itucal adds to a request is what separates its numbers from these; what separates these
//! from nginx's is the framework itself.
//!
//! A `[[bench]]` target with `harness = false`, like bench/feed.rs: bench/run builds it with
//! `cargo bench --bench floor --no-run`. Run by `cargo bench` or `cargo test` (without `--bind`),
//! it does nothing.

use actix_web::http::header::{self, HeaderValue};
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};

struct Body {
    bytes: web::Bytes,
    etag: HeaderValue,
}

async fn answer(req: HttpRequest, body: web::Data<Body>) -> HttpResponse {
    if req.headers().contains_key(header::IF_NONE_MATCH) {
        let mut res = HttpResponse::NotModified().finish();
        res.headers_mut().insert(header::ETAG, body.etag.clone());
        return res;
    }
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/calendar; charset=utf-8"))
        .insert_header((header::ETAG, body.etag.clone()))
        .body(body.bytes.clone())
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [flag, bind, file, etag] = args.as_slice() else {
        eprintln!(
            "floor: usage: floor --bind ADDR BODY_FILE ETAG (nothing to do under cargo bench)"
        );
        return Ok(());
    };
    if flag != "--bind" {
        eprintln!("floor: usage: floor --bind ADDR BODY_FILE ETAG");
        std::process::exit(2);
    }
    let body = web::Data::new(Body {
        bytes: std::fs::read(file)?.into(),
        etag: HeaderValue::from_str(etag).map_err(std::io::Error::other)?,
    });
    let bind = bind.clone();
    actix_web::rt::System::new().block_on(async move {
        HttpServer::new(move || {
            App::new()
                .app_data(body.clone())
                .route("/{name}", web::get().to(answer))
        })
        .bind(bind)?
        .run()
        .await
    })
}
