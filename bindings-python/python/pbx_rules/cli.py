"""`python -m pbx_rules`: command-line tools for provisioning work.

* ``normalize``: phone numbers as typed (one per line, or one column of a CSV file) to E.164,
  in bulk on every core; each bad row is reported on stderr as ``FILE:LINE: CODE: message``
  and the exit status is 1 when any row failed.
* ``check-pin``: PINs read from stdin, one per line, checked against the PIN rules (P1, P3).
* ``meter``: the strength meter's level and feedback (K2, K4) for a password read from stdin,
  never from the command line (which other users can read in the process list).
* ``calibrate``: measures argon2id on this host and prints the hashing policy that meets a
  target time per hash, like ``python -m argon2``.

Every subcommand has ``--help``. Secrets are never printed.
"""

from __future__ import annotations

import argparse
import csv
import getpass
import json
import statistics
import sys
import time
from typing import Callable, Iterator, Optional, Sequence, TextIO

import pbx_rules as pr

CHUNK = 10_000  # rows per bulk call, so the progress bar moves on large files


def lang_of(name: str) -> pr.Lang:
    return pr.Lang.DE if name == "de" else pr.Lang.EN


def message(error: pr.PbxRulesError, lang: str) -> str:
    return error.message_de if lang == "de" else error.message_en


class Progress:
    """A one-line bar on stderr, shown only on a terminal (or when forced)."""

    def __init__(self, total: int, label: str, enabled: bool, stream: TextIO) -> None:
        self.total, self.label, self.enabled, self.stream = max(total, 1), label, enabled, stream

    def update(self, done: int) -> None:
        if self.enabled:
            filled = 30 * done // self.total
            bar = "#" * filled + "." * (30 - filled)
            print(f"\r{self.label} [{bar}] {done}/{self.total}", end="", file=self.stream, flush=True)

    def close(self) -> None:
        if self.enabled:
            print(file=self.stream)


def normalize_all(
    plan: pr.NumberPlan, typed: Sequence[str], progress: Progress
) -> Iterator[tuple[int, Optional[str], Optional[pr.NumberError]]]:
    """(index, E.164 or None, error or None) per value; blank values stay blank, unchecked."""
    for start in range(0, len(typed), CHUNK):
        chunk = typed[start : start + CHUNK]
        filled = [i for i, t in enumerate(chunk) if t.strip()]
        batch = plan.normalize_many([chunk[i] for i in filled])
        e164s, failed = batch.e164s(), dict(batch.failures())
        results: dict[int, tuple[Optional[str], Optional[pr.NumberError]]] = {}
        for k, i in enumerate(filled):
            results[i] = (e164s[k], failed.get(k))
        for i in range(len(chunk)):
            e164, error = results.get(i, (None, None))
            yield start + i, e164, error
        progress.update(min(start + CHUNK, len(typed)))
    progress.close()


def read_rows(args: argparse.Namespace, source: TextIO) -> tuple[list[int], list[str], Optional[list[list[str]]], int]:
    """Line numbers, typed values, the CSV rows (None for plain lines) and the column index."""
    if args.column is None:
        lines = source.read().splitlines()
        return list(range(1, len(lines) + 1)), lines, None, -1
    reader = csv.reader(source, delimiter=args.delimiter)
    header = next(reader, None)
    if header is None or args.column not in header:
        raise SystemExit(f"{args.input}: no column {args.column!r} in the header {header or []}")
    column = header.index(args.column)
    rows: list[list[str]] = [header]
    numbers: list[int] = []
    for row in reader:
        rows.append(row)
        numbers.append(reader.line_num)  # as an editor counts: the header is line 1
    typed = [row[column] if column < len(row) else "" for row in rows[1:]]
    return numbers, typed, rows, column


def cmd_normalize(args: argparse.Namespace) -> int:
    source = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8", newline="")
    with source:
        lines, typed, rows, column = read_rows(args, source)
    name = "<stdin>" if args.input == "-" else args.input
    plan = pr.NumberPlan(args.region)
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    progress = Progress(len(typed), "normalize", show, sys.stderr)
    failures: list[str] = []
    out: list[str] = []
    for i, e164, error in normalize_all(plan, typed, progress):
        if error is not None:
            failures.append(f"{name}:{lines[i]}: {error.code}: {message(error, args.lang)}")
        out.append(e164 or "")
    if rows is None:
        sys.stdout.write("".join(value + "\n" for value in out))
    else:
        writer = csv.writer(sys.stdout, delimiter=args.delimiter, lineterminator="\n")
        writer.writerow(rows[0])
        for row, value in zip(rows[1:], out):
            row = row + [""] * (column + 1 - len(row))
            row[column] = value
            writer.writerow(row)
    for line in failures:
        print(line, file=sys.stderr)
    done = sum(1 for value in out if value)
    print(f"{done} normalized, {len(failures)} failed, {len(typed) - done - len(failures)} blank", file=sys.stderr)
    return 1 if failures else 0


def read_secret(prompt: str) -> str:
    """One secret from stdin, or typed without echo on a terminal; never from argv."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\r\n")


def preset(name: str) -> pr.Rules:
    return pr.Rules(pr.Policy.preset(name))


def cmd_check_pin(args: argparse.Namespace) -> int:
    rules = preset(args.policy)
    ctx = pr.PinContext(extension_digits=args.extension, names=args.name)
    pins = [read_secret("PIN: ")] if sys.stdin.isatty() else sys.stdin.read().splitlines()
    refused = 0
    for line, pin in enumerate(pins, 1):
        try:
            accepted = pr.validate_new_pin(pin, pin, ctx, rules)
        except pr.PbxRulesError as e:
            refused += 1
            print(f"line {line}: {e.code}: {message(e, args.lang)}")
            continue
        warnings = ", ".join(w.code for w in accepted.warnings)
        print(f"line {line}: ok" + (f" (warnings: {warnings})" if warnings else ""))
    return 1 if refused else 0


def cmd_meter(args: argparse.Namespace) -> int:
    password = read_secret("Password: ")
    rules = preset(args.policy)
    try:
        pr.parse_password(password, False, rules)
        rules_error: Optional[pr.PbxRulesError] = None
    except pr.PbxRulesError as e:
        rules_error = e
    ctx = pr.PasswordContext(head_number=args.head_number, company_name=args.company, admin_email=args.email)
    strength = pr.evaluate(password, ctx, rules)
    langs = ["de", "en"] if args.lang == "both" else [args.lang]
    report: dict[str, object] = {"level": strength.level.code, "score": strength.score}
    for lang in langs:
        report[lang] = {
            "level": strength.level_name(lang_of(lang)),
            "warning": strength.warning_text(lang_of(lang)),
            "suggestions": strength.suggestion_texts(lang_of(lang)),
        }
    if rules_error is not None:
        report["error"] = {"code": rules_error.code, **{lang: message(rules_error, lang) for lang in langs}}
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(f"level: {report['level']} (score {strength.score} of 4)")
        for lang in langs:
            texts = report[lang]
            assert isinstance(texts, dict)
            print(f"[{lang}] {texts['level']}" + (f": {texts['warning']}" if texts["warning"] else ""))
            for hint in texts["suggestions"]:
                print(f"[{lang}]   - {hint}")
        if rules_error is not None:
            print(f"refused: {rules_error.code}: {message(rules_error, langs[0])}")
    return 1 if rules_error is not None else 0


def median_ms(hash_once: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        hash_once()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def cmd_calibrate(args: argparse.Namespace) -> int:
    base = preset(args.policy).policy.hashing
    memory = args.memory_kib or base.m_cost_kib
    lanes = args.parallelism or base.p_cost
    limit = max(base.max_t_cost, args.max_t)

    def policy_for(t_cost: int) -> pr.HashPolicy:
        return base.replace(
            m_cost_kib=memory,
            t_cost=t_cost,
            p_cost=lanes,
            max_m_cost_kib=max(base.max_m_cost_kib, memory),
            max_p_cost=max(base.max_p_cost, lanes),
            max_t_cost=limit,
        )

    print(f"argon2id, m={memory} KiB, p={lanes}, target {args.target_ms:.0f} ms per hash", file=sys.stderr)
    chosen: Optional[pr.HashPolicy] = None
    t_cost = base.t_cost
    while t_cost <= args.max_t:
        policy = policy_for(t_cost)
        hasher = pr.Hasher(policy)
        ms = median_ms(lambda: hasher.hash("calibration"), args.rounds)
        print(f"  t={t_cost}: {ms:.1f} ms", file=sys.stderr)
        if ms > args.target_ms:
            break
        chosen, t_cost = policy, t_cost + 1
    if chosen is None:
        print(
            f"even t={base.t_cost} takes longer than {args.target_ms:.0f} ms here: "
            f"raise the target or lower --memory-kib (the {args.policy} preset asks for m={base.m_cost_kib})",
            file=sys.stderr,
        )
        return 1
    print(json.dumps(chosen.to_dict(), indent=2))
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="python -m pbx_rules",
        description="Provisioning tools of pbx-rules: numbers to E.164, PIN checks, the password meter, hash costs.",
    )
    root.add_argument(
        "--version", action="version", version=f"pbx_rules {pr.__version__} (libphonenumber metadata {pr.metadata_version()})"
    )
    sub = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=["de", "en"], default="de", help="language of the messages (default: de)")
    policy = argparse.ArgumentParser(add_help=False)
    policy.add_argument("--policy", choices=["centrexx", "strict"], default="centrexx", help="policy preset (default: centrexx)")

    n = sub.add_parser(
        "normalize",
        parents=[lang],
        help="phone numbers as typed to E.164",
        description="Reads numbers as typed (one per line, or one CSV column) and writes them in E.164, "
        "one output row per input row (blank where a row failed or was blank). Each failed row is "
        "reported on stderr as FILE:LINE: CODE: message; the exit status is 1 when any row failed.",
    )
    n.add_argument("input", nargs="?", default="-", help="file to read (default: stdin)")
    n.add_argument("--region", default="DE", help="default region for national numbers (default: DE)")
    n.add_argument("--column", help="read this column of a CSV file (with a header) and write the CSV back")
    n.add_argument("--delimiter", default=",", help="CSV delimiter (default: ,)")
    bar = n.add_mutually_exclusive_group()
    bar.add_argument("--progress", action="store_true", default=None, help="always show the progress bar")
    bar.add_argument("--no-progress", dest="progress", action="store_false", help="never show it (default: on a terminal)")
    n.set_defaults(run=cmd_normalize)

    c = sub.add_parser(
        "check-pin",
        parents=[lang, policy],
        help="check PINs read from stdin",
        description="Checks each line of stdin as a new PIN (P1, P3): 'ok', 'ok (warnings: ...)' for trivial "
        "PINs the policy allows, or the refusal's code and message. PINs are never echoed. Exit 1 when any is refused.",
    )
    c.add_argument("--extension", help="the extension's digits (a PIN equal to them is trivial)")
    c.add_argument("--name", action="append", default=[], help="a name the PIN must not spell (repeatable)")
    c.set_defaults(run=cmd_check_pin)

    m = sub.add_parser(
        "meter",
        parents=[policy],
        help="strength of a password read from stdin",
        description="Reads one password from stdin (typed without echo on a terminal; never from the command "
        "line) and prints the meter's level and feedback (K2, K4). Exit 1 when the password rules (K1) refuse it.",
    )
    m.add_argument("--lang", choices=["de", "en", "both"], default="both", help="feedback language (default: both)")
    m.add_argument("--head-number", help="the PBX's head number (context the password must not contain)")
    m.add_argument("--company", help="the company name (context)")
    m.add_argument("--email", help="the admin's e-mail address (context)")
    m.add_argument("--json", action="store_true", help="print JSON")
    m.set_defaults(run=cmd_meter)

    k = sub.add_parser(
        "calibrate",
        parents=[policy],
        help="argon2id costs that meet a target time on this host",
        description="Hashes with the preset's memory and lanes at rising time costs and prints, as JSON "
        "(HashPolicy.from_dict reads it), the highest time cost whose median stays within the target. "
        "Exit 1 when even the preset's time cost is too slow.",
    )
    k.add_argument("--target-ms", type=float, default=50.0, help="time per hash to stay within (default: 50)")
    k.add_argument("--memory-kib", type=int, help="memory cost (default: the preset's)")
    k.add_argument("--parallelism", type=int, help="lanes (default: the preset's)")
    k.add_argument("--max-t", type=int, default=10, help="highest time cost to try (default: 10)")
    k.add_argument("--rounds", type=int, default=5, help="hashes per measurement (default: 5)")
    k.set_defaults(run=cmd_calibrate)
    return root


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except pr.PbxRulesError as e:  # a bad --region or policy value: say which, no traceback
        lang = getattr(args, "lang", "en")
        print(f"{e.code}: {message(e, 'en' if lang == 'both' else lang)}", file=sys.stderr)
        return 2
    return status
