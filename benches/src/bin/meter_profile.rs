//! Runs the meter over a corpus for a profiler (`valgrind --tool=callgrind`, `perf record`).
//!
//! Usage: `meter_profile [--class NAME] [--tsv PATH] [--engine] [--crate] [PASSWORD]`
//! - no argument: the meter (`evaluate`, centrexx) three times over the seeded corpus;
//! - `--class NAME`: only that class (of the seeded corpus, or of the `--tsv` corpus);
//! - `--engine`: our estimator on the crate's English lists instead of the meter;
//! - `--crate`: the zxcvbn crate instead (its profile beside ours);
//! - `PASSWORD`: that one password, many times (for a slow input).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../../../core/tests/support/meter_corpus.rs"]
#[allow(dead_code)]
mod meter_corpus;

use pbx_rules::guesses::{Languages, Options, estimate};
use pbx_rules::{PasswordContext, Rules, evaluate};

fn main() {
    let mut class = None;
    let mut tsv = None;
    let mut runner = "meter";
    let mut single = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--class" => class = args.next(),
            "--tsv" => tsv = args.next(),
            "--engine" => runner = "engine",
            "--crate" => runner = "crate",
            _ => single = Some(arg),
        }
    }
    let rows: Vec<(String, String)> = match (&single, &tsv) {
        (Some(pw), _) => vec![(String::new(), pw.clone()); 2_000],
        (None, Some(path)) => {
            pbx_rules_benches::read_password_corpus(std::path::Path::new(path)).unwrap()
        }
        (None, None) => meter_corpus::corpus(0x5EED_2026_0012, 5_000)
            .into_iter()
            .enumerate()
            .map(|(k, p)| (meter_corpus::CLASSES[k % 8].to_owned(), p))
            .collect(),
    };
    let passwords: Vec<&str> = rows
        .iter()
        .filter(|(c, _)| class.as_deref().is_none_or(|want| want == c))
        .map(|(_, p)| p.as_str())
        .collect();
    let rules = if single.is_some() {
        Rules::strict()
    } else {
        Rules::centrexx()
    };
    let ctx = PasswordContext::default();
    let english = Options {
        languages: Languages::English,
        reference_year: 2026,
    };
    for _ in 0..3 {
        for p in &passwords {
            match runner {
                "engine" => {
                    std::hint::black_box(estimate(p, &[], &english));
                }
                "crate" => {
                    std::hint::black_box(zxcvbn::zxcvbn(p, &[]));
                }
                _ => {
                    std::hint::black_box(evaluate(p, &ctx, &rules));
                }
            }
        }
    }
}
