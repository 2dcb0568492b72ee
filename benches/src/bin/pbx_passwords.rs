//! Prints pbx-rules' figures as JSON lines for `benches/compare/passwords.py`: strength
//! evaluations per second over the given passwords (and the zxcvbn crate alone on the same
//! list), the worst single evaluation over the adversarial inputs, argon2id hash and
//! verify times at p = 1 and p = 4, and peak memory.
//!
//! Usage: `pbx_passwords <passwords.txt | passwords.tsv> [hash_rounds] [meter|hash|all]`
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::time::Instant;

use pbx_rules::{HashPolicy, Hasher, PasswordContext, Rules, evaluate};
use pbx_rules_benches::adversarial_passwords;
use serde_json::json;

/// CPU time of the calling thread in nanoseconds (Linux `schedstat`, updated at scheduler
/// ticks, so good for slices of a quarter second, not for single calls): unlike wall time
/// it does not count the time other processes on a shared machine hold the core.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// CPU time of the whole process in seconds (user + system, all threads; Linux `stat`,
/// clock ticks of 10 ms).
fn process_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Evaluations per second of two functions over the same passwords, measured in eight
/// alternating slices of a quarter second each, so load from other processes hits both
/// alike; per wall-clock second and per CPU second of this thread.
fn rates(
    passwords: &[String],
    mut a: impl FnMut(&str),
    mut b: impl FnMut(&str),
) -> [(f64, f64); 2] {
    let mut totals = [(0_u32, 0.0_f64, 0_u64); 2];
    for _ in 0..8 {
        for (which, total) in totals.iter_mut().enumerate() {
            let start = Instant::now();
            let cpu = thread_cpu_ns().unwrap_or(0);
            while start.elapsed().as_secs_f64() < 0.25 {
                for p in passwords {
                    if which == 0 {
                        a(p)
                    } else {
                        b(p)
                    }
                    total.0 += 1;
                }
            }
            total.1 += start.elapsed().as_secs_f64();
            total.2 += thread_cpu_ns().unwrap_or(0).saturating_sub(cpu);
        }
    }
    totals.map(|(n, wall, cpu)| (f64::from(n) / wall, f64::from(n) / (cpu as f64 / 1e9)))
}

fn meter(passwords: &[String]) {
    let policy = Rules::centrexx();
    let ctx = PasswordContext::default();
    // The first call reads the word files' headers.
    let t = Instant::now();
    let _ = evaluate("warm up", &ctx, &policy);
    let first_ms = t.elapsed().as_secs_f64() * 1e3;
    println!("{}", json!({"op": "meter_first_call", "ms": first_ms}));
    let [(ours, ours_cpu), (plain, plain_cpu)] = rates(
        passwords,
        |p| {
            std::hint::black_box(evaluate(p, &ctx, &policy));
        },
        |p| {
            std::hint::black_box(zxcvbn::zxcvbn(p, &[]));
        },
    );
    println!(
        "{}",
        json!({"op": "meter", "evals_per_sec": ours, "evals_per_cpu_sec": ours_cpu})
    );
    println!(
        "{}",
        json!({"op": "zxcvbn_crate", "evals_per_sec": plain, "evals_per_cpu_sec": plain_cpu})
    );

    // Best of nine per input, so scheduler hiccups on the shared machine do not count as the
    // worst case. (Thread CPU time from schedstat is too coarse for single evaluations.)
    let mut worst = (0.0_f64, String::new());
    for p in passwords.iter().chain(adversarial_passwords().iter()) {
        let best = (0..9)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(evaluate(p, &ctx, &policy));
                t.elapsed().as_secs_f64() * 1e6
            })
            .fold(f64::INFINITY, f64::min);
        let chars = p.chars().count();
        if chars <= 32 && best > worst.0 {
            worst = (best, p.chars().take(12).collect());
        }
        if chars > 32 {
            println!(
                "{}",
                json!({"op": "meter_long", "chars": chars, "us": best})
            );
        }
    }
    println!(
        "{}",
        json!({"op": "meter_worst", "us": worst.0, "input_prefix": worst.1})
    );
}

fn hashing(rounds: usize) {
    for p_cost in [1_i32, 4] {
        let mut hp = HashPolicy::centrexx();
        hp.p_cost = p_cost;
        let hasher = Hasher::new(hp.clone());
        let stored = hasher.hash(b"warm up").unwrap();
        // Median of single timings: robust against other work on a shared machine.
        let median = |mut times: Vec<f64>| {
            times.sort_by(f64::total_cmp);
            times[times.len() / 2]
        };
        let cpu = process_cpu_secs().unwrap_or(0.0);
        let hash_ms = median(
            (0..rounds)
                .map(|i| {
                    let t = Instant::now();
                    std::hint::black_box(hasher.hash(format!("Kennwort{i}").as_bytes()).unwrap());
                    t.elapsed().as_secs_f64() * 1e3
                })
                .collect(),
        );
        let hash_cpu_ms = (process_cpu_secs().unwrap_or(0.0) - cpu) * 1e3 / rounds as f64;
        let verify_ms = median(
            (0..rounds)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(hasher.verify(b"warm up", &stored).unwrap());
                    t.elapsed().as_secs_f64() * 1e3
                })
                .collect(),
        );
        println!(
            "{}",
            json!({"op": "hash", "m": hp.m_cost_kib, "t": hp.t_cost, "p": p_cost,
                   "hash_ms": hash_ms, "hash_cpu_ms": hash_cpu_ms, "verify_ms": verify_ms, "rounds": rounds,
                   "peak_rss_kib": peak_rss_kib()})
        );
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args.next().expect("passwords file");
    let rounds: usize = args.next().map_or(20, |r| r.parse().unwrap());
    let what = args.next().unwrap_or_else(|| "all".to_owned());
    // One password per line, or `class<TAB>password` (benches/corpus/passwords.tsv).
    let passwords: Vec<String> = std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .map(|line| line.split_once('\t').map_or(line, |(_, p)| p).to_owned())
        .collect();
    if what != "hash" {
        meter(&passwords);
    }
    if what != "meter" {
        hashing(rounds);
    }
}
