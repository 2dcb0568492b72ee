//! Many numbers in one call, for provisioning scripts that import whole PBXs. Numbers keep
//! their own spreading (not `batch::spread`): each thread holds its own regex clones.

#[cfg(not(target_arch = "wasm32"))]
use super::engine;
use super::{NumberError, NumberPlan, PhoneNumber};

/// The outcome of [`NumberPlan::normalize_many`]: one result per input, in input order.
pub type NumberBatch = crate::Batch<PhoneNumber, NumberError>;

impl NumberPlan {
    /// Normalises many numbers at once, spread over the machine's cores. A bad row never
    /// stops the batch: its error stands at its index.
    ///
    /// # Examples
    /// ```
    /// let plan = pbx_rules::NumberPlan::germany();
    /// let batch = plan.normalize_many(&["0171 12345678", "hello", "+41 44 668 18 00"]);
    /// assert_eq!(batch.ok_count(), 2);
    /// assert_eq!(batch.failures().map(|(i, e)| (i, e.code())).collect::<Vec<_>>(), [(1, "NUMBER_HAS_LETTERS")]);
    /// # use pbx_rules::Localized;
    /// ```
    #[must_use]
    pub fn normalize_many<S: AsRef<str> + Sync>(&self, inputs: &[S]) -> NumberBatch {
        crate::Batch {
            results: self.spread(inputs),
        }
    }

    /// Runs the rows on rayon's threads, each with its own regex clones (see
    /// `engine::Worker`). The threads outlive the call, so their caches are warm for the
    /// next batch, and each clone is only ever used by the thread that owns its cache pool.
    #[cfg(not(target_arch = "wasm32"))]
    fn spread<S: AsRef<str> + Sync>(&self, inputs: &[S]) -> Vec<Result<PhoneNumber, NumberError>> {
        use rayon::prelude::*;
        thread_local! {
            static WORKER: engine::Worker = engine::Worker::new();
        }
        if inputs.len() < MIN_ROWS_TO_SPREAD {
            return inputs.iter().map(|s| self.normalize(s.as_ref())).collect();
        }
        let chunks: Vec<Vec<_>> = inputs
            .par_chunks(ROWS_PER_CHUNK)
            .map(|rows| {
                WORKER.with(|w| {
                    rows.iter()
                        .map(|s| self.normalize_on(w, s.as_ref()))
                        .collect()
                })
            })
            .collect();
        chunks.into_iter().flatten().collect()
    }

    /// Without threads (wasm32), one row after the other.
    #[cfg(target_arch = "wasm32")]
    fn spread<S: AsRef<str> + Sync>(&self, inputs: &[S]) -> Vec<Result<PhoneNumber, NumberError>> {
        inputs.iter().map(|s| self.normalize(s.as_ref())).collect()
    }
}

/// Below this, handing rows to other threads costs more than it saves.
#[cfg(not(target_arch = "wasm32"))]
const MIN_ROWS_TO_SPREAD: usize = 2_000;
/// Rows per task: large enough to amortise the hand-over, small enough to balance cores.
#[cfg(not(target_arch = "wasm32"))]
const ROWS_PER_CHUNK: usize = 1_024;
