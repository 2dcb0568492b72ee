//! Many rows in one call, for provisioning scripts that import whole PBXs: one result per
//! input, in input order. A bad row never stops the batch: its error stands at its index.
//! One type for every bulk call, so every binding presents failures the same way.

/// The outcome of a bulk call ([`crate::NumberPlan::normalize_many`],
/// [`crate::Hasher::hash_many`]): one result per input, at the input's index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Batch<T, E> {
    /// One result per input, at the input's index.
    pub results: Vec<Result<T, E>>,
}

impl<T, E> Batch<T, E> {
    /// The failed rows with their index in the input.
    pub fn failures(&self) -> impl Iterator<Item = (usize, &E)> {
        self.results
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.as_ref().err().map(|e| (i, e)))
    }

    /// How many rows succeeded.
    #[must_use]
    pub fn ok_count(&self) -> usize {
        self.results.iter().filter(|r| r.is_ok()).count()
    }

    /// How many rows there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.results.len()
    }

    /// Whether the batch has no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.results.is_empty()
    }
}

/// `f` over `rows` in input order, spread over the machine's cores where threads exist.
#[cfg(all(feature = "hashing", not(target_arch = "wasm32")))]
pub(crate) fn spread<S: Sync, T: Send, E: Send>(
    rows: &[S],
    f: impl Fn(&S) -> Result<T, E> + Sync + Send,
) -> Batch<T, E> {
    use rayon::prelude::*;
    Batch {
        results: rows.par_iter().map(f).collect(),
    }
}

/// Without threads (wasm32), one row after the other.
#[cfg(all(feature = "hashing", target_arch = "wasm32"))]
pub(crate) fn spread<S: Sync, T: Send, E: Send>(
    rows: &[S],
    f: impl Fn(&S) -> Result<T, E> + Sync + Send,
) -> Batch<T, E> {
    Batch {
        results: rows.iter().map(f).collect(),
    }
}
