//! The PBX base number, its extensions and the login identifiers built from them (N3–N6).
//!
//! Users log in with the full number of their extension, admins with the head number (the
//! base number plus the central answering point's digits). Both are typed nationally, as
//! digits only or with hyphens at the two places the seed names, so the split between base
//! number and extension digits never has to be guessed (N6).

use serde::{Deserialize, Serialize};

use super::{E164, ExtensionDigits, LoginIdError, NumberError, NumberPlan};

/// The number of a PBX without extension digits (`06131 62468`), split into the area code
/// as dialled nationally (`06131`) and the subscriber part (`62468`).
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "BaseNumberData")
)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaseNumber {
    e164: E164,
    area: String,
    subscriber: String,
    international: String,
}

impl BaseNumber {
    /// Reads the base number of a PBX as typed (`06131 62468`, `+49 6131 62468`). The area
    /// code is where the numbering plan's national format puts it.
    ///
    /// # Errors
    /// One family for every refusal: [`NumberError::NoAreaCode`] when the national format of
    /// the number has no area code group, the other [`NumberError`]s when it is not a valid
    /// number.
    ///
    /// # Examples
    /// ```
    /// use pbx_rules::{BaseNumber, NumberPlan};
    /// let base = BaseNumber::parse(&NumberPlan::germany(), "06131 62468")?;
    /// assert_eq!(base.area_code(), "06131");
    /// assert_eq!(base.subscriber(), "62468");
    /// # Ok::<(), pbx_rules::NumberError>(())
    /// ```
    pub fn parse(plan: &NumberPlan, typed: &str) -> Result<Self, NumberError> {
        let number = plan.normalize(typed)?;
        let national = number.national();
        let mut groups = national.split(' ');
        let area = groups.next().unwrap_or_default().to_owned();
        let subscriber: String = groups.collect();
        if subscriber.is_empty() || !area.starts_with('0') {
            return Err(NumberError::NoAreaCode);
        }
        Ok(Self {
            international: number.international(),
            e164: number.e164,
            area,
            subscriber,
        })
    }

    /// The area code as dialled nationally, trunk prefix included (`06131`).
    #[must_use]
    pub fn area_code(&self) -> &str {
        &self.area
    }

    /// The subscriber part of the base number (`62468`).
    #[must_use]
    pub fn subscriber(&self) -> &str {
        &self.subscriber
    }

    /// The base number in E.164 form (`+49613162468`).
    #[must_use]
    pub fn e164(&self) -> &E164 {
        &self.e164
    }

    /// The E.164 form of one extension (`+4961316246810`).
    ///
    /// # Errors
    /// [`LoginIdError::ExtensionTooLong`] when the whole would pass E.164's 15 digits.
    pub fn extension_e164(&self, digits: &ExtensionDigits) -> Result<E164, LoginIdError> {
        E164::parse(&format!("{}{}", self.e164, digits)).map_err(|_| LoginIdError::ExtensionTooLong)
    }

    /// The display form of an extension after E.123/DIN 5008 (`+49 6131 62468-10`, N3).
    #[must_use]
    pub fn display_extension(&self, digits: &ExtensionDigits) -> String {
        format!("{}-{}", self.international, digits)
    }

    /// The hyphenated login form of an extension (`06131-62468-10`, N4).
    #[must_use]
    pub fn login_form(&self, digits: &ExtensionDigits) -> String {
        format!("{}-{}-{}", self.area, self.subscriber, digits)
    }

    /// Reads a user's login identifier (N4) and returns the extension digits (N6):
    /// `061316246810` or `06131-62468-10`. White space around the input is ignored (forms
    /// paste it); inside it, only digits and the two hyphens are allowed.
    ///
    /// # Errors
    /// A [`LoginIdError`] naming what is wrong.
    ///
    /// # Examples
    /// ```
    /// use pbx_rules::{BaseNumber, NumberPlan};
    /// let base = BaseNumber::parse(&NumberPlan::germany(), "06131 62468")?;
    /// assert_eq!(base.user_login("06131-62468-10")?.as_str(), "10");
    /// assert_eq!(base.user_login("061316246810")?.as_str(), "10");
    /// assert!(base.user_login("0613162-468-10").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn user_login(&self, input: &str) -> Result<ExtensionDigits, LoginIdError> {
        let parts = self.split(input)?;
        match parts.as_slice() {
            [_] => self.extension_of(&parts.iter().copied().collect::<String>()),
            [area, subscriber, digits] if *area == self.area && *subscriber == self.subscriber => {
                ExtensionDigits::parse(digits)
            }
            _ => Err(self.bad_hyphens(None)),
        }
    }

    /// Reads an admin's login identifier (N5), which must be the head number: the base
    /// number plus `central` (`06131624680`, `06131-624680` or `06131-62468-0`).
    ///
    /// # Errors
    /// A [`LoginIdError`]; [`LoginIdError::NotHeadNumber`] for an extension's number.
    pub fn admin_login(&self, input: &str, central: &ExtensionDigits) -> Result<(), LoginIdError> {
        let parts = self.split(input)?;
        let digits = match parts.as_slice() {
            [_] => self.extension_of(&parts.iter().copied().collect::<String>())?,
            [area, rest] if *area == self.area && rest.starts_with(&self.subscriber) => {
                self.extension_of(&parts.iter().copied().collect::<String>())?
            }
            [area, subscriber, digits] if *area == self.area && *subscriber == self.subscriber => {
                ExtensionDigits::parse(digits)?
            }
            _ => return Err(self.bad_hyphens(Some(central))),
        };
        if digits == *central {
            Ok(())
        } else {
            Err(LoginIdError::NotHeadNumber {
                example: self.login_form(central),
            })
        }
    }

    /// Checks the characters and that the digits belong to this PBX, and splits at hyphens.
    fn split<'a>(&self, input: &'a str) -> Result<Vec<&'a str>, LoginIdError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(LoginIdError::Empty);
        }
        if let Some(character) = input.chars().find(|c| !c.is_ascii_digit() && *c != '-') {
            return Err(LoginIdError::BadCharacter { character });
        }
        let parts: Vec<&str> = input.split('-').collect();
        let digits = parts.iter().copied().collect::<String>();
        if !digits.starts_with(&format!("{}{}", self.area, self.subscriber)) {
            return Err(LoginIdError::OtherPbx);
        }
        if parts.iter().any(|p| p.is_empty()) {
            return Err(self.bad_hyphens(None));
        }
        Ok(parts)
    }

    /// The extension digits of a digits-only identifier that starts with this PBX.
    fn extension_of(&self, digits: &str) -> Result<ExtensionDigits, LoginIdError> {
        // `get`, not an index: the browser module carries no slicing panic (see engine/table.rs).
        let rest = digits
            .get(self.area.len() + self.subscriber.len()..)
            .unwrap_or_default();
        ExtensionDigits::parse(rest)
    }

    fn bad_hyphens(&self, central: Option<&ExtensionDigits>) -> LoginIdError {
        let example = match central {
            Some(central) => self.login_form(central),
            None => format!("{}-{}-…", self.area, self.subscriber),
        };
        LoginIdError::BadHyphens { example }
    }
}
