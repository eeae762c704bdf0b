//! Certificates in a real browser, on a phone-sized window: the participant reads in Arabic;
//! her supervisor signs the end assessment; the coordinator issues the competence certificate
//! (in Swedish and Arabic, as she chose); anyone who follows the certificate's QR link checks it
//! on the public page without a login; the participant finds it among her internship's tabs.

use super::browser::{
    browser_err, click, find_soon, fits, in_browser, log_in, log_out, text_with, type_into,
};
use super::*;
use fantoccini::Locator;

#[tokio::test]
async fn on_a_phone_a_signed_end_assessment_becomes_a_certificate_anyone_can_verify() {
    in_browser(story).await;
}

async fn story(app: &TestApp, b: &fantoccini::Client) -> Result<(), String> {
    let err = browser_err;
    let sup = app.actor(Role::Supervisor).await;
    let iid = app
        .store
        .internships_supervised(&sup)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .find(|i| i.participant_name.starts_with("Amina") && i.start_date <= today())
        .ok_or("no running internship")?
        .id;
    b.set_window_size(412, 915).await.map_err(err("resize"))?;

    // 1. The participant reads in Arabic (her choice is kept on her login).
    let certificates = format!("/internships/{iid}/certificates");
    log_in(app, b, Role::Participant, &certificates).await?;
    click(b, "details.langs summary").await?;
    click(b, "details.langs a[lang=ar]").await?;
    text_with(b, "main", "لم").await?;
    fits(b, "her certificates, none yet, in Arabic", "rtl").await?;
    log_out(b).await?;

    // 2. Her supervisor signs the end assessment from his phone.
    log_in(
        app,
        b,
        Role::Supervisor,
        &format!("/internships/{iid}/assessments/end"),
    )
    .await?;
    find_soon(b, Locator::Css("button[name=sign]"), "the sign button").await?;
    click(b, "input[name=level-g-cooperation][value='4']").await?;
    type_into(
        b,
        "textarea[name=evidence-g-cooperation]",
        "Hjälper kollegorna utan att någon ber om det.",
    )
    .await?;
    b.execute(
        "document.querySelectorAll('fieldset.rating').forEach(f => { \
           if (!f.querySelector('input[type=radio]:checked')) { f.querySelector('input[value=\"3\"]').checked = true; } \
           const t = f.querySelector('textarea'); if (!t.value) { t.value = 'Gör det självständigt.'; } });",
        vec![],
    )
    .await
    .map_err(err("fill the rest"))?;
    click(b, "button[name=sign]").await?;
    text_with(b, "main", "Signerad").await?;
    log_out(b).await?;

    // 3. The coordinator issues the competence certificate.
    log_in(app, b, Role::Coordinator, &certificates).await?;
    // Wait for the page behind the login (the login page itself reads this phone's Arabic).
    find_soon(
        b,
        Locator::Css("form:has(input[name=kind][value=competence])"),
        "the issue form",
    )
    .await?;
    fits(b, "the certificates page", "ltr").await?;
    click(
        b,
        "form:has(input[name=kind][value=competence]) button[type=submit]",
    )
    .await?;
    text_with(b, "main", "Giltigt").await?;
    let list = app
        .store
        .certificates(&app.actor(Role::Coordinator).await, iid)
        .await
        .map_err(|e| e.to_string())?;
    let cert = list
        .items
        .first()
        .ok_or("no certificate was issued")?
        .clone();
    if cert.language != "ar" {
        return Err(format!("her language is {:?}, not Arabic", cert.language));
    }
    if !cert
        .content
        .ratings
        .iter()
        .any(|r| r.evidence.contains("Hjälper kollegorna"))
    {
        return Err("the signed evidence is not on the certificate".into());
    }
    log_out(b).await?;

    // 4. Anyone who scans the QR code checks it on a phone, without a login (this phone still
    // reads Arabic, the language chosen on it).
    b.goto(&app.url(&format!("/verify/{}", cert.content.credential_id)))
        .await
        .map_err(err("the verification page"))?;
    text_with(b, ".verdict-valid", "أصلية").await?;
    text_with(b, "main", "Amina Exempelsson").await?;
    text_with(b, "main", "Samarbetsförmåga").await?;
    fits(b, "the verification page in Arabic", "rtl").await?;
    b.goto(&app.url("/lang/sv")).await.map_err(err("Swedish"))?;
    b.goto(&app.url(&format!("/verify/{}", cert.content.credential_id)))
        .await
        .map_err(err("the verification page"))?;
    text_with(b, ".verdict-valid", "Äkta och giltigt").await?;
    fits(b, "the verification page", "ltr").await?;

    // 5. The participant finds it among her internship's tabs, in Arabic, with its files.
    log_in(app, b, Role::Participant, &certificates).await?;
    find_soon(
        b,
        Locator::Css(&format!("a[href='/certificates/{}/pdf']", cert.id)),
        "her certificate's PDF",
    )
    .await?;
    find_soon(
        b,
        Locator::Css(&format!("a[href='/certificates/{}/credential']", cert.id)),
        "her digital credential",
    )
    .await?;
    fits(b, "her certificates in Arabic", "rtl").await?;
    if b.find(Locator::Css("textarea[name=reason]")).await.is_ok() {
        return Err("the participant is offered to revoke".into());
    }
    Ok(())
}
