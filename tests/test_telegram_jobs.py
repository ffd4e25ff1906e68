"""Splitting long summaries into messages Telegram accepts."""

from bot.telegram.jobs import split_message


def test_short_text_is_one_message() -> None:
    assert split_message("Responses: 6\nCompleted: 80%\n") == ["Responses: 6\nCompleted: 80%"]


def test_long_text_splits_on_lines_and_loses_nothing() -> None:
    lines = [f"- theme {i}: {i}% of commenters" for i in range(400)]
    parts = split_message("\n".join(lines), limit=500)
    assert len(parts) > 1 and all(len(p) <= 500 for p in parts)
    assert "\n".join(parts).splitlines() == lines


def test_a_line_longer_than_the_limit_is_cut() -> None:
    parts = split_message("a" * 1200 + "\nend", limit=500)
    assert [len(p) for p in parts] == [500, 500, 204]
    assert parts[2] == "a" * 200 + "\nend"
