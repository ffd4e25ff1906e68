"""Redaction of blind batch 18's kinds of miss (helper redact26), each in several languages
and scripts, with lines written for these tests (never a corpus line), and what must stay
beside them.

- "NHS" with the Arabic article glued on ("الـNHS", "الNHS") names the number after it.
- An account word written in Gujarati or Gurmukhi letters ("એકાઉન્ટ નંબર", "ਅਕਾਊਂਟ"), and
  a sort code named in any script ("ਸੌਰਟ ਕੋਡ ੦੯-੦੧-੨੮"), which stays and is no date.
- Sixteen digits in four fours after a card word a sentence away are the card.
- A phone said in words with the romanised digits of Arabizi, Bengali, Urdu and Brazilian
  Portuguese ("tlate", "tmene", "shaat", "duy", "aik", "meia"), in groups with commas;
  a digit word after a UK number's eleventh digit is a word of the sentence ("… 7 8 che").
"""

from __future__ import annotations

import pytest

from bot.redact import redact


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("رقم الـNHS الخاص بي ٩٤٣ ٤٧٦ ٥٩١٩", "رقم الـNHS الخاص بي [nhs_number]"),
        ("ورقم الNHS تبعي 401 023 2137", "ورقم الNHS تبعي [nhs_number]"),
        ("بطاقة الـNHS رقمها ٦٤١ ٢٢٠ ٠٩٨٧ شكراً", "بطاقة الـNHS رقمها [nhs_number] شكراً"),
        # Guard: the article before a number said with a calling word is still a phone's.
        ("my NHS number is 401 023 2137", "my NHS number is [nhs_number]"),
    ],
)
def test_nhs_with_the_arabic_article_glued_on_names_the_number(text: str, want: str) -> None:
    assert redact(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "મારો એકાઉન્ટ નંબર ૪૪૧૨૦૯૮૭ છે, સોર્ટ કોડ ૨૦-૪૫-૭૭",
            "મારો એકાઉન્ટ નંબર [bank_account] છે, સોર્ટ કોડ ૨૦-૪૫-૭૭",
        ),
        ("ਮੇਰਾ ਅਕਾਊਂਟ ਨੰਬਰ ੩੩੨੧੦੯੮੭ ਹੈ", "ਮੇਰਾ ਅਕਾਊਂਟ ਨੰਬਰ [bank_account] ਹੈ"),
        ("ਸੌਰਟ ਕੋਡ ੧੧-੦੩-੮੯ ਵਾਲਾ ਬੈਂਕ", "ਸੌਰਟ ਕੋਡ ੧੧-੦੩-੮੯ ਵਾਲਾ ਬੈਂਕ"),
        ("সর্ট কোড ১২-০৪-৯১, অ্যাকাউন্ট ৬৬৭৭১২৩৪", "সর্ট কোড ১২-০৪-৯১, অ্যাকাউন্ট [bank_account]"),
        ("سورٹ کوڈ ۲۳-۰۵-۸۸ ہے", "سورٹ کوڈ ۲۳-۰۵-۸۸ ہے"),
        ("сорт код 14-02-90, счёт 55661234", "сорт код 14-02-90, счёт [bank_account]"),
        ("the sort code is 12-03-89", "the sort code is 12-03-89"),
    ],
)
def test_an_account_named_in_any_script_goes_and_its_sort_code_stays(text: str, want: str) -> None:
    assert redact(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "the card, well the long number on it, is 5412 3456 7890 1234",
            "the card, well the long number on it, is [card]",
        ),
        (
            "karta zablokowana... cały numer to 4532 9876 5432 1098",
            "karta zablokowana... cały numer to [card]",
        ),
        (
            "كرت البنك، الرقم الكامل ٤٥٣٢ ٩٨٧٦ ٥٤٣٢ ١٠٩٨",
            "كرت البنك، الرقم الكامل [card]",
        ),
        # Guard: no card word, a reference that fails Luhn stays.
        ("claim ref 4532 9876 5432 1098 from the council", None),
    ],
)
def test_sixteen_digits_in_fours_after_a_card_word_are_the_card(text: str, want: str) -> None:
    assert redact(text) == (text if want is None else want)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "raqmi sefr sab3a tmene wa7ed, tlate tlate tis3a, arb3a wa7ad sitte tnen",
            "raqmi [phone]",
        ),
        (
            "amar phone shunno shaat noy duy, teen char panch, chhoy shaat ek",
            "amar phone [phone]",
        ),
        (
            "mera number zero saat aath aik, do teen chaar, paanch aik aik saat",
            "mera number [phone]",
        ),
        ("o meu é zero sete nove meia, um dois três, quatro cinco meia sete", "o meu é [phone]"),
        (
            "maro number zero seven nine 1 one 2 3 four 5 6 7 che",
            "maro number [phone] che",
        ),
        ("mera number zero 7 nine one one 2 3 4 5 6 7 chhe na", "mera number [phone] chhe na"),
        # Guards: half an hour, counting, and a price said in words stay.
        ("esperei meia hora e fui embora", None),
        ("ek do teen char paanch", None),
    ],
)
def test_a_phone_said_in_romanised_digit_words_is_hidden_whole(text: str, want: str) -> None:
    assert redact(text) == (text if want is None else want)
