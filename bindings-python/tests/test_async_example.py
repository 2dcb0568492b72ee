"""The README's "where blocking work runs" example: logins hash on worker threads through
``asyncio.to_thread`` while the event loop keeps running (the binding releases the GIL, G4)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "async_login.py"


def test_g4_hashing_runs_off_the_event_loop() -> None:
    done = subprocess.run([sys.executable, str(EXAMPLE)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "4 logins hashed" in done.stdout and "the loop ticked" in done.stdout
