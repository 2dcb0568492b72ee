//! `cargo run --release -p pbx-rules-portal [-- FLAGS]`: the demo on SQLite by default.
//! Every flag has an environment variable; `--help` lists them.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use chrono::TimeDelta;
use pbx_rules::{Policy, Rules};
use pbx_rules_portal::mail::{self, SmtpConfig};
use pbx_rules_portal::{App, Config, Db, LoginLimits, Mode, router, seed, session};
use tokio::sync::watch;
use tracing_subscriber::EnvFilter;

const DEFAULT_DB: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/portal.sqlite");
const DEFAULT_ASSETS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/dist");

const HELP: &str = "\
The Power Menü portal, an example host of pbx-rules.

  --port N                    port (PORTAL_PORT, 8080)
  --listen ADDR               address to listen on (PORTAL_LISTEN, 127.0.0.1)
  --db URL|FILE               postgres://user@host:port/db, or an SQLite file
                              (PORTAL_DB, examples/portal/portal.sqlite)
  --origin URL                an origin pages are served from, repeatable
                              (PORTAL_ORIGINS, comma-separated;
                              http://127.0.0.1:PORT and http://localhost:PORT)
  --preset centrexx|strict    the rules (PORTAL_PRESET, centrexx)
  --policy FILE               the rules from a policy JSON file instead (PORTAL_POLICY)
  --print-policy PRESET       print a preset's policy JSON (to start a policy file from)
  --production                no demo routes; mail over SMTP (PORTAL_MODE=production)
  --smtp URL                  smtp://host:port, smtp://host:587?tls=required,
                              smtps://user:password@host (PORTAL_SMTP_URL)
  --mail-from ADDR            the sender (PORTAL_MAIL_FROM, Power Menü <portal@localhost>)
  --login-window-minutes N    how long failed logins are counted from the first
                              (PORTAL_LOGIN_WINDOW_MINUTES, 15)
  --login-limit-per-identifier N
                              failed logins per typed identifier from one client network
                              in a window (PORTAL_LOGIN_LIMIT_PER_IDENTIFIER, the policy's
                              throttle.hard_limit)
  --login-limit-per-client N  failed logins per client network in a window
                              (PORTAL_LOGIN_LIMIT_PER_CLIENT, ten times hard_limit)
  --client-ip-header NAME     the client is the last address of this header, set by the
                              proxy in front (PORTAL_CLIENT_IP_HEADER; the socket's peer)
  --assets DIR                the bundled browser modules (PORTAL_ASSETS, assets/dist if built)
  --insecure-cookies          cookies without Secure, for plain http beyond localhost
                              (PORTAL_INSECURE_COOKIES=1)
Logs: PORTAL_LOG (a tracing filter, info).";

struct Args {
    listen: SocketAddr,
    db: String,
    rules: Rules,
    config: Config,
    smtp: Option<SmtpConfig>,
}

/// What the command line asks for.
enum Command {
    /// Run the portal.
    Serve(Box<Args>),
    /// Print this and exit (help, a preset's policy).
    Print(String),
}

fn number<T: std::str::FromStr>(what: &str, text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{what}: not a number: {text}"))
}

fn args() -> Result<Command, String> {
    let env = |k: &str| std::env::var(k).ok();
    let mut port = env("PORTAL_PORT").unwrap_or_else(|| "8080".into());
    let mut listen = env("PORTAL_LISTEN").unwrap_or_else(|| "127.0.0.1".into());
    let mut db = env("PORTAL_DB").unwrap_or_else(|| DEFAULT_DB.into());
    let mut origins: Vec<String> = env("PORTAL_ORIGINS")
        .map(|v| v.split(',').map(|o| o.trim().to_owned()).collect())
        .unwrap_or_default();
    let mut preset = env("PORTAL_PRESET").unwrap_or_else(|| "centrexx".into());
    let mut policy = env("PORTAL_POLICY");
    let mut production = env("PORTAL_MODE").is_some_and(|v| v == "production");
    let mut smtp = env("PORTAL_SMTP_URL");
    let mut from =
        env("PORTAL_MAIL_FROM").unwrap_or_else(|| "Power Menü <portal@localhost>".into());
    let mut window = env("PORTAL_LOGIN_WINDOW_MINUTES");
    let mut per_identifier = env("PORTAL_LOGIN_LIMIT_PER_IDENTIFIER");
    let mut per_client = env("PORTAL_LOGIN_LIMIT_PER_CLIENT");
    let mut client_ip_header = env("PORTAL_CLIENT_IP_HEADER");
    let mut assets = env("PORTAL_ASSETS");
    let mut insecure = env("PORTAL_INSECURE_COOKIES").is_some_and(|v| v == "1");
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--port" => port = value()?,
            "--listen" => listen = value()?,
            "--db" => db = value()?,
            "--origin" => origins.push(value()?),
            "--preset" => preset = value()?,
            "--policy" => policy = Some(value()?),
            "--production" => production = true,
            "--smtp" => smtp = Some(value()?),
            "--mail-from" => from = value()?,
            "--login-window-minutes" => window = Some(value()?),
            "--login-limit-per-identifier" => per_identifier = Some(value()?),
            "--login-limit-per-client" => per_client = Some(value()?),
            "--client-ip-header" => client_ip_header = Some(value()?),
            "--assets" => assets = Some(value()?),
            "--insecure-cookies" => insecure = true,
            "--print-policy" => {
                let name = value()?;
                let policy =
                    Policy::preset(&name).ok_or(format!("--print-policy: no preset {name}"))?;
                let json = serde_json::to_string_pretty(&policy).map_err(|e| e.to_string())?;
                return Ok(Command::Print(json));
            }
            "--help" | "-h" => return Ok(Command::Print(HELP.into())),
            other => return Err(format!("unknown argument {other}\n\n{HELP}")),
        }
    }
    let port: u16 = number("--port", &port)?;
    let ip: IpAddr = listen
        .parse()
        .map_err(|_| format!("--listen: not an address: {listen}"))?;
    let (rules, preset) = match policy {
        Some(file) => {
            let text =
                std::fs::read_to_string(&file).map_err(|e| format!("--policy {file}: {e}"))?;
            let policy: Policy =
                serde_json::from_str(&text).map_err(|e| format!("--policy {file}: {e}"))?;
            let rules = Rules::new(policy).map_err(|e| format!("--policy {file}: {e}"))?;
            (rules, None)
        }
        None => match preset.as_str() {
            "centrexx" => (Rules::centrexx(), Some("centrexx")),
            "strict" => (Rules::strict(), Some("strict")),
            other => return Err(format!("--preset: centrexx or strict, not {other}")),
        },
    };
    let mode = if production {
        Mode::Production
    } else {
        Mode::Demo
    };
    if mode == Mode::Production && smtp.is_none() {
        return Err("--production needs --smtp (mail must leave the machine)".into());
    }
    let mut config = Config::demo(port);
    if !origins.is_empty() {
        config.origins = origins;
    }
    config.mode = mode;
    config.secure_cookies = !insecure;
    config.preset = preset;
    let mut limits = LoginLimits::for_policy(rules.policy());
    if let Some(minutes) = window {
        limits.window = TimeDelta::minutes(number("--login-window-minutes", &minutes)?);
    }
    if let Some(n) = per_identifier {
        limits.per_identifier = number("--login-limit-per-identifier", &n)?;
    }
    if let Some(n) = per_client {
        limits.per_client = number("--login-limit-per-client", &n)?;
    }
    config.login_limits = Some(limits);
    config.client_ip_header = client_ip_header;
    config.assets = assets
        .map(PathBuf::from)
        .or_else(|| Some(PathBuf::from(DEFAULT_ASSETS)))
        .filter(|dir| dir.join("forms.js").is_file());
    Ok(Command::Serve(Box::new(Args {
        listen: SocketAddr::new(ip, port),
        db,
        rules,
        config,
        smtp: if mode == Mode::Production {
            smtp.map(|url| SmtpConfig { url, from })
        } else {
            None
        },
    })))
}

/// Resolves on SIGTERM or Ctrl-C.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
    tracing::info!("shutting down: finishing the requests that are running");
}

/// Ends idle and old sessions and forgets passed login counts every minute until `stop`.
async fn sweep_sessions(app: App, mut stop: watch::Receiver<bool>) {
    loop {
        match session::sweep(&app).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(sessions = n, "ended idle or old sessions"),
            Err(e) => tracing::warn!(code = e.code(), "sessions could not be swept"),
        }
        tokio::select! {
            () = tokio::time::sleep(std::time::Duration::from_secs(60)) => {}
            _ = stop.changed() => return,
        }
    }
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = match args() {
        Ok(Command::Serve(args)) => *args,
        Ok(Command::Print(text)) => {
            println!("{text}");
            return std::process::ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("{message}");
            return std::process::ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_env("PORTAL_LOG").unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    match serve(args).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn serve(args: Args) -> Result<(), String> {
    let sender = args.smtp.as_ref().map(mail::transport).transpose()?;
    let db = Db::open(&args.db)
        .await
        .map_err(|e| format!("the database cannot be opened: {}", e.to_json()))?;
    let backend = db.backend();
    let app = App::new(db, args.rules, args.config);
    let seeded = seed::seed(&app)
        .await
        .map_err(|e| format!("the sample could not be stored: {}", e.to_json()))?;
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    let mode = match app.config.mode {
        Mode::Demo => "demo mode: mail stays in the outbox at /outbox",
        Mode::Production => "production mode: mail goes out over SMTP",
    };
    tracing::info!(
        address = %local,
        database = ?backend,
        seeded,
        browser_modules = app.config.assets.is_some(),
        "Power Menü portal on http://{local} ({mode})"
    );
    let (stop, stopped) = watch::channel(false);
    let mut tasks = vec![tokio::spawn(sweep_sessions(app.clone(), stopped.clone()))];
    if let Some((transport, from)) = sender {
        tasks.push(tokio::spawn(mail::run(
            app.clone(),
            transport,
            from,
            stopped,
        )));
    }
    // The peer's address is the client of the login limits unless --client-ip-header.
    let service = router(app).into_make_service_with_connect_info::<SocketAddr>();
    let served = axum::serve(listener, service)
        .with_graceful_shutdown(shutdown_signal())
        .await;
    let _ = stop.send(true);
    for task in tasks {
        let _ = task.await;
    }
    tracing::info!("stopped");
    served.map_err(|e| e.to_string())
}
