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


PYPI = Path(__file__).resolve().parents[1] / "README.pypi.md"


def test_pypi_readme_example_runs_and_names_no_invented_address() -> None:
    text = PYPI.read_text(encoding="utf-8")
    code = text.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(code, str(PYPI), "exec"), {})
    pyproject = (PYPI.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert 'readme = "README.pypi.md"' in pyproject
    urls = pyproject.split("[project.urls]", 1)[1].split("\n[", 1)[0]
    # Only addresses that follow from the package names (no source repository exists yet).
    for line in urls.splitlines():
        if "=" in line and not line.startswith("#"):
            url = line.split("=", 1)[1].strip().strip('"')
            assert url in ("https://docs.rs/pbx-rules", "https://pypi.org/project/pbx-rules/"), url
    assert "github" not in text.lower() and "gitlab" not in text.lower()
