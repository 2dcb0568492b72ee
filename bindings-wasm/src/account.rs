//! The account lifecycle for Node hosts: extension accounts, the admin login
//! steps, recovery. State objects are immutable handles that go to and from the core's JSON
//! (`toJson`, `fromJson`; `JSON.stringify` too). Every operation returns the core's
//! `Decision` as `{ state, effects, outcome: { ok } | { error } }` (TypeScript from the core's
//! types): the host saves `state` even on an error (a failed login counts) and carries out
//! `effects`. Values are in the core's JSON spelling; secrets are `Secret` handles. A login
//! opens a session (G11): a plain `SessionStamp` object the host keeps (`JSON.stringify`) and
//! hands to `checkSession` on every request. What a host reads about a state is its `view`:
//! the core's view record (`ExtensionAccountView`, …) as a plain object, so no fact of a
//! state needs an accessor here and a fact the core adds reaches JS without a change here.

use chrono::{DateTime, Utc};
use js_sys::{Date, Object};
use pbx_rules::{self as core, Json};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::{Error, plain, throwable};
use crate::policy::Rules;
use crate::record::{password_context, pin_context};
use crate::secret::secret;

/// A JS `Date` as the core's time (G1). An invalid `Date` (NaN) and times beyond chrono's
/// range clamp to its ends, so no input panics.
fn at(now: &Date) -> DateTime<Utc> {
    let ms = now.get_time();
    #[allow(clippy::cast_possible_truncation)]
    let time = DateTime::from_timestamp_millis(ms as i64).filter(|_| !ms.is_nan());
    time.unwrap_or(if ms > 0.0 {
        DateTime::<Utc>::MAX_UTC
    } else {
        DateTime::<Utc>::MIN_UTC
    })
}

fn digits(text: &str) -> Result<core::ExtensionDigits, Error> {
    Ok(core::ExtensionDigits::parse(text)?)
}

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a property on a plain object cannot fail.
    let _ = js_sys::Reflect::set(object, &key.into(), &value.into());
}

/// A decision as `{ state, effects, outcome }`: `state` and `ok` through the given
/// conversions, secrets in effects as `Secret` handles, an error as a JS `Error`.
fn decision<S, T>(
    d: core::Decision<S, T>,
    state: impl FnOnce(S) -> JsValue,
    ok: impl FnOnce(T) -> JsValue,
) -> JsValue {
    let (out, outcome) = (Object::new(), Object::new());
    set(&out, "state", state(d.state));
    set(
        &out,
        "effects",
        d.effects.iter().map(effect).collect::<js_sys::Array>(),
    );
    match d.outcome {
        Ok(value) => set(&outcome, "ok", ok(value)),
        Err(e) => set(&outcome, "error", throwable(&e)),
    }
    set(&out, "outcome", outcome);
    out.into()
}

/// An effect in the core's spelling, its secret as a `Secret` handle.
fn effect(e: &core::Effect) -> JsValue {
    let js = plain(e);
    let plaintext = match e {
        core::Effect::SendSecret { secret, .. } => Some(("secret", secret.expose())),
        core::Effect::SyncPin { pin, .. } => Some(("pin", pin.expose())),
        _ => None,
    };
    if let (Some((key, text)), Ok(object)) = (plaintext, js.clone().dyn_into::<Object>()) {
        set(&object, key, secret(text));
    }
    js
}

/// A state handle: the core value inside, its JSON out and in.
macro_rules! handle {
    ($(#[$doc:meta])* $name:ident($core:ty)) => {
        $(#[$doc])*
        #[wasm_bindgen]
        #[derive(Clone)]
        pub struct $name($core);

        #[wasm_bindgen]
        impl $name {
            /// The core's JSON, the same in every language: what the host stores.
            #[wasm_bindgen(js_name = toJson)]
            pub fn to_json(&self) -> String {
                self.0.to_json()
            }

            /// Reads stored JSON (an older version is upgraded).
            ///
            /// # Errors
            /// `STATE_MALFORMED` or `STATE_VERSION_NEWER` (`StateError`).
            #[wasm_bindgen(js_name = fromJson)]
            pub fn from_json(text: &str) -> Result<$name, Error> {
                Ok($name(Json::from_json(text)?))
            }

            /// The stored JSON as an object, for `JSON.stringify`.
            #[wasm_bindgen(js_name = toJSON)]
            pub fn to_json_value(&self) -> JsValue {
                js_sys::JSON::parse(&self.0.to_json()).unwrap_or(JsValue::NULL)
            }
        }
    };
}

handle!(
    /// One extension's account: PIN hash, origin and age, failed logins (P2–P9, G5).
    ExtensionAccount(core::ExtensionAccount)
);
handle!(
    /// The admin account: password hash, when it takes effect, remembered devices (K3, K5, A2).
    AdminAccount(core::AdminAccount)
);
handle!(
    /// The admin's login steps (A2, A4), and then the admin's session (G11).
    AdminSession(core::AdminSession)
);
handle!(
    /// The PBX master data the lifecycle reads (B1, R1–R3).
    Pbx(core::PbxMasterData)
);
handle!(
    /// One extension's master data as recovery and the mobile app read it (B5, R2, P8).
    ExtensionMaster(core::ExtensionMasterData)
);
handle!(
    /// A browser the admin let skip the second factor (A2), kept in the admin account.
    RememberedDevice(core::RememberedDevice)
);

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

    /// The core's JSON of the actor as a plain object (`ActorData`, tagged by `role`): what
    /// `JSON.stringify(actor)` writes.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json_value(&self) -> tsify::Ts<core::Actor> {
        tsify::Ts::new_unchecked(plain(&self.0))
    }
}

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
        let plan = core::NumberPlan::new(region)?;
        let base = core::BaseNumber::parse(&plan, base_number)?;
        let backup = core::E164::parse(central_backup_number)?;
        let mut pbx = core::PbxMasterData::new(base, digits(central_digits)?, backup);
        pbx.company_name = company_name.to_owned();
        pbx.admin_email = admin_email;
        Ok(Pbx(pbx))
    }

    /// Every field and the head number (N5), the core's `PbxMasterDataView`.
    #[wasm_bindgen(unchecked_return_type = "PbxMasterDataView")]
    pub fn view(&self) -> JsValue {
        plain(&self.0.view())
    }

    /// The head number in E.164 (N5). Kept beside the view, whose `head_number` is `null`
    /// when the number would pass E.164's 15 digits: this says why, as a typed error.
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

    /// Every field, the core's `ExtensionMasterDataView`.
    #[wasm_bindgen(unchecked_return_type = "ExtensionMasterDataView")]
    pub fn view(&self) -> JsValue {
        plain(&self.0.view())
    }
}

#[wasm_bindgen]
impl RememberedDevice {
    /// What a host may list of the browser (its expiry), the core's `RememberedDeviceView`:
    /// neither the token's id nor its hash.
    #[wasm_bindgen(unchecked_return_type = "RememberedDeviceView")]
    pub fn view(&self) -> JsValue {
        plain(&self.0.view())
    }
}

/// P3: what the master data tells about the extension's user (its digits, full number and
/// names), the core's `PinContext`.
#[wasm_bindgen(js_name = pinContextForExtension, unchecked_return_type = "PinContext")]
pub fn pin_context_for_extension(pbx: &Pbx, master: &ExtensionMaster) -> JsValue {
    plain(&core::PinContext::for_extension(&pbx.0, &master.0))
}

/// K4: the PBX's head number, company name and admin e-mail, and the second factor, the
/// core's `PasswordContext`.
#[wasm_bindgen(js_name = passwordContextForPbx, unchecked_return_type = "PasswordContext")]
pub fn password_context_for_pbx(pbx: &Pbx, second_factor: bool) -> JsValue {
    plain(&core::PasswordContext::for_pbx(&pbx.0, second_factor))
}

/// The state of an account decision as its handle.
fn account_handle(a: core::ExtensionAccount) -> JsValue {
    ExtensionAccount(a).into()
}

/// An outcome in the core's spelling.
fn value<T: Serialize>(t: T) -> JsValue {
    plain(&t)
}

/// A kept `SessionStamp` object read through the core's JSON (`Json::from_json`), as stored
/// state is: `STATE_MALFORMED` for anything else.
fn read_stamp(js: &JsValue) -> Result<core::SessionStamp, Error> {
    let text = js_sys::JSON::stringify(js).ok().and_then(|t| t.as_string());
    let text = text.ok_or_else(crate::error::malformed)?;
    Ok(core::SessionStamp::from_json(&text)?)
}

/// `{ account, initial_pin }` of a new extension, the PIN as a `Secret` or `null`.
fn created(c: core::Created) -> JsValue {
    let out = Object::new();
    set(&out, "account", ExtensionAccount(c.account));
    let pin = c.initial_pin.map(|p| secret(p.expose()));
    set(&out, "initial_pin", pin.unwrap_or(JsValue::NULL));
    out.into()
}

#[wasm_bindgen]
impl ExtensionAccount {
    /// A new extension (P2): `{ account, initial_pin }`; `initial_pin` is the random first
    /// PIN to hand to the user once, `null` when the default PIN applies.
    ///
    /// # Errors
    /// A `LoginIdError`, `GenerateError` or `HashError`.
    #[wasm_bindgen(unchecked_return_type = "Created")]
    pub fn create(extension: &str, now: &Date, rules: &Rules) -> Result<JsValue, Error> {
        let c = core::ExtensionAccount::create(digits(extension)?, at(now), &rules.0)?;
        Ok(created(c))
    }

    /// A new extension with a PIN the admin chose, in one hash (P1, P4): it counts as set by
    /// the admin (P5), so the user must change it at the next login. `{ account, initial_pin:
    /// null }`.
    ///
    /// # Errors
    /// A `LoginIdError`, a `PinError` for a PIN that breaks P1, or a `HashError`.
    #[wasm_bindgen(js_name = createWithPin, unchecked_return_type = "Created")]
    pub fn create_with_pin(
        extension: &str,
        pin: &str,
        now: &Date,
        rules: &Rules,
    ) -> Result<JsValue, Error> {
        let c =
            core::ExtensionAccount::create_with_pin(digits(extension)?, pin, at(now), &rules.0)?;
        Ok(created(c))
    }

    /// The account as seen at `now` under `rules`, the core's `ExtensionAccountView`: the
    /// revision to compare and swap on (I5), the PIN's origin, age and deadline, whether it
    /// expired or the login is locked at `now` (P5, G5), the failed logins. No hash.
    #[wasm_bindgen(unchecked_return_type = "ExtensionAccountView")]
    pub fn view(&self, now: &Date, rules: &Rules) -> JsValue {
        plain(&self.0.view(at(now), &rules.0))
    }

    /// A user login (P5, P6, G5); `ok.session` is the session it opened (G11).
    #[wasm_bindgen(unchecked_return_type = "Decision<ExtensionAccount, UserLogin>")]
    pub fn login(&self, pin: &str, now: &Date, rules: &Rules) -> JsValue {
        decision(self.0.login(pin, at(now), &rules.0), account_handle, value)
    }

    /// A PIN change by its user (P3, P6, P9), with what the trivial-PIN checks may know
    /// about the user (`pinContextForExtension`, or `{}`).
    ///
    /// # Errors
    /// `STATE_MALFORMED` for a context of the wrong shape, a `NumberError`
    /// (`NUMBER_NOT_E164`) for a `phone_number` not in E.164 form; the account is unchanged.
    #[wasm_bindgen(
        js_name = changePin,
        unchecked_return_type = "Decision<ExtensionAccount, PinChanged>"
    )]
    #[allow(clippy::too_many_arguments)]
    pub fn change_pin(
        &self,
        actor: &Actor,
        old: &str,
        new: &str,
        confirmation: &str,
        #[wasm_bindgen(unchecked_param_type = "PinContext")] context: JsValue,
        now: &Date,
        rules: &Rules,
    ) -> Result<JsValue, Error> {
        let form = core::ChangeForm {
            old,
            new,
            confirmation,
        };
        let ctx = pin_context(&context)?;
        let d = self.0.change_pin(&actor.0, form, &ctx, at(now), &rules.0);
        Ok(decision(d, account_handle, value))
    }

    /// The admin sets a PIN (P4).
    #[wasm_bindgen(
        js_name = setPinByAdmin,
        unchecked_return_type = "Decision<ExtensionAccount, null>"
    )]
    pub fn set_pin_by_admin(
        &self,
        actor: &Actor,
        pin: &str,
        confirmation: &str,
        now: &Date,
        rules: &Rules,
    ) -> JsValue {
        let d = self
            .0
            .set_pin_by_admin(&actor.0, pin, confirmation, at(now), &rules.0);
        decision(d, account_handle, value)
    }

    /// A mobile-app login (P8); `ok` is the session it opened (G11).
    #[wasm_bindgen(
        js_name = mobileLogin,
        unchecked_return_type = "Decision<ExtensionAccount, SessionStamp>"
    )]
    pub fn mobile_login(
        &self,
        master: &ExtensionMaster,
        pin: &str,
        now: &Date,
        rules: &Rules,
    ) -> JsValue {
        let d = self.0.mobile_login(&master.0, pin, at(now), &rules.0);
        decision(d, account_handle, value)
    }

    /// Whether a session this account's login opened still holds (G11): the stamp to keep
    /// in its place (it records this request for the idle limit).
    ///
    /// # Errors
    /// A `SessionError` once the PIN changed, the account is locked or a time limit passed;
    /// `STATE_MALFORMED` for a value that is no stamp.
    #[wasm_bindgen(js_name = checkSession, unchecked_return_type = "SessionStamp")]
    pub fn check_session(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SessionStamp")] stamp: JsValue,
        now: &Date,
        rules: &Rules,
    ) -> Result<JsValue, Error> {
        let stamp = read_stamp(&stamp)?;
        Ok(plain(&self.0.check_session(&stamp, at(now), &rules.0)?))
    }
}

/// Forgot PIN (R2): `state` is the new account, or `null` for an unknown extension.
#[wasm_bindgen(
    js_name = forgotPin,
    unchecked_return_type = "Decision<ExtensionAccount | null, null>"
)]
pub fn forgot_pin(
    pbx: &Pbx,
    master: Option<ExtensionMaster>,
    account: Option<ExtensionAccount>,
    now: &Date,
    rules: &Rules,
) -> JsValue {
    let pair = master.as_ref().zip(account.as_ref());
    let d = core::forgot_pin(&pbx.0, pair.map(|(m, a)| (&m.0, &a.0)), at(now), &rules.0);
    decision(d, |s| s.map_or(JsValue::NULL, account_handle), value)
}

#[wasm_bindgen]
impl AdminAccount {
    /// A new admin account with a password that passes K1.
    ///
    /// # Errors
    /// A `PasswordError` or `HashError`.
    pub fn create(password: &str, now: &Date, rules: &Rules) -> Result<AdminAccount, Error> {
        let account = core::AdminAccount::create(password, at(now), &rules.0)?;
        Ok(AdminAccount(account))
    }

    /// Admin login (A1, A2, A4, K5): the session on success.
    ///
    /// # Errors
    /// A `LoginIdError` for invalid digits in `default_pin_extensions`.
    #[wasm_bindgen(unchecked_return_type = "Decision<AdminAccount, AdminSession>")]
    pub fn login(
        &self,
        password: &str,
        device_token: Option<String>,
        default_pin_extensions: Vec<String>,
        now: &Date,
        rules: &Rules,
    ) -> Result<JsValue, Error> {
        let defaults = default_pin_extensions.iter().map(|d| digits(d));
        let defaults = defaults.collect::<Result<_, _>>()?;
        let token = device_token.as_deref();
        let d = self.0.login(password, token, defaults, at(now), &rules.0);
        Ok(decision(d, admin_handle, |s| AdminSession(s).into()))
    }

    /// The admin's password change (K3, K5) with the PBX's guessable inputs
    /// (`passwordContextForPbx`).
    ///
    /// # Errors
    /// `STATE_MALFORMED` for a context of the wrong shape.
    #[wasm_bindgen(
        js_name = changePassword,
        unchecked_return_type = "Decision<AdminAccount, PasswordChanged>"
    )]
    pub fn change_password(
        &self,
        old: &str,
        new: &str,
        confirmation: &str,
        #[wasm_bindgen(unchecked_param_type = "PasswordContext")] context: JsValue,
        now: &Date,
        rules: &Rules,
    ) -> Result<JsValue, Error> {
        let form = core::ChangeForm {
            old,
            new,
            confirmation,
        };
        let ctx = password_context(&context)?;
        let d = self.0.change_password(form, &ctx, at(now), &rules.0);
        Ok(decision(d, admin_handle, value))
    }

    /// The account remembering a browser (A2), from `confirmCode`'s `ok.record`.
    pub fn remember(&self, device: &RememberedDevice) -> AdminAccount {
        AdminAccount(self.0.remember(device.0.clone()))
    }

    /// The account as seen at `now` under `rules`, the core's `AdminAccountView`: the
    /// revision (I5), when the password takes effect (K5), the failed logins and codes and
    /// whether they locked it (G5, F7), the remembered browsers (A2). No hash.
    #[wasm_bindgen(unchecked_return_type = "AdminAccountView")]
    pub fn view(&self, now: &Date, rules: &Rules) -> JsValue {
        plain(&self.0.view(at(now), &rules.0))
    }

    /// Whether an admin session still holds (G11): the session to store in its place (it
    /// records this request for the idle limit).
    ///
    /// # Errors
    /// A `SessionError` once the password changed, the account is locked or a time limit
    /// passed.
    #[wasm_bindgen(js_name = checkSession)]
    pub fn check_session(
        &self,
        session: &AdminSession,
        now: &Date,
        rules: &Rules,
    ) -> Result<AdminSession, Error> {
        let checked = self.0.check_session(&session.0, at(now), &rules.0)?;
        Ok(AdminSession(checked))
    }
}

fn admin_handle(a: core::AdminAccount) -> JsValue {
    AdminAccount(a).into()
}

/// Forgot password (R1): `state` is the new admin account, or `null`.
#[wasm_bindgen(
    js_name = forgotPassword,
    unchecked_return_type = "Decision<AdminAccount | null, null>"
)]
pub fn forgot_password(
    head_number: &str,
    pbx: &Pbx,
    admin: &AdminAccount,
    now: &Date,
    rules: &Rules,
) -> JsValue {
    let d = core::forgot_password(head_number, Some((&pbx.0, &admin.0)), at(now), &rules.0);
    decision(d, |s| s.map_or(JsValue::NULL, admin_handle), value)
}

#[wasm_bindgen]
impl AdminSession {
    /// The login as it stands, the core's `AdminSessionView`: the revision (I5), the step
    /// (`second_factor`, `privacy_notice`, …), extended rights (A3), the extensions still on
    /// the default PIN (P7), wrong codes (F7) and the session's stamp (G11).
    #[wasm_bindgen(unchecked_return_type = "AdminSessionView")]
    pub fn view(&self) -> JsValue {
        plain(&self.0.view())
    }

    /// Mails a code for extended rights (A2); none that the PBX's `admin` account could not
    /// accept (its wrong codes locked it, or its throttle waits past the code's lifetime).
    #[wasm_bindgen(
        js_name = requestCode,
        unchecked_return_type = "Decision<AdminSession, null>"
    )]
    pub fn request_code(
        &self,
        admin: &AdminAccount,
        admin_email: Option<String>,
        now: &Date,
        rules: &Rules,
    ) -> JsValue {
        let email = admin_email.as_deref();
        let d = self.0.request_code(&admin.0, email, at(now), &rules.0);
        decision(d, |s| AdminSession(s).into(), value)
    }

    /// Confirms the mailed code against the admin account, which counts wrong codes over
    /// all sessions (F7). `state` is `[session, admin]`, both to store; `ok` is a device
    /// token (`token` for the cookie, `record` for `admin.remember`) or `null`.
    #[wasm_bindgen(
        js_name = confirmCode,
        unchecked_return_type = "Decision<[AdminSession, AdminAccount], DeviceToken | null>"
    )]
    pub fn confirm_code(
        &self,
        code: &str,
        admin: &AdminAccount,
        now: &Date,
        rules: &Rules,
    ) -> JsValue {
        let d = self.0.confirm_code(&admin.0, code, at(now), &rules.0);
        let pair = |(s, a)| {
            [AdminSession(s).into(), admin_handle(a)]
                .iter()
                .collect::<js_sys::Array>()
                .into()
        };
        decision(d, pair, |token| {
            let Some(t) = token else { return JsValue::NULL };
            let out = Object::new();
            set(&out, "token", secret(t.token.expose()));
            set(&out, "record", RememberedDevice(t.record));
            out.into()
        })
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
