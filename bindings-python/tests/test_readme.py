"""The README's lifecycle example (P2, P6, P3, P9, G1) runs as written."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_lifecycle_example_runs() -> None:
    text = README.read_text(encoding="utf-8").split("## Lifecycle example", 1)[1]
    code = text.split("```python\n", 1)[1].split("```", 1)[0]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(README), "exec"), {})
    assert out.getvalue().splitlines() == ["sync 10 ***", "notify 10 changed_by_owner"]
