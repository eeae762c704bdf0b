//! The real browser: headless chromium through chromedriver, and the story of a coordinator
//! fixing a wrong personnummer.

use super::*;
use fantoccini::Locator;

// ====================================================================== the real browser

/// Run `story` in headless chromium (through chromedriver) against a fresh SQLite app. Without
/// chromedriver the test is skipped with a warning, except in CI, where that is a failure.
pub(crate) async fn in_browser<F>(story: F)
where
    F: AsyncFnOnce(&TestApp, &fantoccini::Client) -> Result<(), String>,
{
    let driver_path =
        std::env::var("BRYGGA_CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    if !std::path::Path::new(&driver_path).exists() {
        brygga_testkit::skip_or_fail(
            "Headless chromium",
            &format!(
                "no chromedriver at {driver_path}. Install chromium and chromium-driver (or set \
                 BRYGGA_CHROMEDRIVER) to run it"
            ),
        );
        return;
    }

    let app = spawn_app(Backend::Sqlite).await;
    let driver = ChromeDriver::start(&driver_path).await;
    let profile = tempfile::tempdir().unwrap();
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": std::env::var("BRYGGA_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1024",
                format!("--user-data-dir={}", profile.path().display()),
            ],
        }),
    );
    let browser =
        fantoccini::ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&driver.url)
            .await
            .expect("a chromium session through chromedriver");

    // Run the story, then close the browser whatever happened, then report.
    let outcome = story(&app, &browser).await;
    let _ = browser.close().await;
    drop(driver);
    app.finish().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}

/// Nothing to scroll sideways on the phone, and the page reads in `dir`.
pub(crate) async fn fits(b: &fantoccini::Client, what: &str, dir: &str) -> Result<(), String> {
    let got = b
        .execute(
            "return [window.innerWidth, document.documentElement.scrollWidth, document.documentElement.dir];",
            vec![],
        )
        .await
        .map_err(browser_err(what))?;
    match (got[0].as_i64(), got[1].as_i64()) {
        (Some(i), Some(s)) if i <= 600 && s <= i && got[2] == dir => Ok(()),
        _ => Err(format!("{what}: {got:?}, expected to fit and read {dir}")),
    }
}

/// Log in as the demo user with `role` through the login page, landing on `next`.
pub(crate) async fn log_in(
    app: &TestApp,
    b: &fantoccini::Client,
    role: Role,
    next: &str,
) -> Result<(), String> {
    b.goto(&app.url(&format!("/login?next={next}")))
        .await
        .map_err(browser_err("open the login page"))?;
    type_into(b, "input[name=email]", &app.email(role)).await?;
    type_into(b, "input[name=password]", DEMO_PASSWORD).await?;
    click(b, "form[action='/login'] button[type=submit]").await
}

/// Log out from the header, back to the login page.
pub(crate) async fn log_out(b: &fantoccini::Client) -> Result<(), String> {
    click(b, "form[action='/logout'] button[type=submit]").await?;
    find_soon(b, Locator::Css("form[action='/login']"), "the login page").await?;
    Ok(())
}

/// A browser command's error, said with what the story was doing.
pub(crate) fn browser_err(what: &str) -> impl Fn(fantoccini::error::CmdError) -> String {
    let what = what.to_string();
    move |e| format!("{what}: {e}")
}

/// Find an element, retrying for a while: the page may still be loading or navigating (a form
/// post, htmx swapping the results), which a plain wait treats as fatal.
pub(crate) async fn find_soon(
    b: &fantoccini::Client,
    locator: fantoccini::Locator<'_>,
    what: &str,
) -> Result<fantoccini::elements::Element, String> {
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        match b.find(locator).await {
            Ok(e) => return Ok(e),
            Err(e) if std::time::Instant::now() > deadline => {
                return Err(format!("{what}: {e}"));
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// Set an input's value directly (date and time inputs take keys in the browser's locale).
pub(crate) async fn set_value(
    b: &fantoccini::Client,
    css: &str,
    value: &str,
) -> Result<(), String> {
    b.execute(
        "const e = document.querySelector(arguments[0]); \
         if (!e) { throw new Error('no ' + arguments[0]); } \
         e.value = arguments[1];",
        vec![json!(css), json!(value)],
    )
    .await
    .map(|_| ())
    .map_err(browser_err(css))
}

pub(crate) async fn type_into(b: &fantoccini::Client, css: &str, text: &str) -> Result<(), String> {
    let e = find_soon(b, Locator::Css(css), css).await?;
    e.clear().await.map_err(browser_err(css))?;
    e.send_keys(text).await.map_err(browser_err(css))
}

pub(crate) async fn click(b: &fantoccini::Client, css: &str) -> Result<(), String> {
    find_soon(b, Locator::Css(css), css)
        .await?
        .click()
        .await
        .map_err(browser_err(css))
}

pub(crate) async fn value_of(b: &fantoccini::Client, css: &str) -> Result<String, String> {
    Ok(find_soon(b, Locator::Css(css), css)
        .await?
        .prop("value")
        .await
        .map_err(browser_err(css))?
        .unwrap_or_default())
}

/// The text of the first element matching `css` once it contains `expected`, looked up afresh
/// each time (a form post may replace the page between two looks), or an error saying what the
/// page showed instead.
pub(crate) async fn text_with(
    b: &fantoccini::Client,
    css: &str,
    expected: &str,
) -> Result<String, String> {
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        let text = match b.find(Locator::Css(css)).await {
            Ok(m) => m.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if text.contains(expected) {
            return Ok(text);
        }
        if std::time::Instant::now() > deadline {
            let url = b
                .current_url()
                .await
                .map(|u| u.to_string())
                .unwrap_or_default();
            let page = match b.find(Locator::Css("main")).await {
                Ok(m) => m.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            return Err(format!(
                "expected {expected:?} in {css} at {url}; it says {text:?}; the page: {page}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Logs in as a coordinator in headless chromium, submits a participant with a wrong
/// personnummer, sees the message beside the field with the input kept, corrects it, saves, and
/// finds the participant by searching the list.
#[tokio::test]
async fn in_a_real_browser_a_coordinator_fixes_a_wrong_personnummer_and_finds_the_participant() {
    in_browser(browser_story).await;

    async fn browser_story(app: &TestApp, b: &fantoccini::Client) -> Result<(), String> {
        let err = browser_err;

        // Log in; the login page is where the participant list sends a stranger.
        b.goto(&app.url("/participants/new"))
            .await
            .map_err(err("open /participants/new"))?;
        let email = app.email(Role::Coordinator);
        find_soon(b, Locator::Css("input[name=email]"), "login form")
            .await?
            .send_keys(&email)
            .await
            .map_err(err("type email"))?;
        b.find(Locator::Css("input[name=password]"))
            .await
            .map_err(err("password field"))?
            .send_keys(DEMO_PASSWORD)
            .await
            .map_err(err("type password"))?;
        b.find(Locator::Css("form[action='/login'] button[type=submit]"))
            .await
            .map_err(err("login button"))?
            .click()
            .await
            .map_err(err("log in"))?;

        // Back on the new-participant form: fill it in with a wrong check digit.
        let form = "form[action='/participants']";
        let first_name = format!("{form} input[name=first_name]");
        find_soon(b, Locator::Css(&first_name), "participant form after login").await?;
        let wrong = personnummer("19900928", "238", true);
        let typed = [
            ("first_name", "Webbina"),
            ("last_name", "Webbläsarsson"),
            ("personnummer", wrong.as_str()),
            ("birth_year", "1990"),
            ("email", "webbina@example.org"),
            ("phone", "070-765 43 21"),
        ];
        for (name, value) in typed {
            b.find(Locator::Css(&format!("{form} input[name={name}]")))
                .await
                .map_err(err(name))?
                .send_keys(value)
                .await
                .map_err(err(name))?;
        }
        b.find(Locator::Css(&format!("{form} input[name=language]")))
            .await
            .map_err(err("language"))?
            .send_keys("somaliska")
            .await
            .map_err(err("language"))?;
        b.find(Locator::Css(&format!("{form} select[name=language_level]")))
            .await
            .map_err(err("language_level"))?
            .select_by_value("C2")
            .await
            .map_err(err("language_level"))?;
        b.find(Locator::Css(&format!(
            "{form} select[name=municipality_code]"
        )))
        .await
        .map_err(err("municipality"))?
        .select_by_value("1480")
        .await
        .map_err(err("choose municipality"))?;
        b.find(Locator::Css(&format!(
            "{form} input[name=available_days][value=tue]"
        )))
        .await
        .map_err(err("tuesday"))?
        .click()
        .await
        .map_err(err("tick tuesday"))?;
        b.find(Locator::Css(&format!("{form} button[type=submit]")))
            .await
            .map_err(err("save button"))?
            .click()
            .await
            .map_err(err("save"))?;

        // The message is beside the field, and everything typed is still there.
        let message = find_soon(
            b,
            Locator::Css("input[name=personnummer] + p.field-error#error-personnummer"),
            "the personnummer message right after the field",
        )
        .await?
        .text()
        .await
        .map_err(err("message text"))?;
        if !message.contains("Kontrollsiffran stämmer inte") {
            return Err(format!("unexpected message {message:?}"));
        }
        let pnr_input = b
            .find(Locator::Css("input[name=personnummer]"))
            .await
            .map_err(err("personnummer"))?;
        if pnr_input
            .attr("aria-describedby")
            .await
            .map_err(err("aria"))?
            .as_deref()
            != Some("error-personnummer")
        {
            return Err("the personnummer field does not point at its message".into());
        }
        for (name, value) in typed {
            let kept = b
                .find(Locator::Css(&format!("input[name={name}]")))
                .await
                .map_err(err(name))?
                .prop("value")
                .await
                .map_err(err(name))?;
            if kept.as_deref() != Some(value) {
                return Err(format!("{name}: typed {value:?}, shown again {kept:?}"));
            }
        }
        let language = b
            .find(Locator::Css("input[name=language]"))
            .await
            .map_err(err("language"))?
            .prop("value")
            .await
            .map_err(err("language"))?;
        let level = b
            .find(Locator::Css("select[name=language_level]"))
            .await
            .map_err(err("language_level"))?
            .prop("value")
            .await
            .map_err(err("language_level"))?;
        let languages = language.zip(level).map(|(l, v)| format!("{l} {v}"));
        let municipality = b
            .find(Locator::Css("select[name=municipality_code]"))
            .await
            .map_err(err("municipality"))?
            .prop("value")
            .await
            .map_err(err("municipality"))?;
        let tuesday = b
            .find(Locator::Css("input[name=available_days][value=tue]"))
            .await
            .map_err(err("tuesday"))?
            .prop("checked")
            .await
            .map_err(err("tuesday"))?;
        if languages.as_deref() != Some("somaliska C2")
            || municipality.as_deref() != Some("1480")
            || tuesday.as_deref() != Some("true")
        {
            return Err(format!(
                "lost input: languages {languages:?}, municipality {municipality:?}, tuesday {tuesday:?}"
            ));
        }

        // Corrected and saved.
        let pnr_input = b
            .find(Locator::Css("input[name=personnummer]"))
            .await
            .map_err(err("personnummer"))?;
        pnr_input.clear().await.map_err(err("clear personnummer"))?;
        pnr_input
            .send_keys(&personnummer("19900928", "238", false))
            .await
            .map_err(err("retype personnummer"))?;
        b.find(Locator::Css(&format!("{form} button[type=submit]")))
            .await
            .map_err(err("save button"))?
            .click()
            .await
            .map_err(err("save again"))?;
        find_soon(
            b,
            Locator::XPath("//h1[contains(., 'Webbina Webbläsarsson')]"),
            "the saved record",
        )
        .await?;
        let url = b.current_url().await.map_err(err("url"))?;
        if !url.path().starts_with("/participants/") {
            return Err(format!("after saving the browser is at {url}"));
        }

        // Found in the list by searching.
        b.goto(&app.url("/participants"))
            .await
            .map_err(err("open the list"))?;
        let q = find_soon(b, Locator::Css("input#q"), "search field").await?;
        q.send_keys("webbläsar").await.map_err(err("type search"))?;
        b.find(Locator::Css("form[role=search] button[type=submit]"))
            .await
            .map_err(err("search button"))?
            .click()
            .await
            .map_err(err("search"))?;
        find_soon(
            b,
            Locator::LinkText("Webbläsarsson, Webbina"),
            "the participant in the search results",
        )
        .await?;
        // Only her: the list is filtered, not just long enough to include her.
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        loop {
            let rows = b
                .find_all(Locator::Css("#results tbody tr"))
                .await
                .map(|r| r.len());
            match rows {
                Ok(1) => break,
                _ if std::time::Instant::now() > deadline => {
                    return Err(format!(
                        "the search should show one participant, the list shows {rows:?}"
                    ));
                }
                _ => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        Ok(())
    }
}

/// chromedriver as a child process on a free port, killed when dropped.
struct ChromeDriver {
    child: std::process::Child,
    url: String,
}

impl ChromeDriver {
    async fn start(path: &str) -> ChromeDriver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = std::process::Command::new(path)
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {path}: {e}"));
        let driver = ChromeDriver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let status = format!("{}/status", driver.url);
        for _ in 0..100 {
            if reqwest::get(&status)
                .await
                .is_ok_and(|r| r.status().is_success())
            {
                return driver;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("chromedriver did not answer at {status}");
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
