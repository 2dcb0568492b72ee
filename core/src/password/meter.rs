//! The strength meter (K2, K4): the zxcvbn score 0–4 of our own estimator (`guesses`) as
//! five colour levels, with feedback in German and English; German lists and keyboard
//! beside zxcvbn's English ones, the account's context as guessable inputs.

use serde::{Deserialize, Serialize};

use super::feedback::{self, Suggestion, Warning};
use super::guesses::{self, Pattern, WordList};
use crate::{Lang, PasswordPolicy, StrengthLevel};

/// The guessable inputs of K4 and whether the account has a second factor. It owns its
/// data, so a binding can hand one over as a plain record; [`PasswordContext::for_pbx`]
/// builds it from the master data.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass,
    pyo3::pyclass(module = "pbx_rules", frozen, get_all, eq, from_py_object)
)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordContext {
    /// The head number as stored or typed (`+4961316246800`, `06131-624680`).
    #[serde(default)]
    pub head_number: Option<String>,
    /// The company name from the master data.
    #[serde(default)]
    pub company_name: Option<String>,
    /// The admin contact email.
    #[serde(default)]
    pub admin_email: Option<String>,
    /// Whether the account uses a second factor (selects the shorter minimum under NIST).
    #[serde(default)]
    pub second_factor: bool,
}

impl PasswordContext {
    /// The K4 inputs of the PBX's master data: its head number, company name and admin
    /// e-mail address.
    #[cfg(feature = "lifecycle")]
    #[must_use]
    pub fn for_pbx(pbx: &crate::PbxMasterData, second_factor: bool) -> Self {
        Self {
            head_number: pbx.head_number().ok().map(|n| n.as_str().to_owned()),
            company_name: Some(pbx.company_name.clone().to_owned()).filter(|c| !c.is_empty()),
            admin_email: pbx.admin_email.clone(),
            second_factor,
        }
    }
}

/// What the meter says about a password (K2).
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, rename = "StrengthData")
)]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass,
    pyo3::pyclass(module = "pbx_rules", frozen, get_all, eq)
)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Strength {
    /// The colour.
    pub level: StrengthLevel,
    /// zxcvbn's score 0–4 (signed, so Kotlin and Java read a plain `int`).
    pub score: i32,
    /// log10 of zxcvbn's guess estimate.
    pub guesses_log10: f64,
    /// What is wrong, if anything (set for scores up to 2).
    pub warning: Option<Warning>,
    /// How to do better.
    pub suggestions: Vec<Suggestion>,
}

impl Strength {
    /// The warning in the given language.
    #[must_use]
    pub fn warning_text(&self, lang: Lang) -> Option<&'static str> {
        self.warning.map(|w| w.message(lang))
    }

    /// The suggestions in the given language.
    #[must_use]
    pub fn suggestion_texts(&self, lang: Lang) -> Vec<&'static str> {
        self.suggestions.iter().map(|s| s.message(lang)).collect()
    }

    /// Whether this strength meets the policy's minimum level (K2), the level below which
    /// a new password is refused with `PASSWORD_TOO_WEAK`: what a form asks to enable its
    /// save button.
    #[must_use]
    pub fn meets_minimum(&self, rules: &crate::Rules) -> bool {
        self.level.meets(rules.policy().password.min_level)
    }

    /// The warning's stable code (`top10_password`), for programs.
    #[must_use]
    pub fn warning_code(&self) -> Option<&'static str> {
        self.warning.map(Warning::code)
    }

    /// The suggestions' stable codes (`add_another_word`), for programs.
    #[must_use]
    pub fn suggestion_codes(&self) -> Vec<&'static str> {
        self.suggestions.iter().map(|s| s.code()).collect()
    }
}

/// A context word with where it came from.
pub(crate) struct ContextWord {
    pub(crate) word: String,
    pub(crate) kind: super::ContextKind,
}

/// The K4 inputs as lower-case words: the head number in its usual spellings, the company
/// name whole and word by word, the email whole, its local part and its parts, its domain.
pub(crate) fn context_words(ctx: &PasswordContext) -> Vec<ContextWord> {
    use super::ContextKind as K;
    let mut out = Vec::new();
    let mut push = |word: String, kind| {
        if word.chars().count() >= 3 && !out.iter().any(|c: &ContextWord| c.word == word) {
            out.push(ContextWord { word, kind });
        }
    };
    if let Some(head) = ctx.head_number.as_deref() {
        let digits: String = head.chars().filter(char::is_ascii_digit).collect();
        if let Some(national) = digits.strip_prefix("49") {
            push(format!("0{national}"), K::HeadNumber);
            push(national.to_owned(), K::HeadNumber);
        } else if let Some(rest) = digits.strip_prefix('0') {
            push(rest.to_owned(), K::HeadNumber);
        }
        push(digits, K::HeadNumber);
    }
    if let Some(company) = ctx.company_name.as_deref() {
        let lower = company.to_lowercase();
        push(
            lower.chars().filter(|c| c.is_alphanumeric()).collect(),
            K::CompanyName,
        );
        for word in lower.split(|c: char| !c.is_alphanumeric()) {
            push(word.to_owned(), K::CompanyName);
        }
    }
    if let Some(email) = ctx.admin_email.as_deref() {
        let lower = email.to_lowercase();
        push(lower.clone(), K::AdminEmail);
        if let Some((local, domain)) = lower.split_once('@') {
            push(local.to_owned(), K::AdminEmail);
            for part in local.split(['.', '_', '-', '+']) {
                push(part.to_owned(), K::AdminEmail);
            }
            if let Some((name, _tld)) = domain.rsplit_once('.') {
                for part in name.split(['.', '-']) {
                    push(part.to_owned(), K::AdminEmail);
                }
            }
        }
    }
    out
}

/// The meter's result plus what the blocklist needs.
pub(crate) struct Analysis {
    pub(crate) strength: Strength,
    /// Characters of the longest common-password or German-word match.
    pub(crate) longest_common: usize,
    /// Characters the meter looked at.
    pub(crate) chars: usize,
}

/// The part of the password the meter rates: all of it up to the policy's maximum length
/// (F8); K1 refuses anything longer before it is saved, and the cut bounds the meter's
/// time for any input. The policy's bounds keep the maximum within [`guesses::MAX_CHARS`]
/// (S6), so every character a saved password can have is rated; the `min` only guards a
/// policy that skipped its bounds check.
fn rated_part(password: &str, max_chars: usize) -> &str {
    password
        .char_indices()
        .nth(max_chars.min(guesses::MAX_CHARS))
        .map_or(password, |(at, _)| &password[..at])
}

pub(crate) fn analyse(password: &str, ctx: &PasswordContext, policy: &PasswordPolicy) -> Analysis {
    let rated = rated_part(password, policy.max_len);
    let context = context_words(ctx);
    let inputs: Vec<&str> = context.iter().map(|c| c.word.as_str()).collect();
    let options = guesses::Options {
        languages: guesses::Languages::EnglishGerman,
        reference_year: policy.meter_reference_year,
    };
    let estimate = guesses::estimate(rated, &inputs, &options);
    let chars = guesses::wiped_chars(rated, usize::MAX);
    let (warning, suggestions) = feedback::feedback(estimate.score, &estimate.sequence, &chars);
    let longest_common = estimate
        .sequence
        .iter()
        .filter(|m| {
            matches!(
                m.pattern,
                Pattern::Dictionary {
                    list: WordList::English(0) | WordList::German(_),
                    ..
                }
            )
        })
        .map(guesses::Match::len)
        .max()
        .unwrap_or(0);
    Analysis {
        strength: Strength {
            level: StrengthLevel::from_score(estimate.score),
            score: i32::from(estimate.score),
            guesses_log10: estimate.guesses_log10(),
            warning,
            suggestions,
        },
        longest_common,
        chars: chars.len(),
    }
}

/// Rates a password (K2) with the account's guessable inputs (K4), on zxcvbn's English and
/// the German lists and keyboards (see [`guesses`]). Every character up to the policy's
/// maximum length is rated, so every password K1 accepts is rated whole: the policy's
/// bounds keep that maximum within the meter's reach of [`guesses::MAX_CHARS`] (100)
/// characters (S6). Of longer input, which K1 refuses, the first `max_len` characters are
/// rated. Under an NFKC policy the meter rates the normalised text, as it will be saved.
///
/// No copy of the password outlives the call unwiped (S8): every buffer the meter fills
/// with it (the characters, the normalised and lower-cased text, the reversed text, the
/// l33t readings) is a `Zeroizing` buffer or wipes itself on drop, and is sized before it
/// is filled, so it never grows and leaves an old copy behind; the scoring helpers read
/// tokens where they lie. `core/tests/meter_wipe.rs` reads the process's memory after the
/// call to check it.
///
/// # Examples
/// ```
/// use pbx_rules::{Lang, PasswordContext, Rules, StrengthLevel, evaluate};
/// let rules = Rules::centrexx();
/// let weak = evaluate("Sommer2024", &PasswordContext::default(), &rules);
/// assert!(weak.level <= StrengthLevel::Orange);
/// let strong = evaluate("Kaffeetasse Nordwind Blaubeere", &PasswordContext::default(), &rules);
/// assert_eq!(strong.level, StrengthLevel::Green);
/// ```
#[must_use]
pub fn evaluate(password: &str, ctx: &PasswordContext, rules: &crate::Rules) -> Strength {
    rate(password, ctx, &rules.policy().password)
}

/// [`evaluate`] under the password section alone.
pub(crate) fn rate(password: &str, ctx: &PasswordContext, policy: &PasswordPolicy) -> Strength {
    // F10: both paths read a bounded prefix only (`rated_part`): the NFKC path normalises
    // at most four times the maximum length, the other rates at most the maximum.
    if policy.nfkc {
        use unicode_normalization::UnicodeNormalization;
        let rated = rated_part(password, policy.max_len.saturating_mul(4));
        // Sized exactly before it is filled: a growing buffer would leave unwiped copies.
        let bytes = rated.nfkc().map(char::len_utf8).sum();
        let mut normalised = zeroize::Zeroizing::new(String::with_capacity(bytes));
        normalised.extend(rated.nfkc());
        return analyse(&normalised, ctx, policy).strength;
    }
    analyse(password, ctx, policy).strength
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn level(pw: &str) -> StrengthLevel {
        rate(pw, &PasswordContext::default(), &PasswordPolicy::centrexx()).level
    }

    // K2
    #[test]
    fn k2_levels_follow_scores() {
        let all = [
            StrengthLevel::Red,
            StrengthLevel::Orange,
            StrengthLevel::Yellow,
            StrengthLevel::LightGreen,
            StrengthLevel::Green,
        ];
        for (score, want) in (0_u8..).zip(all) {
            assert_eq!(StrengthLevel::from_score(score), want);
        }
        assert_eq!(StrengthLevel::from_score(9), StrengthLevel::Green);
    }

    // K2: a strength meets the minimum level exactly when its colour is that level or
    // better, for every level the policy may ask for.
    #[test]
    fn k2_meets_minimum_follows_the_order_of_levels() {
        let order = [
            StrengthLevel::Red,
            StrengthLevel::Orange,
            StrengthLevel::Yellow,
            StrengthLevel::LightGreen,
            StrengthLevel::Green,
        ];
        let ctx = PasswordContext::default();
        let weak = evaluate("123456", &ctx, &crate::Rules::centrexx());
        let strong = evaluate(
            "Kl4vier-Mond-Gurke-Fenster",
            &ctx,
            &crate::Rules::centrexx(),
        );
        assert_eq!(
            (weak.level, strong.level),
            (StrengthLevel::Red, StrengthLevel::Green)
        );
        for (i, min) in order.iter().enumerate() {
            for (j, level) in order.iter().enumerate() {
                assert_eq!(level.meets(*min), j >= i, "{level:?} against {min:?}");
            }
            let mut policy = crate::Policy::centrexx();
            policy.password.min_level = *min;
            let rules = crate::Rules::new(policy).unwrap();
            assert_eq!(weak.meets_minimum(&rules), i == 0, "{min:?}");
            assert!(strong.meets_minimum(&rules), "{min:?}");
        }
        // The presets ask for yellow.
        assert!(!weak.meets_minimum(&crate::Rules::strict()));
    }

    // K2: common German passwords land on red or orange.
    #[test]
    fn k2_common_german_passwords_are_weak() {
        for pw in [
            "Passwort1",
            "passwort",
            "Sommer2024",
            "Hallo123!",
            "Schatz",
            "Hallo1234",
            "Fussball1",
            "Schatz123",
            "Geheim123",
            "Winter2023",
            "Schalke04",
            "Liebe123",
            "Passw0rt!",
            "Sonnenschein1",
        ] {
            assert!(level(pw) <= StrengthLevel::Orange, "{pw}: {:?}", level(pw));
        }
    }

    // K2: the German data makes a difference where zxcvbn's English lists do not know a word.
    #[test]
    fn k2_german_words_lower_the_score() {
        let policy = PasswordPolicy::centrexx();
        let english = guesses::Options {
            languages: guesses::Languages::English,
            reference_year: policy.meter_reference_year,
        };
        for pw in ["Sommer2024", "Schatz123", "Kuehlschrank7", "Schmetterling"] {
            let with = rate(pw, &PasswordContext::default(), &policy);
            let without = guesses::estimate(pw, &[], &english);
            assert!(with.guesses_log10 < without.guesses_log10(), "{pw}");
        }
    }

    // K4
    #[test]
    fn k4_context_words_lower_the_score() {
        let policy = PasswordPolicy::centrexx();
        let ctx = PasswordContext {
            head_number: Some("+4961316246800".into()),
            company_name: Some("Brezelbäckerei Kümmerle GmbH".into()),
            admin_email: Some("j.zwiebelmann@kuemmerle-mainz.de".into()),
            second_factor: false,
        };
        for pw in [
            "Kuemmerle!061316246800",
            "zwiebelmann#2001",
            "Brezelbäckerei7",
        ] {
            let with = rate(pw, &ctx, &policy);
            let without = rate(pw, &PasswordContext::default(), &policy);
            assert!(with.guesses_log10 < without.guesses_log10, "{pw}");
        }
        // Two pieces only: the context word carries the whole weight.
        for pw in [
            "zwiebelmann2001",
            "Brezelbäckerei7",
            "kuemmerle061316246800",
        ] {
            let with = rate(pw, &ctx, &policy);
            assert!(
                with.level <= StrengthLevel::Yellow,
                "{pw}: {:?}",
                with.level
            );
        }
    }

    // K2, F8: the whole password is rated up to the policy's maximum length, no further.
    #[test]
    fn k2_rated_part_is_the_whole_password_up_to_max_len() {
        assert_eq!(
            rated_part("Kaffeetasse Nordwind", 32),
            "Kaffeetasse Nordwind"
        );
        assert_eq!(rated_part(&"a".repeat(100), 32).len(), 32);
        assert_eq!(rated_part(&"ä".repeat(70), 64).chars().count(), 64);
        assert_eq!(rated_part("äöü", 32), "äöü");
        assert_eq!(rated_part(&"x".repeat(500), 500).len(), guesses::MAX_CHARS);
    }

    // F8: repeats of a common password are weak however long, up to the maximum length.
    #[test]
    fn f8_repeated_common_passwords_stay_weak() {
        let centrexx = PasswordPolicy::centrexx();
        let ctx = PasswordContext::default();
        let s = rate("W!nt3r2023W!nt3r2023W!nt3r2023", &ctx, &centrexx);
        assert!(s.level <= StrengthLevel::Yellow, "{s:?}");
        let strict = PasswordPolicy::strict();
        let long: String = "Schalke04".repeat(7).chars().take(63).collect();
        let s = rate(&long, &ctx, &strict);
        assert!(
            s.level < strict.min_level.max(StrengthLevel::LightGreen),
            "{s:?}"
        );
    }

    // K2: any string gets a result in bounded time: empty, NUL, lone combining marks, bidi
    // controls, a l33t storm, 10 MB.
    #[test]
    fn k2_bad_input_gets_a_result() {
        let huge = "x".repeat(10_000_000);
        let storm = "4@8({[<3691!|70$5+%2".repeat(4);
        let inputs = [
            "",
            "\0",
            "a\0b\0c\0d\0e",
            "\u{301}\u{301}\u{301}",
            "\u{202e}drowssap\u{202c}",
            "İstanbul ΣΟΦΙΑΣ",
            "19٣٤ ١٩٨٤",
            storm.as_str(),
            huge.as_str(),
        ];
        for policy in [PasswordPolicy::centrexx(), PasswordPolicy::strict()] {
            for pw in inputs {
                let start = std::time::Instant::now();
                let s = rate(pw, &PasswordContext::default(), &policy);
                assert!(s.score <= 4);
                assert!(start.elapsed().as_secs() < 5, "bounded: {} chars", pw.len());
            }
        }
        assert_eq!(level(""), StrengthLevel::Red);
    }

    // K2: feedback comes in both languages.
    #[test]
    fn k2_feedback_in_both_languages() {
        let s = rate(
            "Passwort1",
            &PasswordContext::default(),
            &PasswordPolicy::centrexx(),
        );
        let (de, en) = (s.warning_text(Lang::De), s.warning_text(Lang::En));
        assert!(de.is_some() && en.is_some() && de != en);
    }
}
