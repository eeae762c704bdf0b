//! The running internship in a real browser, the supervisor on a phone-sized window: a
//! coordinator invites a supervisor to a login, the supervisor sets her password from the link,
//! sees her intern's week, reports the intern absent (first for a day too far ahead), and the
//! coordinator finds the absence on her home page.

use super::browser::{
    browser_err, click, find_soon, in_browser, log_out, set_value, text_with, type_into,
};
use super::*;
use brygga_domain::calendar::{holiday_on, week_start};
use brygga_store::participant::ParticipantFilter;
use brygga_store::placement::PlacementFilter;
use chrono::{Datelike, Days, NaiveDate};
use fantoccini::Locator;

#[tokio::test]
async fn on_a_phone_an_invited_supervisor_reports_her_intern_absent_and_the_coordinator_sees_it() {
    in_browser(story).await;
}

/// The last day up to today that GR's suggested template makes a workplace day (Monday,
/// Tuesday or Thursday) and that is no holiday.
fn last_workplace_day() -> NaiveDate {
    let mut d = brygga_domain::calendar::today();
    while !matches!(
        d.weekday(),
        chrono::Weekday::Mon | chrono::Weekday::Tue | chrono::Weekday::Thu
    ) || holiday_on(d).is_some()
    {
        d = d - Days::new(1);
    }
    d
}

async fn log_in(
    app: &TestApp,
    b: &fantoccini::Client,
    email: &str,
    password: &str,
    next: &str,
) -> Result<(), String> {
    b.goto(&app.url(&format!("/login?next={next}")))
        .await
        .map_err(browser_err("open the login page"))?;
    type_into(b, "input[name=email]", email).await?;
    type_into(b, "input[name=password]", password).await?;
    click(b, "form[action='/login'] button[type=submit]").await
}

/// The page fits the window: nothing wider than the screen, so nothing to scroll sideways.
async fn fits_the_phone(b: &fantoccini::Client, what: &str) -> Result<(), String> {
    let widths = b
        .execute(
            "return [window.innerWidth, document.documentElement.scrollWidth];",
            vec![],
        )
        .await
        .map_err(browser_err(what))?;
    let (inner, scroll) = (widths[0].as_i64(), widths[1].as_i64());
    match (inner, scroll) {
        (Some(i), Some(s)) if i <= 600 && s <= i => Ok(()),
        _ => Err(format!(
            "{what}: the page is {scroll:?} px wide in a {inner:?} px window"
        )),
    }
}

async fn story(app: &TestApp, b: &fantoccini::Client) -> Result<(), String> {
    let err = browser_err;
    let fail = |e: brygga_store::StoreError| e.to_string();

    // The setting, through the functions the coordinator's pages call: Yonas, proposed to the
    // home-care placement, started his internship last week with Maja Mentorsdotter, who has
    // no login yet, as his supervisor; GR's template filled his schedule.
    let k = app.actor(Role::Coordinator).await;
    let employer = app
        .actor(Role::EmployerContact)
        .await
        .employer_id()
        .ok_or("the demo contact has no employer")?;
    let maja = app
        .store
        .employer_get(&k, employer)
        .await
        .map_err(fail)?
        .supervisors
        .into_iter()
        .find(|s| s.name == "Maja Mentorsdotter")
        .ok_or("no supervisor Maja")?;
    let yonas = app
        .store
        .participant_list(
            &k,
            &ParticipantFilter {
                q: "Yonas Demosson".into(),
                ..Default::default()
            },
        )
        .await
        .map_err(fail)?
        .items
        .first()
        .map(|p| p.id)
        .ok_or("no Yonas")?;
    let placement = app
        .store
        .placement_list(
            &k,
            &PlacementFilter {
                q: "vårdbiträde i hemtjänsten".into(),
                ..Default::default()
            },
        )
        .await
        .map_err(fail)?
        .items
        .first()
        .map(|p| p.id)
        .ok_or("no home-care placement")?;
    let absent = last_workplace_day();
    let start = week_start(absent) - Days::new(7);
    app.store
        .internship_create(
            &k,
            yonas,
            &brygga_domain::internship::InternshipInput {
                placement_id: placement,
                supervisor_id: Some(maja.id),
                start_date: start,
                end_date: start + Days::new(7 * 8 - 3),
                days_per_week: 3,
                hours_per_week: None,
            },
        )
        .await
        .map_err(fail)?;
    app.store
        .schedule_apply_template(
            &k,
            yonas,
            &brygga_domain::schedule::TemplateDraft::suggested(),
        )
        .await
        .map_err(fail)?;

    // ---- the coordinator, at her desk, invites Maja; no SMTP here, so the link is on screen
    log_in(
        app,
        b,
        &app.email(Role::Coordinator),
        DEMO_PASSWORD,
        &format!("/invitations/new?kind=supervisor%26record={}", maja.id),
    )
    .await?;
    text_with(b, "main", "Maja Mentorsdotter").await?;
    type_into(b, "input[name=email]", "maja.mentorsdotter@example.org").await?;
    click(b, "form[action='/invitations'] button[type=submit]").await?;
    let link = find_soon(b, Locator::Id("one-time-link"), "the one-time link")
        .await?
        .prop("value")
        .await
        .map_err(err("read the link"))?
        .ok_or("the link is empty")?;
    log_out(b).await?;

    // ---- Maja, on her phone, sets a password from the link
    b.set_window_size(412, 915)
        .await
        .map_err(err("a phone-sized window"))?;
    // The link names the configured public address; here the app listens elsewhere.
    let token_path = link
        .find("/invitation/")
        .map(|at| link[at..].to_string())
        .ok_or(format!("not an invitation link: {link}"))?;
    b.goto(&app.url(&token_path))
        .await
        .map_err(err("open the invitation"))?;
    text_with(b, "main", "maja.mentorsdotter@example.org").await?;
    fits_the_phone(b, "the invitation page").await?;
    // Two passwords that differ: refused, and she types them again.
    type_into(b, "input[name=password]", "Handledare-2026!").await?;
    type_into(b, "input[name=repeat]", "Handledare-2027!").await?;
    click(b, "form[action^='/invitation/'] button[type=submit]").await?;
    find_soon(
        b,
        Locator::Id("error-repeat"),
        "the mismatch beside the field",
    )
    .await?;
    type_into(b, "input[name=password]", "Handledare-2026!").await?;
    type_into(b, "input[name=repeat]", "Handledare-2026!").await?;
    click(b, "form[action^='/invitation/'] button[type=submit]").await?;
    // Signed in at once, or sent to the login page.
    find_soon(b, Locator::Css("main"), "after setting the password").await?;
    let at = b.current_url().await.map_err(err("url"))?;
    if at.path() == "/login" {
        log_in(
            app,
            b,
            "maja.mentorsdotter@example.org",
            "Handledare-2026!",
            "/",
        )
        .await?;
    }

    // ---- her intern's week: the workplace day is there, the Swedish lessons are not hers
    let week = format!(
        "{}-W{:02}",
        absent.iso_week().year(),
        absent.iso_week().week()
    );
    b.goto(&app.url(&format!("/schedule?week={week}")))
        .await
        .map_err(err("open my week"))?;
    text_with(b, &format!("#day-{absent}"), "Yonas").await?;
    fits_the_phone(b, "the supervisor's week").await?;

    // ---- she reports him absent: first a day too far ahead (refused, nothing lost), then
    // the workplace day
    let ahead = (brygga_domain::calendar::today() + Days::new(5)).to_string();
    set_value(b, "input[name=absence_date]", &ahead).await?;
    click(b, "input[name=absence_reason][value=sick]").await?;
    type_into(b, "textarea[name=absence_note]", "Ringde på morgonen.").await?;
    click(b, "form[action='/schedule/absence'] button[type=submit]").await?;
    text_with(b, "#error-absence_date", "i morgon").await?;
    let kept = find_soon(b, Locator::Css("textarea[name=absence_note]"), "the note")
        .await?
        .prop("value")
        .await
        .map_err(err("read the note"))?;
    if kept.as_deref() != Some("Ringde på morgonen.") {
        return Err(format!("the note was lost: {kept:?}"));
    }
    fits_the_phone(b, "the refused absence").await?;
    set_value(b, "input[name=absence_date]", &absent.to_string()).await?;
    click(b, "form[action='/schedule/absence'] button[type=submit]").await?;
    text_with(b, "main [role=status]", "Frånvaron är anmäld").await?;
    log_out(b).await?;

    // ---- the coordinator finds it on her home page
    b.set_window_size(1280, 1024)
        .await
        .map_err(err("a desk-sized window"))?;
    log_in(app, b, &app.email(Role::Coordinator), DEMO_PASSWORD, "/").await?;
    let todo = text_with(b, "section.todo", "Yonas Demosson").await?;
    if !todo.contains("Frånvaro") && !todo.contains("frånvaro") {
        return Err(format!("the home page does not say absence: {todo}"));
    }
    Ok(())
}
