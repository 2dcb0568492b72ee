//! The seeded corpus of the meter's parity test and benches: passwords of the
//! classes people type, made the same way on every run from one seed.
//!
//! Classes (in turn): dictionary words with l33t, capitals, digits and years; keyboard
//! walks; dates; repeats; sequences; passphrases; random strings; and mixes of two.
//! Used by `core/tests/meter_parity.rs` and `benches/` (through `#[path]`).

/// splitmix64: small, seedable, the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const WORDS: &[&str] = &[
    "password",
    "dragon",
    "monkey",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "shadow",
    "master",
    "michael",
    "jennifer",
    "jordan",
    "superman",
    "harley",
    "hunter",
    "ranger",
    "buster",
    "thomas",
    "robert",
    "soccer",
    "batman",
    "andrew",
    "tigger",
    "charlie",
    "freedom",
    "computer",
    "starwars",
    "summer",
    "winter",
    "spring",
    "autumn",
    "orange",
    "purple",
    "yellow",
    "silver",
    "golden",
    "diamond",
    "flower",
    "garden",
    "forest",
    "river",
    "ocean",
    "mountain",
    "castle",
    "dream",
    "angel",
    "heaven",
    "secret",
    "welcome",
    "letmein",
    "trustno1",
    "iloveyou",
    "cheese",
    "coffee",
    "banana",
    "cookie",
    "pepper",
    "ginger",
    "horse",
    "battery",
    "staple",
    "correct",
    "purple",
    "elephant",
    "penguin",
    "tiger",
    "rabbit",
    "turtle",
    "falcon",
    "eagle",
    "phoenix",
    "wizard",
    "knight",
    "pirate",
    "ninja",
    "rocket",
    "planet",
    "galaxy",
    "thunder",
    "lightning",
    "storm",
    "shadow",
    "silence",
    "history",
    "science",
    "library",
    "kitchen",
    "window",
    "bottle",
    "pencil",
    "monday",
    "friday",
    "january",
    "december",
    "london",
    "paris",
    "berlin",
    "madrid",
    "chicago",
    "passwort",
    "sommer",
    "hallo",
    "schatz",
    "liebe",
    "geheim",
    "fussball",
    "sonnenschein",
    "kaffee",
    "kuchen",
    "blume",
    "himmel",
    "sonne",
    "mond",
    "stern",
    "wasser",
    "feuer",
    "erde",
    "freund",
    "familie",
    "katze",
    "hund",
    "vogel",
    "schmetterling",
    "regenbogen",
    "tasse",
    "segelboot",
    "nordwind",
    "blaubeere",
    "brezel",
    "mainz",
    "hamburg",
    "eintracht",
    "schalke",
    "bayern",
    "borussia",
    "oktoberfest",
    "weihnachten",
    "ostern",
    "urlaub",
    "anna",
    "lena",
    "julia",
    "sarah",
    "laura",
    "thomas",
    "stefan",
    "markus",
    "andreas",
    "mueller",
    "schmidt",
    "schneider",
    "fischer",
    "weber",
    "meyer",
    "wagner",
    "becker",
    "xylophone",
    "quartz",
    "zephyr",
    "jukebox",
    "vortex",
    "kumquat",
    "fjord",
    "glyph",
];

const SYMBOLS: &[char] = &['!', '@', '#', '$', '%', '&', '*', '?', '.', '-', '_', '+'];
const LEET: &[(char, char)] = &[
    ('a', '4'),
    ('a', '@'),
    ('e', '3'),
    ('i', '1'),
    ('i', '!'),
    ('o', '0'),
    ('s', '$'),
    ('s', '5'),
    ('t', '7'),
    ('l', '1'),
    ('g', '9'),
    ('b', '8'),
];
const ROWS: &[&str] = &[
    "1234567890",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "qwertzuiop",
    "yxcvbnm",
    "1qaz2wsx3edc4rfv",
    "zaq12wsx",
    "!@#$%^&*()",
    "7894561230",
    "147258369",
    "qazwsxedc",
    "mnbvcxz",
    "poiuytrewq",
    "lkjhgfdsa",
    "0987654321",
];

fn word(rng: &mut Rng) -> String {
    (*rng.pick(WORDS)).to_owned()
}

fn capitalise(w: &str, rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => w.to_uppercase(),
        1 | 2 => {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
        _ => w.to_owned(),
    }
}

fn leet(w: &str, rng: &mut Rng) -> String {
    w.chars()
        .map(|c| {
            let subs: Vec<char> = LEET
                .iter()
                .filter(|(l, _)| *l == c)
                .map(|&(_, s)| s)
                .collect();
            if !subs.is_empty() && rng.chance(60) {
                *rng.pick(&subs)
            } else {
                c
            }
        })
        .collect()
}

fn digits(rng: &mut Rng, most: usize) -> String {
    let n = 1 + rng.below(most);
    (0..n)
        .map(|_| char::from(b'0' + rng.below(10) as u8))
        .collect()
}

fn year(rng: &mut Rng) -> String {
    (1950 + rng.below(80)).to_string()
}

fn decorated_word(rng: &mut Rng) -> String {
    let mut w = word(rng);
    if rng.chance(40) {
        w = leet(&w, rng);
    }
    w = capitalise(&w, rng);
    match rng.below(6) {
        0 => w.push_str(&digits(rng, 3)),
        1 => w.push_str(&year(rng)),
        2 => w.push(*rng.pick(SYMBOLS)),
        3 => {
            w.push_str(&digits(rng, 2));
            w.push(*rng.pick(SYMBOLS));
        }
        4 => w = format!("{}{w}", digits(rng, 2)),
        _ => {}
    }
    if rng.chance(10) {
        w = w.chars().rev().collect();
    }
    w
}

fn keyboard_walk(rng: &mut Rng) -> String {
    let row: Vec<char> = rng.pick(ROWS).chars().collect();
    let len = 3 + rng.below(row.len() - 2);
    let start = rng.below(row.len() - len + 1);
    let mut walk: String = row[start..start + len].iter().collect();
    if rng.chance(30) {
        walk.push_str(&digits(rng, 2));
    }
    if rng.chance(20) {
        walk = capitalise(&walk, rng);
    }
    walk
}

fn date(rng: &mut Rng) -> String {
    let (d, m, y) = (1 + rng.below(31), 1 + rng.below(12), 1940 + rng.below(90));
    let sep = *rng.pick(&["", ".", "/", "-", " ", "_"]);
    let text = match rng.below(5) {
        0 => format!("{d:02}{sep}{m:02}{sep}{y}"),
        1 => format!("{d}{sep}{m}{sep}{:02}", y % 100),
        2 => format!("{y}{sep}{m:02}{sep}{d:02}"),
        3 => format!("{m}{sep}{d}{sep}{y}"),
        _ => format!("{d:02}{m:02}{:02}", y % 100),
    };
    if rng.chance(40) {
        format!("{}{text}", capitalise(&word(rng), rng))
    } else {
        text
    }
}

fn repeat(rng: &mut Rng) -> String {
    let base = match rng.below(3) {
        0 => rng
            .pick(&["a", "x", "1", "!", "ab", "12", "xo"])
            .to_string(),
        1 => word(rng),
        _ => decorated_word(rng),
    };
    let times = 2 + rng.below(4);
    let mut out = base.repeat(times);
    if rng.chance(30) {
        out.push_str(&digits(rng, 2));
    }
    out
}

fn sequence(rng: &mut Rng) -> String {
    let alphabets = [
        "abcdefghijklmnopqrstuvwxyz",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "0123456789",
    ];
    let alphabet: Vec<char> = rng.pick(&alphabets).chars().collect();
    let step = 1 + rng.below(3);
    let len = 3 + rng.below(8);
    let start = rng.below(alphabet.len());
    let mut seq: Vec<char> = (0..len)
        .map_while(|k| alphabet.get(start + k * step).copied())
        .collect();
    if rng.chance(40) {
        seq.reverse();
    }
    let seq: String = seq.into_iter().collect();
    match rng.below(3) {
        0 => format!("{}{seq}", capitalise(&word(rng), rng)),
        1 => format!("{seq}{}", rng.pick(SYMBOLS)),
        _ => seq,
    }
}

fn passphrase(rng: &mut Rng) -> String {
    let n = 2 + rng.below(4);
    let sep = *rng.pick(&["", " ", "-", ".", "_"]);
    let words: Vec<String> = (0..n)
        .map(|_| {
            let w = word(rng);
            if rng.chance(30) {
                capitalise(&w, rng)
            } else {
                w
            }
        })
        .collect();
    let mut out = words.join(sep);
    if rng.chance(30) {
        out.push_str(&digits(rng, 2));
    }
    out
}

fn random_string(rng: &mut Rng) -> String {
    let classes: [&str; 4] = [
        "abcdefghijklmnopqrstuvwxyz",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "0123456789",
        "!@#$%^&*()-_=+[]{};:,.<>/?äöüß",
    ];
    let len = 6 + rng.below(15);
    let used = 1 + rng.below(4);
    (0..len)
        .map(|_| {
            let class: Vec<char> = classes[rng.below(used)].chars().collect();
            *rng.pick(&class)
        })
        .collect()
}

/// One password of class `class % 8`.
pub fn password(rng: &mut Rng, class: usize) -> String {
    match class % 8 {
        0 => decorated_word(rng),
        1 => keyboard_walk(rng),
        2 => date(rng),
        3 => repeat(rng),
        4 => sequence(rng),
        5 => passphrase(rng),
        6 => random_string(rng),
        _ => {
            let a = rng.below(7);
            let b = rng.below(7);
            format!("{}{}", password(rng, a), password(rng, b))
        }
    }
}

/// The corpus: `n` passwords, the classes in turn, from `seed`.
pub fn corpus(seed: u64, n: usize) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..n).map(|k| password(&mut rng, k)).collect()
}

/// The class names, by `class % 8`.
pub const CLASSES: [&str; 8] = [
    "word+l33t/caps/digits/year",
    "keyboard walk",
    "date",
    "repeat",
    "sequence",
    "passphrase",
    "random",
    "mix of two",
];
