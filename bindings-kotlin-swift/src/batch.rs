//! The core's bulk calls (`NumberPlan::normalize_many`, `Hasher::hash_many`) for provisioning
//! scripts: one row per input, at the input's index, each either the value or the refusal
//! with the same code, messages and JSON a single call would throw. A bad row never stops the
//! batch, so a row carries its error instead of throwing it: an enum `Ok`/`Err` per row
//! (a Kotlin sealed class, a Swift enum) says which without optional fields to check.

use std::sync::Arc;

use pbx_rules::{Lang, Localized};

use crate::number::PhoneNumber;

/// A refused row: what `RuleError` would carry for the same input, plus its family.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct RowError {
    /// The core's error family (`number`, `hash`, …), the `RuleError` case a single call throws.
    pub family: String,
    /// Stable machine code (`NUMBER_TOO_SHORT`).
    pub code: String,
    /// German message.
    pub message_de: String,
    /// English message.
    pub message_en: String,
    /// The core's JSON of the whole error.
    pub json: String,
}

fn row_error(e: impl Into<pbx_rules::Error>) -> RowError {
    let e = e.into();
    RowError {
        family: e.family().to_owned(),
        code: e.code().to_owned(),
        message_de: e.message(Lang::De),
        message_en: e.message(Lang::En),
        json: e.to_json(),
    }
}

/// One row of `NumberPlan.normalizeMany`.
#[derive(Debug, uniffi::Enum)]
pub enum NumberRow {
    /// The input, normalised (N1, N2).
    Ok {
        /// The number, as `NumberPlan.normalize` returns it.
        number: Arc<PhoneNumber>,
    },
    /// The input's refusal.
    Err {
        /// What `NumberPlan.normalize` would throw as `RuleError.Number`.
        error: RowError,
    },
}

/// `NumberPlan.normalizeMany`: one row per input, in input order.
#[derive(Debug, uniffi::Record)]
pub struct NumberBatch {
    /// One row per input, at the input's index.
    pub results: Vec<NumberRow>,
}

/// One row of `Hasher.hashMany`.
#[derive(Debug, uniffi::Enum)]
pub enum HashRow {
    /// The secret's PHC string (G4).
    Ok {
        /// The argon2id PHC string, as `Hasher.hash` returns it.
        hash: String,
    },
    /// The secret's refusal.
    Err {
        /// What `Hasher.hash` would throw as `RuleError.Hash`.
        error: RowError,
    },
}

/// `Hasher.hashMany`: one row per secret, in input order.
#[derive(Debug, uniffi::Record)]
pub struct HashBatch {
    /// One row per secret, at the secret's index.
    pub results: Vec<HashRow>,
}

impl From<pbx_rules::NumberBatch> for NumberBatch {
    fn from(batch: pbx_rules::NumberBatch) -> Self {
        let rows = batch.results.into_iter().map(|r| match r {
            Ok(n) => NumberRow::Ok {
                number: Arc::new(PhoneNumber(n)),
            },
            Err(e) => NumberRow::Err {
                error: row_error(e),
            },
        });
        Self {
            results: rows.collect(),
        }
    }
}

impl From<pbx_rules::HashBatch> for HashBatch {
    fn from(batch: pbx_rules::HashBatch) -> Self {
        let rows = batch.results.into_iter().map(|r| match r {
            Ok(hash) => HashRow::Ok { hash },
            Err(e) => HashRow::Err {
                error: row_error(e),
            },
        });
        Self {
            results: rows.collect(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    /// A bad row stands at its index with the code a single call throws; good rows are what
    /// a single call returns.
    #[test]
    fn n1_batch_rows_match_single_calls() {
        let plan = pbx_rules::NumberPlan::germany();
        let inputs = ["0171 12345678", "12", "06131 62468"];
        let batch = NumberBatch::from(plan.normalize_many(&inputs));
        assert_eq!(batch.results.len(), inputs.len());
        for (row, input) in batch.results.iter().zip(inputs) {
            match (row, plan.normalize(input)) {
                (NumberRow::Ok { number }, Ok(single)) => assert_eq!(number.0, single),
                (NumberRow::Err { error }, Err(single)) => {
                    let single = pbx_rules::Error::from(single);
                    assert_eq!(error.code, single.code());
                    assert_eq!(error.family, "number");
                    assert_eq!(error.json, single.to_json());
                }
                _ => panic!("row for {input} differs from the single call"),
            }
        }
        assert!(matches!(batch.results[1], NumberRow::Err { .. }));
    }
}
