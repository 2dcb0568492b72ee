"""V1, V2 through the binding."""

from __future__ import annotations

import pytest

import pbx_rules as pr


def test_footer_and_toggle() -> None:
    staff = pr.Actor.staff()
    assert pr.preview_footer(pr.PreviewMode.STANDARD, staff) == "Preview: nein"
    assert pr.preview_toggled(pr.PreviewMode.STANDARD, staff) == pr.PreviewMode.PREVIEW
    assert pr.preview_footer(pr.PreviewMode.PREVIEW, pr.Actor.admin()) is None
    with pytest.raises(pr.PermissionDenied):
        pr.preview_toggled(pr.PreviewMode.STANDARD, pr.Actor.admin())
    assert not pr.feature_available("beta", True, pr.PreviewMode.STANDARD)
    assert pr.feature_available("beta", True, pr.PreviewMode.PREVIEW)
