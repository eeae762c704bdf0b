//! Web stories: the candidate pool and interviews.

use super::*;
use base64::Engine as _;

both!(
    app:
    a_candidate_goes_from_proposal_to_a_booked_interview_with_an_outcome,
    the_pool_stays_closed_to_other_employers_and_roles_without_business,
);

/// A published placement of the demo employer contact's employer.
async fn contacts_placement(app: &TestApp) -> i32 {
    let contact = app.actor(Role::EmployerContact).await;
    let employer = contact.employer_id().unwrap();
    app.store
        .placement_list(
            &contact,
            &brygga_store::placement::PlacementFilter {
                page: 1,
                status: Some(brygga_domain::model::PlacementStatus::Published),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .items
        .iter()
        .find(|p| p.employer_id == employer)
        .unwrap()
        .id
}

/// A participant of the coordinator's programme, with special needs; `share` decides the
/// consent to share with employers.
async fn new_participant(app: &TestApp, first_name: &str, share: bool) -> i32 {
    let programme = app.programme_of(Role::Coordinator).await;
    let mut d = participant_draft(programme, first_name, "");
    d.special_needs = "Behöver hörslinga vid samtal".into();
    d.email = format!("{}@example.org", first_name.to_lowercase());
    d.skills = vec!["truckkort".into()];
    if share {
        d.consents.push("share_with_employers".into());
    }
    let input = d.validate(&RefData::load().unwrap(), today()).unwrap();
    app.store
        .participant_create(&Actor::system_for("test"), &input)
        .await
        .unwrap()
}

async fn proposal_of(app: &TestApp, placement: i32, participant: i32) -> (i32, i32) {
    let pool = app
        .store
        .pool_for_placement(&Actor::system_for("test"), placement)
        .await
        .unwrap();
    let p = pool
        .proposals
        .iter()
        .find(|p| p.participant_id == participant)
        .expect("the proposal");
    (p.id, p.version)
}

/// The time `days` from now at `hh:mm`, as a datetime-local value.
fn local(days: i64, hm: &str) -> String {
    let day = (chrono::Utc::now() + chrono::Duration::days(days)).date_naive();
    format!("{day}T{hm}")
}

async fn queued_emails(app: &TestApp) -> Vec<brygga_store::jobs::OutgoingEmail> {
    use sea_orm::ConnectionTrait;
    let db = app.store.connection();
    db.query_all_raw(sea_orm::Statement::from_string(
        db.get_database_backend(),
        "SELECT payload FROM jobs ORDER BY id",
    ))
    .await
    .unwrap()
    .iter()
    .map(|r| serde_json::from_str(&r.try_get_by_index::<String>(0).unwrap()).unwrap())
    .collect()
}

async fn a_candidate_goes_from_proposal_to_a_booked_interview_with_an_outcome(app: &TestApp) {
    let placement = contacts_placement(app).await;
    let pool_path = format!("/placements/{placement}/pool");
    let hana = new_participant(app, "Hana", true).await;
    let utan = new_participant(app, "Utan", false).await;

    // The coordinator finds Hana by name and proposes her by hand.
    let coordinator = app.logged_in(Role::Coordinator).await;
    let page = coordinator.page(&format!("{pool_path}?q=Hana")).await;
    assert!(
        page.contains(&format!("<option value=\"{hana}\">Hana")),
        "{page}"
    );
    // She is available two days and the placement needs four: a hand proposal goes through
    // the matching's hard rules too, so it needs a reason, asked for beside its field with
    // everything typed kept.
    let typed = [
        ("participant_id", hana.to_string()),
        ("proposal_note", "Van vid lager".to_string()),
    ];
    let fields: Vec<(&str, &str)> = typed.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = coordinator.submit(&pool_path, &pool_path, &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let error = html::element_by_id(&page, "error-override_reason").expect("the reason's error");
    assert!(
        html::shows(&error, "trots att ett krav inte är uppfyllt"),
        "{error}"
    );
    assert_eq!(
        html::textarea(&page, "proposal_note").as_deref(),
        Some("Van vid lager")
    );
    assert!(
        page.contains(&format!("<option value=\"{hana}\" selected>")),
        "{page}"
    );
    let mut fields = fields;
    fields.push((
        "override_reason",
        "Kan utöka till fyra dagar från nästa månad",
    ));
    let res = coordinator.submit(&pool_path, &pool_path, &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Without consent to share: refused beside the field, the note kept.
    let res = coordinator
        .submit(
            &pool_path,
            &pool_path,
            &[
                ("participant_id", &utan.to_string()),
                ("proposal_note", "Skriven text"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(
        html::shows(
            &body,
            "har inte samtyckt till att uppgifter delas med arbetsgivare"
        ),
        "{body}"
    );
    assert!(body.contains("id=\"error-participant_id\""));
    assert_eq!(
        html::textarea(&body, "proposal_note").as_deref(),
        Some("Skriven text")
    );

    // The employer contact sees Hana's card, without her special needs, and shortlists her.
    let contact = app.logged_in(Role::EmployerContact).await;
    let page = contact.page(&pool_path).await;
    assert!(html::shows(&page, "Hana Apitestsson"), "{page}");
    assert!(html::shows(&page, "truckkort"));
    assert!(
        !html::shows(&page, "hörslinga"),
        "special needs reached the employer"
    );
    assert!(!html::shows(&page, "hana@example.org"));
    assert!(!page.contains("Utan"), "never proposed, never shown");
    let (proposal, version) = proposal_of(app, placement, hana).await;
    let res = contact
        .submit(
            &pool_path,
            &format!("/proposals/{proposal}/status"),
            &[("version", &version.to_string()), ("status", "shortlisted")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = contact
        .submit(
            &pool_path,
            &format!("/proposals/{proposal}/status"),
            &[
                ("version", &(version + 1).to_string()),
                ("status", "interview_requested"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The employer selects its intern, but only after an interview.
    let res = contact
        .submit(
            &pool_path,
            &format!("/proposals/{proposal}/status"),
            &[
                ("version", &(version + 2).to_string()),
                ("status", "selected"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The coordinator books from the candidate's row; the form suggests the employer's people.
    let page = coordinator.page(&pool_path).await;
    assert!(html::shows(&page, "Intervju önskas"), "{page}");
    let book_path = format!("/proposals/{proposal}/interview");
    assert!(page.contains(&format!("href=\"{book_path}\"")));
    let form = coordinator.page(&book_path).await;
    let emails: Vec<String> = html::input_values(&form, "attendee_email")
        .into_iter()
        .filter(|e| !e.is_empty())
        .collect();
    assert!(
        emails.len() >= 2,
        "contacts, supervisors and the coordinator: {emails:?}"
    );
    let (start, end) = (local(30, "10:00"), local(30, "11:00"));
    let mut fields: Vec<(&str, &str)> = vec![
        ("starts_at", &start),
        ("ends_at", &end),
        ("location", "Lagergatan 3, Borås"),
        ("notes", "Ta med id-handling"),
    ];
    for e in &emails[..1] {
        fields.extend([
            ("attendee_name", "Kontakt"),
            ("attendee_email", e.as_str()),
            ("attendee_role", "employer"),
        ]);
    }
    // Not before the employment service has confirmed her eligibility (on by default): the
    // form comes back with the message, what was typed, and the way to the clearance page.
    let before = queued_emails(app).await.len();
    let res = coordinator.submit(&book_path, &book_path, &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(
        html::shows(
            &body,
            "Behörigheten måste vara bekräftad av Arbetsförmedlingen innan intervjun bokas"
        ),
        "{body}"
    );
    let clearance = format!("/participants/{hana}/clearance");
    assert!(body.contains(&format!("href=\"{clearance}\"")), "{body}");
    assert!(
        body.contains("Lagergatan 3, Borås"),
        "nothing typed is lost"
    );
    assert_eq!(queued_emails(app).await.len(), before);
    let res = coordinator
        .submit(
            &clearance,
            &format!("{clearance}/confirmation"),
            &[
                ("es_officer_name", "Sara Svensson, Arbetsförmedlingen"),
                ("es_confirmed_on", &today().to_string()),
                ("es_confirm_note", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = coordinator.submit(&book_path, &book_path, &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let interview_path = location(&res);
    assert!(
        interview_path.starts_with("/interviews/"),
        "{interview_path}"
    );
    let interview_path = interview_path.split('?').next().unwrap().to_string();
    let page = coordinator.page(&location(&res)).await;
    assert!(html::shows(&page, "Intervjun är bokad"), "{page}");

    // The invitations: the candidate, the attendee and a confirmation to the booker, each with
    // a calendar file in UTC and, with the invitation, the guide.
    let sent = queued_emails(app).await;
    let new = &sent[before..];
    assert_eq!(new.len(), 3, "{new:?}");
    assert!(
        new.iter()
            .any(|m| m.to == vec!["hana@example.org".to_string()])
    );
    let ics = new
        .iter()
        .flat_map(|m| m.attachments.iter())
        .find(|a| a.filename.ends_with(".ics"))
        .unwrap();
    assert!(ics.content_type.contains("method=REQUEST"));
    let ics = String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(&ics.data_base64)
            .unwrap(),
    )
    .unwrap();
    assert!(ics.contains("METHOD:REQUEST"), "{ics}");
    assert!(ics.contains("UID:interview-"), "{ics}");
    let dtstart = ics.lines().find(|l| l.starts_with("DTSTART")).unwrap();
    assert!(dtstart.ends_with('Z'), "{dtstart}");
    assert!(ics.contains("LOCATION:Lagergatan 3"), "{ics}");
    assert!(
        ics.contains("ATTENDEE") && ics.contains("ORGANIZER"),
        "{ics}"
    );
    assert!(
        new.iter().all(|m| m
            .attachments
            .iter()
            .any(|a| a.filename.starts_with("intervjuguide"))),
        "the guide goes with every invitation"
    );
    // The employer's side learns the candidate's name, never her address: not in the text,
    // not among the calendar file's attendees.
    let booker = app.email(Role::Coordinator);
    let employer_side: Vec<_> = new
        .iter()
        .filter(|m| m.to != vec!["hana@example.org".to_string()] && m.to != vec![booker.clone()])
        .collect();
    assert!(!employer_side.is_empty(), "{new:?}");
    for m in employer_side {
        assert!(m.text.contains("Hana"), "{}", m.text);
        assert!(!m.text.contains("hana@example.org"), "{}", m.text);
        for a in &m.attachments {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(&a.data_base64)
                .unwrap();
            assert!(
                !String::from_utf8_lossy(&bytes).contains("hana@example.org"),
                "{}",
                a.filename
            );
        }
    }

    // The same time again overlaps Hana's interview: 422 beside the time, everything kept.
    let res = coordinator.submit(&book_path, &book_path, &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(
        html::shows(&body, "Kandidaten har redan en intervju som krockar"),
        "{body}"
    );
    assert!(body.contains("id=\"error-starts_at\""));
    assert_eq!(
        html::input_value(&body, "starts_at").as_deref(),
        Some(start.as_str())
    );
    assert_eq!(
        html::input_value(&body, "location").as_deref(),
        Some("Lagergatan 3, Borås")
    );
    assert_eq!(
        html::textarea(&body, "notes").as_deref(),
        Some("Ta med id-handling")
    );
    // An end before the start.
    let early = local(31, "09:00");
    let later = local(31, "10:00");
    let mut swapped = fields.clone();
    swapped[0] = ("starts_at", &later);
    swapped[1] = ("ends_at", &early);
    let res = coordinator.submit(&book_path, &book_path, &swapped).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(
        html::shows(&body, "Sluttiden måste vara efter starttiden"),
        "{body}"
    );
    assert_eq!(
        html::input_value(&body, "ends_at").as_deref(),
        Some(early.as_str())
    );

    // The employer contact records the outcome.
    let page = contact.page(&interview_path).await;
    assert!(html::shows(&page, "Lagergatan 3, Borås"), "{page}");
    let version = html::input_value(&page, "version").unwrap();
    let res = contact
        .submit(
            &interview_path,
            &format!("{interview_path}/outcome"),
            &[
                ("version", &version),
                ("outcome", "passed"),
                ("outcome_note", "Bra samtal"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = contact.page(&interview_path).await;
    assert!(
        html::shows(&page, "Gick vidare") && html::shows(&page, "Bra samtal"),
        "{page}"
    );
    // A stale form is a conflict, not a silent overwrite.
    let res = contact
        .submit(
            &interview_path,
            &format!("{interview_path}/outcome"),
            &[("version", &version), ("outcome", "failed")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);

    // With the interview passed, the employer decides: its contact selects Hana.
    let (_, version) = proposal_of(app, placement, hana).await;
    assert!(html::shows(
        &contact.page(&pool_path).await,
        "Utse till praktikant"
    ));
    let res = contact
        .submit(
            &pool_path,
            &format!("/proposals/{proposal}/status"),
            &[("version", &version.to_string()), ("status", "selected")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(html::shows(&coordinator.page(&pool_path).await, "Vald"));

    // The guide, in the interface's language.
    let guide = coordinator.page("/interview-guide").await;
    assert!(html::shows(&guide, "Intervjuguide") && html::shows(&guide, "Förbered"));
}

async fn the_pool_stays_closed_to_other_employers_and_roles_without_business(app: &TestApp) {
    let placement = contacts_placement(app).await;
    let pool_path = format!("/placements/{placement}/pool");
    let hana = new_participant(app, "Hana", true).await;
    let k = app.actor(Role::Coordinator).await;
    let proposal = app.store.propose(&k, hana, placement, "").await.unwrap();

    // A contact person of another employer.
    let own = app
        .actor(Role::EmployerContact)
        .await
        .employer_id()
        .unwrap();
    let other = app
        .store
        .employer_list(
            &Actor::system_for("test"),
            &brygga_store::employer::EmployerFilter {
                page: 1,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .items
        .iter()
        .find(|e| e.id != own)
        .unwrap()
        .id;
    app.store
        .user_create(
            &Actor::system_for("test"),
            brygga_store::users::NewUser {
                email: "hr@annan.example.org",
                name: "Annan Kontakt",
                role: Role::EmployerContact,
                org_ids: &[],
                employer_id: Some(other),
                password: DEMO_PASSWORD,
            },
        )
        .await
        .unwrap();
    let stranger = app.visitor();
    assert_eq!(
        stranger
            .login("hr@annan.example.org", DEMO_PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        stranger.get(&pool_path).await.status(),
        StatusCode::FORBIDDEN
    );
    let book_path = format!("/proposals/{proposal}/interview");
    let status = stranger.get(&book_path).await.status();
    assert_eq!(status, StatusCode::NOT_FOUND, "another employer's proposal");

    // The employer decides and books itself, from its pool; the programme's coordinator is
    // told and invited. The employment service's confirmation is needed first here too.
    let contact = app.logged_in(Role::EmployerContact).await;
    let pool = contact.page(&pool_path).await;
    assert!(pool.contains(&format!("href=\"{book_path}\"")), "{pool}");
    let form = contact.page(&book_path).await;
    let emails: Vec<String> = html::input_values(&form, "attendee_email")
        .into_iter()
        .filter(|e| !e.is_empty())
        .collect();
    let (start, end) = (local(31, "10:00"), local(31, "11:00"));
    let fields: Vec<(&str, &str)> = vec![
        ("starts_at", &start),
        ("ends_at", &end),
        ("location", "Lagergatan 3, Borås"),
        ("attendee_name", "Kontakt"),
        ("attendee_email", emails[0].as_str()),
        ("attendee_role", "employer"),
    ];
    let res = contact.submit(&book_path, &book_path, &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(html::shows(
        &body,
        "Behörigheten måste vara bekräftad av Arbetsförmedlingen innan intervjun bokas"
    ));
    assert!(
        !body.contains("/clearance\""),
        "no link to a page the employer may not open"
    );
    app.store
        .eligibility_confirm(
            &k,
            hana,
            &brygga_domain::clearance::ConfirmationInput {
                officer_name: "Sara Svensson".into(),
                confirmed_on: today(),
                note: String::new(),
            },
        )
        .await
        .unwrap();
    let before = queued_emails(app).await.len();
    let res = contact.submit(&book_path, &book_path, &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let coordinator_email = app.email(Role::Coordinator);
    let sent = queued_emails(app).await;
    assert!(
        sent[before..]
            .iter()
            .any(|m| m.to == vec![coordinator_email.to_string()]
                && m.attachments.iter().any(|a| a.filename.ends_with(".ics"))),
        "the coordinator is invited: {:?}",
        &sent[before..]
    );
    let supervisor = app.logged_in(Role::Supervisor).await;
    assert_eq!(
        supervisor.get(&pool_path).await.status(),
        StatusCode::FORBIDDEN
    );
    // Unknown ids are 404.
    let coordinator = app.logged_in(Role::Coordinator).await;
    assert_eq!(
        coordinator.get("/placements/999999/pool").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        coordinator.get("/interviews/999999").await.status(),
        StatusCode::NOT_FOUND
    );
}
