//! The organisation tree: a new organisation takes its kind from its parent (none: a region),
//! and a municipality names its official municipality code.

use brygga_domain::model::OrgKind;
use brygga_domain::{FieldError, FieldErrors};
use brygga_store::Actor;
use serde::Deserialize;

use crate::{App, Error, Result};

/// A new organisation as typed.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct OrgDraft {
    pub name: String,
    /// Empty for a region.
    pub parent_id: String,
    /// Only for a municipality.
    pub municipality_code: String,
}

/// Create an organisation under the chosen parent; returns its id.
pub async fn create(app: &App, actor: &Actor, draft: &OrgDraft) -> Result<i32> {
    let invalid = |field: &str, key: &'static str| {
        Error::Invalid(FieldErrors(vec![FieldError::new(field, key)]))
    };
    let parent = match draft.parent_id.trim() {
        "" => None,
        typed => {
            let id = typed
                .parse::<i32>()
                .map_err(|_| invalid("parent_id", "error-org-parent"))?;
            let parent = app
                .store
                .orgs(actor)
                .await?
                .into_iter()
                .find(|o| o.id == id)
                .ok_or_else(|| invalid("parent_id", "error-org-parent"))?;
            Some(parent)
        }
    };
    let kind = match &parent {
        None => OrgKind::Region,
        Some(p) => p
            .kind
            .child_kind()
            .ok_or_else(|| invalid("parent_id", "error-org-parent"))?,
    };
    let municipality = if kind.has_municipality_code() {
        Some(
            app.refdata
                .parse_municipality("municipality_code", &draft.municipality_code)
                .map_err(|e| Error::Invalid(FieldErrors(vec![e])))?,
        )
    } else {
        None
    };
    Ok(app
        .store
        .org_create(
            actor,
            kind,
            &draft.name,
            parent.map(|p| p.id),
            municipality.as_deref(),
        )
        .await?)
}
