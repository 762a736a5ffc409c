//! `GET /healthz`: whether the service has good data, which version it serves, the problems
//! of a refused reload (status `degraded` until the data is fixed), and the events whose data
//! has moved past the lock file (`warnings`: served, but not yet locked and reviewed).

use crate::web::AppState;
use actix_web::{HttpResponse, web};

/// Status and counts of the data being served.
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let snap = state.store.snapshot();
    let c = snap.catalog();
    let problems = state.store.problems();
    let status = if problems.is_empty() {
        "ok"
    } else {
        "degraded"
    };
    HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(serde_json::json!({
            "status": status,
            "meetings": c.meetings.len(),
            "events": c.event_count(),
            "groups": c.groups.len(),
            "data_version": snap.version(),
            "last_modified": snap.last_modified().to_rfc3339(),
            "errors": problems,
            "warnings": snap
                .stale()
                .iter()
                .map(|o| format!("lock is stale: {o}; run `itucal lock`"))
                .collect::<Vec<_>>(),
        }))
}
