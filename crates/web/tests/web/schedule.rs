//! Web stories: a coordinator builds an intern's schedule, the intern and her supervisor see
//! their week, absences are reported and counted, the personal calendar feed, and the API.

use super::*;

both!(
    app:
    a_coordinator_builds_a_schedule_and_the_supervisor_sees_the_week,
    bad_entries_are_refused_beside_the_field_and_nothing_typed_is_lost,
    a_template_across_easter_says_which_holidays_it_left_out,
    absences_are_reported_by_the_supervisor_and_the_participant_and_counted,
    only_those_around_the_intern_reach_her_schedule,
    the_calendar_feed_is_valid_ics_until_revoked,
    the_api_reads_and_writes_schedules_with_the_same_policy,
);

/// The demo supervisor's first intern (internship 2027-02-01 – 2027-05-28, four days a week).
async fn intern(app: &TestApp) -> i32 {
    let supervisor = app.actor(Role::Supervisor).await;
    let first = chrono::NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
    app.store
        .internships_supervised(&supervisor)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.start_date == first)
        .expect("the demo intern starting 2027-02-01")
        .participant_id
}

fn entry_fields<'a>(
    date: &'a str,
    starts: &'a str,
    ends: &'a str,
    kind: &'a str,
) -> Vec<(&'static str, &'a str)> {
    vec![
        ("entry_date", date),
        ("entry_starts", starts),
        ("entry_ends", ends),
        ("entry_kind", kind),
        ("title", "Avdelning 3"),
        ("location", "Lindens vårdboende"),
        ("entry_course_id", ""),
    ]
}

/// The recent weekday that is no holiday (entries cannot be put on one), up to today.
fn recent_workday() -> chrono::NaiveDate {
    use chrono::Datelike;
    let mut d = brygga_domain::calendar::today();
    while d.weekday().number_from_monday() > 5 || brygga_domain::calendar::holiday_on(d).is_some() {
        d = d.pred_opt().unwrap();
    }
    d
}

async fn a_coordinator_builds_a_schedule_and_the_supervisor_sees_the_week(app: &TestApp) {
    let id = intern(app).await;
    let k = app.logged_in(Role::Coordinator).await;
    let page = k.page(&format!("/participants/{id}")).await;
    assert!(
        page.contains(&format!("href=\"/participants/{id}/schedule\"")),
        "the participant page links to the schedule"
    );
    let path = format!("/participants/{id}/schedule");
    let page = k.page(&format!("{path}?week=2027-W05")).await;
    assert!(html::shows(&page, "Vecka 2027-W05"), "{page}");
    assert!(html::shows(&page, "4 dagar i veckan"), "{page}");

    // The form's nonce makes a double submit one entry.
    let mut fields: Vec<(String, String)> = html::form_fields(&page, &format!("{path}/entries"));
    for (name, value) in entry_fields("2027-02-03", "08:00", "16:00", "workplace") {
        fields = replace(&fields, name, value);
    }
    for _ in 0..2 {
        let res = k.post(&format!("{path}/entries"), &fields).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&res), format!("{path}?week=2027-W05"));
    }
    let page = k.page(&format!("{path}?week=2027-W05")).await;
    assert_eq!(
        page.matches("class=\"entry kind-workplace\"").count(),
        1,
        "{page}"
    );
    let day = html::element_by_id(&page, "day-2027-02-03").unwrap();
    assert!(html::shows(&page, "08:00–16:00"), "{day}");

    // The supervisor's week: her intern's workplace day, named, in a list (no table).
    let sup = app.logged_in(Role::Supervisor).await;
    let week = sup.page("/schedule?week=2027-W05").await;
    assert!(html::shows(&week, "Praktikplatsen"), "{week}");
    assert!(html::shows(&week, "Avdelning 3"), "{week}");
    assert!(!week.contains("<table"), "a phone-width list, not a table");
    assert!(
        week.contains("href=\"/schedule?week=2027-W04\""),
        "previous week"
    );
    assert!(
        week.contains("href=\"/schedule?week=2027-W06\""),
        "next week"
    );
    // Today is marked in this week's view.
    let now = sup.page("/schedule").await;
    assert!(now.contains("aria-current=\"date\""), "{now}");

    // Editing with a stale version is a conflict, shown on the form.
    let entry_link = html::tags(&page, "a")
        .iter()
        .filter_map(|t| html::attr(t, "href"))
        .find(|h| h.starts_with(&format!("{path}/entries/")))
        .expect("an edit link");
    let edit = k.page(&entry_link).await;
    let mut fields = html::form_fields(&edit, &entry_link);
    fields = replace(&fields, "entry_starts", "09:00");
    let res = k.post(&entry_link, &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    fields = replace(&fields, "entry_starts", "10:00");
    let res = k.post(&entry_link, &fields).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = k.page(&format!("{path}?week=2027-W05")).await;
    assert!(html::shows(&page, "09:00–16:00"), "{page}");
}

async fn bad_entries_are_refused_beside_the_field_and_nothing_typed_is_lost(app: &TestApp) {
    let id = intern(app).await;
    let k = app.logged_in(Role::Coordinator).await;
    let path = format!("/participants/{id}/schedule");
    let cases = [
        (
            entry_fields("2027-02-10", "16:00", "08:00", "workplace"),
            "entry_ends",
            "Sluttiden måste vara efter starttiden",
        ),
        (
            entry_fields("2027-03-26", "08:00", "16:00", "meeting"),
            "entry_date",
            "helgdag",
        ),
        (
            entry_fields("2027-06-14", "08:00", "16:00", "workplace"),
            "entry_date",
            "inom praktikperioden",
        ),
        (
            entry_fields("2027-02-10", "8", "16:00", "workplace"),
            "entry_starts",
            "TT:MM",
        ),
    ];
    for (fields, field, message) in &cases {
        let res = k.submit(&path, &format!("{path}/entries"), fields).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let page = res.text().await.unwrap();
        let error = html::element_by_id(&page, &format!("error-{field}")).expect("the error");
        assert!(html::shows(&error, message), "{error}");
        for (name, value) in fields {
            let kept = if *name == "entry_kind" {
                html::selected(&page, name)
            } else {
                html::input_value(&page, name)
            };
            assert_eq!(kept.as_deref(), Some(*value), "{name} kept");
        }
    }
    // Overlap and the placement's days a week.
    for d in ["2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"] {
        let res = k
            .submit(
                &path,
                &format!("{path}/entries"),
                &entry_fields(d, "08:00", "16:00", "workplace"),
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{d}");
    }
    let res = k
        .submit(
            &path,
            &format!("{path}/entries"),
            &entry_fields("2027-02-12", "08:00", "16:00", "workplace"),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::element_by_id(&page, "error-entry_kind")
            .is_some_and(|e| html::shows(&e, "Fler dagar"))
    );
    let res = k
        .submit(
            &path,
            &format!("{path}/entries"),
            &entry_fields("2027-02-11", "15:00", "17:00", "meeting"),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::element_by_id(&page, "error-entry_starts")
            .is_some_and(|e| html::shows(&e, "krockar"))
    );
}

async fn a_template_across_easter_says_which_holidays_it_left_out(app: &TestApp) {
    let id = intern(app).await;
    let k = app.logged_in(Role::Coordinator).await;
    let path = format!("/participants/{id}/schedule");
    // Four workplace days: fine for a four-day placement; five are not.
    let too_many = [
        ("schedule_template", "gr"),
        ("workplace_days", "mon"),
        ("workplace_days", "tue"),
        ("workplace_days", "wed"),
        ("workplace_days", "thu"),
        ("workplace_days", "fri"),
        ("swedish_day", "wed"),
        ("sfi_day", "fri"),
        ("first_week", "school"),
    ];
    let res = k
        .submit(&path, &format!("{path}/template"), &too_many)
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::element_by_id(&page, "error-workplace_days").is_some(),
        "{page}"
    );
    assert_eq!(
        html::checked(&page, "workplace_days").len(),
        5,
        "the choice kept"
    );

    let page = k.page(&path).await;
    let fields = html::form_fields(&page, &format!("{path}/template"));
    let res = k.post(&format!("{path}/template"), &fields).await;
    assert_eq!(res.status(), StatusCode::OK);
    let page = res.text().await.unwrap();
    // 2027: Good Friday 26 March (SFI), Easter Monday 29 March, Ascension 6 May (workplace).
    assert!(html::shows(&page, "Långfredagen (2027-03-26)"), "{page}");
    assert!(html::shows(&page, "Annandag påsk (2027-03-29)"), "{page}");
    assert!(
        html::shows(&page, "Kristi himmelsfärdsdag (2027-05-06)"),
        "{page}"
    );
    // The preparatory weeks and the Easter week.
    let prep = k.page(&format!("{path}?week=2027-W03")).await;
    assert_eq!(prep.matches("kind-vocational_swedish").count(), 5, "{prep}");
    let easter = k.page(&format!("{path}?week=2027-W13")).await;
    let monday = html::element_by_id(&easter, "holiday-2027-03-29").unwrap();
    assert!(html::shows(&monday, "Annandag påsk"), "{monday}");
    // Tuesday and Thursday at the workplace, Easter Monday left out.
    assert_eq!(
        easter.matches("entry kind-workplace").count(),
        2,
        "{easter}"
    );
    // The week before: Good Friday was the SFI day.
    let before = k.page(&format!("{path}?week=2027-W12")).await;
    assert_eq!(
        before.matches("entry kind-workplace").count(),
        3,
        "{before}"
    );
    assert!(!before.contains("entry kind-sfi"), "{before}");
    // Midsommar is after the internship; the week view still names it.
    let mid = k.page(&format!("{path}?week=2027-W25")).await;
    assert!(html::shows(&mid, "Midsommarafton (ledig dag)"), "{mid}");
}

async fn absences_are_reported_by_the_supervisor_and_the_participant_and_counted(app: &TestApp) {
    let id = intern(app).await;
    let k = app.logged_in(Role::Coordinator).await;
    let day = recent_workday().to_string();
    let path = format!("/participants/{id}/schedule");
    let res = k
        .submit(
            &path,
            &format!("{path}/entries"),
            &entry_fields(&day, "09:00", "10:00", "meeting"),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    let sup = app.logged_in(Role::Supervisor).await;
    let report = |date: String, reason: &'static str| {
        vec![
            ("participant_id", id.to_string()),
            ("absence_date", date),
            ("absence_reason", reason.to_string()),
            ("absence_note", String::new()),
        ]
    };
    let send = async |fields: Vec<(&'static str, String)>| {
        sup.submit("/schedule", "/schedule/absence", &pairs(&fields))
            .await
    };
    // A day far ahead, a day with nothing scheduled: refused beside the day.
    let ahead = (brygga_domain::calendar::today() + chrono::Days::new(3)).to_string();
    let res = send(report(ahead.clone(), "sick")).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::element_by_id(&page, "error-absence_date")
            .is_some_and(|e| html::shows(&e, "i morgon"))
    );
    assert_eq!(
        html::input_value(&page, "absence_date").as_deref(),
        Some(ahead.as_str())
    );
    let res = send(report("2026-01-07".into(), "sick")).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::element_by_id(&page, "error-absence_date")
            .is_some_and(|e| html::shows(&e, "inget i schemat"))
    );

    let res = send(report(day.clone(), "child_sick")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).starts_with("/schedule"));
    // Twice the same day: refused.
    let res = send(report(day.clone(), "sick")).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::element_by_id(&page, "error-absence_date")
            .is_some_and(|e| html::shows(&e, "redan anmäld"))
    );

    // The coordinator sees the pattern and the count.
    let patterns = k.page("/absences").await;
    let row = html::element_by_id(&patterns, &format!("pattern-{id}")).expect("the intern's row");
    assert!(
        row.contains(&format!("/participants/{id}/schedule")),
        "{row}"
    );
    let page = k.page(&format!("/participants/{id}")).await;
    assert!(
        html::shows(&page, "Frånvaro de senaste 90 dagarna: 1 dagar"),
        "{page}"
    );
    let page = k.page(&path).await;
    assert!(html::shows(&page, "Vård av sjukt barn"), "{page}");

    // The employer contact reads the schedule but may not report or see absences.
    let ec = app.logged_in(Role::EmployerContact).await;
    let page = ec.page(&path).await;
    assert!(
        !page.contains("/absences\""),
        "no absence form for the employer"
    );
    assert!(!html::shows(&page, "Vård av sjukt barn"));
    assert_eq!(ec.get("/absences").await.status(), StatusCode::FORBIDDEN);
}

async fn only_those_around_the_intern_reach_her_schedule(app: &TestApp) {
    let id = intern(app).await;
    let interns = app.participant_ids_for(Role::Supervisor).await;
    let other = app
        .participant_ids_for(Role::Coordinator)
        .await
        .into_iter()
        .find(|p| !interns.contains(p))
        .unwrap();
    let sup = app.logged_in(Role::Supervisor).await;
    assert_eq!(
        sup.get(&format!("/participants/{id}/schedule"))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        sup.get(&format!("/participants/{other}/schedule"))
            .await
            .status(),
        StatusCode::NOT_FOUND,
        "another participant, by id"
    );
    let me = app.logged_in(Role::Participant).await;
    let own = app.actor(Role::Participant).await.participant_id().unwrap();
    assert_eq!(
        me.get(&format!("/participants/{own}/schedule"))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        me.get(&format!("/participants/{id}/schedule"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    // The teacher reads the schedule of a participant enrolled in her course, not another's.
    let teacher = app.logged_in(Role::EducationProvider).await;
    assert_eq!(
        teacher
            .get(&format!("/participants/{id}/schedule"))
            .await
            .status(),
        StatusCode::OK
    );
    let supervised = app.participant_ids_for(Role::Supervisor).await;
    let not_enrolled = app
        .participant_ids_for(Role::Coordinator)
        .await
        .into_iter()
        .find(|p| !supervised.contains(p))
        .unwrap();
    assert_eq!(
        teacher
            .get(&format!("/participants/{not_enrolled}/schedule"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    for role in [Role::EsOfficer, Role::Evaluator] {
        let v = app.logged_in(role).await;
        assert_eq!(
            v.get(&format!("/participants/{id}/schedule"))
                .await
                .status(),
            StatusCode::FORBIDDEN,
            "{role}"
        );
    }
    // A supervisor may not write the schedule; the form is not even shown.
    let page = sup.page(&format!("/participants/{id}/schedule")).await;
    assert!(!page.contains("/schedule/entries\""), "{page}");
    let res = sup
        .submit(
            &format!("/participants/{id}/schedule"),
            &format!("/participants/{id}/schedule/entries"),
            &entry_fields("2027-02-03", "08:00", "16:00", "workplace"),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

/// The unfolded content lines of a calendar file, checked against RFC 5545's grammar on the
/// way: CRLF line ends, lines of at most 75 octets, continuation lines, `name[;params]:value`
/// with a valid name, BEGIN/END nested and matched, the required properties present.
fn parse_ics(ics: &str) -> Vec<(String, String)> {
    assert!(ics.ends_with("\r\n"), "ends with CRLF");
    let mut lines: Vec<String> = vec![];
    for raw in ics.trim_end_matches("\r\n").split("\r\n") {
        assert!(raw.len() <= 75, "folded at 75 octets: {raw:?}");
        assert!(
            !raw.contains('\n') && !raw.contains('\r'),
            "a bare line break: {raw:?}"
        );
        match raw.strip_prefix([' ', '\t']) {
            Some(rest) => lines.last_mut().expect("a first line").push_str(rest),
            None => lines.push(raw.to_string()),
        }
    }
    let mut props = vec![];
    let mut stack: Vec<(String, Vec<String>)> = vec![];
    for l in lines {
        let colon = {
            // The first colon outside a quoted parameter value.
            let mut quoted = false;
            l.char_indices()
                .find(|(_, c)| {
                    if *c == '"' {
                        quoted = !quoted;
                    }
                    *c == ':' && !quoted
                })
                .map(|(i, _)| i)
                .unwrap_or_else(|| panic!("no value: {l}"))
        };
        let (head, value) = (&l[..colon], &l[colon + 1..]);
        let name = head.split(';').next().unwrap().to_string();
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "a property name: {name:?}"
        );
        match name.as_str() {
            "BEGIN" => stack.push((value.to_string(), vec![])),
            "END" => {
                let (component, seen) = stack.pop().expect("END without BEGIN");
                assert_eq!(component, value, "END matches BEGIN");
                let required: &[&str] = match value {
                    "VCALENDAR" => &["VERSION", "PRODID"],
                    "VEVENT" => &["UID", "DTSTAMP", "DTSTART"],
                    _ => &[],
                };
                for r in required {
                    assert!(seen.iter().any(|s| s == r), "{value} without {r}");
                }
            }
            _ => {
                stack
                    .last_mut()
                    .expect("a property outside any component")
                    .1
                    .push(name.clone());
            }
        }
        props.push((name, value.to_string()));
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
    props
}

async fn the_calendar_feed_is_valid_ics_until_revoked(app: &TestApp) {
    let own = app.actor(Role::Participant).await.participant_id().unwrap();
    let k = app.logged_in(Role::Coordinator).await;
    let path = format!("/participants/{own}/schedule");
    let mut meeting = entry_fields("2027-01-13", "13:00", "14:30", "meeting");
    meeting[4] = ("title", "Uppföljning; med \"AF\", rum 2\\3");
    let res = k.submit(&path, &format!("{path}/entries"), &meeting).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    let me = app.logged_in(Role::Participant).await;
    let week = me.page("/schedule?week=2027-W02").await;
    assert!(html::shows(&week, "Uppföljning; med"), "{week}");
    let res = me
        .submit("/account/calendar", "/account/calendar", &[])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let page = res.text().await.unwrap();
    let url = html::element_by_id(&page, "new-feed").expect("the address shown once");
    let url = html::unescape(url.rsplit('>').next().unwrap());
    let path = url
        .find("/calendar/")
        .map(|i| url[i..].to_string())
        .expect("a calendar path");
    assert!(path.ends_with(".ics"), "{path}");

    // No login needed: a calendar app fetches it.
    let anonymous = app.visitor();
    let res = anonymous.get(&path).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()
            .get(CONTENT_TYPE)
            .is_some_and(|c| c.to_str().unwrap().starts_with("text/calendar"))
    );
    let ics = res.text().await.unwrap();
    let props = parse_ics(&ics);
    let get = |n: &str| {
        props
            .iter()
            .filter(|(k, _)| k == n)
            .map(|(_, v)| v.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(get("VERSION"), vec!["2.0"]);
    // Her whole schedule (the demo's running internship) with the meeting once among it.
    let events = get("BEGIN").iter().filter(|v| *v == "VEVENT").count();
    assert_eq!(get("SUMMARY").len(), events, "{ics}");
    assert_eq!(
        get("SUMMARY")
            .iter()
            .filter(|v| *v == "Möte: Uppföljning\\; med \"AF\"\\, rum 2\\\\3")
            .count(),
        1,
        "{ics}"
    );
    // 13:00 in Stockholm in January is 12:00 UTC.
    assert!(get("DTSTART").contains(&"20270113T120000Z".to_string()));
    assert!(get("DTEND").contains(&"20270113T133000Z".to_string()));

    // The feed page lists it; revoking it ends the address.
    let page = me.page("/account/calendar").await;
    let revoke = html::tags(&page, "form")
        .iter()
        .filter_map(|f| html::attr(f, "action"))
        .find(|a| a.ends_with("/revoke"))
        .expect("a revoke button");
    let res = me.submit("/account/calendar", &revoke, &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(anonymous.get(&path).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        anonymous.get("/calendar/nonsense.ics").await.status(),
        StatusCode::NOT_FOUND
    );
    // Someone else cannot revoke it (it is not theirs): 404.
    let k_res = k.submit("/account/calendar", &revoke, &[]).await;
    assert_eq!(k_res.status(), StatusCode::NOT_FOUND);
}

async fn the_api_reads_and_writes_schedules_with_the_same_policy(app: &TestApp) {
    let id = intern(app).await;
    let api = Api::new(app);
    let kt = app.token(Role::Coordinator).await;
    let body = json!({
        "entry_date": "2027-02-17",
        "entry_starts": "08:00",
        "entry_ends": "16:00",
        "entry_kind": "workplace",
        "title": "Kök",
    });
    let (status, created) = api
        .post(&format!("/participants/{id}/schedule"), &kt, &body)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let entry = created["id"].as_i64().unwrap();
    let (status, err) = api
        .post(&format!("/participants/{id}/schedule"), &kt, &body)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a clash");
    assert!(err.to_string().contains("entry_starts"), "{err}");

    let (status, v) = api
        .get(
            &format!("/participants/{id}/schedule?from=2027-02-15&to=2027-02-21"),
            &kt,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["entries"][0]["kind"], "workplace");
    assert_eq!(v["entries"][0]["start_minute"], 480);
    let version = v["entries"][0]["version"].as_i64().unwrap();

    let mut changed = body.clone();
    changed["entry_ends"] = json!("15:00");
    changed["version"] = json!(version);
    let (status, _) = api
        .put(
            &format!("/participants/{id}/schedule/{entry}"),
            &kt,
            &changed,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = api
        .put(
            &format!("/participants/{id}/schedule/{entry}"),
            &kt,
            &changed,
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "a stale version");

    // Supervisor: reads her intern, not another; writes nothing.
    let st = app.token(Role::Supervisor).await;
    let (status, v) = api
        .get(&format!("/participants/{id}/schedule?from=2027-02-15"), &st)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["workplace_only"], true);
    let (status, _) = api
        .post(&format!("/participants/{id}/schedule"), &st, &body)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let own = app.actor(Role::Participant).await.participant_id().unwrap();
    let supervised = app.participant_ids_for(Role::Supervisor).await;
    let other = app
        .participant_ids_for(Role::Coordinator)
        .await
        .into_iter()
        .find(|p| !supervised.contains(p))
        .unwrap();
    let (status, _) = api
        .get(&format!("/participants/{other}/schedule"), &st)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = api
        .get(
            &format!("/participants/{id}/schedule?from=2027-02-15&to=2027-01-01"),
            &kt,
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a period backwards"
    );

    // Absences: reported by the participant for herself; listed for the coordinator.
    let pt = app.token(Role::Participant).await;
    let day = recent_workday().to_string();
    let (status, _) = api
        .post(
            &format!("/participants/{own}/schedule"),
            &kt,
            &json!({"entry_date": day, "entry_starts": "17:00", "entry_ends": "18:00", "entry_kind": "sfi"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, a) = api
        .post(
            &format!("/participants/{own}/absences"),
            &pt,
            &json!({"absence_date": day, "absence_reason": "appointment"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{a}");
    let (status, _) = api
        .post(
            &format!("/participants/{id}/absences"),
            &pt,
            &json!({"absence_date": day, "absence_reason": "sick"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another participant");
    let (status, list) = api.get("/absences", &kt).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|a| a["participant_id"] == own)
    );
    let (status, _) = api
        .get("/absences", &app.token(Role::EmployerContact).await)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, _) = api
        .delete(
            &format!("/participants/{id}/schedule/{entry}?version=1"),
            &kt,
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = api
        .delete(
            &format!(
                "/participants/{id}/schedule/{entry}?version={}",
                version + 1
            ),
            &kt,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
}
