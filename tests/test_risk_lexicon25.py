"""The lexicon's classes in the weakest languages (issue 12, wave 25): the rules alone.

Lex24 gave most classes a word in every language, but many held one form where people
type many: Gujarati "phone off" only as "phone bandh kar...", Latvian "won't live to see"
and "breathing hard" not at all, Lithuanian "nobody will look for me" only in the
conditional, Somali "forgive me" and "if you see this" in one spelling each, Bengali
"why live" and "breath stuck" missing. Each line below is a situation (written for this
test, not taken from a corpus) whose class now holds the form typed; the everyday lines
use the same new words and must stay quiet.
"""

from __future__ import annotations

import pytest

from bot.risk_rules import builtin
from bot.safety import RiskScreen, load_builtin, merge, normalise


@pytest.fixture(scope="module")
def rules() -> RiskScreen:
    return RiskScreen(merge(load_builtin(), {}), builtin(normalise))


def _rule_categories(rules: RiskScreen, text: str) -> set[str]:
    """Categories the concept rules fire for (not the phrase lists, not the model)."""
    return {h.category for h in rules.hits(text) if "rule " in h.phrase}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Goodbye and the phone switched off (PHONEOFF, gu lv).
        ("badha ne alvida kahi didhu, have phone switch off karu chu", "suicide"),
        ("rīt telefons būs izslēgts, paldies par visu", "suicide"),
        # A will written and the dog handed over (WILL, GAVE: gu "sonpi didho").
        ("vasiyatnamu lakhi nakhyu ane kutro padoshi ne sonpi didho", "suicide"),
        # Everything sorted, tonight (ALLSORTED, TONIGHT: bn "sob kichu", "aaj raatei").
        ("sob kichu guchiye rekhechi, aaj raatei", "suicide"),
        # Why live (WHYLIVE: bn "keno bachbo").
        ("keno bachbo ar, keu to nei", "suicide"),
        # Not living to see Christmas (NOTHERE: lv "nesagaidīšu").
        ("ziemassvētkus es nesagaidīšu", "suicide"),
        # Nobody will look for me, tomorrow (NOSEARCH: lt future tense).
        ("rytoj išeinu, niekas manęs neieškos", "suicide"),
        # "If you read this, forgive me" (WHENREAD, FORGIVE: so).
        ("hooyo, haddaad tan akhrido, iga cafi", "suicide"),
        # A drug and breathing gone wrong (ODDBREATH gu bn, NOBREATH so).
        ("bijo fentanyl patch lagavyo, have shvas bhare lage che", "overdose"),
        ("heroin nilam, ekhon dom atke ashche", "overdose"),
        ("saaxiibkay neefta wuu joojiyay kadib markuu heroin qaatay", "overdose"),
        # Pills being saved until there are enough (STOCK, ENOUGHNOW: so).
        ("kiniinada waan ururinayaa, dhowaan way ku filnaan doonaan", "overdose"),
        # A father who "does harm" to a child (VIOLENCE: lv "dara pāri"; AGENT "tētis").
        ("tētis manai meitai dara pāri", "abuse"),
        # Native script, a noun with its case or classifier ending (bn "রশি", ROPE), a stop
        # told to nobody (STOPMED, NOBODYKNOW: bn pa), "you won't find me from tomorrow"
        # (NOTHERE: bn).
        ("একটা রশি কিনে এনেছি, আলমারিতে রাখা", "suicide"),
        ("ইনসুলিন নেওয়া বন্ধ করে দিয়েছি, কাউকে বলিনি", "suicide"),
        ("ਇਨਸੁਲਿਨ ਲੈਣਾ ਬੰਦ ਕਰ ਦਿੱਤਾ, ਕਿਸੇ ਨੂੰ ਨਹੀਂ ਦੱਸਿਆ", "suicide"),
        ("কাল থেকে আমাকে আর পাবে না", "suicide"),
        # Pills hoarded (STOCK: lt "kaupiau"); a cigarette put out on the palm (STUB,
        # CIGARETTE, BODY: lt); patches stuck on "instead of one" (TAKE, EXCESS: lt).
        ("visą mėnesį kaupiau tabletes", "overdose"),
        ("užgesinau cigaretę į delną", "self_harm"),
        ("užsiklijavau du fentanilio pleistrus vietoj vieno", "overdose"),
        # God asked to forgive what I do tonight (FORGIVE, DOIT: so); one's own funeral paid
        # for, and goodbye (MYFUNERAL: bn "নিজের জানাজার").
        ("ilaahay ha ii dambi dhaafo waxaan caawa sameyn doono", "suicide"),
        ("নিজের জানাজার টাকা মসজিদে দিয়ে এসেছি, সবাইকে বিদায়", "suicide"),
        # Bengali and Gurmukhi script: nobody will find me tomorrow (NOTHERE), a noose at
        # the throat (SUICIDE: "গলায় ফাঁস"), pesticide drunk (POISON, DRANK), become a weight
        # on everyone (BURDEN: "ਭਾਰ ਬਣ"), going to the father who died (DIE: "মারা যাওয়া").
        ("কাল সকালে কেউ আমাকে খুঁজে পাবে না", "suicide"),
        ("ਕੱਲ੍ਹ ਸਵੇਰੇ ਮੈਨੂੰ ਕੋਈ ਨਹੀਂ ਲੱਭ ਸਕੇਗਾ", "suicide"),
        ("গত রাতে গলায় ফাঁস দেওয়ার চেষ্টা করেছিলাম", "suicide"),
        ("কীটনাশক খেয়ে ফেলেছি", "overdose"),
        ("ਕੀੜੇਮਾਰ ਦਵਾਈ ਪੀ ਲਈ", "overdose"),
        ("ਮੈਂ ਸਾਰਿਆਂ ਤੇ ਭਾਰ ਬਣ ਗਿਆ ਹਾਂ", "suicide"),
        ("বাবা মারা যাওয়ার পর থেকে মনে হয় ওর কাছে চলে যাই", "suicide"),
    ],
)
def test_a_form_the_class_lacked_now_fires(rules: RiskScreen, text: str, category: str) -> None:
    assert category in _rule_categories(rules, text), (text, [h.phrase for h in rules.hits(text)])


@pytest.mark.parametrize(
    "text",
    [
        # Away tomorrow on holiday; the phone off at the theatre tonight.
        "rīt būšu prom, braucu atvaļinājumā",
        "šovakar telefons būs izslēgts, ejam uz teātri",
        # "That's enough for me, thanks" at a meal.
        "man užteko, ačiū, daugiau nevalgysiu",
        # Dinner is ready; coffee every morning (READY, DRANK).
        "cuntada waa diyaar, kaalay",
        "dzeru kafiju katru rītu",
        # A membership cancelled because of working out at home (ARRANGE, NONEED).
        "gym membership cancel kari, have jaruri nathi kem ke ghare workout karu chu",
        # Thanks to everyone after a good session.
        "sobaike dhonnobad, ajker session ta khub bhalo chilo",
        # A death anniversary spent at the temple or the gurdwara.
        "મમ્મીની પુણ્યતિથિએ મંદિરે જઈશું",
        "ਪਿਤਾ ਜੀ ਦੀ ਬਰਸੀ ਤੇ ਗੁਰਦੁਆਰੇ ਜਾਣਾ ਹੈ",
        # A lost key and a letter: the keys of a farewell are plural (KEYS stays plural).
        "চাবিটা হারিয়ে ফেলেছি, ক্লিনিকের চিঠিটাও পাইনি",
        "ਚਾਬੀ ਗੁੰਮ ਹੋ ਗਈ, ਕਲੀਨਿਕ ਦੀ ਚਿੱਠੀ ਵੀ ਨਹੀਂ ਮਿਲੀ",
        # The children's hands washed, a child's sore leg: gu HARM held "baal*" (burn), which
        # is also how "બાળક" (child) begins, so HARM BODY fired on them.
        "બાળકોના હાથ ધોવડાવ્યા અને જમવાનું આપ્યું",
        "balak na pag ma dukhavo che",
        # Going over to someone's tonight or soon: "reach them", "go to hers" are travel, so
        # GOTODEAD keeps to going to the dead one (not "pahunch", "jati rahish", "chali jana").
        "aaje raatre eni paase jati rahish, jamva",
        "ਅੱਜ ਰਾਤ ਉਹਦੇ ਕੋਲ ਚਲੀ ਜਾਣਾ, ਰੋਟੀ ਖਾਣ",
        "jaldi un ke paas pahunch jaunga, train late hai",
        # Weight gained; sleeping through till morning ("ਮੁੜ ਨਾ", not again, is no NEVER);
        # leaving the office unnoticed ("চলে গেলে", when I leave, is no GONE); tea drunk.
        "ਮੇਰਾ ਭਾਰ ਬਹੁਤ ਵਧ ਗਿਆ ਹੈ",
        "ਰਾਤ ਨੂੰ ਸੌਂ ਜਾਂਦਾ ਹਾਂ ਤੇ ਮੁੜ ਨਾ ਉੱਠਦਾ ਸਵੇਰ ਤੱਕ, ਨੀਂਦ ਚੰਗੀ ਆਉਂਦੀ",
        "ami office theke chole gele keu ter pay na",
        "ਚਾਹ ਪੀ ਲਈ, ਹੁਣ ਕੰਮ ਤੇ ਜਾਣਾ",
        "বাবা মারা যাওয়ার পর মা আমাদের সাথে থাকে",
    ],
)
def test_everyday_words_of_the_widened_classes_stay_quiet(rules: RiskScreen, text: str) -> None:
    assert not _rule_categories(rules, text), (text, [h.phrase for h in rules.hits(text)])


@pytest.mark.parametrize(
    "text",
    [
        # SEARCH HOWMANY|WAYS has no guard: "how to" and "how many" are everyday questions.
        "I googled how to get to the clinic",
        "I searched how many hours the clinic is open",
        # A bare "bye" (gu and bn FAREWELL, read in every language) with the phone off for
        # the cinema: ALLTHANKS|FORGIVE|FAREWELL PHONEOFF is guarded by PARTY only.
        "bye! turning my phone off now, off to the cinema",
        # LETTER|WILL KEYS: a lost key and a letter from the clinic.
        "I lost my keys and the letter from the clinic",
        # GOTODEAD SOON: en "go to her" beside "soon" is also a bus ride.
        "I'll go to her soon, the bus is late",
    ],
)
@pytest.mark.xfail(
    strict=True,
    reason="false alarm in the rules (prec25's files), found by lex25 and not mended: a rule"
    " change needs a retrain",
)
def test_everyday_searches_and_goodbyes_stay_quiet(rules: RiskScreen, text: str) -> None:
    assert not _rule_categories(rules, text), (text, [h.phrase for h in rules.hits(text)])
