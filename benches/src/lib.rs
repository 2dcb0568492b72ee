//! Shared helpers of the pbx-rules benches and comparison runners.

use std::path::Path;

/// Reads a `input<TAB>region` corpus (see `benches/corpus/make_numbers.py`). Inputs keep
/// their white space exactly, since some corpus lines test it.
///
/// # Errors
/// The I/O error when the file cannot be read.
pub fn read_number_corpus(path: &Path) -> std::io::Result<Vec<(String, String)>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .filter_map(|line| line.rsplit_once('\t'))
        .map(|(input, region)| (input.to_owned(), region.to_owned()))
        .collect())
}

/// Reads a `class<TAB>password` corpus (see `benches/corpus/make_passwords.py`).
///
/// # Errors
/// The I/O error when the file cannot be read.
pub fn read_password_corpus(path: &Path) -> std::io::Result<Vec<(String, String)>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(class, password)| (class.to_owned(), password.to_owned()))
        .collect())
}

/// Calls per second of each runner over the same inputs, measured in six rounds of
/// alternating slices (a quarter second each, at least one pass over the inputs), so load
/// from other processes on a shared machine hits every runner alike.
pub fn alternating_rates<T: AsRef<str>>(
    inputs: &[T],
    runners: &mut [&mut dyn FnMut(&str)],
) -> Vec<f64> {
    let mut totals = vec![(0_u64, 0.0_f64); runners.len()];
    for _ in 0..6 {
        for (which, run) in runners.iter_mut().enumerate() {
            let start = std::time::Instant::now();
            let mut n = 0;
            while n == 0 || start.elapsed().as_secs_f64() < 0.25 {
                for p in inputs {
                    run(p.as_ref());
                    n += 1;
                }
            }
            totals[which].0 += n;
            totals[which].1 += start.elapsed().as_secs_f64();
        }
    }
    #[allow(clippy::cast_precision_loss)]
    totals.iter().map(|(n, t)| *n as f64 / t).collect()
}

/// Passwords of 8 to 32 characters as people type them: words, names, digits, symbols,
/// German and English, plus random strings.
#[must_use]
pub fn sample_passwords() -> Vec<String> {
    let base = [
        "Passwort1",
        "Sommer2024",
        "Hallo123!",
        "Schatz123",
        "Fussball1",
        "Geheim123",
        "correcthorse",
        "Tr0ub4dor&3",
        "Kaffeetasse Nordwind",
        "Blaubeere-Segelboot-7",
        "Mainz05!Mainz05!",
        "qwertzuiop123",
        "Brezelbäckerei Kümmerle",
        "Grüße aus Mainz 2024",
        "iloveyou2",
        "monkey123!",
        "P@ssw0rd2023",
        "Dragon!Fire88",
        "SonnenscheinRegenbogen",
        "x7#Vq9!mZp2$Lk",
        "hT4&nQ8*rW1^sE6@",
        "G7r!pLq2#Zx8@Nv5$Kw3%Jb",
        "aB3$dE6^gH9*jK2(mN5)pQ8_",
        "Sieben Zwerge hinter den Bergen",
        "das ist mein neues Kennwort!",
        "Eintracht1899Frankfurt",
        "Hamburg-Altona-2019",
        "12345678",
        "abcdefgh",
        "Anna1985",
        "Max.Mustermann@web.de",
        "ZugspitzeWinter2022!!",
        "Feuerwehr112Notruf",
        "Oktoberfest!Bier2024",
    ];
    base.iter().map(|s| (*s).to_owned()).collect()
}

/// Inputs meant to make zxcvbn or the German search slow: long repeats, dense dictionary
/// hits, dates, sequences and l33t, each 32 characters (and some longer).
#[must_use]
pub fn adversarial_passwords() -> Vec<String> {
    let mut out = vec![
        "a".repeat(32),
        "1".repeat(32),
        "abc".repeat(11)[..32].to_owned(),
        "1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/".to_owned(),
        "19841985198619871988198919901991".to_owned(),
        "passwordpasswordpasswordpassword".to_owned(),
        "sommerhallopasswortschatzliebe12".to_owned(),
        "@4@4@4@43$3$3$3$1!1!1!1!0000||||".to_owned(),
        "qwertyuiopasdfghjklzxcvbnmqwerty".to_owned(),
        "0101010101010101010101010101010\u{e4}".to_owned(),
        "abcdefghijklmnopqrstuvwxyzabcdef".to_owned(),
        "p4$$w0rdp4$$w0rdp4$$w0rdp4$$w0rd".to_owned(),
        "MaxMusterMannAnnaSchmidtMüllerHe".to_owned(),
        "12.12.1212.12.1212.12.1212.12.12".to_owned(),
        "äöüßäöüßäöüßäöüßäöüßäöüßäöüßäöüß".to_owned(),
        "derdiedasundistnichtmichdassaber".to_owned(),
    ];
    out.push("a".repeat(1_000));
    out.push("sommerhallo".repeat(100));
    out.push("1/2/".repeat(250));
    out
}

/// Evaluations per second of the three meters the figures compare, on the same passwords in
/// the same process, alternating (see [`alternating_rates`]): the product meter under `rules`
/// (English and German lists, as a host calls it), our estimator on the crate's English lists
/// (the parity setting) and the `zxcvbn` crate. One place, so every bench binary compares the
/// same three runners.
pub fn meter_rates<T: AsRef<str>>(passwords: &[T], rules: &pbx_rules::Rules) -> Vec<f64> {
    use pbx_rules::guesses::{Languages, Options, estimate};
    let ctx = pbx_rules::PasswordContext::default();
    let english = Options {
        languages: Languages::English,
        reference_year: rules.policy().password.meter_reference_year,
    };
    alternating_rates(
        passwords,
        &mut [
            &mut |p| {
                std::hint::black_box(pbx_rules::evaluate(p, &ctx, rules));
            },
            &mut |p| {
                std::hint::black_box(estimate(p, &[], &english));
            },
            &mut |p| {
                std::hint::black_box(zxcvbn::zxcvbn(p, &[]));
            },
        ],
    )
}
