"""Famous people named in feedback: kept, not redacted.

"Listening to Amy Winehouse helped", "Russell Brand's book", "слушаю Виктора Цоя": a
public figure's name identifies no one who gave feedback, and hiding it loses what helped
(issue 12: precision counts as well as recall).  :mod:`bot.redact.people` finds a full name
anywhere by a listed given name, so it would hide these.

Deliberately short: people whom recovery feedback names (singers and writers about
addiction, sports people, leaders, religious figures), each written once, in its usual
script.  Left out: any whose name is also a common one among the people the service meets
("Michael Jackson", "George Michael", "Imran Khan", "Mo Farah", "Mohamed Salah", "Harry
Kane", "Wayne Rooney"), where a real
person of that name would be stored in clear: hiding a singer costs a word of feedback,
storing a neighbour's name costs their privacy.  A cue (a role, "my name is") still hides
any name, these too: only the cue-less finder consults this list.
"""

from __future__ import annotations

from bot.redact.spans import Span

_FAMOUS_NAMES = """
amy winehouse|russell brand|elton john|matthew perry|robin williams|whitney houston
kurt cobain|eric clapton|ozzy osbourne|robbie williams|paul gascoigne|davina mccall
stephen fry|gabor maté|gabor mate|brené brown|brene brown|eckhart tolle|anthony hopkins
philip seymour hoffman|heath ledger|marilyn monroe|elvis presley|jimi hendrix|janis joplin
bob marley|freddie mercury|david bowie|taylor swift|ed sheeran|demi lovato|britney spears
lady gaga|mac miller|lil peep|juice wrld|shane macgowan|pete doherty|liam gallagher
noel gallagher|amy macdonald|lewis capaldi|joe wicks|jordan peterson|oprah winfrey
barack obama|donald trump|boris johnson|keir starmer|rishi sunak|king charles
princess diana|prince harry|meghan markle|jesus christ|mother teresa|nelson mandela
martin luther king|cristiano ronaldo|lionel messi|marcus rashford|tyson fury|mike tyson
conor mcgregor|ronnie o'sullivan|roy keane|david beckham
bear grylls|rick astley|ant mcpartlin|daniel radcliffe
samuel l jackson|leonardo dicaprio|johnny depp|russell crowe|denzel washington
robert lewandowski|adam małysz|adam malysz|krzysztof krawczyk|jan paweł|jan pawel|lech wałęsa
gheorghe hagi|simona halep|nicolae ceaușescu|nicolae ceausescu|mihai eminescu
amália rodrigues|amalia rodrigues|josé mourinho|jose mourinho|roberto carlos
arvydas sabonis|raimonds pauls|владимир высоцкий|алла пугачёва|алла пугачева|виктор цой
владимир путин|лев толстой|фёдор достоевский|федор достоевский|nusrat fateh ali khan
rahat fateh ali khan|sidhu moose wala|diljit dosanjh|rabindranath tagore|kazi nazrul islam
mahatma gandhi|narendra modi|shah rukh khan|amitabh bachchan|umm kulthum|أم كلثوم
نصرت فتح علی خان|রবীন্দ্রনাথ ঠাকুর|কাজী নজরুল ইসলাম|મહાત્મા ગાંધી|ਸਿੱਧੂ ਮੂਸੇ ਵਾਲਾ
"""
FAMOUS = tuple(
    tuple(name.split()) for line in _FAMOUS_NAMES.split("\n") for name in line.split("|") if name
)
"""Each famous name as its words, lower case."""


def _same(word: str, famous: str) -> bool:
    """``word`` is ``famous`` or it with a case ending ("Krawczyka", "Виктора", "Цоя")."""
    word = word.casefold().removesuffix("'s").removesuffix("’s")
    if word == famous:
        return True
    stem = famous[:-1] if len(famous) >= 3 else famous
    return word.startswith(stem) and len(word) - len(famous) <= 2


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
