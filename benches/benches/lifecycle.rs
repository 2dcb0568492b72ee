//! Criterion benches of the login decisions (G5, P5, A1, A2): a full user login and an
//! admin login decision with hashing made negligible, and one verification at the
//! policy's hashing costs, so a host can add them up to its logins per second per core.
#![allow(clippy::unwrap_used, missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use pbx_rules::{
    AdminAccount, BaseNumber, ExtensionAccount, ExtensionDigits, Hasher, NumberPlan, Policy, Rules,
};
use std::hint::black_box;

/// The policy with argon2 at its minimum, so the bench measures the decision, not the hash.
fn cheap() -> Rules {
    let mut policy = Policy::centrexx();
    policy.hashing.m_cost_kib = 8;
    policy.hashing.t_cost = 1;
    policy.hashing.p_cost = 1;
    Rules::new(policy).unwrap()
}

fn decisions(c: &mut Criterion) {
    let rules = cheap();
    let now = "2026-01-05T09:00:00Z".parse().unwrap();
    let base = BaseNumber::parse(&NumberPlan::germany(), "06131 62468").unwrap();
    let account = ExtensionAccount::create(ExtensionDigits::parse("10").unwrap(), now, &rules)
        .unwrap()
        .account;
    let admin = AdminAccount::create("Kaffeetasse Nordwind 7!", now, &rules).unwrap();
    let central = ExtensionDigits::parse("0").unwrap();
    let mut group = c.benchmark_group("login decision (argon2 at m=8 KiB, t=1)");
    group.bench_function("user: identifier + PIN + window", |b| {
        b.iter(|| {
            let digits = base.user_login(black_box("06131-62468-10")).unwrap();
            black_box(digits);
            account.login(black_box("0000"), now, &rules)
        });
    });
    group.bench_function("admin: head number + password, session start", |b| {
        b.iter(|| {
            base.admin_login(black_box("06131-624680"), &central)
                .unwrap();
            admin.login(
                black_box("Kaffeetasse Nordwind 7!"),
                None,
                Vec::new(),
                now,
                &rules,
            )
        });
    });
    let stored = rules.hasher().hash(b"0000").unwrap();
    group.bench_function("the cheap verify alone, to subtract", |b| {
        b.iter(|| rules.hasher().verify(black_box(b"0000"), &stored).unwrap());
    });
    group.finish();
}

fn hashing_per_login(c: &mut Criterion) {
    let hasher = Hasher::new(Policy::centrexx().hashing);
    let stored = hasher.hash(b"0000").unwrap();
    let mut group = c.benchmark_group("hashing per login (centrexx: m=19456 KiB, t=2, p=1)");
    group.sample_size(20);
    group.bench_function("verify", |b| {
        b.iter(|| hasher.verify(black_box(b"0000"), &stored).unwrap())
    });
    group.finish();
}

criterion_group!(benches, decisions, hashing_per_login);
criterion_main!(benches);
