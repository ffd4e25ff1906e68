"""Issue 12 redaction leftovers: a street's number after its name, and an NHS number
starting with 0 told from a phone by its mod-11 check."""

from __future__ import annotations

import pytest

from bot.redact import redact


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("mieszkam na Mill Lane 14, mieszkanie 2", "mieszkam na [address]"),
        ("gyvenu Church Road 45, Bradford", "gyvenu [address], Bradford"),
        ("dzīvoju Station Road 8, dzīvoklis 3", "dzīvoju [address]"),
        ("stau pe Victoria Road nr. 31, ap. 2", "stau pe [address]"),
        ("живу на Green Street 45, кв. 2", "живу на [address]"),
        ("moro na Queen Street 7 com a minha mãe", "moro na [address] com a minha mãe"),
    ],
)
def test_a_street_with_its_number_after_the_name_is_an_address(text: str, want: str) -> None:
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "went down the High Street 2 days ago",
        "took the bus on Mill Road 3 times",
        "we meet at Park Road 2pm",
        "Church Road 4 Surgery is good",
    ],
)
def test_a_street_with_a_count_or_a_time_after_it_is_kept(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("NHS numurs 093 573 8983", "NHS numurs [nhs_number]"),
        ("NHS номер 093 573 8983", "NHS номер [nhs_number]"),
        ("093 573 8983 is on my letter", "[nhs_number] is on my letter"),
        ("call me on 093 573 8983", "call me on [phone]"),
        ("ring 0935738983", "ring [phone]"),
    ],
)
def test_an_nhs_number_starting_with_0_is_told_from_a_phone(text: str, want: str) -> None:
    assert redact(text) == want
