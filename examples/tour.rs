//! A walk through a sample PBX on built-in data: `cargo run --example tour`.
//!
//! Each step prints what the rules decide, with the spec id that decides it.

use pbx_rules::{
    Actor, BaseNumber, E164, ExtensionDigits, ExtensionMasterData, Lang, Localized, NumberPlan,
    PbxMasterData, Policy, Reachability, Route, routing_table,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let policy = Policy::centrexx();
    let plan = policy.numbers.plan()?;
    println!(
        "== pbx-rules tour: a sample PBX in Mainz, default region {} ==\n",
        plan.region()
    );

    numbers(&plan);
    let (pbx, extensions) = sample_pbx(&plan)?;
    logins(&pbx);
    backup(&plan, &pbx, extensions)?;
    Ok(())
}

/// N1–N3: what people type becomes E.164, or a reason in German and English.
fn numbers(plan: &NumberPlan) {
    println!("-- N1-N3: typed numbers become E.164 --");
    for typed in [
        "0171 / 123 456-78",
        "+49 (0)6131 62468-10",
        "0041 44 668 18 00",
        "032 12345678",
        "0800 FLOWERS",
    ] {
        match plan.normalize(typed) {
            Ok(n) => println!(
                "{typed:>24}  ->  {}  ({}, shown as {} / {})",
                n.e164(),
                n.kind().as_str(),
                n.international(),
                n.national()
            ),
            Err(e) => println!(
                "{typed:>24}  ->  {}: {} / {}",
                e.code(),
                e.message(Lang::De),
                e.message(Lang::En)
            ),
        }
    }
    let batch = plan.normalize_many(&["0171 12345678", "hello", "+43 664 1234567"]);
    println!(
        "bulk: {} of {} normalised; failures: {:?}\n",
        batch.ok_count(),
        batch.results.len(),
        batch
            .failures()
            .map(|(i, e)| (i, e.code()))
            .collect::<Vec<_>>()
    );
}

fn sample_pbx(
    plan: &NumberPlan,
) -> Result<(PbxMasterData, Vec<ExtensionMasterData>), Box<dyn std::error::Error>> {
    let base = BaseNumber::parse(plan, "06131 62468")?;
    let mut pbx = PbxMasterData::new(
        base,
        ExtensionDigits::parse("0")?,
        E164::parse("+496131624680")?,
    );
    pbx.company_name = "Beispiel GmbH".into();
    let extensions = [
        ("10", "Ada Lovelace"),
        ("11", "Bob Builder"),
        ("12", "Eve Example"),
    ]
    .into_iter()
    .map(|(d, name)| Ok(ExtensionMasterData::new(ExtensionDigits::parse(d)?, name)))
    .collect::<Result<Vec<_>, pbx_rules::LoginIdError>>()?;
    Ok((pbx, extensions))
}

/// N4–N6: users log in with their extension's number, the admin with the head number.
fn logins(pbx: &PbxMasterData) {
    println!("-- N4-N6: login identifiers --");
    let base = &pbx.base_number;
    for typed in [
        "06131-62468-10",
        "061316246810",
        "06131 62468 10",
        "0613162-468-10",
        "030-12345-10",
    ] {
        match base.user_login(typed) {
            Ok(d) => println!(
                "user  {typed:>16}  ->  extension {d} ({})",
                base.display_extension(&d)
            ),
            Err(e) => println!(
                "user  {typed:>16}  ->  {}: {}",
                e.code(),
                e.message(Lang::De)
            ),
        }
    }
    for typed in ["06131-624680", "06131-62468-10"] {
        match base.admin_login(typed, &pbx.central_digits) {
            Ok(()) => println!("admin {typed:>16}  ->  head number accepted"),
            Err(e) => println!(
                "admin {typed:>16}  ->  {}: {}",
                e.code(),
                e.message(Lang::De)
            ),
        }
    }
    println!();
}

/// B1–B6: backup numbers, who may set them, and where calls go.
fn backup(
    plan: &NumberPlan,
    pbx: &PbxMasterData,
    mut exts: Vec<ExtensionMasterData>,
) -> Result<(), Box<dyn std::error::Error>> {
    println!("-- B1-B6: backup routing --");
    let ada = Actor::User {
        extension: exts[0].digits.clone(),
    };
    exts[0] = exts[0].set_backup_number(plan, &ada, "0171 12345678")?;
    println!(
        "Ada sets her backup number: {:?}, mobile number now {:?} (B5)",
        exts[0].backup_number().map(E164::as_str),
        exts[0].mobile_number.as_ref().map(E164::as_str)
    );
    if let Err(e) = exts[1].set_backup_number(plan, &ada, "0160 1234567") {
        println!("Ada tries Bob's extension: {} (B4)", e.code());
    }
    let admin = Actor::Admin {
        extended_rights: false,
    };
    if let Err(e) = pbx.set_central_backup_number(plan, &admin, "") {
        println!(
            "Admin saves an empty central number: {}; it stays {} (B2)",
            e.code(),
            pbx.central_backup_number()
        );
    }
    let live = Route::decide(pbx, &exts[0], Reachability::Reachable);
    println!("Ada reachable: {:?}", live.rule);
    for route in routing_table(pbx, &exts) {
        println!(
            "if {} is unreachable -> {} ({:?}, B3)",
            route.extension,
            route.reroute_to.map(String::from).unwrap_or_default(),
            route.rule
        );
    }
    Ok(())
}
