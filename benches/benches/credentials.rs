//! Criterion benchmarks of the credential rules: strength evaluations for 8–32 character
//! passwords (K2) and argon2id hash and verify at the default parameters (G4).
#![allow(clippy::unwrap_used, missing_docs)]

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use pbx_rules::{HashPolicy, Hasher, PasswordContext, Rules, evaluate};
use pbx_rules_benches::{adversarial_passwords, sample_passwords};

fn meter(c: &mut Criterion) {
    let policy = Rules::centrexx();
    let ctx = PasswordContext {
        head_number: Some("+4961316246800".into()),
        company_name: Some("Brezelbäckerei Kümmerle GmbH".into()),
        admin_email: Some("chef@kuemmerle-mainz.de".into()),
        second_factor: false,
    };
    let samples = sample_passwords();
    let mut group = c.benchmark_group("meter");
    group.throughput(Throughput::Elements(samples.len() as u64));
    group.bench_function("sample_8_to_32_chars", |b| {
        b.iter(|| {
            for p in &samples {
                std::hint::black_box(evaluate(p, &ctx, &policy));
            }
        });
    });
    group.finish();
    let mut group = c.benchmark_group("meter_adversarial");
    for (i, p) in adversarial_passwords().iter().enumerate() {
        group.bench_with_input(BenchmarkId::from_parameter(i), p, |b, p| {
            b.iter(|| evaluate(p, &ctx, &policy));
        });
    }
    group.finish();
}

fn hashing(c: &mut Criterion) {
    let mut group = c.benchmark_group("argon2id_m19456_t2");
    group.sample_size(20);
    for p_cost in [1_i32, 4] {
        let mut policy = HashPolicy::centrexx();
        policy.p_cost = p_cost;
        let hasher = Hasher::new(policy);
        let stored = hasher.hash(b"Kaffeetasse Nordwind").unwrap();
        group.bench_function(BenchmarkId::new("hash", p_cost), |b| {
            b.iter(|| hasher.hash(b"Kaffeetasse Nordwind").unwrap());
        });
        group.bench_function(BenchmarkId::new("verify", p_cost), |b| {
            b.iter(|| hasher.verify(b"Kaffeetasse Nordwind", &stored).unwrap());
        });
    }
    group.finish();
}

criterion_group!(benches, meter, hashing);
criterion_main!(benches);
