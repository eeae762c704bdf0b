//! The follow-up survey in a real browser, on a phone-sized window: the participant who left
//! three months ago opens the personal link her coordinator sent in Arabic, without logging in;
//! the page reads right to left and fits the phone; sending it without an answer shows the
//! message beside the question with her comment kept; her answer is thanked, recorded as the
//! outcome at three months from the survey, and the link takes no second one.

use super::browser::{browser_err, click, fits, in_browser, text_with, type_into, value_of};
use super::*;
use brygga_domain::outcome::{FollowUpPoint, OutcomeSource, OutcomeStatus};

#[tokio::test]
async fn on_a_phone_she_answers_the_three_month_survey_in_arabic() {
    in_browser(story).await;
}

async fn story(app: &TestApp, b: &fantoccini::Client) -> Result<(), String> {
    let err = browser_err;
    let (_, fatuma) = supervised_intern(app, "Fatuma").await;
    let coordinator = app.actor(Role::Coordinator).await;
    let sent = brygga_app::survey::send_in(
        &app.store,
        &app.url(""),
        &coordinator,
        fatuma,
        "month3",
        "ar",
    )
    .await
    .map_err(|e| e.to_string())?;
    b.set_window_size(412, 915).await.map_err(err("resize"))?;

    // The link from her mail, no login: her survey in Arabic, right to left.
    let link = format!("/survey/{}", sent.token);
    b.goto(&app.url(&link))
        .await
        .map_err(err("open the link"))?;
    text_with(b, "h1", "؟").await?;
    fits(b, "the survey in Arabic", "rtl").await?;

    // Sent without choosing: the message beside the question, her comment kept.
    type_into(b, "textarea[name=comment]", "أعمل في دار الرعاية").await?;
    click(b, "form.survey button[type=submit]").await?;
    text_with(b, "#error-status", "اختيار").await?;
    let kept = value_of(b, "textarea[name=comment]").await?;
    if kept != "أعمل في دار الرعاية" {
        return Err(format!("her comment was not kept: {kept:?}"));
    }
    fits(b, "the survey with its message", "rtl").await?;

    // She chooses "regular employment" and sends: thanked, in Arabic.
    click(b, "input[name=status][value=job_regular]").await?;
    click(b, "form.survey button[type=submit]").await?;
    text_with(b, "h1", "شكر").await?;
    fits(b, "the thanks", "rtl").await?;

    // The link again: already answered.
    b.goto(&app.url(&link)).await.map_err(err("open again"))?;
    text_with(b, "h1", "تمت الإجابة").await?;

    // Her coordinator sees the outcome at three months, from her answer.
    let o = app
        .store
        .outcomes(&coordinator, fatuma)
        .await
        .map_err(|e| e.to_string())?;
    let m3 = o
        .points
        .iter()
        .find(|p| p.point == FollowUpPoint::Month3)
        .ok_or("no three-month point")?;
    match m3.records.first() {
        Some(r)
            if r.source == OutcomeSource::Survey
                && r.status == OutcomeStatus::JobRegular
                && r.note == "أعمل في دار الرعاية" =>
        {
            Ok(())
        }
        other => Err(format!("the outcome at three months: {other:?}")),
    }
}
