#!/usr/bin/env python3
"""Provision a PBX's extensions from a CSV file.

Reads `name,extension,email,backup_number` (the backup number as people typed it), checks
every row with pbx_rules, creates each extension's account and gives it a random initial
PIN (from the OS CSPRNG) as the admin (P4: the user must change it within the window, P5),
and writes two files:

* ``<out>/import.jsonl``: one line per extension with its master data (backup number in
  E.164, mirrored as mobile number, B5) and its account state (argon2id hash of the PIN,
  origin, window start), both as the core reads them back (`from_dict`);
* ``<out>/mail_merge.csv``: name, email, login id and the one-time PIN, for the letters.
  Mail it, then delete it: it is the only place the PINs exist in plain text.

Bad rows are reported on stderr with line number, column and the message in German or
English, and the rest is imported. Usage:

    python provision.py extensions.csv --base-number "06131 62468" --out out/ --lang de
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, TypeVar

import pbx_rules as pr

T = TypeVar("T")


@dataclass
class Refusal:
    line: int
    column: str
    error: pr.PbxRulesError

    def text(self, lang: str) -> str:
        message = self.error.message_de if lang == "de" else self.error.message_en
        return f"line {self.line}, column {self.column}: {message} [{self.error.code}]"


def progress(rows: Iterable[T], total: int, label: str, enabled: bool) -> Iterator[T]:
    """A small stderr progress bar (tqdm when installed), for files of thousands of rows."""
    if not enabled:
        yield from rows
        return
    try:
        from tqdm import tqdm  # type: ignore[import-untyped]
    except ImportError:
        total = max(total, 1)
        for i, row in enumerate(rows, 1):
            if i == total or i % 200 == 0:
                done = 30 * i // total
                print(f"\r{label} [{'#' * done}{'.' * (30 - done)}] {i}/{total}", end="", file=sys.stderr)
            yield row
        print(file=sys.stderr)
    else:
        yield from tqdm(rows, total=total, desc=label, file=sys.stderr)


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        # Line numbers as an editor shows them: the header is line 1.
        return [(i + 2, {k: (v or "").strip() for k, v in row.items()}) for i, row in enumerate(reader)]


def create_account(ext: pr.ExtensionMasterData, now: dt.datetime, rules: pr.Rules) -> tuple[pr.ExtensionAccount, pr.Pin]:
    """The account with a random PIN set by the admin, in one hash (P4, P5). The hash runs
    with the GIL released, so a thread pool keeps every core busy."""
    data = ext.view()
    pin = pr.generate_pin(pr.PinContext(extension_digits=data.digits, names=[data.name]), rules)
    created = pr.ExtensionAccount.create_with_pin(data.digits, pin.expose(), now, rules)
    return created.account, pin


def provision(
    rows: list[tuple[int, dict[str, str]]],
    base: pr.BaseNumber,
    rules: pr.Rules,
    now: dt.datetime,
    show_progress: bool,
) -> tuple[list[dict[str, object]], list[dict[str, str]], list[Refusal]]:
    refusals: list[Refusal] = []
    # Every backup number in one bulk call (all cores, GIL released); failures come per row.
    typed = [row["backup_number"] for _, row in rows]
    batch = rules.number_plan.normalize_many([t for t in typed if t])
    numbers: dict[int, Optional[str]] = {}
    failed = dict(batch.failures())
    e164s = batch.e164s()
    k = 0
    for i, t in enumerate(typed):
        if not t:
            numbers[i] = None
            continue
        if k in failed:
            refusals.append(Refusal(rows[i][0], "backup_number", failed[k]))
        numbers[i] = e164s[k]
        k += 1
    bad_lines = {r.line for r in refusals}

    admin = pr.Actor.admin()
    accepted: list[pr.ExtensionMasterData] = []
    for i, (line, row) in progress(enumerate(rows), len(rows), "checking", show_progress):
        if line in bad_lines:
            continue
        try:
            ext = pr.ExtensionMasterData(row["extension"], row["name"], email=row["email"] or None)
            base.extension_e164(row["extension"])
        except pr.PbxRulesError as e:
            refusals.append(Refusal(line, "extension", e))
            continue
        number = numbers[i]
        if number is not None:
            ext = ext.set_backup_number(admin, number, rules)
        accepted.append(ext)

    imports: list[dict[str, object]] = []
    letters: list[dict[str, str]] = []
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        accounts = pool.map(lambda e: create_account(e, now, rules), accepted)
        for ext, (account, pin) in zip(accepted, progress(accounts, len(accepted), "accounts", show_progress)):
            data = ext.view()
            imports.append({
                "extension_e164": base.extension_e164(data.digits),
                "master_data": ext.to_dict(),
                "account": account.to_dict(),
            })
            letters.append({
                "name": data.name,
                "email": data.email or "",
                "login": base.login_form(data.digits),
                "pin": pin.expose(),
            })
    refusals.sort(key=lambda r: r.line)
    return imports, letters, refusals


def write(out: Path, imports: Iterable[dict[str, object]], letters: list[dict[str, str]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "import.jsonl").open("w", encoding="utf-8") as f:
        for item in imports:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    with (out / "mail_merge.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["name", "email", "login", "pin"])
        writer.writeheader()
        writer.writerows(letters)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("csv", type=Path)
    ap.add_argument("--base-number", default="06131 62468", help="the PBX number as typed")
    ap.add_argument("--region", default="DE", help="default region of the PBX (N1)")
    ap.add_argument("--out", type=Path, default=Path("provisioned"))
    ap.add_argument("--lang", choices=["de", "en"], default="de")
    ap.add_argument("--progress", action="store_true", help="force the progress bar")
    args = ap.parse_args(argv)

    policy = pr.Policy.centrexx()
    rules = pr.Rules(policy.replace(numbers=policy.numbers.replace(default_region=args.region)))
    base = pr.BaseNumber(args.base_number, rules.number_plan)
    rows = read_rows(args.csv)
    show = args.progress or (sys.stderr.isatty() and len(rows) > 1000)
    now = dt.datetime.now(dt.timezone.utc)
    imports, letters, refusals = provision(rows, base, rules, now, show)
    write(args.out, imports, letters)
    for r in refusals:
        print(f"{args.csv}: {r.text(args.lang)}", file=sys.stderr)
    print(f"imported {len(imports)}, refused {len(refusals)}; wrote {args.out}/import.jsonl and {args.out}/mail_merge.csv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
