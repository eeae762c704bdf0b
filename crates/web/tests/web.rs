//! The web crate's integration tests: the real server on port 0 against a fresh database loaded
//! with the demo data, driven over HTTP the way a browser or an API client would (and, in one
//! test, by a real headless chromium). Each test reads like a user's story and checks what that
//! user would see.
//!
//! Every story runs on SQLite and, when `BRYGGA_TEST_POSTGRES` holds a server URL (`.ci/run`
//! sets it), on PostgreSQL: `both!` from the test kit makes `<story>::sqlite` and
//! `<story>::postgres`, each on its own copy of the demo.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::time::Duration;

use brygga_domain::model::Role;
use brygga_domain::refdata::RefData;
use brygga_domain::registry::{
    EmployerDraft, LanguageSkill, ParticipantDraft, PlacementDraft, UnitDraft,
};
use brygga_store::Actor;
use brygga_testkit::web::{TestApp, spawn_app, spawn_app_with_mail, spawn_app_with_xlsx_limit};
use brygga_testkit::{
    Backend, DEMO_PASSWORD, both, org_number, personnummer, today, with_wrong_check_digit,
};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, LOCATION};
use serde_json::{Value, json};

// ====================================================================== the app under test
// The app itself (`spawn_app`, `TestApp`) comes from the test kit; here is how a browser or a
// client visits it.

/// Visiting the app under test the way a browser does.
trait Visit {
    /// A new browser-like visitor: its own cookie jar, redirects not followed (so that tests
    /// see the 303s).
    fn visitor(&self) -> Visitor;
    /// A visitor logged in as the demo user with `role`.
    async fn logged_in(&self, role: Role) -> Visitor;
}

impl Visit for TestApp {
    fn visitor(&self) -> Visitor {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(60))
            .build()
            .expect("http client");
        Visitor {
            base: self.url(""),
            client,
        }
    }

    async fn logged_in(&self, role: Role) -> Visitor {
        let v = self.visitor();
        let res = v.login(&self.email(role), DEMO_PASSWORD).await;
        assert_eq!(
            res.status(),
            StatusCode::SEE_OTHER,
            "demo login as {role} should work"
        );
        v
    }
}

// ====================================================================== a visitor with cookies

struct Visitor {
    base: String,
    client: reqwest::Client,
}

impl Visitor {
    async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    /// GET a page that must answer 200, and return its HTML.
    async fn page(&self, path: &str) -> String {
        let res = self.get(path).await;
        let status = res.status();
        let body = res.text().await.unwrap();
        assert_eq!(status, StatusCode::OK, "GET {path}:\n{body}");
        body
    }

    async fn post(&self, path: &str, fields: &[(String, String)]) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .form(fields)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path}: {e}"))
    }

    /// Submit a form the way a browser does: the CSRF token from the page the form is on, plus
    /// the given fields.
    async fn submit(
        &self,
        form_page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let html = self.page(form_page).await;
        let mut all = vec![("csrf".to_string(), csrf_of(&html))];
        all.extend(fields.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        self.post(action, &all).await
    }

    async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.submit(
            "/login",
            "/login",
            &[("email", email), ("password", password), ("next", "")],
        )
        .await
    }
}

/// The demo programme (the one its programme manager runs).
async fn demo_programme(app: &TestApp) -> i32 {
    let manager = app.actor(Role::ProgrammeManager).await;
    app.store
        .programmes_for(&manager)
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.kind == brygga_domain::model::OrgKind::Programme)
        .expect("the demo programme")
        .id
}

/// Every internship of the demo supervisor, ended ones too: (internship, participant, first
/// name).
async fn supervised_internships(app: &TestApp) -> Vec<(i32, i32, String)> {
    use sea_orm::{ConnectionTrait, Statement};
    let email = app.email(Role::Supervisor);
    let db = app.store.connection();
    let sql = format!(
        "SELECT i.id, i.participant_id, p.first_name FROM internships i \
         JOIN participants p ON p.id = i.participant_id \
         JOIN supervisors s ON s.id = i.supervisor_id \
         JOIN users u ON u.id = s.user_id \
         WHERE u.email = '{email}' ORDER BY i.id"
    );
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .iter()
        .map(|r| {
            (
                r.try_get("", "id").unwrap(),
                r.try_get("", "participant_id").unwrap(),
                r.try_get("", "first_name").unwrap(),
            )
        })
        .collect()
}

/// The demo supervisor's intern whose name starts with `name` (running, upcoming or ended):
/// (internship, participant).
async fn supervised_intern(app: &TestApp, name: &str) -> (i32, i32) {
    supervised_internships(app)
        .await
        .into_iter()
        .find(|i| i.2.starts_with(name))
        .map(|i| (i.0, i.1))
        .unwrap_or_else(|| panic!("the demo's intern {name}"))
}

fn location(res: &reqwest::Response) -> String {
    res.headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

fn csrf_of(html: &str) -> String {
    html::input_value(html, "csrf").expect("a csrf field on the page")
}

/// The id at the end of a `/participants/17` redirect.
fn id_from_location(res: &reqwest::Response) -> i32 {
    let loc = location(res);
    loc.rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no id in Location {loc:?}"))
}

// ====================================================================== test data

/// What a coordinator types into the new-participant form, field by field.
fn participant_fields(programme_id: &str, pnr: &str) -> Vec<(&'static str, String)> {
    vec![
        ("first_name", "Amira".into()),
        ("last_name", "Testdóttir-Öberg".into()),
        ("personnummer", pnr.into()),
        ("birth_year", pnr[..4].into()),
        ("gender", "female".into()),
        ("email", "amira.testdottir@example.org".into()),
        ("phone", "070-123 45 67".into()),
        ("municipality_code", "1480".into()),
        ("programme_id", programme_id.into()),
        ("swedish_level", "B1".into()),
        ("language", "arabiska".into()),
        ("language_level", "C2".into()),
        ("language", "engelska".into()),
        ("language_level", "B1".into()),
        ("sfi_level", "D".into()),
        ("education_level", "upper_secondary".into()),
        ("education_field", "Vård & omsorg <grund>".into()),
        ("education_country", "Syrien".into()),
        ("experience_occupation", "5321".into()),
        ("experience_years", "3".into()),
        ("experience_country", "Syrien".into()),
        ("skills", "kassa, \"truck\" & lager".into()),
        ("wished_occupation", "5321".into()),
        ("available_days", "mon".into()),
        ("available_days", "wed".into()),
        ("max_commute_km", "25".into()),
        ("driving_licence", "B".into()),
        ("special_needs", "Behöver hörslinga".into()),
        ("eligibility", "pending".into()),
        ("consents", "registry".into()),
        ("consents", "statistics".into()),
    ]
}

fn pairs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn participant_draft(programme_id: i32, first_name: &str, pnr: &str) -> ParticipantDraft {
    ParticipantDraft {
        programme_id: programme_id.to_string(),
        first_name: first_name.into(),
        last_name: "Apitestsson".into(),
        personnummer: pnr.into(),
        birth_year: if pnr.is_empty() {
            "1990".into()
        } else {
            pnr[..4].into()
        },
        municipality_code: "1480".into(),
        gender: "male".into(),
        swedish_level: "A2".into(),
        languages: vec![LanguageSkill {
            language: "tigrinja".into(),
            level: "C2".into(),
        }],
        available_days: vec!["mon".into(), "tue".into()],
        eligibility: "eligible".into(),
        consents: vec!["registry".into()],
        ..Default::default()
    }
}

fn employer_draft(name: &str, org: &str) -> EmployerDraft {
    EmployerDraft {
        name: name.into(),
        org_number: org.into(),
        sector: "private".into(),
        agreement_status: "draft".into(),
        units: vec![UnitDraft {
            id: Default::default(),
            name: "Lager".into(),
            address: "Testgatan 1".into(),
            municipality_code: "1480".into(),
        }],
        ..Default::default()
    }
}

fn placement_draft(employer_id: i32, ssyk: &str) -> PlacementDraft {
    PlacementDraft {
        employer_id: employer_id.to_string(),
        title: "Lagerpraktik".into(),
        ssyk_code: ssyk.into(),
        tasks: "Plock och pack".into(),
        min_swedish: "A2".into(),
        days_per_week: "4".into(),
        hours_per_week: "32".into(),
        municipality_code: "1480".into(),
        period_start: "2026-09-01".into(),
        period_end: "2026-12-18".into(),
        places: "2".into(),
        status: "draft".into(),
        ..Default::default()
    }
}

fn replace(fields: &[(String, String)], name: &str, value: &str) -> Vec<(String, String)> {
    assert!(fields.iter().any(|(k, _)| k == name), "the form has {name}");
    fields
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                if k == name {
                    value.to_string()
                } else {
                    v.clone()
                },
            )
        })
        .collect()
}

// ====================================================================== a JSON API client

struct Api<'a> {
    app: &'a TestApp,
    client: reqwest::Client,
}

impl<'a> Api<'a> {
    fn new(app: &'a TestApp) -> Self {
        Api {
            app,
            client: reqwest::Client::new(),
        }
    }

    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> (StatusCode, Value) {
        let mut req = self
            .client
            .request(method.clone(), self.app.url(&format!("/api/v1{path}")));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(b);
        }
        let res = req
            .send()
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = res.status();
        let text = res.text().await.unwrap();
        let json = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        (status, json)
    }

    async fn get(&self, path: &str, token: &str) -> (StatusCode, Value) {
        self.call(reqwest::Method::GET, path, Some(token), None)
            .await
    }
    async fn post(&self, path: &str, token: &str, body: &Value) -> (StatusCode, Value) {
        self.call(reqwest::Method::POST, path, Some(token), Some(body))
            .await
    }
    async fn put(&self, path: &str, token: &str, body: &Value) -> (StatusCode, Value) {
        self.call(reqwest::Method::PUT, path, Some(token), Some(body))
            .await
    }
    async fn delete(&self, path: &str, token: &str) -> (StatusCode, Value) {
        self.call(reqwest::Method::DELETE, path, Some(token), None)
            .await
    }
}

// ====================================================================== reading HTML

#[path = "web/gain.rs"]
mod gain;
#[path = "web/html.rs"]
mod html;

// ====================================================================== the stories
// One module per feature of the web crate (`crates/web/src/<feature>/`); each runs its stories
// on both backends with `both!`.

#[path = "web/account.rs"]
mod account;
#[path = "web/agreement.rs"]
mod agreement;
#[path = "web/api.rs"]
mod api;
#[path = "web/auth.rs"]
mod auth;
#[path = "web/browser.rs"]
mod browser;
#[path = "web/certificate.rs"]
mod certificate;
#[path = "web/certificate_browser.rs"]
mod certificate_browser;
#[path = "web/clearance.rs"]
mod clearance;
#[path = "web/course.rs"]
mod course;
#[path = "web/dashboard.rs"]
mod dashboard;
#[path = "web/employer.rs"]
mod employer;
#[path = "web/evaluation.rs"]
mod evaluation;
#[path = "web/event.rs"]
mod event;
#[path = "web/event_browser.rs"]
mod event_browser;
#[path = "web/exit.rs"]
mod exit;
#[path = "web/export.rs"]
mod export;
#[path = "web/http.rs"]
mod http;
#[path = "web/input.rs"]
mod input;
#[path = "web/internship.rs"]
mod internship;
#[path = "web/internship_browser.rs"]
mod internship_browser;
#[path = "web/journey.rs"]
mod journey;
#[path = "web/journey_browser.rs"]
mod journey_browser;
#[path = "web/learning.rs"]
mod learning;
#[path = "web/learning_browser.rs"]
mod learning_browser;
#[path = "web/lesson.rs"]
mod lesson;
#[path = "web/mail.rs"]
mod mail;
#[path = "web/match_index.rs"]
mod match_index;
#[path = "web/matching.rs"]
mod matching;
#[path = "web/meeting.rs"]
mod meeting;
#[path = "web/near_miss.rs"]
mod near_miss;
#[path = "web/outcome.rs"]
mod outcome;
#[path = "web/participant.rs"]
mod participant;
#[path = "web/plan.rs"]
mod plan;
#[path = "web/pool.rs"]
mod pool;
#[path = "web/portal.rs"]
mod portal;
#[path = "web/routes.rs"]
mod routes;
#[path = "web/schedule.rs"]
mod schedule;
#[path = "web/survey.rs"]
mod survey;
#[path = "web/survey_browser.rs"]
mod survey_browser;
#[path = "web/todo.rs"]
mod todo;
#[path = "web/user.rs"]
mod user;
