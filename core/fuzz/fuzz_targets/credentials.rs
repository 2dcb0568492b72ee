//! Fuzzes the PIN and password rules and the meter (G2): no typed input may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pbx_rules::{
    E164, PasswordContext, PasswordPolicy, Pin, PinContext, PinPolicy, evaluate,
    validate_new_password,
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (first, second) = text.split_at(
        text.char_indices()
            .nth(text.chars().count() / 2)
            .map_or(0, |(i, _)| i),
    );
    let phone = E164::parse("+4961316246810").ok();
    for policy in [PinPolicy::centrexx(), PinPolicy::strict()] {
        if let Ok(pin) = Pin::parse(first, &policy) {
            let names = [second];
            let ctx = PinContext {
                extension_digits: Some(second),
                names: &names,
                phone_number: phone.as_ref(),
            };
            let _ = pin.trivial_findings(&ctx, &policy);
        }
    }
    let ctx = PasswordContext {
        head_number: Some(second),
        company_name: Some(second),
        admin_email: Some(second),
        second_factor: false,
    };
    for policy in [PasswordPolicy::centrexx(), PasswordPolicy::strict()] {
        let _ = evaluate(first, &ctx, &policy);
        let _ = validate_new_password(first, first, &ctx, &policy);
    }
});
