"""Quotes in the public (network) report must not name people.

"My keyworker John Smith never called me back" was stored, tagged and quoted word for word
in the network report, which is published to people who use services.  A named keyworker
is identifiable, and so, to that keyworker, is the person who complained about them.

Two layers: a full name after a role word is redacted when stored, in every enabled
language (``bot.redact.staff``); and the quote chooser refuses a comment that still names
someone (a first name given with a role, a full name without one, comments stored before
redaction knew names), taking the next comment of the theme instead.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.i18n import load_catalogue
from bot.redact import Redactor
from bot.redact.staff import names_someone
from bot.report.aggregate import ReportBuilder
from bot.report.period import parse_week
from bot.report.render_network import network_parts
from bot.report.suppress import publish
from bot.report.synth import Response, write
from bot.report.themes import load_codebook
from bot.store import AnswerMeta, Store

WEEK = parse_week("2026-W47")
START = datetime(2026, 11, 17, 9, tzinfo=UTC)
NAMED = [
    ("en", "My keyworker John Smith never called me back, I waited weeks.", "John Smith"),
    ("pl", "Mój terapeuta Piotr Nowak nie oddzwonił, czekałem dwa miesiące.", "Piotr Nowak"),
]
# One full name after a role word per enabled language, as people type them.
STAFF = [
    ("en", "my recovery worker Lisa Marie Turner cancelled twice", "Lisa Marie Turner"),
    ("pl", "moja terapeutka Ewa Mazur w ogóle nie słucha", "Ewa Mazur"),
    ("lt", "socialinė darbuotoja Ona Petraitienė neatskambino", "Ona Petraitienė"),
    ("lv", "mana terapeite Dace Kļaviņa neatzvanīja", "Dace Kļaviņa"),
    ("ro", "asistenta sociala Ana Munteanu nu raspunde", "Ana Munteanu"),
    ("pt", "o meu técnico Nuno Pereira nunca atende", "Nuno Pereira"),
    ("ru", "наш психолог Дмитрий Волков опять отменил", "Дмитрий Волков"),
    ("so", "la-taliyaha Axmed Faarax wuu i caawiyay", "Axmed Faarax"),
    ("ur", "ڈاکٹر فرحان علی نے بات نہیں سنی", "فرحان علی"),
    ("pa", "ਨਰਸ ਹਰਲੀਨ ਗਰੇਵਾਲ ਨੇ ਬਹੁਤ ਮਦਦ ਕੀਤੀ", "ਹਰਲੀਨ ਗਰੇਵਾਲ"),
    ("gu", "કાઉન્સેલર જયેશ મહેતા ક્યારેય ફોન નથી કરતા", "જયેશ મહેતા"),
    ("bn", "ডাক্তার নাসির উদ্দিন খুব রাগী", "নাসির উদ্দিন"),
    ("ar", "المعالجة ريم الخطيب ما بترد على التلفون", "ريم الخطيب"),
]


async def _public_quotes(settings, flows, store: Store, comments: list[tuple[str, str]]):
    people = [
        Response(
            "consultation",
            START + timedelta(minutes=i),
            {"one_service": "agree", "one_service_why": text},
            lang=lang,
            meta={"one_service_why": AnswerMeta(detected_lang=lang, lang_prob=0.99)},
        )
        for i, (lang, text) in enumerate(comments)
    ]
    await write(store, flows, people)
    builder = ReportBuilder(store, settings, load_codebook(settings.flows_dir), load_catalogue())
    public = publish(await builder.build(WEEK))
    shown = " ".join(q.text for q in public.quotes) + " ".join(
        text for _, text in network_parts(public, load_catalogue(), "en")
    )
    return public, shown


async def test_no_published_quote_names_a_person(settings, flows, store: Store):
    redactor = Redactor()
    comments = [(lang, redactor.redact(text)) for lang, text, _ in NAMED for _ in range(8)]
    public, shown = await _public_quotes(settings, flows, store, comments)
    assert public.quotes, "the comments were expected to be themed and quotable"
    leaked = [name for _, _, name in NAMED if name in shown]
    assert not leaked, f"names published in quotes: {leaked}"


@pytest.mark.parametrize(("lang", "text", "name"), STAFF, ids=[lang for lang, _, _ in STAFF])
def test_a_full_name_after_a_role_is_redacted_when_stored_in_every_language(lang, text, name):
    out = Redactor().redact(text)
    assert name not in out and "[name]" in out
    assert out.replace("[name]", name) == text, "everything else is kept as typed"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("John Smith, my keyworker, never rang", "[name], my keyworker, never rang"),
        ("Thanks to Kelly Brown (support worker)", "Thanks to [name] (support worker)"),
        ("Ольга Петрова, моя медсестра, помогла", "[name], моя медсестра, помогла"),
        ("my keyworker John\u00a0Smith never rang", "my keyworker [name] never rang"),
    ],
)
def test_a_full_name_just_before_its_role_is_redacted(text, want):
    assert Redactor().redact(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "the nurse, Priya, was kind",
        "my keyworker Dave is brilliant",
        "Adult Social Care worker was rude to me",
        "pielęgniarka Basia była super",
        "медсестра Лена очень помогла",
        "الممرضة سلمى كانت لطيفة",
        "ਕੌਂਸਲਰ ਰਾਜ ਬਹੁਤ ਚੰਗਾ ਸੀ",
        "my keyworker at Turning Point was great",
        "the GP Surgery was closed again",
    ],
)
def test_a_first_name_alone_and_services_survive_storage(text):
    assert Redactor().redact(text) == text


async def test_quotes_naming_someone_are_refused_and_the_next_comments_shown(
    settings, flows, store: Store
):
    """Comments stored before names were redacted, or naming a worker by first name with
    their role, are not published; the theme still gets its quotes from other comments."""
    naming = [
        "My keyworker John Smith never called me back, I waited weeks.",
        "my keyworker Dave never rings me back, I waited weeks for nothing",
        "I waited weeks and Sarah Jones on the desk just laughed",
    ]
    plain = [
        "I waited weeks for a first appointment and nobody rang",
        "The wait for a keyworker was far too long, about six weeks",
        "Waited weeks to be seen, then it was rushed",
    ]
    comments = [("en", text) for text in naming for _ in range(4)]
    comments += [("en", text) for text in plain for _ in range(2)]
    public, shown = await _public_quotes(settings, flows, store, comments)
    assert not any(name in shown for name in ("John Smith", "Dave", "Sarah Jones"))
    waiting = [q.text for q in public.quotes if q.theme == "waiting_times"]
    assert sorted(waiting) == sorted(plain)


@pytest.mark.parametrize(
    "text",
    [
        "My keyworker John Smith never called me back",
        "the nurse, Priya, was kind",
        "thanks to Sarah\u00a0Jones",
        "my keyworker john smith never called",
        "мой соцработник марина соколова не звонит",
        "my keyworker Jo\u200bhn never called",
        "thanks to Sarah Jones for everything",
        "спасибо врачу Ивану за помощь",
        "المرشدة رانيا ما بترد",
        "ਨਰਸ ਸਿਮਰਨ ਬਹੁਤ ਚੰਗੀ ਸੀ",
        # Someone else's first name given with "her name is": stored (a first name alone),
        # never published.
        "the nurse was nice her name is priya",
        "numele ei este Ioana, a fost foarte bună cu mine",
        "magaciisu waa Cabdi, aad buu ii caawiyay",
        "اسمها ريم وكانت لطيفة معي",
        "o nome dela é Ana e foi muito gentil",
        # A first name with the desk its worker sits at: a role (redact26's decision).
        "Sam on reception always remembers my name",
        # A worker's first name typed in lower case after the role (redact26's decision).
        "my worker sarah helped a lot",
    ],
)
def test_a_quote_naming_someone_is_recognised(text):
    assert names_someone(text)


@pytest.mark.parametrize(
    "text",
    [
        "I go to Narcotics Anonymous on Tuesday and it helps",
        "my keyworker was great and rang every week",
        "my keyworker never rings me back",
        "my keyworker keeps cancelling on me",
        "The group at Mill Road is good. Change Grow Live staff are kind",
        "I waited 3 weeks for my first appointment",
        "My keyworker [name] never called me back",
        "انتظرت ٣ أسابيع للموعد",
        "his name was never called at reception",
        "her name is on the waiting list too",
        "Nobody on reception answered the phone",
        "The lady at the front desk was kind",
    ],
)
def test_a_quote_naming_nobody_is_kept(text):
    assert not names_someone(text)


@pytest.mark.parametrize(
    "role",
    [
        "key worker",
        "recovery worker",
        "GP",
        "psychiatrist",
        "counsellor",
        "peer mentor",
        "terapeutką",
        "pielęgniarki",
        "kuratorem",
        "psichologė",
        "gydytojas",
        "slaugytojai",
        "darbiniece",
        "medmāsa",
        "ārstei",
        "asistentei",
        "medicul",
        "consilierul",
        "enfermeira",
        "técnica",
        "psicóloga",
        "медсестрой",
        "врачу",
        "психологом",
        "kalkaaliyaha",
        "dhakhtarkii",
        "la-taliyaha",
    ],
)
def test_every_kind_of_role_word_is_recognised_in_its_inflected_forms(role):
    assert Redactor().redact(f"{role} Anna Kowalska") == f"{role} [name]"
