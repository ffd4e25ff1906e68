"""Tense read the same way in every language (wave 23): a past risk is back when the
thoughts "came back", or when "yesterday" or "this afternoon" is followed by the act, and the
wish to die is read in its past and infinitive forms (Bengali, Gujarati, Portuguese)."""

from __future__ import annotations

import pytest

from bot.safety import RiskScreen


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # The thoughts came back: a NOW word in every language.
        (
            "as a teen I wanted to die and the thoughts came back, this week I looked up ways",
            "suicide",
        ),
        (
            "in adolescenta voiam sa mor si gandurile s-au intors, saptamana asta am cautat metode",
            "suicide",
        ),
        ("وأنا مراهقة كنت أبي أموت والأفكار رجعت، هالأسبوع كنت أدور على طرق", "suicide"),
        ("ਜਵਾਨੀ ਵਿੱਚ ਮਰਨਾ ਚਾਹੁੰਦੀ ਸੀ ਤੇ ਉਹ ਖ਼ਿਆਲ ਵਾਪਸ ਆ ਗਏ, ਇਸ ਹਫ਼ਤੇ ਤਰੀਕੇ ਲੱਭ ਰਹੀ ਸੀ", "suicide"),
        ("কিশোর বয়সে মরতে চাইতাম আর সেই চিন্তাগুলো ফিরে এসেছে, এই সপ্তাহে উপায় খুঁজছিলাম", "suicide"),
        ("જુવાનીમાં મરવા માંગતી હતી અને એ વિચારો પાછા આવ્યા છે, આ અઠવાડિયે રીતો શોધતી હતી", "suicide"),
        (
            "markaan dhalinyarada ahaa waxaan rabay inaan dhinto fikradahaasi way soo noqdeen",
            "suicide",
        ),
        ("jako nastolatka chciałam umrzeć, myśli wróciły", "suicide"),
        # Yesterday and the act after a clean spell; too much and now passing out.
        (
            "estava limpo há três anos, ontem recaí e tomei demasiado, estou sempre a apagar",
            "overdose",
        ),
        ("trīs gadus biju tīrs, vakar paņēmu par daudz un visu laiku atslēdzos", "overdose"),
        (
            "три года был чистый, вчера сорвался и взял слишком много, всё время отключаюсь",
            "overdose",
        ),
        (
            "tin bochor clean chilam, kal abar nilam ar onek beshi niye felechi,"
            " bar bar odgyan hoye jacchi",
            "overdose",
        ),
        ("years ago I used to cut, I cut my arms this afternoon", "self_harm"),
        # The wish in other tenses and forms.
        ("હું મરવા માંગુ છું", "suicide"),
        ("আমি মরতে চাই", "suicide"),
    ],
)
def test_the_risk_back_now_is_signposted(screen: RiskScreen, text: str, category: str) -> None:
    assert category in screen.categories(text), screen.vetoes_in(text)


@pytest.mark.parametrize(
    "text",
    [
        # A present-time word with no act after it: the recovery, not the risk.
        "ten years ago I overdosed, yesterday I went to the group and it was good",
        "trzy lata temu przedawkowałam, wczoraj byłam na grupie, jest dobrze",
        "years ago I used to cut, last night I told my counsellor about it",
        # A person who went back to another country is no thought that came back.
        "o meu ex era violento mas divorciámo-nos em 2019, ele voltou para o Brasil e eu estou"
        " segura com os miúdos",
        "koleżanka z grupy wróciła po wpadce, przyjęliśmy ją z otwartymi ramionami",
    ],
)
def test_the_past_told_beside_today_stays_quiet(screen: RiskScreen, text: str) -> None:
    assert screen.categories(text) == set(), screen.hits(text)
