//! The organisation tree (region → municipality → programme → cohort), for administrators.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use brygga_domain::policy::{Action, Resource};
use brygga_store::org::Organisation;

use brygga_domain::model::OrgKind;

use crate::AppState;
use crate::http::{Chrome, Errors, Lists, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/organisations", get(org_list).post(org_create))
}

/// An organisation with its depth in the tree, for an indented list.
pub struct OrgRow {
    pub org: Organisation,
    pub depth: usize,
}

/// The tree in display order: each organisation followed by its children.
pub(crate) fn tree(orgs: Vec<Organisation>) -> Vec<OrgRow> {
    fn walk(all: &[Organisation], parent: Option<i32>, depth: usize, out: &mut Vec<OrgRow>) {
        for o in all.iter().filter(|o| o.parent_id == parent) {
            out.push(OrgRow {
                org: o.clone(),
                depth,
            });
            // The tree is four levels deep; the bound guards against bad data.
            if depth < 8 {
                walk(all, Some(o.id), depth + 1, out);
            }
        }
    }
    let mut out = vec![];
    walk(&orgs, None, 0, &mut out);
    out
}

pub(crate) fn org_name(orgs: &[Organisation], id: &i32) -> String {
    orgs.iter()
        .find(|o| o.id == *id)
        .map(|o| o.name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// The form for a new organisation (the use case's draft, as typed).
pub type OrgForm = brygga_app::org::OrgDraft;

#[derive(Template, WebTemplate)]
#[template(path = "organisation/list.html")]
struct OrgPage {
    chrome: Chrome,
    lists: Lists,
    orgs: Vec<OrgRow>,
    form: OrgForm,
    errors: Errors,
    can_create: bool,
}

crate::http::page_chrome!(OrgPage);

async fn org_page(
    s: &AppState,
    st: Staff,
    form: OrgForm,
    errors: Errors,
) -> Result<Response, WebError> {
    let orgs = tree(s.store.orgs(&st.actor).await?);
    let status = form_status(&errors);
    let can_create = st.actor.may(Action::Create, Resource::Organisation);
    let lists = Lists::of(s);
    Ok((
        status,
        OrgPage {
            chrome: st.chrome,
            lists,
            orgs,
            form,
            errors,
            can_create,
        },
    )
        .into_response())
}

async fn org_list(State(s): State<AppState>, st: Staff) -> Result<Response, WebError> {
    org_page(&s, st, OrgForm::default(), Errors::default()).await
}

/// A new organisation: its kind follows from the parent (none: a region).
async fn org_create(
    State(s): State<AppState>,
    st: Staff,
    Form(form): Form<OrgForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Organisation)?;
    match brygga_app::org::create(&s, &st.actor, &form).await {
        Ok(_) => Ok(Redirect::to("/admin/organisations").into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            org_page(&s, st, form, errors).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(id: i32, parent: Option<i32>) -> Organisation {
        Organisation {
            id,
            kind: OrgKind::Region,
            name: format!("o{id}"),
            parent_id: parent,
            municipality_code: None,
            created_at: chrono::Utc::now(),
        }
    }

    #[test]
    fn the_tree_lists_children_under_their_parents() {
        let rows = tree(vec![
            org(1, None),
            org(3, Some(2)),
            org(2, Some(1)),
            org(4, Some(1)),
            org(5, None),
        ]);
        let order: Vec<(i32, usize)> = rows.iter().map(|r| (r.org.id, r.depth)).collect();
        assert_eq!(order, vec![(1, 0), (2, 1), (3, 2), (4, 1), (5, 0)]);
    }
}
