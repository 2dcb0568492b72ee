//! Pasted `tel:` links (RFC 3966) through the public API (N1, N2): a global number reads
//! as the number it holds; each parameter the switch cannot honour has its own code.
#![allow(clippy::unwrap_used, missing_docs)]

use pbx_rules::{Lang, Localized, NumberError, NumberPlan};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    /// N1: `tel:` plus the international form with RFC 3966 separators (`-`, `.`) is the same
    /// number as the international form typed.
    #[test]
    fn n1_a_tel_link_is_the_number_it_holds(
        input in "\\+(49|43|41|33|44|1|39)[ ]?[1-9][0-9 ]{5,13}",
        separator in "[-.]",
    ) {
        let plan = NumberPlan::germany();
        let link = format!("tel:{}", input.trim().replace(' ', &separator));
        prop_assert_eq!(plan.normalize(&link), plan.normalize(&input));
    }

    /// N2: whatever follows the number, a link with a parameter is refused, never read.
    #[test]
    fn n2_a_parameter_is_never_dropped(parameter in "[a-zA-Z-]{1,12}(=[^;]{0,10})?") {
        let got = NumberPlan::germany().normalize(&format!("tel:+49-421-68971152;{parameter}"));
        prop_assert!(got.is_err(), "{got:?}");
    }
}

// N2, G2: the four refusals have their own codes and a German and an English message.
#[test]
fn n2_tel_parameters_have_their_own_codes_and_messages() {
    let plan = NumberPlan::germany();
    let cases = [
        (
            "tel:+49-421-68971152;ext=10",
            "NUMBER_TEL_EXTENSION",
            ";ext=",
        ),
        (
            "tel:+49-421-68971152;isub=1",
            "NUMBER_TEL_SUBADDRESS",
            ";isub=",
        ),
        (
            "tel:68971152;phone-context=+49-421",
            "NUMBER_TEL_PHONE_CONTEXT",
            ";phone-context=",
        ),
        (
            "tel:+49-421-68971152;rn=+4930",
            "NUMBER_TEL_PARAMETER",
            ";rn",
        ),
    ];
    for (input, code, named) in cases {
        let err = plan.normalize(input).unwrap_err();
        assert_eq!(err.code(), code, "{input}");
        assert!(NumberError::CODES.contains(&code), "{code}");
        let (de, en) = (err.message(Lang::De), err.message(Lang::En));
        assert!(de.contains(named) && en.contains(named), "{de} / {en}");
        assert_ne!(de, en, "{code}: a German and an English message");
    }
}

// N1: the scheme in any case, leading white space, and a local number read nationally.
#[test]
fn n1_scheme_case_and_local_numbers() {
    let plan = NumberPlan::germany();
    for input in [
        "TEL:+49-421-68971152",
        "  tel:+49.421.(689)71152",
        "tel:0421-68971152",
    ] {
        assert_eq!(
            plan.normalize(input).unwrap().e164().as_str(),
            "+4942168971152",
            "{input}"
        );
    }
}
