//! The whole first half of the journey in a real browser: a candidate finds a placement on the
//! public portal and expresses interest (first forgetting the consent), a coordinator registers
//! her from the inbox, proposes her to the placement, books an interview (first with the end
//! before the start) and records that it went well; the staircase refuses the internship while
//! the employment service's decision is missing; the coordinator registers the clearance,
//! creates and generates the internship agreement, uploads the signed copy, and the participant
//! moves into her internship.

use super::browser::{
    browser_err, click, find_soon, in_browser, set_value, text_with, type_into, value_of,
};
use super::*;
use fantoccini::Locator;

#[tokio::test]
async fn in_a_real_browser_a_candidate_goes_from_the_portal_to_a_signed_internship() {
    in_browser(story).await;
}

async fn main_text_with(b: &fantoccini::Client, expected: &str) -> Result<String, String> {
    text_with(b, "main", expected).await
}

/// The numeric id after `prefix` in the browser's current path (`/participants/17` → 17).
async fn id_in_path(b: &fantoccini::Client, prefix: &str) -> Result<i32, String> {
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        let url = b.current_url().await.map_err(browser_err("url"))?;
        if let Some(id) = url
            .path()
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('/').next())
            .and_then(|id| id.parse().ok())
        {
            return Ok(id);
        }
        if std::time::Instant::now() > deadline {
            return Err(format!(
                "expected a path under {prefix}, the browser is at {url}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn story(app: &TestApp, b: &fantoccini::Client) -> Result<(), String> {
    let err = browser_err;

    // ---- a candidate, not logged in, on the public portal
    b.goto(&app.url("/open-placements"))
        .await
        .map_err(err("open the portal"))?;
    click(b, "ul.ads a[href^='/open-placements/']").await?;
    let placement = id_in_path(b, "/open-placements/").await?;
    let form = format!("form[action='/open-placements/{placement}/interest']");
    type_into(b, &format!("{form} input[name=name]"), "Nadia Portalova").await?;
    type_into(
        b,
        &format!("{form} input[name=email]"),
        "nadia.portalova@example.org",
    )
    .await?;
    type_into(
        b,
        &format!("{form} input[name=spoken_languages]"),
        "arabiska, svenska B1",
    )
    .await?;
    type_into(
        b,
        &format!("{form} textarea[name=interest_message]"),
        "Jag har arbetat tre år i kök.",
    )
    .await?;
    click(b, &format!("{form} button[type=submit]")).await?;
    // No consent: the message is beside the checkbox and what she typed is still there.
    find_soon(
        b,
        Locator::Css("p.field-error#error-interest_consent"),
        "the consent message",
    )
    .await?;
    if value_of(b, "input[name=name]").await? != "Nadia Portalova"
        || value_of(b, "textarea[name=interest_message]").await? != "Jag har arbetat tre år i kök."
    {
        return Err("the interest form lost what was typed".into());
    }
    click(b, "input[name=interest_consent]").await?;
    click(b, &format!("{form} button[type=submit]")).await?;
    main_text_with(b, "Tack").await?;

    // ---- the coordinator registers her from the inbox
    b.goto(&app.url("/login?next=/inbox"))
        .await
        .map_err(err("open the login page"))?;
    type_into(b, "input[name=email]", &app.email(Role::Coordinator)).await?;
    type_into(b, "input[name=password]", DEMO_PASSWORD).await?;
    click(b, "form[action='/login'] button[type=submit]").await?;
    find_soon(
        b,
        Locator::LinkText("Nadia Portalova"),
        "the interest in the inbox",
    )
    .await?
    .click()
    .await
    .map_err(err("open the interest"))?;
    click(b, "a.button[href^='/participants/new']").await?;
    if value_of(b, "input[name=first_name]").await? != "Nadia"
        || value_of(b, "input[name=email]").await? != "nadia.portalova@example.org"
    {
        return Err("the participant form is not prefilled from the interest".into());
    }
    type_into(b, "input[name=birth_year]", "1992").await?;
    find_soon(
        b,
        Locator::Css("select[name=municipality_code]"),
        "municipality",
    )
    .await?
    .select_by_value("1480")
    .await
    .map_err(err("municipality"))?;
    find_soon(
        b,
        Locator::Css("select[name=swedish_level]"),
        "Swedish level",
    )
    .await?
    .select_by_value("B1")
    .await
    .map_err(err("Swedish level"))?;
    find_soon(b, Locator::Css("select[name=education_level]"), "education")
        .await?
        .select_by_value("upper_secondary")
        .await
        .map_err(err("education"))?;
    type_into(b, "input[name=language]", "arabiska").await?;
    find_soon(b, Locator::Css("select[name=language_level]"), "level")
        .await?
        .select_by_value("C2")
        .await
        .map_err(err("level"))?;
    click(b, "input[name=available_days][value=mon]").await?;
    click(b, "input[name=consents][value=share_with_employers]").await?;
    click(b, "form[action='/participants'] button[type=submit]").await?;
    find_soon(
        b,
        Locator::XPath("//h1[contains(., 'Nadia Portalova')]"),
        "the new participant",
    )
    .await?;
    let participant = id_in_path(b, "/participants/").await?;
    // Her interest in the inbox now says she was registered.
    b.goto(&app.url("/inbox?status=registered"))
        .await
        .map_err(err("the inbox"))?;
    let row = text_with(b, "main table tbody", "Nadia Portalova").await?;
    if !row.contains("Registrerad som deltagare") {
        return Err(format!("her interest is not marked registered: {row:?}"));
    }

    // ---- proposed to the placement she was interested in
    b.goto(&app.url(&format!("/placements/{placement}/pool?q=Portalova")))
        .await
        .map_err(err("open the pool"))?;
    find_soon(
        b,
        Locator::Css("select[name=participant_id]"),
        "participant pick",
    )
    .await?
    .select_by_value(&participant.to_string())
    .await
    .map_err(err("pick her"))?;
    // A hand proposal goes through the matching's hard rules: where she fails one, this
    // reason lets her be proposed anyway (where she passes, it is not kept).
    type_into(
        b,
        "textarea[name=override_reason]",
        "Intresseanmälan via portalen; behörigheten stäms av före intervjun",
    )
    .await?;
    click(
        b,
        &format!("form[action='/placements/{placement}/pool'][method=post] button[type=submit]"),
    )
    .await?;
    // Her row in the pool (the pick list on the page before also names her).
    text_with(b, "ul.pool", "Nadia Portalova").await?;

    // ---- an interview booked from her row: first with the end before the start
    let row = "li.candidate";
    let book = b
        .find_all(Locator::Css(&format!("{row} a.button[href$='/interview']")))
        .await
        .map_err(err("booking links"))?;
    let mut booked = false;
    for link in book {
        let li_text = link
            .find(Locator::XPath("ancestor::li[1]"))
            .await
            .map_err(err("row"))?
            .text()
            .await
            .unwrap_or_default();
        if li_text.contains("Nadia Portalova") {
            link.click().await.map_err(err("book"))?;
            booked = true;
            break;
        }
    }
    if !booked {
        return Err("no booking link on her row".into());
    }
    let day = (today() + chrono::Duration::days(7)).format("%Y-%m-%d");
    set_value(b, "input[name=starts_at]", &format!("{day}T10:00")).await?;
    set_value(b, "input[name=ends_at]", &format!("{day}T09:00")).await?;
    type_into(b, "input[name=location]", "Storgatan 1, Göteborg").await?;
    click(b, "form[action$='/interview'] button[type=submit]").await?;
    find_soon(
        b,
        Locator::Css("p.field-error#error-ends_at"),
        "the end-time message",
    )
    .await?;
    if value_of(b, "input[name=location]").await? != "Storgatan 1, Göteborg" {
        return Err("the booking form lost the place".into());
    }
    let booking_url = b.current_url().await.map_err(err("url"))?;
    set_value(b, "input[name=ends_at]", &format!("{day}T10:45")).await?;
    click(b, "form[action$='/interview'] button[type=submit]").await?;
    // GR's order: the employment service confirms her eligibility before an interview is
    // booked; the form says so and links to where the confirmation is recorded.
    main_text_with(
        b,
        "Behörigheten måste vara bekräftad av Arbetsförmedlingen innan intervjun bokas",
    )
    .await?;
    if value_of(b, "input[name=location]").await? != "Storgatan 1, Göteborg" {
        return Err("the refused booking lost the place".into());
    }
    click(b, "p#not-confirmed a").await?;
    find_soon(
        b,
        Locator::Css("input[name=es_officer_name]"),
        "the clearance page",
    )
    .await?;
    let iso = today().format("%Y-%m-%d").to_string();
    type_into(b, "input[name=es_officer_name]", "Maria Handläggarsson").await?;
    set_value(b, "input[name=es_confirmed_on]", &iso).await?;
    click(
        b,
        "form[action$='/clearance/confirmation'] button[type=submit]",
    )
    .await?;
    main_text_with(b, "Maria Handläggarsson").await?;
    b.goto(booking_url.as_str())
        .await
        .map_err(err("back to the booking"))?;
    set_value(b, "input[name=starts_at]", &format!("{day}T10:00")).await?;
    set_value(b, "input[name=ends_at]", &format!("{day}T10:45")).await?;
    type_into(b, "input[name=location]", "Storgatan 1, Göteborg").await?;
    click(b, "form[action$='/interview'] button[type=submit]").await?;
    id_in_path(b, "/interviews/").await?;
    click(b, "input[name=outcome][value=passed]").await?;
    click(b, "form[action$='/outcome'] button[type=submit]").await?;
    text_with(b, "dd.outcome", "Gick vidare").await?;

    // ---- the internship cannot start yet: the staircase says why
    let in_internship = async |b: &fantoccini::Client, note: &str| -> Result<(), String> {
        b.goto(&app.url(&format!("/participants/{participant}/journey")))
            .await
            .map_err(err("open the staircase"))?;
        find_soon(
            b,
            Locator::XPath("//select[@name='stage']/option[contains(., 'Praktik pågår')]"),
            "the internship stage",
        )
        .await?
        .click()
        .await
        .map_err(err("choose the internship stage"))?;
        type_into(b, "textarea[name=note]", note).await?;
        click(b, "form[action$='/journey'] button[type=submit]").await
    };
    in_internship(b, "Start på måndag").await?;
    let refused = main_text_with(b, "Saknar beslut från Arbetsförmedlingen").await?;
    if !refused.contains("Saknar undertecknat praktikavtal") {
        return Err(format!(
            "the refusal does not name the missing agreement: {refused}"
        ));
    }
    if value_of(b, "textarea[name=note]").await? != "Start på måndag" {
        return Err("the refused move lost the note".into());
    }

    // ---- clearance with the employment service
    b.goto(&app.url(&format!("/participants/{participant}/clearance")))
        .await
        .map_err(err("open clearance"))?;
    main_text_with(b, "Maria Handläggarsson").await?;
    type_into(b, "input[name=es_reference]", "Af-2026/123456").await?;
    set_value(b, "input[name=es_decision_date]", &iso).await?;
    set_value(b, "input[name=es_period_start]", &format!("{day}")).await?;
    let end = (today() + chrono::Duration::days(90)).format("%Y-%m-%d");
    set_value(b, "input[name=es_period_end]", &format!("{end}")).await?;
    click(b, "input[name=es_insured][value=yes]").await?;
    find_soon(
        b,
        Locator::Css("select[name=es_compensation]"),
        "compensation",
    )
    .await?
    .select_by_value("aktivitetsstod")
    .await
    .map_err(err("compensation"))?;
    click(b, "form[action$='/clearance/decision'] button[type=submit]").await?;
    main_text_with(b, "Af-2026/123456").await?;

    // ---- the internship agreement: created, generated, signed copy uploaded
    b.goto(&app.url(&format!("/participants/{participant}/agreements")))
        .await
        .map_err(err("open agreements"))?;
    find_soon(
        b,
        Locator::Css("select[name=placement_id]"),
        "placement pick",
    )
    .await?
    .select_by_value(&placement.to_string())
    .await
    .map_err(err("pick the placement"))?;
    click(b, "form[action$='/agreements'] button[type=submit]").await?;
    let agreement = id_in_path(b, "/agreements/").await?;
    click(b, "form[action$='/generate'] button[type=submit]").await?;
    find_soon(
        b,
        Locator::Css("a[href^='/files/']"),
        "the generated agreement",
    )
    .await?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let signed = dir.path().join("signerat-avtal.pdf");
    std::fs::write(&signed, minimal_pdf()).map_err(|e| e.to_string())?;
    find_soon(b, Locator::Css("input[type=file][name=file]"), "file input")
        .await?
        .send_keys(&signed.display().to_string())
        .await
        .map_err(err("choose the signed copy"))?;
    set_value(b, "input[name=signed_on]", &iso).await?;
    click(b, "form[action*='/signed'] button[type=submit]").await?;
    text_with(b, "#agreement-status", "ndertecknat")
        .await
        .map_err(|e| format!("agreement {agreement} after the upload: {e}"))?;

    // ---- the signature made her internship; it starts on its first day, not before
    let start = app
        .store
        .internships_for_participant(&app.actor(Role::Coordinator).await, participant)
        .await
        .map_err(|e| format!("her internship: {e}"))?
        .first()
        .map(|i| i.start_date)
        .ok_or("no internship after the signature")?;
    if start > brygga_app::today() {
        // Her first day comes.
        use sea_orm::ConnectionTrait;
        let db = app.store.connection();
        db.execute_unprepared(&format!(
            "UPDATE internships SET start_date = '{}' WHERE participant_id = {participant}",
            brygga_app::today()
        ))
        .await
        .map_err(|e| e.to_string())?;
    }
    // ---- and now she starts her internship
    in_internship(b, "Start på måndag").await?;
    text_with(b, ".staircase li.step-now", "Praktik pågår").await?;
    Ok(())
}

/// The smallest well-formed one-page PDF, as a scanner's signed copy stands in for.
fn minimal_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = vec![];
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        pdf.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}
