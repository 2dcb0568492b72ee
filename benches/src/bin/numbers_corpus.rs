//! Times pbx-rules on the 100,000-number corpus for `benches/compare/compare_numbers.py`.
//!
//! Prints one JSON line per configuration (one thread; `normalize_many` on every core),
//! with the first-answer time measured in fresh processes. `--results OUT.tsv` writes the
//! per-line results instead, for the agreement check against phonenumbers.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::collections::HashMap;
use std::io::Write;
use std::time::Instant;

use pbx_rules::NumberPlan;
use pbx_rules_benches::read_number_corpus;

fn main() {
    let started = Instant::now();
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--first-answer") {
        // Fresh process: load, first answer, report the time since main started.
        let ok = NumberPlan::germany().normalize("0171 12345678").is_ok();
        println!("{} {ok}", started.elapsed().as_secs_f64() * 1e3);
        return;
    }
    let corpus = read_number_corpus(
        args.get(1)
            .expect("usage: numbers_corpus CORPUS [--results OUT]")
            .as_ref(),
    )
    .unwrap();
    let plans: HashMap<String, NumberPlan> = corpus
        .iter()
        .map(|(_, r)| (r.clone(), NumberPlan::new(r).unwrap()))
        .collect();
    if let Some(i) = args.iter().position(|a| a == "--results") {
        write_results(&corpus, &plans, &args[i + 1]);
        return;
    }
    let first = first_answer_ms(&args[0]);
    let (valid, invalid) = count(&corpus, &plans);
    let one = best_of(3, || sequential(&corpus, &plans));
    report(1, corpus.len() as f64 / one, valid, invalid, first);
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let groups = by_region(&corpus);
    let many = best_of(3, || batched(&groups, &plans));
    report(cores, corpus.len() as f64 / many, valid, invalid, first);
}

fn sequential(corpus: &[(String, String)], plans: &HashMap<String, NumberPlan>) {
    for (input, region) in corpus {
        std::hint::black_box(plans[region].normalize(input).ok());
    }
}

fn batched(groups: &HashMap<&str, Vec<&str>>, plans: &HashMap<String, NumberPlan>) {
    for (region, inputs) in groups {
        std::hint::black_box(plans[*region].normalize_many(inputs));
    }
}

fn by_region(corpus: &[(String, String)]) -> HashMap<&str, Vec<&str>> {
    let mut groups: HashMap<&str, Vec<&str>> = HashMap::new();
    for (input, region) in corpus {
        groups.entry(region).or_default().push(input);
    }
    groups
}

fn count(corpus: &[(String, String)], plans: &HashMap<String, NumberPlan>) -> (usize, usize) {
    let valid = corpus
        .iter()
        .filter(|(i, r)| plans[r].normalize(i).is_ok())
        .count();
    (valid, corpus.len() - valid)
}

/// Best wall time in seconds of `runs` passes, after one warm-up pass.
fn best_of(runs: usize, mut pass: impl FnMut()) -> f64 {
    pass();
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            pass();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Median over five fresh processes of the time from `main` to the first answer.
fn first_answer_ms(exe: &str) -> f64 {
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let out = std::process::Command::new(exe)
                .arg("--first-answer")
                .output()
                .unwrap();
            String::from_utf8_lossy(&out.stdout)
                .split(' ')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[2]
}

fn report(threads: usize, per_s: f64, valid: usize, invalid: usize, first: f64) {
    let line = serde_json::json!({
        "impl": "pbx-rules", "threads": threads, "numbers_per_s": per_s.round(),
        "valid": valid, "invalid": invalid, "first_answer_ms": (first * 100.0).round() / 100.0,
    });
    println!("{line}");
}

fn write_results(corpus: &[(String, String)], plans: &HashMap<String, NumberPlan>, out: &str) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(out).unwrap());
    for (input, region) in corpus {
        let cols = match plans[region].normalize(input) {
            Ok(n) => [
                n.e164().to_string(),
                n.kind().as_str().to_owned(),
                n.international(),
                n.national(),
            ],
            Err(_) => [
                "ERROR".to_owned(),
                String::new(),
                String::new(),
                String::new(),
            ],
        };
        writeln!(file, "{input}\t{region}\t{}", cols.join("\t")).unwrap();
    }
}
