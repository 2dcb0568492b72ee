"""N1–N6 through the binding: numbers.json and login_ids.json, every case; bulk calls."""

from __future__ import annotations

import pathlib
import threading
import time
from typing import Any

import pytest

import pbx_rules as pr
from conftest import cases, families_of, load

NUMBER_CASES = cases("numbers.json")


@pytest.mark.parametrize("case", NUMBER_CASES, ids=[c["id"] for c in NUMBER_CASES])
def test_number_vectors(case: dict[str, Any]) -> None:
    plan = pr.NumberPlan(case["region"])
    if "error" in case:
        with pytest.raises(pr.NumberError) as info:
            plan.normalize(case["input"])
        assert info.value.code == case["error"]
        assert type(info.value) in families_of(case["error"])
        return
    n = plan.normalize(case["input"])
    assert n.e164 == case["e164"]
    assert n.kind.code.upper() == case["kind"].upper()
    assert n.region == case["number_region"]
    assert n.international == case["international"]
    assert n.national == case["national"]


def test_metadata_version_is_the_one_the_embedded_xml_claims() -> None:
    xml = pathlib.Path(__file__).parents[2] / "core" / "metadata" / "PhoneNumberMetadata.xml"
    first = xml.read_text(encoding="utf-8").splitlines()[0]
    assert f"from phonenumbers {pr.metadata_version()};" in first


def test_normalize_many_agrees_with_normalize_and_reports_bad_rows() -> None:
    by_region: dict[str, list[dict[str, Any]]] = {}
    for c in NUMBER_CASES:
        by_region.setdefault(c["region"], []).append(c)
    for region, group in by_region.items():
        batch = pr.NumberPlan(region).normalize_many([c["input"] for c in group])
        assert len(batch) == len(group)
        assert batch.e164s() == [c.get("e164") for c in group]
        failures = batch.failures()
        assert [i for i, _ in failures] == [i for i, c in enumerate(group) if "error" in c]
        for i, err in failures:
            assert isinstance(err, pr.NumberError)
            assert err.code == group[i]["error"]
        assert batch.ok_count == len(group) - len(failures)


def test_batch_row_access() -> None:
    batch = pr.NumberPlan().normalize_many(["0171 12345678", "hello"])
    assert batch[0].e164 == "+4917112345678"
    with pytest.raises(pr.NumberError):
        batch[1]
    with pytest.raises(IndexError):
        batch[2]
    assert [n.e164 if n else None for n in batch.numbers()] == ["+4917112345678", None]


def test_normalize_many_releases_the_gil() -> None:
    """While one thread is inside normalize_many, another Python thread keeps running."""
    rows = ["0171 12345678", "+41 44 668 18 00", "06131 62468"] * 100_000
    plan = pr.NumberPlan()
    ticks = 0
    done = threading.Event()

    def worker() -> None:
        plan.normalize_many(rows)
        done.set()

    t = threading.Thread(target=worker)
    t.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    t.join()
    assert ticks > 5, "the GIL was held during normalize_many"


def test_e164_form_only() -> None:
    assert str(pr.E164("+4917112345678")) == "+4917112345678"
    assert pr.E164("+4917112345678").digits == "4917112345678"
    assert pr.E164("+4917112345678") == pr.E164("+4917112345678")
    with pytest.raises(pr.NumberError) as info:
        pr.E164("0171 12345678")
    assert info.value.code == "NUMBER_NOT_E164"


def test_unknown_region() -> None:
    with pytest.raises(pr.NumberError) as info:
        pr.NumberPlan("XX")
    assert info.value.code == "NUMBER_UNKNOWN_REGION"


LOGIN = load("login_ids.json")


@pytest.mark.parametrize("case", LOGIN["cases"], ids=[c["id"] for c in LOGIN["cases"]])
def test_login_id_vectors(case: dict[str, Any]) -> None:
    base = pr.BaseNumber(LOGIN["base_number"], pr.NumberPlan(LOGIN["region"]))
    central = LOGIN["central_digits"]
    if "error" in case:
        with pytest.raises(pr.LoginIdError) as info:
            if case["role"] == "user":
                base.user_login(case["input"])
            else:
                base.admin_login(case["input"], central)
        assert info.value.code == case["error"]
        return
    if case["role"] == "user":
        assert base.user_login(case["input"]) == case["extension"]
    else:
        assert case["ok"] is True
        base.admin_login(case["input"], central)


def test_base_number_display_forms() -> None:
    base = pr.BaseNumber("06131 62468")
    assert (base.area_code, base.subscriber, base.e164) == ("06131", "62468", "+49613162468")
    assert base.display_extension("10") == "+49 6131 62468-10"
    assert base.login_form("10") == "06131-62468-10"
    assert base.extension_e164("10") == "+4961316246810"
