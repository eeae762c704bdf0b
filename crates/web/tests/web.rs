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
use brygga_testkit::web::{TestApp, spawn_app, spawn_app_with_mail};
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

// Every story runs on both backends: the whole suite is the same on SQLite and PostgreSQL.
both!(
    app:
    a_coordinator_plans_the_cohort_locks_and_rules_out_pairs_and_accepts_the_plan,
    a_coordinator_ranks_candidates_and_proposes_one_to_the_employer,
    an_admin_manages_user_accounts_and_the_organisation_tree,
    a_coordinator_registers_a_participant_after_fixing_a_wrong_personnummer,
    every_role_sees_exactly_what_its_scope_allows,
    a_second_editor_gets_a_conflict_instead_of_overwriting,
    the_api_answers_every_status_a_client_must_handle,
    health_and_readiness_answer,
    every_response_carries_the_security_headers,
    staff_log_in_and_out_with_email_and_password,
    a_wrong_password_is_refused_and_repeated_failures_are_throttled,
    forms_without_the_csrf_token_are_refused,
    staff_pages_send_strangers_to_the_login_page_and_back,
    the_interface_switches_to_english_and_back,
    a_user_changes_their_password,
    every_page_answers_a_coordinator_and_an_admin,
    employers_and_placements_are_registered_through_their_forms,
    the_openapi_document_lists_the_registry,
    the_api_manages_employers_and_placements,
);

async fn an_admin_manages_user_accounts_and_the_organisation_tree(app: &TestApp) {
    // Only administrators reach the user list.
    let coordinator = app.logged_in(Role::Coordinator).await;
    assert_eq!(
        coordinator.get("/admin/users").await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        coordinator.get("/admin/users/new").await.status(),
        StatusCode::FORBIDDEN
    );

    let admin = app.logged_in(Role::Admin).await;
    let tree = admin.page("/admin/organisations").await;
    assert!(
        tree.contains("Praktikbryggan"),
        "the demo programme is in the tree"
    );
    let programme = app
        .store
        .org_find(
            &Actor::system_for("test"),
            brygga_domain::model::OrgKind::Programme,
            "Praktikbryggan",
        )
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();

    // A new cohort under the demo programme.
    let res = admin
        .submit(
            "/admin/organisations",
            "/admin/organisations",
            &[
                ("parent_id", programme.as_str()),
                ("name", "  "),
                ("municipality_code", ""),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a name is required"
    );
    assert!(html::element_by_id(&res.text().await.unwrap(), "error-name").is_some());
    let res = admin
        .submit(
            "/admin/organisations",
            "/admin/organisations",
            &[
                ("parent_id", programme.as_str()),
                ("name", "Omgång våren 2027"),
                ("municipality_code", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let tree = admin.page("/admin/organisations").await;
    assert!(tree.contains("Omgång våren 2027"));
    // A municipality needs its municipality code.
    let res = admin
        .submit(
            "/admin/organisations",
            "/admin/organisations",
            &[
                ("parent_id", ""),
                ("name", "Ny region"),
                ("municipality_code", ""),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "a region needs no parent"
    );

    // A new coordinator: every wrong field at once, input kept, passwords never echoed.
    let fields = |email: &'static str, password: &'static str, repeat: &'static str| {
        vec![
            ("name", "Nora Nyanställd"),
            ("email", email),
            ("role", "coordinator"),
            ("password", password),
            ("repeat", repeat),
        ]
    };
    let mut bad = fields("nora@", "kort", "annat");
    bad.push(("org_ids", programme.as_str()));
    let res = admin.submit("/admin/users/new", "/admin/users", &bad).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    for field in ["email", "repeat"] {
        assert!(
            html::element_by_id(&page, &format!("error-{field}")).is_some(),
            "{field}: {page}"
        );
    }
    assert_eq!(
        html::input_value(&page, "name").as_deref(),
        Some("Nora Nyanställd")
    );
    assert_eq!(html::input_value(&page, "email").as_deref(), Some("nora@"));
    assert_eq!(html::input_value(&page, "password").as_deref(), Some(""));
    assert!(html::checked(&page, "org_ids").contains(&programme));

    let mut good = fields(
        "nora.nyanstalld@example.org",
        "ett-langt-losenord",
        "ett-langt-losenord",
    );
    good.push(("org_ids", programme.as_str()));
    let res = admin
        .submit("/admin/users/new", "/admin/users", &good)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        admin
            .page("/admin/users")
            .await
            .contains("nora.nyanstalld@example.org")
    );

    // The new coordinator logs in and sees the programme's participants.
    let nora = app.visitor();
    let res = nora
        .login("nora.nyanstalld@example.org", "ett-langt-losenord")
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(nora.get("/participants").await.status(), StatusCode::OK);

    // Deactivated, the account stops working at once, session included.
    let id = app
        .store
        .user_by_email(&Actor::system_for("test"), "nora.nyanstalld@example.org")
        .await
        .unwrap()
        .unwrap()
        .id;
    let res = admin
        .submit(
            "/admin/users",
            &format!("/admin/users/{id}/active"),
            &[("active", "false")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        nora.get("/participants").await.status().is_redirection(),
        "back to the login page"
    );
    let res = nora
        .login("nora.nyanstalld@example.org", "ett-langt-losenord")
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
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
        ("wished_occupations", "5321".into()),
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

// ====================================================================== participants (HTML)

async fn a_coordinator_registers_a_participant_after_fixing_a_wrong_personnummer(app: &TestApp) {
    let coordinator = app.logged_in(Role::Coordinator).await;
    let form = coordinator.page("/participants/new").await;
    let programme = html::selected(&form, "programme_id").expect("a programme to choose");
    let wrong = personnummer("19900412", "239", true);
    let typed = participant_fields(&programme, &wrong);

    // A wrong check digit: the form comes back with everything typed and the message by the field.
    let res = coordinator
        .submit("/participants/new", "/participants", &pairs(&typed))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let error =
        html::element_by_id(&page, "error-personnummer").expect("an error beside the personnummer");
    assert!(error.contains("class=\"field-error\""), "{error}");
    assert!(error.contains("Kontrollsiffran stämmer inte"), "{error}");
    let input = html::tag_with_name(&page, "input", "personnummer").unwrap();
    assert_eq!(html::attr(&input, "aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        html::attr(&input, "aria-describedby").as_deref(),
        Some("error-personnummer")
    );
    let after_input = &page[page.find(&input).unwrap() + input.len()..];
    assert!(
        after_input
            .trim_start()
            .starts_with("<p class=\"field-error\" id=\"error-personnummer\">"),
        "the message follows the field"
    );
    assert!(
        html::element_by_id(&page, "error-first_name").is_none(),
        "only the wrong field is marked"
    );
    assert_form_keeps(&page, &typed);
    // Escaped on output, never interpreted.
    assert!(html::shows(&page, "Vård & omsorg <grund>"));
    assert!(!page.contains("<grund>"));

    // Corrected: saved, and the coordinator lands on the new record.
    let right = personnummer("19900412", "239", false);
    let typed = participant_fields(&programme, &right);
    let res = coordinator
        .submit("/participants/new", "/participants", &pairs(&typed))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let id = id_from_location(&res);
    assert_eq!(location(&res), format!("/participants/{id}"));
    let record = coordinator.page(&location(&res)).await;
    assert!(record.contains("Amira Testdóttir-Öberg"));
    assert!(record.contains(&right));
    assert!(
        record.contains("Behöver hörslinga"),
        "coordinators see special needs"
    );
    assert!(
        html::shows(&record, "Vård & omsorg <grund>") && !record.contains("<grund>"),
        "shown as typed, escaped"
    );
    assert!(html::shows(&record, "\"truck\" & lager"));

    // …and finds her in the list by searching (case-insensitively, non-ASCII included).
    let list = coordinator.page("/participants?q=testd%C3%B3ttir").await;
    assert!(
        list.contains(&format!("href=\"/participants/{id}\"")),
        "{list}"
    );
    assert!(list.contains("Testdóttir-Öberg, Amira"));
    let others = coordinator
        .page("/participants?q=nobody-is-called-this")
        .await;
    assert!(!others.contains(&format!("href=\"/participants/{id}\"")));
    let filtered = coordinator
        .page("/participants?q=&municipality_code=1480&eligibility=pending")
        .await;
    assert!(filtered.contains(&format!("href=\"/participants/{id}\"")));
    let filtered_out = coordinator
        .page("/participants?q=&municipality_code=&eligibility=not_eligible")
        .await;
    assert!(!filtered_out.contains(&format!("href=\"/participants/{id}\"")));

    // The same personnummer twice is a field error, not a crash.
    let res = coordinator
        .submit("/participants/new", "/participants", &pairs(&typed))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::element_by_id(&page, "error-personnummer").is_some(),
        "{page}"
    );
    assert_eq!(
        html::input_value(&page, "first_name").as_deref(),
        Some("Amira")
    );
}

/// Every value typed into the participant form is shown again as typed.
fn assert_form_keeps(page: &str, typed: &[(&'static str, String)]) {
    for (field, value) in typed {
        match *field {
            "available_days" | "consents" => {
                assert!(
                    html::checked(page, field).contains(value),
                    "{field}={value} still checked"
                );
            }
            // Table rows: every typed value is in one of the row inputs or selects.
            "language" | "experience_occupation" | "experience_years" | "experience_country" => {
                assert!(
                    html::input_values(page, field).contains(value),
                    "{field}={value} kept"
                );
            }
            "language_level" => {
                assert!(
                    html::selected_values(page, field).contains(value),
                    "{field}={value} kept"
                );
            }
            "special_needs" => {
                assert_eq!(
                    html::textarea(page, field).as_deref(),
                    Some(value.as_str()),
                    "{field} kept"
                );
            }
            "gender" | "municipality_code" | "programme_id" | "swedish_level" | "sfi_level"
            | "education_level" | "driving_licence" | "eligibility" => {
                assert_eq!(
                    html::selected(page, field).as_deref(),
                    Some(value.as_str()),
                    "{field} kept"
                );
            }
            _ => assert_eq!(
                html::input_value(page, field).as_deref(),
                Some(value.as_str()),
                "{field} kept"
            ),
        }
    }
    assert!(!html::checked(page, "available_days").contains(&"fri".to_string()));
}

async fn a_second_editor_gets_a_conflict_instead_of_overwriting(app: &TestApp) {
    let id = app.participant_ids_for(Role::Coordinator).await[0];
    let edit = format!("/participants/{id}/edit");
    let action = format!("/participants/{id}");
    let first = app.logged_in(Role::Coordinator).await;
    let second = app.logged_in(Role::Admin).await;

    // Both open the same record.
    let first_form = html::form_fields(&first.page(&edit).await, &action);
    let second_form = html::form_fields(&second.page(&edit).await, &action);
    assert!(
        first_form
            .iter()
            .any(|(k, v)| k == "version" && !v.is_empty()),
        "the form carries the version"
    );

    // The first saves a new phone number.
    let res = first
        .post(&action, &replace(&first_form, "phone", "031-111 22 33"))
        .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap()
    );

    // The second, still on the old version, is told, and keeps what they typed.
    let res = second
        .post(&action, &replace(&second_form, "first_name", "Andranamn"))
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = res.text().await.unwrap();
    assert!(page.contains("Någon annan har sparat ändringar"), "{page}");
    assert_eq!(
        html::input_value(&page, "first_name").as_deref(),
        Some("Andranamn")
    );

    // Nothing was overwritten.
    let record = first.page(&action).await;
    assert!(record.contains("031-111 22 33"));
    assert!(!record.contains("Andranamn"));

    // Reopened, the second editor can save.
    let fresh = html::form_fields(&second.page(&edit).await, &action);
    let res = second
        .post(&action, &replace(&fresh, "first_name", "Andranamn"))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let record = first.page(&action).await;
    assert!(record.contains("Andranamn") && record.contains("031-111 22 33"));
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

// ====================================================================== access over HTTP

/// What each role gets for each page (status codes), with one participant detail: one in the
/// coordinator's programme that the supervisor does not supervise.
async fn every_role_sees_exactly_what_its_scope_allows(app: &TestApp) {
    use Role::*;
    // The detail page: a new participant in the coordinator's programme, with special needs,
    // supervised by nobody, proposed to no employer, shared with no officer.
    let coordinator_actor = app.actor(Coordinator).await;
    let mut draft = participant_draft(
        app.programme_of(Coordinator).await,
        "Detaljina",
        &personnummer("19900324", "238", false),
    );
    draft.special_needs = "Behöver anpassad arbetsplats".into();
    let input = draft
        .validate(&RefData::load().unwrap(), today())
        .expect("a valid participant");
    let detail = app
        .store
        .participant_create(&coordinator_actor, &input)
        .await
        .expect("created");
    let detail_path = format!("/participants/{detail}");
    const OK: u16 = 200;
    const NO: u16 = 403;
    const HIDDEN: u16 = 404;
    // role: participants, employers, placements, audit, the detail
    let table: &[(Role, [u16; 5])] = &[
        (Admin, [OK, OK, OK, OK, OK]),
        (ProgrammeManager, [OK, OK, OK, NO, OK]),
        (Coordinator, [OK, OK, OK, NO, OK]),
        (EmployerContact, [OK, OK, OK, NO, HIDDEN]),
        (Supervisor, [OK, OK, OK, NO, HIDDEN]),
        (EducationProvider, [NO, OK, OK, NO, NO]),
        (EsOfficer, [OK, OK, OK, NO, HIDDEN]),
        (Participant, [NO, NO, OK, NO, HIDDEN]),
        (Evaluator, [NO, NO, OK, NO, NO]),
    ];
    assert_eq!(
        app.logins.len(),
        Role::ALL.len(),
        "the demo has a login per role"
    );
    for (role, expected) in table {
        let v = app.logged_in(*role).await;
        let paths = [
            "/participants",
            "/employers",
            "/placements",
            "/audit",
            detail_path.as_str(),
        ];
        for (path, want) in paths.iter().zip(expected) {
            let res = v.get(path).await;
            assert_eq!(res.status().as_u16(), *want, "{role} GET {path}");
            let body = res.text().await.unwrap();
            if *want != OK {
                assert!(
                    !body.contains("<td"),
                    "{role} GET {path}: a refusal shows no records"
                );
            }
        }
        // The overview works for everyone.
        let home = v.page("/").await;
        assert!(home.contains("<h1>"));
    }

    // A supervisor sees their own interns, and only them.
    let supervised = app.participant_ids_for(Supervisor).await;
    assert_eq!(supervised.len(), 2, "the demo supervisor has two interns");
    let supervisor = app.logged_in(Supervisor).await;
    let list = supervisor.page("/participants").await;
    for id in app.participant_ids_for(Coordinator).await {
        let shown = list.contains(&format!("href=\"/participants/{id}\""));
        assert_eq!(
            shown,
            supervised.contains(&id),
            "participant {id} in the supervisor's list"
        );
    }
    // A participant sees their own record.
    let own = app
        .actor(Participant)
        .await
        .participant_id()
        .expect("the demo participant login has a record");
    app.logged_in(Participant)
        .await
        .page(&format!("/participants/{own}"))
        .await;

    for id in &supervised {
        let page = supervisor.page(&format!("/participants/{id}")).await;
        assert!(
            !page.contains("class=\"sensitive\""),
            "special needs are for coordinators and admins"
        );
    }

    // Special needs: coordinators and admins see them, the programme manager does not.
    for role in [Coordinator, Admin] {
        let page = app.logged_in(role).await.page(&detail_path).await;
        assert!(
            page.contains("Detaljina") && page.contains("Behöver anpassad arbetsplats"),
            "{role} sees special needs"
        );
    }
    let page = app
        .logged_in(ProgrammeManager)
        .await
        .page(&detail_path)
        .await;
    assert!(page.contains("Detaljina"));
    assert!(
        !page.contains("Behöver anpassad arbetsplats"),
        "the programme manager does not see special needs"
    );

    // Roles that may not create participants are refused the form and the post, whatever
    // they send.
    let before = app.participant_ids_for(Admin).await.len();
    let programme = app.programme_of(Coordinator).await.to_string();
    let valid = participant_fields(&programme, &personnummer("19900601", "239", false));
    for role in [Evaluator, Supervisor, ProgrammeManager] {
        let v = app.logged_in(role).await;
        assert_eq!(
            v.get("/participants/new").await.status(),
            StatusCode::FORBIDDEN,
            "{role}"
        );
        let res = v.submit("/", "/participants", &pairs(&valid)).await;
        assert_eq!(
            res.status(),
            StatusCode::FORBIDDEN,
            "{role} posting a valid participant"
        );
        let res = v.submit("/", "/participants", &[("first_name", "X")]).await;
        assert_eq!(
            res.status(),
            StatusCode::FORBIDDEN,
            "{role} posting an invalid participant"
        );
    }
    assert_eq!(
        app.participant_ids_for(Admin).await.len(),
        before,
        "nothing was created"
    );
}

// ====================================================================== login, sessions, CSRF

async fn staff_log_in_and_out_with_email_and_password(app: &TestApp) {
    let v = app.visitor();
    let login = v.page("/login").await;
    for field in ["email", "password", "csrf", "next"] {
        assert!(
            html::tag_with_name(&login, "input", field).is_some(),
            "the login form has {field}"
        );
    }
    assert!(login.contains("type=\"submit\""));

    let res = v
        .login(&app.email(Role::Coordinator).to_uppercase(), DEMO_PASSWORD)
        .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "emails are case-insensitive"
    );
    assert_eq!(location(&res), "/");
    let cookie = res
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|c| c.to_str().ok())
        .find(|c| c.starts_with("brygga_session="))
        .expect("a session cookie")
        .to_string();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    let home = v.page("/").await;
    let coordinator = app.actor(Role::Coordinator).await;
    assert!(
        home.contains(coordinator.name()),
        "the overview greets the user by name"
    );
    assert!(home.contains("href=\"/participants\""));

    // Logging out needs the token too, and ends the session.
    let res = v.post("/logout", &[]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = v.submit("/", "/logout", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/login");
    let res = v.get("/participants").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).starts_with("/login"));
}

async fn a_wrong_password_is_refused_and_repeated_failures_are_throttled(app: &TestApp) {
    let email = app.email(Role::Coordinator);
    let v = app.visitor();
    for attempt in 1..=5 {
        let res = v.login(&email, "not-the-password").await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "attempt {attempt}"
        );
        let page = res.text().await.unwrap();
        assert!(page.contains("Fel e-postadress eller lösenord."), "{page}");
        assert_eq!(
            html::input_value(&page, "email").as_deref(),
            Some(email.as_str()),
            "the email is kept"
        );
        assert_eq!(
            html::input_value(&page, "password").unwrap_or_default(),
            "",
            "the password is not sent back"
        );
    }
    // An unknown address gets the same answer as a wrong password.
    let res = app
        .visitor()
        .login("ingen@demo.brygga.se", "whatever-it-is")
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Fel e-postadress eller lösenord.")
    );

    // After five failures even the right password waits.
    let res = app.visitor().login(&email, DEMO_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("För många misslyckade inloggningsförsök")
    );

    // Other users are not locked out by it.
    let res = app
        .visitor()
        .login(&app.email(Role::Admin), DEMO_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

async fn forms_without_the_csrf_token_are_refused(app: &TestApp) {
    // Before login: the login form itself.
    let v = app.visitor();
    v.page("/login").await;
    let email = app.email(Role::Coordinator);
    let res = v
        .post(
            "/login",
            &[
                ("email".into(), email.clone()),
                ("password".into(), DEMO_PASSWORD.into()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = v
        .post(
            "/login",
            &[
                ("csrf".into(), "0".repeat(64)),
                ("email".into(), email),
                ("password".into(), DEMO_PASSWORD.into()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // Logged in: a form post with no token or another session's token changes nothing.
    let coordinator = app.logged_in(Role::Coordinator).await;
    let stranger = app.visitor();
    let foreign = csrf_of(&stranger.page("/login").await);
    let programme = app.programme_of(Role::Coordinator).await.to_string();
    let pnr = personnummer("19900701", "238", false);
    let typed = participant_fields(&programme, &pnr);
    let fields: Vec<(String, String)> = typed
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    let res = coordinator.post("/participants", &fields).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let mut with_foreign = fields.clone();
    with_foreign.push(("csrf".into(), foreign));
    let res = coordinator.post("/participants", &with_foreign).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let list = coordinator.page("/participants?q=testd%C3%B3ttir").await;
    assert!(!list.contains("Testdóttir"), "nothing was saved");

    // The same form with the page's token goes through.
    let res = coordinator
        .submit("/participants/new", "/participants", &pairs(&typed))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

async fn staff_pages_send_strangers_to_the_login_page_and_back(app: &TestApp) {
    let v = app.visitor();
    for path in [
        "/",
        "/participants",
        "/participants/new",
        "/participants/1",
        "/employers",
        "/placements",
        "/audit",
        "/password",
    ] {
        let res = v.get(path).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "GET {path}");
        let loc = location(&res);
        assert!(loc.starts_with("/login?next="), "GET {path} → {loc}");
    }
    let res = v.get("/participants?q=a%20b").await;
    let loc = location(&res);
    let login = v.page(&loc).await;
    assert_eq!(
        html::input_value(&login, "next").as_deref(),
        Some("/participants?q=a%20b")
    );

    let email = app.email(Role::Coordinator);
    let res = v
        .submit(
            &loc,
            "/login",
            &[
                ("email", &email),
                ("password", DEMO_PASSWORD),
                ("next", "/participants?q=a%20b"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&res),
        "/participants?q=a%20b",
        "back where they were going"
    );

    // …but never to another site.
    let v = app.visitor();
    let res = v
        .submit(
            "/login",
            "/login",
            &[
                ("email", &email),
                ("password", DEMO_PASSWORD),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/");
}

async fn the_interface_switches_to_english_and_back(app: &TestApp) {
    let v = app.visitor();
    let login = v.page("/login").await;
    assert!(login.contains("<html lang=\"sv\""));
    assert!(login.contains("Logga in"));

    let res = v.get("/lang/en?back=/login").await;
    assert!(res.status().is_redirection());
    assert_eq!(location(&res), "/login");
    let cookie = res
        .headers()
        .get(reqwest::header::SET_COOKIE)
        .and_then(|c| c.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(cookie.starts_with("lang=en"), "{cookie}");
    let login = v.page("/login").await;
    assert!(login.contains("<html lang=\"en\""));
    assert!(login.contains("Log in"));

    // English messages too.
    let res = v
        .login(&app.email(Role::Coordinator), "not-the-password")
        .await;
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Wrong email address or password.")
    );
    let res = v.login(&app.email(Role::Coordinator), DEMO_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let list = v.page("/participants").await;
    assert!(list.contains("Participants"));

    // Error pages speak the user's language too: a record that does not exist, and a stale
    // version of a record, in English.
    let res = v.get("/participants/999999").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let page = res.text().await.unwrap();
    assert!(page.contains("<html lang=\"en\""), "{page}");
    assert!(page.contains("Page not found"), "{page}");
    let res = v.get("/no-such-page").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res.text().await.unwrap().contains("Page not found"));

    let res = v.get("/lang/sv?back=/participants").await;
    assert_eq!(location(&res), "/participants");
    assert!(v.page("/participants").await.contains("Deltagare"));
    let res = v.get("/participants/999999").await;
    assert!(res.text().await.unwrap().contains("Sidan finns inte"));

    // The way back is always on this site.
    let res = v.get("/lang/en?back=//evil.example/").await;
    assert_eq!(location(&res), "/");

    // Without `back`, the link returns to the page it was on (same-origin referrer only).
    let from = |referer: String| {
        v.client
            .get(format!("{}/lang/sv", v.base))
            .header(reqwest::header::REFERER, referer)
            .send()
    };
    let res = from(format!("{}/employers?q=bo", v.base)).await.unwrap();
    assert_eq!(location(&res), "/employers?q=bo");
    let res = from("http://evil.example/participants".into())
        .await
        .unwrap();
    assert_eq!(location(&res), "/");
}

async fn a_user_changes_their_password(app: &TestApp) {
    let email = app.email(Role::Coordinator);
    let v = app.logged_in(Role::Coordinator).await;
    let form = v.page("/password").await;
    for field in ["current", "new", "repeat"] {
        assert!(
            html::tag_with_name(&form, "input", field).is_some(),
            "the form has {field}"
        );
    }
    let new = "ett-nytt-langt-losenord";
    let res = v
        .submit(
            "/password",
            "/password",
            &[
                ("current", "wrong-password-1"),
                ("new", new),
                ("repeat", new),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::element_by_id(&res.text().await.unwrap(), "error-current").is_some());
    let res = v
        .submit(
            "/password",
            "/password",
            &[
                ("current", DEMO_PASSWORD),
                ("new", "kort"),
                ("repeat", "kort"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::element_by_id(&res.text().await.unwrap(), "error-new").is_some());
    let res = v
        .submit(
            "/password",
            "/password",
            &[
                ("current", DEMO_PASSWORD),
                ("new", new),
                ("repeat", "something-else-entirely"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::element_by_id(&res.text().await.unwrap(), "error-repeat").is_some());
    let res = v
        .submit(
            "/password",
            "/password",
            &[("current", DEMO_PASSWORD), ("new", new), ("repeat", new)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("role=\"status\""));

    assert_eq!(
        app.visitor().login(&email, DEMO_PASSWORD).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        app.visitor().login(&email, new).await.status(),
        StatusCode::SEE_OTHER
    );
}

// ====================================================================== headers, health, pages

async fn every_response_carries_the_security_headers(app: &TestApp) {
    let v = app.visitor();
    let coordinator = app.logged_in(Role::Coordinator).await;
    let responses = vec![
        ("/login", v.get("/login").await),
        ("/healthz", v.get("/healthz").await),
        ("/participants (redirect)", v.get("/participants").await),
        ("/no-such-page", v.get("/no-such-page").await),
        ("/static/htmx.min.js", v.get("/static/htmx.min.js").await),
        ("POST /login without csrf", v.post("/login", &[]).await),
        ("/participants", coordinator.get("/participants").await),
        ("/audit (403)", coordinator.get("/audit").await),
        (
            "/api/v1/participants (401)",
            v.get("/api/v1/participants").await,
        ),
        ("/api/v1/openapi.json", v.get("/api/v1/openapi.json").await),
    ];
    for (what, res) in responses {
        let h = res.headers();
        let header = |name: &str| {
            h.get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_else(|| panic!("{what}: no {name}"))
                .to_string()
        };
        let csp = header("content-security-policy");
        let directive = |name: &str| {
            csp.split(';')
                .map(str::trim)
                .find(|d| d.starts_with(&format!("{name} ")))
                .map(str::to_string)
        };
        let scripts = directive("script-src")
            .or_else(|| directive("default-src"))
            .unwrap_or_else(|| panic!("{what}: CSP without script-src: {csp}"));
        assert!(
            !scripts.contains("'unsafe-inline'") && !scripts.contains("'unsafe-eval'"),
            "{what}: {csp}"
        );
        assert!(
            !scripts.contains('*') && !scripts.contains("http:") && !scripts.contains("https:"),
            "{what}: scripts only from the binary: {csp}"
        );
        assert_eq!(
            directive("frame-ancestors").as_deref(),
            Some("frame-ancestors 'none'"),
            "{what}: {csp}"
        );
        assert_eq!(header("x-content-type-options"), "nosniff", "{what}");
        let referrer = header("referrer-policy");
        assert!(
            [
                "no-referrer",
                "same-origin",
                "strict-origin",
                "strict-origin-when-cross-origin"
            ]
            .contains(&referrer.as_str()),
            "{what}: {referrer}"
        );
    }
    // htmx comes from the binary itself, not a CDN.
    let login = v.page("/login").await;
    assert!(login.contains("src=\"/static/htmx.min.js\""));
    assert!(!login.contains("<script>"), "no inline scripts");
    let js = v.get("/static/htmx.min.js").await;
    assert!(
        js.headers()
            .get(CONTENT_TYPE)
            .unwrap()
            .to_str()
            .unwrap()
            .contains("javascript")
    );
}

async fn health_and_readiness_answer(app: &TestApp) {
    let v = app.visitor();
    let res = v.get("/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.text().await.unwrap().trim(), "ok");
    let res = v.get("/readyz").await;
    assert_eq!(res.status(), StatusCode::OK);
}

async fn every_page_answers_a_coordinator_and_an_admin(app: &TestApp) {
    let participant = app.participant_ids_for(Role::Coordinator).await[0];
    let admin = app.actor(Role::Admin).await;
    let employers = app
        .store
        .employer_list(&admin, &Default::default())
        .await
        .unwrap();
    let employer = employers.items[0].id;
    let placements = app
        .store
        .placement_list(&admin, &Default::default())
        .await
        .unwrap();
    let placement = placements.items[0].id;
    let pages = [
        "/".to_string(),
        "/participants".into(),
        "/participants?q=a&page=2".into(),
        "/participants/new".into(),
        format!("/participants/{participant}"),
        format!("/participants/{participant}/edit"),
        "/employers".into(),
        "/employers?q=a&sector=public".into(),
        "/employers/new".into(),
        format!("/employers/{employer}"),
        format!("/employers/{employer}/edit"),
        "/placements".into(),
        "/placements?status=published".into(),
        "/placements/new".into(),
        format!("/placements/{placement}"),
        format!("/placements/{placement}/edit"),
        "/password".into(),
    ];
    for role in [Role::Coordinator, Role::Admin] {
        let v = app.logged_in(role).await;
        for path in &pages {
            let page = v.page(path).await;
            assert!(
                page.contains("<main") || page.contains("<h1>"),
                "{role} {path} is a page"
            );
            // Every page is labelled: each visible form control has a label (or, in a table of
            // rows, an aria-label naming its column and row).
            for tag in html::tags(&page, "input") {
                let kind = html::attr(&tag, "type").unwrap_or_default();
                if ["hidden", "submit", "checkbox"].contains(&kind.as_str()) {
                    continue;
                }
                if html::attr(&tag, "aria-label").is_some_and(|l| !l.trim().is_empty()) {
                    continue;
                }
                let id = html::attr(&tag, "id")
                    .unwrap_or_else(|| panic!("{path}: input without id: {tag}"));
                assert!(
                    page.contains(&format!("for=\"{id}\"")),
                    "{path}: no label for {tag}"
                );
            }
        }
    }
    let admin_v = app.logged_in(Role::Admin).await;
    let audit = admin_v.page("/audit").await;
    assert!(audit.contains("<table"));
    let audit = admin_v
        .page(&format!(
            "/audit?resource=participant&record_id={participant}&action=read"
        ))
        .await;
    assert!(
        audit.contains(">read<"),
        "reading a participant is audited: {audit}"
    );

    // Unknown ids are 404 pages.
    for path in [
        "/participants/999999",
        "/employers/999999",
        "/placements/999999",
        "/participants/999999/edit",
    ] {
        assert_eq!(
            admin_v.get(path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}

async fn employers_and_placements_are_registered_through_their_forms(app: &TestApp) {
    let v = app.logged_in(Role::Coordinator).await;

    // An employer with a wrong organisation number check digit.
    let good = org_number("559900123");
    let bad = with_wrong_check_digit(&good);
    let mut fields = vec![
        ("name", "Testbolaget Bro AB"),
        ("org_number", bad.as_str()),
        ("sector", "private"),
        ("agreement_status", "draft"),
        ("agreement_date", ""),
        ("notes", "Kontakt via mässan"),
        ("unit_name", "Lager"),
        ("unit_address", "Testgatan 1"),
        ("unit_municipality", "1480 – Göteborg"),
        ("contact_name", "Kim Kontakt"),
        ("contact_title", "VD"),
        ("contact_email", "kim@example.org"),
        ("contact_phone", "031-12 34 56"),
        ("supervisor_name", "Sam Handledare"),
        ("supervisor_email", "sam@example.org"),
        ("supervisor_phone", "031-65 43 21"),
        ("supervisor_training", "booked"),
    ];
    let res = v.submit("/employers/new", "/employers", &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::element_by_id(&page, "error-org_number")
            .unwrap()
            .contains("Kontrollsiffran stämmer inte")
    );
    assert_eq!(
        html::input_value(&page, "name").as_deref(),
        Some("Testbolaget Bro AB")
    );
    assert_eq!(
        html::input_value(&page, "supervisor_email").as_deref(),
        Some("sam@example.org")
    );
    fields[1].1 = good.as_str();
    let res = v.submit("/employers/new", "/employers", &fields).await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap()
    );
    let employer = id_from_location(&res);
    let record = v.page(&format!("/employers/{employer}")).await;
    assert!(record.contains("Testbolaget Bro AB") && record.contains("Sam Handledare"));
    let list = v.page("/employers?q=testbolaget").await;
    assert!(list.contains(&format!("href=\"/employers/{employer}\"")));

    // A placement with an occupation code that is not in SSYK 2012.
    let employer_s = employer.to_string();
    let mut fields = vec![
        ("employer_id", employer_s.as_str()),
        ("title", "Lagermedarbetare"),
        ("ssyk_code", "9999"),
        ("tasks", "Plock, pack och inventering"),
        ("required_skills", "noggrannhet"),
        ("desired_skills", "truckkort"),
        ("min_swedish", "A2"),
        ("other_language", "engelska"),
        ("other_language_level", "B1"),
        ("education_level", "none"),
        ("driving_licence", "none"),
        ("days_per_week", "4"),
        ("hours_per_week", "32"),
        ("municipality_code", "1480"),
        ("address", "Testgatan 1"),
        ("period_start", "2026-09-01"),
        ("period_end", "2026-12-18"),
        ("places", "2"),
        ("accommodations", "written_instructions"),
        ("status", "draft"),
    ];
    let res = v.submit("/placements/new", "/placements", &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::element_by_id(&page, "error-ssyk_code").is_some(),
        "{page}"
    );
    assert_eq!(
        html::input_value(&page, "title").as_deref(),
        Some("Lagermedarbetare")
    );
    fields[2].1 = "9320";
    fields[16].1 = "2026-08-01"; // ends before it starts
    let res = v.submit("/placements/new", "/placements", &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::element_by_id(&res.text().await.unwrap(), "error-period_end").is_some());
    fields[16].1 = "2026-12-18";
    let res = v.submit("/placements/new", "/placements", &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let placement = id_from_location(&res);
    let record = v.page(&format!("/placements/{placement}")).await;
    assert!(record.contains("Lagermedarbetare"));
    let list = v.page("/placements?q=lagermedarbetare").await;
    assert!(list.contains(&format!("href=\"/placements/{placement}\"")));

    // Edited with the form's version; a stale version is a conflict.
    let action = format!("/placements/{placement}");
    let form = html::form_fields(
        &v.page(&format!("/placements/{placement}/edit")).await,
        &action,
    );
    let res = v
        .post(&action, &replace(&form, "status", "published"))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = v
        .post(&action, &replace(&form, "title", "Gammal titel"))
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let action = format!("/employers/{employer}");
    let form = html::form_fields(
        &v.page(&format!("/employers/{employer}/edit")).await,
        &action,
    );
    let res = v
        .post(&action, &replace(&form, "notes", "Avtal på gång"))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = v
        .post(&action, &replace(&form, "notes", "Gammal anteckning"))
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
}

// ====================================================================== the JSON API

/// The (participant id, placement id) pairs of the plan table, read from its lock buttons.
fn plan_pairs(page: &str) -> Vec<(String, String)> {
    let mut out = vec![];
    for form in page.split("<form method=\"post\" action=\"/plan/").skip(1) {
        let form = &form[..form.find("</form>").unwrap_or(form.len())];
        if !form.contains("value=\"lock\"") {
            continue;
        }
        let p = html::input_value(form, "participant_id").unwrap();
        let x = html::input_value(form, "placement_id").unwrap();
        out.push((p, x));
    }
    out
}

async fn a_coordinator_plans_the_cohort_locks_and_rules_out_pairs_and_accepts_the_plan(
    app: &TestApp,
) {
    let coordinator = app.logged_in(Role::Coordinator).await;
    let res = coordinator.get("/plan").await;
    assert!(
        res.status().is_redirection(),
        "one programme: straight to its plan"
    );
    let plan_path = location(&res);
    let programme = plan_path.trim_start_matches("/plan/").to_string();
    let page = coordinator.page(&plan_path).await;
    assert!(page.contains("total matchning (optimum)"), "{page}");
    assert!(
        page.contains("0 blockerande par"),
        "deferred acceptance is stable"
    );
    let pairs = plan_pairs(&page);
    assert!(pairs.len() >= 5, "{page}");

    // Rule out the first pair: it leaves the plan and is listed as ruled out.
    let (p, x) = pairs[0].clone();
    let res = coordinator
        .submit(
            &plan_path,
            &format!("/plan/{programme}/rules"),
            &[
                ("participant_id", &p),
                ("placement_id", &x),
                ("kind", "exclude"),
                ("min_score", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&plan_path).await;
    assert!(!plan_pairs(&page).contains(&(p.clone(), x.clone())));
    assert!(page.contains("utesluten"));

    // Lock the second pair: it stays, marked locked, whatever else changes.
    let (p2, x2) = plan_pairs(&page)[1].clone();
    let res = coordinator
        .submit(
            &plan_path,
            &format!("/plan/{programme}/rules"),
            &[
                ("participant_id", &p2),
                ("placement_id", &x2),
                ("kind", "lock"),
                ("min_score", "0.9"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator
        .page(&format!("{plan_path}?min_score=0.9"))
        .await;
    assert!(page.contains("låst"), "{page}");
    assert!(
        page.contains(&format!("/participants/{p2}\"")),
        "the locked participant is in the plan even at a high minimum"
    );

    // Accepting turns the plan's pairs into proposals, once.
    let res = coordinator
        .submit(
            &plan_path,
            &format!("/plan/{programme}/accept"),
            &[("min_score", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let created: usize = location(&res)
        .split("accepted=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(created >= 4, "{created}");
    let res = coordinator
        .submit(
            &plan_path,
            &format!("/plan/{programme}/accept"),
            &[("min_score", "")],
        )
        .await;
    assert!(location(&res).contains("accepted=0"), "nothing twice");

    // Weights per programme: a wrong number is refused beside its field with what was typed
    // kept; valid weights are saved and used.
    let settings = format!("/plan/{programme}/settings");
    let fields = |occupation: &'static str| {
        vec![
            ("occupation", occupation),
            ("skills", "0,3"),
            ("language", "0.15"),
            ("wishes", "0"),
            ("commute", "0.15"),
            ("eligibility", "exclude"),
        ]
    };
    let res = coordinator
        .submit(&settings, &settings, &fields("mycket"))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(html::element_by_id(&page, "error-occupation").is_some());
    assert_eq!(
        html::input_value(&page, "occupation").as_deref(),
        Some("mycket")
    );
    let res = coordinator
        .submit(&settings, &settings, &fields("0.9"))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&settings).await;
    assert_eq!(
        html::input_value(&page, "occupation").as_deref(),
        Some("0.9")
    );
    assert_eq!(
        html::selected(&page, "eligibility").as_deref(),
        Some("exclude")
    );
    assert!(
        coordinator
            .page(&plan_path)
            .await
            .contains("total matchning")
    );

    // Only coordinators and admins plan.
    let supervisor = app.logged_in(Role::Supervisor).await;
    assert_eq!(
        supervisor.get(&plan_path).await.status(),
        StatusCode::FORBIDDEN
    );
}

async fn a_coordinator_ranks_candidates_and_proposes_one_to_the_employer(app: &TestApp) {
    // A published placement of the employer the demo contact works for.
    let contact = app.actor(Role::EmployerContact).await;
    let employer = contact.employer_id().unwrap();
    let placements = app
        .store
        .placement_list(
            &contact,
            &brygga_store::placement::PlacementFilter {
                page: 1,
                status: Some(brygga_domain::model::PlacementStatus::Published),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let placement = placements
        .items
        .iter()
        .find(|p| p.employer_id == employer)
        .unwrap()
        .id;

    let coordinator = app.logged_in(Role::Coordinator).await;
    let page = coordinator
        .page(&format!("/placements/{placement}/candidates"))
        .await;
    assert!(page.contains("<ol class=\"ranked\">"), "{page}");
    // Every row explains itself: a score and the components behind it.
    assert!(
        page.contains(" %</strong>") && page.contains("Pendling"),
        "{page}"
    );

    // Through the API: ranked by score, best first, each with its explanation in both languages.
    let api = Api::new(app);
    let token = app.token(Role::Coordinator).await;
    let (status, body) = api
        .get(
            &format!("/placements/{placement}/candidates?k=5&include_failing=true"),
            &token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows = body.as_array().unwrap();
    assert!(!rows.is_empty() && rows.len() <= 5);
    let scores: Vec<f64> = rows.iter().map(|r| r["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    let component = &rows[0]["fit"]["components"][0];
    assert!(
        component["explanation"]["sv"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );
    assert!(
        component["explanation"]["en"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );
    assert!(
        rows[0]["fit"]["hard"]
            .as_array()
            .is_some_and(|h| h.len() >= 5)
    );

    // Propose the best candidate that passes every hard constraint who is not yet visible to
    // the employer contact and has consented to sharing; afterwards the contact sees them.
    let (_, passing) = api
        .get(&format!("/placements/{placement}/candidates?k=50"), &token)
        .await;
    let visible_before = app.participant_ids_for(Role::EmployerContact).await;
    let (mut sharing, mut not_sharing) = (vec![], vec![]);
    for id in passing
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap() as i32)
        .filter(|id| !visible_before.contains(id))
    {
        let consents = app
            .store
            .participant_get(&Actor::system_for("test"), id)
            .await
            .unwrap()
            .active_consents();
        if consents.contains(&brygga_domain::model::ConsentPurpose::ShareWithEmployers) {
            sharing.push(id);
        } else {
            not_sharing.push(id);
        }
    }
    let candidate = *sharing
        .first()
        .expect("a candidate the employer has not seen");
    // One who has not consented is refused, and the pool page says why.
    if let Some(refused) = not_sharing.first() {
        let res = coordinator
            .submit(
                &format!("/placements/{placement}/candidates"),
                &format!("/placements/{placement}/candidates/{refused}"),
                &[],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let page = coordinator.page(&location(&res)).await;
        assert!(html::shows(&page, "har inte samtyckt"), "{page}");
        assert!(
            !app.participant_ids_for(Role::EmployerContact)
                .await
                .contains(refused)
        );
    }
    let res = coordinator
        .submit(
            &format!("/placements/{placement}/candidates"),
            &format!("/placements/{placement}/candidates/{candidate}"),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).ends_with(&format!("proposed={candidate}")));
    assert!(
        app.participant_ids_for(Role::EmployerContact)
            .await
            .contains(&candidate)
    );

    // Suggestions the other way round.
    let (status, body) = api
        .get(&format!("/participants/{candidate}/suggestions"), &token)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        body.as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"].as_i64() == Some(i64::from(placement)))
    );
    assert!(
        coordinator
            .page(&format!("/participants/{candidate}/suggestions"))
            .await
            .contains("class=\"ranked\"")
    );

    // Only those who match whole programmes may rank; unknown ids are 404.
    let supervisor = app.logged_in(Role::Supervisor).await;
    assert_eq!(
        supervisor
            .get(&format!("/placements/{placement}/candidates"))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let evaluator = app.token(Role::Evaluator).await;
    let (status, _) = api
        .get(&format!("/placements/{placement}/candidates"), &evaluator)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = api.get("/placements/999999/candidates", &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

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

fn versioned<T: serde::Serialize>(draft: &T, version: i64) -> Value {
    let mut v = serde_json::to_value(draft).unwrap();
    v["version"] = json!(version);
    v
}

async fn the_api_answers_every_status_a_client_must_handle(app: &TestApp) {
    let api = Api::new(app);
    let token = app.token(Role::Coordinator).await;
    let programme = app.programme_of(Role::Coordinator).await;

    // 401: no token, or a made-up one.
    let (status, _) = api
        .call(reqwest::Method::GET, "/participants", None, None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = api.get("/participants", "brygga_not-a-real-token").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // 200: the coordinator's participants.
    let (status, list) = api.get("/participants", &token).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert!(list["total"].as_u64().unwrap() > 0);
    assert!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["id"].is_number())
    );

    // 422 with field errors naming the field and the message key.
    let wrong = personnummer("19900704", "239", true);
    let (status, body) = api
        .post(
            "/participants",
            &token,
            &serde_json::to_value(participant_draft(programme, "Yonas", &wrong)).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let errors = body["errors"].as_array().expect("errors");
    let e = errors
        .iter()
        .find(|e| e["field"] == "personnummer")
        .unwrap_or_else(|| panic!("{body}"));
    assert_eq!(e["key"], "error-personnummer-checksum");
    assert!(!e["message"].as_str().unwrap().is_empty());

    // 201, then read, update, conflict, delete.
    let right = personnummer("19900704", "239", false);
    let (status, body) = api
        .post(
            "/participants",
            &token,
            &serde_json::to_value(participant_draft(programme, "Yonas", &right)).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_i64().unwrap();
    let path = format!("/participants/{id}");
    let (status, got) = api.get(&path, &token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(got["first_name"], "Yonas");
    assert_eq!(got["languages"][0]["language"], "tigrinja");
    let version = got["version"].as_i64().unwrap();
    let (status, body) = api
        .put(
            &path,
            &token,
            &versioned(&participant_draft(programme, "Yonatan", &right), version),
        )
        .await;
    assert!(status.is_success(), "{status} {body}");
    let (_, got) = api.get(&path, &token).await;
    assert_eq!(got["first_name"], "Yonatan");
    let (status, _) = api
        .put(
            &path,
            &token,
            &versioned(&participant_draft(programme, "Stale", &right), version),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (_, got) = api.get(&path, &token).await;
    assert_eq!(
        got["first_name"], "Yonatan",
        "the stale write changed nothing"
    );
    let (status, _) = api
        .put(
            &path,
            &token,
            &versioned(
                &participant_draft(programme, "Yonatan", &wrong),
                got["version"].as_i64().unwrap(),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // 400: malformed JSON.
    let res = reqwest::Client::new()
        .post(app.url("/api/v1/participants"))
        .bearer_auth(&token)
        .header(CONTENT_TYPE, "application/json")
        .body("{\"first_name\": \"Ada\",")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    // 413: a body over the limit.
    let mut huge = participant_draft(programme, "Stor", "");
    huge.special_needs = "x".repeat(brygga_web::BODY_LIMIT + 1024);
    let (status, _) = api
        .post(
            "/participants",
            &token,
            &serde_json::to_value(&huge).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);

    // 403: roles with no business with participants.
    let evaluator = app.token(Role::Evaluator).await;
    let (status, _) = api.get("/participants", &evaluator).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = api.get(&path, &evaluator).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = api
        .post(
            "/participants",
            &evaluator,
            &serde_json::to_value(participant_draft(programme, "Eva", "")).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Refused before anything is looked at: invalid input from a role that may not create
    // participants is still 403, not a list of field errors.
    let (status, _) = api
        .post("/participants", &evaluator, &json!({"first_name": "Eva"}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let manager = app.token(Role::ProgrammeManager).await;
    let (status, _) = api.delete(&path, &manager).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // 404: a participant out of scope does not exist for the supervisor, nor an unknown id.
    let supervisor = app.token(Role::Supervisor).await;
    let (status, _) = api.get(&path, &supervisor).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, list) = api.get("/participants", &supervisor).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 2, "{list}");
    let (status, _) = api.get("/participants/999999", &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = api
        .put(
            "/participants/999999",
            &token,
            &versioned(&participant_draft(programme, "Ingen", ""), 1),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // 204 and gone.
    let (status, _) = api.delete(&path, &token).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = api.get(&path, &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = api.delete(&path, &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn the_api_manages_employers_and_placements(app: &TestApp) {
    let api = Api::new(app);
    let token = app.token(Role::Coordinator).await;

    let (status, _) = api
        .call(reqwest::Method::GET, "/employers", None, None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, list) = api.get("/employers", &token).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        list["total"].as_u64().unwrap() >= 10,
        "the demo's employers: {list}"
    );

    let good = org_number("559900456");
    let bad = with_wrong_check_digit(&good);
    let (status, body) = api
        .post(
            "/employers",
            &token,
            &serde_json::to_value(employer_draft("API AB", &bad)).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == "org_number"),
        "{body}"
    );
    let (status, body) = api
        .post(
            "/employers",
            &token,
            &serde_json::to_value(employer_draft("API AB", &good)).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let employer = body["id"].as_i64().unwrap() as i32;
    let epath = format!("/employers/{employer}");
    let (status, got) = api.get(&epath, &token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(got["units"][0]["name"], "Lager");
    let version = got["version"].as_i64().unwrap();
    let (status, _) = api
        .put(
            &epath,
            &token,
            &versioned(&employer_draft("API AB (nytt namn)", &good), version),
        )
        .await;
    assert!(status.is_success());
    let (status, _) = api
        .put(
            &epath,
            &token,
            &versioned(&employer_draft("API AB (gammalt)", &good), version),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = api.get("/employers/999999", &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let evaluator = app.token(Role::Evaluator).await;
    let (status, _) = api.get("/employers", &evaluator).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, body) = api
        .post(
            "/placements",
            &token,
            &serde_json::to_value(placement_draft(employer, "0000")).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == "ssyk_code"),
        "{body}"
    );
    let (status, body) = api
        .post(
            "/placements",
            &token,
            &serde_json::to_value(placement_draft(employer, "9320")).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let placement = body["id"].as_i64().unwrap();
    let ppath = format!("/placements/{placement}");
    let (status, got) = api.get(&ppath, &token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(got["ssyk_code"], "9320");
    let version = got["version"].as_i64().unwrap();
    let mut published = placement_draft(employer, "9320");
    published.status = "published".into();
    let (status, _) = api
        .put(&ppath, &token, &versioned(&published, version))
        .await;
    assert!(status.is_success());
    let (status, _) = api
        .put(
            &ppath,
            &token,
            &versioned(&placement_draft(employer, "9320"), version),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // Published placements are public: the evaluator may read them.
    let (status, _) = api.get(&ppath, &evaluator).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = api.delete(&ppath, &evaluator).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = api.delete(&ppath, &token).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = api.get(&ppath, &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn the_openapi_document_lists_the_registry(app: &TestApp) {
    let res = reqwest::get(app.url("/api/v1/openapi.json")).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let doc: Value = res.json().await.unwrap();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3."),
        "OpenAPI 3"
    );
    // Paths are relative to the server URL, if the document names one.
    let base = doc["servers"][0]["url"]
        .as_str()
        .unwrap_or("")
        .trim_end_matches('/')
        .to_string();
    let paths: std::collections::BTreeMap<String, Value> = doc["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .map(|(k, v)| (format!("{base}{k}"), v.clone()))
        .collect();
    for p in [
        "/api/v1/participants",
        "/api/v1/participants/{id}",
        "/api/v1/employers",
        "/api/v1/employers/{id}",
        "/api/v1/placements",
        "/api/v1/placements/{id}",
    ] {
        assert!(
            paths.contains_key(p),
            "{p} in {:?}",
            paths.keys().collect::<Vec<_>>()
        );
    }
    assert!(paths["/api/v1/participants"]["post"].is_object());
    assert!(paths["/api/v1/participants/{id}"]["put"].is_object());
    assert!(
        doc["components"]["securitySchemes"]["bearer"].is_object(),
        "bearer auth is documented"
    );
}

// ====================================================================== the real browser

/// Run `story` in headless chromium (through chromedriver) against a fresh SQLite app. Without
/// chromedriver the test is skipped with a warning, except in CI, where that is a failure.
async fn in_browser<F>(story: F)
where
    F: AsyncFnOnce(&TestApp, &fantoccini::Client) -> Result<(), String>,
{
    let driver_path =
        std::env::var("BRYGGA_CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    if !std::path::Path::new(&driver_path).exists() {
        brygga_testkit::skip_or_fail(
            "Headless chromium",
            &format!(
                "no chromedriver at {driver_path}. Install chromium and chromium-driver (or set \
                 BRYGGA_CHROMEDRIVER) to run it"
            ),
        );
        return;
    }

    let app = spawn_app(Backend::Sqlite).await;
    let driver = ChromeDriver::start(&driver_path).await;
    let profile = tempfile::tempdir().unwrap();
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": std::env::var("BRYGGA_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1024",
                format!("--user-data-dir={}", profile.path().display()),
            ],
        }),
    );
    let browser =
        fantoccini::ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&driver.url)
            .await
            .expect("a chromium session through chromedriver");

    // Run the story, then close the browser whatever happened, then report.
    let outcome = story(&app, &browser).await;
    let _ = browser.close().await;
    drop(driver);
    app.finish().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}

/// A browser command's error, said with what the story was doing.
fn browser_err(what: &str) -> impl Fn(fantoccini::error::CmdError) -> String {
    let what = what.to_string();
    move |e| format!("{what}: {e}")
}

/// Find an element, retrying for a while: the page may still be loading or navigating (a form
/// post, htmx swapping the results), which a plain wait treats as fatal.
async fn find_soon(
    b: &fantoccini::Client,
    locator: fantoccini::Locator<'_>,
    what: &str,
) -> Result<fantoccini::elements::Element, String> {
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        match b.find(locator).await {
            Ok(e) => return Ok(e),
            Err(e) if std::time::Instant::now() > deadline => {
                return Err(format!("{what}: {e}"));
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// Logs in as a coordinator in headless chromium, submits a participant with a wrong
/// personnummer, sees the message beside the field with the input kept, corrects it, saves, and
/// finds the participant by searching the list.
#[tokio::test]
async fn in_a_real_browser_a_coordinator_fixes_a_wrong_personnummer_and_finds_the_participant() {
    in_browser(browser_story).await;

    async fn browser_story(app: &TestApp, b: &fantoccini::Client) -> Result<(), String> {
        use fantoccini::Locator;
        let err = browser_err;

        // Log in; the login page is where the participant list sends a stranger.
        b.goto(&app.url("/participants/new"))
            .await
            .map_err(err("open /participants/new"))?;
        let email = app.email(Role::Coordinator);
        find_soon(b, Locator::Css("input[name=email]"), "login form")
            .await?
            .send_keys(&email)
            .await
            .map_err(err("type email"))?;
        b.find(Locator::Css("input[name=password]"))
            .await
            .map_err(err("password field"))?
            .send_keys(DEMO_PASSWORD)
            .await
            .map_err(err("type password"))?;
        b.find(Locator::Css("form[action='/login'] button[type=submit]"))
            .await
            .map_err(err("login button"))?
            .click()
            .await
            .map_err(err("log in"))?;

        // Back on the new-participant form: fill it in with a wrong check digit.
        let form = "form[action='/participants']";
        let first_name = format!("{form} input[name=first_name]");
        find_soon(b, Locator::Css(&first_name), "participant form after login").await?;
        let wrong = personnummer("19900928", "238", true);
        let typed = [
            ("first_name", "Webbina"),
            ("last_name", "Webbläsarsson"),
            ("personnummer", wrong.as_str()),
            ("birth_year", "1990"),
            ("email", "webbina@example.org"),
            ("phone", "070-765 43 21"),
        ];
        for (name, value) in typed {
            b.find(Locator::Css(&format!("{form} input[name={name}]")))
                .await
                .map_err(err(name))?
                .send_keys(value)
                .await
                .map_err(err(name))?;
        }
        b.find(Locator::Css(&format!("{form} input[name=language]")))
            .await
            .map_err(err("language"))?
            .send_keys("somaliska")
            .await
            .map_err(err("language"))?;
        b.find(Locator::Css(&format!("{form} select[name=language_level]")))
            .await
            .map_err(err("language_level"))?
            .select_by_value("C2")
            .await
            .map_err(err("language_level"))?;
        b.find(Locator::Css(&format!(
            "{form} select[name=municipality_code]"
        )))
        .await
        .map_err(err("municipality"))?
        .select_by_value("1480")
        .await
        .map_err(err("choose municipality"))?;
        b.find(Locator::Css(&format!(
            "{form} input[name=available_days][value=tue]"
        )))
        .await
        .map_err(err("tuesday"))?
        .click()
        .await
        .map_err(err("tick tuesday"))?;
        b.find(Locator::Css(&format!("{form} button[type=submit]")))
            .await
            .map_err(err("save button"))?
            .click()
            .await
            .map_err(err("save"))?;

        // The message is beside the field, and everything typed is still there.
        let message = find_soon(
            b,
            Locator::Css("input[name=personnummer] + p.field-error#error-personnummer"),
            "the personnummer message right after the field",
        )
        .await?
        .text()
        .await
        .map_err(err("message text"))?;
        if !message.contains("Kontrollsiffran stämmer inte") {
            return Err(format!("unexpected message {message:?}"));
        }
        let pnr_input = b
            .find(Locator::Css("input[name=personnummer]"))
            .await
            .map_err(err("personnummer"))?;
        if pnr_input
            .attr("aria-describedby")
            .await
            .map_err(err("aria"))?
            .as_deref()
            != Some("error-personnummer")
        {
            return Err("the personnummer field does not point at its message".into());
        }
        for (name, value) in typed {
            let kept = b
                .find(Locator::Css(&format!("input[name={name}]")))
                .await
                .map_err(err(name))?
                .prop("value")
                .await
                .map_err(err(name))?;
            if kept.as_deref() != Some(value) {
                return Err(format!("{name}: typed {value:?}, shown again {kept:?}"));
            }
        }
        let language = b
            .find(Locator::Css("input[name=language]"))
            .await
            .map_err(err("language"))?
            .prop("value")
            .await
            .map_err(err("language"))?;
        let level = b
            .find(Locator::Css("select[name=language_level]"))
            .await
            .map_err(err("language_level"))?
            .prop("value")
            .await
            .map_err(err("language_level"))?;
        let languages = language.zip(level).map(|(l, v)| format!("{l} {v}"));
        let municipality = b
            .find(Locator::Css("select[name=municipality_code]"))
            .await
            .map_err(err("municipality"))?
            .prop("value")
            .await
            .map_err(err("municipality"))?;
        let tuesday = b
            .find(Locator::Css("input[name=available_days][value=tue]"))
            .await
            .map_err(err("tuesday"))?
            .prop("checked")
            .await
            .map_err(err("tuesday"))?;
        if languages.as_deref() != Some("somaliska C2")
            || municipality.as_deref() != Some("1480")
            || tuesday.as_deref() != Some("true")
        {
            return Err(format!(
                "lost input: languages {languages:?}, municipality {municipality:?}, tuesday {tuesday:?}"
            ));
        }

        // Corrected and saved.
        let pnr_input = b
            .find(Locator::Css("input[name=personnummer]"))
            .await
            .map_err(err("personnummer"))?;
        pnr_input.clear().await.map_err(err("clear personnummer"))?;
        pnr_input
            .send_keys(&personnummer("19900928", "238", false))
            .await
            .map_err(err("retype personnummer"))?;
        b.find(Locator::Css(&format!("{form} button[type=submit]")))
            .await
            .map_err(err("save button"))?
            .click()
            .await
            .map_err(err("save again"))?;
        find_soon(
            b,
            Locator::XPath("//h1[contains(., 'Webbina Webbläsarsson')]"),
            "the saved record",
        )
        .await?;
        let url = b.current_url().await.map_err(err("url"))?;
        if !url.path().starts_with("/participants/") {
            return Err(format!("after saving the browser is at {url}"));
        }

        // Found in the list by searching.
        b.goto(&app.url("/participants"))
            .await
            .map_err(err("open the list"))?;
        let q = find_soon(b, Locator::Css("input#q"), "search field").await?;
        q.send_keys("webbläsar").await.map_err(err("type search"))?;
        b.find(Locator::Css("form[role=search] button[type=submit]"))
            .await
            .map_err(err("search button"))?
            .click()
            .await
            .map_err(err("search"))?;
        find_soon(
            b,
            Locator::LinkText("Webbläsarsson, Webbina"),
            "the participant in the search results",
        )
        .await?;
        // Only her: the list is filtered, not just long enough to include her.
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        loop {
            let rows = b
                .find_all(Locator::Css("#results tbody tr"))
                .await
                .map(|r| r.len());
            match rows {
                Ok(1) => break,
                _ if std::time::Instant::now() > deadline => {
                    return Err(format!(
                        "the search should show one participant, the list shows {rows:?}"
                    ));
                }
                _ => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        Ok(())
    }
}

/// chromedriver as a child process on a free port, killed when dropped.
struct ChromeDriver {
    child: std::process::Child,
    url: String,
}

impl ChromeDriver {
    async fn start(path: &str) -> ChromeDriver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = std::process::Command::new(path)
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {path}: {e}"));
        let driver = ChromeDriver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let status = format!("{}/status", driver.url);
        for _ in 0..100 {
            if reqwest::get(&status)
                .await
                .is_ok_and(|r| r.status().is_success())
            {
                return driver;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("chromedriver did not answer at {status}");
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ====================================================================== reading HTML

/// Just enough HTML reading for these tests: the templates are ours, attributes are
/// double-quoted, and values are escaped the way askama escapes them.
mod html {
    /// Undo HTML escaping: the named entities askama may write and numeric ones (`&#38;`).
    pub fn unescape(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            rest = &rest[i..];
            let end = rest.find(';').filter(|e| *e <= 10);
            let decoded = end.and_then(|e| {
                let entity = &rest[1..e];
                let c = match entity {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => match entity
                        .strip_prefix("#x")
                        .or_else(|| entity.strip_prefix("#X"))
                    {
                        Some(hex) => u32::from_str_radix(hex, 16).ok().and_then(char::from_u32),
                        None => entity
                            .strip_prefix('#')
                            .and_then(|d| d.parse().ok())
                            .and_then(char::from_u32),
                    },
                };
                c.map(|c| (c, e + 1))
            });
            match decoded {
                Some((c, len)) => {
                    out.push(c);
                    rest = &rest[len..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// Whether the page shows `text` (compared after unescaping).
    pub fn shows(html: &str, text: &str) -> bool {
        unescape(html).contains(text)
    }

    /// Every start tag `<name …>` in the page, as written.
    pub fn tags(html: &str, name: &str) -> Vec<String> {
        let open = format!("<{name}");
        let mut out = vec![];
        let mut rest = html;
        while let Some(i) = rest.find(&open) {
            let after = &rest[i + open.len()..];
            if after.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
                let end = after
                    .find('>')
                    .map(|e| i + open.len() + e + 1)
                    .unwrap_or(rest.len());
                out.push(rest[i..end].to_string());
                rest = &rest[end..];
            } else {
                rest = after;
            }
        }
        out
    }

    /// An attribute's (unescaped) value; `Some("")` for a bare boolean attribute.
    pub fn attr(tag: &str, name: &str) -> Option<String> {
        let bytes = tag.as_bytes();
        let mut from = 0;
        while let Some(i) = tag[from..].find(name).map(|i| i + from) {
            let before = if i == 0 { b'<' } else { bytes[i - 1] };
            let after = bytes.get(i + name.len()).copied().unwrap_or(b'>');
            from = i + name.len();
            if !before.is_ascii_whitespace() {
                continue;
            }
            match after {
                b'=' => {
                    let rest = &tag[i + name.len() + 1..];
                    let rest = rest.strip_prefix('"')?;
                    return rest.find('"').map(|e| unescape(&rest[..e]));
                }
                b' ' | b'>' | b'/' | b'\n' | b'\t' => return Some(String::new()),
                _ => continue,
            }
        }
        None
    }

    pub fn tag_with_name(html: &str, tag: &str, name: &str) -> Option<String> {
        tags(html, tag)
            .into_iter()
            .find(|t| attr(t, "name").as_deref() == Some(name))
    }

    /// The values of every input with this name (the rows of a table of inputs).
    pub fn input_values(html: &str, name: &str) -> Vec<String> {
        tags(html, "input")
            .into_iter()
            .filter(|t| attr(t, "name").as_deref() == Some(name))
            .map(|t| attr(&t, "value").unwrap_or_default())
            .collect()
    }

    /// The selected value of every select with this name.
    pub fn selected_values(html: &str, name: &str) -> Vec<String> {
        let mut out = vec![];
        let mut rest = html;
        while let Some(v) = selected(rest, name) {
            out.push(v);
            let Some(tag) = tag_with_name(rest, "select", name) else {
                break;
            };
            let Some(at) = rest.find(&tag) else { break };
            rest = &rest[at + tag.len()..];
        }
        out
    }

    pub fn input_value(html: &str, name: &str) -> Option<String> {
        tag_with_name(html, "input", name).map(|t| attr(&t, "value").unwrap_or_default())
    }

    pub fn textarea(html: &str, name: &str) -> Option<String> {
        let tag = tag_with_name(html, "textarea", name)?;
        let start = html.find(&tag)? + tag.len();
        let end = html[start..].find("</textarea>")? + start;
        // A newline right after <textarea> is not part of the value.
        let value = &html[start..end];
        Some(unescape(value.strip_prefix('\n').unwrap_or(value)))
    }

    /// The value a browser would submit for a `<select>`: the selected option, else the first.
    pub fn selected(html: &str, name: &str) -> Option<String> {
        let tag = tag_with_name(html, "select", name)?;
        let start = html.find(&tag)? + tag.len();
        let end = html[start..].find("</select>")? + start;
        let options = tags(&html[start..end], "option");
        let chosen = options
            .iter()
            .find(|o| attr(o, "selected").is_some())
            .or(options.first())?;
        Some(attr(chosen, "value").unwrap_or_default())
    }

    /// The values of the checked checkboxes called `name`.
    pub fn checked(html: &str, name: &str) -> Vec<String> {
        tags(html, "input")
            .into_iter()
            .filter(|t| attr(t, "name").as_deref() == Some(name) && attr(t, "checked").is_some())
            .filter_map(|t| attr(&t, "value"))
            .collect()
    }

    /// The element with `id`, from its start tag to the end of its line of markup.
    pub fn element_by_id(html: &str, id: &str) -> Option<String> {
        let needle = format!("id=\"{id}\"");
        let i = html.find(&needle)?;
        let start = html[..i].rfind('<')?;
        let end = html[i..].find("</").map(|e| i + e).unwrap_or(html.len());
        Some(html[start..end].to_string())
    }

    /// What a browser would submit for the form posting to `action` (without pressing any
    /// named button): inputs, checked boxes, textareas and selects, in document order.
    pub fn form_fields(html: &str, action: &str) -> Vec<(String, String)> {
        let needle = format!("action=\"{action}\"");
        let i = html
            .find(&needle)
            .unwrap_or_else(|| panic!("no form posting to {action}"));
        let start = html[..i].rfind("<form").expect("form start");
        let end = html[start..]
            .find("</form>")
            .map(|e| start + e)
            .expect("form end");
        let form = &html[start..end];
        let mut fields: Vec<(usize, String, String)> = vec![];
        for t in tags(form, "input") {
            let Some(name) = attr(&t, "name") else {
                continue;
            };
            let kind = attr(&t, "type").unwrap_or_else(|| "text".into());
            if kind == "submit"
                || ((kind == "checkbox" || kind == "radio") && attr(&t, "checked").is_none())
            {
                continue;
            }
            let value = attr(&t, "value").unwrap_or_else(|| {
                if kind == "checkbox" {
                    "on".into()
                } else {
                    String::new()
                }
            });
            fields.push((form.find(&t).unwrap_or(0), name, value));
        }
        for t in tags(form, "textarea") {
            let Some(name) = attr(&t, "name") else {
                continue;
            };
            fields.push((
                form.find(&t).unwrap_or(0),
                name.clone(),
                textarea(form, &name).unwrap_or_default(),
            ));
        }
        for t in tags(form, "select") {
            let Some(name) = attr(&t, "name") else {
                continue;
            };
            // This select's own options (rows of a table repeat the name).
            let pos = form.find(&t).unwrap_or(0);
            fields.push((
                pos,
                name.clone(),
                selected(&form[pos..], &name).unwrap_or_default(),
            ));
        }
        fields.sort_by_key(|(pos, _, _)| *pos);
        fields.into_iter().map(|(_, k, v)| (k, v)).collect()
    }
}

// ====================================================================== from candidate to intern
// One module per part of the journey; each runs its stories with `both!`.

#[path = "web/agreements.rs"]
mod agreements;
#[path = "web/clearance.rs"]
mod clearance;
#[path = "web/journey.rs"]
mod journey;
#[path = "web/journey_browser.rs"]
mod journey_browser;
#[path = "web/mail.rs"]
mod mail;
#[path = "web/pool.rs"]
mod pool;
#[path = "web/portal.rs"]
mod portal;
