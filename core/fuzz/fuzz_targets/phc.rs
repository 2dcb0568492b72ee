//! Fuzzes the PHC parser and the verification path behind it (G2, G4): no input may panic,
//! and whatever parses must write back to a string that parses to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pbx_rules::{HashPolicy, Hasher, PhcHash};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(phc) = PhcHash::parse(text) {
        let again = PhcHash::parse(&phc.to_phc_string());
        assert_eq!(again.as_ref(), Ok(&phc));
        // Verification with a small memory limit: only cheap parameters get hashed.
        let mut policy = HashPolicy::centrexx();
        policy.max_m_cost_kib = 64;
        policy.max_t_cost = 2;
        policy.max_p_cost = 2;
        let _ = Hasher::new(policy).verify(b"fuzz", text);
    }
});
