//! The bounds of every policy field, checked when [`Rules`](crate::Rules) are built (F6, G6).
//!
//! A policy is plain data a host may build or read from JSON, so any field can hold any
//! value of its type. The rules assume sane values: a change window of `u32::MAX` days
//! runs past the end of time, a salt length of `usize::MAX` cannot be allocated, a PIN
//! minimum above its maximum accepts no PIN. Each field's doc comment states its bounds;
//! this module checks all of them in one place, so no rule has to defend against them.

use std::ops::RangeInclusive;

use super::PolicyError;
#[cfg(feature = "numbers")]
use crate::NumberPlan;
use crate::{
    HashPolicy, PasswordPolicy, Pin, PinPolicy, Policy, RecoveryPolicy, SecondFactorPolicy,
    SessionPolicy, ThrottlePolicy,
};

/// The most digits any PIN (or mailed code) may have under any policy.
pub(crate) const MAX_PIN_DIGITS: usize = 20;
const PIN_DIGITS: i64 = MAX_PIN_DIGITS as i64;
/// Ten years, the longest window, lifetime or remembered browser any field allows.
const TEN_YEARS_DAYS: i64 = 3_650;
/// One day, the longest delay or code lifetime any field allows.
const ONE_DAY_SECS: i64 = 86_400;
/// One hour, the longest P10 delay ("einige Minuten").
const ONE_HOUR_SECS: i64 = 3_600;
/// The most characters a password policy may allow: what the meter rates (S6: a longer
/// maximum would let characters past the meter's reach go unrated). NIST asks for at least
/// 64; zxcvbn rates 100.
const PASSWORD_CHARS: i64 = METER_CHARS as i64;
/// The most characters the meter's estimate reads (zxcvbn reads 100): `guesses::MAX_CHARS`,
/// kept here so the bounds are the same in a build without the meter (feature `meter`).
pub(crate) const METER_CHARS: usize = 100;
/// The latest year a PIN's year pattern may name (the range of the former `u16` fields).
const YEAR_MAX: i64 = 65_535;
/// NIST SP 800-63B caps consecutive failures at 100.
const NIST_FAILURES: i64 = 100;
/// 4 GiB: the most memory one hash may take.
const MAX_MEMORY_KIB: i64 = 4 * 1024 * 1024;
/// Passes and lanes: argon2 allows more, no sensible deployment uses more.
const MAX_PASSES: i64 = 64;
const MAX_LANES: i64 = 64;
/// Salt and output bytes: argon2's minimum salt is 8 bytes, RFC 9106 recommends 16; an
/// output below 16 bytes is too weak, above 64 bytes adds nothing.
pub(crate) const SALT_LEN: RangeInclusive<usize> = 8..=64;
pub(crate) const OUTPUT_LEN: RangeInclusive<usize> = 16..=64;

/// Refuses `value` outside `range`, naming the field. Values are signed (the fields are
/// `i32`, so Kotlin and Java read them as `int`): a negative one is out of every range.
fn within(field: &'static str, value: i64, range: RangeInclusive<i64>) -> Result<(), PolicyError> {
    if range.contains(&value) {
        Ok(())
    } else {
        Err(PolicyError::OutOfRange {
            field,
            min: u64::try_from(*range.start()).unwrap_or(0),
            max: u64::try_from(*range.end()).unwrap_or(0),
        })
    }
}

/// Refuses a lower limit above its upper limit.
fn ordered(
    min_field: &'static str,
    min: i64,
    max_field: &'static str,
    max: i64,
) -> Result<(), PolicyError> {
    if min <= max {
        Ok(())
    } else {
        Err(PolicyError::MinAboveMax {
            min_field,
            max_field,
        })
    }
}

/// Refuses `value` that is not below `limit`, naming both (S4).
fn below(
    field: &'static str,
    value: i64,
    other: &'static str,
    limit: i64,
) -> Result<(), PolicyError> {
    if value < limit {
        Ok(())
    } else {
        Err(PolicyError::Conflict { field, other })
    }
}

/// A `usize` as `i64` (saturating on a hypothetical 128-bit target).
fn n(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

impl Policy {
    /// Checks every field against the bounds its doc comment states (F6). [`crate::Rules::new`]
    /// calls it, so rules never run on a policy outside them.
    ///
    /// # Errors
    /// The first [`PolicyError`] found, naming the field.
    ///
    /// # Examples
    /// ```
    /// use pbx_rules::{Localized, Policy};
    /// assert!(Policy::strict().validate().is_ok());
    /// let mut policy = Policy::centrexx();
    /// policy.pin.change_window_days = i32::MAX;
    /// let err = policy.validate().unwrap_err();
    /// assert_eq!(err.code(), "POLICY_OUT_OF_RANGE");
    /// assert!(err.to_string().contains("pin.change_window_days"));
    /// ```
    pub fn validate(&self) -> Result<(), PolicyError> {
        // The regions are those of the numbering metadata, built with feature `numbers` only:
        // without it no region is read, so none is checked.
        #[cfg(feature = "numbers")]
        NumberPlan::new(&self.numbers.default_region).map_err(|_| PolicyError::UnknownRegion {
            region: self.numbers.default_region.clone(),
        })?;
        check_pin(&self.pin)?;
        check_password(&self.password)?;
        check_hashing(&self.hashing)?;
        check_second_factor(&self.second_factor)?;
        check_session(&self.session)?;
        check_recovery(&self.recovery)?;
        check_throttle(&self.throttle)?;
        check_relations(self)
    }
}

fn check_pin(p: &PinPolicy) -> Result<(), PolicyError> {
    within("pin.min_len", n(p.min_len), 4..=PIN_DIGITS)?;
    within("pin.max_len", n(p.max_len), 4..=PIN_DIGITS)?;
    ordered("pin.min_len", n(p.min_len), "pin.max_len", n(p.max_len))?;
    if let Some(default) = &p.default_pin {
        Pin::parse_with(default, p).map_err(|_| PolicyError::InvalidPin {
            field: "pin.default_pin",
        })?;
    }
    within(
        "pin.change_window_days",
        i64::from(p.change_window_days),
        1..=TEN_YEARS_DAYS,
    )?;
    within(
        "pin.max_same_digit_run",
        n(p.max_same_digit_run),
        1..=PIN_DIGITS,
    )?;
    within("pin.min_distinct_digits", n(p.min_distinct_digits), 1..=10)?;
    within(
        "pin.sequence_run_len",
        n(p.sequence_run_len),
        2..=PIN_DIGITS,
    )?;
    // Years were `u16`; signed now, so their old range is checked.
    within("pin.year_min", i64::from(p.year_min), 0..=YEAR_MAX)?;
    within("pin.year_max", i64::from(p.year_max), 0..=YEAR_MAX)?;
    ordered(
        "pin.year_min",
        i64::from(p.year_min),
        "pin.year_max",
        i64::from(p.year_max),
    )?;
    within(
        "pin.generated_len",
        n(p.generated_len),
        n(p.min_len)..=n(p.max_len),
    )?;
    within(
        "pin.propagation_delay_secs",
        i64::from(p.propagation_delay_secs),
        0..=ONE_HOUR_SECS,
    )
}

fn check_password(p: &PasswordPolicy) -> Result<(), PolicyError> {
    within("password.max_len", n(p.max_len), 1..=PASSWORD_CHARS)?;
    within("password.min_len", n(p.min_len), 1..=n(p.max_len))?;
    within(
        "password.min_len_with_second_factor",
        n(p.min_len_with_second_factor),
        1..=n(p.max_len),
    )?;
    within(
        "password.meter_reference_year",
        i64::from(p.meter_reference_year),
        1900..=9999,
    )?;
    within(
        "password.propagation_delay_secs",
        i64::from(p.propagation_delay_secs),
        0..=ONE_DAY_SECS,
    )?;
    let fewest = n(p.min_len.max(p.min_len_with_second_factor));
    within(
        "password.generated_len",
        n(p.generated_len),
        fewest..=n(p.max_len),
    )
}

fn check_hashing(h: &HashPolicy) -> Result<(), PolicyError> {
    within("hashing.max_p_cost", i64::from(h.max_p_cost), 1..=MAX_LANES)?;
    within(
        "hashing.p_cost",
        i64::from(h.p_cost),
        1..=i64::from(h.max_p_cost),
    )?;
    within(
        "hashing.max_t_cost",
        i64::from(h.max_t_cost),
        1..=MAX_PASSES,
    )?;
    within(
        "hashing.t_cost",
        i64::from(h.t_cost),
        1..=i64::from(h.max_t_cost),
    )?;
    within(
        "hashing.max_m_cost_kib",
        i64::from(h.max_m_cost_kib),
        8..=MAX_MEMORY_KIB,
    )?;
    // Argon2 needs 8 KiB per lane at least.
    within(
        "hashing.m_cost_kib",
        i64::from(h.m_cost_kib),
        8 * i64::from(h.p_cost)..=i64::from(h.max_m_cost_kib),
    )?;
    within(
        "hashing.salt_len",
        n(h.salt_len),
        n(*SALT_LEN.start())..=n(*SALT_LEN.end()),
    )?;
    within(
        "hashing.output_len",
        n(h.output_len),
        n(*OUTPUT_LEN.start())..=n(*OUTPUT_LEN.end()),
    )
}

fn check_second_factor(s: &SecondFactorPolicy) -> Result<(), PolicyError> {
    within(
        "second_factor.code_lifetime_secs",
        i64::from(s.code_lifetime_secs),
        1..=ONE_DAY_SECS,
    )?;
    within(
        "second_factor.code_digits",
        n(s.code_digits),
        4..=PIN_DIGITS,
    )?;
    within(
        "second_factor.account_allowance",
        i64::from(s.account_allowance),
        1..=NIST_FAILURES,
    )
}

fn check_recovery(r: &RecoveryPolicy) -> Result<(), PolicyError> {
    within(
        "recovery.requests_per_hour",
        i64::from(r.requests_per_hour),
        1..=60,
    )?;
    within(
        "recovery.mailed_secret_lifetime_secs",
        i64::from(r.mailed_secret_lifetime_secs),
        300..=7 * ONE_DAY_SECS,
    )
}

fn check_session(s: &SessionPolicy) -> Result<(), PolicyError> {
    within(
        "session.device_token_lifetime_days",
        i64::from(s.device_token_lifetime_days),
        0..=TEN_YEARS_DAYS,
    )?;
    within(
        "session.max_code_failures",
        i64::from(s.max_code_failures),
        1..=NIST_FAILURES,
    )?;
    within(
        "session.idle_timeout_secs",
        i64::from(s.idle_timeout_secs),
        60..=ONE_DAY_SECS,
    )?;
    within(
        "session.absolute_timeout_secs",
        i64::from(s.absolute_timeout_secs),
        300..=30 * ONE_DAY_SECS,
    )
}

fn check_throttle(t: &ThrottlePolicy) -> Result<(), PolicyError> {
    within(
        "throttle.hard_limit",
        i64::from(t.hard_limit),
        1..=NIST_FAILURES,
    )?;
    let limit = i64::from(t.hard_limit);
    within(
        "throttle.free_failures",
        i64::from(t.free_failures),
        0..=limit,
    )?;
    within(
        "throttle.pin_allowance_at_min_len",
        i64::from(t.pin_allowance_at_min_len),
        1..=limit,
    )?;
    within(
        "throttle.password_allowance",
        i64::from(t.password_allowance),
        1..=limit,
    )?;
    within(
        "throttle.max_delay_secs",
        i64::from(t.max_delay_secs),
        0..=ONE_DAY_SECS,
    )?;
    within(
        "throttle.first_delay_secs",
        i64::from(t.first_delay_secs),
        0..=ONE_DAY_SECS,
    )?;
    ordered(
        "throttle.first_delay_secs",
        i64::from(t.first_delay_secs),
        "throttle.max_delay_secs",
        i64::from(t.max_delay_secs),
    )
}

/// The relations between fields of different sections (S4): each field can be within its own
/// bounds while two together make a rule that cannot work. Every relation found is here, with
/// the rule it keeps working; each has a test (`tests/bounds.rs`, `s4_…`).
fn check_relations(p: &Policy) -> Result<(), PolicyError> {
    let delay = i64::from(p.password.propagation_delay_secs);
    let lifetime = i64::from(p.recovery.mailed_secret_lifetime_secs);
    // R1, K5: a mailed password becomes usable after the delay, so it must outlive it.
    below(
        "password.propagation_delay_secs",
        delay,
        "recovery.mailed_secret_lifetime_secs",
        lifetime,
    )?;
    // R2, G5: a mailed PIN must be triable within its life however long the throttle waits.
    below(
        "throttle.max_delay_secs",
        i64::from(p.throttle.max_delay_secs),
        "recovery.mailed_secret_lifetime_secs",
        lifetime,
    )?;
    // G9: each request replaces the waiting mailed password; the hour's requests must leave
    // the last one time to become usable, or someone requesting again and again would keep
    // the admin's way back shut.
    below(
        "recovery.requests_per_hour × password.propagation_delay_secs",
        i64::from(p.recovery.requests_per_hour).saturating_mul(delay),
        "3600 (one hour)",
        3_600,
    )?;
    // G11: the idle limit lies within the absolute one.
    ordered(
        "session.idle_timeout_secs",
        i64::from(p.session.idle_timeout_secs),
        "session.absolute_timeout_secs",
        i64::from(p.session.absolute_timeout_secs),
    )?;
    // A2, G11: a code outliving every session it could be typed into is no code.
    ordered(
        "second_factor.code_lifetime_secs",
        i64::from(p.second_factor.code_lifetime_secs),
        "session.absolute_timeout_secs",
        i64::from(p.session.absolute_timeout_secs),
    )?;
    // A2, F7: one login's wrong codes void its code before they lock the account's codes.
    ordered(
        "session.max_code_failures",
        i64::from(p.session.max_code_failures),
        "second_factor.account_allowance",
        i64::from(p.second_factor.account_allowance),
    )?;
    // G5: no allowance above the hard limit, the codes' included.
    ordered(
        "second_factor.account_allowance",
        i64::from(p.second_factor.account_allowance),
        "throttle.hard_limit",
        i64::from(p.throttle.hard_limit),
    )
}
