//! The meter's feedback in German and English (K2).
//!
//! [`Warning`] and [`Suggestion`] are zxcvbn's feedback (the crate 3.1's enums one to one,
//! checked by a test against the crate), plus two warnings of our own for what zxcvbn
//! does not know (German words, K4 context words). Each has a stable snake_case `code()`
//! for programs; the texts are for people. The German texts were written for this crate,
//! with the translations of `@zxcvbn-ts/language-de` (MIT) as a reference.
//!
//! [`feedback`] picks them as zxcvbn's `get_feedback` does: nothing from score 3 on;
//! otherwise from the longest match of the sequence, with "add another word" first.

use serde::{Deserialize, Serialize};

use super::guesses::{Match, Pattern, WordList};
use crate::Lang;

/// What is wrong with a password, in a sentence.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass_enum(module = "pbx_rules", skip_stub_type)
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum Warning {
    StraightRowsOfKeys,
    ShortKeyboardPatterns,
    RepeatsLikeAaa,
    RepeatsLikeAbcAbc,
    Top10Password,
    Top100Password,
    CommonPassword,
    SimilarToCommonPassword,
    SequencesLikeAbc,
    RecentYears,
    WordByItself,
    Dates,
    NamesByThemselves,
    CommonNames,
    /// A common German word or name (our German data).
    CommonGermanWord,
    /// The head number, company name or admin email (K4).
    ContextWord,
}

/// How to choose a better password, in a sentence.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass_enum(module = "pbx_rules", skip_stub_type)
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum Suggestion {
    UseAFewWords,
    NoNeedForSymbols,
    AddAnotherWord,
    CapitalizationDoesntHelp,
    AllUppercase,
    ReversedWords,
    PredictableSubstitutions,
    LongerKeyboardPattern,
    AvoidRepeats,
    AvoidSequences,
    AvoidRecentYears,
    AvoidAssociatedYears,
    AvoidAssociatedDates,
}

impl Warning {
    /// Every variant, in declaration order.
    pub const ALL: [Self; 16] = [
        Self::StraightRowsOfKeys,
        Self::ShortKeyboardPatterns,
        Self::RepeatsLikeAaa,
        Self::RepeatsLikeAbcAbc,
        Self::Top10Password,
        Self::Top100Password,
        Self::CommonPassword,
        Self::SimilarToCommonPassword,
        Self::SequencesLikeAbc,
        Self::RecentYears,
        Self::WordByItself,
        Self::Dates,
        Self::NamesByThemselves,
        Self::CommonNames,
        Self::CommonGermanWord,
        Self::ContextWord,
    ];

    /// The stable machine code (`snake_case`), the same in every binding.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::StraightRowsOfKeys => "straight_rows_of_keys",
            Self::ShortKeyboardPatterns => "short_keyboard_patterns",
            Self::RepeatsLikeAaa => "repeats_like_aaa",
            Self::RepeatsLikeAbcAbc => "repeats_like_abc_abc",
            Self::Top10Password => "top10_password",
            Self::Top100Password => "top100_password",
            Self::CommonPassword => "common_password",
            Self::SimilarToCommonPassword => "similar_to_common_password",
            Self::SequencesLikeAbc => "sequences_like_abc",
            Self::RecentYears => "recent_years",
            Self::WordByItself => "word_by_itself",
            Self::Dates => "dates",
            Self::NamesByThemselves => "names_by_themselves",
            Self::CommonNames => "common_names",
            Self::CommonGermanWord => "common_german_word",
            Self::ContextWord => "context_word",
        }
    }

    /// The sentence in the given language.
    #[must_use]
    pub fn message(self, lang: Lang) -> &'static str {
        let (en, de) = match self {
            Self::StraightRowsOfKeys => (
                "Straight rows of keys are easy to guess.",
                "Gerade Tastenreihen sind leicht zu erraten.",
            ),
            Self::ShortKeyboardPatterns => (
                "Short keyboard patterns are easy to guess.",
                "Kurze Tastaturmuster sind leicht zu erraten.",
            ),
            Self::RepeatsLikeAaa => (
                "Repeats like \"aaa\" are easy to guess.",
                "Wiederholungen wie \"aaa\" sind leicht zu erraten.",
            ),
            Self::RepeatsLikeAbcAbc => (
                "Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\".",
                "Wiederholungen wie \"abcabcabc\" sind kaum schwerer zu erraten als \"abc\".",
            ),
            Self::Top10Password => (
                "This is a top-10 common password.",
                "Dies ist eines der zehn häufigsten Passwörter.",
            ),
            Self::Top100Password => (
                "This is a top-100 common password.",
                "Dies ist eines der hundert häufigsten Passwörter.",
            ),
            Self::CommonPassword => (
                "This is a very common password.",
                "Dies ist ein sehr häufig verwendetes Passwort.",
            ),
            Self::SimilarToCommonPassword => (
                "This is similar to a commonly used password.",
                "Dies ähnelt einem häufig verwendeten Passwort.",
            ),
            Self::SequencesLikeAbc => (
                "Sequences like abc or 6543 are easy to guess.",
                "Folgen wie abc oder 6543 sind leicht zu erraten.",
            ),
            Self::RecentYears => (
                "Recent years are easy to guess.",
                "Jahreszahlen der letzten Jahre sind leicht zu erraten.",
            ),
            Self::WordByItself => (
                "A word by itself is easy to guess.",
                "Ein einzelnes Wort ist leicht zu erraten.",
            ),
            Self::Dates => (
                "Dates are often easy to guess.",
                "Ein Datum ist oft leicht zu erraten.",
            ),
            Self::NamesByThemselves => (
                "Names and surnames by themselves are easy to guess.",
                "Vor- und Nachnamen allein sind leicht zu erraten.",
            ),
            Self::CommonNames => (
                "Common names and surnames are easy to guess.",
                "Häufige Vor- und Nachnamen sind leicht zu erraten.",
            ),
            Self::CommonGermanWord => (
                "Common German words are easy to guess.",
                "Häufige deutsche Wörter sind leicht zu erraten.",
            ),
            Self::ContextWord => (
                "The head number, company name or email address are easy to guess.",
                "Kopfnummer, Firmenname oder E-Mail-Adresse sind leicht zu erraten.",
            ),
        };
        match lang {
            Lang::En => en,
            Lang::De => de,
        }
    }
}

impl Suggestion {
    /// Every variant, in declaration order.
    pub const ALL: [Self; 13] = [
        Self::UseAFewWords,
        Self::NoNeedForSymbols,
        Self::AddAnotherWord,
        Self::CapitalizationDoesntHelp,
        Self::AllUppercase,
        Self::ReversedWords,
        Self::PredictableSubstitutions,
        Self::LongerKeyboardPattern,
        Self::AvoidRepeats,
        Self::AvoidSequences,
        Self::AvoidRecentYears,
        Self::AvoidAssociatedYears,
        Self::AvoidAssociatedDates,
    ];

    /// The stable machine code (`snake_case`), the same in every binding.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::UseAFewWords => "use_a_few_words",
            Self::NoNeedForSymbols => "no_need_for_symbols",
            Self::AddAnotherWord => "add_another_word",
            Self::CapitalizationDoesntHelp => "capitalization_doesnt_help",
            Self::AllUppercase => "all_uppercase",
            Self::ReversedWords => "reversed_words",
            Self::PredictableSubstitutions => "predictable_substitutions",
            Self::LongerKeyboardPattern => "longer_keyboard_pattern",
            Self::AvoidRepeats => "avoid_repeats",
            Self::AvoidSequences => "avoid_sequences",
            Self::AvoidRecentYears => "avoid_recent_years",
            Self::AvoidAssociatedYears => "avoid_associated_years",
            Self::AvoidAssociatedDates => "avoid_associated_dates",
        }
    }

    /// The sentence in the given language.
    #[must_use]
    pub fn message(self, lang: Lang) -> &'static str {
        let (en, de) = match self {
            Self::UseAFewWords => (
                "Use a few words, avoid common phrases.",
                "Verwenden Sie mehrere Wörter, aber keine gängigen Redewendungen.",
            ),
            Self::NoNeedForSymbols => (
                "No need for symbols, digits, or uppercase letters.",
                "Sonderzeichen, Ziffern oder Großbuchstaben sind nicht nötig.",
            ),
            Self::AddAnotherWord => (
                "Add another word or two. Uncommon words are better.",
                "Fügen Sie ein oder zwei weitere Wörter hinzu. Seltene Wörter sind besser.",
            ),
            Self::CapitalizationDoesntHelp => (
                "Capitalization doesn't help very much.",
                "Großschreibung hilft nicht viel.",
            ),
            Self::AllUppercase => (
                "All-uppercase is almost as easy to guess as all-lowercase.",
                "Nur Großbuchstaben sind fast so leicht zu erraten wie nur Kleinbuchstaben.",
            ),
            Self::ReversedWords => (
                "Reversed words aren't much harder to guess.",
                "Rückwärts geschriebene Wörter sind kaum schwerer zu erraten.",
            ),
            Self::PredictableSubstitutions => (
                "Predictable substitutions like '@' instead of 'a' don't help very much.",
                "Vorhersehbare Ersetzungen wie '@' statt 'a' helfen nicht viel.",
            ),
            Self::LongerKeyboardPattern => (
                "Use a longer keyboard pattern with more turns.",
                "Verwenden Sie ein längeres Tastaturmuster mit mehr Richtungswechseln.",
            ),
            Self::AvoidRepeats => (
                "Avoid repeated words and characters.",
                "Vermeiden Sie wiederholte Wörter und Zeichen.",
            ),
            Self::AvoidSequences => ("Avoid sequences.", "Vermeiden Sie Zeichenfolgen."),
            Self::AvoidRecentYears => (
                "Avoid recent years.",
                "Vermeiden Sie Jahreszahlen der letzten Jahre.",
            ),
            Self::AvoidAssociatedYears => (
                "Avoid years that are associated with you.",
                "Vermeiden Sie Jahreszahlen, die mit Ihnen zu tun haben.",
            ),
            Self::AvoidAssociatedDates => (
                "Avoid dates and years that are associated with you.",
                "Vermeiden Sie Daten und Jahreszahlen, die mit Ihnen zu tun haben.",
            ),
        };
        match lang {
            Lang::En => en,
            Lang::De => de,
        }
    }
}

/// zxcvbn's feedback for a score and the sequence behind it: none from score 3 on; the
/// default advice for an empty password; otherwise what the longest match (the last of
/// equally long ones) calls for, with "add another word" first. Where zxcvbn has no
/// warning, a German word or a K4 context word in the sequence gives ours.
pub(crate) fn feedback(
    score: u8,
    sequence: &[Match],
    chars: &[char],
) -> (Option<Warning>, Vec<Suggestion>) {
    if sequence.is_empty() {
        return (
            None,
            vec![Suggestion::UseAFewWords, Suggestion::NoNeedForSymbols],
        );
    }
    if score >= 3 {
        return (None, Vec::new());
    }
    let Some(longest) = sequence.iter().max_by_key(|m| m.len()) else {
        return (None, Vec::new());
    };
    let token = chars.get(longest.i..=longest.j).unwrap_or_default();
    let (mut warning, mut suggestions) = for_match(longest, token, sequence.len() == 1);
    suggestions.insert(0, Suggestion::AddAnotherWord);
    if warning.is_none() {
        warning = ours(sequence);
    }
    (warning, suggestions)
}

/// Our warnings for inputs zxcvbn does not have: a K4 context word, a German word.
fn ours(sequence: &[Match]) -> Option<Warning> {
    let lists = || {
        sequence.iter().filter_map(|m| match m.pattern {
            Pattern::Dictionary { list, .. } => Some(list),
            _ => None,
        })
    };
    if lists().any(|l| l == WordList::UserInput) {
        Some(Warning::ContextWord)
    } else if lists().any(|l| matches!(l, WordList::German(_))) {
        Some(Warning::CommonGermanWord)
    } else {
        None
    }
}

fn for_match(m: &Match, token: &[char], sole: bool) -> (Option<Warning>, Vec<Suggestion>) {
    match m.pattern {
        Pattern::Dictionary {
            rank,
            list,
            reversed,
            l33t,
        } => dictionary(token, rank, list, reversed, l33t, sole),
        Pattern::Spatial { turns, .. } => (
            Some(if turns == 1 {
                Warning::StraightRowsOfKeys
            } else {
                Warning::ShortKeyboardPatterns
            }),
            vec![Suggestion::LongerKeyboardPattern],
        ),
        Pattern::Repeat { base_chars, .. } => (
            Some(if base_chars == 1 {
                Warning::RepeatsLikeAaa
            } else {
                Warning::RepeatsLikeAbcAbc
            }),
            vec![Suggestion::AvoidRepeats],
        ),
        Pattern::Sequence { .. } => (
            Some(Warning::SequencesLikeAbc),
            vec![Suggestion::AvoidSequences],
        ),
        Pattern::Year { .. } => (
            Some(Warning::RecentYears),
            vec![
                Suggestion::AvoidRecentYears,
                Suggestion::AvoidAssociatedYears,
            ],
        ),
        Pattern::Date { .. } => (Some(Warning::Dates), vec![Suggestion::AvoidAssociatedDates]),
        Pattern::Bruteforce => (None, Vec::new()),
    }
}

fn dictionary(
    token: &[char],
    rank: u32,
    list: WordList,
    reversed: bool,
    l33t: bool,
    sole: bool,
) -> (Option<Warning>, Vec<Suggestion>) {
    let warning = match list {
        WordList::English(0) => Some(if sole && !l33t && !reversed {
            match rank {
                0..=10 => Warning::Top10Password,
                11..=100 => Warning::Top100Password,
                _ => Warning::CommonPassword,
            }
        } else {
            Warning::SimilarToCommonPassword
        }),
        WordList::English(1) => sole.then_some(Warning::WordByItself),
        WordList::English(2) => Some(if sole {
            Warning::NamesByThemselves
        } else {
            Warning::CommonNames
        }),
        WordList::German(0) => sole.then_some(Warning::CommonGermanWord),
        WordList::German(_) => Some(if sole {
            Warning::NamesByThemselves
        } else {
            Warning::CommonNames
        }),
        _ => None,
    };
    let mut suggestions = Vec::new();
    if token.first().is_some_and(|c| c.is_uppercase()) {
        suggestions.push(Suggestion::CapitalizationDoesntHelp);
    } else if !token.is_empty() && token.iter().all(|c| c.is_uppercase()) {
        suggestions.push(Suggestion::AllUppercase);
    }
    if reversed && token.len() >= 4 {
        suggestions.push(Suggestion::ReversedWords);
    }
    if l33t {
        suggestions.push(Suggestion::PredictableSubstitutions);
    }
    (warning, suggestions)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use zxcvbn::feedback::{Suggestion as Zs, Warning as Zw};

    /// zxcvbn 3.1's warnings in the order of our first fourteen.
    const ZXCVBN_WARNINGS: [Zw; 14] = [
        Zw::StraightRowsOfKeysAreEasyToGuess,
        Zw::ShortKeyboardPatternsAreEasyToGuess,
        Zw::RepeatsLikeAaaAreEasyToGuess,
        Zw::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess,
        Zw::ThisIsATop10Password,
        Zw::ThisIsATop100Password,
        Zw::ThisIsACommonPassword,
        Zw::ThisIsSimilarToACommonlyUsedPassword,
        Zw::SequencesLikeAbcAreEasyToGuess,
        Zw::RecentYearsAreEasyToGuess,
        Zw::AWordByItselfIsEasyToGuess,
        Zw::DatesAreOftenEasyToGuess,
        Zw::NamesAndSurnamesByThemselvesAreEasyToGuess,
        Zw::CommonNamesAndSurnamesAreEasyToGuess,
    ];

    const ZXCVBN_SUGGESTIONS: [Zs; 13] = [
        Zs::UseAFewWordsAvoidCommonPhrases,
        Zs::NoNeedForSymbolsDigitsOrUppercaseLetters,
        Zs::AddAnotherWordOrTwo,
        Zs::CapitalizationDoesntHelpVeryMuch,
        Zs::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase,
        Zs::ReversedWordsArentMuchHarderToGuess,
        Zs::PredictableSubstitutionsDontHelpVeryMuch,
        Zs::UseALongerKeyboardPatternWithMoreTurns,
        Zs::AvoidRepeatedWordsAndCharacters,
        Zs::AvoidSequences,
        Zs::AvoidRecentYears,
        Zs::AvoidYearsThatAreAssociatedWithYou,
        Zs::AvoidDatesAndYearsThatAreAssociatedWithYou,
    ];

    fn is_snake_case(code: &str) -> bool {
        !code.is_empty()
            && code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    }

    // K2: every zxcvbn warning is ours with zxcvbn's English text, a German text of its
    // own and a unique snake_case code; our two extra warnings too.
    #[test]
    fn k2_every_warning_has_texts_and_a_code() {
        for (z, ours) in ZXCVBN_WARNINGS.into_iter().zip(Warning::ALL) {
            assert_eq!(ours.message(Lang::En), z.to_string());
        }
        let (mut de, mut codes) = (HashSet::new(), HashSet::new());
        for w in Warning::ALL {
            assert!(de.insert(w.message(Lang::De)), "{w:?}");
            assert!(is_snake_case(w.code()) && codes.insert(w.code()), "{w:?}");
            assert_ne!(w.message(Lang::De), w.message(Lang::En));
        }
        assert_eq!(Warning::ALL.len(), ZXCVBN_WARNINGS.len() + 2);
    }

    // K2: serialised feedback carries the same codes.
    #[test]
    fn k2_serde_names_are_the_codes() {
        for w in Warning::ALL {
            assert_eq!(serde_json::to_value(w).unwrap(), w.code());
        }
        for s in Suggestion::ALL {
            assert_eq!(serde_json::to_value(s).unwrap(), s.code());
        }
    }

    // K2
    #[test]
    fn k2_every_suggestion_has_texts_and_a_code() {
        for (z, ours) in ZXCVBN_SUGGESTIONS.into_iter().zip(Suggestion::ALL) {
            assert_eq!(ours.message(Lang::En), z.to_string());
        }
        let (mut de, mut codes) = (HashSet::new(), HashSet::new());
        for s in Suggestion::ALL {
            assert!(de.insert(s.message(Lang::De)), "{s:?}");
            assert!(is_snake_case(s.code()) && codes.insert(s.code()), "{s:?}");
            assert_ne!(s.message(Lang::De), s.message(Lang::En));
        }
        assert_eq!(Suggestion::ALL.len(), ZXCVBN_SUGGESTIONS.len());
    }
}
