#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
//! S8: no copy of a typed password outlives the meter's call unwiped.
//!
//! The test reads its own process's writable memory (`/proc/self/mem`, every private
//! anonymous mapping and the heap, freed blocks included) after the meter ran on a password
//! that lives in read-only memory, and looks for the password in every form the meter
//! copies it: as typed, lower-cased, reversed, with l33t undone, as UTF-8 and as
//! characters (UTF-32). A buffer that was dropped without being wiped, or that grew and
//! left its old contents behind, shows up here. Linux only (it reads `/proc`).
#![cfg(target_os = "linux")]

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::FileExt;

use pbx_rules::{PasswordContext, Rules, evaluate, validate_new_password};
use zeroize::Zeroizing;

/// The typed password: a string literal, so the test's own copy is in read-only memory. It
/// has words (`quantum`, `zebra`, `kloster`), capitals, l33t (`4`, `@`, `0`) and digits,
/// so every matcher makes its copies.
const SECRET: &str = "Qu4ntumZebr@Kl0ster7XwGarten";

/// Bytes compared per window: six UTF-8 bytes (a token of six letters), three characters
/// as UTF-32.
const UTF8_WINDOW: usize = 6;
const CHAR_WINDOW: usize = 3;

/// Every window of every form the password can be copied in, stored inverted (each byte
/// XOR 0xFF), so the needles themselves never match; the forms are wiped after use.
fn needles() -> HashMap<[u8; UTF8_WINDOW], Vec<Vec<u8>>> {
    let wiped = |chars: &mut dyn Iterator<Item = char>| {
        let mut v = Zeroizing::new(Vec::with_capacity(SECRET.len()));
        v.extend(chars);
        v
    };
    let typed = wiped(&mut SECRET.chars());
    let lower = wiped(&mut SECRET.chars().map(|c| c.to_ascii_lowercase()));
    let unl33t = wiped(&mut lower.iter().map(|&c| match c {
        '4' | '@' => 'a',
        '0' => 'o',
        '7' => 't',
        c => c,
    }));
    let mut forms = Vec::new();
    for form in [typed, lower, unl33t] {
        forms.push(wiped(&mut form.iter().rev().copied()));
        forms.push(form);
    }
    let mut map: HashMap<[u8; UTF8_WINDOW], Vec<Vec<u8>>> = HashMap::new();
    let mut add = |inverted: Vec<u8>| {
        let key: [u8; UTF8_WINDOW] = inverted[..UTF8_WINDOW].try_into().unwrap();
        map.entry(key).or_default().push(inverted);
    };
    for form in &forms {
        let mut utf8 = Zeroizing::new(String::with_capacity(4 * form.len()));
        utf8.extend(form.iter());
        for w in utf8.as_bytes().windows(UTF8_WINDOW) {
            add(w.iter().map(|b| !b).collect());
        }
        for w in form.windows(CHAR_WINDOW) {
            add(w
                .iter()
                .flat_map(|c| u32::from(*c).to_le_bytes())
                .map(|b| !b)
                .collect());
        }
    }
    map
}

/// The private writable mappings without a file: the heap, malloc's arenas, thread stacks.
fn writable_memory() -> Vec<(usize, usize)> {
    let maps = BufReader::new(File::open("/proc/self/maps").unwrap());
    maps.lines()
        .map_while(Result::ok)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (range, perms, inode) = (fields[0], fields[1], fields[4]);
            let name = fields.get(5).copied().unwrap_or("");
            let anonymous = inode == "0" && (name.is_empty() || name == "[heap]");
            if !perms.starts_with("rw") || !anonymous {
                return None;
            }
            let (a, b) = range.split_once('-')?;
            Some((
                usize::from_str_radix(a, 16).ok()?,
                usize::from_str_radix(b, 16).ok()?,
            ))
        })
        .collect()
}

/// Addresses where a window of the password lies in writable memory.
fn copies_in_memory() -> Vec<usize> {
    let needles = needles();
    let mem = File::open("/proc/self/mem").unwrap();
    const CHUNK: usize = 1 << 20;
    let mut buf = vec![0_u8; CHUNK];
    let own = (buf.as_ptr() as usize, buf.as_ptr() as usize + CHUNK);
    let mut found = Vec::new();
    for (start, end) in writable_memory() {
        let mut at = start;
        while at < end {
            let len = CHUNK.min(end - at);
            let Ok(read) = mem.read_at(&mut buf[..len], at as u64) else {
                at += len;
                continue;
            };
            let chunk = &buf[..read];
            for pos in 0..read.saturating_sub(UTF8_WINDOW) {
                let mut key = [0_u8; UTF8_WINDOW];
                for (k, b) in key.iter_mut().zip(&chunk[pos..]) {
                    *k = !b;
                }
                let Some(candidates) = needles.get(&key) else {
                    continue;
                };
                let hit = candidates.iter().any(|n| {
                    chunk
                        .get(pos..pos + n.len())
                        .is_some_and(|m| m.iter().zip(n).all(|(a, b)| *a == !b))
                });
                let address = at + pos;
                if hit && !(own.0..own.1).contains(&address) {
                    found.push(address);
                }
            }
            // Windows across a chunk border are read again with the next chunk.
            at += read.saturating_sub(2 * UTF8_WINDOW * 4).max(1);
        }
    }
    found
}

// S8: after the meter rated a password under both presets, and after a password change
// form was checked (meter plus blocklist), no copy of the password is left in memory.
#[test]
fn s8_no_copy_of_the_password_outlives_the_meter() {
    let ctx = PasswordContext {
        company_name: Some("Brezelbäckerei Kümmerle GmbH".into()),
        ..PasswordContext::default()
    };
    let before = copies_in_memory();
    assert!(before.is_empty(), "clean before the meter runs");
    for rules in [Rules::centrexx(), Rules::strict()] {
        let strength = evaluate(SECRET, &ctx, &rules);
        assert!(strength.score <= 4);
        let copies = copies_in_memory();
        assert!(copies.is_empty(), "after evaluate: {} copies", copies.len());
    }
    let rules = Rules::strict();
    let accepted = validate_new_password(SECRET, SECRET, &ctx, &rules);
    drop(accepted);
    let copies = copies_in_memory();
    assert!(
        copies.is_empty(),
        "after validate_new_password: {} copies",
        copies.len()
    );
}
