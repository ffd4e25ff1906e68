"""Redaction leftovers of issue 12 (helper redact24): what a reader of the stored feedback
would notice, in several languages and scripts for each kind.

- A flat number alone stays ("we moved to flat 3b"): every town has a flat 3, and the issue
  keeps rooms and wards; a flat with its street, block, building or postcode is one address.
- A card's security code goes with the card ("card [card] cvv [card]").
- A given name that is also a word (Gujarati "સારા": Sara, good; Arabic "سعيد": Saeed, happy)
  is a name after a role or "I am" with a surname after it, and a word everywhere else.
"""

from __future__ import annotations

import pytest

from bot.redact import redact


@pytest.mark.parametrize(
    "text",
    [
        "we moved to flat 3b last month, same building",
        "I live in flat 3",
        "mieszkam w mieszkaniu nr 4 od roku",
        "живу в квартире 14",
        "живу в кв. 12",
        "أسكن في شقة ٣",
        "میں فلیٹ 4 میں رہتا ہوں",
        "gyvenu bute 5",
        "the group is in room 4 on Ward 7",
    ],
)
def test_a_flat_number_alone_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("flat 3, 12 Mill Lane", "[address]"),
        ("I live in Orchard House, flat 3", "I live in [address]"),
        ("we're in Block D, Flat 7, Ash Court", "we're in [address]"),
        ("write to me at flat 2, B12 9AB", "write to me at [address], [postcode]"),
        ("живу 12 Park Road, кв. 4", "живу [address]"),
        ("عنواني 12 Church Street شقة ٤", "عنواني [address]"),
        ("gyvenu Žalgirio g. 12, butas 3", "gyvenu [address]"),
    ],
)
def test_a_flat_with_its_street_building_or_postcode_is_one_address(text: str, want: str) -> None:
    assert redact(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("card 4111 1111 1111 1111 cvv 123", "card [card] cvv [card]"),
        ("card 4111 1111 1111 1111 exp 04/27 CVC: 321", "card [card] exp 04/27 CVC: [card]"),
        ("karta 4111 1111 1111 1111, kod CVV 321", "karta [card], kod CVV [card]"),
        ("карта 4111 1111 1111 1111 код безопасности 123", "карта [card] код безопасности [card]"),
        (
            "cartão 4111 1111 1111 1111 código de segurança 456",
            "cartão [card] código de segurança [card]",
        ),
        ("بطاقتي 4111 1111 1111 1111 رمز الأمان ١٢٣", "بطاقتي [card] رمز الأمان [card]"),
        ("mera card 4111 1111 1111 1111 aur cvv 555", "mera card [card] aur cvv [card]"),
        ("my visa, the 3 digit code 123", "my visa, the 3 digit code [card]"),
    ],
)
def test_a_cards_security_code_is_hidden_with_the_card(text: str, want: str) -> None:
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "security code for the door is 4471",
        "we decided 123 people would come",
        "the 3 digit code on the key safe is 123",
    ],
)
def test_a_security_code_without_a_card_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("મારા કેસવર્કર સારા જોન્સ બહુ સારા છે", "મારા કેસવર્કર [name] બહુ સારા છે"),
        ("મારી ડોક્ટર સારા પટેલ હતી", "મારી ડોક્ટર [name] હતી"),
        ("હું સારા પટેલ છું", "હું [name] છું"),
        ("الممرضة سعيدة الخطيب كانت لطيفة", "الممرضة [name] كانت لطيفة"),
        ("أنا سعيد حداد", "أنا [name]"),
    ],
)
def test_a_name_that_is_also_a_word_is_a_name_after_a_role_or_i_am(text: str, want: str) -> None:
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "મારા કેસવર્કર સારા છે",
        "મારા કેસવર્કર સારા માણસ છે",
        "હું સારા છું",
        "હું સારા માણસ છું",
        "સારા લોકો છે",
        "સારા પટેલ બહુ મદદરૂપ હતા",
        "أنا سعيد جدا",
        "أنا سعيد اليوم",
        "الممرضة سعيدة كتير",
    ],
)
def test_a_name_that_is_also_a_word_stays_without_a_cue_and_a_second_name(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("i'm kelly and i drink", "i'm [name] and i drink"),
        ("i am dave smith and i drink", "i am [name] and i drink"),
        ("they call me dave and i'm fine", "they call me [name] and i'm fine"),
        ("jestem marek i dziękuję", "jestem [name] i dziękuję"),
        ("jestem ewa szczęśliwa", "jestem [name] szczęśliwa"),
        ("sou o rui", "sou o [name]"),
        ("sou a maria feliz com o serviço", "sou a [name] feliz com o serviço"),
        ("я ольга, мне 40", "я [name], мне 40"),
        ("esu tomas", "esu [name]"),
        ("esmu jānis", "esmu [name]"),
        ("waxaan ahay cali", "waxaan ahay [name]"),
        ("to ja, Ola", "to ja, [name]"),
        ("ami rahim, dhonnobad", "ami [name], dhonnobad"),
        ("main ali hoon", "main [name] hoon"),
        ("hu Ramesh chu", "hu [name] chu"),
        ("Aš Tomas ir man gerai", "Aš [name] ir man gerai"),
        ("أنا محمد من لندن", "أنا [name] من لندن"),
        ("আমি রহিম", "আমি [name]"),
        ("میں علی ہوں", "میں [name] ہوں"),
        ("ਮੈਂ ਗੁਰਪ੍ਰੀਤ ਹਾਂ", "ਮੈਂ [name] ਹਾਂ"),
        ("હું રમેશ છું", "હું [name] છું"),
    ],
)
def test_ones_own_first_name_in_an_introduction_is_hidden_in_any_case(text: str, want: str) -> None:
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "her name is Priya",
        "the nurse, Priya, was kind",
        "i'm frank with you, it was bad",
        "I'm grace and I'm grateful",
        "i'm kasia's mum",
        "i'm main carer for my mum",
        "Tu Marcin mi pomógł",
        "это Ольга мне помогла",
        "main Ali ke saath gaya",
        "jestem szczęśliwa",
        "ana mabsout",
        "main theek hoon",
        "أنا بخير",
        "আমি ভালো আছি",
        "હું સારા છું",
    ],
)
def test_someone_elses_first_name_and_words_after_i_am_stay(text: str) -> None:
    assert redact(text) == text
