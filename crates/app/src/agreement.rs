//! Agreements: the document generated from the parties' data through the renderer and kept as
//! the agreement's file.

use brygga_store::Actor;
use brygga_store::files::Upload;

use crate::{App, Error, Result};

/// Generate the agreement's PDF from its current data and attach it (the agreement read at
/// `version`; a stale version is a conflict).
pub async fn generate(app: &App, actor: &Actor, id: i32, version: i32) -> Result<()> {
    let doc = app.store.agreement_document(actor, id).await?;
    let renderer = app.renderer.clone();
    let pdf = tokio::task::spawn_blocking(move || renderer.agreement_pdf(&doc))
        .await
        .map_err(|e| Error::Internal(e.to_string()))?
        .map_err(|e| Error::Internal(e.to_string()))?;
    let upload = Upload {
        filename: format!("avtal-{id}.pdf"),
        bytes: pdf.into(),
    };
    app.store
        .agreement_attach_generated(&app.files, actor, id, version, &upload)
        .await?;
    Ok(())
}
