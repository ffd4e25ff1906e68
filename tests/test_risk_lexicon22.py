"""Every meaning class in every language (issue 12, wave 22): the rules alone.

Wave 21 wrote situation rules twice, once for en pl lt lv ro pt ru so and once for
ar ur pa gu bn, each with word classes the other group's lexicons did not hold: a dose
taken again "by mistake" (FORGOT) fired only in Urdu, Punjabi, Gujarati, Bengali and
Arabic; a bathroom door that "won't open" (NOOPEN), a landlord asking for sex, nudes sent
to everyone unless paid, "if I leave him he takes the kids" only in those five; "looking
down at the water", "every night", "don't look for me", the keys and a note, "every
penny" only in the other eight. Each line here is a situation in a language whose
lexicon lacked a class its rule needs; the everyday lines beside them use the same words
and must stay quiet.
"""

from __future__ import annotations

import pytest

from bot.risk_rules import builtin
from bot.safety import RiskScreen, load_builtin, merge, normalise


@pytest.fixture(scope="module")
def rules() -> RiskScreen:
    return RiskScreen(merge(load_builtin(), {}), builtin(normalise))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # A dose taken again by mistake (FORGOT TWICE), in the languages that had no FORGOT.
        ("forgot i'd already had my methadone and took a second dose", "overdose"),
        ("zapomniałem że już brałem i wziąłem drugą dawkę metadonu", "overdose"),
        ("užmiršau, kad jau gėriau vaistus, ir išgėriau dar du", "overdose"),
        ("aizmirsu, ka jau iedzēru metadonu, un iedzēru vēlreiz", "overdose"),
        ("am uitat că am luat metadona și am luat a doua doză", "overdose"),
        ("esqueci que já tinha tomado a metadona e tomei outra vez", "overdose"),
        ("забыл, что уже выпил таблетки, и выпил ещё раз", "overdose"),
        ("waan ilaaway oo methadone-ka mar kale ayaan qaatay", "overdose"),
        ("نسيت إني أخذت الدوا وأخذته مرة ثانية", "overdose"),
        # Shut in a bathroom, silent or collapsed (BATHROOM NOOPEN|NOSOUND|COLLAPSED).
        ("brat w łazience od godziny, cisza, nie otwiera", "overdose"),
        ("сын закрылся в ванной, тишина, не открывает уже час", "overdose"),
        ("o meu irmão trancou-se na casa de banho há horas e não se ouve nada", "overdose"),
        # Bleach drunk (POISON DRANK).
        ("mama wypiła wybielacz", "overdose"),
        ("a minha tia bebeu lixívia", "overdose"),
        # Looking at the water from a bridge (HEIGHT WATER LOOKAT), legs over the edge.
        ("پل پر کھڑا ہوں اور نیچے پانی دیکھ رہا ہوں", "suicide"),
        ("pul te baitha haan te thalle paani vekh reha haan", "suicide"),
        # A note left with the keys (LETTER KEYS), "don't look for me" (NOSEARCH).
        ("চাবিগুলো আর একটা চিঠি টেবিলে রেখে গেলাম", "suicide"),
        ("خط لکھ دیا ہے، مجھے مت ڈھونڈنا", "suicide"),
        # Tell the children I loved them (TELLTHEM LOVEDPAST).
        ("powiedzcie dzieciom, że je kochałem", "suicide"),
        ("скажите детям, что я их любил", "suicide"),
        # If I leave him he takes the kids (LEAVEIF TAKEKIDS); money, landlords, photos.
        ("if i leave him he says he'll take the kids and i'll never see them", "abuse"),
        ("jeśli go zostawię, zabierze mi dzieci", "abuse"),
        ("mąż kontroluje każdy grosz i mówi ile mogę wydać", "abuse"),
        ("the landlord says i can pay the rent or sleep with him", "abuse"),
        ("he has my nudes and says he'll send them to everyone unless i pay", "abuse"),
        ("o ex tem fotos minhas e diz que as manda para todos se eu não pagar", "abuse"),
        # A child crying with a parent out of it; an old person hurt by a carer.
        ("the baby's been crying for hours and his dad is off his face", "abuse"),
        ("my nan's carer hits her when nobody's there", "abuse"),
        # Blind batches 13 and 14 told these with no class to hold them, in any language:
        # a gun and a goodbye or "only one thing left"; charcoal or gas and the windows
        # sealed; the engine running in the garage; "told them I'm fine" and a plan made.
        ("he rang to say goodbye and hung up, he has his hunting rifle with him", "suicide"),
        ("ojciec poszedł do lasu ze strzelbą i nie odbiera od rana", "suicide"),
        ("ابوي عنده مسدس وقال باقي شي واحد", "suicide"),
        ("kupiłem węgiel drzewny i zakleiłem okno w łazience", "suicide"),
        ("я открыл газ на кухне и закрыл дверь изнутри", "suicide"),
        ("sitting in the car in the garage with the engine running", "suicide"),
        ("disse que estou bem ao médico, mas já fiz o plano", "suicide"),
        # Just one step from the water; nothing matters and the tracks; going to God or to
        # a mother who died; a place and "won't come back"; "what am I living for".
        ("стою у реки, вода быстрая, всего один шаг", "suicide"),
        ("nekam vairs nav nozīmes, rīt iešu uz dzelzceļa sliedēm", "suicide"),
        ("ਮੈਂ ਰੱਬ ਕੋਲ ਜਾਣਾ ਚਾਹੁੰਦੀ ਹਾਂ", "suicide"),
        ("since mum died i just want to be with her again", "suicide"),
        ("am ajuns la pod, nu mă mai întorc", "suicide"),
        ("po co mam żyć, jak wszyscy odeszli", "suicide"),
        ("ekhon ar ki jonno bachbo", "suicide"),
        ("cancelem a minha próxima consulta, não vou estar viva para ela", "suicide"),
        ("waxaan rabaa inaan nafta iska qaado", "suicide"),
        # The first use after prison or months clean at the old amount; a needle beside
        # someone not moving; chest pain after crack; drifting off again after naloxone.
        ("first time after prison and i used the same amount as before", "overdose"),
        ("pirmo reizi pēc cietuma, tāda pati deva kā agrāk", "overdose"),
        ("chłopak leży na klatce, obok strzykawka, nie rusza się", "overdose"),
        ("smoked crack all night and now i've got chest pains", "overdose"),
        ("dałem mu nalokson, ale znowu odpływa", "overdose"),
        # Threats to break legs over a debt; a phone read; blades where no one sees.
        ("jak nie oddam kasy to mi połamie nogi", "abuse"),
        ("сказал, что переломает ноги, если не отдам долг", "abuse"),
        ("saygayga taleefankayga ayuu akhriyaa", "abuse"),
        ("вчера снова резала бедро осколком стекла", "self_harm"),
        ("passei a lâmina na barriga, onde ninguém vê", "self_harm"),
        ("tīšām pieskāros karstajai plītij ar roku, gribēju sāpes", "self_harm"),
        # Classes the other group had: a hook or beam and a rope, long sleeves over cuts,
        # "feel like I'm dying" after using, an ex banging on the door.
        ("kupiłem linę, hak w piwnicy już jest", "suicide"),
        ("usa mangas compridas até no verão por causa dos cortes", "self_harm"),
        ("po heroino jaučiuosi lyg mirčiau", "overdose"),
        ("amar ex bari r baire, darja dhakkacche ekhon", "abuse"),
        # Somali, the thinnest lexicon: a fire escape to jump from, a wall punched.
        ("caawa ayaan aadayaa kaydka dabka si aan uga boodo", "suicide"),
        ("darbiga ayaan feeray ilaa faraha ay jabeen", "self_harm"),
        # Wave 22b: a drink spiked and out of it; barely breathing; thrown out into the cold
        # with the baby; driving drunk with the children; using in front of them; a debt and
        # a threat to family; waiting for everyone to sleep; "I know exactly where I'd jump";
        # my funeral and a goodbye; debts paid and ready; the passwords handed over and no
        # need for the flat; my chair empty at Christmas; God forgive what I do tonight.
        ("na imprezie ktoś wsypał coś koleżance do drinka, leży i nie kontaktuje", "overdose"),
        ("o rapaz tem a seringa no braço e mal respira", "overdose"),
        ("выгнал меня на улицу с ребёнком, на улице мороз", "abuse"),
        ("mama pijana prowadzi samochód z dziećmi", "abuse"),
        ("hooyaday carruurta hortooda ayay daroogada ku qaadataa", "abuse"),
        ("الجماعة اللي أنا مديون لهم قالوا إذا ما جبت المصاري رح يأذوا أختي", "abuse"),
        ("ઘરમાં બધા સૂઈ જાય પછી ગેરેજમાં જઈશ, દોરડું ત્યાં જ છે", "suicide"),
        ("m-am uitat la pod. știu exact unde aș sări", "suicide"),
        ("рисую как буду прощаться, даже музыку на похороны выбрал", "suicide"),
        ("sab kuch vech ditta, debt clear kar ditta, hun main tayyar haan", "suicide"),
        ("cancelled the rent direct debit, wont need the flat after next week", "suicide"),
        ("per Kūčias mano kėdė bus tuščia, jau nusprendžiau", "suicide"),
        ("Doamne iartă-mă pentru ce fac la noapte", "suicide"),
        ("esmu pie Beachy Head klintīm, atbraucu ar pēdējo autobusu", "suicide"),
        ("mamma zvanīja, pateicu viņai ka mīlu, pēdējo reizi", "suicide"),
        ("kheti di dawai shed ch payi aa, bas peeni baaki aa", "suicide"),
        ("užsipyliau gabapentino su degtine, nebeatsimenu kiek", "overdose"),
        ("کوکین کے بعد سینے میں بہت درد ہے", "overdose"),
        # Wave 22c: by the time you read this; the insurance and who gets the money; a roof
        # nobody comes to; the date decided; home in a coffin for the feast; a hose in the car.
        ("kai tu tai skaitysi, aš jau būsiu ramybėj, atleiskit", "suicide"),
        ("ubezpieczenie na życie opłacone, dzieci dostaną kasę", "suicide"),
        ("на складе узнал где ключи от крыши, наверху никого не будет", "suicide"),
        ("esmu nolēmis, datums ir 24. decembris", "suicide"),
        ("вернусь на Рождество только в гробу", "suicide"),
        ("sēžu mašīnā pie jūras, šļūtene arī ir", "suicide"),
        # Wave 22d: a small child who swallowed medicine; drugs mixed and a racing heart;
        # pills saved until enough; an ex outside despite a protection order; acid threatened;
        # boiling water poured on a hand on purpose.
        ("wnuczek znalazł moje leki w torebce i połknął, ma 3 latka", "overdose"),
        ("خلطت البريغابالين مع الهيروين وقلبي يدق بسرعة", "overdose"),
        (
            "goliyan doctor ne ditiyan si oh sambh sambh ke rakhiyan, hun kaafi ho gayiyan",
            "suicide",
        ),
        ("o meu ex tá lá fora no carro, tenho medida protetiva", "abuse"),
        ("منگیتر نے کہا اگر شادی سے انکار کیا تو تیزاب پھینک دے گا", "abuse"),
        ("gotokal kettle er gorom pani haat e dhele dilam, ichcha kore", "self_harm"),
    ],
)
def test_a_situation_fires_in_the_language_that_lacked_its_words(
    rules: RiskScreen, text: str, category: str
) -> None:
    hits = rules.hits(text)
    assert category in {h.category for h in hits}, (text, [h.phrase for h in hits])


@pytest.mark.parametrize(
    "text",
    [
        "if i leave early can someone take the kids to the creche",
        "the chemist gave me my dose twice by mistake, i took one and handed the other back",
        "w aptece dali mi dawkę dwa razy przez pomyłkę, drugą oddałem",
        "the toilet at the centre is broken and the lock is stuck, no sound from the flush",
        "forgot my keys again, had to wait for the landlord",
        "we stood on the bridge looking at the water and took photos, lovely evening",
        "i forgot to take my tablets yesterday so took them this morning",
        "my nan fell in the garden and has a bruise, the carer rang the doctor",
        "the baby was crying all night and i'm knackered",
        "he sent the photos to everyone from the party, they look great",
        # The new classes' words in everyday talk.
        "the garage had my car with the engine running for the MOT test",
        "closed all the windows and put the gas on for dinner",
        "one step at a time, walking by the canal every day helps",
        "i wont be alive to the 9am appointment without coffee lol",
        "a minha vida acaba de mudar, obrigada pela consulta",
        "essa musica acaba comigo",
        "thanks for everything, i wont need another appointment as im doing great now",
        "i told them im fine with the new times, the rope course at the gym was fun",
        "nothing matters more than my kids, we walked by the river today",
        "first time after rehab i went back to the gym, same amount of weights as before",
        "i shaved my legs with a new blade and nicked my knee, bit of blood",
        "cut my hand on broken glass washing up, it bled loads",
        "needle exchange gave me clean needles, the worker was kind",
        "the nurse took blood with a needle and i felt faint after",
        "порезался бритвой когда брился, смешно",
        "wore long sleeves because of the cold, the cuts on my hands from gardening are healing",
        "the landlord was banging on the door about the rent, i let him in",
        "ਅਗਲੇ ਮਹੀਨੇ ਮੈਂ ਇੱਥੇ ਨਹੀਂ ਹੋਣਾ, ਭੈਣ ਦੇ ਵਿਆਹ ਤੇ ਇੰਡੀਆ ਚੱਲਿਆਂ",
        "liiska sugitaanka ayaa i dilaya, 2 bilood",
        "estou morrendo de vontade de um café, a máquina do corredor avariou",
        "Really appreciate the needle exchange ladies, the worker was lovely",
        "sold everything and paid off what i owe, ready to start in the new flat",
        "once the kids are asleep i have a bath and a cup of tea by the river view",
        "changed the locks after my ex left, feel safer at night",
        "my funeral plan is paid, said goodbye to that worry",
        "moja rodzina nie wie gdzie szukać pomocy dla siebie",
        "munda dukaan te kamm karda te customers nu parcel pahunchaunda",
        "w aptece dali mi dawkę dwa razy przez pomyłkę, nie wziąłem jej",
        "i wont be here for my birthday, ill be at my sisters",
        "missed the last bus so walked home over the bridge",
        "the last time i told her i love her was years ago, she passed away",
        "my life insurance policy renewed, the kids will get the money, the solicitor sorted it",
        "grandad came home in a coffin from spain, it was so sad",
        "i keep thinking about jumping into the pool on holiday",
        "if i dont reply, feed the cat, im at work late",
        "when you read this please call me back about my appointment",
        "poured hot water on my hand making tea, it stings",
        "wiilkaygu gacanta ayuu ka jeexmay kubbadda, waa la daweeyay",
        "el dawa bye3mel nu3as, tabi3i?",
    ],
)
def test_the_same_words_in_everyday_talk_stay_quiet(rules: RiskScreen, text: str) -> None:
    assert rules.hits(text) == [], [h.phrase for h in rules.hits(text)]
