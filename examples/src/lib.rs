//! Holds the examples of pbx-rules; see `examples/tour.rs`.
