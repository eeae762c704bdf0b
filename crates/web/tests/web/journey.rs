//! Web stories: journey — the board, a participant's staircase and stage moves, the admin's
//! process editor, and who may see them.

use super::*;

both!(
    app:
    the_board_shows_what_blocks_each_participant,
    a_refused_move_keeps_the_note_and_says_why_and_a_good_move_is_recorded,
    an_admin_renames_and_reorders_the_stages_of_a_programme,
    other_roles_get_no_board_and_no_journey,
    a_coordinator_confirms_a_checkpoint_the_admin_added,
);

/// The id of the stage with `key` on the programme's map.
async fn stage(app: &TestApp, programme: i32, key: &str) -> i32 {
    let map = app
        .store
        .process_map(&Actor::system_for("test"), programme)
        .await
        .unwrap();
    map.stages.iter().find(|s| s.key == key).unwrap().id
}

/// The staircase on a page: (done/now/next, stage name) for each stage.
fn steps(page: &str) -> Vec<(String, String)> {
    page.split("<li class=\"step-")
        .skip(1)
        .map(|rest| {
            let state = rest.split('"').next().unwrap_or_default().to_string();
            let after = rest.split_once('>').map(|(_, a)| a).unwrap_or_default();
            let after = after.trim_start().trim_start_matches("<strong>");
            let name = after.split('<').next().unwrap_or_default().trim();
            (state, html::unescape(name))
        })
        .collect()
}

#[track_caller]
fn assert_step(page: &str, state: &str, name: &str) {
    let all = steps(page);
    assert!(
        all.iter().any(|(s, n)| s == state && n == name),
        "{name} should be {state}: {all:?}"
    );
}

/// The text of the error beside the stage field, list included.
fn stage_error(page: &str) -> String {
    let start = page
        .find("id=\"error-stage\"")
        .expect("an error beside the stage");
    let end = page[start..].find("</div>").unwrap() + start;
    html::unescape(&page[start..end])
}

/// A new participant of the coordinator's programme whose profile is recorded.
async fn profiled_participant(app: &TestApp, first_name: &str) -> i32 {
    let programme = app.programme_of(Role::Coordinator).await;
    let mut d = participant_draft(programme, first_name, "");
    d.education_level = "upper_secondary".into();
    let input = d.validate(&RefData::load().unwrap(), today()).unwrap();
    app.store
        .participant_create(&app.actor(Role::Coordinator).await, &input)
        .await
        .unwrap()
}

async fn the_board_shows_what_blocks_each_participant(app: &TestApp) {
    let programme = app.programme_of(Role::Coordinator).await;
    let p = profiled_participant(app, "Tavlan").await;
    // The admin makes the programme ask for the employment service's decision right at the
    // second stage, so that everyone on the first stage lacks it.
    let admin = app.logged_in(Role::Admin).await;
    let profiled = stage(app, programme, "profiled").await;
    let editor = format!("/admin/process/{programme}");
    let res = admin
        .submit(
            &editor,
            &editor,
            &[
                ("op", "add_checkpoint"),
                ("stage_id", &profiled.to_string()),
                ("kind", "es_decision"),
                ("label_sv", ""),
                ("label_en", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    let coordinator = app.logged_in(Role::Coordinator).await;
    let board = coordinator.page("/board").await;
    assert!(html::shows(&board, "Registrerad"), "{board}");
    assert!(board.contains(&format!("/participants/{p}/journey")));
    assert!(html::shows(&board, "Tavlan Apitestsson"));
    assert!(
        html::shows(&board, "Saknar beslut från Arbetsförmedlingen"),
        "{board}"
    );
    // The same board in English.
    coordinator.get("/lang/en").await;
    let board = coordinator
        .page(&format!("/board?programme={programme}"))
        .await;
    assert!(html::shows(
        &board,
        "No decision from the employment service"
    ));
    // The staircase is on the participant's own page too.
    coordinator.get("/lang/sv").await;
    let page = coordinator.page(&format!("/participants/{p}")).await;
    assert!(page.contains("aria-current=\"step\""));
    assert_step(&page, "now", "Registrerad");
    assert_step(&page, "next", "Profilerad");
}

async fn a_refused_move_keeps_the_note_and_says_why_and_a_good_move_is_recorded(app: &TestApp) {
    let programme = app.programme_of(Role::Coordinator).await;
    let p = profiled_participant(app, "Stegvis").await;
    let coordinator = app.logged_in(Role::Coordinator).await;
    let path = format!("/participants/{p}/journey");
    let page = coordinator.page(&path).await;
    assert!(html::shows(&page, "Inga händelser ännu."));

    // Straight to "cleared": refused, with every reason, and the note kept.
    let cleared = stage(app, programme, "cleared").await.to_string();
    let note = "Ring handläggaren på måndag";
    let res = coordinator
        .submit(
            &path,
            &path,
            &[("op", "move"), ("stage", &cleared), ("note", note)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert_eq!(html::textarea(&page, "note").as_deref(), Some(note));
    assert_eq!(html::selected(&page, "stage"), Some(cleared.clone()));
    let why = stage_error(&page);
    for text in [
        "Saknar samtycke till delning med arbetsgivare",
        "Saknar bokad intervju",
        "Saknar bekräftad behörighet från Arbetsförmedlingen",
        "Saknar beslut från Arbetsförmedlingen",
    ] {
        assert!(html::shows(&why, text), "{text} in {why}");
    }
    assert!(page.contains("aria-describedby=\"error-stage\""));

    // One step on: the profile is recorded, so it is allowed and shows in the history.
    let preparing = stage(app, programme, "preparing").await.to_string();
    let res = coordinator
        .submit(
            &path,
            &path,
            &[("op", "move"), ("stage", &preparing), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), path);
    let page = coordinator.page(&path).await;
    assert!(html::shows(&page, "Flyttad till Förberedelse"), "{page}");
    assert_step(&page, "now", "Förberedelse");
    assert_step(&page, "done", "Profilerad");

    // Back needs a reason.
    let registered = stage(app, programme, "registered").await.to_string();
    let res = coordinator
        .submit(
            &path,
            &path,
            &[("op", "move"), ("stage", &registered), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(html::shows(
        &html::element_by_id(&page, "error-note").unwrap(),
        "Skriv varför deltagaren flyttas bakåt."
    ));
    let res = coordinator
        .submit(
            &path,
            &path,
            &[
                ("op", "move"),
                ("stage", &registered),
                ("note", "Flyttad av misstag"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&path).await;
    assert_step(&page, "now", "Registrerad");
    assert!(html::shows(&page, "Flyttad av misstag"));
    assert!(
        html::shows(&page, "Flyttad till Förberedelse"),
        "the history keeps the step forward"
    );
}

async fn an_admin_renames_and_reorders_the_stages_of_a_programme(app: &TestApp) {
    let programme = app.programme_of(Role::Coordinator).await;
    let admin = app.logged_in(Role::Admin).await;
    let orgs = admin.page("/admin/organisations").await;
    let editor = format!("/admin/process/{programme}");
    assert!(orgs.contains(&format!("href=\"{editor}\"")));
    let index = admin.page("/admin/process").await;
    assert!(index.contains(&format!("href=\"{editor}\"")));

    let first = stage(app, programme, "registered").await.to_string();
    let res = admin
        .submit(
            &editor,
            &editor,
            &[
                ("op", "rename_stage"),
                ("stage_id", &first),
                ("name_sv", "Anmäld"),
                ("name_en", "Signed up"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = admin
        .submit(
            &editor,
            &editor,
            &[("op", "stage_down"), ("stage_id", &first)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = admin.page(&editor).await;
    let anmald = page.find("Anmäld / Signed up").expect("renamed");
    let profilerad = page.find("Profilerad / Profiled").expect("second stage");
    assert!(profilerad < anmald, "moved down below Profilerad");

    // An empty name: refused beside the field, the other name kept as typed.
    let res = admin
        .submit(
            &editor,
            &editor,
            &[
                ("op", "rename_stage"),
                ("stage_id", &first),
                ("name_sv", " "),
                ("name_en", "Registered again"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let error = html::element_by_id(&page, &format!("error-name_sv-{first}")).unwrap();
    assert!(html::shows(&error, "Fältet måste fyllas i."));
    assert!(page.contains("value=\"Registered again\""));
    // The last stage cannot move further down.
    let last = stage(app, programme, "followed_up_6").await.to_string();
    let res = admin
        .submit(
            &editor,
            &editor,
            &[("op", "stage_down"), ("stage_id", &last)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::shows(
        &res.text().await.unwrap(),
        "Det går inte att flytta längre åt det hållet."
    ));

    // The coordinator's staircase follows the new order and name.
    let p = profiled_participant(app, "Omordnad").await;
    let coordinator = app.logged_in(Role::Coordinator).await;
    let page = coordinator
        .page(&format!("/participants/{p}/journey"))
        .await;
    assert_step(&page, "now", "Profilerad");
    assert_step(&page, "next", "Anmäld");
    // Only admins edit the map.
    assert_eq!(
        coordinator.get("/admin/process").await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        coordinator.get(&editor).await.status(),
        StatusCode::FORBIDDEN
    );
    let csrf = csrf_of(&coordinator.page("/board").await);
    let res = coordinator
        .post(
            &editor,
            &[
                ("csrf".into(), csrf),
                ("op".into(), "stage_up".into()),
                ("stage_id".into(), first.clone()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

async fn other_roles_get_no_board_and_no_journey(app: &TestApp) {
    let p = profiled_participant(app, "Skyddad").await;
    let path = format!("/participants/{p}/journey");
    for role in [Role::Supervisor, Role::EmployerContact] {
        let v = app.logged_in(role).await;
        assert_eq!(
            v.get("/board").await.status(),
            StatusCode::FORBIDDEN,
            "{role}"
        );
        assert_eq!(v.get(&path).await.status(), StatusCode::NOT_FOUND, "{role}");
        let csrf = csrf_of(&v.page("/password").await);
        let res = v
            .post(
                &path,
                &[
                    ("csrf".into(), csrf),
                    ("op".into(), "move".into()),
                    ("stage".into(), "1".into()),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{role}");
    }
    // The programme manager reads the board and the journey but gets no move form.
    let pm = app.logged_in(Role::ProgrammeManager).await;
    pm.page("/board").await;
    let page = pm.page(&path).await;
    assert!(!page.contains("name=\"op\" value=\"move\""));
    // Strangers log in first.
    let res = app.visitor().get("/board").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

async fn a_coordinator_confirms_a_checkpoint_the_admin_added(app: &TestApp) {
    let programme = app.programme_of(Role::Coordinator).await;
    let admin = app.logged_in(Role::Admin).await;
    let editor = format!("/admin/process/{programme}");
    let preparing = stage(app, programme, "preparing").await.to_string();
    // A custom checkpoint needs its text: refused first, with what was chosen kept.
    let add = |label: &'static str| {
        let preparing = preparing.clone();
        let (admin, editor) = (&admin, &editor);
        async move {
            admin
                .submit(
                    editor,
                    editor,
                    &[
                        ("op", "add_checkpoint"),
                        ("stage_id", &preparing),
                        ("kind", "manual"),
                        ("label_sv", label),
                        ("label_en", "CV reviewed"),
                    ],
                )
                .await
        }
    };
    let res = add("").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let error = html::element_by_id(&page, &format!("error-new-label_sv-{preparing}")).unwrap();
    assert!(html::shows(&error, "Fältet måste fyllas i."));
    assert_eq!(add("CV granskat").await.status(), StatusCode::SEE_OTHER);

    let p = profiled_participant(app, "Bocka").await;
    let coordinator = app.logged_in(Role::Coordinator).await;
    let path = format!("/participants/{p}/journey");
    let res = coordinator
        .submit(
            &path,
            &path,
            &[("op", "move"), ("stage", &preparing), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::shows(
        &stage_error(&res.text().await.unwrap()),
        "Inte bekräftat: CV granskat"
    ));
    let page = coordinator.page(&path).await;
    let checkpoint = html::input_value(&page, "checkpoint_id").expect("a confirm form");
    let res = coordinator
        .submit(
            &path,
            &path,
            &[
                ("op", "confirm"),
                ("checkpoint_id", &checkpoint),
                ("note", "Bra CV"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The same confirmation again (a second tab, a resent form): a conflict, 409.
    let res = coordinator
        .submit(
            &path,
            &path,
            &[
                ("op", "confirm"),
                ("checkpoint_id", &checkpoint),
                ("note", "Bra CV"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = coordinator.page(&path).await;
    assert!(html::shows(&page, "Bekräftade CV granskat"), "{page}");
    assert!(
        html::input_value(&page, "checkpoint_id").is_none(),
        "nothing left to confirm"
    );
    let res = coordinator
        .submit(
            &path,
            &path,
            &[("op", "move"), ("stage", &preparing), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Moving there again: the participant is already there, so the page was stale — 409;
    // only input that is wrong whatever the state (a missing note) is 422.
    let res = coordinator
        .submit(
            &path,
            &path,
            &[("op", "move"), ("stage", &preparing), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
}
