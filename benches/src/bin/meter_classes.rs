//! The meter against the zxcvbn crate class by class, on two corpora, as JSON lines:
//! evaluations per second of the product meter (`evaluate` under centrexx: English and
//! German lists, QWERTZ, as `pbx_passwords` measures it), of our estimator on the crate's
//! own English lists (`estimate` with `Languages::English`) and of the zxcvbn crate, on the
//! same passwords in alternating slices of one run, per class and on each corpus's mix.
//!
//! The corpora: the meter's own seeded corpus (`core/tests/support/meter_corpus.rs`, eight
//! classes in equal parts) and `benches/corpus/passwords.tsv` (`make_passwords.py`: other
//! words, other mix).
//!
//! Usage: `cargo run --release -p pbx-rules-benches --bin meter_classes [passwords.tsv]`
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../../../core/tests/support/meter_corpus.rs"]
#[allow(dead_code)]
mod meter_corpus;

use pbx_rules::{PasswordContext, Rules, evaluate};
use pbx_rules_benches::{meter_rates, read_password_corpus};
use serde_json::json;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/passwords.tsv").to_owned());
    let tsv = read_password_corpus(std::path::Path::new(&path)).expect("passwords.tsv");
    let own: Vec<(String, String)> = meter_corpus::corpus(0x5EED_2026_0012, 5_000)
        .into_iter()
        .enumerate()
        .map(|(k, p)| (meter_corpus::CLASSES[k % 8].to_owned(), p))
        .collect();

    let rules = Rules::centrexx();
    let ctx = PasswordContext::default();
    std::hint::black_box(evaluate("warm up", &ctx, &rules));
    std::hint::black_box(zxcvbn::zxcvbn("warm up", &[]));

    for (corpus, rows) in [("own", &own), ("tsv", &tsv)] {
        let mut classes: Vec<&str> = rows.iter().map(|(c, _)| c.as_str()).collect();
        classes.sort_unstable();
        classes.dedup();
        classes.push("mix");
        for class in classes {
            let passwords: Vec<&str> = rows
                .iter()
                .filter(|(c, _)| class == "mix" || c == class)
                .map(|(_, p)| p.as_str())
                .collect();
            let r = meter_rates(&passwords, &rules);
            println!(
                "{}",
                json!({"op": "class_rates", "corpus": corpus, "class": class,
                       "passwords": passwords.len(), "meter_en_de": r[0], "estimator_en": r[1],
                       "zxcvbn_crate": r[2], "meter_vs_crate": r[0] / r[2],
                       "estimator_vs_crate": r[1] / r[2]})
            );
        }
    }
}
