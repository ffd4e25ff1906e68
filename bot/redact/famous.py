"""Famous people named in feedback: kept, not redacted.

"Listening to Amy Winehouse helped", "Russell Brand's book", "слушаю Виктора Цоя": a
public figure's name identifies no one who gave feedback, and hiding it loses what helped
(issue 12: precision counts as well as recall).  :mod:`bot.redact.people` finds a full name
anywhere by a listed given name, so it would hide these.

Deliberately short: people whom recovery feedback names (singers and writers about
addiction, sports people, leaders, religious figures), drinks and characters named like
people ("Johnnie Walker", "Captain Morgan", "Harry Potter", "Mary Jane"), each written once,
in its usual script.  Left out: any whose name is also a common one among the people the
service meets ("Michael Jackson", "Robbie Williams", "Liam Gallagher", "David Beckham",
"Imran Khan", "Robert Lewandowski", "Mo Farah", "Mohamed Salah", "Narendra Modi"), where a
real person of that name would be stored in clear: hiding a singer costs a word of
feedback, storing a neighbour's name costs their privacy.  A cue (a role, "my name is")
still hides any name, these too: only the cue-less finders consult this list.
"""

from __future__ import annotations

from bot.redact.spans import Span, words

_FAMOUS_NAMES = """
amy winehouse|russell brand|elton john|whitney houston|kurt cobain|eric clapton
ozzy osbourne|paul gascoigne|davina mccall|gabor maté|gabor mate|brené brown|brene brown
eckhart tolle|philip seymour hoffman|heath ledger|marilyn monroe|elvis presley|jimi hendrix
janis joplin|bob marley|freddie mercury|david bowie|taylor swift|ed sheeran|demi lovato
britney spears|lady gaga|lil peep|juice wrld|shane macgowan|lewis capaldi|oprah winfrey
barack obama|donald trump|boris johnson|keir starmer|rishi sunak|king charles|princess diana
prince harry|meghan markle|jesus christ|mother teresa|nelson mandela|martin luther king
cristiano ronaldo|lionel messi|marcus rashford|tyson fury|mike tyson|bear grylls|rick astley
ant mcpartlin|samuel l jackson|leonardo dicaprio|johnny depp|russell crowe|denzel washington
adam małysz|adam malysz|lech wałęsa|gheorghe hagi|simona halep|nicolae ceaușescu
nicolae ceausescu|mihai eminescu|josé mourinho|jose mourinho|arvydas sabonis
владимир высоцкий|алла пугачёва|алла пугачева|виктор цой|владимир путин|лев толстой
фёдор достоевский|федор достоевский|nusrat fateh ali khan|rahat fateh ali khan
sidhu moose wala|rabindranath tagore|mahatma gandhi|shah rukh khan|amitabh bachchan
tom cruise|tom hanks|kevin bacon|harry kane|lewis hamilton|paul mccartney|john lennon
matthew perry|charlie sheen|robert downey|kate moss|pete doherty|harry styles|stephen fry
harry potter|oliver twist|tom thumb|anna freud|emma bridgewater|captain morgan
mary jane|william lawson's|johnnie walker|jose cuervo|josé cuervo|jack daniels
jack daniel's|ben nevis|big ben
ion creangă|ion creanga|raimonds pauls|anna karenina|ewa chodakowska
jan paweł ii|jan pawel ii|jana pawła ii|jana pawla ii
umm kulthum|أم كلثوم|نصرت فتح علی خان|রবীন্দ্রনাথ ঠাকুর|મહાત્મા ગાંધી|ਸਿੱਧੂ ਮੂਸੇ ਵਾਲਾ
"""
FAMOUS = tuple(
    tuple(name.split()) for line in _FAMOUS_NAMES.split("\n") for name in line.split("|") if name
)
"""Each famous name as its words, lower case."""


_ENDINGS = words(
    """
    a u y i e ą ę em om ie owi ego emu iem ui ai am ā ul ului ei
    ом ем ой ей у ю я е а ы и ою ею
    """
)
"""Case endings of the declined languages (pl ru lt lv ro): "Małysza", "Виктора", "Цоя"."""


def _same(word: str, famous: str) -> bool:
    """``word`` is ``famous``, or it with a case ending ("Małysza", "Виктора", "Цоя", the
    last letter changed for one).  Never another name that starts alike: "Matt Miller" is no
    "Mac Miller", "Adam Małyszek" no "Adam Małysz"."""
    word = word.casefold().removesuffix("'s").removesuffix("’s")
    famous = famous.removesuffix("'s")  # "Jack Daniel" of "Jack Daniel's"
    if word == famous:
        return True
    if word.startswith(famous) and word[len(famous) :] in _ENDINGS:
        return True
    stem = famous[:-1]
    return (
        famous[-1] in "йьаяaeiy"
        and len(stem) >= 2
        and word.startswith(stem)
        and word[len(stem) :] in _ENDINGS
    )


def famous(text: str, span: Span) -> bool:
    """Whether the name at ``span`` is all or the end of a famous name ("Ali Khan" of
    "Nusrat Fateh Ali Khan": the words before it are the rest)."""
    found = text[span.start : span.end].split()
    before = text[max(0, span.start - 60) : span.start].split()
    for name in FAMOUS:
        if len(found) > len(name):
            continue
        if not all(_same(w, f) for w, f in zip(found, name[len(name) - len(found) :], strict=True)):
            continue
        rest = name[: len(name) - len(found)]
        if not rest or (
            len(before) >= len(rest)
            and all(_same(w, f) for w, f in zip(before[-len(rest) :], rest, strict=True))
        ):
            return True
    return False
