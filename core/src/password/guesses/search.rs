//! The fewest-guesses cover of the password by matches and bruteforce runs (K2): zxcvbn's
//! dynamic programme (Wheeler 2016, section 4). A sequence of `l` matches costs
//! `l! · Π guesses + 10000^(l−1)`; for every prefix and every length the best sequence is
//! kept, and a new candidate is dropped if a sequence of no more matches does as well.

use super::pattern::{Match, Pattern, bruteforce_guesses};

const MIN_GUESSES_BEFORE_GROWING_SEQUENCE: u64 = 10_000;

/// The best sequence of `l` matches ending at one position.
#[derive(Clone, Copy)]
struct Best {
    /// Index into the arena of matches.
    last: usize,
    /// Product of the sequence's guesses.
    product: u64,
    /// The whole cost (with `l!` and the additive term).
    cost: u64,
}

/// The result: total guesses and the sequence of matches that gives them.
pub(crate) struct Cover {
    pub(crate) guesses: u64,
    pub(crate) sequence: Vec<Match>,
}

struct Table {
    /// `best[k][l]`: best sequence of `l` matches covering characters `0..=k`.
    best: Vec<Vec<Option<Best>>>,
    arena: Vec<Match>,
    n: usize,
}

fn factorial(l: usize) -> u64 {
    (1..=l as u64).fold(1_u64, u64::saturating_mul)
}

fn additive(l: usize) -> u64 {
    let exponent = u32::try_from(l.saturating_sub(1)).unwrap_or(u32::MAX);
    MIN_GUESSES_BEFORE_GROWING_SEQUENCE.saturating_pow(exponent)
}

impl Table {
    /// The `l`-th entry of row `k`, if a sequence of `l` matches ends there.
    fn at(&self, k: usize, l: usize) -> Option<Best> {
        self.best.get(k)?.get(l).copied().flatten()
    }

    /// How many lengths row `k` has room for (entries may be `None`).
    fn row_len(&self, k: usize) -> usize {
        self.best.get(k).map_or(0, Vec::len)
    }

    /// Extends every sequence ending before `m` by `m` (the rows before `m.i` do not change
    /// while row `m.j` is updated, so the row is read by index, without a copy).
    fn extend_all(&mut self, m: &Match) {
        let Some(before) = m.i.checked_sub(1) else {
            self.update(m, 1);
            return;
        };
        for l in 0..self.row_len(before) {
            if self.at(before, l).is_some() {
                self.update(m, l + 1);
            }
        }
    }

    /// Considers the match as the `l`-th of a sequence; keeps it if nothing as short does
    /// as well.
    fn update(&mut self, m: &Match, l: usize) {
        let k = m.j;
        let mut product = m.guesses;
        if l > 1 {
            let before =
                m.i.checked_sub(1)
                    .and_then(|p| self.best.get(p)?.get(l - 1).copied().flatten());
            let Some(before) = before else { return };
            product = product.saturating_mul(before.product);
        }
        let cost = factorial(l)
            .saturating_mul(product)
            .saturating_add(additive(l));
        let Some(row) = self.best.get_mut(k) else {
            return;
        };
        let beaten = row
            .iter()
            .take(l + 1)
            .any(|b| b.is_some_and(|b| b.cost <= cost));
        if beaten {
            return;
        }
        if row.len() <= l {
            row.resize(l + 1, None);
        }
        self.arena.push(m.clone());
        row[l] = Some(Best {
            last: self.arena.len() - 1,
            product,
            cost,
        });
    }

    fn bruteforce(&self, i: usize, j: usize) -> Match {
        Match::new(
            i,
            j,
            Pattern::Bruteforce,
            bruteforce_guesses(j + 1 - i),
            self.n,
        )
    }

    /// Bruteforce runs ending at `k`: alone, or after any sequence not ending in one.
    fn bruteforce_update(&mut self, k: usize) {
        let whole = self.bruteforce(0, k);
        self.update(&whole, 1);
        for i in 1..=k {
            let m = self.bruteforce(i, k);
            for l in 0..self.row_len(i - 1) {
                let Some(best) = self.at(i - 1, l) else {
                    continue;
                };
                let ends_in_bruteforce = self
                    .arena
                    .get(best.last)
                    .is_some_and(|last| last.pattern == Pattern::Bruteforce);
                if !ends_in_bruteforce {
                    self.update(&m, l + 1);
                }
            }
        }
    }

    fn unwind(&self) -> (u64, Vec<Match>) {
        let Some(last_row) = self.n.checked_sub(1).and_then(|k| self.best.get(k)) else {
            return (1, Vec::new());
        };
        let Some((mut l, best)) = last_row
            .iter()
            .enumerate()
            .filter_map(|(l, b)| b.map(|b| (l, b)))
            .min_by_key(|(_, b)| b.cost)
        else {
            return (1, Vec::new());
        };
        let mut sequence = Vec::new();
        let mut k = self.n - 1;
        while let Some(b) = self
            .best
            .get(k)
            .and_then(|row| row.get(l).copied().flatten())
        {
            let Some(m) = self.arena.get(b.last) else {
                break;
            };
            sequence.push(m.clone());
            if m.i == 0 || l <= 1 {
                break;
            }
            k = m.i - 1;
            l -= 1;
        }
        sequence.reverse();
        (best.cost, sequence)
    }
}

/// The cover of `n` characters with the fewest guesses, from the matches found.
pub(crate) fn most_guessable(n: usize, matches: &[Match]) -> Cover {
    // By end, then by start; the sort is stable, so equal spans keep the matchers' order.
    let mut by_end: Vec<&Match> = matches.iter().filter(|m| m.j < n).collect();
    by_end.sort_by_key(|m| (m.j, m.i));
    let mut table = Table {
        best: vec![Vec::new(); n],
        arena: Vec::with_capacity(4 * n),
        n,
    };
    let mut next = by_end.iter().peekable();
    for k in 0..n {
        while let Some(m) = next.next_if(|m| m.j == k) {
            table.extend_all(m);
        }
        table.bruteforce_update(k);
    }
    let (guesses, sequence) = table.unwind();
    Cover { guesses, sequence }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn dictionary(i: usize, j: usize, guesses: u64) -> Match {
        let pattern = Pattern::Dictionary {
            rank: 1,
            list: super::super::pattern::WordList::UserInput,
            reversed: false,
            l33t: false,
        };
        Match {
            i,
            j,
            pattern,
            guesses,
        }
    }

    // K2: no matches → one bruteforce run over everything.
    #[test]
    fn k2_empty_match_list_is_one_bruteforce_run() {
        let cover = most_guessable(10, &[]);
        assert_eq!(cover.sequence.len(), 1);
        assert_eq!(cover.sequence[0].pattern, Pattern::Bruteforce);
        assert_eq!(cover.guesses, 10_u64.pow(10) + 1);
    }

    // K2: a match over a prefix plus a bruteforce suffix; a suffix match after bruteforce.
    #[test]
    fn k2_match_and_bruteforce_share_the_password() {
        let cover = most_guessable(10, &[dictionary(0, 5, 1)]);
        assert_eq!(cover.sequence.len(), 2);
        assert_eq!((cover.sequence[1].i, cover.sequence[1].j), (6, 9));
        let cover = most_guessable(10, &[dictionary(3, 9, 1)]);
        assert_eq!((cover.sequence[0].i, cover.sequence[0].j), (0, 2));
        // 2! · (1000 · 1) + 10000
        assert_eq!(cover.guesses, 2 * 1000 + 10_000);
    }

    // K2: of two overlapping matches, the cheaper cover wins.
    #[test]
    fn k2_cheapest_cover_wins() {
        let m = [
            dictionary(0, 8, 1_000_000),
            dictionary(0, 3, 1),
            dictionary(4, 8, 1),
        ];
        let cover = most_guessable(9, &m);
        assert_eq!(cover.sequence.len(), 2);
        assert_eq!(cover.guesses, 2 + 10_000);
    }
}
