"""Who may do what (B4, P4, A3, R3, V1) through `authorize`."""

from __future__ import annotations

import pytest

import pbx_rules as pr


def test_roles_and_refusals() -> None:
    user = pr.Actor.user("10")
    assert user.role == "user" and pr.Actor.admin().role == "admin"
    pr.authorize(user, pr.Action.set_backup_number("10"))
    with pytest.raises(pr.PermissionDenied) as info:
        pr.authorize(user, pr.Action.set_central_backup_number())
    assert info.value.code in pr.ERROR_CODES["PermissionDenied"]
    assert not issubclass(pr.PermissionDenied, PermissionError)  # the builtin is not shadowed
    with pytest.raises(pr.PermissionDenied):
        pr.authorize(pr.Actor.admin(), pr.Action.view_statistics())  # A3
    pr.authorize(pr.Actor.admin(extended_rights=True), pr.Action.view_statistics())
    assert pr.Action.view_sip_account().needs_extended_rights
    pr.authorize(pr.Actor.partner(advanced_training=True), pr.Action.switch_preview_mode())  # V1
    with pytest.raises(pr.PermissionDenied):
        pr.authorize(pr.Actor.partner(), pr.Action.switch_preview_mode())
