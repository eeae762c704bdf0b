//! Learning at the workplace in a real browser, on a phone-sized window: the participant, in
//! Arabic, writes a log entry with a photo (a first try lost to a weak connection keeps what she
//! typed); her supervisor ticks two criteria and makes the mid-point assessment; the participant
//! then finds her plan's next step, in Arabic, right to left.

use super::browser::{
    browser_err, click, find_soon, in_browser, log_in, log_out, text_with, type_into, value_of,
};
use super::*;
use fantoccini::Locator;

#[tokio::test]
async fn on_a_phone_the_intern_logs_in_arabic_and_her_supervisor_assesses_her() {
    in_browser(story).await;
}

/// The page fits the phone (nothing to scroll sideways) and reads in `dir`.
async fn fits(b: &fantoccini::Client, what: &str, dir: &str) -> Result<(), String> {
    let got = b
        .execute(
            "return [window.innerWidth, document.documentElement.scrollWidth, \
             document.documentElement.dir, getComputedStyle(document.querySelector('main')).direction];",
            vec![],
        )
        .await
        .map_err(browser_err(what))?;
    let (inner, scroll) = (got[0].as_i64(), got[1].as_i64());
    match (inner, scroll) {
        (Some(i), Some(s)) if i <= 600 && s <= i => {}
        _ => {
            return Err(format!(
                "{what}: the page is {scroll:?} px wide in a {inner:?} px window"
            ));
        }
    }
    if got[2] != dir || got[3] != dir {
        return Err(format!(
            "{what}: reads {} / {}, expected {dir}",
            got[2], got[3]
        ));
    }
    Ok(())
}

async fn story(app: &TestApp, b: &fantoccini::Client) -> Result<(), String> {
    let err = browser_err;
    // The setting: the demo's running internship, whose mid-point assessment is not made yet.
    let sup = app.actor(Role::Supervisor).await;
    let running = app
        .store
        .internships_supervised(&sup)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .find(|i| i.participant_name.starts_with("Amina") && i.start_date <= today())
        .ok_or("no running internship")?;
    let (iid, pid) = (running.id, running.participant_id);
    {
        use sea_orm::ConnectionTrait;
        let db = app.store.connection();
        db.execute_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            format!("DELETE FROM assessments WHERE internship_id = {iid} AND kind = 'mid'"),
        ))
        .await
        .map_err(|e| e.to_string())?;
    }
    let photo_dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let photo = photo_dir.path().join("hylla.png");
    image::RgbImage::from_fn(120, 80, |x, _| image::Rgb([200, (x * 2) as u8, 40]))
        .save(&photo)
        .map_err(|e| e.to_string())?;

    b.set_window_size(412, 915).await.map_err(err("resize"))?;

    // 1. The participant chooses Arabic from the language menu.
    let log = format!("/internships/{iid}/log");
    log_in(app, b, Role::Participant, &log).await?;
    find_soon(b, Locator::Css("textarea[name=did]"), "the log's form").await?;
    click(b, "details.langs summary").await?;
    click(b, "details.langs a[lang=ar]").await?;
    text_with(b, "main h1", "Amina").await?;
    fits(b, "the log in Arabic", "rtl").await?;

    // 2. She writes; the send fails (a weak connection: here, the page is reloaded before it
    // is sent) and nothing she typed is lost.
    let did = "رتبت الرفوف في المخزن مع المشرفة";
    type_into(b, "textarea[name=did]", did).await?;
    type_into(b, "textarea[name=words]", "hylla – رف").await?;
    b.refresh().await.map_err(err("reload"))?;
    find_soon(b, Locator::Css("textarea[name=did]"), "the form again").await?;
    let kept = value_of(b, "textarea[name=did]").await?;
    if kept != did {
        return Err(format!("the draft was lost: {kept:?}"));
    }
    let note = find_soon(b, Locator::Css(".draft-note"), "the draft note").await?;
    if !note.is_displayed().await.map_err(err("the draft note"))? {
        return Err("the page does not say the draft was kept".into());
    }
    let file = find_soon(b, Locator::Css("input[name=photo]"), "the photo field").await?;
    file.send_keys(&photo.display().to_string())
        .await
        .map_err(err("attach the photo"))?;
    click(b, "form[data-draft] button[type=submit]").await?;
    text_with(b, "ol.entries-log", did).await?;
    let shown = b
        .execute(
            "const i = document.querySelector('ol.entries-log img.photo'); \
             return i ? new Promise(r => { if (i.complete) r(i.naturalWidth); else i.onload = () => r(i.naturalWidth); }) : 0;",
            vec![],
        )
        .await
        .map_err(err("the photo"))?;
    if shown.as_i64().unwrap_or(0) != 120 {
        return Err(format!("the photo does not show: {shown}"));
    }
    // Sent, the draft is gone: the form is empty again.
    if !value_of(b, "textarea[name=did]").await?.is_empty() {
        return Err("the form still holds the sent entry".into());
    }
    fits(b, "the log with her entry", "rtl").await?;
    // The next entry's draft is kept too, on the page she landed on after sending.
    type_into(b, "textarea[name=learned]", "كلمة جديدة").await?;
    b.refresh().await.map_err(err("reload after sending"))?;
    let kept = value_of(b, "textarea[name=learned]").await?;
    if kept != "كلمة جديدة" {
        return Err(format!("the next draft was lost: {kept:?}"));
    }
    log_out(b).await?;

    // 3. Her supervisor ticks two criteria from her phone.
    let checklist = format!("/internships/{iid}/checklist");
    log_in(app, b, Role::Supervisor, &checklist).await?;
    text_with(b, "main h1", "Amina").await?;
    fits(b, "the checklist", "ltr").await?;
    let c = app
        .store
        .checklist(&sup, iid)
        .await
        .map_err(|e| e.to_string())?;
    let open: Vec<i32> = c
        .criteria
        .iter()
        .filter(|c| c.status.is_none())
        .map(|c| c.id)
        .take(2)
        .collect();
    if open.len() < 2 {
        return Err("fewer than two criteria left to tick".into());
    }
    for (id, (status, label)) in open
        .iter()
        .zip([("achieved", "Klart"), ("in_progress", "På väg")])
    {
        let form = format!("form[action='/internships/{iid}/checklist/criteria/{id}/tick']");
        click(b, &format!("#c{id} details.tick-details summary")).await?;
        click(b, &format!("{form} input[value={status}]")).await?;
        type_into(b, &format!("{form} textarea[name=comment]"), "Sett i dag").await?;
        click(b, &format!("{form} button[type=submit]")).await?;
        text_with(b, &format!("#c{id} .status"), label).await?;
        text_with(b, &format!("#c{id} .comment"), "Sett i dag").await?;
    }
    let after = app
        .store
        .checklist(&sup, iid)
        .await
        .map_err(|e| e.to_string())?;
    for id in &open {
        let t = after
            .criteria
            .iter()
            .find(|c| c.id == *id)
            .and_then(|c| c.status);
        if t.is_none() {
            return Err(format!("criterion {id} was not ticked"));
        }
    }

    // 4. The mid-point assessment: two rows by hand, the rest filled in, saved and signed.
    let mid = format!("/internships/{iid}/assessments/mid");
    b.goto(&app.url(&mid))
        .await
        .map_err(err("the assessment"))?;
    find_soon(b, Locator::Css("button[name=sign]"), "the sign button").await?;
    fits(b, "the assessment form", "ltr").await?;
    click(b, "input[name=level-g-initiative][value='3']").await?;
    type_into(
        b,
        "textarea[name=evidence-g-initiative]",
        "Frågar efter nya uppgifter själv.",
    )
    .await?;
    click(b, "input[name=level-g-punctuality][value='4']").await?;
    type_into(b, "textarea[name=evidence-g-punctuality]", "Alltid i tid.").await?;
    b.execute(
        "document.querySelectorAll('fieldset.rating').forEach(f => { \
           if (!f.querySelector('input[type=radio]:checked')) { f.querySelector('input[value=\"2\"]').checked = true; } \
           const t = f.querySelector('textarea'); if (!t.value) { t.value = 'Med stöd på hembesöken.'; } });",
        vec![],
    )
    .await
    .map_err(err("fill the rest"))?;
    click(b, "button[name=sign]").await?;
    text_with(b, "main", "Signerad").await?;
    let signed = app
        .store
        .assessments(&sup, iid, today())
        .await
        .map_err(|e| e.to_string())?;
    let v = signed
        .get(
            brygga_domain::learning::AssessmentKind::Mid,
            brygga_domain::learning::Assessor::Supervisor,
        )
        .ok_or("no mid-point assessment")?;
    if v.signed_at.is_none() {
        return Err("the mid-point assessment is not signed".into());
    }
    let punctual = v
        .ratings
        .iter()
        .find(|r| {
            r.rated
                == brygga_domain::learning::Rated::Generic(
                    brygga_domain::learning::GenericCriterion::Punctuality,
                )
        })
        .and_then(|r| r.level);
    if punctual != Some(4) {
        return Err(format!("punctuality is {punctual:?}"));
    }
    log_out(b).await?;

    // 5. The participant reads the assessments side by side on her phone, then finds her next
    // step, in Arabic (her choice followed her login).
    log_in(
        app,
        b,
        Role::Participant,
        &format!("/internships/{iid}/assessments"),
    )
    .await?;
    text_with(b, "main", "Alltid i tid.").await?;
    fits(b, "the assessments in Arabic", "rtl").await?;
    b.goto(&app.url(&format!("/participants/{pid}/plan")))
        .await
        .map_err(err("her plan"))?;
    let next = text_with(b, "#next-step", "Öva på yrkesorden").await?;
    text_with(b, "#h-next", "خطوتك التالية").await?;
    fits(b, "her plan", "rtl").await?;
    let align = b
        .execute(
            "return getComputedStyle(document.querySelector('#h-next')).textAlign;",
            vec![],
        )
        .await
        .map_err(err("alignment"))?;
    if !matches!(align.as_str(), Some("start" | "right")) {
        return Err(format!(
            "the heading is aligned {align} in a right-to-left page"
        ));
    }
    if next.is_empty() {
        return Err("no next step".into());
    }
    Ok(())
}
