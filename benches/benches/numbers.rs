//! Criterion benches of number normalisation: one typed number, and the bulk entry point.
#![allow(clippy::unwrap_used, missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pbx_rules::NumberPlan;
use std::hint::black_box;

fn one_number(c: &mut Criterion) {
    let plan = NumberPlan::germany();
    let mut group = c.benchmark_group("normalize");
    for typed in [
        "0171 12345678",
        "+49 (0)6131 62468-10",
        "0041 44 668 18 00",
        "032 12345678",
    ] {
        group.bench_function(typed, |b| b.iter(|| plan.normalize(black_box(typed)).ok()));
    }
    group.finish();
}

fn bulk(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/numbers.tsv");
    let corpus = pbx_rules_benches::read_number_corpus(path.as_ref()).unwrap();
    let german: Vec<&str> = corpus
        .iter()
        .filter(|(_, r)| r == "DE")
        .map(|(i, _)| i.as_str())
        .take(20_000)
        .collect();
    let plan = NumberPlan::germany();
    let mut group = c.benchmark_group("normalize_many");
    group.throughput(Throughput::Elements(german.len() as u64));
    group.sample_size(10);
    group.bench_function("20k corpus rows (DE)", |b| {
        b.iter(|| plan.normalize_many(black_box(&german)))
    });
    group.finish();
}

criterion_group!(benches, one_number, bulk);
criterion_main!(benches);
