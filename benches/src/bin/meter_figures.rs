//! The meter's figures in one run, as JSON lines: evaluations per second of
//! the meter (English + German, `evaluate`), of our estimator on zxcvbn's data alone and
//! of the zxcvbn crate, on the same 5,000 passwords of the seeded corpus in alternating
//! slices; the first call; the worst case up to 32 and 64 characters over the corpus, the
//! fixed adversarial inputs and a seeded search for slow inputs (l33t storms, repeats,
//! digit runs, dates, keyboard rows); 10,000+ character inputs.
//!
//! Usage: `cargo run --release -p pbx-rules-benches --bin meter_figures [passwords]`
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../../../core/tests/support/meter_corpus.rs"]
#[allow(dead_code)]
mod meter_corpus;

use std::time::Instant;

use pbx_rules::{PasswordContext, Rules, evaluate};
use pbx_rules_benches::{adversarial_passwords, meter_rates};
use serde_json::json;

/// Best of seven timings in microseconds (scheduler noise on a shared machine).
fn best_us(f: &mut dyn FnMut()) -> f64 {
    (0..7)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e6
        })
        .fold(f64::INFINITY, f64::min)
}

/// Inputs built to be slow, from a seed: l33t storms, long repeats, digit runs, dates,
/// keyboard rows, dense word chains, mixed.
fn adversarial_search(n: usize, len: usize) -> Vec<String> {
    let mut rng = meter_corpus::Rng::new(0xBAD_5EED);
    let pools: [&str; 7] = [
        "4@8({[<3691!|70$5+%2",
        "0123456789",
        "0123456789./-_ ",
        "qwertyuiopasdfghjklzxcvbnm1234567890",
        "aeiounstrl4301!|$",
        "ab",
        "äöüßÄÖÜ€§°´",
    ];
    let mut out = Vec::new();
    for k in 0..n {
        let pool: Vec<char> = pools[k % pools.len()].chars().collect();
        let s: String = (0..len).map(|_| *rng.pick(&pool)).collect();
        out.push(s);
        let base: String = (0..1 + rng.below(6)).map(|_| *rng.pick(&pool)).collect();
        out.push(base.repeat(len).chars().take(len).collect());
        let words = [
            "passwort", "p4$$w0rd", "sommer", "1!|l", "schatz", "2019", "01.01.",
        ];
        let chain: String = (0..len).map(|_| *rng.pick(&words)).collect::<String>();
        out.push(chain.chars().take(len).collect());
    }
    out
}

fn main() {
    // `--scores N`: the meter's score for the first N corpus passwords, one per line with
    // the password (to compare with another build of the meter).
    if std::env::args().nth(1).as_deref() == Some("--scores") {
        let n: usize = std::env::args()
            .nth(2)
            .map_or(20_000, |a| a.parse().unwrap());
        let policy = Rules::centrexx();
        for p in meter_corpus::corpus(0x5EED_2026_0012, n) {
            let s = evaluate(&p, &PasswordContext::default(), &policy);
            println!("{}\t{p}", s.score);
        }
        return;
    }
    let n: usize = std::env::args()
        .nth(1)
        .map_or(5_000, |a| a.parse().unwrap());
    let corpus = meter_corpus::corpus(0x5EED_2026_0012, n);
    let centrexx = Rules::centrexx();
    let strict = Rules::strict();
    let ctx = PasswordContext::default();

    let t = Instant::now();
    std::hint::black_box(evaluate("warm up", &ctx, &centrexx));
    println!(
        "{}",
        json!({"op": "first_call", "us": t.elapsed().as_secs_f64() * 1e6})
    );

    let r = meter_rates(&corpus, &centrexx);
    println!(
        "{}",
        json!({"op": "rates", "passwords": n, "meter_en_de": r[0], "estimator_en": r[1],
               "zxcvbn_crate": r[2], "meter_vs_crate": r[0] / r[2], "estimator_vs_crate": r[1] / r[2]})
    );

    for (policy, max) in [(&centrexx, 32_usize), (&strict, 64)] {
        let mut worst = (0.0_f64, String::new());
        let mut inputs: Vec<String> = corpus.clone();
        inputs.extend(adversarial_passwords());
        inputs.extend(adversarial_search(300, max));
        inputs.extend(adversarial_search(100, max / 2));
        for p in inputs.iter().filter(|p| p.chars().count() <= max) {
            let us = best_us(&mut || {
                std::hint::black_box(evaluate(p, &ctx, policy));
            });
            if us > worst.0 {
                worst = (us, p.clone());
            }
        }
        println!(
            "{}",
            json!({"op": "worst", "max_chars": max, "us": worst.0, "input": worst.1})
        );
    }
    for p in [
        "a".repeat(10_000),
        "p4$$w0rd".repeat(2_000),
        "x".repeat(10_000_000),
    ] {
        let us = best_us(&mut || {
            std::hint::black_box(evaluate(&p, &ctx, &strict));
        });
        println!(
            "{}",
            json!({"op": "long", "chars": p.chars().count(), "us": us})
        );
    }
}
