//! Web stories: email through a real SMTP server (mailin-embedded in this process, on a free
//! local port, keeping what it receives in memory) and the admin's queue page.

use std::sync::Mutex;

use base64::Engine as _;
use brygga_app::MailSettings;
use brygga_domain::model::JobStatus;
use brygga_store::jobs::{Attachment, JobFilter, MAX_ATTEMPTS, OutgoingEmail};

use super::*;

both!(app: only_admins_reach_the_email_queue_and_without_smtp_email_stays_queued);

// The stories that need an SMTP server: each starts its own app (its SMTP URL is known only once
// the server's port is chosen).
both!(
    backend:
    a_queued_interview_invitation_arrives_with_its_calendar_file,
    a_send_that_keeps_failing_shows_as_failed_and_is_sent_after_a_retry,
    an_event_invitation_and_a_fair_timetable_arrive_with_their_calendar_files,
);

// ---------------------------------------------------------------------- the SMTP server

/// One message as the SMTP server received it.
#[derive(Debug, Clone)]
struct Received {
    to: Vec<String>,
    raw: String,
}

/// The server's handler (one clone per connection) and the shared list of what arrived.
#[derive(Clone, Default)]
struct Inbox {
    received: Arc<Mutex<Vec<Received>>>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl mailin_embedded::Handler for Inbox {
    fn data_start(
        &mut self,
        _domain: &str,
        _from: &str,
        _is8bit: bool,
        to: &[String],
    ) -> mailin_embedded::Response {
        self.to = to.to_vec();
        self.data.clear();
        mailin_embedded::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> mailin_embedded::Response {
        self.received.lock().unwrap().push(Received {
            to: std::mem::take(&mut self.to),
            raw: String::from_utf8_lossy(&std::mem::take(&mut self.data)).into_owned(),
        });
        mailin_embedded::response::OK
    }
}

impl Inbox {
    /// Wait (briefly) until `n` messages have arrived.
    async fn wait_for(&self, n: usize) -> Vec<Received> {
        for _ in 0..200 {
            let got = self.received.lock().unwrap().clone();
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the SMTP server did not receive {n} message(s)");
    }
}

/// A port nobody listens on (yet).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Start a real SMTP server on `port`; it runs until the test process ends.
fn smtp_server(port: u16) -> Inbox {
    let inbox = Inbox::default();
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
    let mut server = mailin_embedded::Server::new(inbox.clone());
    server
        .with_name("smtp.test")
        .with_num_threads(2)
        .with_tcp_listener(listener);
    std::thread::spawn(move || {
        let _ = server.serve();
    });
    inbox
}

/// Quick tests: poll often, retry at once.
fn mail_settings(port: u16) -> MailSettings {
    MailSettings {
        smtp_url: Some(format!("smtp://127.0.0.1:{port}")),
        from: "Brygga <noreply@brygga.test>".into(),
        poll_interval: Duration::from_millis(50),
        backoff: vec![],
        timeout: Duration::from_secs(5),
        ..MailSettings::default()
    }
}

/// Wait until the job has `status`.
async fn wait_for_status(app: &TestApp, id: i32, status: JobStatus) {
    for _ in 0..200 {
        let job = app
            .store
            .job_get(&Actor::system_for("test"), id)
            .await
            .unwrap();
        if job.status == status {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("job {id} never became {status:?}");
}

// ---------------------------------------------------------------------- reading MIME

/// A message's or part's headers: lower-cased names, unfolded values.
type Headers = Vec<(String, String)>;

/// The headers and the body of a message or part.
fn split(raw: &str) -> (Headers, &str) {
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((raw, ""));
    let mut headers: Headers = vec![];
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = headers.last_mut() {
                v.push_str(line);
            }
        } else if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_lowercase(), v.trim().to_string()));
        }
    }
    (headers, body)
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> &'a str {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} header in {headers:?}"))
}

/// Undo RFC 2047 encoded words (`=?utf-8?b?…?=`, which lettre writes for non-ASCII headers):
/// the space between two encoded words is not part of the text, any other space is.
fn decode_header(v: &str) -> String {
    let mut out = String::new();
    let mut after_encoded = false;
    for word in v.split_whitespace() {
        let encoded = word
            .to_lowercase()
            .starts_with("=?utf-8?b?")
            .then(|| word.get(10..word.len() - 2))
            .flatten();
        let joined = after_encoded && encoded.is_some();
        if !out.is_empty() && !joined {
            out.push(' ');
        }
        match encoded {
            Some(b64) => out.push_str(&String::from_utf8(base64(b64)).unwrap()),
            None => out.push_str(word),
        }
        after_encoded = encoded.is_some();
    }
    out
}

fn base64(s: &str) -> Vec<u8> {
    let clean: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(clean)
        .unwrap()
}

/// The parts of a multipart body, each as (headers, decoded body).
fn parts(raw: &str) -> Vec<(Headers, Vec<u8>)> {
    let (headers, body) = split(raw);
    let content_type = header(&headers, "content-type");
    assert!(
        content_type.starts_with("multipart/mixed"),
        "{content_type}"
    );
    let boundary = content_type
        .split("boundary=")
        .nth(1)
        .unwrap()
        .trim_matches('"')
        .to_string();
    body.split(&format!("--{boundary}"))
        .map(|p| p.trim_start_matches("\r\n"))
        .filter(|p| !p.is_empty() && !p.starts_with("--"))
        .map(|p| {
            let (h, b) = split(p);
            assert_eq!(header(&h, "content-transfer-encoding"), "base64");
            let decoded = base64(b);
            (h, decoded)
        })
        .collect()
}

// ---------------------------------------------------------------------- stories

const ICS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Intervju – Kök & Café Åkersberga\r\nDTSTART:20270115T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

async fn a_queued_interview_invitation_arrives_with_its_calendar_file(backend: Backend) {
    let port = free_port();
    let inbox = smtp_server(port);
    let app = spawn_app_with_mail(backend, mail_settings(port)).await;

    let email = OutgoingEmail {
        to: vec!["amina.k@example.org".into()],
        subject: "Inbjudan till intervju – Kök & Café Åkersberga".into(),
        text: "Hej Amina!\n\nVälkommen på intervju den 15 januari kl. 10.00.\nHälsningar, Brygga"
            .into(),
        attachments: vec![Attachment {
            filename: "intervju.ics".into(),
            content_type: "text/calendar; method=REQUEST; charset=utf-8".into(),
            data_base64: base64::engine::general_purpose::STANDARD.encode(ICS),
        }],
    };
    let id = app
        .store
        .email_enqueue(&Actor::system_for("test"), &email)
        .await
        .unwrap();

    let got = inbox.wait_for(1).await;
    assert_eq!(got.len(), 1, "sent once");
    assert_eq!(got[0].to, vec!["amina.k@example.org".to_string()]);
    let (headers, _) = split(&got[0].raw);
    assert_eq!(decode_header(header(&headers, "subject")), email.subject);
    assert!(header(&headers, "from").contains("noreply@brygga.test"));
    let parts = parts(&got[0].raw);
    assert_eq!(parts.len(), 2, "{parts:?}");
    let (text_headers, text) = &parts[0];
    assert!(header(text_headers, "content-type").starts_with("text/plain"));
    assert!(
        header(text_headers, "content-type")
            .to_lowercase()
            .contains("charset=utf-8")
    );
    // Text travels with CRLF line ends, as MIME wants.
    assert_eq!(
        String::from_utf8(text.clone()).unwrap(),
        email.text.replace('\n', "\r\n")
    );
    let (ics_headers, ics) = &parts[1];
    let ics_type = header(ics_headers, "content-type").to_lowercase();
    assert!(
        ics_type.starts_with("text/calendar") && ics_type.contains("method=request"),
        "{ics_type}"
    );
    assert!(header(ics_headers, "content-disposition").contains("intervju.ics"));
    assert_eq!(String::from_utf8(ics.clone()).unwrap(), ICS);

    wait_for_status(&app, id, JobStatus::Done).await;
    let admin = app.logged_in(Role::Admin).await;
    let page = admin.page("/admin/jobs?status=done").await;
    let row = html::element_by_id(&page, &format!("job-{id}")).expect("the job's row");
    assert!(row.contains("data-status=\"done\""), "{row}");
    assert!(html::shows(
        &page,
        "Inbjudan till intervju – Kök & Café Åkersberga"
    ));
    assert!(html::shows(&page, "amina.k@example.org"));
    assert!(html::shows(
        &page,
        "E-post skickas via den inställda SMTP-servern."
    ));
    // Nothing else was sent later.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(inbox.received.lock().unwrap().len(), 1);
    app.finish().await;
}

async fn a_send_that_keeps_failing_shows_as_failed_and_is_sent_after_a_retry(backend: Backend) {
    // The SMTP server is down: nothing listens on its port yet.
    let port = free_port();
    let app = spawn_app_with_mail(backend, mail_settings(port)).await;
    let admin = app.logged_in(Role::Admin).await;
    let admin_email = app.email(Role::Admin);

    // The admin queues a test email to their own address from the queue page.
    let res = admin.submit("/admin/jobs", "/admin/jobs/test", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/admin/jobs");
    let jobs = app
        .store
        .job_list(&Actor::system_for("test"), &JobFilter::default())
        .await
        .unwrap();
    assert_eq!(jobs.total, 1);
    let id = jobs.items[0].id;

    // Tried every time, then failed, with the reason on the page.
    wait_for_status(&app, id, JobStatus::Failed).await;
    let page = admin.page("/admin/jobs?status=failed").await;
    let row = html::element_by_id(&page, &format!("job-{id}")).expect("the failed job's row");
    assert!(row.contains("data-status=\"failed\""), "{row}");
    let page_text = html::unescape(&page);
    assert!(
        page_text.contains(&format!("{MAX_ATTEMPTS}/{MAX_ATTEMPTS}")),
        "every attempt counted"
    );
    assert!(page_text.contains(&admin_email));
    assert!(page_text.contains("Testmejl från Brygga – åäö fungerar"));
    assert!(
        page_text.to_lowercase().contains("connection refused"),
        "the error is shown: {page_text}"
    );
    assert!(page.contains(&format!("action=\"/admin/jobs/{id}/retry\"")));
    // Failed stays failed: not sent, not tried again on its own.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let job = app
        .store
        .job_get(&Actor::system_for("test"), id)
        .await
        .unwrap();
    assert_eq!(
        (job.status, job.attempts),
        (JobStatus::Failed, MAX_ATTEMPTS)
    );

    // The server comes back; the admin presses "retry" and the email arrives once.
    let inbox = smtp_server(port);
    let res = admin
        .submit(
            "/admin/jobs?status=failed",
            &format!("/admin/jobs/{id}/retry"),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let got = inbox.wait_for(1).await;
    assert_eq!(got[0].to, vec![admin_email.clone()]);
    let (headers, body) = split(&got[0].raw);
    assert_eq!(
        decode_header(header(&headers, "subject")),
        "Testmejl från Brygga – åäö fungerar"
    );
    assert!(
        String::from_utf8(base64(body))
            .unwrap()
            .contains("Det här är ett testmejl från Brygga")
    );
    wait_for_status(&app, id, JobStatus::Done).await;
    let page = admin.page("/admin/jobs").await;
    let row = html::element_by_id(&page, &format!("job-{id}")).expect("the job's row");
    assert!(row.contains("data-status=\"done\""), "{row}");
    assert!(!page.contains(&format!("action=\"/admin/jobs/{id}/retry\"")));
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(inbox.received.lock().unwrap().len(), 1, "sent once");
    app.finish().await;
}

async fn only_admins_reach_the_email_queue_and_without_smtp_email_stays_queued(app: &TestApp) {
    let coordinator = app.logged_in(Role::Coordinator).await;
    assert_eq!(
        coordinator.get("/admin/jobs").await.status(),
        StatusCode::FORBIDDEN
    );
    let csrf = csrf_of(&coordinator.page("/participants").await);
    for path in ["/admin/jobs/test", "/admin/jobs/1/retry"] {
        let res = coordinator
            .post(path, &[("csrf".to_string(), csrf.clone())])
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{path}");
    }
    let employer = app.logged_in(Role::EmployerContact).await;
    assert_eq!(
        employer.get("/admin/jobs").await.status(),
        StatusCode::FORBIDDEN
    );
    // A stranger is sent to log in.
    assert_eq!(
        app.visitor().get("/admin/jobs").await.status(),
        StatusCode::SEE_OTHER
    );

    // This app has no SMTP server: the admin is told, and a test email waits in the queue.
    let admin = app.logged_in(Role::Admin).await;
    let page = admin.page("/admin/jobs").await;
    assert!(html::shows(&page, "Ingen SMTP-server är inställd"));
    let res = admin.submit("/admin/jobs", "/admin/jobs/test", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let jobs = app
        .store
        .job_list(&Actor::system_for("test"), &JobFilter::default())
        .await
        .unwrap();
    assert_eq!(jobs.total, 1);
    assert_eq!(
        (jobs.items[0].status, jobs.items[0].attempts),
        (JobStatus::Queued, 0)
    );
    let page = admin.page("/admin/jobs?status=queued").await;
    assert!(html::element_by_id(&page, &format!("job-{}", jobs.items[0].id)).is_some());
    assert!(html::shows(&page, "I kö"));
    // Retrying a job that has not failed changes nothing.
    let res = admin
        .submit(
            "/admin/jobs",
            &format!("/admin/jobs/{}/retry", jobs.items[0].id),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let job = app
        .store
        .job_get(&Actor::system_for("test"), jobs.items[0].id)
        .await
        .unwrap();
    assert_eq!((job.status, job.attempts), (JobStatus::Queued, 0));
    let res = admin
        .submit("/admin/jobs", "/admin/jobs/99999/retry", &[])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

async fn an_event_invitation_and_a_fair_timetable_arrive_with_their_calendar_files(
    backend: Backend,
) {
    let port = free_port();
    let inbox = smtp_server(port);
    let app = spawn_app_with_mail(backend, mail_settings(port)).await;
    let k = app.actor(Role::Coordinator).await;
    let programme = app.programme_of(Role::Coordinator).await;

    // An invitation to a two-session training reaches the supervisor with both sessions.
    let draft = brygga_domain::event::EventDraft {
        programme_id: programme.to_string(),
        kind: "supervisor_training".into(),
        title: "Handledarutbildning; två halvdagar".into(),
        capacity: "10".into(),
        audience: vec!["supervisors".into()],
        ..Default::default()
    };
    let id = brygga_app::event::create(&app.app, &k, "", &draft)
        .await
        .unwrap()
        .id();
    for day in ["2027-09-06", "2027-09-13"] {
        let s = brygga_domain::event::EventSessionDraft {
            session_date: day.into(),
            session_start: "08:30".into(),
            session_end: "12:00".into(),
            place: "Stadshuset".into(),
            link: String::new(),
        };
        brygga_app::event::add_session(&app.app, &k, id, &s)
            .await
            .unwrap();
    }
    let sup = app.actor(Role::Supervisor).await.supervisor_ids()[0];
    let n = brygga_app::event::invite(&app.app, &k, id, &[format!("s-{sup}")])
        .await
        .unwrap();
    assert_eq!(n, 1);
    let got = inbox.wait_for(1).await;
    assert_eq!(got[0].to, vec![app.email(Role::Supervisor)]);
    let (headers, _) = split(&got[0].raw);
    assert!(
        decode_header(header(&headers, "subject")).starts_with("Inbjudan: Handledarutbildning")
    );
    let invitation = parts(&got[0].raw);
    let (cal_headers, cal) = invitation
        .iter()
        .find(|(h, _)| header(h, "content-type").starts_with("text/calendar"))
        .expect("a calendar part");
    assert!(header(cal_headers, "content-type").contains("method=REQUEST"));
    let cal = String::from_utf8(cal.clone()).unwrap();
    assert_eq!(cal.matches("BEGIN:VEVENT").count(), 2, "{cal}");
    // 08:30 Swedish summer time is 06:30 UTC; the semicolon in the title is escaped.
    assert!(cal.contains("DTSTART:20270906T063000Z"), "{cal}");
    assert!(
        cal.contains("Handledarutbildning\\; två halvdagar"),
        "{cal}"
    );

    // The demo fair's timetable, generated and sent: each letter holds that person's meetings.
    let fair = app
        .store
        .event_list(&k, 1)
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|e| e.kind == "matching_fair")
        .unwrap()
        .id;
    brygga_app::event::generate_timetable(&app.app, &k, fair)
        .await
        .unwrap();
    let letters = brygga_app::event::send_timetable(&app.app, &k, fair)
        .await
        .unwrap();
    assert!(letters >= 2, "{letters}");
    let got = inbox.wait_for(1 + letters).await;
    let timetables: Vec<&Received> = got
        .iter()
        .filter(|m| {
            let (h, _) = split(&m.raw);
            decode_header(header(&h, "subject")).starts_with("Ditt schema")
        })
        .collect();
    assert_eq!(timetables.len(), letters);
    let rec = app.store.event_get(&k, fair).await.unwrap();
    let meetings = rec.fair.unwrap().meetings;
    for m in timetables {
        let letter = parts(&m.raw);
        let (_, cal) = letter
            .iter()
            .find(|(h, _)| header(h, "content-type").starts_with("text/calendar"))
            .expect("a calendar part");
        let cal = String::from_utf8(cal.clone()).unwrap();
        let to = &m.to[0];
        let own = meetings.iter().filter(|x| &x.candidate_email == to).count();
        if own > 0 {
            assert_eq!(cal.matches("BEGIN:VEVENT").count(), own, "{cal}");
        }
    }
    app.finish().await;
}
