"""Phrasal verbs whose particle the parser hangs elsewhere, on sentences written for the purpose."""

from __future__ import annotations

import pytest

import eventwire


@pytest.fixture(scope="module")
def codes():
    def _codes(text: str) -> set[tuple[str, str | None]]:
        return {(e.code, e.source_code) for e in eventwire.process(text).events}

    return _codes


def test_call_for_a_clause_is_a_demand_not_a_phone_call(codes):
    found = codes("French President Anne Morel called for the embargo to be lifted.")
    assert ("100", "FRAGOV") in found
    assert not any(code == "041" for code, _ in found)


def test_a_date_after_call_is_no_call_on(codes):
    found = codes("President Barack Obama called Russian President Vladimir Putin on Monday.")
    assert ("041", "USAGOV") in found
    assert not any(code.startswith("10") for code, _ in found)
