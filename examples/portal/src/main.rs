//! `cargo run -p pbx-rules-portal [-- --port N] [--db FILE] [--insecure-cookies]`
//! (env: `PORTAL_PORT`, `PORTAL_DB`, `PORTAL_INSECURE_COOKIES=1`).

use std::net::SocketAddr;
use std::path::PathBuf;

use pbx_rules::Rules;
use pbx_rules_portal::{App, Config, Db, router, seed};

const DEFAULT_DB: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/portal.sqlite");

struct Args {
    port: u16,
    db: PathBuf,
    config: Config,
}

fn args() -> Result<Args, String> {
    let env = |k: &str| std::env::var(k).ok();
    let mut port = env("PORTAL_PORT").unwrap_or_else(|| "8080".into());
    // By default beside this crate, where .gitignore keeps it out of the repository.
    let mut db = env("PORTAL_DB").unwrap_or_else(|| DEFAULT_DB.into());
    let mut insecure = env("PORTAL_INSECURE_COOKIES").is_some_and(|v| v == "1");
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--port" => port = it.next().ok_or("--port needs a number")?,
            "--db" => db = it.next().ok_or("--db needs a file")?,
            "--insecure-cookies" => insecure = true,
            other => {
                return Err(format!(
                    "unknown argument {other}; use --port N, --db FILE, --insecure-cookies"
                ));
            }
        }
    }
    Ok(Args {
        port: port.parse().map_err(|_| format!("not a port: {port}"))?,
        db: db.into(),
        config: Config {
            secure_cookies: !insecure,
        },
    })
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = args()?;
    let db = Db::open(&args.db).map_err(|e| e.to_json())?;
    let app = App::new(db, Rules::centrexx(), args.config);
    let seeded = {
        let app = app.clone();
        tokio::task::spawn_blocking(move || seed::seed(&app))
            .await?
            .map_err(|e| e.to_json())?
    };
    let addr = SocketAddr::from(([127, 0, 0, 1], args.port));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    println!(
        "Power Menü portal on http://{} (database {}{})",
        listener.local_addr()?,
        args.db.display(),
        if seeded {
            ", seeded with the sample PBX"
        } else {
            ""
        }
    );
    axum::serve(listener, router(app))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
