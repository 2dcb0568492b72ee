//! G6: `Policy::centrexx()` carries the seed's credential numbers exactly, and `strict()`
//! the NIST SP 800-63B rev. 4 ones.
#![allow(clippy::unwrap_used, missing_docs)]

use pbx_rules::{Policy, StrengthLevel, TrivialPinMode};

// G6, P1, P2, P5, P8, K1, K2, K5, A2
#[test]
fn g6_centrexx_is_the_seed() {
    let p = Policy::centrexx();
    assert_eq!((p.pin.min_len, p.pin.max_len), (4, 10)); // P1
    assert_eq!(p.pin.default_pin.as_deref(), Some("0000")); // P2
    assert_eq!(p.pin.change_window().num_weeks(), 6); // P5
    assert_eq!(p.pin.mobile_refused, ["0000", "1234"]); // P8
    assert_eq!((p.password.min_len, p.password.max_len), (8, 32)); // K1
    assert_eq!(p.password.min_len_with_second_factor, 8); // K1
    assert_eq!(p.password.min_level, StrengthLevel::Yellow); // K2
    let delay = p.password.propagation_delay().num_seconds();
    assert!((120..=180).contains(&delay)); // K5: 2–3 minutes
    assert_eq!(p.second_factor.code_lifetime().num_minutes(), 15); // A2
    assert_eq!(p.pin.trivial, TrivialPinMode::Warn);
    assert_eq!(
        (p.hashing.m_cost_kib, p.hashing.t_cost, p.hashing.p_cost),
        (19_456, 2, 1)
    ); // G4 (OWASP)
}

// G6
#[test]
fn g6_strict_follows_nist() {
    let p = Policy::strict();
    assert_eq!(p.password.min_len, 15);
    assert_eq!(p.password.min_len_with_second_factor, 8);
    assert!(p.password.max_len >= 64);
    assert!(p.password.nfkc && p.password.blocklist);
    assert_eq!(p.pin.default_pin, None);
    assert_eq!(p.pin.trivial, TrivialPinMode::Refuse);
    assert!(p.pin.min_len >= 6);
}

// G6: a policy survives a serde round trip (hosts keep custom policies as JSON).
#[test]
fn g6_policy_round_trips_through_json() {
    for p in [Policy::centrexx(), Policy::strict()] {
        let json = serde_json::to_string(&p).unwrap();
        let back: Policy = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
    }
    assert!(Policy::preset("nope").is_none());
}
