//! The strength meter (K2, K4): zxcvbn's score 0–4 as five colour levels, with feedback in
//! German and English, German words and the account's context as guessable inputs.

use serde::{Deserialize, Serialize};
use zxcvbn::matching::patterns::MatchPattern;

use super::feedback::{Suggestion, Warning};
use super::german;
use crate::{Lang, PasswordPolicy};

/// The five colours of the meter, from zxcvbn's score 0–4 (K2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StrengthLevel {
    /// Score 0: bad.
    Red,
    /// Score 1.
    Orange,
    /// Score 2: the least the seed saves.
    Yellow,
    /// Score 3.
    LightGreen,
    /// Score 4: very good, recommended.
    Green,
}

impl StrengthLevel {
    /// The level of a zxcvbn score; scores above 4 count as 4.
    #[must_use]
    pub fn from_score(score: u8) -> Self {
        match score {
            0 => Self::Red,
            1 => Self::Orange,
            2 => Self::Yellow,
            3 => Self::LightGreen,
            _ => Self::Green,
        }
    }

    /// The colour's name for a person.
    #[must_use]
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Red, Lang::De) => "rot",
            (Self::Orange, Lang::De) => "orange",
            (Self::Yellow, Lang::De) => "gelb",
            (Self::LightGreen, Lang::De) => "hellgrün",
            (Self::Green, Lang::De) => "grün",
            (Self::Red, Lang::En) => "red",
            (Self::Orange, Lang::En) => "orange",
            (Self::Yellow, Lang::En) => "yellow",
            (Self::LightGreen, Lang::En) => "light green",
            (Self::Green, Lang::En) => "green",
        }
    }
}

/// The guessable inputs of K4 and whether the account has a second factor.
#[derive(Clone, Copy, Debug, Default)]
pub struct PasswordContext<'a> {
    /// The head number as stored or typed (`+4961316246800`, `06131-624680`).
    pub head_number: Option<&'a str>,
    /// The company name from the master data.
    pub company_name: Option<&'a str>,
    /// The admin contact email.
    pub admin_email: Option<&'a str>,
    /// Whether the account uses a second factor (selects the shorter minimum under NIST).
    pub second_factor: bool,
}

/// What the meter says about a password (K2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Strength {
    /// The colour.
    pub level: StrengthLevel,
    /// zxcvbn's score 0–4.
    pub score: u8,
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
}

/// A context word with where it came from.
pub(crate) struct ContextWord {
    pub(crate) word: String,
    pub(crate) kind: super::ContextKind,
}

/// The K4 inputs as lower-case words: the head number in its usual spellings, the company
/// name whole and word by word, the email whole, its local part and its parts, its domain.
pub(crate) fn context_words(ctx: &PasswordContext<'_>) -> Vec<ContextWord> {
    use super::ContextKind as K;
    let mut out = Vec::new();
    let mut push = |word: String, kind| {
        if word.chars().count() >= 3 && !out.iter().any(|c: &ContextWord| c.word == word) {
            out.push(ContextWord { word, kind });
        }
    };
    if let Some(head) = ctx.head_number {
        let digits: String = head.chars().filter(char::is_ascii_digit).collect();
        if let Some(national) = digits.strip_prefix("49") {
            push(format!("0{national}"), K::HeadNumber);
            push(national.to_owned(), K::HeadNumber);
        } else if let Some(rest) = digits.strip_prefix('0') {
            push(rest.to_owned(), K::HeadNumber);
        }
        push(digits, K::HeadNumber);
    }
    if let Some(company) = ctx.company_name {
        let lower = company.to_lowercase();
        push(
            lower.chars().filter(|c| c.is_alphanumeric()).collect(),
            K::CompanyName,
        );
        for word in lower.split(|c: char| !c.is_alphanumeric()) {
            push(word.to_owned(), K::CompanyName);
        }
    }
    if let Some(email) = ctx.admin_email {
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

/// Characters zxcvbn substitutes in its l33t matching (its l33t table).
const L33T_CHARS: &str = "4@8({[<3691!|70$5+%2";

/// zxcvbn's dictionary work grows with the square of the length times the number of l33t
/// substitution tables. The meter stops reading where `length² × (1 + distinct l33t
/// characters)` would pass this budget: 32 characters with 3 distinct l33t characters, 21
/// with all of them. What it does not read can only add strength, so the cut errs on the
/// weak side and bounds the worst case.
const WORK_BUDGET: usize = 32 * 32 * 4;

/// The prefix the meter evaluates: at most `max_chars` characters, and within the budget.
fn meter_prefix(password: &str, max_chars: usize) -> &str {
    let mut seen = 0_u32;
    let mut end = password.len();
    for (n, (at, c)) in password.char_indices().enumerate() {
        if let Some(k) = L33T_CHARS.find(c) {
            seen |= 1 << k;
        }
        let distinct = seen.count_ones() as usize;
        if n >= max_chars || (n + 1) * (n + 1) * (1 + distinct) > WORK_BUDGET {
            end = at;
            break;
        }
    }
    &password[..end]
}

pub(crate) fn analyse(
    password: &str,
    ctx: &PasswordContext<'_>,
    policy: &PasswordPolicy,
) -> Analysis {
    let capped = meter_prefix(password, policy.meter_max_chars);
    let context = context_words(ctx);
    let german = german::words_in(capped);
    let inputs: Vec<&str> = context
        .iter()
        .map(|c| c.word.as_str())
        .chain(german.iter().copied())
        .collect();
    let entropy = zxcvbn::zxcvbn(capped, &inputs);
    let score = u8::from(entropy.score());
    let mut warning = entropy
        .feedback()
        .and_then(|f| f.warning())
        .map(Warning::from);
    let suggestions = entropy
        .feedback()
        .map(|f| {
            f.suggestions()
                .iter()
                .copied()
                .map(Suggestion::from)
                .collect()
        })
        .unwrap_or_default();
    let mut longest_common = 0;
    let mut saw_context = false;
    let mut saw_german = false;
    for m in entropy.sequence() {
        if let MatchPattern::Dictionary(d) = &m.pattern {
            // zxcvbn does not export its dictionary type, only its Debug name.
            let dictionary = format!("{:?}", d.dictionary_name);
            let user_input = dictionary == "UserInputs";
            let is_context = user_input && d.rank <= context.len();
            let is_german = user_input && !is_context;
            saw_context |= is_context;
            saw_german |= is_german;
            if dictionary == "Passwords" || is_german {
                longest_common = longest_common.max(m.token.chars().count());
            }
        }
    }
    if warning.is_none() && score <= 2 {
        if saw_context {
            warning = Some(Warning::ContextWord);
        } else if saw_german {
            warning = Some(Warning::CommonGermanWord);
        }
    }
    Analysis {
        strength: Strength {
            level: StrengthLevel::from_score(score),
            score,
            guesses_log10: entropy.guesses_log10(),
            warning,
            suggestions,
        },
        longest_common,
        chars: capped.chars().count(),
    }
}

/// Rates a password (K2) with the account's guessable inputs (K4) and German words. The
/// meter looks at the first `policy.meter_max_chars` characters at most, fewer when the
/// password is full of l33t characters (see `WORK_BUDGET`); what it does not read can only
/// add strength, and the cut bounds its time for any input. The copies this crate makes
/// (lower-cased, folded) are zeroized; zxcvbn's internal copies are not under our control.
/// Under an NFKC policy the meter rates the normalised text, as it will be saved.
///
/// # Examples
/// ```
/// use pbx_rules::{Lang, PasswordContext, PasswordPolicy, StrengthLevel, evaluate};
/// let policy = PasswordPolicy::centrexx();
/// let weak = evaluate("Sommer2024", &PasswordContext::default(), &policy);
/// assert!(weak.level <= StrengthLevel::Orange);
/// let strong = evaluate("Kaffeetasse Nordwind Blaubeere", &PasswordContext::default(), &policy);
/// assert_eq!(strong.level, StrengthLevel::Green);
/// ```
#[must_use]
pub fn evaluate(password: &str, ctx: &PasswordContext<'_>, policy: &PasswordPolicy) -> Strength {
    // F10: the meter reads at most `meter_max_chars` characters of the normalised text, and
    // no more typed ones than `input_cap` of one more can give those, so the rest is neither
    // normalised nor copied (the one extra keeps a composition cut at the end off them).
    let cap = super::typed::input_cap(policy.meter_max_chars.saturating_add(1), policy);
    let password = super::typed::prefix(password, cap);
    if policy.nfkc {
        use unicode_normalization::UnicodeNormalization;
        let normalised = zeroize::Zeroizing::new(password.nfkc().collect::<String>());
        return analyse(&normalised, ctx, policy).strength;
    }
    analyse(password, ctx, policy).strength
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn level(pw: &str) -> StrengthLevel {
        evaluate(pw, &PasswordContext::default(), &PasswordPolicy::centrexx()).level
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
        for pw in ["Sommer2024", "Schatz123", "Passwort1"] {
            let with = evaluate(pw, &PasswordContext::default(), &policy);
            let without = zxcvbn::zxcvbn(pw, &[]);
            assert!(with.guesses_log10 < without.guesses_log10(), "{pw}");
        }
    }

    // K4
    #[test]
    fn k4_context_words_lower_the_score() {
        let policy = PasswordPolicy::centrexx();
        let ctx = PasswordContext {
            head_number: Some("+4961316246800"),
            company_name: Some("Brezelbäckerei Kümmerle GmbH"),
            admin_email: Some("j.zwiebelmann@kuemmerle-mainz.de"),
            second_factor: false,
        };
        for pw in [
            "Kuemmerle!061316246800",
            "zwiebelmann#2001",
            "Brezelbäckerei7",
        ] {
            let with = evaluate(pw, &ctx, &policy);
            let without = evaluate(pw, &PasswordContext::default(), &policy);
            assert!(with.guesses_log10 < without.guesses_log10, "{pw}");
        }
        // Two pieces only: the context word carries the whole weight.
        for pw in [
            "zwiebelmann2001",
            "Brezelbäckerei7",
            "kuemmerle061316246800",
        ] {
            let with = evaluate(pw, &ctx, &policy);
            assert!(
                with.level <= StrengthLevel::Yellow,
                "{pw}: {:?}",
                with.level
            );
        }
    }

    // K2: the prefix rule cuts long and l33t-heavy input, never short plain input.
    #[test]
    fn k2_meter_prefix_is_bounded() {
        assert_eq!(
            meter_prefix("Kaffeetasse Nordwind", 32),
            "Kaffeetasse Nordwind"
        );
        assert_eq!(meter_prefix(&"a".repeat(100), 32).len(), 32);
        let leet = "@4@4@4@43$3$3$3$1!1!1!1!0000||||";
        let cut = meter_prefix(leet, 32);
        let distinct = L33T_CHARS.chars().filter(|c| cut.contains(*c)).count();
        assert!(cut.len() < 32, "{cut}");
        assert!(
            cut.len() * cut.len() * (1 + distinct) <= WORK_BUDGET,
            "{cut}"
        );
        assert_eq!(meter_prefix("äöü", 32), "äöü");
    }

    // K2: feedback comes in both languages.
    #[test]
    fn k2_feedback_in_both_languages() {
        let s = evaluate(
            "Passwort1",
            &PasswordContext::default(),
            &PasswordPolicy::centrexx(),
        );
        let (de, en) = (s.warning_text(Lang::De), s.warning_text(Lang::En));
        assert!(de.is_some() && en.is_some() && de != en);
    }
}
