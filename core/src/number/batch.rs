//! Many numbers in one call, for provisioning scripts that import whole PBXs.

use super::{NumberError, NumberPlan, PhoneNumber, engine};

/// The outcome of [`NumberPlan::normalize_many`]: one result per input, in input order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberBatch {
    /// One result per input, at the input's index.
    pub results: Vec<Result<PhoneNumber, NumberError>>,
}

impl NumberBatch {
    /// The failed rows with their index in the input.
    pub fn failures(&self) -> impl Iterator<Item = (usize, &NumberError)> {
        self.results
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.as_ref().err().map(|e| (i, e)))
    }

    /// How many rows were normalised.
    #[must_use]
    pub fn ok_count(&self) -> usize {
        self.results.iter().filter(|r| r.is_ok()).count()
    }
}

impl NumberPlan {
    /// Normalises many numbers at once, spread over the machine's cores. A bad row never
    /// stops the batch: its error stands at its index.
    ///
    /// # Examples
    /// ```
    /// let plan = pbx_rules::NumberPlan::germany();
    /// let batch = plan.normalize_many(&["0171 12345678", "hello", "+41 44 668 18 00"]);
    /// assert_eq!(batch.ok_count(), 2);
    /// assert_eq!(batch.failures().next().map(|(i, e)| (i, e.to_string().is_empty())), Some((1, false)));
    /// ```
    #[must_use]
    pub fn normalize_many<S: AsRef<str> + Sync>(&self, inputs: &[S]) -> NumberBatch {
        let threads = worker_count(inputs.len());
        if threads <= 1 {
            return NumberBatch {
                results: inputs.iter().map(|s| self.normalize(s.as_ref())).collect(),
            };
        }
        let chunk = inputs.len().div_ceil(threads);
        let part = |rows: &[S]| {
            let worker = engine::Worker::new();
            rows.iter()
                .map(|s| self.normalize_on(&worker, s.as_ref()))
                .collect::<Vec<_>>()
        };
        let results = std::thread::scope(|scope| {
            let handles: Vec<_> = inputs
                .chunks(chunk)
                .map(|rows| scope.spawn(move || part(rows)))
                .collect();
            // `normalize` never panics; should a bug make it, the panic surfaces here rather
            // than shifting every later row to a wrong index.
            handles
                .into_iter()
                .flat_map(|h| {
                    h.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        NumberBatch { results }
    }
}

/// One worker per core, but none for small batches where spawning costs more than it saves.
fn worker_count(rows: usize) -> usize {
    const ROWS_PER_WORKER: usize = 2_000;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    cores.min(rows / ROWS_PER_WORKER).max(1)
}
