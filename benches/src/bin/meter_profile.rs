//! Runs the meter over the seeded corpus for a profiler (`perf record`).
#![allow(clippy::unwrap_used, missing_docs)]

#[path = "../../../core/tests/support/meter_corpus.rs"]
#[allow(dead_code)]
mod meter_corpus;

use pbx_rules::{PasswordContext, Rules, evaluate};

fn main() {
    // `meter_profile PASSWORD`: that one password, many times (for a slow input).
    if let Some(pw) = std::env::args().nth(1) {
        let policy = Rules::strict();
        for _ in 0..2_000 {
            std::hint::black_box(evaluate(&pw, &PasswordContext::default(), &policy));
        }
        return;
    }
    let corpus = meter_corpus::corpus(0x5EED_2026_0012, 5_000);
    let policy = Rules::centrexx();
    let ctx = PasswordContext::default();
    for _ in 0..3 {
        for p in &corpus {
            std::hint::black_box(evaluate(p, &ctx, &policy));
        }
    }
}
