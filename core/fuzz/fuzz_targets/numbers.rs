//! Fuzzes the number and login-identifier parsers (N1–N6): no input may panic, and every
//! accepted number must obey the laws the property tests state.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pbx_rules::{BaseNumber, ExtensionDigits, NumberPlan};
use std::sync::OnceLock;

struct Fixture {
    plans: Vec<NumberPlan>,
    base: BaseNumber,
    central: ExtensionDigits,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let plans = ["DE", "AT", "CH", "US", "IT", "GB"].iter().map(|r| NumberPlan::new(r).unwrap()).collect();
        let base = BaseNumber::parse(&NumberPlan::germany(), "06131 62468").unwrap();
        Fixture { plans, base, central: ExtensionDigits::parse("0").unwrap() }
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let f = fixture();
    for plan in &f.plans {
        if let Ok(number) = plan.normalize(text) {
            // N1: idempotent; N3: the international form reads back to the same number.
            let again = plan.normalize(number.e164().as_str()).unwrap();
            assert_eq!(again.e164(), number.e164());
            assert_eq!(plan.normalize(&number.international()).unwrap().e164(), number.e164());
        }
    }
    if let Ok(digits) = f.base.user_login(text) {
        assert_eq!(f.base.user_login(&f.base.login_form(&digits)).unwrap(), digits);
    }
    let _ = f.base.admin_login(text, &f.central);
});
