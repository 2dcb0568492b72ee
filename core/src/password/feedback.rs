//! The meter's feedback in German and English (K2).
//!
//! [`Warning`] and [`Suggestion`] mirror zxcvbn 3.1's feedback enums one to one, plus two
//! warnings of our own for the inputs we add (German words, K4 context words). The
//! conversions from zxcvbn's enums are exhaustive matches, so a zxcvbn release with a new
//! variant fails to compile here instead of showing an untranslated text. The German texts
//! were written for this crate, with the translations of `@zxcvbn-ts/language-de` (MIT)
//! as a reference.

use serde::{Deserialize, Serialize};

use crate::Lang;
use zxcvbn::feedback::{Suggestion as Zs, Warning as Zw};

/// What is wrong with a password, in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

impl From<Zw> for Warning {
    fn from(w: Zw) -> Self {
        match w {
            Zw::StraightRowsOfKeysAreEasyToGuess => Self::StraightRowsOfKeys,
            Zw::ShortKeyboardPatternsAreEasyToGuess => Self::ShortKeyboardPatterns,
            Zw::RepeatsLikeAaaAreEasyToGuess => Self::RepeatsLikeAaa,
            Zw::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => Self::RepeatsLikeAbcAbc,
            Zw::ThisIsATop10Password => Self::Top10Password,
            Zw::ThisIsATop100Password => Self::Top100Password,
            Zw::ThisIsACommonPassword => Self::CommonPassword,
            Zw::ThisIsSimilarToACommonlyUsedPassword => Self::SimilarToCommonPassword,
            Zw::SequencesLikeAbcAreEasyToGuess => Self::SequencesLikeAbc,
            Zw::RecentYearsAreEasyToGuess => Self::RecentYears,
            Zw::AWordByItselfIsEasyToGuess => Self::WordByItself,
            Zw::DatesAreOftenEasyToGuess => Self::Dates,
            Zw::NamesAndSurnamesByThemselvesAreEasyToGuess => Self::NamesByThemselves,
            Zw::CommonNamesAndSurnamesAreEasyToGuess => Self::CommonNames,
        }
    }
}

impl From<Zs> for Suggestion {
    fn from(s: Zs) -> Self {
        match s {
            Zs::UseAFewWordsAvoidCommonPhrases => Self::UseAFewWords,
            Zs::NoNeedForSymbolsDigitsOrUppercaseLetters => Self::NoNeedForSymbols,
            Zs::AddAnotherWordOrTwo => Self::AddAnotherWord,
            Zs::CapitalizationDoesntHelpVeryMuch => Self::CapitalizationDoesntHelp,
            Zs::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => Self::AllUppercase,
            Zs::ReversedWordsArentMuchHarderToGuess => Self::ReversedWords,
            Zs::PredictableSubstitutionsDontHelpVeryMuch => Self::PredictableSubstitutions,
            Zs::UseALongerKeyboardPatternWithMoreTurns => Self::LongerKeyboardPattern,
            Zs::AvoidRepeatedWordsAndCharacters => Self::AvoidRepeats,
            Zs::AvoidSequences => Self::AvoidSequences,
            Zs::AvoidRecentYears => Self::AvoidRecentYears,
            Zs::AvoidYearsThatAreAssociatedWithYou => Self::AvoidAssociatedYears,
            Zs::AvoidDatesAndYearsThatAreAssociatedWithYou => Self::AvoidAssociatedDates,
        }
    }
}

impl Warning {
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Every variant of zxcvbn 3.1's `Warning`. The exhaustive match in `listed` fails to
    /// compile when zxcvbn adds one, so this list cannot silently fall behind.
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

    /// Position of a variant in the lists above; exhaustive, so new variants break the build.
    fn warning_index(w: Zw) -> usize {
        match w {
            Zw::StraightRowsOfKeysAreEasyToGuess => 0,
            Zw::ShortKeyboardPatternsAreEasyToGuess => 1,
            Zw::RepeatsLikeAaaAreEasyToGuess => 2,
            Zw::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => 3,
            Zw::ThisIsATop10Password => 4,
            Zw::ThisIsATop100Password => 5,
            Zw::ThisIsACommonPassword => 6,
            Zw::ThisIsSimilarToACommonlyUsedPassword => 7,
            Zw::SequencesLikeAbcAreEasyToGuess => 8,
            Zw::RecentYearsAreEasyToGuess => 9,
            Zw::AWordByItselfIsEasyToGuess => 10,
            Zw::DatesAreOftenEasyToGuess => 11,
            Zw::NamesAndSurnamesByThemselvesAreEasyToGuess => 12,
            Zw::CommonNamesAndSurnamesAreEasyToGuess => 13,
        }
    }

    fn suggestion_index(s: Zs) -> usize {
        match s {
            Zs::UseAFewWordsAvoidCommonPhrases => 0,
            Zs::NoNeedForSymbolsDigitsOrUppercaseLetters => 1,
            Zs::AddAnotherWordOrTwo => 2,
            Zs::CapitalizationDoesntHelpVeryMuch => 3,
            Zs::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => 4,
            Zs::ReversedWordsArentMuchHarderToGuess => 5,
            Zs::PredictableSubstitutionsDontHelpVeryMuch => 6,
            Zs::UseALongerKeyboardPatternWithMoreTurns => 7,
            Zs::AvoidRepeatedWordsAndCharacters => 8,
            Zs::AvoidSequences => 9,
            Zs::AvoidRecentYears => 10,
            Zs::AvoidYearsThatAreAssociatedWithYou => 11,
            Zs::AvoidDatesAndYearsThatAreAssociatedWithYou => 12,
        }
    }

    // K2: every zxcvbn warning has its own English and German sentence; the English one is
    // zxcvbn's own text.
    #[test]
    fn k2_every_zxcvbn_warning_is_translated() {
        let mut de = HashSet::new();
        for (i, w) in ZXCVBN_WARNINGS.into_iter().enumerate() {
            assert_eq!(warning_index(w), i);
            let ours = Warning::from(w);
            assert_eq!(ours.message(Lang::En), w.to_string());
            assert!(de.insert(ours.message(Lang::De)));
        }
        for ours in [Warning::CommonGermanWord, Warning::ContextWord] {
            assert!(de.insert(ours.message(Lang::De)));
        }
    }

    // K2
    #[test]
    fn k2_every_zxcvbn_suggestion_is_translated() {
        let mut de = HashSet::new();
        for (i, s) in ZXCVBN_SUGGESTIONS.into_iter().enumerate() {
            assert_eq!(suggestion_index(s), i);
            let ours = Suggestion::from(s);
            assert_eq!(ours.message(Lang::En), s.to_string());
            assert!(de.insert(ours.message(Lang::De)));
            assert_ne!(ours.message(Lang::De), ours.message(Lang::En));
        }
    }
}
