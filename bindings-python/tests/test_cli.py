"""`python -m pbx_rules`: the provisioning command line, run as a user runs it (a subprocess
of this interpreter, from a temporary folder)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import pbx_rules as pr


def run(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pbx_rules", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


@pytest.mark.parametrize("command", [[], ["normalize"], ["check-pin"], ["meter"], ["calibrate"]])
def test_every_subcommand_has_help(command: list[str]) -> None:
    done = run(*command, "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: python -m pbx_rules")
    if not command:
        for name in ["normalize", "check-pin", "meter", "calibrate"]:
            assert name in done.stdout


def test_version_names_the_release_and_the_metadata() -> None:
    done = run("--version")
    assert done.stdout.strip() == f"pbx_rules {pr.__version__} (libphonenumber metadata {pr.metadata_version()})"
    assert pr.metadata_version().count(".") == 2


def test_n1_n2_normalize_lines_reports_each_bad_row_with_its_line() -> None:
    typed = "0171 12345678\n\n0171 12\n+49 30 1234567\n0800 FLOWERS\n"
    done = run("normalize", "--lang", "en", stdin=typed)
    assert done.returncode == 1, "rows failed, so the exit status says so"
    # One output line per input line; failed and blank rows stay blank, so lines align.
    assert done.stdout.split("\n")[:-1] == ["+4917112345678", "", "", "+49301234567", ""]
    errors = [line for line in done.stderr.splitlines() if line.startswith("<stdin>:")]
    assert errors == [
        "<stdin>:3: NUMBER_INVALID: " + pr.NumberPlan("DE").normalize_many(["0171 12"]).failures()[0][1].message_en,
        "<stdin>:5: NUMBER_HAS_LETTERS: " + pr.NumberPlan("DE").normalize_many(["0800 FLOWERS"]).failures()[0][1].message_en,
    ]
    assert "2 normalized, 2 failed, 1 blank" in done.stderr


def test_n1_normalize_all_good_exits_zero_and_no_bar_off_a_terminal() -> None:
    done = run("normalize", "--region", "AT", stdin="01 5880\n0664 1234567\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [pr.NumberPlan("AT").normalize(t).e164 for t in ["01 5880", "0664 1234567"]]
    assert "[" not in done.stderr, "no progress bar when stderr is not a terminal"


def test_n1_normalize_csv_column_keeps_the_other_columns(tmp_path: Path) -> None:
    source = tmp_path / "ext.csv"
    source.write_text('name,backup\nAda,0171 12345678\n"Bo, B.",0171 12\nCy,\n', encoding="utf-8")
    done = run("normalize", str(source), "--column", "backup", "--lang", "de", "--progress", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines() == ["name,backup", "Ada,+4917112345678", '"Bo, B.",', "Cy,"]
    # Editor line numbers: the header is line 1, so the bad row is line 3.
    assert f"{source}:3: NUMBER_INVALID: Dies ist keine gültige Rufnummer für DE." in done.stderr
    assert "normalize [" in done.stderr and "3/3" in done.stderr, "--progress forces the bar"


def test_normalize_unknown_column_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "ext.csv"
    source.write_text("name,phone\n", encoding="utf-8")
    done = run("normalize", str(source), "--column", "backup")
    assert done.returncode != 0 and "no column 'backup'" in done.stderr


def test_normalize_many_rows_in_chunks(tmp_path: Path) -> None:
    rows = [f"0171 {1000000 + i}" for i in range(25_000)] + ["0171 12"]
    done = run("normalize", stdin="\n".join(rows) + "\n")
    out = done.stdout.splitlines()
    assert len(out) == len(rows) and out[0] == "+491711000000" and out[-1] == ""
    assert f"<stdin>:{len(rows)}: NUMBER_INVALID" in done.stderr, "line numbers run across chunks"


def test_p1_p3_check_pin_from_stdin_never_echoes_the_pin() -> None:
    done = run("check-pin", "--extension", "10", "--lang", "en", stdin="4711\n12a4\n1010\n")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0] == "line 1: ok"
    assert lines[1].startswith("line 2: PIN_NOT_DIGITS: ")
    assert lines[2] == "line 3: ok (warnings: few_distinct_digits, repeated_group, extension_digits)"  # the findings' codes
    for pin in ["4711", "12a4", "1010"]:
        assert pin not in done.stdout + done.stderr


def test_p1_check_pin_strict_refuses_what_centrexx_warns() -> None:
    assert run("check-pin", stdin="123456\n").returncode == 0
    strict = run("check-pin", "--policy", "strict", stdin="123456\n")
    assert strict.returncode == 1 and "PIN_TRIVIAL" in strict.stdout


def test_k2_k4_meter_reads_stdin_and_gives_both_languages() -> None:
    # A common German word alone (long enough for K1): orange, with the German-word warning.
    done = run("meter", stdin="sonnenschein\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "level: orange (score 1 of 4)"
    assert "[de] orange: Häufige deutsche Wörter sind leicht zu erraten." in done.stdout
    assert "[en] orange: Common German words are easy to guess." in done.stdout
    assert "sonnenschein" not in done.stdout.lower()


def test_k2_meter_json_matches_the_binding() -> None:
    done = run("meter", "--json", "--lang", "en", "--company", "Muster GmbH", stdin="MusterGmbH2024\n")
    report = json.loads(done.stdout)
    strength = pr.evaluate("MusterGmbH2024", pr.PasswordContext(company_name="Muster GmbH"), pr.Rules.centrexx())
    assert report["level"] == strength.level.code and report["score"] == strength.score
    assert report["en"]["warning"] == strength.warning_text(pr.Lang.EN)


def test_k1_meter_refuses_a_password_the_rules_refuse() -> None:
    done = run("meter", "--lang", "en", stdin="kurz\n")
    assert done.returncode == 1 and "refused: PASSWORD_TOO_SHORT" in done.stdout


def test_g3_meter_takes_no_password_from_argv() -> None:
    done = run("meter", "Geheim123!")
    assert done.returncode == 2 and "unrecognized arguments" in done.stderr


def test_g4_calibrate_prints_a_policy_the_hasher_reads() -> None:
    done = run("calibrate", "--memory-kib", "64", "--target-ms", "5000", "--max-t", "3", "--rounds", "1")
    assert done.returncode == 0, done.stderr
    policy = pr.HashPolicy.from_dict(json.loads(done.stdout))
    assert (policy.m_cost_kib, policy.t_cost, policy.p_cost) == (64, 3, 1)
    assert "t=2:" in done.stderr and "t=3:" in done.stderr
    stored = pr.Hasher(policy).hash("4711")
    assert "m=64,t=3,p=1" in stored


def test_g4_calibrate_says_when_the_target_cannot_be_met() -> None:
    done = run("calibrate", "--target-ms", "0.001", "--rounds", "1", "--max-t", "2")
    assert done.returncode == 1 and done.stdout == ""
    assert "takes longer than" in done.stderr


def test_g2_a_bad_region_is_a_coded_error_not_a_traceback() -> None:
    done = run("normalize", "--region", "XX", stdin="0171 12345678\n")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.split(":")[0].isupper()
