//! A matching fair in a real browser: the coordinator creates it with a session, two employers
//! take tables and candidates are registered, one of them from the public portal on a phone;
//! the timetable is generated and sent, and attendance is taken at the door on a phone.

use super::browser::{
    browser_err, click, find_soon, in_browser, log_in, set_value, text_with, type_into,
};
use super::*;
use fantoccini::Locator;

#[tokio::test]
async fn a_coordinator_runs_a_matching_fair_from_creation_to_the_door() {
    in_browser(story).await;
}

/// The page fits the window: nothing to scroll sideways.
async fn fits(b: &fantoccini::Client, what: &str) -> Result<(), String> {
    let got = b
        .execute(
            "return [window.innerWidth, document.documentElement.scrollWidth];",
            vec![],
        )
        .await
        .map_err(browser_err(what))?;
    match (got[0].as_i64(), got[1].as_i64()) {
        (Some(i), Some(s)) if s <= i => Ok(()),
        (i, s) => Err(format!(
            "{what}: the page is {s:?} px wide in a {i:?} px window"
        )),
    }
}

async fn select(b: &fantoccini::Client, css: &str, value: &str) -> Result<(), String> {
    b.execute(
        "const e = document.querySelector(arguments[0]); \
         if (!e) { throw new Error('no ' + arguments[0]); } \
         e.value = arguments[1]; \
         if (e.value !== arguments[1]) { throw new Error('no option ' + arguments[1]); }",
        vec![json!(css), json!(value)],
    )
    .await
    .map(|_| ())
    .map_err(browser_err(css))
}

async fn story(app: &TestApp, b: &fantoccini::Client) -> Result<(), String> {
    let err = browser_err;
    // The demo's fair, its timetable made, tells which employers and candidates fit.
    let coordinator = app.actor(Role::Coordinator).await;
    let demo_fair = app
        .store
        .event_list(&coordinator, 1)
        .await
        .map_err(|e| e.to_string())?
        .items
        .into_iter()
        .find(|e| e.kind == "matching_fair")
        .ok_or("no demo fair")?
        .id;
    brygga_app::event::generate_timetable(&app.app, &coordinator, demo_fair)
        .await
        .map_err(|e| format!("{e:?}"))?;
    let demo = app
        .store
        .event_get(&coordinator, demo_fair)
        .await
        .map_err(|e| e.to_string())?;
    let meetings = demo.fair.ok_or("no fair")?.meetings;
    let mut employers: Vec<i32> = vec![];
    let mut candidates: Vec<i32> = vec![];
    for m in &meetings {
        let Some(p) = m.participant_id else { continue };
        if employers.len() < 2 && !employers.contains(&m.employer_id) {
            employers.push(m.employer_id);
        }
        if employers.contains(&m.employer_id) && candidates.len() < 4 && !candidates.contains(&p) {
            candidates.push(p);
        }
    }
    if employers.len() < 2 || candidates.len() < 4 {
        return Err(format!(
            "the demo fair is too small for the story: {meetings:?}"
        ));
    }

    // 1. The coordinator creates the fair, public, with a session next week.
    b.set_window_size(1280, 1024).await.map_err(err("resize"))?;
    log_in(app, b, Role::Coordinator, "/events/new").await?;
    type_into(b, "input[name=title]", "Matchningsträff lager och logistik").await?;
    type_into(b, "input[name=capacity]", "20").await?;
    click(b, "input[name=audience][value=participants]").await?;
    click(b, "input[name=audience][value=contacts]").await?;
    click(b, "input[name=public]").await?;
    click(b, "form[action='/events'] button[type=submit]").await?;
    text_with(b, "main h1", "Matchningsträff lager och logistik").await?;
    let url = b.current_url().await.map_err(err("the event's address"))?;
    let id: i32 = url
        .path()
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or("no event id")?;
    let day = (today() + chrono::Duration::days(7)).to_string();
    set_value(b, "input[name=session_date]", &day).await?;
    set_value(b, "input[name=session_start]", "13:00").await?;
    set_value(b, "input[name=session_end]", "14:00").await?;
    type_into(b, "input[name=place]", "Stadshuset, sal Bryggan").await?;
    click(
        b,
        &format!("form[action='/events/{id}/sessions'] button[type=submit]"),
    )
    .await?;
    text_with(b, "ul.sessions", "13:00–14:00").await?;

    // 2. Four candidates registered by the coordinator.
    for c in &candidates {
        select(b, "select[name=who]", &format!("p-{c}")).await?;
        click(
            b,
            &format!("form[action='/events/{id}/registrations'] button[type=submit]"),
        )
        .await?;
        text_with(b, "#notice", "Anmäld").await?;
    }

    // 3. Two employers take their tables.
    b.goto(&app.url(&format!("/events/{id}/timetable")))
        .await
        .map_err(err("the timetable"))?;
    for e in &employers {
        select(b, "select[name=employer_id]", &e.to_string()).await?;
        type_into(b, "input[name=tables]", "1").await?;
        click(
            b,
            &format!("form[action='/events/{id}/employers'] button[type=submit]"),
        )
        .await?;
        find_soon(
            b,
            Locator::Css("select[name=employer_id]"),
            "the timetable again",
        )
        .await?;
    }
    let listed = b
        .find_all(Locator::Css("main ul li"))
        .await
        .map_err(err("the employers"))?
        .len();
    if listed < 2 {
        return Err(format!("{listed} employers listed"));
    }

    // 4. A fifth candidate registers herself from the portal, on her phone.
    click(b, "form[action='/logout'] button[type=submit]").await?;
    b.set_window_size(412, 915).await.map_err(err("resize"))?;
    b.goto(&app.url("/open-events"))
        .await
        .map_err(err("the portal"))?;
    click(b, &format!("a[href='/open-events/{id}']")).await?;
    fits(b, "the fair on the portal").await?;
    type_into(b, "input[name=name]", "Hodan Portalsdotter").await?;
    type_into(b, "input[name=email]", "hodan@example.org").await?;
    // Without consent first: refused beside the box, nothing typed lost.
    click(
        b,
        &format!("form[action='/open-events/{id}/register'] button[type=submit]"),
    )
    .await?;
    find_soon(b, Locator::Css("#error-consent"), "the consent error").await?;
    let kept = find_soon(b, Locator::Css("input[name=name]"), "the name")
        .await?
        .prop("value")
        .await
        .map_err(err("the name"))?
        .unwrap_or_default();
    if kept != "Hodan Portalsdotter" {
        return Err(format!("the name was lost: {kept:?}"));
    }
    click(b, "input[name=consent]").await?;
    click(
        b,
        &format!("form[action='/open-events/{id}/register'] button[type=submit]"),
    )
    .await?;
    text_with(b, "#result", "Du är anmäld").await?;
    fits(b, "the thanks page").await?;

    // 5. The coordinator generates the timetable and sends it.
    b.set_window_size(1280, 1024).await.map_err(err("resize"))?;
    log_in(
        app,
        b,
        Role::Coordinator,
        &format!("/events/{id}/timetable"),
    )
    .await?;
    click(
        b,
        &format!("form[action='/events/{id}/timetable'] button[type=submit]"),
    )
    .await?;
    text_with(b, "#notice", "Schemat har").await?;
    text_with(b, "table.timetable", "13:00–13:15").await?;
    click(
        b,
        &format!("form[action='/events/{id}/timetable/send'] button[type=submit]"),
    )
    .await?;
    text_with(b, "#notice", "personliga scheman").await?;
    let rec = app
        .store
        .event_get(&coordinator, id)
        .await
        .map_err(|e| e.to_string())?;
    let fair = rec.fair.ok_or("no fair")?;
    if fair.meetings.is_empty() || fair.sent_at.is_none() {
        return Err("no timetable was saved and sent".into());
    }

    // 6. At the door, on a phone: the first candidate is there.
    b.set_window_size(412, 915).await.map_err(err("resize"))?;
    let session = rec.sessions.first().ok_or("no session")?.id;
    b.goto(&app.url(&format!("/events/{id}/sessions/{session}")))
        .await
        .map_err(err("the door list"))?;
    fits(b, "the door list").await?;
    let first = rec
        .registrations
        .iter()
        .find(|r| r.status.as_str() == "registered")
        .ok_or("nobody registered")?
        .id;
    click(b, &format!("input[name='mark-{first}'][value=present]")).await?;
    click(
        b,
        &format!("form[action='/events/{id}/sessions/{session}'] button[type=submit]"),
    )
    .await?;
    text_with(b, "#saved", "sparad").await?;
    let marked = app
        .store
        .event_get(&coordinator, id)
        .await
        .map_err(|e| e.to_string())?
        .registrations
        .iter()
        .find(|r| r.id == first)
        .and_then(|r| r.mark(session));
    if marked.map(|m| m.as_str()) != Some("present") {
        return Err(format!("attendance not saved: {marked:?}"));
    }
    Ok(())
}
