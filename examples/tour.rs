//! A walk through a sample PBX on built-in data: `cargo run --example tour`.
//!
//! Each step prints what the rules decide, with the spec id that decides it.

use chrono::{DateTime, TimeDelta, Utc};
use pbx_rules::{
    Actor, AdminAccount, BaseNumber, ChangeForm, Decision, E164, Effect, ExtensionAccount,
    ExtensionDigits, ExtensionMasterData, Lang, Localized, NumberPlan, PbxMasterData, PinContext,
    Policy, Reachability, Route, Rules, forgot_password, forgot_pin, routing_table,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rules = Rules::new(Policy::centrexx())?;
    let plan = rules.number_plan();
    println!(
        "== pbx-rules tour: a sample PBX in Mainz, default region {} ==\n",
        plan.region()
    );

    numbers(plan);
    let (pbx, extensions) = sample_pbx(plan)?;
    logins(&pbx);
    backup(&rules, &pbx, extensions.clone())?;
    user_lifecycle(&pbx, &extensions[0], &rules)?;
    admin_login(&pbx, &rules)?;
    way_back(&pbx, &extensions[0], &rules)?;
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
    rules: &Rules,
    pbx: &PbxMasterData,
    mut exts: Vec<ExtensionMasterData>,
) -> Result<(), Box<dyn std::error::Error>> {
    println!("-- B1-B6: backup routing --");
    let ada = Actor::User {
        extension: exts[0].digits.clone(),
    };
    exts[0] = exts[0].set_backup_number(&ada, "0171 12345678", rules)?;
    println!(
        "Ada sets her backup number: {:?}, mobile number now {:?} (B5)",
        exts[0].backup_number().map(E164::as_str),
        exts[0].mobile_number.as_ref().map(E164::as_str)
    );
    if let Err(e) = exts[1].set_backup_number(&ada, "0160 1234567", rules) {
        println!("Ada tries Bob's extension: {} (B4)", e.code());
    }
    let admin = Actor::Admin {
        extended_rights: false,
    };
    if let Err(e) = pbx.set_central_backup_number(&admin, "", rules) {
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

/// Says what a decision came to, in German, with its effects.
fn show<S, T: std::fmt::Debug>(what: &str, d: &Decision<S, T>) {
    match &d.outcome {
        Ok(outcome) => print!("{what}: {outcome:?}"),
        Err(e) => print!("{what}: {} ({})", e.code(), e.message(Lang::De)),
    }
    let effects: Vec<String> = d.effects.iter().map(effect).collect();
    if effects.is_empty() {
        println!()
    } else {
        println!("  -> effects: {}", effects.join(", "))
    }
}

fn effect(e: &Effect) -> String {
    match e {
        Effect::SendSecret { to, purpose, .. } => {
            format!("mail {purpose:?} to {to} (secret shown once: ***)")
        }
        Effect::SyncPin { extension, .. } => {
            format!("sync PIN of {extension} to voicemail and phonebook")
        }
        Effect::RestartPhone { extension } => format!("restart phone {extension}"),
        Effect::NotifyCredentialChanged { account, how } => format!("notify {account:?} ({how:?})"),
        Effect::NotifyAdminNoUserEmail { extension } => {
            format!("tell the admin: {extension} has no e-mail")
        }
        other => format!("{other:?}"),
    }
}

fn start() -> DateTime<Utc> {
    "2026-01-05T09:00:00Z".parse().unwrap_or_default()
}

/// P2, P5, P6, P4, P9, R2: a PIN's life, from the default PIN to the lock and back.
fn user_lifecycle(
    pbx: &PbxMasterData,
    ada: &ExtensionMasterData,
    rules: &Rules,
) -> Result<(), Box<dyn std::error::Error>> {
    println!(
        "\n-- P2-P9, R2: the user PIN of extension {} --",
        ada.digits
    );
    let t0 = start();
    let account = ExtensionAccount::create(ada.digits.clone(), t0, rules)?.account;
    println!(
        "created with the default PIN (P2); user must change it by {:?}",
        account.change_deadline(rules)
    );
    show(
        "first login with 0000 (P6)",
        &account.login("0000", t0, rules),
    );
    let user = Actor::User {
        extension: ada.digits.clone(),
    };
    let form = ChangeForm {
        old: "0000",
        new: "4711",
        confirmation: "4711",
    };
    let changed = account.change_pin(&user, form, &PinContext::default(), t0, rules);
    show("forced change to 4711 (P3, P9)", &changed);

    let bob = ExtensionAccount::create(ExtensionDigits::parse("11")?, t0, rules)?.account;
    show(
        "Bob never changes 0000; login after 41 days",
        &bob.login("0000", t0 + TimeDelta::days(41), rules),
    );
    show(
        "Bob's login after 42 days (P5)",
        &bob.login("0000", t0 + TimeDelta::days(42), rules),
    );
    let admin = Actor::Admin {
        extended_rights: false,
    };
    let reset = bob.set_pin_by_admin(&admin, "2580", "2580", t0 + TimeDelta::days(43), rules);
    show("the admin sets 2580 (P4)", &reset);
    let mut bob_master = ExtensionMasterData::new(ExtensionDigits::parse("11")?, "Bob Builder");
    bob_master.email = Some("bob@beispiel.de".into());
    show(
        "Bob forgets it and asks for a new PIN (R2)",
        &forgot_pin(
            pbx,
            Some((&bob_master, &reset.state)),
            t0 + TimeDelta::days(44),
            rules,
        ),
    );
    Ok(())
}

/// A1-A4, P7, K5: the admin's login steps.
fn admin_login(pbx: &PbxMasterData, rules: &Rules) -> Result<(), Box<dyn std::error::Error>> {
    println!(
        "\n-- A1-A4: the admin logs in with {} --",
        pbx.base_number.login_form(&pbx.central_digits)
    );
    let t0 = start();
    let password = "Kaffeetasse Nordwind 7!";
    let account = AdminAccount::create(password, t0, rules)?;
    pbx.base_number
        .admin_login("06131-624680", &pbx.central_digits)?;
    let login = account.login(
        password,
        None,
        vec![ExtensionDigits::parse("11")?],
        t0,
        rules,
    );
    show("password accepted, unknown browser (A2)", &login);
    let account = login.state;
    let session = login.outcome?;
    let requested = session.request_code(
        &account,
        pbx.admin_email.as_deref().or(Some("admin@beispiel.de")),
        t0,
        rules,
    );
    show("request extended rights", &requested);
    let code = mailed(&requested.effects);
    let confirmed =
        requested
            .state
            .confirm_code(&account, &code, t0 + TimeDelta::minutes(14), rules);
    let (session, _account) = confirmed.state;
    println!(
        "code typed after 14 minutes: extended rights {}, browser remembered: {}",
        session.has_extended_rights(),
        matches!(confirmed.outcome, Ok(Some(_)))
    );
    let notice = session.confirm_privacy_notice()?;
    println!(
        "privacy notice confirmed (A4); next: {:?} with {:?} (P7)",
        notice.step(),
        notice.default_pin_extensions()
    );
    let menu = notice.acknowledge_default_pins()?;
    println!("main menu as {:?}", menu.actor());
    Ok(())
}

/// G11, G9: sessions end with the credential, and a locked-out admin gets back in.
fn way_back(
    pbx: &PbxMasterData,
    ada: &ExtensionMasterData,
    rules: &Rules,
) -> Result<(), Box<dyn std::error::Error>> {
    println!("\n-- G11, G9: sessions end with the credential; the owner always gets back in --");
    let t0 = start();
    let account = ExtensionAccount::create(ada.digits.clone(), t0, rules)?.account;
    let login = account.login("0000", t0, rules);
    let stamp = login.outcome?.session().clone();
    let checked = account.check_session(&stamp, t0 + TimeDelta::minutes(30), rules);
    println!("Ada's session after 30 minutes: {}", verdict(&checked));
    let admin = Actor::Admin {
        extended_rights: false,
    };
    let set = account.set_pin_by_admin(&admin, "2580", "2580", t0 + TimeDelta::minutes(31), rules);
    let checked = set
        .state
        .check_session(&stamp, t0 + TimeDelta::minutes(32), rules);
    println!("after the admin set a new PIN: {}", verdict(&checked));

    let password = "Kaffeetasse Nordwind 7!";
    let mut account = AdminAccount::create(password, t0, rules)?;
    let mut now = t0;
    while !account.is_locked(rules) {
        account = account.login("geraten", None, vec![], now, rules).state;
        now += TimeDelta::hours(1);
    }
    println!(
        "someone who knows the head number locked the admin account with {} wrong passwords",
        account.failed_logins()
    );
    let later = now + TimeDelta::days(365);
    let refused = account.login(password, None, vec![], later, rules);
    println!(
        "a year later, the right password: {}",
        verdict(&refused.outcome)
    );
    let mut pbx = pbx.clone();
    pbx.admin_email = Some("admin@beispiel.de".into());
    let asked = forgot_password("06131-624680", Some((&pbx, &account)), later, rules);
    show("the admin asks for a new password (R1)", &asked);
    let mailed = mailed(&asked.effects);
    let account = asked.state.ok_or("no admin account")?;
    let usable = later + rules.policy().password.propagation_delay();
    let back = account.login(&mailed, None, vec![], usable, rules);
    println!(
        "the mailed password after its delay (K5): {}, still locked: {}",
        verdict(&back.outcome),
        back.state.is_locked(rules)
    );
    Ok(())
}

/// `ok`, or the refusal's code and English message.
fn verdict<T, E: Localized>(result: &Result<T, E>) -> String {
    match result {
        Ok(_) => "ok".into(),
        Err(e) => format!("{}: {}", e.code(), e.message(Lang::En)),
    }
}

/// The plaintext of the first mailed secret among `effects` (what the host would put in the
/// mail); empty when none was mailed.
fn mailed(effects: &[Effect]) -> String {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::SendSecret { secret, .. } => Some(secret.expose().to_owned()),
            _ => None,
        })
        .unwrap_or_default()
}
