//! Times computed from a stored or given time plus a policy's duration, without overflow
//! (F6, G2).
//!
//! `DateTime + TimeDelta` panics past chrono's range (about ±262,000 years), and stored
//! state that serde accepts, a `now` from a broken clock or a far-future record can get
//! there. Every such sum in this crate goes through one of the two functions below, each
//! named for what an unrepresentable result means, and each caller picks the one that is
//! safe for its rule.

use chrono::{DateTime, TimeDelta, Utc};

/// `at + span`, or the end of chrono's time when the sum lies beyond it. For waits and
/// locks (a throttle delay, a propagation delay, a change deadline): one that ends after
/// the end of time never ends, which is the cautious reading of a wait and the literal
/// truth of a deadline.
pub(crate) fn later_or_never(at: DateTime<Utc>, span: TimeDelta) -> DateTime<Utc> {
    at.checked_add_signed(span)
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// `at + span`, or `None` when the sum lies beyond chrono's time. For validities (a
/// mailed code, a remembered browser): callers treat `None` as already expired, so an
/// overflow never grants anything.
pub(crate) fn valid_until(at: DateTime<Utc>, span: TimeDelta) -> Option<DateTime<Utc>> {
    at.checked_add_signed(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    // F6
    #[test]
    fn f6_sums_past_the_end_of_time_do_not_panic() {
        let end = DateTime::<Utc>::MAX_UTC;
        let day = TimeDelta::days(1);
        assert_eq!(later_or_never(end, day), end);
        assert_eq!(valid_until(end, day), None);
        let start = DateTime::<Utc>::MIN_UTC;
        assert_eq!(later_or_never(start, day), start + day);
        assert_eq!(valid_until(start, day), Some(start + day));
    }
}
