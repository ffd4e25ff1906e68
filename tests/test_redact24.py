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


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("mera pura naam zorawar singh bhullar hai", "mera pura naam [name] hai"),
        ("میرا پورا نام زورآور سنگھ بھلر ہے", "میرا پورا نام [name] ہے"),
        ("আমার পুরো নাম রফিকুল ইসলাম খান", "আমার পুরো নাম [name]"),
        ("મારું પૂરું નામ ઝરણા ત્રિવેદી છે", "મારું પૂરું નામ [name] છે"),
        ("ਮੇਰਾ ਪੂਰਾ ਨਾਮ ਜ਼ੋਰਾਵਰ ਭੁੱਲਰ ਹੈ", "ਮੇਰਾ ਪੂਰਾ ਨਾਮ [name] ਹੈ"),
        ("imię i nazwisko: jan kowalski", "imię i nazwisko: [name]"),
        ("ФИО: Иванов Иван Петрович", "ФИО: [name]"),
        ("numele complet este ion popescu", "numele complet este [name]"),
        ("nome completo: joão silva", "nome completo: [name]"),
        ("vardas ir pavardė: tomas kazlauskas", "vardas ir pavardė: [name]"),
        # The name ends before "and I…" in romanised Bengali and Arabic's "and I thank you".
        ("amar nam rofiqul islam ar ami bhalo achi", "amar nam [name] ar ami bhalo achi"),
        ("أنا زهير قباني وأشكركم", "أنا [name] وأشكركم"),
        # Romanised Gujarati and Urdu, every word capitalised, closed by a comma.
        ("hu Nisha Mistry, mane call karo", "hu [name], mane call karo"),
        ("main Harjeet Kaur Gill, shukriya", "main [name], shukriya"),
    ],
)
def test_a_full_name_after_a_full_name_cue_or_a_romanised_intro_is_hidden(
    text: str, want: str
) -> None:
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "main Bahut Khush, shukriya",
        "hu Bahu Khush, aabhar",
        "main Pakistani Muslim, aur yahan khush",
        "the Main Office, Church Street, was shut",
        "фиолетовый цвет мне нравится",
    ],
)
def test_words_after_a_romanised_i_am_and_a_comma_stay(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("phone 07 nine 11 - 22 33 44", "phone [phone]"),
        ("mera no. 07 eight 12 - 334 - 901", "mera no. [phone]"),
        ("zadzwoń 0 siedem 911 123 456", "zadzwoń [phone]"),
        ("sună la 07 nouă 11 223 344", "sună la [phone]"),
        ("звоните 8 девятьсот 16 123 45 67", "звоните [phone]"),
        ("اتصل على 07 تسعة 11 223344", "اتصل على [phone]"),
        ("fone 07 nove 11 22 33 44", "fone [phone]"),
        (
            "ring 0300 123 6600 or my mobile 07 nine 11 223344",
            "ring 0300 123 6600 or my mobile [phone]",
        ),
    ],
)
def test_a_phone_with_one_digit_word_between_figures_is_one_phone(text: str, want: str) -> None:
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "rang 0300 123 6600 one more time",
        "I took 2 one 3 times",
        "room 12 one floor up, ward 3",
    ],
)
def test_a_helpline_or_a_count_with_a_number_word_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Gujarati "seven" was spelt with a Bengali letter in the digit words: the run broke.
        ("નંબર શૂન્ય સાત નવ એક એક એક બે ત્રણ ચાર પાંચ છ", "નંબર [phone]"),
        ("ਨੰਬਰ ਸਿਫ਼ਰ ਸੱਤ ਨੌਂ ਇੱਕ ਇੱਕ ਇੱਕ ਦੋ ਤਿੰਨ ਚਾਰ ਪੰਜ ਛੇ", "ਨੰਬਰ [phone]"),
        ("میرا نمبر صفر سات نو ایک ایک ایک دو تین چار پانچ چھ", "میرا نمبر [phone]"),
        # Russian typed in Latin letters, digit by digit and in groups.
        ("nol sem devyat odin odin odin dva tri chetyre pyat shest", "[phone]"),
        (
            "moy nomer vosem devyatsot shestnadtsat, sto dvadtsat tri, sorok pyat, shestdesyat sem",
            "moy nomer [phone]",
        ),
        # Two letter O typed for zeros together.
        ("077OO 9OO 123", "[phone]"),
    ],
)
def test_a_phone_said_in_words_or_typed_with_letters_is_hidden(text: str, want: str) -> None:
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "hu saat vaage aavish",
        "sem dúvida, um dia de cada vez",
        "ya p'yu sorok let, trista dney trezvyy",
        "it was 100 OK",
    ],
)
def test_a_time_a_word_or_a_count_like_a_digit_word_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A card named in a script with vowel signs, or just after the number.
        ("আমার কার্ড নাম্বার ৪৫৩৯ ১২৩৪ ৫৬৭৮ ৯০১২ চুরি হয়ে গেছে", "আমার কার্ড নাম্বার [card] চুরি হয়ে গেছে"),
        ("ਮੇਰਾ ਕਾਰਡ ਨੰਬਰ 4539 1234 5678 9012 ਗੁਆਚ ਗਿਆ", "ਮੇਰਾ ਕਾਰਡ ਨੰਬਰ [card] ਗੁਆਚ ਗਿਆ"),
        ("5412 7534 9821 0046 card diye pay korsi", "[card] card diye pay korsi"),
        ("4539 1234 5678 9012 is my visa", "[card] is my visa"),
        # An Arabizi "my" between a platform and the handle is a word.
        ("insta taba3i @layla_b_92 law bdkon", "insta taba3i [handle] law bdkon"),
        ("el insta tab3i huwe layla.b92", "el insta tab3i huwe [handle]"),
        # A full name after a Latvian or Lithuanian relative in the dative.
        ("manam dēlam Mārtiņam Kalniņam vajag tikšanos", "manam dēlam [name] vajag tikšanos"),
        ("mano sūnui Andriui Kazlauskui reikia pagalbos", "mano sūnui [name] reikia pagalbos"),
        # A spelt email whose name ends in a number said apart.
        ("mera email hai imran dot q 77 at hotmail dot co dot uk", "mera email hai [email]"),
    ],
)
def test_dev_set_15_kinds_in_other_words_and_scripts(text: str, want: str) -> None:
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "ref 4539 1234 5678 9012 for the housing claim",
        "manam dēlam Mārtiņam vajag tikšanos",
        "manai sievai ļoti patīk grupa",
    ],
)
def test_a_reference_and_a_relatives_first_name_alone_stay(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "listening to Amy Winehouse helped",
        "I read Russell Brand's book Recovery",
        "Whitney Houston's songs made me cry",
        "oglądałem skoki Adama Małysza kiedy nie mogłem spać",
        "слушаю Виктора Цоя каждый день",
        "Nusrat Fateh Ali Khan ki qawwali sunta hoon",
        "ascult Gheorghe Hagi la radio",
    ],
)
def test_a_famous_persons_name_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A real person who shares a famous name stays hidden: such names are not listed.
        ("thanks to Michael Jackson for the lift", "thanks to [name] for the lift"),
        ("thanks to Imran Khan for the lift", "thanks to [name] for the lift"),
        # A cue hides any name, a famous one too.
        ("my keyworker Amy Winehouse was kind", "my keyworker [name] was kind"),
        ("thanks to Kelly Brown for the lift", "thanks to [name] for the lift"),
    ],
)
def test_a_name_that_is_not_listed_or_follows_a_cue_is_hidden(text: str, want: str) -> None:
    assert redact(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("my number 07911 then 123456", "my number [phone]"),
        ("mój numer 07911 potem 123 456", "mój numer [phone]"),
        ("numărul 0721 apoi 234 567", "numărul [phone]"),
        ("мой номер 8916 потом 123 45 67", "мой номер [phone]"),
        ("mera number 0300 phir 1234567", "mera number [phone]"),
        ("رقمي 07911 ثم 123456", "رقمي [phone]"),
        ("আমার নম্বর 01712 তারপর 345678", "আমার নম্বর [phone]"),
    ],
)
def test_a_phone_said_in_two_parts_with_then_between_is_one_phone(text: str, want: str) -> None:
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "call 0300 123 then 6600",
        "I paid 0300 then 1234567",
        "ring 07911 123 then ask for 456",
        "we met 3 then 4 times and 2019 and 2020",
    ],
)
def test_a_helpline_or_numbers_with_then_between_and_no_phone_word_stay(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("this is Kelly, thanks for everything", "this is [name], thanks for everything"),
        ("hi it's dave, the group was good", "hi it's [name], the group was good"),
        ("Kelly here, just wanted to say thanks", "[name] here, just wanted to say thanks"),
        ("tu Marek, dziękuję za wszystko", "tu [name], dziękuję za wszystko"),
        ("это Ольга, спасибо", "это [name], спасибо"),
        ("sunt eu, Ion", "sunt eu, [name]"),
        ("te Jānis, paldies", "te [name], paldies"),
        ("olá, aqui é a Ana, obrigada", "olá, aqui é a [name], obrigada"),
    ],
)
def test_ones_first_name_opening_a_message_is_hidden(text: str, want: str) -> None:
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "this is Sarah who helped me",
        "It's Brilliant, thanks",
        "it's frank, honestly",
        "Sarah here is lovely",
        "Tu Marcin mi pomógł",
        "one two three four five six seven eight nine ten eleven twelve",
        "હું આશા રાખું છું કે ગ્રુપ ચાલુ રહેશે",
        "main aman chahta hoon bas",
    ],
)
def test_someone_else_counting_and_verbs_after_i_stay(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("amr nam rofiqul islam", "amr nam [name]"),
        ("mujhe zorawar bhullar kehte hain", "mujhe [name] kehte hain"),
        ("mainu zorawar bhullar kehnde ne", "mainu [name] kehnde ne"),
        ("مجھے زورآور بھلر کہتے ہیں", "مجھے [name] کہتے ہیں"),
        ("ਮੈਨੂੰ ਜ਼ੋਰਾਵਰ ਭੁੱਲਰ ਕਹਿੰਦੇ ਹਨ", "ਮੈਨੂੰ [name] ਕਹਿੰਦੇ ਹਨ"),
        ("મને ઝરણા ત્રિવેદી કહે છે", "મને [name] કહે છે"),
        ("আমাকে রফিকুল ইসলাম বলে ডাকে", "আমাকে [name] বলে ডাকে"),
        ("ਮੇਰਾ ਨਾਂ ਜ਼ੋਰਾਵਰ ਭੁੱਲਰ ਏ", "ਮੇਰਾ ਨਾਂ [name] ਏ"),
    ],
)
def test_a_name_inside_they_call_me_in_south_asian_languages_is_hidden(
    text: str, want: str
) -> None:
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "mujhe log pagal kehte hain",
        "مجھے لوگ پاگل کہتے ہیں",
        "ਮੈਨੂੰ ਲੋਕ ਪਾਗਲ ਕਹਿੰਦੇ ਹਨ",
        "મને લોકો ગાંડો કહે છે",
        "আমাকে সবাই পাগল বলে",
        "mujhe bahut acha laga",
    ],
)
def test_what_people_call_me_that_is_no_name_stays(text: str) -> None:
    assert redact(text) == text


def test_the_new_patterns_take_no_long_time_on_2000_characters_of_bait() -> None:
    """Backtracking blow-ups would stall the bot for everyone: this session's patterns."""
    import time

    baits = ("07911 then 123 " * 140, "this is Kelly, " * 140, "mujhe Ali Raza " * 140)
    baits += ("flat 3 of Nelson Court " * 90, "дом 5 по улице Ленина " * 90, "cvv 1 2 3 " * 200)
    baits += ("07 nine 11 " * 180, "Mark Miller " * 170, "imran dot q 77 " * 140)
    baits += ("card 4111 1111 1111 1111 " * 80, "Amy Winehouse " * 140, "te Jānis, " * 200)
    for bait in (b[:2000] for b in baits):
        started = time.process_time()
        redact(bait)
        assert time.process_time() - started < 0.5, bait[:10]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("this is Kelly Hill, thanks for everything", "this is [name], thanks for everything"),
        ("this is Kevin Frank, my keyworker was rude", "this is [name], my keyworker was rude"),
        ("John Lane from the estate threatened me", "[name] from the estate threatened me"),
        ("Sarah Green sold me pills", "[name] sold me pills"),
        ("Kelly Hill, 14 Mill Lane", "[name], [address]"),
        ("thanks, Kelly Hill", "thanks, [name]"),
    ],
)
def test_a_given_name_and_a_surname_like_a_place_is_a_name(text: str, want: str) -> None:
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "this is Narcotics Anonymous, it helps",
        "this is Mill Lane, the old site, it was better",
        "I go to Church Street clinic",
        "we met at Victoria Park",
        "the group at St Mary Church Hall",
        "we met at Victoria Green Park",
    ],
)
def test_a_service_or_a_place_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("falei com a Ana Paula Ferreira ontem", "falei com a [name] ontem"),
        ("runāju ar Ilzi Bērziņu", "runāju ar [name]"),
        ("maine zainab siddiqui se baat ki", "maine [name] se baat ki"),
    ],
)
def test_a_full_name_starting_with_ana_in_the_accusative_or_romanised_is_hidden(
    text: str, want: str
) -> None:
    assert redact(text) == want
