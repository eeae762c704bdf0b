//! Web stories: registering and editing participants, edit conflicts, and what each role may
//! see and do.

use super::*;

both!(
    app:
    a_coordinator_registers_a_participant_after_fixing_a_wrong_personnummer,
    a_second_editor_gets_a_conflict_instead_of_overwriting,
    every_role_sees_exactly_what_its_scope_allows,
    a_coordinator_is_warned_before_registering_someone_twice,
);

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
    // The page view (record and journey) is one read in the audit log, not one per part.
    let reads = app
        .store
        .audit_list(
            &Actor::system_for("test"),
            &brygga_store::audit::AuditFilter {
                action: Some("read".into()),
                resource: Some("participant".into()),
                record_id: Some(id),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .items;
    assert_eq!(reads.len(), 1, "{reads:?}");
    assert_eq!(
        reads[0].fields, r#"["journey"]"#,
        "the journey was shown too"
    );
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
            "language"
            | "experience_occupation"
            | "experience_years"
            | "experience_country"
            | "wished_occupation" => {
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
    assert_eq!(
        supervised.len(),
        5,
        "the demo supervisor has three interns and two who finished"
    );
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

    let admin = app.actor(Admin).await;
    let supervisor_token = app.token(Supervisor).await;
    let api = Api::new(app);
    for id in &supervised {
        let page = supervisor.page(&format!("/participants/{id}")).await;
        assert!(
            !page.contains("class=\"sensitive\""),
            "special needs are for coordinators and admins"
        );
        // Nor the intern's identity number or contact details: on the page, in the edit form
        // (which is refused, as a save would be) or through the API.
        let full = app.store.participant_get(&admin, *id).await.unwrap();
        let secrets: Vec<&str> = [
            full.personnummer.as_deref().unwrap_or(""),
            full.email.as_str(),
            full.phone.as_str(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
        assert!(!secrets.is_empty(), "the demo intern has contact details");
        let (status, item) = api
            .get(&format!("/participants/{id}"), &supervisor_token)
            .await;
        assert_eq!(status, StatusCode::OK);
        let item = item.to_string();
        for secret in &secrets {
            assert!(
                !page.contains(secret),
                "the supervisor's page shows {secret}"
            );
            assert!(
                !item.contains(secret),
                "the supervisor's API item shows {secret}"
            );
        }
        assert!(!page.contains(&format!("/participants/{id}/edit")));
        assert!(!page.contains(&format!("/participants/{id}/clearance")));
        let edit = supervisor.get(&format!("/participants/{id}/edit")).await;
        assert_eq!(edit.status(), StatusCode::FORBIDDEN);
        let body = edit.text().await.unwrap();
        assert!(secrets.iter().all(|s| !body.contains(s)));
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

both!(app: a_search_or_filter_never_confirms_what_the_reader_may_not_see);

/// A supervisor sees her interns' names but not their personnummer, e-mail, phone or
/// eligibility: searching or filtering by them must not confirm them either.
async fn a_search_or_filter_never_confirms_what_the_reader_may_not_see(app: &TestApp) {
    let api = Api::new(app);
    let coordinator = app.token(Role::Coordinator).await;
    let supervisor = app.token(Role::Supervisor).await;
    let interns = app.participant_ids_for(Role::Supervisor).await;
    let intern = *interns.first().expect("the demo supervisor has an intern");
    let (_, full) = api
        .get(&format!("/participants/{intern}"), &coordinator)
        .await;
    let count = |v: &Value| v["total"].as_u64().unwrap();

    for (what, value) in [
        ("personnummer", &full["personnummer"]),
        ("email", &full["email"]),
        ("phone", &full["phone"]),
    ] {
        let value = value.as_str().unwrap_or_default();
        if value.is_empty() {
            continue;
        }
        let q = serde_urlencoded::to_string([("q", value)]).unwrap();
        let (_, mine) = api.get(&format!("/participants?{q}"), &supervisor).await;
        assert_eq!(
            count(&mine),
            0,
            "a search by {what} confirms nothing: {mine}"
        );
        let (_, theirs) = api.get(&format!("/participants?{q}"), &coordinator).await;
        assert!(count(&theirs) >= 1, "the coordinator finds by {what}");
    }
    // Her name still finds her.
    let first = full["first_name"].as_str().unwrap().to_lowercase();
    let q = serde_urlencoded::to_string([("q", first.as_str())]).unwrap();
    let (_, by_name) = api.get(&format!("/participants?{q}"), &supervisor).await;
    assert!(count(&by_name) >= 1, "{by_name}");

    // The eligibility filter is neither offered nor applied.
    let v = app.logged_in(Role::Supervisor).await;
    let all = v.page("/participants").await;
    assert!(
        !all.contains(r#"name="eligibility""#),
        "no eligibility filter offered"
    );
    for status in ["unknown", "pending", "eligible", "not_eligible"] {
        let page = v.page(&format!("/participants?eligibility={status}")).await;
        assert_eq!(
            page.matches("href=\"/participants/").count(),
            all.matches("href=\"/participants/").count(),
            "filtering by {status} tells her nothing"
        );
    }
}

/// A form field's value replaced (or added if absent).
fn with(
    fields: &[(&'static str, String)],
    name: &'static str,
    value: &str,
) -> Vec<(&'static str, String)> {
    let mut out: Vec<_> = fields.iter().filter(|(k, _)| *k != name).cloned().collect();
    out.push((name, value.to_string()));
    out
}

async fn a_coordinator_is_warned_before_registering_someone_twice(app: &TestApp) {
    let coordinator = app.logged_in(Role::Coordinator).await;
    let api = Api::new(app);
    let token = app.token(Role::Coordinator).await;
    let form = coordinator.page("/participants/new").await;
    let programme = html::selected(&form, "programme_id").expect("a programme to choose");

    // The occupation picked from the suggestions has a comma in its name: it is one occupation.
    let pick = "1211 – Ekonomi- och finanschefer, nivå 1";
    assert!(
        form.contains(&format!("<option value=\"{pick}\">")),
        "suggested"
    );
    let first = personnummer("19851130", "239", false);
    let mut typed = with(
        &participant_fields(&programme, &first),
        "wished_occupation",
        pick,
    );
    typed.push(("wished_occupation", "9111".into()));
    let res = coordinator
        .submit("/participants/new", "/participants", &pairs(&typed))
        .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap()
    );
    let id = id_from_location(&res);
    let (_, stored) = api.get(&format!("/participants/{id}"), &token).await;
    assert_eq!(stored["wished_occupations"], json!(["1211", "9111"]));
    let edit = coordinator.page(&format!("/participants/{id}/edit")).await;
    let rows = html::input_values(&edit, "wished_occupation");
    assert!(
        rows.starts_with(&["1211".to_string(), "9111".to_string()]),
        "{rows:?}"
    );
    assert!(rows.len() > 2, "blank rows to add more: {rows:?}");
    let shown = coordinator.page(&format!("/participants/{id}")).await;
    assert!(shown.contains("Ekonomi- och finanschefer, nivå 1"));

    // The same person again, without a personnummer: the form comes back (nothing created,
    // nothing typed lost) naming the one already registered, with a link to her.
    let again = with(&typed, "personnummer", "");
    let others = with(
        &with(&again, "email", "annan@example.org"),
        "phone",
        "08-555 00 00",
    );
    let res = coordinator
        .submit("/participants/new", "/participants", &pairs(&others))
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = res.text().await.unwrap();
    let at = page
        .find("id=\"duplicates\"")
        .expect("a warning about duplicates");
    let warning = &page[at..at + page[at..].find("</section>").unwrap()];
    assert!(
        warning.contains(&format!("href=\"/participants/{id}\"")),
        "{warning}"
    );
    assert!(html::shows(warning, "Skapa ändå"), "{warning}");
    assert_form_keeps(&page, &others);
    let (_, list) = api.get("/participants?q=testd%C3%B3ttir", &token).await;
    assert_eq!(list["total"], 1, "nothing created: {list}");

    // Another name, but her e-mail (any case) or her phone number (any format): warned too.
    let renamed = with(&with(&again, "first_name", "Amina"), "birth_year", "1990");
    for (field, value) in [
        ("email", "AMIRA.Testdottir@example.org"),
        ("phone", "+46 70 123 45 67"),
    ] {
        let other = if field == "email" {
            "08-555 00 00"
        } else {
            "annan@example.org"
        };
        let other_field = if field == "email" { "phone" } else { "email" };
        let fields = with(&with(&renamed, field, value), other_field, other);
        let res = coordinator
            .submit("/participants/new", "/participants", &pairs(&fields))
            .await;
        assert_eq!(res.status(), StatusCode::CONFLICT, "same {field}");
        let page = res.text().await.unwrap();
        assert!(
            page.contains(&format!("href=\"/participants/{id}\"")),
            "same {field}"
        );
    }

    // "Skapa ändå": a different person after all, created.
    let res = coordinator
        .submit(
            "/participants/new",
            "/participants",
            &pairs(&with(&others, "confirm_duplicate", "true")),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_ne!(id_from_location(&res), id);

    // The API answers 409 with the candidates' ids, and creates with ?confirm_duplicate=true.
    let mut draft = participant_draft(app.programme_of(Role::Coordinator).await, "Amira", "");
    draft.last_name = "Testdóttir-Öberg".into();
    draft.birth_year = "1985".into();
    let draft = serde_json::to_value(&draft).unwrap();
    let (status, body) = api.post("/participants", &token, &draft).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let ids = body["duplicates"].as_array().expect("the candidates' ids");
    assert!(ids.contains(&json!(id)), "{body}");
    let (status, body) = api
        .post("/participants?confirm_duplicate=true", &token, &draft)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}
