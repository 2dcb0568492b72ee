//! The sample PBX stored on first start: head number 06131 62468, central digits 0,
//! the admin, and extensions 10, 11 and 12 on the default PIN.

use pbx_rules::{
    AdminAccount, BaseNumber, E164, ExtensionAccount, ExtensionDigits, ExtensionMasterData,
    Password, PbxMasterData,
};

use crate::{App, PortalError, Table};

/// The demo admin's password (shown on the home page: the portal is a local demo).
pub const ADMIN_PASSWORD: &str = "Kaffeetasse Nordwind 7!";
/// The head number the admin logs in with (A1, N5: with the central digits).
pub const HEAD_NUMBER: &str = "06131 62468";
/// The sample extensions: digits, name, e-mail (12 has none: R2 tells the admin instead).
pub const EXTENSIONS: [(&str, &str, Option<&str>); 3] = [
    ("10", "Ada Lovelace", Some("ada@beispiel.de")),
    ("11", "Bob Builder", Some("bob@beispiel.de")),
    ("12", "Eve Example", None),
];

/// Stores the sample PBX unless the database has one.
///
/// # Errors
/// The database fails, or the rules refuse the sample (they do not under centrexx).
pub fn seed(app: &App) -> Result<bool, PortalError> {
    if app.db.load::<PbxMasterData>(Table::Pbx, "pbx")?.is_some() {
        return Ok(false);
    }
    let rules = &app.rules;
    let now = app.now();
    let base = BaseNumber::parse(rules.number_plan(), HEAD_NUMBER)?;
    let mut pbx = PbxMasterData::new(
        base,
        ExtensionDigits::parse("0")?,
        E164::parse("+4917212345678")?,
    );
    pbx.company_name = "Beispiel GmbH".into();
    pbx.admin_email = Some("admin@beispiel.de".into());
    let password = Password::parse(ADMIN_PASSWORD, false, rules)?;
    let admin = AdminAccount::create(&password, now, rules)?;
    for (digits, name, email) in EXTENSIONS {
        let digits = ExtensionDigits::parse(digits)?;
        let mut master = ExtensionMasterData::new(digits.clone(), name);
        master.email = email.map(str::to_owned);
        let created = ExtensionAccount::create(digits.clone(), now, rules)?;
        app.db
            .insert(Table::Extension, digits.as_str(), &master, 0)?;
        app.db.insert(
            Table::Account,
            digits.as_str(),
            &created.account,
            created.account.revision(),
        )?;
    }
    app.db
        .insert(Table::Admin, "admin", &admin, admin.revision())?;
    // Last: a PBX row means a complete seed (a start that died mid-seed fails on the next
    // start with a database error; delete the file).
    app.db.insert(Table::Pbx, "pbx", &pbx, 0)?;
    Ok(true)
}
