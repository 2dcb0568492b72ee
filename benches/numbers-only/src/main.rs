//! A service that only normalises phone numbers: each argument (or each line of stdin) to its
//! E.164 form, or the error code. It depends on the core with `default-features = false,
//! features = ["numbers"]`, so it compiles the numbering engine alone, without argon2, the
//! meter's word lists or the lifecycle; feature `all-areas` builds it against every area for
//! the comparison in benches/README.md.
//!
//! ```text
//! cargo run --release -p pbx-rules-numbers-only -- "06131 624680"
//! ```

use std::io::BufRead;

use pbx_rules::{Localized, NumberPlan};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let plan = NumberPlan::new("DE")?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lines: Vec<String> = if args.is_empty() {
        std::io::stdin().lock().lines().collect::<Result<_, _>>()?
    } else {
        args
    };
    for line in lines {
        match plan.normalize(&line) {
            Ok(number) => println!("{}", number.e164()),
            Err(e) => println!("{}", e.code()),
        }
    }
    Ok(())
}
