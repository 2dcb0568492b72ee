//! Laws of normalisation (N1, N3), checked on generated input.
#![allow(clippy::unwrap_used, missing_docs)]

use pbx_rules::{BaseNumber, ExtensionDigits, NumberPlan};
use proptest::prelude::*;

/// Strings shaped like typed phone numbers, so many of them are valid.
fn typed_number() -> impl Strategy<Value = String> {
    prop_oneof![
        "0[1-9][0-9 /()\\-.]{4,16}",
        "\\+(49|43|41|33|44|1|39)[ ]?[1-9][0-9 \\-]{5,13}",
        "00(49|43|41)[ ]?[1-9][0-9 ]{5,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// N1, N2: any string whatsoever yields a number or a typed error, never a panic.
    #[test]
    fn n2_never_panics_on_any_string(input in any::<String>()) {
        let _ = NumberPlan::germany().normalize(&input);
    }

    /// N1: normalising the stored form again gives the same stored form.
    #[test]
    fn n1_normalisation_is_idempotent(input in typed_number()) {
        let plan = NumberPlan::germany();
        if let Ok(first) = plan.normalize(&input) {
            let again = plan.normalize(first.e164().as_str()).unwrap();
            prop_assert_eq!(again, first);
        }
    }

    /// N3: both display forms read back to the same E.164 number.
    #[test]
    fn n3_display_forms_parse_back(input in typed_number()) {
        let plan = NumberPlan::germany();
        if let Ok(number) = plan.normalize(&input) {
            let region_plan = NumberPlan::new(number.region()).unwrap_or_else(|_| plan.clone());
            let from_international = plan.normalize(&number.international()).unwrap();
            prop_assert_eq!(from_international.e164(), number.e164());
            let from_national = region_plan.normalize(&number.national()).unwrap();
            prop_assert_eq!(from_national.e164(), number.e164());
        }
    }

    /// N4–N6: login identifiers never panic, and an accepted one always names digits that,
    /// put back in the hyphenated form, are accepted again to the same digits.
    #[test]
    fn n6_login_ids_never_panic_and_round_trip(input in "[0-9\\- ]{0,20}|.{0,20}") {
        let base = BaseNumber::parse(&NumberPlan::germany(), "06131 62468").unwrap();
        if let Ok(digits) = base.user_login(&input) {
            prop_assert_eq!(base.user_login(&base.login_form(&digits)).unwrap(), digits);
        }
        let _ = base.admin_login(&input, &ExtensionDigits::parse("0").unwrap());
    }
}
