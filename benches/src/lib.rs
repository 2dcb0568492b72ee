//! Helpers for the benchmarks and the comparison scripts.
