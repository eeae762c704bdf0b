//! Stored files (generated and signed agreements), served only to those who may read the record
//! they belong to.

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::AppState;
use crate::http::{Id, Staff, WebError};

pub fn router() -> Router<AppState> {
    Router::new().route("/files/{id}", get(file_download))
}

async fn file_download(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    let (f, bytes) = s.store.file_get(&s.files, &st.actor, id).await?;
    Ok(download(&f.content_type, &f.filename, bytes))
}

/// A generated file to download under its name, never cached.
pub(crate) fn download(
    content_type: &str,
    filename: &str,
    bytes: impl Into<axum::body::Body>,
) -> Response {
    let body: axum::body::Body = bytes.into();
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, content_disposition(filename)),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

/// `attachment` with the name as uploaded: a plain ASCII fallback and the UTF-8 name
/// percent-encoded (RFC 6266 / 5987), so that "avtal-Åsa.pdf" downloads under its own name.
fn content_disposition(filename: &str) -> String {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c == ' ' || (c.is_ascii_graphic() && c != '"' && c != '\\') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = filename
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn downloads_keep_their_names() {
        assert_eq!(
            content_disposition("avtal-Åsa \"x\".pdf"),
            "attachment; filename=\"avtal-_sa _x_.pdf\"; filename*=UTF-8''avtal-%C3%85sa%20%22x%22.pdf"
        );
    }
}
