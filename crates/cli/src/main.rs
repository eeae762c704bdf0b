//! `brygga`: serve, migrate, demo, user and token administration, audit verification.

use std::io::Read;
use std::sync::Arc;

use anyhow::{Context, bail};
use brygga_domain::model::Role;
use brygga_domain::refdata::RefData;
use brygga_store::audit::{Checkpoint, Verification};
use brygga_store::secret::Secret;
use brygga_store::users::NewUser;
use brygga_store::{Actor, Store};
use clap::{Parser, Subcommand};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

#[derive(Parser)]
#[command(
    name = "brygga",
    version,
    about = "Brygga – internship-based integration programmes"
)]
struct Cli {
    /// Database: an SQLite file path or a postgres:// URL (default from brygga.toml or
    /// BRYGGA_DATABASE, else brygga.sqlite).
    #[arg(long, global = true)]
    database: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server.
    Serve {
        #[arg(long)]
        bind: Option<String>,
    },
    /// Apply database migrations.
    Migrate,
    /// Create (or reuse) a demo database with fictional data and serve it.
    Demo {
        #[arg(long)]
        bind: Option<String>,
    },
    /// User administration.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Matching on plain files, so any instance can be checked independently.
    Match {
        #[command(subcommand)]
        command: MatchCommand,
    },
}

#[derive(Subcommand)]
enum MatchCommand {
    /// Solve a cohort assignment exactly: maximise the total fit (see `brygga_matching::file`).
    Assign {
        #[arg(long)]
        input: std::path::PathBuf,
        #[arg(long)]
        output: std::path::PathBuf,
    },
    /// Write a seeded, realistic assignment instance (for benchmarks and independent checks).
    Generate {
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, default_value_t = 20_000)]
        participants: usize,
        #[arg(long, default_value_t = 4_000)]
        placements: usize,
        #[arg(long, default_value_t = 50)]
        edges_per_participant: usize,
        #[arg(long)]
        output: std::path::PathBuf,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user; the password is read from standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// admin, programme_manager, coordinator, employer_contact, supervisor,
        /// education_provider, es_officer, participant, evaluator
        #[arg(long)]
        role: String,
        /// Organisation id(s) the user belongs to.
        #[arg(long = "org")]
        orgs: Vec<i32>,
        /// Employer id, for employer contacts and supervisors.
        #[arg(long)]
        employer: Option<i32>,
    },
    /// Set a user's password (read from standard input); every session and API token of the
    /// user ends.
    Password { email: String },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create an API token for a user and print it (it is shown only once).
    Create {
        email: String,
        #[arg(long, default_value = "cli")]
        name: String,
        /// Days until the token expires (1 to 730).
        #[arg(long, default_value_t = brygga_store::users::TOKEN_DEFAULT_DAYS)]
        expires_days: i64,
    },
    /// List a user's tokens: id, status, name, created, expires, last used.
    List { email: String },
    /// Revoke a token by its id (from `token list`).
    Revoke { id: i32 },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check the audit log's hash chain (reads only; needs the installation secret).
    Verify {
        /// A token printed by `brygga audit checkpoint`: check that its entry still has its
        /// hash and that the chain after it is intact.
        #[arg(long)]
        since: Option<String>,
    },
    /// Print the chain's head as one token (`<entry id>:<hash>`) to keep outside the database.
    Checkpoint,
}

/// Defaults → brygga.toml → BRYGGA_* environment variables (BRYGGA_DATABASE_FILE and
/// BRYGGA_SMTP_URL_FILE read the secret from a file). Not `Debug`: the URLs may hold passwords.
#[derive(Serialize, Deserialize)]
struct Config {
    database: String,
    bind: String,
    secure_cookies: bool,
    /// Uploaded and generated files: a local folder, or `s3://bucket/prefix` (feature `s3`;
    /// credentials from the standard `AWS_*` environment variables).
    files: String,
    /// `smtp://…` or `smtps://…`; unset keeps email queued.
    smtp_url: Option<String>,
    mail_from: String,
    /// The address people reach Brygga at, for links in email.
    public_url: String,
    /// The installation secret's file, created on first start (`BRYGGA_SECRET`, 64 hexadecimal
    /// characters, takes its place: every instance on one database must share it).
    secret_file: String,
    /// The longest list exported as XLSX; longer lists are offered as CSV, which streams.
    xlsx_max_rows: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            database: "brygga.sqlite".into(),
            bind: "127.0.0.1:8080".into(),
            secure_cookies: true,
            files: "brygga-data/files".into(),
            smtp_url: None,
            mail_from: "Brygga <noreply@brygga.invalid>".into(),
            public_url: "http://127.0.0.1:8080".into(),
            secret_file: "brygga-data/secret.key".into(),
            xlsx_max_rows: brygga_web::export::XLSX_MAX_ROWS,
        }
    }
}

fn config() -> anyhow::Result<Config> {
    let mut c: Config = Figment::from(Serialized::defaults(Config::default()))
        .merge(Toml::file("brygga.toml"))
        .merge(Env::prefixed("BRYGGA_").ignore(&["database_file", "smtp_url_file", "secret"]))
        .extract()
        .context("reading configuration")?;
    if let Some(database) = secret_file("BRYGGA_DATABASE_FILE")? {
        c.database = database;
    }
    if let Some(smtp_url) = secret_file("BRYGGA_SMTP_URL_FILE")? {
        c.smtp_url = Some(smtp_url);
    }
    Ok(c)
}

/// The trimmed contents of the file the environment variable `var` names, if it is set.
fn secret_file(var: &str) -> anyhow::Result<Option<String>> {
    match std::env::var(var) {
        Ok(path) => Ok(Some(
            std::fs::read_to_string(&path)
                .with_context(|| format!("reading {path} ({var})"))?
                .trim()
                .to_string(),
        )),
        Err(_) => Ok(None),
    }
}

/// The installation secret: `BRYGGA_SECRET`, else the secret file (made on first start).
fn secret(cfg: &Config) -> anyhow::Result<Secret> {
    match std::env::var("BRYGGA_SECRET") {
        Ok(hex) => Ok(Secret::from_hex(&hex, "BRYGGA_SECRET")?),
        Err(_) => Ok(Secret::load_or_create(std::path::Path::new(
            &cfg.secret_file,
        ))?),
    }
}

/// Open a database that must exist and be migrated, reading only: nothing is created or
/// migrated (audit verification must not change what it checks).
async fn open_read_only(url: &str, cfg: &Config) -> anyhow::Result<Store> {
    let secret = match std::env::var("BRYGGA_SECRET") {
        Ok(hex) => Secret::from_hex(&hex, "BRYGGA_SECRET")?,
        Err(_) => {
            let path = std::path::Path::new(&cfg.secret_file);
            if !path.exists() {
                bail!(
                    "no installation secret ({} or BRYGGA_SECRET): the audit chain cannot be checked without it",
                    path.display()
                );
            }
            Secret::load_or_create(path)?
        }
    };
    let store = Store::connect_read_only(url, secret)
        .await
        .with_context(|| {
            format!(
                "opening {} (a new database is made with `brygga migrate`)",
                brygga_store::redacted_url(url)
            )
        })?;
    let pending = store.pending_migrations().await?;
    if !pending.is_empty() {
        bail!(
            "the database lacks migrations ({}): run `brygga migrate` first",
            pending.join(", ")
        );
    }
    Ok(store)
}

async fn open(url: &str, cfg: &Config) -> anyhow::Result<Store> {
    let store = Store::connect(url, secret(cfg)?)
        .await
        .with_context(|| "connecting to the database")?;
    store.migrate().await.context("migrating the database")?;
    Ok(store)
}

async fn listen(bind: &str) -> anyhow::Result<(tokio::net::TcpListener, std::net::SocketAddr)> {
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| format!("binding {bind}"))?;
    let addr = listener.local_addr()?;
    Ok((listener, addr))
}

async fn serve(
    store: Store,
    listener: tokio::net::TcpListener,
    secure_cookies: bool,
    cfg: &Config,
) -> anyhow::Result<()> {
    let refdata = Arc::new(RefData::load()?);
    let sessions = brygga_store::sessions::DbSessionStore::new(store.clone());
    let sweeper = store.clone();
    tokio::spawn(async move {
        loop {
            let _ = sessions.delete_expired().await;
            let _ = sweeper.throttle_sweep().await;
            // Internships agreed ahead of time start later: their participants' stages follow.
            if let Err(e) = sweeper
                .advance_due_stages(brygga_domain::calendar::today())
                .await
            {
                tracing::warn!("advancing the stages of started internships: {e}");
            }
            tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
        }
    });
    let app = brygga_app::App {
        store,
        refdata,
        files: brygga_store::files::FileStore::from_config(&cfg.files)?,
        mail: brygga_app::MailSettings {
            smtp_url: cfg.smtp_url.clone(),
            from: cfg.mail_from.clone(),
            public_url: cfg.public_url.clone(),
            ..Default::default()
        },
        // The one place the typesetting engine is wired in.
        renderer: Arc::new(brygga_reports::TypstRenderer),
        match_index: Default::default(),
    };
    // Each programme's matching index is built in the background, before the first ranking.
    let warm = app.clone();
    tokio::spawn(async move {
        if let Err(e) = warm.match_index.warm(&warm).await {
            tracing::warn!("building the matching indexes: {e}");
        }
    });
    brygga_web::serve(
        brygga_web::AppState {
            app,
            secure_cookies,
            xlsx_max_rows: cfg.xlsx_max_rows,
        },
        listener,
    )
    .await?;
    Ok(())
}

/// Solve with a spinner on stderr once the solve has taken more than a second.
fn solve_with_progress(
    inst: &brygga_matching::assign::Instance,
) -> anyhow::Result<brygga_matching::assign::Assignment> {
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel();
        scope.spawn(move || {
            let _ = tx.send(brygga_matching::assign::solve(inst));
        });
        let result = match rx.recv_timeout(std::time::Duration::from_secs(1)) {
            Ok(r) => r,
            Err(_) => {
                let bar = indicatif::ProgressBar::new_spinner().with_message(format!(
                    "solving {} participants × {} placements ({} edges)",
                    inst.participants.len(),
                    inst.placements.len(),
                    inst.edges.len()
                ));
                bar.enable_steady_tick(std::time::Duration::from_millis(120));
                let r = rx
                    .recv()
                    .map_err(|e| anyhow::anyhow!("solver stopped: {e}"))?;
                bar.finish_and_clear();
                r
            }
        };
        result.map_err(|e| anyhow::anyhow!("{e}"))
    })
}

/// `brygga match …`: bad input is a clear message and exit code 2, never a panic.
fn run_match(command: MatchCommand) -> i32 {
    let fail = |message: String| {
        eprintln!("brygga match: {message}");
        2
    };
    match command {
        MatchCommand::Assign { input, output } => {
            let text = match std::fs::read_to_string(&input) {
                Ok(t) => t,
                Err(e) => return fail(format!("cannot read {}: {e}", input.display())),
            };
            let inst = match brygga_matching::file::parse(&text) {
                Ok(i) => i,
                Err(e) => return fail(format!("{}: {e}", input.display())),
            };
            let started = std::time::Instant::now();
            let assignment = match solve_with_progress(&inst) {
                Ok(a) => a,
                Err(e) => return fail(format!("{}: {e}", input.display())),
            };
            let elapsed = started.elapsed();
            let result = brygga_matching::file::result(&inst, &assignment);
            let json = match serde_json::to_string_pretty(&result) {
                Ok(j) => j,
                Err(e) => return fail(e.to_string()),
            };
            if let Err(e) = std::fs::write(&output, json) {
                return fail(format!("cannot write {}: {e}", output.display()));
            }
            eprintln!(
                "assigned {} of {} participants, total score {:.6}, solved in {:.3} s",
                result.assignments.len(),
                inst.participants.len(),
                result.total_score,
                elapsed.as_secs_f64()
            );
            0
        }
        MatchCommand::Generate {
            seed,
            participants,
            placements,
            edges_per_participant,
            output,
        } => {
            let inst = brygga_matching::instances::generate(
                seed,
                participants,
                placements,
                edges_per_participant,
            );
            let json = brygga_matching::file::to_json(&inst);
            match std::fs::write(&output, json) {
                Ok(()) => 0,
                Err(e) => fail(format!("cannot write {}: {e}", output.display())),
            }
        }
    }
}

async fn user_by_email(store: &Store, email: &str) -> anyhow::Result<brygga_store::users::User> {
    match store
        .user_by_email(&Actor::system_for("cli"), email)
        .await?
    {
        Some(u) => Ok(u),
        None => bail!("no user {email}"),
    }
}

/// `brygga token …`.
async fn token(store: &Store, command: TokenCommand) -> anyhow::Result<()> {
    let cli = Actor::system_for("cli");
    let day = |d: Option<chrono::DateTime<chrono::Utc>>| {
        d.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| "-".into())
    };
    match command {
        TokenCommand::Create {
            email,
            name,
            expires_days,
        } => {
            let u = user_by_email(store, &email).await?;
            let token = store
                .token_create(&cli, u.id, &name, expires_days)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("{token}");
        }
        TokenCommand::List { email } => {
            let u = user_by_email(store, &email).await?;
            for t in store.tokens(&cli, u.id).await? {
                let status = if t.revoked_at.is_some() {
                    "revoked"
                } else if t.is_live() {
                    "live"
                } else {
                    "expired"
                };
                println!(
                    "{}\t{status}\t{}\tcreated {}\texpires {}\tlast used {}",
                    t.id,
                    t.name,
                    day(Some(t.created_at)),
                    day(t.expires_at),
                    day(t.last_used_at)
                );
            }
        }
        TokenCommand::Revoke { id } => {
            let t = match store.token_revoke(&cli, id).await {
                Err(brygga_store::StoreError::NotFound) => bail!("no token {id}"),
                r => r?,
            };
            println!("token {} ({}) revoked", t.id, t.name);
        }
    }
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let cli = Cli::parse();
    if let Command::Match { command } = cli.command {
        std::process::exit(run_match(command));
    }
    let cfg = config()?;
    let database = cli.database.clone().unwrap_or(cfg.database.clone());
    match cli.command {
        Command::Serve { bind } => {
            let store = open(&database, &cfg).await?;
            let (listener, addr) = listen(&bind.unwrap_or(cfg.bind.clone())).await?;
            println!("Brygga listening on http://{addr}");
            serve(store, listener, cfg.secure_cookies, &cfg).await
        }
        Command::Migrate => {
            open(&database, &cfg).await?;
            println!("migrated {}", brygga_store::redacted_url(&database));
            Ok(())
        }
        Command::Demo { bind } => {
            let database = cli.database.unwrap_or_else(|| "brygga-demo.sqlite".into());
            let store = open(&database, &cfg).await?;
            let demo = brygga_demo::load(&store, brygga_app::today(), &cfg.public_url).await?;
            let (listener, addr) = listen(&bind.unwrap_or(cfg.bind.clone())).await?;
            println!(
                "Brygga demo ({}) on http://{addr}",
                if demo.created {
                    "new data"
                } else {
                    "existing data"
                }
            );
            println!("Database: {}", brygga_store::redacted_url(&database));
            println!("Log in with any of these (password: {}):", demo.password);
            for (role, email) in &demo.logins {
                println!("  {role:<20} {email}");
            }
            // Plain HTTP on a local address: cookies without the Secure flag.
            serve(store, listener, false, &cfg).await
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    name,
                    role,
                    orgs,
                    employer,
                },
        } => {
            let role = Role::parse(&role).map_err(|_| anyhow::anyhow!("unknown role {role}"))?;
            let mut password = String::new();
            std::io::stdin().read_to_string(&mut password)?;
            let password = password.trim_end_matches(['\n', '\r']);
            let store = open(&database, &cfg).await?;
            let id = store
                .user_create(
                    &Actor::system_for("cli"),
                    NewUser {
                        email: &email,
                        name: &name,
                        role,
                        org_ids: &orgs,
                        employer_id: employer,
                        password,
                    },
                )
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("user {id} created");
            Ok(())
        }
        Command::User {
            command: UserCommand::Password { email },
        } => {
            let mut password = String::new();
            std::io::stdin().read_to_string(&mut password)?;
            let password = password.trim_end_matches(['\n', '\r']);
            let store = open(&database, &cfg).await?;
            let u = user_by_email(&store, &email).await?;
            store
                .password_reset(&Actor::system_for("cli"), u.id, password)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "password of {} set; their sessions and API tokens have ended",
                u.email
            );
            Ok(())
        }
        Command::Token { command } => {
            let store = open(&database, &cfg).await?;
            token(&store, command).await
        }
        Command::Match { .. } => Ok(()),
        Command::Audit {
            command: AuditCommand::Checkpoint,
        } => {
            let store = open_read_only(&database, &cfg).await?;
            println!("{}", store.audit_checkpoint().await?);
            Ok(())
        }
        Command::Audit {
            command: AuditCommand::Verify { since },
        } => {
            let since = match since.as_deref().map(str::parse::<Checkpoint>) {
                None => None,
                Some(Ok(c)) => Some(c),
                Some(Err(e)) => {
                    eprintln!("brygga audit verify --since: {e}");
                    std::process::exit(2);
                }
            };
            let store = open_read_only(&database, &cfg).await?;
            let result = match &since {
                Some(c) => store.audit_verify_since(c).await?,
                None => store.audit_verify().await?,
            };
            match result {
                Verification::Intact { entries, legacy } => {
                    match &since {
                        Some(c) => println!(
                            "audit log intact since entry {}: {entries} entries after it",
                            c.entry_id
                        ),
                        None => println!("audit log intact: {entries} entries"),
                    }
                    if legacy > 0 {
                        println!(
                            "{legacy} of them from before the chain was keyed (plain SHA-256: \
                             anyone who could write the database could have rewritten those)"
                        );
                    }
                    Ok(())
                }
                Verification::Broken { entry_id, reason } => {
                    eprintln!("audit log BROKEN at entry {entry_id}: {reason}");
                    std::process::exit(1);
                }
            }
        }
    }
}
