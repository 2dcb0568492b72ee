"""G4 through the binding: the argon2-cffi-shaped Hasher and hash_many."""

from __future__ import annotations

import threading
import time

import pytest

import pbx_rules as pr
from conftest import cheap_hasher


def test_g4_hash_verify_rehash() -> None:
    h = pr.Hasher.centrexx()
    stored = h.hash("4711")
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert h.verify(stored, "4711") is True
    assert h.verify(stored, b"4711") is True
    assert not h.needs_rehash(stored) and not h.check_needs_rehash(stored)
    assert cheap_hasher().needs_rehash(stored)


def test_g4_wrong_secret_raises_verify_mismatch_like_argon2_cffi() -> None:
    # Code ported from argon2-cffi treats "no exception" as "logged in": a wrong secret must
    # raise, never return a falsy value.
    h = cheap_hasher()
    stored = h.hash("4711")
    with pytest.raises(pr.VerifyMismatchError) as info:
        h.verify(stored, "4712")
    assert isinstance(info.value, pr.HashError) and issubclass(pr.VerifyMismatchError, pr.HashError)
    assert info.value.code == "HASH_MISMATCH"
    assert info.value.message_de and info.value.message_en and info.value.details == {}
    assert "4711" not in str(info.value) and "4712" not in str(info.value)


def test_g4_pepper_is_needed_to_verify() -> None:
    peppered = pr.Hasher.centrexx(pepper=b"server secret")
    stored = peppered.hash("4711")
    assert peppered.verify(stored, "4711")
    with pytest.raises(pr.VerifyMismatchError):
        pr.Hasher.centrexx().verify(stored, "4711")
    assert "server secret" not in repr(peppered)


def test_malformed_hash_is_a_hash_error() -> None:
    with pytest.raises(pr.HashError) as info:
        pr.Hasher.centrexx().verify("$bcrypt$nope", "4711")
    assert info.value.code in ("HASH_MALFORMED", "HASH_UNSUPPORTED")


def test_hash_many_in_order_with_failures_reported() -> None:
    h = cheap_hasher()
    batch = h.hash_many(["1111", b"2222", "3333"])
    hashes = batch.hashes()
    assert len(batch) == 3 and batch.failures() == []
    assert all(x is not None for x in hashes)
    assert [h.verify(x or "", s) for x, s in zip(hashes, ["1111", "2222", "3333"])] == [True] * 3
    # A policy Argon2 refuses makes every row fail, reported per row rather than raised.
    broken = pr.Hasher(pr.HashPolicy.centrexx().replace(m_cost_kib=1))
    failed = broken.hash_many(["1", "2"])
    assert [i for i, _ in failed.failures()] == [0, 1]
    assert all(isinstance(e, pr.HashError) for _, e in failed.failures())


def test_hash_releases_the_gil() -> None:
    h = pr.Hasher.centrexx()
    ticks = 0
    done = threading.Event()

    def worker() -> None:
        for _ in range(5):
            h.hash("4711")
        done.set()

    t = threading.Thread(target=worker)
    t.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    t.join()
    assert ticks > 5
