//! The JSON API under /api/v1: the same records and the same policy as the pages, bearer-token
//! authentication, and an OpenAPI 3 document generated from the handlers in each feature's
//! `api` module.

use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::http::{ApiErrorBody, ApiFieldError};

#[derive(OpenApi)]
#[openapi(
    info(title = "Brygga API", version = "1", description = "The records of Brygga: participants, employers, placements, rankings, portal interests, proposals, interviews, eligibility and decisions, agreements and journeys. Authenticate with `Authorization: Bearer <token>` (create one with `brygga token create`)."),
    components(schemas(ApiFieldError, ApiErrorBody)),
    servers((url = "/api/v1")),
    modifiers(&BearerAuth),
    security(("bearer" = []))
)]
struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(
            crate::participant::api::participant_list,
            crate::participant::api::participant_create
        ))
        .routes(routes!(
            crate::participant::api::participant_get,
            crate::participant::api::participant_update,
            crate::participant::api::participant_delete
        ))
        .routes(routes!(
            crate::participant::api::exit_get,
            crate::participant::api::exit_put,
            crate::participant::api::exit_delete
        ))
        .routes(routes!(
            crate::outcome::api::outcomes_get,
            crate::outcome::api::outcome_create
        ))
        .routes(routes!(crate::survey::api::survey_send))
        .routes(routes!(
            crate::gain::api::gain_values,
            crate::gain::api::gain_value_create
        ))
        .routes(routes!(
            crate::gain::api::gain_value_update,
            crate::gain::api::gain_value_delete
        ))
        .routes(routes!(crate::evaluation::evaluation_export))
        .routes(routes!(crate::dashboard::indicators))
        .routes(routes!(
            crate::dashboard::project_get,
            crate::dashboard::project_put
        ))
        .routes(routes!(crate::dashboard::goal_create))
        .routes(routes!(crate::dashboard::goal_delete))
        .routes(routes!(crate::dashboard::esf_report_api))
        .routes(routes!(
            crate::gain::api::gain_get,
            crate::gain::api::gain_settings_put
        ))
        .routes(routes!(
            crate::survey::api::survey_get,
            crate::survey::api::survey_answer
        ))
        .routes(routes!(
            crate::employer::api::employer_list,
            crate::employer::api::employer_create
        ))
        .routes(routes!(
            crate::employer::api::employer_get,
            crate::employer::api::employer_update
        ))
        .routes(routes!(
            crate::placement::api::placement_list,
            crate::placement::api::placement_create
        ))
        .routes(routes!(
            crate::placement::api::placement_get,
            crate::placement::api::placement_update,
            crate::placement::api::placement_delete
        ))
        .routes(routes!(crate::matching::api::placement_candidates))
        .routes(routes!(crate::matching::api::participant_suggestions))
        .routes(routes!(crate::matching::api::participant_near_misses))
        .routes(routes!(crate::matching::api::candidate_propose))
        .routes(routes!(
            crate::course::api::course_list,
            crate::course::api::course_create
        ))
        .routes(routes!(
            crate::course::api::course_get,
            crate::course::api::course_update
        ))
        .routes(routes!(
            crate::course::api::session_list,
            crate::course::api::session_create
        ))
        .routes(routes!(
            crate::course::api::enrolment_list,
            crate::course::api::enrolment_create
        ))
        .routes(routes!(crate::course::api::enrolment_update))
        .routes(routes!(
            crate::course::api::attendance_get,
            crate::course::api::attendance_put
        ))
        .routes(routes!(
            crate::course::api::note_list,
            crate::course::api::note_create
        ))
        .routes(routes!(crate::inbox::api::interest_list))
        .routes(routes!(
            crate::inbox::api::interest_get,
            crate::inbox::api::interest_update
        ))
        .routes(routes!(
            crate::pool::api::pool_get,
            crate::pool::api::proposal_create
        ))
        .routes(routes!(crate::pool::api::proposal_get))
        .routes(routes!(crate::pool::api::proposal_status))
        .routes(routes!(crate::interview::api::interview_book))
        .routes(routes!(crate::interview::api::interview_get))
        .routes(routes!(crate::interview::api::placement_interviews))
        .routes(routes!(crate::interview::api::interview_outcome))
        .routes(routes!(crate::interview::api::interview_cancel))
        .routes(routes!(crate::clearance::api::clearance_get))
        .routes(routes!(crate::clearance::api::confirmation_create))
        .routes(routes!(crate::clearance::api::decision_create))
        .routes(routes!(crate::agreement::api::agreement_get))
        .routes(routes!(crate::agreement::api::employer_agreements))
        .routes(routes!(crate::agreement::api::participant_agreements))
        .routes(routes!(
            crate::journey::api::journey_get,
            crate::journey::api::journey_move
        ))
        .routes(routes!(crate::journey::api::checkpoint_confirm))
        .routes(routes!(crate::user::api::invitation_create))
        .routes(routes!(
            crate::user::api::user_get,
            crate::user::api::user_update
        ))
        .routes(routes!(
            crate::schedule::api::schedule_get,
            crate::schedule::api::entry_create
        ))
        .routes(routes!(
            crate::schedule::api::entry_update,
            crate::schedule::api::entry_delete
        ))
        .routes(routes!(
            crate::schedule::api::absences_of,
            crate::schedule::api::absence_create
        ))
        .routes(routes!(crate::schedule::api::absences_recent))
        .routes(routes!(
            crate::internship::api::participant_internships,
            crate::internship::api::internship_create
        ))
        .routes(routes!(crate::internship::api::internship_get))
        .routes(routes!(crate::internship::api::internship_end))
        .routes(routes!(
            crate::event::api::event_list,
            crate::event::api::event_create
        ))
        .routes(routes!(crate::event::api::event_get))
        .routes(routes!(crate::event::api::session_create))
        .routes(routes!(crate::event::api::registration_create))
        .routes(routes!(crate::event::api::register_self))
        .routes(routes!(crate::event::api::registration_cancel))
        .routes(routes!(crate::event::api::invitations_create))
        .routes(routes!(crate::event::api::attendance_put))
        .routes(routes!(
            crate::event::api::staff_register,
            crate::event::api::person_create
        ))
        .routes(routes!(crate::event::api::fair_employer_add))
        .routes(routes!(crate::event::api::timetable_generate))
        .routes(routes!(crate::event::api::timetable_send))
        .routes(routes!(crate::event::api::meeting_move))
        .routes(routes!(crate::event::api::wish_put))
        .routes(routes!(
            crate::certificate::api::certificate_list,
            crate::certificate::api::certificate_issue
        ))
        .routes(routes!(crate::certificate::api::certificate_revoke))
        .routes(routes!(crate::certificate::api::certificate_credential))
        .routes(routes!(crate::certificate::api::credential_verify))
        .routes(routes!(
            crate::lesson::api::lesson_list,
            crate::lesson::api::lesson_create
        ))
        .routes(routes!(crate::lesson::api::lesson_update))
        .routes(routes!(crate::learning::api::checklist_get))
        .routes(routes!(crate::learning::api::checklist_draw))
        .routes(routes!(crate::learning::api::criterion_create))
        .routes(routes!(crate::learning::api::comment_create))
        .routes(routes!(crate::learning::api::template_put))
        .routes(routes!(crate::learning::api::tick_create))
        .routes(routes!(
            crate::learning::api::log_get,
            crate::learning::api::entry_create
        ))
        .routes(routes!(crate::learning::api::assessments_get))
        .routes(routes!(crate::learning::api::assessment_put))
        .routes(routes!(
            crate::learning::api::plan_get,
            crate::learning::api::step_create
        ))
        .routes(routes!(
            crate::meeting::api::meeting_list,
            crate::meeting::api::meeting_book
        ))
        .routes(routes!(
            crate::meeting::api::meeting_get,
            crate::meeting::api::meeting_move
        ))
        .routes(routes!(crate::meeting::api::meeting_cancel))
        .routes(routes!(crate::meeting::api::note_add))
        .routes(routes!(crate::meeting::api::action_add))
        .routes(routes!(crate::meeting::api::action_done))
        .routes(routes!(
            crate::caselog::api::caselog_get,
            crate::caselog::api::caselog_add
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document() -> serde_json::Value {
        let (_, doc) = router().split_for_parts();
        serde_json::to_value(doc).unwrap_or_default()
    }

    #[test]
    fn openapi_document_lists_every_route_with_bearer_auth() {
        let doc = document();
        let paths = doc["paths"]
            .as_object()
            .map(|p| p.keys().cloned().collect::<Vec<_>>())
            .unwrap_or_default();
        for p in [
            "/participants",
            "/participants/{id}",
            "/employers",
            "/employers/{id}",
            "/placements",
            "/placements/{id}",
        ] {
            assert!(paths.iter().any(|k| k == p), "{p} missing from {paths:?}");
        }
        assert_eq!(
            doc["components"]["securitySchemes"]["bearer"]["scheme"],
            "bearer"
        );
        assert!(
            doc["components"]["schemas"]["ParticipantDraft"]["properties"]["personnummer"]
                .is_object()
        );
    }

    #[test]
    fn openapi_document_snapshot() {
        insta::assert_json_snapshot!(document());
    }
}
