//! Property tests for the credential rules: generated secrets pass their own policy (R1,
//! R2, R4), hash-then-verify (G4), and no input panics (G2).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use pbx_rules::{
    HashPolicy, Hasher, Password, PasswordContext, PhcHash, Pin, PinContext, Rules, StrengthLevel,
    evaluate, generate_password, generate_pin, validate_new_password, validate_new_pin,
};
use proptest::prelude::*;

fn cheap() -> Hasher {
    let mut policy = HashPolicy::centrexx();
    policy.m_cost_kib = 32;
    policy.t_cost = 1;
    Hasher::new(policy)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    // R2, R4: a generated PIN passes P1, is not the default or refused by the app, has no
    // trivial findings for this user, and is accepted as a new PIN under both presets.
    #[test]
    fn r2_generated_pins_pass_their_policy(
        ext in "[0-9]{2,5}",
        name in "[A-Za-zäöüß]{3,12}",
        subscriber in "[1-9][0-9]{6,9}",
    ) {
        let phone = pbx_rules::E164::parse(&format!("+496131{subscriber}")).ok();
        for rules in [Rules::centrexx(), Rules::strict()] {
            let names = [name.as_str()];
            let ctx = PinContext { extension_digits: Some(ext.to_owned()), names: names.iter().map(|n| n.to_string()).collect(), phone_number: phone.clone() };
            let pin = generate_pin(&ctx, &rules).unwrap();
            let accepted = validate_new_pin(pin.expose(), pin.expose(), &ctx, &rules).unwrap();
            prop_assert!(accepted.warnings.is_empty());
            prop_assert!(!rules.policy().pin.mobile_refused.iter().any(|r| pin.matches(r)));
        }
    }

    // G4: hash then verify succeeds, any other secret fails.
    #[test]
    fn g4_hash_then_verify(secret in ".{0,40}", other in ".{0,40}") {
        let hasher = cheap();
        let stored = hasher.hash(secret.as_bytes()).unwrap();
        prop_assert!(hasher.verify(secret.as_bytes(), &stored).unwrap());
        prop_assert_eq!(hasher.verify(other.as_bytes(), &stored).unwrap(), other == secret);
        prop_assert!(!hasher.needs_rehash(&stored).unwrap());
    }

    // G2: no input panics.
    #[test]
    fn g2_no_pin_input_panics(text in "\\PC{0,24}|[0-9]{0,14}") {
        for rules in [Rules::centrexx(), Rules::strict()] {
            if let Ok(pin) = Pin::parse(&text, &rules) {
                let _ = pin.trivial_findings(&PinContext { extension_digits: Some("10".into()), names: vec!["Ö Ü".into()], ..PinContext::default() }, &rules);
            }
            let _ = validate_new_pin(&text, &text, &PinContext::default(), &rules);
        }
    }

    // G2
    #[test]
    fn g2_no_password_input_panics(text in "\\PC{0,80}|.{0,80}") {
        for rules in [Rules::centrexx(), Rules::strict()] {
            let _ = Password::parse(&text, false, &rules);
            let _ = evaluate(&text, &PasswordContext::default(), &rules);
            let _ = validate_new_password(&text, &text, &PasswordContext::default(), &rules);
        }
    }

    // G2, G4: arbitrary stored strings are errors or hashes, never panics.
    #[test]
    fn g2_no_stored_hash_panics(text in "\\$argon2id\\$v=19\\$m=[0-9]{1,4},t=[0-9],p=[0-9]\\$[A-Za-z0-9+/]{0,30}\\$[A-Za-z0-9+/]{0,50}|.{0,90}") {
        let _ = PhcHash::parse(&text);
        let _ = cheap().verify(b"x", &text);
        let _ = cheap().needs_rehash(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    // R1, R4: a generated password passes K1, K3 and the meter at green under both presets.
    #[test]
    fn r1_generated_passwords_pass_their_policy(company in "[A-Za-z]{4,10}") {
        let ctx = PasswordContext { company_name: Some(company.to_owned()), ..PasswordContext::default() };
        for rules in [Rules::centrexx(), Rules::strict()] {
            let pw = generate_password(&ctx, &rules).unwrap();
            let ok = validate_new_password(pw.expose(), pw.expose(), &ctx, &rules).unwrap();
            prop_assert_eq!(ok.strength.level, StrengthLevel::Green);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    // G3: no error message or Debug output of a refusal contains the secret typed.
    #[test]
    fn g3_errors_never_contain_the_secret(secret in "[a-zA-Z0-9äöü!?]{5,40}", other in "[0-9]{5,12}") {
        use pbx_rules::{Lang, Localized};
        let mut shown = Vec::new();
        for rules in [Rules::centrexx(), Rules::strict()] {
            let pin_errors = [
                validate_new_pin(&secret, &other, &PinContext::default(), &rules).err(),
                validate_new_pin(&other, &secret, &PinContext::default(), &rules).err(),
            ];
            for e in pin_errors.into_iter().flatten() {
                shown.extend([e.message(Lang::De), e.message(Lang::En), format!("{e:?}")]);
            }
        }
        for rules in [Rules::centrexx(), Rules::strict()] {
            let pw_errors = [
                validate_new_password(&secret, &other, &PasswordContext::default(), &rules).err(),
            ];
            for e in pw_errors.into_iter().flatten() {
                shown.extend([e.message(Lang::De), e.message(Lang::En), format!("{e:?}")]);
            }
        }
        prop_assert!(!shown.is_empty());
        for text in shown {
            prop_assert!(!text.contains(&secret), "{}", text);
            prop_assert!(!text.contains(&other), "{}", text);
        }
    }
}
