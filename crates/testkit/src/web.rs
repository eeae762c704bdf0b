//! The real server on a free port against a fresh copy of the demo, as the web stories use it.

use std::net::SocketAddr;
use std::sync::Arc;

use brygga_app::MailSettings;
use brygga_domain::model::{OrgKind, Role};
use brygga_domain::refdata::RefData;
use brygga_store::participant::ParticipantFilter;
use brygga_store::{Actor, Store};
use brygga_web::AppState;

use crate::db::{Backend, TestDb, catch_unwind, rethrow};

/// Brygga serving on `address`, against a database of this test's own holding the demo data.
pub struct TestApp {
    pub address: SocketAddr,
    pub store: Store,
    /// The use cases' context the server runs with, for stories that call a use case directly
    /// (a periodic job, say).
    pub app: brygga_app::App,
    /// The demo's one login per role, as (role, email).
    pub logins: Vec<(Role, String)>,
    db: TestDb,
}

/// Start Brygga on a free port against a fresh, migrated database holding the demo data.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with_mail(backend, MailSettings::default()).await
}

/// As [`spawn_app`], sending email as `mail` says (the email stories' local SMTP server).
pub async fn spawn_app_with_mail(backend: Backend, mail: MailSettings) -> TestApp {
    spawn(backend, mail, false, brygga_web::export::XLSX_MAX_ROWS).await
}

/// As [`spawn_app`], writing lists of at most `rows` rows as XLSX.
pub async fn spawn_app_with_xlsx_limit(backend: Backend, rows: u64) -> TestApp {
    spawn(backend, MailSettings::default(), false, rows).await
}

/// As [`spawn_app`], configured as behind HTTPS: cookies `Secure` (so a cookie-keeping client
/// over plain HTTP will not send them back).
pub async fn spawn_app_with_secure_cookies(backend: Backend) -> TestApp {
    spawn(
        backend,
        MailSettings::default(),
        true,
        brygga_web::export::XLSX_MAX_ROWS,
    )
    .await
}

async fn spawn(
    backend: Backend,
    mail: MailSettings,
    secure_cookies: bool,
    xlsx_max_rows: u64,
) -> TestApp {
    let (db, logins) = TestDb::demo(&backend).await;
    let store = db.connect().await;
    let logins = logins
        .iter()
        .map(|(role, email)| (Role::parse(role).expect("a role"), email.clone()))
        .collect();
    let (address, app) = serve(&db, store.clone(), mail, secure_cookies, xlsx_max_rows).await;
    TestApp {
        address,
        store,
        app,
        logins,
        db,
    }
}

/// Serve Brygga on a free port over `store` (an instance of its own: its own matching index).
async fn serve(
    db: &TestDb,
    store: Store,
    mail: MailSettings,
    secure_cookies: bool,
    xlsx_max_rows: u64,
) -> (SocketAddr, brygga_app::App) {
    let refdata = RefData::load().expect("reference data");
    let state = AppState {
        app: brygga_app::App {
            store,
            refdata: Arc::new(refdata),
            files: brygga_store::files::FileStore::local(db.dir().join("files")),
            mail,
            // Agreements as plain PDFs: the typst renderer is the reports crate's to test.
            renderer: Arc::new(crate::renderer::PlainPdfRenderer),
            match_index: Default::default(),
        },
        secure_cookies,
        xlsx_max_rows,
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a free port");
    let address = listener.local_addr().expect("local address");
    let app = state.app.clone();
    tokio::spawn(async move {
        let _ = brygga_web::serve(state, listener).await;
    });
    (address, app)
}

/// Run `case` against a fresh app on `backend`; its database is removed afterwards, whether the
/// case passed or not.
pub async fn run_app<F>(backend: Backend, case: F)
where
    F: AsyncFnOnce(&TestApp),
{
    let app = spawn_app(backend).await;
    let outcome = catch_unwind(case(&app)).await;
    app.finish().await;
    rethrow(outcome);
}

impl TestApp {
    /// The absolute URL of `path` on this app.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// The email of the demo login for `role`.
    pub fn email(&self, role: Role) -> String {
        self.logins
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, e)| e.clone())
            .unwrap_or_else(|| panic!("no demo login for {role}"))
    }

    /// The demo user with `role`, as the store sees a signed-in user.
    pub async fn actor(&self, role: Role) -> Actor {
        let email = self.email(role);
        let user = self
            .store
            .user_by_email(&Actor::system_for("test"), &email)
            .await
            .unwrap()
            .expect("demo user");
        self.store
            .actor(user.id)
            .await
            .unwrap()
            .expect("active demo user")
    }

    /// A fresh API token for the demo user with `role`.
    pub async fn token(&self, role: Role) -> String {
        let email = self.email(role);
        let user = self
            .store
            .user_by_email(&Actor::system_for("test"), &email)
            .await
            .unwrap()
            .expect("demo user");
        self.store
            .token_create(&Actor::system_for("test"), user.id, "test", 30)
            .await
            .expect("token")
    }

    /// Ids of the participants `role`'s demo user may list.
    pub async fn participant_ids_for(&self, role: Role) -> Vec<i32> {
        let actor = self.actor(role).await;
        let mut ids = vec![];
        for page in 1.. {
            let p = self
                .store
                .participant_list(
                    &actor,
                    &ParticipantFilter {
                        page,
                        ..Default::default()
                    },
                )
                .await
                .unwrap();
            ids.extend(p.items.iter().map(|s| s.id));
            if page >= p.pages() {
                break;
            }
        }
        ids
    }

    /// The first programme `role`'s demo user works in.
    pub async fn programme_of(&self, role: Role) -> i32 {
        let actor = self.actor(role).await;
        let orgs = self.store.programmes_for(&actor).await.unwrap();
        orgs.iter()
            .find(|o| o.kind == OrgKind::Programme)
            .expect("a programme")
            .id
    }

    /// A second instance of Brygga on this app's database, with its own connections and its
    /// own in-memory state, as when several run behind a load balancer. Its store is closed
    /// with this app's database.
    pub async fn another_instance(&self) -> (SocketAddr, brygga_app::App) {
        let store = self.db.connect().await;
        serve(
            &self.db,
            store,
            MailSettings::default(),
            false,
            brygga_web::export::XLSX_MAX_ROWS,
        )
        .await
    }

    /// Close the store and remove this test's database.
    pub async fn finish(self) {
        let TestApp { store, db, .. } = self;
        let _ = store.close().await;
        db.finish().await;
    }
}
