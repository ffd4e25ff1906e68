"""Typed input in other scripts on Telegram (issue 18 item 12; issue 12 redaction).

Through the real adapter and the fake Bot API: an option number typed in any
digit system chooses it (own device and paper entry), a typed label matches
though the stored label carries direction isolates, and a reply made only of
invisible characters gets "please type your answer" and stores nothing.
"""

from __future__ import annotations

import pytest

from bot.i18n import load_catalogue
from tests.e2e.conftest import RunningBot
from tests.e2e.test_telegram_flow import past_fft, sessions_of
from tests.e2e.test_telegram_peer import member, open_tiny, sessions

CATALOGUE = load_catalogue()


@pytest.fixture
async def arabic_bot(settings, api):
    running = await RunningBot(settings.model_copy(update={"languages": ["en", "ar"]}), api).start()
    yield running
    await running.stop()


@pytest.fixture
async def tiny_bot(settings, api):
    running = await RunningBot(settings, api, opener=open_tiny).start()
    yield running
    await running.stop()


async def test_arabic_digits_and_isolated_labels_typed_on_telegram(arabic_bot, api):
    user = api.user(language_code="ar")
    shown = await user.send("/start")
    assert shown[-1].labels[0] == CATALOGUE.text("consent.agree", "ar")
    shown = await user.send("١")  # agree, typed in Arabic-Indic digits
    await past_fft(user, shown, CATALOGUE.text("button.skip", "ar"))
    shown = await user.send("٢")  # family member or carer
    site_labels = shown[-1].labels
    hmp = next(label for label in site_labels if "HMP" in label)
    assert "\u2068" in hmp  # stored with isolates around the Latin run
    await user.send(hmp.replace("\u2068", "").replace("\u2069", ""))
    [session] = await sessions_of(arabic_bot, user)
    assert session["answers"] == {"respondent_group": "family_carer", "site": "hmp_peterborough"}


async def test_paper_entry_takes_numbers_in_any_digit_system_and_refuses_blank(tiny_bot, api):
    peer = await member(tiny_bot, api, "peer", "cambridge_hub")
    await peer.send("/paper")
    await peer.send("১")  # Bengali one: I use drug or alcohol services
    empty = CATALOGUE.text("error.empty_text", "en")
    for blank in ("\u200b", "\u2067\u200d \u2069"):
        shown = await peer.send(blank)
        assert empty in shown[0].text
    await peer.send("\u200bToo long a wait\u200b")
    shown = await peer.send("２")  # full-width two: satisfied
    await peer.send("۳")  # Persian three is not an option on a text question: it is the text
    [form] = await sessions(tiny_bot)
    answers = await tiny_bot.store.answers(form["id"])
    assert answers == {
        "group": "service_user",
        "story": "Too long a wait",
        "overall": "satisfied",
        "anything_else": "۳",
    }


async def test_details_typed_in_other_digit_systems_are_redacted_on_telegram(tiny_bot, api):
    """Issue 12: what is stored is what was typed, minus the details, in any digit system."""
    user = api.user()
    await user.send("/start")
    await user.tap("Yes, I agree, let's start")
    await user.tap("I use drug or alcohol services")
    await user.send("رقمي ٠٧٩١١ ١٢٣٤٥٦ واسمي أحمد محمد علي، آخذ ٦٠ مل ميثادون")
    await user.tap("Satisfied")
    await user.send("আমার নম্বর ০৭৭০০\u200b ৯০০৮৮৮, sort code 20-00-00 31926819, FRANK 0300 123 6600")
    [session] = await sessions_of(tiny_bot, user)
    assert session["answers"]["story"] == "رقمي [phone] واسمي [name]، آخذ ٦٠ مل ميثادون"
    assert session["answers"]["anything_else"] == (
        "আমার নম্বর [phone], sort code 20-00-00 [bank_account], FRANK 0300 123 6600"
    )
