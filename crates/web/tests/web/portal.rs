//! Web stories: the public placement portal and the coordinators' inbox.
#![allow(unused_imports)]

use super::*;
use brygga_domain::model::PlacementStatus;
use brygga_store::interest::InterestFilter;
use brygga_store::placement::{PlacementFilter, PlacementSummary};

both!(
    app:
    anyone_finds_published_placements_without_logging_in_in_swedish_and_english,
    a_candidate_expresses_interest_and_a_coordinator_handles_it_in_the_inbox,
);

async fn placements(app: &TestApp, status: PlacementStatus) -> Vec<PlacementSummary> {
    app.store
        .placement_list(
            &Actor::system_for("test"),
            &PlacementFilter {
                status: Some(status),
                page: 1,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .items
}

async fn inbox_total(app: &TestApp) -> u64 {
    app.store
        .interest_list(&Actor::system_for("test"), &InterestFilter::default())
        .await
        .unwrap()
        .total
}

async fn anyone_finds_published_placements_without_logging_in_in_swedish_and_english(
    app: &TestApp,
) {
    let published = placements(app, PlacementStatus::Published).await;
    let draft = placements(app, PlacementStatus::Draft).await[0].clone();
    let ad = &published[0];
    let v = app.visitor();

    let page = v.page("/open-placements").await;
    assert!(html::shows(&page, "Lediga praktikplatser"), "{page}");

    // An ad whose placement requires a B licence (and whose employer also listed "körkort" as
    // a merit) says so in the "Kravprofil", never under "Meriterande": matching excludes a candidate
    // without one.
    let care = published
        .iter()
        .find(|p| p.title == "Praktik som vårdbiträde i hemtjänsten")
        .expect("the demo's home-care placement is published");
    let care_ad = v.page(&format!("/open-placements/{}", care.id)).await;
    let dd_after = |dt: &str| {
        let at = care_ad.find(&format!("{dt}</dt>")).expect(dt);
        let rest = &care_ad[at..];
        rest[..rest.find("</dd>").unwrap()].to_string()
    };
    let required = dd_after("Kravprofil");
    assert!(html::shows(&required, "Körkort B"), "{required}");
    let merits = dd_after("Meriterande");
    assert!(html::shows(&merits, "matlagning"), "{merits}");
    assert!(!merits.to_lowercase().contains("körkort"), "{merits}");
    assert!(page.contains("name=\"viewport\""), "phone-first layout");
    assert!(html::shows(&page, &ad.title), "{page}");
    assert!(
        !html::shows(&page, &draft.title),
        "a draft is not in the portal"
    );
    assert!(!page.contains("href=\"/login"), "no login needed: {page}");

    // Searching by a word of the title finds it; a word nobody uses finds nothing.
    let word = ad.title.split_whitespace().last().unwrap();
    let found = v
        .page(&format!(
            "/open-placements?q={}",
            brygga_web::http::urlencode(word)
        ))
        .await;
    assert!(html::shows(&found, &ad.title), "{found}");
    let none = v.page("/open-placements?q=zzzyxq").await;
    assert!(html::shows(&none, "0 träffar"), "{none}");
    assert!(!html::shows(&none, &ad.title));
    // By municipality and occupation.
    let here = v
        .page(&format!(
            "/open-placements?municipality_code={}&occupation={}",
            ad.municipality_code, ad.ssyk_code
        ))
        .await;
    assert!(html::shows(&here, &ad.title), "{here}");
    let elsewhere = published
        .iter()
        .find(|p| p.municipality_code != ad.municipality_code);
    if let Some(other) = elsewhere {
        assert!(
            !html::shows(&here, &format!(">{}<", other.title)),
            "{} is elsewhere",
            other.title
        );
    }

    // The ad: what a candidate needs, no internal fields, and the interest form.
    let show = v.page(&format!("/open-placements/{}", ad.id)).await;
    assert!(html::shows(&show, &ad.title));
    assert!(html::shows(&show, "Arbetsuppgifter"), "{show}");
    assert!(
        !show.contains("/placements/"),
        "no links into the staff pages"
    );
    assert!(!html::shows(&show, "Publicerad"), "no status shown");
    assert!(show.contains(&format!("action=\"/open-placements/{}/interest\"", ad.id)));
    // Unpublished or unknown: not found.
    for path in [
        format!("/open-placements/{}", draft.id),
        "/open-placements/999999".to_string(),
        "/open-placements/abc".to_string(),
    ] {
        assert_eq!(v.get(&path).await.status(), StatusCode::NOT_FOUND, "{path}");
    }

    // In English.
    let res = v.get("/lang/en?back=/open-placements").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let en = v.page("/open-placements").await;
    assert!(html::shows(&en, "Open internships"), "{en}");
    let show = v.page(&format!("/open-placements/{}", ad.id)).await;
    assert!(html::shows(&show, "Express interest"), "{show}");
    assert!(html::shows(&show, "Tasks"));
}

fn interest_fields(name: &str, consent: bool) -> Vec<(&'static str, String)> {
    let mut f = vec![
        ("name", name.to_string()),
        ("email", "samira.haddad@example.se".to_string()),
        ("phone", String::new()),
        ("spoken_languages", "arabiska, engelska".to_string()),
        (
            "interest_message",
            "Jag har arbetat i restaurangkök i fem år & vill gärna lära mig mer.".to_string(),
        ),
        ("website", String::new()),
    ];
    if consent {
        f.push(("interest_consent", "yes".to_string()));
    }
    f
}

async fn a_candidate_expresses_interest_and_a_coordinator_handles_it_in_the_inbox(app: &TestApp) {
    let ad = placements(app, PlacementStatus::Published).await[0].clone();
    let show = format!("/open-placements/{}", ad.id);
    let action = format!("{show}/interest");
    let v = app.visitor();
    // The demo's own interest is there already; count what this story adds.
    let before = inbox_total(app).await;

    // Without consent: refused beside the checkbox, everything typed still there.
    let typed = interest_fields("Samira Haddad", false);
    let res = v.submit(&show, &action, &pairs(&typed)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let error = html::element_by_id(&page, "error-interest_consent").expect("consent error");
    assert!(html::shows(&error, "samtycke"), "{error}");
    let checkbox = html::tag_with_name(&page, "input", "interest_consent").unwrap();
    assert_eq!(
        html::attr(&checkbox, "aria-describedby").as_deref(),
        Some("error-interest_consent")
    );
    assert_eq!(html::input_value(&page, "name").unwrap(), "Samira Haddad");
    assert_eq!(
        html::input_value(&page, "email").unwrap(),
        "samira.haddad@example.se"
    );
    assert_eq!(
        html::input_value(&page, "spoken_languages").unwrap(),
        "arabiska, engelska"
    );
    assert_eq!(
        html::textarea(&page, "interest_message").unwrap(),
        typed[4].1
    );
    // No way to reach the candidate: said beside the email field.
    let mut no_contact = interest_fields("Samira Haddad", true);
    no_contact[1].1 = String::new();
    let res = v.submit(&show, &action, &pairs(&no_contact)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::element_by_id(&page, "error-email").is_some(),
        "{page}"
    );
    assert_eq!(inbox_total(app).await, before, "nothing stored");

    // With consent: thanked, and it is in the coordinator's inbox.
    let res = v
        .submit(
            &show,
            &action,
            &pairs(&interest_fields("Samira Haddad", true)),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), action);
    let thanks = v.page(&action).await;
    assert!(
        html::shows(&thanks, "Tack för din intresseanmälan"),
        "{thanks}"
    );
    assert_eq!(inbox_total(app).await, before + 1);

    // A robot filling in the hidden field is answered the same, and nothing is stored.
    let mut robot = interest_fields("Bot McBotface", true);
    robot[5].1 = "http://spam.example".into();
    let res = v.submit(&show, &action, &pairs(&robot)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), action);
    assert_eq!(
        inbox_total(app).await,
        before + 1,
        "the honeypot stores nothing"
    );

    // The coordinator finds it, reads it, marks it handled.
    let coordinator = app.logged_in(Role::Coordinator).await;
    let inbox = coordinator.page("/inbox").await;
    assert!(html::shows(&inbox, "Samira Haddad"), "{inbox}");
    assert!(!html::shows(&inbox, "Bot McBotface"));
    let id = app
        .store
        .interest_list(&Actor::system_for("test"), &InterestFilter::default())
        .await
        .unwrap()
        .items[0]
        .id;
    let one = coordinator.page(&format!("/inbox/{id}")).await;
    assert!(html::shows(&one, "samira.haddad@example.se"), "{one}");
    assert!(html::shows(&one, "restaurangkök i fem år & vill"), "{one}");
    assert!(one.contains(&format!("href=\"/placements/{}\"", ad.id)));
    assert!(
        html::shows(&one, "/participants/new?first_name=Samira&last_name=Haddad"),
        "{one}"
    );
    let new = coordinator
        .page(
            "/participants/new?first_name=Samira&last_name=Haddad&email=samira.haddad%40example.se",
        )
        .await;
    assert_eq!(html::input_value(&new, "first_name").unwrap(), "Samira");
    assert_eq!(
        html::input_value(&new, "email").unwrap(),
        "samira.haddad@example.se"
    );
    // Registered without saying as whom: refused beside the field, choice kept.
    let res = coordinator
        .submit(
            &format!("/inbox/{id}"),
            &format!("/inbox/{id}"),
            &[("status", "registered"), ("participant_id", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(html::element_by_id(&page, "error-participant_id").is_some());
    assert_eq!(
        html::selected(&page, "status").as_deref(),
        Some("registered")
    );
    let res = coordinator
        .submit(
            &format!("/inbox/{id}"),
            &format!("/inbox/{id}"),
            &[("status", "handled"), ("participant_id", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let handled = coordinator.page("/inbox?status=handled").await;
    assert!(html::shows(&handled, "Samira Haddad"));
    let new_only = coordinator.page("/inbox?status=new").await;
    assert!(!html::shows(&new_only, "Samira Haddad"));

    // Other roles have no inbox; strangers are sent to log in.
    let supervisor = app.logged_in(Role::Supervisor).await;
    assert_eq!(
        supervisor.get("/inbox").await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        supervisor.get(&format!("/inbox/{id}")).await.status(),
        StatusCode::FORBIDDEN
    );
    let res = app.visitor().get("/inbox").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).starts_with("/login"));

    // Five stored within the hour from this address; the sixth is refused with a clear page.
    for n in 2..=5 {
        let res = v
            .submit(
                &show,
                &action,
                &pairs(&interest_fields(&format!("Kandidat {n}"), true)),
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "submission {n}");
    }
    assert_eq!(inbox_total(app).await, before + 5);
    let res = v
        .submit(&show, &action, &pairs(&interest_fields("Kandidat 6", true)))
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let page = res.text().await.unwrap();
    assert!(html::shows(&page, "För många anmälningar"), "{page}");
    assert_eq!(inbox_total(app).await, before + 5);
}
