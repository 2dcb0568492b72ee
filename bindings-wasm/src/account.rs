//! The account lifecycle (issue 4) for Node hosts: extension accounts, the admin login
//! steps, recovery. State objects are immutable; every operation returns a `Decision`
//! object `{ state, effects, error?, …outcome }` (see the `.d.ts`) whose `state` the host
//! saves even when `error` is set (a failed login counts). Times are milliseconds since the
//! epoch (`Date.getTime()`), in and out.

use chrono::{DateTime, Utc};
use pbx_rules as core;
use wasm_bindgen::prelude::*;

use crate::error::{Error, finding_codes};
use crate::policy::Policy;

fn at(ms: f64) -> DateTime<Utc> {
    // Integral milliseconds; NaN and values beyond chrono's range clamp to its ends.
    #[allow(clippy::cast_possible_truncation)]
    DateTime::from_timestamp_millis(ms as i64).unwrap_or(if ms < 0.0 {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    })
}

#[allow(clippy::cast_precision_loss)]
fn ms(t: DateTime<Utc>) -> f64 {
    t.timestamp_millis() as f64
}

fn digits(text: &str) -> Result<core::ExtensionDigits, Error> {
    Ok(core::ExtensionDigits::parse(text)?)
}

/// The policy with its hasher: what every lifecycle call needs.
#[wasm_bindgen]
pub struct Rules(core::Rules);

#[wasm_bindgen]
impl Rules {
    /// Rules under a policy (no pepper).
    ///
    /// # Errors
    /// A `PolicyError` for a policy value outside its documented bounds (F6).
    #[wasm_bindgen(constructor)]
    pub fn new(policy: &Policy) -> Result<Rules, Error> {
        Ok(Rules(core::Rules::new(policy.0.clone())?))
    }
}

/// Who acts: a user of one extension or the admin.
#[wasm_bindgen]
pub struct Actor(core::Actor);

#[wasm_bindgen]
impl Actor {
    /// The user of an extension.
    ///
    /// # Errors
    /// A `LoginIdError` for invalid extension digits.
    pub fn user(extension: &str) -> Result<Actor, Error> {
        Ok(Actor(core::Actor::User {
            extension: digits(extension)?,
        }))
    }

    /// The admin, with or without extended rights (A3).
    pub fn admin(extended_rights: bool) -> Actor {
        Actor(core::Actor::Admin { extended_rights })
    }
}

/// The PBX master data the lifecycle reads (B1, R1–R3).
#[wasm_bindgen]
#[derive(Clone)]
pub struct Pbx(core::PbxMasterData);

#[wasm_bindgen]
impl Pbx {
    /// Base number as typed, central digits, central backup number (E.164), company name
    /// and admin email.
    ///
    /// # Errors
    /// A `NumberError` or `LoginIdError`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        region: &str,
        base_number: &str,
        central_digits: &str,
        central_backup_number: &str,
        company_name: &str,
        admin_email: Option<String>,
    ) -> Result<Pbx, Error> {
        let base = core::BaseNumber::parse(&core::NumberPlan::new(region)?, base_number)?;
        let backup = core::E164::parse(central_backup_number)?;
        let mut pbx = core::PbxMasterData::new(base, digits(central_digits)?, backup);
        pbx.company_name = company_name.to_owned();
        pbx.admin_email = admin_email;
        Ok(Pbx(pbx))
    }

    /// The head number in E.164 (N5).
    ///
    /// # Errors
    /// A `LoginIdError`.
    #[wasm_bindgen(getter, js_name = headNumber)]
    pub fn head_number(&self) -> Result<String, Error> {
        Ok(self.0.head_number()?.as_str().to_owned())
    }

    /// R3: the admin switches forgot-PIN for all users; returns the new master data.
    ///
    /// # Errors
    /// A `PermissionError`.
    #[wasm_bindgen(js_name = setSelfServicePinReset)]
    pub fn set_self_service_pin_reset(&self, actor: &Actor, on: bool) -> Result<Pbx, Error> {
        Ok(Pbx(self.0.set_self_service_pin_reset(&actor.0, on)?))
    }
}

/// One extension's master data as recovery and the mobile app read it (B5, R2, P8).
#[wasm_bindgen]
pub struct ExtensionMaster(core::ExtensionMasterData);

#[wasm_bindgen]
impl ExtensionMaster {
    /// Digits, the user's name, email and mobile number (E.164), both optional.
    ///
    /// # Errors
    /// A `LoginIdError` or `NumberError`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        extension: &str,
        name: &str,
        email: Option<String>,
        mobile: Option<String>,
    ) -> Result<ExtensionMaster, Error> {
        let mut m = core::ExtensionMasterData::new(digits(extension)?, name);
        m.email = email;
        m.mobile_number = mobile.as_deref().map(core::E164::parse).transpose()?;
        Ok(ExtensionMaster(m))
    }
}

/// A `Decision` as a plain JS object.
struct Out(js_sys::Object);

impl Out {
    fn new<S, T>(d: &core::Decision<S, T>, state: JsValue) -> Self {
        let out = Out(js_sys::Object::new());
        out.set("state", state);
        let effects: js_sys::Array = d.effects.iter().map(effect).collect();
        out.set("effects", effects.into());
        if let Err(e) = &d.outcome {
            out.set("error", Error::from(e.clone()).into());
        }
        out
    }
    fn set(&self, key: &str, value: JsValue) {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&self.0, &key.into(), &value);
    }
    fn done(self) -> JsValue {
        self.0.into()
    }
}

fn effect(e: &core::Effect) -> JsValue {
    use core::Effect as E;
    let o = Out(js_sys::Object::new());
    let (kind, ext) = match e {
        E::SendSecret {
            to,
            purpose,
            secret,
        } => {
            o.set("to", to.into());
            o.set("purpose", format!("{purpose:?}").into());
            o.set("secret", secret.expose().into());
            ("send_secret", None)
        }
        E::NotifyAdminNoUserEmail { extension } => ("notify_admin_no_user_email", Some(extension)),
        E::SyncPin { extension, pin } => {
            o.set("pin", pin.expose().into());
            ("sync_pin", Some(extension))
        }
        E::RestartPhone { extension } => ("restart_phone", Some(extension)),
        E::NotifyCredentialChanged { account, how } => {
            if let core::AccountRef::Extension(d) = account {
                o.set("extension", d.as_str().into());
            }
            o.set("how", format!("{how:?}").into());
            ("notify_credential_changed", None)
        }
        _ => ("unknown", None),
    };
    o.set("kind", kind.into());
    if let Some(d) = ext {
        o.set("extension", d.as_str().into());
    }
    o.done()
}

/// One extension's account: PIN, its origin and age, failed logins (P2–P9, G5).
#[wasm_bindgen]
#[derive(Clone)]
pub struct ExtensionAccount(core::ExtensionAccount);

#[wasm_bindgen]
impl ExtensionAccount {
    /// A new extension (P2): `{ state, initialPin }`; `initialPin` is the random first PIN
    /// to hand to the user once, `undefined` when the default PIN applies.
    ///
    /// # Errors
    /// A `LoginIdError`, `GenerateError` or `HashError`.
    #[wasm_bindgen(unchecked_return_type = "{ state: ExtensionAccount; initialPin?: string }")]
    pub fn create(extension: &str, now: f64, rules: &Rules) -> Result<JsValue, Error> {
        let c = core::ExtensionAccount::create(digits(extension)?, at(now), &rules.0)?;
        let out = Out(js_sys::Object::new());
        out.set("state", ExtensionAccount(c.account).into());
        out.set(
            "initialPin",
            c.initial_pin.map(|p| p.expose().to_owned()).into(),
        );
        Ok(out.done())
    }

    /// The extension digits.
    #[wasm_bindgen(getter)]
    pub fn extension(&self) -> String {
        self.0.extension().as_str().to_owned()
    }

    /// Whether the PIN is still the default one (P7).
    #[wasm_bindgen(getter, js_name = hasDefaultPin)]
    pub fn has_default_pin(&self) -> bool {
        self.0.has_default_pin()
    }

    /// A user login (P5, P6, G5): `outcome` is `logged_in` or `must_change_pin` (with
    /// `deadline`).
    #[wasm_bindgen(unchecked_return_type = "Decision<ExtensionAccount>")]
    pub fn login(&self, pin: &str, now: f64, rules: &Rules) -> JsValue {
        let d = self.0.login(pin, at(now), &rules.0);
        let out = Out::new(&d, ExtensionAccount(d.state.clone()).into());
        match &d.outcome {
            Ok(core::UserLogin::LoggedIn) => out.set("outcome", "logged_in".into()),
            Ok(core::UserLogin::MustChangePin { deadline }) => {
                out.set("outcome", "must_change_pin".into());
                out.set("deadline", ms(*deadline).into());
            }
            _ => {}
        }
        out.done()
    }

    /// A PIN change by its user (P3, P6, P9): `completesLogin`, `warnings`.
    #[wasm_bindgen(js_name = changePin, unchecked_return_type = "Decision<ExtensionAccount>")]
    #[allow(clippy::too_many_arguments)]
    pub fn change_pin(
        &self,
        actor: &Actor,
        old: &str,
        new: &str,
        confirmation: &str,
        now: f64,
        rules: &Rules,
    ) -> JsValue {
        let form = core::ChangeForm {
            old,
            new,
            confirmation,
        };
        let ctx = core::PinContext::default();
        let d = self.0.change_pin(&actor.0, form, &ctx, at(now), &rules.0);
        let out = Out::new(&d, ExtensionAccount(d.state.clone()).into());
        if let Ok(c) = &d.outcome {
            out.set("completesLogin", c.completes_login.into());
            out.set("warnings", finding_codes(&c.warnings).into());
        }
        out.done()
    }

    /// The admin sets a PIN (P4).
    #[wasm_bindgen(js_name = setPinByAdmin, unchecked_return_type = "Decision<ExtensionAccount>")]
    pub fn set_pin_by_admin(
        &self,
        actor: &Actor,
        pin: &str,
        confirmation: &str,
        now: f64,
        rules: &Rules,
    ) -> JsValue {
        let d = self
            .0
            .set_pin_by_admin(&actor.0, pin, confirmation, at(now), &rules.0);
        Out::new(&d, ExtensionAccount(d.state.clone()).into()).done()
    }

    /// A mobile-app login (P8).
    #[wasm_bindgen(js_name = mobileLogin, unchecked_return_type = "Decision<ExtensionAccount>")]
    pub fn mobile_login(
        &self,
        master: &ExtensionMaster,
        pin: &str,
        now: f64,
        rules: &Rules,
    ) -> JsValue {
        let d = self.0.mobile_login(&master.0, pin, at(now), &rules.0);
        Out::new(&d, ExtensionAccount(d.state.clone()).into()).done()
    }
}

/// Forgot PIN (R2): `state` is the new account or `undefined`.
#[wasm_bindgen(js_name = forgotPin, unchecked_return_type = "Decision<ExtensionAccount | undefined>")]
pub fn forgot_pin(
    pbx: &Pbx,
    master: Option<ExtensionMaster>,
    account: Option<ExtensionAccount>,
    now: f64,
    rules: &Rules,
) -> JsValue {
    let pair = master
        .as_ref()
        .zip(account.as_ref())
        .map(|(m, a)| (&m.0, &a.0));
    let d = core::forgot_pin(&pbx.0, pair, at(now), &rules.0);
    Out::new(&d, d.state.clone().map(ExtensionAccount).into()).done()
}

/// The admin account: password hash, when it takes effect, remembered devices (K3, K5, A2).
#[wasm_bindgen]
#[derive(Clone)]
pub struct AdminAccount(core::AdminAccount);

#[wasm_bindgen]
impl AdminAccount {
    /// A new admin account with a password that passes K1.
    ///
    /// # Errors
    /// A `PasswordError` or `HashError`.
    pub fn create(password: &str, now: f64, rules: &Rules) -> Result<AdminAccount, Error> {
        let p = core::Password::parse(password, &rules.0.policy().password, false)?;
        Ok(AdminAccount(core::AdminAccount::create(
            &p,
            at(now),
            rules.0.hasher(),
        )?))
    }

    /// Admin login (A1, A2, A4, K5): `session` (an `AdminSession`) on success.
    ///
    /// # Errors
    /// A `LoginIdError` for invalid digits in `default_pin_extensions`.
    #[wasm_bindgen(unchecked_return_type = "Decision<AdminAccount>")]
    pub fn login(
        &self,
        password: &str,
        device_token: Option<String>,
        default_pin_extensions: Vec<String>,
        now: f64,
        rules: &Rules,
    ) -> Result<JsValue, Error> {
        let defaults = default_pin_extensions
            .iter()
            .map(|d| digits(d))
            .collect::<Result<_, _>>()?;
        let d = self.0.login(
            password,
            device_token.as_deref(),
            defaults,
            at(now),
            &rules.0,
        );
        let out = Out::new(&d, AdminAccount(d.state.clone()).into());
        if let Ok(s) = &d.outcome {
            out.set("session", AdminSession(s.clone()).into());
        }
        Ok(out.done())
    }

    /// The admin's password change (K3, K5) with the PBX's guessable inputs: `effectiveAt`.
    #[wasm_bindgen(js_name = changePassword, unchecked_return_type = "Decision<AdminAccount>")]
    pub fn change_password(
        &self,
        old: &str,
        new: &str,
        confirmation: &str,
        context: &crate::meter::PasswordContext,
        now: f64,
        rules: &Rules,
    ) -> JsValue {
        let form = core::ChangeForm {
            old,
            new,
            confirmation,
        };
        let d = self
            .0
            .change_password(form, &context.core(), at(now), &rules.0);
        let out = Out::new(&d, AdminAccount(d.state.clone()).into());
        if let Ok(c) = &d.outcome {
            out.set("effectiveAt", ms(c.effective_at).into());
        }
        out.done()
    }
}

/// Forgot password (R1): `state` is the new admin account or `undefined`.
#[wasm_bindgen(js_name = forgotPassword, unchecked_return_type = "Decision<AdminAccount | undefined>")]
pub fn forgot_password(
    head_number: &str,
    pbx: &Pbx,
    admin: &AdminAccount,
    now: f64,
    rules: &Rules,
) -> JsValue {
    let d = core::forgot_password(head_number, Some((&pbx.0, &admin.0)), at(now), &rules.0);
    Out::new(&d, d.state.clone().map(AdminAccount).into()).done()
}

/// The admin's login steps (A2, A4).
#[wasm_bindgen]
#[derive(Clone)]
pub struct AdminSession(core::AdminSession);

#[wasm_bindgen]
impl AdminSession {
    /// The step reached: `second_factor`, `privacy_notice`, `default_pins`, `main_menu`.
    #[wasm_bindgen(getter)]
    pub fn step(&self) -> String {
        use core::AdminStep as S;
        match self.0.step() {
            S::SecondFactor => "second_factor",
            S::PrivacyNotice => "privacy_notice",
            S::DefaultPins => "default_pins",
            S::MainMenu => "main_menu",
        }
        .to_owned()
    }

    /// Whether the session has extended rights (A3).
    #[wasm_bindgen(getter, js_name = extendedRights)]
    pub fn extended_rights(&self) -> bool {
        self.0.has_extended_rights()
    }

    /// The extensions still on the default PIN, to acknowledge (P7).
    #[wasm_bindgen(getter, js_name = defaultPinExtensions)]
    pub fn default_pin_extensions(&self) -> Vec<String> {
        self.0
            .default_pin_extensions()
            .iter()
            .map(|d| d.as_str().to_owned())
            .collect()
    }

    /// Mails a code for extended rights (A2).
    #[wasm_bindgen(js_name = requestCode, unchecked_return_type = "Decision<AdminSession>")]
    pub fn request_code(&self, admin_email: Option<String>, now: f64, rules: &Rules) -> JsValue {
        let d = self
            .0
            .request_code(admin_email.as_deref(), at(now), &rules.0);
        Out::new(&d, AdminSession(d.state.clone()).into()).done()
    }

    /// Confirms the mailed code for the admin account, which counts wrong codes over all
    /// sessions (F7): `admin` is the account to store after every call; `deviceToken` (a
    /// string to set as a cookie) and `rememberedAdmin` (that account remembering the
    /// device), when one was issued.
    #[wasm_bindgen(js_name = confirmCode, unchecked_return_type = "Decision<AdminSession>")]
    pub fn confirm_code(
        &self,
        code: &str,
        admin: &AdminAccount,
        now: f64,
        rules: &Rules,
    ) -> JsValue {
        let d = self.0.confirm_code(&admin.0, code, at(now), &rules.0);
        let (session, account) = d.state.clone();
        let out = Out::new(&d, AdminSession(session).into());
        let account = match &d.outcome {
            Ok(Some(token)) => {
                out.set("deviceToken", token.token.expose().into());
                let remembered = account.remember(token.record.clone());
                out.set("rememberedAdmin", AdminAccount(remembered.clone()).into());
                remembered
            }
            _ => account,
        };
        out.set("admin", AdminAccount(account).into());
        out.done()
    }

    /// A2: go on without extended rights.
    ///
    /// # Errors
    /// A `LoginError` (`LOGIN_STEP_OUT_OF_ORDER`).
    #[wasm_bindgen(js_name = continueWithoutExtendedRights)]
    pub fn continue_without_extended_rights(&self) -> Result<AdminSession, Error> {
        Ok(AdminSession(self.0.continue_without_extended_rights()?))
    }

    /// A4: the privacy notice is confirmed.
    ///
    /// # Errors
    /// A `LoginError` (`LOGIN_STEP_OUT_OF_ORDER`).
    #[wasm_bindgen(js_name = confirmPrivacyNotice)]
    pub fn confirm_privacy_notice(&self) -> Result<AdminSession, Error> {
        Ok(AdminSession(self.0.confirm_privacy_notice()?))
    }

    /// P7: the list of default PINs is acknowledged.
    ///
    /// # Errors
    /// A `LoginError` (`LOGIN_STEP_OUT_OF_ORDER`).
    #[wasm_bindgen(js_name = acknowledgeDefaultPins)]
    pub fn acknowledge_default_pins(&self) -> Result<AdminSession, Error> {
        Ok(AdminSession(self.0.acknowledge_default_pins()?))
    }
}
