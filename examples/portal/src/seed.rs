//! The sample PBX stored on first start: head number 06131 62468, central digits 0, the
//! admin, extensions 10, 11 and 12 on the default PIN, and three staff and partner
//! accounts. In demo mode the passwords are the ones below (the home page shows them);
//! in production mode they are random and mailed to each account's address instead.

use pbx_rules::{
    AdminAccount, BaseNumber, E164, ExtensionAccount, ExtensionDigits, ExtensionMasterData, Json,
    PasswordContext, PbxMasterData, generate_password,
};

use crate::db::as_column;
use crate::staff::{Role, StaffAccount};
use crate::{App, Mode, PortalError, Table};

/// The demo admin's password.
pub const ADMIN_PASSWORD: &str = "Kaffeetasse Nordwind 7!";
/// The admin contact's address (A2 codes, R1 passwords, notices).
pub const ADMIN_EMAIL: &str = "admin@beispiel.de";
/// The head number the admin logs in with (A1, N5: with the central digits).
pub const HEAD_NUMBER: &str = "06131 62468";
/// The sample extensions: digits, name, e-mail (12 has none: R2 tells the admin instead).
pub const EXTENSIONS: [(&str, &str, Option<&str>); 3] = [
    ("10", "Ada Lovelace", Some("ada@beispiel.de")),
    ("11", "Bob Builder", Some("bob@beispiel.de")),
    ("12", "Eve Example", None),
];

/// A sample staff or partner account.
pub struct Member {
    /// The login name.
    pub name: &'static str,
    /// The demo password.
    pub password: &'static str,
    /// Staff or partner.
    pub role: Role,
    /// A partner with the advanced training.
    pub trained: bool,
    /// Where production mode mails the password.
    pub email: &'static str,
}

/// The sample staff and partners (V1: staff and trained partners may switch the preview).
pub const STAFF: [Member; 3] = [
    Member {
        name: "mira",
        password: "Leuchtturm Abendrot 58",
        role: Role::Staff,
        trained: false,
        email: "mira@betreiber.de",
    },
    Member {
        name: "paul",
        password: "Gartenzaun Morgentau 31",
        role: Role::Partner,
        trained: false,
        email: "paul@partner.de",
    },
    Member {
        name: "tina",
        password: "Wolkenkratzer Nachtzug 64",
        role: Role::Partner,
        trained: true,
        email: "tina@partner.de",
    },
];

/// Stores the sample PBX unless the database has one. Of instances seeding at once, one
/// stores it (`Ok(false)` for the others).
///
/// # Errors
/// The database fails, or the rules refuse the sample (they do not under the presets).
pub async fn seed(app: &App) -> Result<bool, PortalError> {
    if app
        .db
        .load::<PbxMasterData>(Table::Pbx, "pbx")
        .await?
        .is_some()
    {
        return Ok(false);
    }
    let demo = app.config.mode == Mode::Demo;
    let (rows, mails) = app.blocking(move |app| sample(app, demo)).await?;
    app.db.seed(&rows, &mails, app.now()).await
}

/// A state row to seed: table, key, JSON, revision.
pub type Row = (Table, String, String, i64);
/// A mail to seed: recipient, subject, text.
pub type SeedMail = (String, String, String);

fn row<T: Json>(table: Table, key: &str, value: &T, revision: i64) -> Row {
    (table, key.to_owned(), value.to_json(), revision)
}

/// The sample's rows (the PBX first) and, in production, the mails with the passwords.
fn sample(app: &App, demo: bool) -> Result<(Vec<Row>, Vec<SeedMail>), PortalError> {
    let rules = &app.rules;
    let now = app.now();
    let base = BaseNumber::parse(rules.number_plan(), HEAD_NUMBER)?;
    let mut pbx = PbxMasterData::new(
        base,
        ExtensionDigits::parse("0")?,
        E164::parse("+4917212345678")?,
    );
    pbx.company_name = "Beispiel GmbH".into();
    pbx.admin_email = Some(ADMIN_EMAIL.into());
    let mut mails = Vec::new();
    let ctx = PasswordContext::for_pbx(&pbx, false);
    let admin_password = password(demo, ADMIN_EMAIL, ADMIN_PASSWORD, &ctx, rules, &mut mails)?;
    let admin = AdminAccount::create(&admin_password, now, rules)?;
    let mut rows = vec![
        row(Table::Pbx, "pbx", &pbx, 0),
        row(Table::Admin, "admin", &admin, as_column(admin.revision())),
    ];
    for (digits, name, email) in EXTENSIONS {
        let digits = ExtensionDigits::parse(digits)?;
        let mut master = ExtensionMasterData::new(digits.clone(), name);
        master.email = email.map(str::to_owned);
        let created = ExtensionAccount::create(digits.clone(), now, rules)?;
        if let Some(pin) = &created.initial_pin {
            // No default PIN in the policy (strict): the first PIN goes to the user, or to
            // the admin contact for an extension without an address.
            let pin = pin.expose();
            mails.push((
                email.unwrap_or(ADMIN_EMAIL).to_owned(),
                "Ihre PIN / Your PIN".to_owned(),
                format!("Nebenstelle {digits}: PIN {pin}\n\nExtension {digits}: PIN {pin}\n"),
            ));
        }
        rows.push(row(Table::Extension, digits.as_str(), &master, 0));
        let revision = as_column(created.account.revision());
        rows.push(row(
            Table::Account,
            digits.as_str(),
            &created.account,
            revision,
        ));
    }
    for m in &STAFF {
        let password = password(demo, m.email, m.password, &ctx, rules, &mut mails)?;
        let account = StaffAccount::create(m.role, m.trained, &password, rules)?;
        rows.push(row(Table::Staff, m.name, &account, 0));
    }
    Ok((rows, mails))
}

/// The demo's password, or in production a random one, mailed to `to`.
fn password(
    demo: bool,
    to: &str,
    demo_password: &str,
    ctx: &PasswordContext,
    rules: &pbx_rules::Rules,
    mails: &mut Vec<SeedMail>,
) -> Result<String, PortalError> {
    if demo {
        return Ok(demo_password.to_owned());
    }
    let generated = generate_password(ctx, rules).map_err(pbx_rules::Error::from)?;
    let text = generated.expose().to_owned();
    mails.push((
        to.to_owned(),
        "Ihr Zugang / Your access".to_owned(),
        format!("Ihr Kennwort: {text}\n\nYour password: {text}\n"),
    ));
    Ok(text)
}
