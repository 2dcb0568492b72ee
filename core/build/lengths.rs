//! Which lengths a numbering pattern can match, for `build.rs` (and its test,
//! `tests/pattern_lengths.rs`): where a pattern cannot match a number of a length its
//! descriptor does not allow, the table leaves those lengths out.

use regex_syntax::ParserBuilder;
use regex_syntax::hir::{Hir, HirKind, Literal};

/// The lengths of the strings pattern `p` can match (bit n: n characters), at least those:
/// `None` when `p` does not parse or a length could reach 64.
pub fn pattern_lengths(p: &str) -> Option<u64> {
    let hir = ParserBuilder::new().unicode(false).build().parse(p).ok()?;
    lengths_of(&hir)
}

fn lengths_of(hir: &Hir) -> Option<u64> {
    Some(match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 1,
        HirKind::Literal(Literal(bytes)) => 1u64.checked_shl(u32::try_from(bytes.len()).ok()?)?,
        HirKind::Class(_) => 1 << 1,
        HirKind::Capture(c) => lengths_of(&c.sub)?,
        HirKind::Repetition(r) => {
            let (once, max) = (lengths_of(&r.sub)?, r.max?);
            let (mut all, mut times) = (0, 1);
            for k in 0..=max {
                if k >= r.min {
                    all |= times;
                }
                if k < max {
                    times = then(times, once)?;
                }
            }
            all
        }
        HirKind::Concat(parts) => parts
            .iter()
            .try_fold(1, |all, h| then(all, lengths_of(h)?))?,
        HirKind::Alternation(parts) => parts
            .iter()
            .try_fold(0, |all, h| Some(all | lengths_of(h)?))?,
    })
}

/// The lengths of a string of a length in `a` followed by one of a length in `b`; `None`
/// when one could reach 64.
fn then(a: u64, b: u64) -> Option<u64> {
    (0..64).filter(|i| a >> i & 1 == 1).try_fold(0, |all, i| {
        let shifted = b.checked_shl(i).filter(|s| s >> i == b)?;
        Some(all | shifted)
    })
}
