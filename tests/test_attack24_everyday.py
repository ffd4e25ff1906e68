"""Attack24 on this session's lexicon (lex24, 1f3e073) and model (risk24): everyday feedback
that now gets the suicide helplines.

Each sentence was written for this file by helper attack24 and run on main (d021fd3) and on
6a50146 (this session's start).  Every xfail below is a NEW false alarm: quiet on 6a50146,
signposted now.  Strict xfails name the owner; when a fix makes one pass, the XPASS fails
the run: take its mark off.

What goes wrong, in general form:

1. ``PET|GAVE FROMNOW|IFANYTHING``: Urdu and Bengali FROMNOW ("hamesha ke liye", "ab se",
   "chirodiner jonno", "ekhon theke": for good, from now on) now exists, and GAVE holds the
   auxiliary of a finished act ("chhod di", "chere diyechi": quit, lit. 'left-gave').  "I've
   quit drinking for good", the message a drug and alcohol service most wants, gets the
   suicide helplines.
2. ``WINDOW OPEN SITAT``: Lithuanian and Latvian WINDOW/OPEN/SITAT: "I sit by the window in
   the group room, it's open and cold" is a person on a ledge.  BESIDE ('prie lango', 'pie
   loga': by the window) does not guard it.
"""

from __future__ import annotations

import pytest

from bot.safety import RiskScreen


def alarm(owner: str, why: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"owner {owner}: NEW false alarm: {why}")


QUIT = (
    "PET|GAVE FROMNOW: 'for good' with the auxiliary 'di'/'diyechi' of 'quit' reads as giving away"
)
PICKDATE = "PICKDATE: a detox or wedding day picked; PLANEVENT misses it"
FARE = "CARD + TAKEAWAY (c7873de): the bus driver who takes the fare is a partner who takes money"
PET = "GAVE PET (20b7f22, Arabic PET): a pet given away for a move, a trip, a no-pets flat"
WINDOW = "WINDOW OPEN SITAT: sitting by an open window in the group room, cold"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "maine hamesha ke liye sharab chhod di",
            id="ur-rom-quit-drink-for-good",
        ),
        pytest.param(
            "ab se main sharab nahi piyungi, maine chhod di",
            id="ur-rom-from-now-no-drink-quit",
        ),
        pytest.param(
            "ab se main har hafte group aaungi, hamesha ke liye sharab chhod di",
            id="ur-rom-group-every-week-quit-for-good",
        ),
        pytest.param(
            "ami chirodiner jonno mod chere diyechi",
            id="bn-rom-quit-drink-for-good",
        ),
        pytest.param(
            "আমি চিরদিনের জন্য মদ ছেড়ে দিয়েছি",
            id="bn-quit-drink-for-good",
        ),
        # lex24 (23:10): Bengali FROMNOW is gone and no rule fires now; what remains is the
        # model (overdose 0.85: "diyechi", "khabo"), which read it so on 6a50146's tree too.
        pytest.param(
            "ekhon theke ami mod khabo na, chere diyechi",
            marks=alarm("lex24", QUIT),
            id="bn-rom-from-now-no-drink-quit",
        ),
        pytest.param(
            "grupas telpā vienmēr atvērts logs, es sēžu pie loga un salstu",
            id="lv-open-window-group-room-cold",
        ),
        pytest.param(
            "sėdžiu prie lango grupės kambaryje, langas atidarytas ir šalta",
            id="lt-by-the-open-window-cold",
        ),
        pytest.param(
            "ਮੈਂ ਡੀਟੌਕਸ ਦਾ ਦਿਨ ਚੁਣ ਲਿਆ, ਅਗਲੇ ਹਫ਼ਤੇ ਸ਼ੁਰੂ",
            id="pa-picked-the-detox-day",
        ),
        pytest.param(
            "maine shaadi ka din chun liya, agle hafte",
            marks=alarm("risk24", "the wave-24 model"),
            id="ur-rom-picked-the-wedding-day",
        ),
        pytest.param(
            "food bank mein kis ko kya mile ye staff decide karta hai",
            id="ur-rom-who-gets-what-at-the-food-bank",
        ),
        pytest.param(
            "ਬੱਸ ਵਾਲਾ ਪੈਸੇ ਲੈ ਲੈਂਦਾ ਹੈ, ਕਿਰਾਇਆ ਮਹਿੰਗਾ ਹੈ",
            id="pa-the-bus-takes-money-fare-dear",
        ),
        pytest.param(
            "bus wala taka niye ney, bhara beshi",
            # lex24 (23:35): Bengali TAKEAWAY is only 'kere ney' (snatches) now, not 'niye ney'.
            id="bn-rom-the-bus-takes-money-fare-dear",
        ),
        pytest.param(
            "عطيت كلبي لأختي لأني انتقلت على السكن. بشتاقله بس هي بتبعتلي صور.",
            id="ar-gave-my-dog-to-my-sister-moved",
        ),
        pytest.param(
            "عطيت قطتي لجارتي لأني رح سافر شهر",
            id="ar-gave-my-cat-to-a-neighbour-travelling",
        ),
        pytest.param(
            "عطيت كلبي لأختي لأنه السكن ما بيسمح بالحيوانات",
            id="ar-gave-my-dog-housing-allows-no-pets",
        ),
        # Guards: quiet on main.
        pytest.param("میں نے ہمیشہ کے لیے شراب چھوڑ دی", id="ur-quit-for-good"),
        pytest.param("ਮੈਂ ਹਮੇਸ਼ਾ ਲਈ ਦਾਰੂ ਛੱਡ ਦਿੱਤੀ", id="pa-quit-for-good"),
        pytest.param("મેં કાયમ માટે દારૂ છોડી દીધો", id="gu-quit-for-good"),
        pytest.param("hu kayam mate daru chhodi didhu", id="gu-rom-quit-for-good"),
        pytest.param(
            "group room mein khidki khuli rehti hai, main khidki ke paas baithti hoon aur "
            "sardi lagti hai",
            id="ur-rom-open-window-cold",
        ),
        pytest.param(
            "bus wala paise le leta hai, group tak aane ka kiraya mehnga hai", id="ur-rom-fare"
        ),
        pytest.param("w przyszłym tygodniu mam następną wizytę, dziękuję", id="pl-next-week"),
        pytest.param("на следующей неделе следующий приём, спасибо", id="ru-next-week"),
        pytest.param("na próxima semana tenho a próxima consulta, obrigado", id="pt-next-week"),
        pytest.param("săptămâna viitoare am următoarea programare, mulțumesc", id="ro-next-week"),
        pytest.param("el maw3ed el jay el osbo3 el jay, shukran", id="ar-rom-next-week"),
        pytest.param("toddobaadka soo socda ballanta xigta, mahadsanid", id="so-next-week"),
        pytest.param(
            "gave my cat to my neighbour because I'm going on holiday for a month", id="en-pet"
        ),
        pytest.param("dałam kota sąsiadce, bo jadę na miesiąc do sanatorium", id="pl-pet"),
        pytest.param("dei o gato à vizinha porque vou fazer desintoxicação", id="pt-pet"),
        pytest.param("vaikai rėkia laukiamajame, per triukšminga", id="lt-kids-shout"),
        pytest.param("bērni kliedz uzgaidāmajā telpā, par skaļu", id="lv-kids-shout"),
        pytest.param("agle hafte meri appointment hai, kyunki pichli cancel ho gayi thi", id="ur"),
        pytest.param(
            "maine apni billi behan ko de di kyunki main hostel mein shift ho gayi",
            id="ur-rom-cat-to-sister",
        ),
        pytest.param(
            "আমি আমার বিড়ালটা বোনকে দিয়ে দিয়েছি কারণ আমি হোস্টেলে চলে গেছি", id="bn-cat-to-sister"
        ),
        pytest.param("મેં મારી બિલાડી બહેનને આપી દીધી કારણ કે હું હોસ્ટેલમાં ગઈ", id="gu-cat-to-sister"),
        pytest.param("kitą savaitę išeisiu atostogų, tai praleisiu susitikimą", id="lt-next-week"),
        pytest.param("vienintelė išeitis man buvo reabilitacija, ir ji padėjo", id="lt-only-way"),
        pytest.param("mammas nāves gadadiena bija grūta, grupa palīdzēja", id="lv-anniversary"),
    ],
)
def test_everyday_feedback_gets_no_helplines(screen: RiskScreen, text: str) -> None:
    assert not screen.categories(text), screen.vetoes_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "maine din chun liya hai, court ke baad sab khatam kar doongi",
        "میں نے دن چن لیا ہے، کورٹ کے بعد سب ختم کر دوں گی",
        "ਮੈਂ ਦਿਨ ਚੁਣ ਲਿਆ ਹੈ, ਕੋਰਟ ਤੋਂ ਬਾਅਦ ਸਭ ਖਤਮ ਕਰ ਦੇਵਾਂਗੀ",
        "hu divas nakki kari lidho che, court pachi badhu puru kari daish",
        "আমি দিন ঠিক করে ফেলেছি, কোর্টের পরে সব শেষ করে দেব",
        "pasirinkau dieną, po teismo viską baigsiu",
        "esmu izvēlējusies dienu, pēc tiesas visu izbeigšu",
        "sab plan kar liya hai, shaadi ke baad main duniya chhod doongi",
        "kis ko kya milega maine likh diya hai, ab main jaa rahi hoon hamesha ke liye",
    ],
)
def test_guards_a_day_picked_to_end_it_after_an_event_gets_the_helplines(
    screen: RiskScreen, text: str
) -> None:
    """The new PLANEVENT words (court, shaadi) must not keep a plan to die quiet."""
    assert "suicide" in screen.categories(text), screen.vetoes_in(text)


# The rules' false alarm mended in wave 25 (prec25): a move for a job told anywhere in the
# message (RELOCATE, a guard of the farewell rules that reaches every sentence) is a goodbye to
# the group.
FAREWELL_MODEL = (
    "owner risk25: false alarm on 3c6e65e: the rules are quiet (RELOCATE), the wave-24 model "
    "reads the Bengali goodbye as suicide (0.61)"
)
LIGHTER = (
    "owner prec24: false alarm on 6a50146 too: English 'I feel lighter' is Somali LIGHTER (a "
    "cigarette lighter) with 'is': self-harm"
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "I'm leaving the area next month for a job in Leeds. I'll miss the group. Can you "
            "transfer my script? Thank you for everything, goodbye everyone.",
            id="en-moving-for-a-job-goodbye-everyone",
        ),
        pytest.param(
            "No próximo mês mudo-me para outra cidade por causa do trabalho. Vou ter saudades do "
            "grupo. Obrigado por tudo, adeus a todos.",
            id="pt-moving-for-a-job-goodbye-everyone",
        ),
        pytest.param(
            "Kitą mėnesį išsikraustau į kitą miestą dėl darbo. Pasiilgsiu grupės. Ačiū už viską, "
            "sudie visiems.",
            id="lt-moving-for-a-job-goodbye-everyone",
        ),
        pytest.param(
            "agle mahine main naukri ke liye Leeds ja rahi hoon. group ki yaad aayegi. sab ka "
            "shukriya, alvida.",
            id="ur-rom-moving-for-a-job-goodbye-everyone",
        ),
        pytest.param(
            "ਅਗਲੇ ਮਹੀਨੇ ਮੈਂ ਨੌਕਰੀ ਲਈ ਲੀਡਜ਼ ਜਾ ਰਹੀ ਹਾਂ। ਗਰੁੱਪ ਦੀ ਯਾਦ ਆਵੇਗੀ। ਸਭ ਦਾ ਧੰਨਵਾਦ, ਅਲਵਿਦਾ।",
            id="pa-moving-for-a-job-goodbye-everyone",
        ),
        pytest.param(
            "આવતા મહિને હું નોકરી માટે લીડ્સ જાઉં છું. ગ્રુપ યાદ આવશે. બધાનો આભાર, આવજો.",
            id="gu-moving-for-a-job-goodbye-everyone",
        ),
        pytest.param(
            "পরের মাসে আমি চাকরির জন্য লিডসে চলে যাচ্ছি। গ্রুপের কথা মনে পড়বে। সবাইকে ধন্যবাদ, বিদায়।",
            marks=pytest.mark.xfail(strict=True, reason=FAREWELL_MODEL),
            id="bn-moving-for-a-job-goodbye-everyone",
        ),
        pytest.param(
            "I sold my car to pay off my debts. Everything is sorted now and I feel lighter. The "
            "money advice service was brilliant.",
            marks=pytest.mark.xfail(strict=True, reason=LIGHTER),
            id="en-debts-paid-i-feel-lighter",
        ),
        # Guards: the same goodbye, quiet on main.
        pytest.param(
            "Luna viitoare mă mut în alt oraș pentru serviciu. O să-mi fie dor de grup. "
            "Mulțumesc pentru tot, la revedere tuturor.",
            id="ro-moving-for-a-job-goodbye-everyone",
        ),
        pytest.param(
            "Nākammēnes pārceļos uz citu pilsētu darba dēļ. Man pietrūks grupas. Paldies par "
            "visu, visiem uz redzēšanos.",
            id="lv-moving-for-a-job-goodbye-everyone",
        ),
        pytest.param(
            "الشهر الجاي رح انتقل على ليدز عشان الشغل. رح يوحشني الجروب. شكرا للكل، مع السلامة.",
            id="ar-moving-for-a-job-goodbye-everyone",
        ),
        pytest.param(
            "Bisha dambe waxaan u guurayaa Leeds shaqo darteed. Kooxda waan u xiisi doonaa. "
            "Mahadsanidiin dhammaan, nabad gelyo.",
            id="so-moving-for-a-job-goodbye-everyone",
        ),
    ],
)
def test_a_long_goodbye_to_the_group_gets_no_helplines(screen: RiskScreen, text: str) -> None:
    """Long everyday answers, written by attack24 for risk24's danger (a)."""
    assert not screen.categories(text), screen.vetoes_in(text)


SITUATION = "false alarm on 6a50146 too: a situation class read in an everyday trip or room"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "I took the express train to the city for my appointment because there's no clinic "
            "here",
            # lex24 (23:55): en has no FASTTRAIN words now.
            id="en-express-train-to-the-appointment",
        ),
        pytest.param(
            "fereastra e mereu deschisă în sală și stau lângă fereastră, e frig",
            marks=pytest.mark.xfail(
                strict=True,
                reason=f"owner prec24: {SITUATION}: WINDOW OPEN SITAT, 'lângă' (by) no BESIDE",
            ),
            id="ro-by-the-open-window-cold",
        ),
        pytest.param(
            "siedziałam na parapecie w poczekalni, bo nie było krzeseł",
            # lex24 (23:55): pl SITAT is only sitting on the sill now, not "sat" in the past.
            id="pl-sat-on-the-windowsill-no-chairs",
        ),
        pytest.param(
            "perdi tudo no jogo mas agora vou às reuniões e não jogo",
            marks=pytest.mark.xfail(
                strict=True, reason=f"owner risk24: {SITUATION}: the model reads LIFE+NEG (0.72)"
            ),
            id="pt-lost-everything-gambling-now-stopped",
        ),
        pytest.param(
            "the window was wide open in the clinic and I was sat on the window ledge waiting",
            marks=pytest.mark.xfail(
                strict=True,
                reason="owner lex24: NEW false alarm (6c8b38b, en WINDOW 'window ledge', SITAT "
                "'sat on'): waiting on the ledge of an open clinic window",
            ),
            id="en-sat-on-the-clinic-window-ledge",
        ),
        pytest.param(
            "I take the rest of the packet with me when I go away, as the GP said",
            marks=pytest.mark.xfail(
                strict=True,
                reason="owner prec24: NEW false alarm: 'rest of the packet' is an overdose sign, "
                "and lifts ASTOLD (bdb9cb5); the model reads abuse at 0.46 with a risk word",
            ),
            id="en-rest-of-the-packet-taken-away",
        ),
        # Guards: quiet on main (lex24's slice 4 classes in en pl ru pt ro).
        pytest.param(
            "w sali okno zawsze otwarte, siedzę przy oknie i marznę",
            marks=alarm("risk24", "the wave-24 model"),
            id="pl-window",
        ),
        pytest.param("в группе окно всегда открыто, я сижу у окна и мёрзну", id="ru-window"),
        pytest.param(
            "a janela da sala está sempre aberta e eu sento-me perto da janela, está um frio",
            id="pt-window",
        ),
        pytest.param(
            "еду на сапсане в город на приём, потому что здесь нет клиники", id="ru-train"
        ),
        pytest.param("jadę pendolino do miasta na wizytę, bo tu nie ma poradni", id="pl-train"),
        pytest.param(
            "проиграл всё в казино, но теперь хожу на собрания и не играю", id="ru-gamble"
        ),
        pytest.param("am pierdut tot la jocuri, dar acum merg la întâlniri și nu mai joc", id="ro"),
        pytest.param("it was the anniversary of her death last week and the group helped", id="en"),
        pytest.param("rocznica śmierci mamy była ciężka, grupa pomogła", id="pl-anniversary"),
        pytest.param("the only way out of addiction for me was the group", id="en-only-way"),
        pytest.param("w soboty nikogo tu nie ma, ośrodek zamknięty", id="pl-nobody-here"),
    ],
)
def test_an_everyday_trip_or_room_gets_no_helplines(screen: RiskScreen, text: str) -> None:
    assert not screen.categories(text), screen.vetoes_in(text)
