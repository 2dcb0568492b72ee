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
    pin = pr.PinPolicy.centrexx().replace(min_len=6)
    assert pin.min_len == 6
    with pytest.raises(pr.PinError):
        pr.parse_pin("4711", pin)
    with pytest.raises(AttributeError):
        pin.replace(no_such_field=1)
    p = pr.Policy.strict()
    assert pr.Policy.from_dict(p.to_dict()) == p
    assert pickle.loads(pickle.dumps(p)) == p
    assert pickle.loads(pickle.dumps(pin)) == pin
