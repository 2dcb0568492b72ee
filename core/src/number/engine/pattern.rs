//! The regular expressions of the numbering metadata, on one of three engines.
//!
//! libphonenumber's patterns are written to mean the same in Java, JavaScript and C++: digits,
//! classes, counted repetition, alternation, groups. The engine needs three things of them:
//! does a pattern match the whole string (`matches()`), does it match at the start
//! (`lookingAt()`), and the texts of its groups for a format rule. Which library answers is a
//! build choice:
//!
//! - `regex` (default): the fastest; its lazy DFA serves the batch paths.
//! - `regex-lite` (feature): about a tenth of the code, slower per match.
//! - the host's engine (feature `host-regex`): no regex code at all in the build. A binding
//!   registers an implementation of `HostRegex` (`host_regex.rs`; the browser module: JS
//!   `RegExp`), which is what keeps the browser numbers module within the size of
//!   libphonenumber-js, which does the same.
//!
//! Every pattern is anchored here (`^(?:p)$` or `^(?:p)`), so all three see the same source;
//! the inputs are ASCII digits, where `\d` means `[0-9]` everywhere.

use super::metadata::MetadataError;
use super::table::TOKENS;

/// The texts of a match's groups; index 0 is the whole match, a group that took no part in
/// the match is `None`.
pub(crate) type Groups = Vec<Option<String>>;

/// A compiled, anchored pattern.
#[derive(Clone, Debug)]
pub(crate) struct Pattern(Engine);

/// `^(?:p)$`: libphonenumber's `matcher.matches()`.
pub(crate) fn full(p: &str) -> Result<Pattern, MetadataError> {
    Pattern::compile(&anchored(p, "$"))
}

/// `^(?:p)`: libphonenumber's `lookingAt()`.
pub(crate) fn prefix(p: &str) -> Result<Pattern, MetadataError> {
    Pattern::compile(&anchored(p, ""))
}

/// `^(?:p)` and `end`, with the table's tokens in `p` expanded.
fn anchored(p: &str, end: &str) -> String {
    let mut src = String::with_capacity(p.len() * 2 + 6);
    src.push_str("^(?:");
    for c in p.chars() {
        match TOKENS.iter().find(|(token, _)| *token == c) {
            Some((_, text)) => src.push_str(text),
            None => src.push(c),
        }
    }
    src.push(')');
    src.push_str(end);
    src
}

impl Pattern {
    /// Whether the pattern matches `s` (anchored as compiled).
    pub(crate) fn is_match(&self, s: &str) -> bool {
        self.0.is_match(s)
    }

    /// The groups of the match at the start of `s`, if any.
    pub(crate) fn captures(&self, s: &str) -> Option<Groups> {
        self.0.captures(s)
    }

    /// Where the match at the start of `s` ends.
    pub(crate) fn match_end(&self, s: &str) -> Option<usize> {
        self.0.match_end(s)
    }
}

/// A format or transform rule with `$1`…`$9` replaced by the texts of those groups (a group
/// that did not take part, or does not exist, gives nothing, as in libphonenumber).
pub(crate) fn expand(rule: &str, groups: &[Option<String>], out: &mut String) {
    let mut chars = rule.chars().peekable();
    while let Some(c) = chars.next() {
        let group = chars
            .peek()
            .and_then(|d| d.to_digit(10))
            .filter(|_| c == '$');
        match group {
            Some(n) => {
                chars.next();
                let text = usize::try_from(n)
                    .ok()
                    .and_then(|n| groups.get(n)?.as_deref());
                out.push_str(text.unwrap_or_default());
            }
            None => out.push(c),
        }
    }
}

#[cfg(feature = "host-regex")]
use host::Engine;
#[cfg(not(feature = "host-regex"))]
use native::Engine;

#[cfg(not(feature = "host-regex"))]
mod native {
    #[cfg(not(feature = "regex-lite"))]
    use regex::{Regex, RegexBuilder};
    #[cfg(feature = "regex-lite")]
    use regex_lite::{Regex, RegexBuilder};

    use super::{Groups, MetadataError, Pattern};

    /// Upper bound of each regex's lazy-DFA cache (per thread using it).
    #[cfg(not(feature = "regex-lite"))]
    const DFA_CACHE_BYTES: usize = 64 * 1024;

    /// A compiled `regex` (or `regex-lite`) pattern.
    #[derive(Clone, Debug)]
    pub(crate) struct Engine(Regex);

    impl Pattern {
        pub(super) fn compile(src: &str) -> Result<Self, MetadataError> {
            // Metadata patterns only ever see ASCII digits: compile them without Unicode
            // classes (`\d` = [0-9]). This cuts compile time and the lazy DFA's state count
            // by an order of magnitude, and the DFA's cache is capped: these automata are
            // tiny once Unicode is off. regex-lite has neither; it accepts `(?-u)` as a no-op.
            let pattern = format!("(?-u){src}");
            #[cfg(not(feature = "regex-lite"))]
            let built = RegexBuilder::new(&pattern)
                .dfa_size_limit(DFA_CACHE_BYTES)
                .build();
            #[cfg(feature = "regex-lite")]
            let built = RegexBuilder::new(&pattern).build();
            built
                .map(|re| Self(Engine(re)))
                .map_err(|e| MetadataError::Regex(e.to_string()))
        }
    }

    impl Engine {
        pub(super) fn is_match(&self, s: &str) -> bool {
            self.0.is_match(s)
        }
        pub(super) fn captures(&self, s: &str) -> Option<Groups> {
            let caps = self.0.captures(s)?;
            Some(
                caps.iter()
                    .map(|g| g.map(|m| m.as_str().to_owned()))
                    .collect(),
            )
        }
        pub(super) fn match_end(&self, s: &str) -> Option<usize> {
            self.0.find(s).map(|m| m.end())
        }
    }
}

#[cfg(feature = "host-regex")]
mod host {
    use super::{Groups, MetadataError, Pattern};
    use crate::number::host_regex::engine;

    /// A pattern compiled by the host: its handle.
    #[derive(Clone, Debug)]
    pub(crate) struct Engine(u32);

    impl Pattern {
        pub(super) fn compile(src: &str) -> Result<Self, MetadataError> {
            let host = engine().ok_or(MetadataError::Missing("host regex engine"))?;
            host.compile(src)
                .map(|handle| Self(Engine(handle)))
                .map_err(MetadataError::Regex)
        }
    }

    impl Engine {
        pub(super) fn is_match(&self, s: &str) -> bool {
            engine().is_some_and(|host| host.is_match(self.0, s))
        }
        pub(super) fn captures(&self, s: &str) -> Option<Groups> {
            engine()?.captures(self.0, s)
        }
        pub(super) fn match_end(&self, s: &str) -> Option<usize> {
            // Anchored at the start: the match is a prefix of `s`, as long as its text.
            let whole = self.captures(s)?.into_iter().next()??;
            Some(whole.len())
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn n1_tokens_expand_when_anchoring() {
        assert_eq!(
            anchored("\u{1}1|\u{2}2}\u{3})", "$"),
            "^(?:(?:1|\\d{2}\\d))$"
        );
    }

    #[test]
    fn n3_expand_fills_groups_and_leaves_other_text() {
        let groups = vec![Some("17112345678".to_owned()), Some("171".to_owned()), None];
        let mut out = String::new();
        expand("0$1 $2$3-x$", &groups, &mut out);
        assert_eq!(out, "0171 -x$");
    }

    #[cfg(not(feature = "host-regex"))]
    #[test]
    fn n1_anchoring_is_full_or_prefix() {
        let f = full("1[5-7]\\d").unwrap();
        assert!(f.is_match("171") && !f.is_match("1711") && !f.is_match("0171"));
        let p = prefix("(0)(1)?").unwrap();
        assert_eq!(p.match_end("0171"), Some(2));
        assert_eq!(p.match_end("1"), None);
        assert_eq!(
            p.captures("0999").unwrap(),
            vec![Some("0".to_owned()), Some("0".to_owned()), None]
        );
    }
}
