"""G6: presets, custom policies, and policies as state."""

from __future__ import annotations

import pickle

import pytest

import pbx_rules as pr


def test_presets_and_fields() -> None:
    p = pr.Policy.centrexx()
    assert p.pin.min_len == 4 and p.pin.max_len == 10 and p.pin.change_window_days == 42
    assert pr.Policy.preset("strict") == pr.Policy.strict()
    with pytest.raises(KeyError):
        pr.Policy.preset("lax")


def test_replace_and_round_trip() -> None:
    pin = pr.PinPolicy.centrexx().replace(min_len=6, default_pin="000000")
    assert pin.min_len == 6
    with pytest.raises(pr.PinError):
        pr.parse_pin("4711", pr.Rules(pr.Policy.centrexx().replace(pin=pin)))
    with pytest.raises(AttributeError):
        pin.replace(no_such_field=1)
    p = pr.Policy.strict()
    assert pr.Policy.from_dict(p.to_dict()) == p
    assert pickle.loads(pickle.dumps(p)) == p
    assert pickle.loads(pickle.dumps(pin)) == pin


def test_g6_every_field_from_a_preset_and_the_core_json() -> None:
    # Start from a preset, change any field (nested areas too), read every field back.
    p = pr.Policy.centrexx()
    custom = p.replace(pin=p.pin.replace(max_len=8, change_window_days=30), hashing=p.hashing.replace(t_cost=3))
    assert (custom.pin.max_len, custom.pin.change_window_days, custom.hashing.t_cost) == (8, 30, 3)
    assert p.pin.min_len == 4  # the preset itself is unchanged
    for area, fields in custom.to_dict().items():
        if isinstance(fields, dict):
            for name, value in fields.items():
                assert getattr(getattr(custom, area), name) == value, (area, name)
    # The core's JSON, the same in every language, and back.
    assert pr.Policy.from_json(custom.to_json()) == custom
    pr.Rules(custom)


def test_g6_policy_json_out_of_bounds_or_malformed_is_typed() -> None:
    doc = pr.Policy.centrexx().to_dict()
    doc["pin"]["change_window_days"] = 2147483647
    with pytest.raises(pr.PolicyError) as info:
        pr.Policy.from_dict(doc)
    assert info.value.code == "POLICY_OUT_OF_RANGE" and info.value.message_de
    # A change that contradicts another field (the default PIN 0000 under six digits).
    p = pr.Policy.centrexx()
    with pytest.raises(pr.PolicyError):
        pr.Policy.from_json(p.replace(pin=p.pin.replace(min_len=6)).to_json())
    with pytest.raises(pr.StateError) as bad:
        pr.Policy.from_json('{"pin": 1}')
    assert bad.value.code == "STATE_MALFORMED"
