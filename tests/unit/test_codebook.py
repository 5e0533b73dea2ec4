"""The CAMEO codebook data file: every code carries all four facts."""

from __future__ import annotations

import pytest

from eventwire.events.codebook import load_codebook, lookup, plover_types, quad_class_of

ROOTS = [f"{n:02d}" for n in range(1, 21)]


def test_codebook_has_all_313_codes():
    assert len(load_codebook()) == 313


@pytest.mark.parametrize("code", sorted(load_codebook()))
def test_codebook_every_code_has_four_facts(code):
    entry = load_codebook()[code]
    assert entry.name
    assert -10.0 <= entry.goldstein <= 10.0
    assert entry.quad_class == quad_class_of(code)
    if code[:2] in ("01", "02"):
        assert entry.plover is None  # PLOVER drops statements and appeals
    else:
        assert entry.plover in plover_types()


@pytest.mark.parametrize("root", ROOTS)
def test_codebook_every_root_present(root):
    assert root in load_codebook()
    assert f"{root}0" in load_codebook()


@pytest.mark.parametrize(("code", "plover", "quad"), [
    ("0831", "CONCEDE", 2), ("190", "ASSAULT", 4), ("163", "COERCE", 4), ("130", "THREATEN", 3),
])
def test_codebook_known_facts(code, plover, quad):
    assert (lookup(code).plover, lookup(code).quad_class) == (plover, quad)


@pytest.mark.parametrize(("code", "quad"), [("223", 0), ("174K", 4), ("0334x", 1)])
def test_codebook_lookup_unknown_code(code, quad):
    entry = lookup(code)
    assert entry.code == code
    assert entry.quad_class == quad
    assert "not in the CAMEO codebook" in entry.name


@pytest.mark.parametrize(("code", "quad"), [
    *[(f"{n:02d}", 1) for n in range(1, 6)], *[(f"{n:02d}", 2) for n in range(6, 9)],
    *[(f"{n:02d}", 3) for n in range(9, 14)], *[(f"{n:02d}", 4) for n in range(14, 21)],
    ("5", 1), ("00", 0), ("21", 0), ("x1", 0),
])
def test_codebook_quad_class_by_root(code, quad):
    assert quad_class_of(code) == quad


def test_codebook_plover_types_are_the_sixteen():
    assert len(plover_types()) == 16
    assert {c.plover for c in load_codebook().values() if c.plover} == plover_types()
