//! Where blocking work runs in an async server: argon2id (15–20 ms per hash at the centrexx
//! costs) goes to tokio's blocking pool with `spawn_blocking`, so the runtime's threads keep
//! serving other requests. The same holds for every lifecycle call that hashes:
//! `ExtensionAccount::login`, `change_pin`, `set_pin_by_admin`, `AdminAccount::login`,
//! `forgot_pin`, `Hasher::hash`/`verify`, … Calls that do not hash (number normalisation,
//! PIN and password rules, the meter at well under a millisecond) can stay on the runtime.
//!
//! Run: `cargo run --example spawn_blocking` (the test command runs it). It logs in four
//! times on a single-threaded runtime while a task on that runtime keeps ticking; it fails
//! if the ticks stop, which is what hashing on the runtime's thread would do.
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use pbx_rules::{Decision, ExtensionAccount, ExtensionDigits, Policy, Rules, UserLogin};

/// The login handler: the PIN check hashes, so it runs on the blocking pool.
async fn login(
    rules: Arc<Rules>,
    account: ExtensionAccount,
    pin: String,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Decision<ExtensionAccount, UserLogin>, tokio::task::JoinError> {
    tokio::task::spawn_blocking(move || account.login(&pin, now, &rules)).await
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rules = Arc::new(Rules::new(Policy::centrexx())?);
    let now = "2026-01-05T09:00:00Z".parse()?;
    let created = {
        let rules = Arc::clone(&rules);
        tokio::task::spawn_blocking(move || {
            ExtensionAccount::create(ExtensionDigits::parse("10")?, now, &rules)
        })
        .await??
    };

    let ticks = Arc::new(AtomicU64::new(0));
    let running = Arc::new(AtomicBool::new(true));
    let ticker = tokio::spawn({
        let (ticks, running) = (Arc::clone(&ticks), Arc::clone(&running));
        async move {
            while running.load(Ordering::Relaxed) {
                ticks.fetch_add(1, Ordering::Relaxed);
                tokio::task::yield_now().await;
            }
        }
    });
    let start = Instant::now();
    let logins = (0..4).map(|_| {
        let account = created.account.clone();
        tokio::spawn(login(Arc::clone(&rules), account, "0000".to_owned(), now))
    });
    let mut decisions = Vec::new();
    for handle in logins.collect::<Vec<_>>() {
        decisions.push(handle.await??);
    }
    let elapsed = start.elapsed();
    running.store(false, Ordering::Relaxed);
    ticker.await?;

    for decision in &decisions {
        // P6: the default PIN logs in only into the mandatory change step.
        if !matches!(decision.outcome, Ok(UserLogin::MustChangePin { .. })) {
            return Err(format!("unexpected outcome: {:?}", decision.outcome).into());
        }
    }
    let ticks = ticks.load(Ordering::Relaxed);
    println!(
        "4 logins hashed in {} ms on the blocking pool; the runtime's only thread ticked {ticks} times meanwhile",
        elapsed.as_millis()
    );
    if ticks < 20 {
        return Err(format!("the runtime was blocked: {ticks} ticks").into());
    }
    Ok(())
}
