"""Kinds blind batches 12 and 13 showed missed, fixed in general form (helper redact22).

Each case is written afresh, not copied from a batch: other words, languages and scripts for
the same kind of miss, and beside it what must stay as typed.
"""

from __future__ import annotations

import pytest

from bot.redact import redact


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("acc 12345678 s/c 11-22-33", "acc [bank_account] s/c 11-22-33"),
        (
            "sort code 40-12-76, account no: 71234560",
            "sort code 40-12-76, account no: [bank_account]",
        ),
        ("na konto 48210937 (sort code 20-98-61)", "na konto [bank_account] (sort code 20-98-61)"),
        ("счёт 20394851 sort 23-14-70", "счёт [bank_account] sort 23-14-70"),
    ],
)
def test_the_account_is_hidden_and_the_sort_code_beside_it_stays(text, want):
    assert redact(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("mans NHS nr ir 650 218 9937", "mans NHS nr ir [nhs_number]"),
        ("o número do NHS é 487 321 9900", "o número do NHS é [nhs_number]"),
        ("lambarka NHS-ka waa 722 551 0846", "lambarka NHS-ka waa [nhs_number]"),
        ("رقم الـ NHS تبعي ٧٢٢ ٥٥١ ٠٨٤٦", "رقم الـ NHS تبعي [nhs_number]"),
        ("NHS নং ৪৮৫ ৭৭৭ ৩৪৫৬", "NHS নং [nhs_number]"),
        ("the NHS one is 485 777 3456", "the NHS one is [nhs_number]"),
    ],
)
def test_ten_digits_after_nhs_and_a_few_words_of_any_language_are_an_nhs_number(text, want):
    assert redact(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("the NHS said ring 020 7946 0018 for a GP", "the NHS said ring [phone] for a GP"),
        ("rang NHS 111 at 3am, waited 40 minutes", "rang NHS 111 at 3am, waited 40 minutes"),
    ],
)
def test_a_phone_after_nhs_and_a_calling_word_stays_a_phone_and_111_stays(text, want):
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "scores: 7 8 9 10 10 9 8",
        "ratings 8, 9, 10, 7, 9, 10, 8",
        "оценки: ٧ ٨ ٩ ١٠ ١٠ ٩ ٨",
        "7\n8\n9\n10\n10\n9\n8",
        "room 10\n7\n8\n9\n1\n2\n3\n4\n5\n6",
    ],
)
def test_a_list_of_marks_or_counts_is_no_phone(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("my number 0\n7\n9\n1\n1\n1\n2\n3\n4\n5\n6", "my number [phone]"),
        ("text me\n0\n7\n9\n1\n1\n1\n2\n3\n4\n5\n6\nthanks", "text me\n[phone]\nthanks"),
        ("0 7 9 1 1 1 2 3 4 5 6", "[phone]"),
    ],
)
def test_a_phone_typed_one_digit_a_line_or_a_space_is_a_phone(text, want):
    assert redact(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "my neighbour, Gary Whitfield, drove me to detox",
            "my neighbour, [name], drove me to detox",
        ),
        ("sąsiadka Barbara Wiśniewska mi pomogła", "sąsiadka [name] mi pomogła"),
        ("vecina mea, Ioana Pop, m-a ajutat", "vecina mea, [name], m-a ajutat"),
        ("a minha mãe, Rosa da Silva Lopes, veio", "a minha mãe, [name], veio"),
        ("text my dad instead, Paul Hughes", "text my dad instead, [name]"),
        ("aabbahay Cali Xasan Nuur wuu i caawiyay", "aabbahay [name] wuu i caawiyay"),
        ("my PO John Smith never turns up", "my PO [name] never turns up"),
        ("ask for Sarah Jones at reception", "ask for [name] at reception"),
        ("спросите Ольгу Иванову на ресепшене", "спросите [name] на ресепшене"),
        ("pytajcie o Tomasza Zielińskiego w recepcji", "pytajcie o [name] w recepcji"),
    ],
)
def test_a_full_name_after_a_neighbour_a_relative_a_po_or_ask_for_is_redacted(text, want):
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "my neighbour Gary fixed the door",
        "ask for help at Change Grow Live",
        "speak to the Duty Worker",
        "talk to Citizens Advice about debts",
        "po Nowym Roku było lepiej",
        "mama Elena a venit la grupul pentru familii",
    ],
)
def test_a_first_name_a_service_or_a_role_after_those_words_survives(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("it's Dean here (Dean O'Connor-Baines), ring me", "it's [name] here ([name]), ring me"),
        ("sou eu, Thiago (Thiago de Souza Lima)", "sou eu, Thiago ([name])"),
        ("Pani Anna Nowak pomogła", "Pani [name] pomogła"),
        (
            "o assistente social, Sr. João Pedro Martins, não",
            "o assistente social, Sr. [name], não",
        ),
        ("Domnul Mihai Ionescu m-a sunat", "Domnul [name] m-a sunat"),
        ("مرحبا، اسمي أحمد الخطيب وبدي أسجل", "مرحبا، اسمي [name] وبدي أسجل"),
        ("اسمي الكامل فاطمة عبد الرحمن", "اسمي الكامل [name]"),
    ],
)
def test_a_name_restated_in_brackets_after_a_title_or_a_full_name_cue_is_redacted(text, want):
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    ["pan Jan przyszedł", "Smart (Smart Recovery) helped", "Dom Pomocy Społecznej"],
)
def test_a_first_name_after_a_title_and_a_service_in_brackets_survive(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("أنا محمد السيد ومحتاج موعد", "أنا [name] ومحتاج موعد"),
        ("નમસ્તે, હું હિતેશ શાહ, મને ફોન કરજો", "નમસ્તે, હું [name], મને ફોન કરજો"),
        ("میں عائشہ صدیقی، لندن سے", "میں [name]، لندن سے"),
        ("čia Tomas Jankauskas, prašau perskambinti", "čia [name], prašau perskambinti"),
        ("šeit Līga Ozola, lūdzu piezvaniet", "šeit [name], lūdzu piezvaniet"),
    ],
)
def test_a_bare_introduction_closed_by_and_or_a_comma_is_a_name(text, want):
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "أنا محتاج موعد مع الدكتور",
        "أنا مريض وتعبان",
        "čia Didžiojoje Britanijoje sunku",
        "کل میچ میں پاکستان ہار گیا، شرم سے مر گیا میں تو",
        "ਵਿਆਹ ਵਿੱਚ ਸਾਰੇ ਪੈੱਗ ਲਾ ਰਹੇ ਸੀ, ਮੈਂ ਸਿਰਫ਼ ਲੱਸੀ ਪੀਤੀ, ਮਾਣ ਹੈ",
    ],
)
def test_i_or_in_before_a_clause_and_a_comma_is_no_introduction(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("جاري، خالد العمري، أخذني للمستشفى", "جاري، [name]، أخذني للمستشفى"),
        ("আমার ভাই, রফিক ইসলাম, আমাকে নিয়ে গেল", "আমার ভাই, [name], আমাকে নিয়ে গেল"),
        ("મારો પાડોશી, રમેશ દેસાઈ, મને લઈ ગયો", "મારો પાડોશી, [name], મને લઈ ગયો"),
        ("میری بہن، نسرین اختر، ساتھ آئی", "میری بہن، [name]، ساتھ آئی"),
    ],
)
def test_a_full_name_between_commas_after_family_in_a_caseless_script_is_redacted(text, want):
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "নার্স শিরিন আপা খুব ভালো",
        "ابني، الله يحفظه، صار أحسن",
        "আমার ছেলে, খুব ভালো আছে, ধন্যবাদ",
        "میرا بیٹا، اب ٹھیک ہے، شکریہ",
        "মা, বাবা, ভাই সবাই এসেছিল",
    ],
)
def test_a_first_name_with_an_honorific_or_a_clause_between_commas_survives(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "телефон: восемь девятьсот шестнадцать, сто двадцать три, сорок пять, шестьдесят семь",
            "телефон: [phone]",
        ),
        (
            "numer: zero siedem dziewięćset jedenaście, dwadzieścia trzy, czterdzieści pięć",
            "numer: [phone]",
        ),
        ("ra2mi sifr sab3a tis3a wa7ed wa7ed, itnen talate arba3a, khamse", "ra2mi [phone]"),
        (
            "lambarkayga: eber todobo sagaal kow kow, labo saddex afar, shan lix",
            "lambarkayga: [phone]",
        ),
        ("amar number shunno shat noy ek ek, dui tin char, pach choy shat", "amar number [phone]"),
    ],
)
def test_a_phone_said_in_groups_or_in_arabizi_somali_and_bengali_words_is_a_phone(text, want):
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "двадцать пять лет пил, сорок дней трезвый, сто раз срывался",
        "dwadzieścia lat piłem, od stu dni trzeźwy",
        "one two three four five six seven eight nine ten",
    ],
)
def test_counts_said_in_words_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("জন্ম তারিখ ২১শে ফেব্রুয়ারি ১৯৮৭", "জন্ম তারিখ [date]"),
        ("dzimusi 1992. gada 14. jūlijā", "dzimusi [date]"),
        ("waxay dhalatay 5-tii May 1990", "waxay dhalatay [date]"),
        ("mawlude fi 14 tammuz 1988", "mawlude fi [date]"),
    ],
)
def test_a_birth_date_with_an_ordinal_ending_or_in_latvian_or_arabizi_order_is_a_date(text, want):
    assert redact(text) == want


@pytest.mark.parametrize("text", ["2019. gada martā sāku", "waited since March 2024"])
def test_a_month_and_year_alone_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ইমেইল: রহিম ডট খান এট জিমেইল ডট কম", "ইমেইল: [email]"),
        ("ઈમેલ: હેતલ ડોટ પટેલ એટ યાહૂ ડોટ કોમ", "ઈમેલ: [email]"),
        ("ਈਮੇਲ: ਮਨਦੀਪ ਡੌਟ ਗਿੱਲ ਐਟ ਹੌਟਮੇਲ ਡੌਟ ਕੌਮ", "ਈਮੇਲ: [email]"),
        ("na insta jestem jako @kasia.bez.alko", "na insta jestem jako [handle]"),
        ("jo.bloggs @example.co.uk", "[email]"),
        ("snapchat te add kar lo: jassi_singh_99", "snapchat te add kar lo: [handle]"),
        ("3a instagram la2ini: @omar.sober", "3a instagram la2ini: [handle]"),
    ],
)
def test_an_email_said_in_indic_script_and_a_handle_with_dots_after_a_word(text, want):
    assert redact(text) == want


@pytest.mark.parametrize(
    "text", ["on tiktok I watched a lot of videos about 2mg doses", "meet @ 5pm at the hub"]
)
def test_a_dose_after_a_platform_and_an_at_before_a_time_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("dzīvoju 41 Lincoln Road, 3. dzīvoklis, Peterborough", "dzīvoju [address], Peterborough"),
        ("gyvenu 12 Westgate, 5 butas, Boston", "gyvenu [address], Boston"),
        ("I live at 3 Millfield, flat 2", "I live at [address]"),
        ("ادفع بالكرت ٤٥٣٩ ١٢٣٤ ٥٦٧٨ ٩٠١٠", "ادفع بالكرت [card]"),
    ],
)
def test_a_flat_after_a_street_number_first_and_a_card_after_an_arabic_card_word(text, want):
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    ["we met 3 Mondays, room 4 was full", "saw 12 People, 3rd floor", "2 Brothers, flat broke"],
)
def test_a_count_before_a_room_or_a_floor_is_no_address(text):
    assert redact(text) == text


def test_dev_sets_10_to_14_cover_every_language_with_lines_to_keep_and_are_gated_in_ci():
    import contextlib
    import importlib.util
    import io
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "redaction_eval_dev10", root / "bench" / "redaction_eval.py"
    )
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)
    folder = root / "tests" / "data" / "redaction_dev10"
    examples = bench.load_corpus(folder)
    for lang in ("en", "pl", "lt", "lv", "ro", "pt", "ru", "ur", "pa", "gu", "ar", "bn", "so"):
        part = [ex for ex in examples if ex.lang == lang]
        assert len(part) >= 10, lang
        assert sum(ex.source == ex.expected for ex in part) >= 4, lang
    ci = (root / ".ci" / "run").read_text()
    # Each later set: its name, and the lines and lines to keep as typed in every language
    # (set 14 is a small one, written for the kinds blind batch 15 pointed at).
    later = {
        "redaction_dev11": (10, 4),
        "redaction_dev12": (10, 4),
        "redaction_dev13": (12, 2),
        "redaction_dev14": (3, 1),
    }
    assert (
        "--corpus tests/data/redaction_dev10"
        + "".join(f" --corpus tests/data/{name}" for name in later)
        in ci
    )
    argv = ["redaction_eval.py", "--gate", "--corpus", str(folder)]
    for name, (lines, kept) in later.items():
        examples = bench.load_corpus(root / "tests" / "data" / name)
        for lang in ("en", "pl", "lt", "lv", "ro", "pt", "ru", "ur", "pa", "gu", "ar", "bn", "so"):
            part = [ex for ex in examples if ex.lang == lang]
            assert len(part) >= lines and sum(ex.source == ex.expected for ex in part) >= kept, (
                name,
                lang,
            )
        argv += ["--corpus", str(root / "tests" / "data" / name)]
    with contextlib.redirect_stdout(io.StringIO()):
        assert bench.main(argv) == 0


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("reception pe Bilal Ahmed se poochna", "reception pe [name] se poochna"),
        ("front desk te Harpreet Kaur nu milo", "front desk te [name] nu milo"),
    ],
)
def test_a_full_name_before_ask_or_meet_in_romanised_urdu_and_punjabi(text, want):
    assert redact(text) == want


@pytest.mark.parametrize("text", ["Aap Log se baat karni thi", "Change Grow Live se baat karo"])
def test_you_people_or_a_service_before_talk_to_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "شكرا. الموظفين ممتازين",
        "سب کچھ کے لیے شکریہ۔ عملہ بہترین",
        "সবকিছুর জন্য ধন্যবাদ। সবাই খুব ভালো",
        "ধন্যবাদ। আবার আসব",
        "شکریہ۔ پھر ملیں گے",
        "ਧੰਨਵਾਦ। ਫਿਰ ਮਿਲਾਂਗੇ",
    ],
)
def test_praise_or_a_goodbye_after_thanks_in_a_caseless_script_is_no_signed_name(text):
    assert redact(text) == text


def test_the_new_patterns_take_no_long_time_on_2000_characters_of_bait():
    import time

    baits = ("сто двадцать три " * 120, "vecinul meu, " * 160, "Ann (Ann Lee " * 160)
    baits += ("12 Westgate, 5 butas, " * 100, "جاري، خالد " * 200, "0\n7\n" * 500)
    baits += ("7 8 9 10 " * 200, "Bilal Ahmed se " * 140, "NHS no " * 300, "شكرا۔ " * 300)
    baits += ("Pan Jan " * 250, "account 12345678 sort code 12-34-56 " * 60, "jako @a.b " * 200)
    for bait in (b[:2000] for b in baits):
        started = time.process_time()
        redact(bait)
        assert time.process_time() - started < 0.5, bait[:10]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("my nan, Margaret Ellis, comes with me", "my nan, [name], comes with me"),
        ("my stepdad Kevin O'Neill drives me in", "my stepdad [name] drives me in"),
        ("dėdė Jonas Kazlauskas mane atveža", "dėdė [name] mane atveža"),
        ("дядя Сергей Волков меня привозит", "дядя [name] меня привозит"),
        ("adeerkay Maxamed Cabdi Nuur ayaa i keena", "adeerkay [name] ayaa i keena"),
        ("meri khala Nasreen Akhtar saath aati hain", "meri khala [name] saath aati hain"),
        ("ਮੇਰੀ ਦਾਦੀ, ਗੁਰਮੀਤ ਕੌਰ, ਮੇਰੇ ਨਾਲ ਆਉਂਦੀ ਹੈ", "ਮੇਰੀ ਦਾਦੀ, [name], ਮੇਰੇ ਨਾਲ ਆਉਂਦੀ ਹੈ"),
        ("Pani doktor Anna Mazur bardzo pomogła", "Pani doktor [name] bardzo pomogła"),
        ("أنا عمر الحسيني ومن حلب", "أنا [name] ومن حلب"),
        ("Flat 2, 14 Eastgate, Wisbech", "[address], Wisbech"),
    ],
)
def test_grandparents_uncles_step_family_and_a_flat_before_a_plain_street(text, want):
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "went to Tesco Extra Mill Road",
        "my nan Margaret came",
        "my uncle John came to the family group",
        "ਮੇਰੇ ਚਾਚਾ ਜੀ ਨਾਲ ਆਏ",
    ],
)
def test_a_shop_and_a_relative_s_first_name_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("المرشدة تبعي، سلمى يوسف، كتير منيحة", "المرشدة تبعي، [name]، كتير منيحة"),
        ("میری کونسلر، ثمینہ بٹ، بہت اچھی ہیں", "میری کونسلر، [name]، بہت اچھی ہیں"),
        (
            "a minha terapeuta, a Dra. Sofia Reis, é ótima",
            "a minha terapeuta, a Dra. [name], é ótima",
        ),
    ],
)
def test_a_name_after_a_role_and_an_arabic_comma_or_after_dra(text, want):
    assert redact(text) == want


@pytest.mark.parametrize("text", ["شكرا لكل الفريق", "شكرا للجميع"])
def test_thanks_to_the_team_in_arabic_stays(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "الدكتور زاد الجرعة وحاسس حالي أحسن",
        "الممرضة أخذت دم من إيدي",
        "الممرضة شرحتلي كيف اخد الدوا",
        "ডাক্তার ওষুধ বাড়িয়েছেন, এখন ভালো লাগছে",
        "নার্স ব্যান্ডেজ খুলেছেন, ক্ষত শুকাচ্ছে",
        "আশা করি নতুন কাউন্সেলর আগের জনের মতো ভালো হবে",
    ],
)
def test_what_a_doctor_or_nurse_did_in_a_caseless_script_is_no_name(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("المرشد أحمد حسن رد علي بسرعة", "المرشد [name] رد علي بسرعة"),
        ("ডাক্তার সেলিম রেজা আমার কথা শোনেননি", "ডাক্তার [name] আমার কথা শোনেননি"),
        ("ਡਾਕਟਰ ਹਰਪ੍ਰੀਤ ਕੌਰ ਨੇ ਮਦਦ ਕੀਤੀ", "ਡਾਕਟਰ [name] ਨੇ ਮਦਦ ਕੀਤੀ"),
        ("الممرضة سارة أحمد ساعدتني كتير", "الممرضة [name] ساعدتني كتير"),
        ("નર્સ કિરણ પટેલ", "નર્સ [name]"),
    ],
)
def test_a_full_name_after_a_role_in_a_caseless_script_still_is(text, want):
    assert redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Obrigado, Muito Obrigado",
        "Thanks, Many Thanks",
        "tenho vinte e cinco anos e dez dias limpo",
    ],
)
def test_thanks_said_twice_and_an_age_in_words_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "el bas t2a5ar w kont ra7 enfajer",
        "el 7ammam bel markaz m3a6al",
        "موظف السكن مجنني بس رح تنحل",
        "بخاف من طبيب الاسنان بصراحة",
        "الممرضة انقذت حياتي",
        "ما نمت طول الليل في السكن، إزعاج، أنا مرهقة جداً",
        "kabhi lagta hai main bas ek number hoon, mera naam yaad nahi rakhte",
    ],
)
def test_arabizi_words_a_role_s_own_noun_and_how_i_feel_are_kept(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [("send it to pe1 2ab please", "send it to [postcode] please"), ("PE1 2AB", "[postcode]")],
)
def test_a_lower_case_postcode_outside_arabizi_is_still_one(text, want):
    assert redact(text) == want


@pytest.mark.parametrize(
    "text", ["عمري تلاتين سنة وصرلي مية يوم نظيف", "dešimt metų gėriau, šimtas dienų blaivus"]
)
def test_an_age_and_days_clean_in_arabic_and_lithuanian_words_stay(text):
    assert redact(text) == text
