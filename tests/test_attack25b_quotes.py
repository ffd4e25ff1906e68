"""Attack25b as a hostile reader of the published quotes (network report, posters,
noticeboard): a worker named in a quote is identifiable, and through them the writer, so a
quote naming a worker with their role, even by first name, is never chosen
(``bot.redact.staff.names_someone``, the gate ``bot.report.aggregate._publishable`` uses on
the stored, redacted text).  Each case here is a comment as stored (``redact``) put to that
gate: True means it is refused as a quote."""

from __future__ import annotations

import pytest

from bot.redact import redact
from bot.redact.staff import names_someone


def _refused(comment: str) -> bool:
    return names_someone(redact(comment))


@pytest.mark.parametrize(
    "comment",
    [
        "আমার কীওয়ার্কার রিনা খুব ভালো ছিলেন",  # bn: my keyworker Rina was very good
        "আমার কি ওয়ার্কার রিনা খুব ভালো ছিলেন",
        "ਮੇਰੀ ਕੀਵਰਕਰ ਰੀਨਾ ਬਹੁਤ ਚੰਗੀ ਸੀ",  # pa
        "میری کی ورکر رینا بہت اچھی تھی",  # ur
        "my keyworker Rina was very kind",
        "the nurse, Priya, was kind",
        "ask for Tomasz at reception",
    ],
)
def test_guard_a_keyworker_or_nurse_named_by_first_name_is_not_quoted(comment: str) -> None:
    assert _refused(comment)


@pytest.mark.parametrize(
    "comment",
    [
        "আমার কি-ওয়ার্কার রিনা খুব ভালো ছিলেন",  # bn: my key-worker Rina was very good
        "ਮੇਰਾ ਕੀ-ਵਰਕਰ ਰੀਨਾ ਬਹੁਤ ਚੰਗੀ ਸੀ",  # pa
        "میرا کی-ورکر رینا بہت اچھی تھی",  # ur
    ],
)
def test_a_hyphenated_key_worker_named_in_a_south_asian_script_is_not_quoted(
    comment: str,
) -> None:
    assert _refused(comment)


# redact26 decided: the desk is a role (a service has one Kelly on reception), so the quote
# is refused; tests/test_report_quote_names.py now counts "Sam on reception …" as naming
# someone.  Storage keeps the first name alone, as issue 12 says.  Mark off.
@pytest.mark.parametrize(
    "comment",
    [
        "Kelly on reception was rude",
        "Jo at the front desk was rude to me",
        "Tomasz z recepcji był niemiły",  # pl: Tomasz from reception was rude
        "Марина из регистратуры нагрубила",  # ru: Marina from reception was rude
    ],
)
def test_a_receptionist_named_by_first_name_is_not_quoted(comment: str) -> None:
    assert _refused(comment)


@pytest.mark.parametrize(
    "comment",
    ["Kasia tutaj, grupa była super", "Tu Kasia, grupa była super", "Sarah here, group was great"],
)
def test_guard_ones_own_name_given_as_here_is_not_stored(comment: str) -> None:
    assert "Kasia" not in redact(comment) and "Sarah" not in redact(comment)


@pytest.mark.parametrize(
    "comment", ["Kasia tu, grupa była super", "Kasia tu. Terapeutka kazała napisać"]
)
def test_ones_own_name_before_polish_tu_is_not_stored(comment: str) -> None:
    assert "Kasia" not in redact(comment)


@pytest.mark.parametrize(
    "comment",
    ["Tom, my keyworker, never calls back", "Tomek, mój terapeuta, jest super"],
)
def test_guard_a_worker_named_before_their_role_is_not_quoted(comment: str) -> None:
    assert _refused(comment)


# redact26: "who is" links the name to the role as the comma does, and a caseless name
# opening the message before "my <role>," is that worker's; mark off.
@pytest.mark.parametrize(
    "comment",
    [
        "Tom, who is my keyworker, is the best",
        "Tom who is my keyworker is the best",
        "টম, আমার কীওয়ার্কার, খুব ভালো",  # bn: Tom, my keyworker, very good
    ],
)
def test_a_worker_named_before_who_is_my_keyworker_is_not_quoted(comment: str) -> None:
    assert _refused(comment)
