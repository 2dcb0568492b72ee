"""The provisioning example end to end: bad rows reported with line and column, the rest
imported, hashes that verify against the one-time PINs of the mail merge."""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pbx_rules as pr

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(tmp_path: Path, lang: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / "provision.py"), str(EXAMPLES / "extensions.csv"),
         "--out", str(tmp_path), "--lang", lang],
        capture_output=True, text=True, check=True,
    )


def test_provision_end_to_end(tmp_path: Path) -> None:
    done = run(tmp_path, "de")
    assert "imported 6, refused 3" in done.stdout
    errors = done.stderr.splitlines()
    assert len(errors) == 3
    assert "line 5, column backup_number: Eine Rufnummer darf keine Buchstaben" in errors[0]
    assert "line 7, column extension:" in errors[1] and "LOGIN_ID_BAD_CHARACTER" in errors[1]
    assert "line 9, column backup_number: Die Rufnummer ist zu kurz." in errors[2]

    imports = [json.loads(line) for line in (tmp_path / "import.jsonl").read_text().splitlines()]
    with (tmp_path / "mail_merge.csv").open(newline="") as f:
        letters = list(csv.DictReader(f))
    assert [i["master_data"]["digits"] for i in imports] == ["10", "11", "12", "14", "15", "17"]
    assert imports[0]["master_data"]["backup_number"] == "+4917112345678"
    assert imports[2]["master_data"]["backup_number"] == "+41446681800"
    hasher = pr.Hasher.centrexx()
    for item, letter in zip(imports, letters):
        assert letter["login"].endswith("-" + item["master_data"]["digits"])
        account = pr.ExtensionAccount.from_dict(item["account"])  # state the core reads back
        view = account.view(dt.datetime.now(dt.timezone.utc), pr.Rules(pr.Policy.centrexx()))
        assert view.extension == item["master_data"]["digits"]
        assert view.pin_origin == pr.PinOrigin.ADMIN and view.must_change_pin  # P4, P5
        assert hasher.verify(item["account"]["pin_hash"], letter["pin"])
        assert letter["pin"] not in json.dumps(item)
        assert letter["pin"] not in ("0000", "1234")
        pr.ExtensionMasterData.from_dict(item["master_data"])  # state the core reads back


def test_provision_english_messages(tmp_path: Path) -> None:
    done = run(tmp_path, "en")
    assert "The phone number is too short." in done.stderr
