"""attack26: one's own name as a tired person types it, and what redaction takes with it.

What is stored is ``redact(text)``.  Typed into the bot: "it's jodie here" (one's own name,
with "here" after it) and "это Саша," (ru "this is Sasha") keep the writer's name, though
"Hi it's Jodie," and "jodie here," are hidden.  And in romanised Arabic and Somali a name
typed in lower case after "my name is" takes the words after it with it: "ana ismi fatima
wel group kan helw" (my name is Fatima and the group was nice) is stored as
"ana ismi [name] helw", the feedback lost."""

from __future__ import annotations

import pytest

from bot.redact import redact

# redact26 fixed all seven ("here" after one's own name, Russian diminutives, the
# feedback words that end a lower-case name): marks off.


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "its jodie here, the group was great",
            "jodie",
        ),
        pytest.param(
            "this is jodie here, the group was great",
            "jodie",
        ),
        pytest.param(
            "это Саша, группа отличная",  # this is Sasha, the group is great
            "Саша",
        ),
        # Guards: hidden on main.
        pytest.param("Hi it's Jodie, the group was great", "Jodie"),
        pytest.param("jodie here, the group was great", "jodie"),
        pytest.param("меня зовут саша и группа отличная", "саша"),
    ],
)
def test_ones_own_first_name_is_not_stored(text: str, name: str) -> None:
    stored = redact(text)
    assert name not in stored
    assert "group" in stored or "групп" in stored  # the feedback stays


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param(
            "ana ismi fatima wel group kan helw",  # my name is Fatima and the group was nice
            "group kan helw",
        ),
        pytest.param(
            "esmi fatima wel group kan helw",
            "group kan helw",
        ),
        pytest.param(
            "magacaygu waa hodan kooxdu way fiicnayd",  # my name is Hodan, the group was good
            "kooxdu way fiicnayd",
        ),
        pytest.param(
            "waxaa la i yiraahdaa hodan kooxdu way fiicnayd",  # I am called Hodan, the group…
            "kooxdu way fiicnayd",
        ),
        # Guards: capitalised, or with a comma, only the name goes.
        pytest.param("ana ismi Fatima wel group kan helw", "group kan helw"),
        pytest.param("magacaygu waa hodan, kooxdu way fiicnayd", "kooxdu way fiicnayd"),
    ],
)
def test_the_feedback_after_ones_own_name_is_kept(text: str, kept: str) -> None:
    stored = redact(text)
    assert "[name]" in stored
    assert kept in stored
