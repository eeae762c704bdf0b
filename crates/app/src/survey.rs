//! The follow-up surveys: made and mailed when a follow-up point falls due, sent again by a
//! coordinator, opened and answered by the participant without a login.

use brygga_domain::outcome::FollowUpPoint;
use brygga_domain::survey::SurveyAnswerDraft;
use brygga_domain::{FieldError, FieldErrors};
use brygga_i18n::{I18n, Lang};
use brygga_store::jobs::OutgoingEmail;
use brygga_store::survey::{SurveyLetter, SurveyLink, SurveySent};
use brygga_store::{Actor, Store};

use crate::{App, Error, Result};

/// The link a survey is answered at.
pub fn link_url(public_url: &str, token: &str) -> String {
    format!("{}/survey/{token}", public_url.trim_end_matches('/'))
}

/// The survey e-mail in her language, with the Swedish below when hers is another.
fn letter(public_url: &str, l: &SurveyLetter) -> OutgoingEmail {
    let lang = Lang::parse(&l.lang).unwrap_or(Lang::Sv);
    let body = |i18n: &I18n| {
        format!(
            "{}\n\n{}\n\n{}\n\n{}\n",
            i18n.t1("survey-mail-greeting", "name", &l.first_name),
            i18n.t(&format!("survey-mail-intro-{}", l.point)),
            link_url(public_url, &l.token),
            i18n.t1(
                "survey-mail-expires",
                "date",
                brygga_domain::calendar::date_at(l.expires_at)
            ),
        )
    };
    let mine = I18n::new(lang);
    let mut text = body(&mine);
    if lang != Lang::Sv {
        text.push_str("\n-- Svenska --\n\n");
        text.push_str(&body(&I18n::new(Lang::Sv)));
    }
    OutgoingEmail {
        to: vec![l.to.clone()],
        subject: mine.t("survey-mail-subject"),
        text,
        attachments: vec![],
    }
}

/// Make and mail the surveys due on `today` (see `Store::surveys_queue`).
pub async fn queue_in(store: &Store, public_url: &str, today: chrono::NaiveDate) -> Result<usize> {
    Ok(store
        .surveys_queue(today, &|l| Some(letter(public_url, l)))
        .await?)
}

pub async fn queue(app: &App, today: chrono::NaiveDate) -> Result<usize> {
    queue_in(&app.store, &app.mail.public_url, today).await
}

/// Send the survey of a point again, in the language chosen (hers by default).
pub async fn send_in(
    store: &Store,
    public_url: &str,
    actor: &Actor,
    participant_id: i32,
    point: &str,
    lang: &str,
) -> Result<SurveySent> {
    let mut errs = FieldErrors::default();
    let point = errs.check("point", FollowUpPoint::parse(point));
    let lang = Lang::parse(lang.trim());
    if lang.is_none() {
        errs.push(FieldError::new("lang", "error-invalid-choice"));
    }
    let (Some(point), Some(lang)) = (point, lang) else {
        return Err(Error::Invalid(errs));
    };
    Ok(store
        .survey_send(actor, participant_id, point, lang.code(), &|l| {
            Some(letter(public_url, l))
        })
        .await?)
}

pub async fn send(
    app: &App,
    actor: &Actor,
    participant_id: i32,
    point: &str,
    lang: &str,
) -> Result<SurveySent> {
    send_in(
        &app.store,
        &app.mail.public_url,
        actor,
        participant_id,
        point,
        lang,
    )
    .await
}

/// Where a link stands.
pub async fn link(store: &Store, token: &str) -> Result<SurveyLink> {
    Ok(store.survey_link(token).await?)
}

/// Her answer, checked against the questions of the link's point; where the link stands when
/// it no longer takes one.
pub async fn answer(
    store: &Store,
    token: &str,
    d: &SurveyAnswerDraft,
) -> Result<std::result::Result<(), SurveyLink>> {
    let point = match store.survey_link(token).await? {
        SurveyLink::Open { point, .. } => point,
        closed => return Ok(Err(closed)),
    };
    let a = d.validate(point)?;
    Ok(store.survey_answer(token, &a, crate::today()).await?)
}
