//! Fuzzes the PIN and password rules and the meter (G2): no typed input may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pbx_rules::{
    E164, PasswordContext, Pin, PinContext, Rules, evaluate, validate_new_password,
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
    for rules in [Rules::centrexx(), Rules::strict()] {
        if let Ok(pin) = Pin::parse(first, &rules) {
            let names = [second];
            let ctx = PinContext {
                extension_digits: Some(second.to_owned()),
                names: names.iter().map(|n| n.to_string()).collect(),
                phone_number: phone.clone(),
            };
            let _ = pin.trivial_findings(&ctx, &rules);
        }
    }
    let ctx = PasswordContext {
        head_number: Some(second.to_owned()),
        company_name: Some(second.to_owned()),
        admin_email: Some(second.to_owned()),
        second_factor: false,
    };
    for rules in [Rules::centrexx(), Rules::strict()] {
        let _ = evaluate(first, &ctx, &rules);
        let _ = validate_new_password(first, first, &ctx, &rules);
    }
});
