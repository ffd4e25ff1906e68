"""Synthetic responses written through the real ``Store``, for tests and benchmarks.

Nothing here is real feedback: comments come from a small phrase bank in
several languages, so theme tagging, language grouping and quotes have
something to work on.  ``write`` takes exact responses (for hand-computed
tests); ``random_responses`` makes a reproducible crowd.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.config import Settings
from bot.conversation import State, Write
from bot.engine import applies
from bot.flows import Flow, LikertStep, MultiStep, likert_score, scale_answers
from bot.report.period import Period
from bot.store import AnswerMeta, Store

COMMENTS: dict[str, list[str]] = {
    "en": [
        "I waited six weeks for my first appointment, far too long.",
        "My keyworker changed three times and I had to repeat my story each time.",
        "The group sessions on a Tuesday really helped me stay on track.",
        "I need help with my mental health as well as my drinking.",
        "I was homeless when I came out and the hostel was full of drugs.",
        "Staff at the chemist made me feel judged when I picked up my script.",
        "They gave me naloxone and showed me how to use it, brilliant.",
        "When I was released from prison nobody met me at the gate.",
        "My family were never told what was happening with my treatment.",
        "The bus from the village takes two hours each way, I cannot afford it.",
        "Please open in the evening, I work during the day.",
        "Nobody called me back after I left three messages.",
        "Thank you, the service saved my life.",
        "It was fine.",
    ],
    "pl": [
        "Czekałem dwa miesiące na pierwszą wizytę.",
        "Potrzebuję tłumacza, nie rozumiem wszystkiego po angielsku.",
        "Dziękuję, personel był bardzo pomocny.",
    ],
    "ro": [
        "Am așteptat mult pentru rețeta de metadonă.",
        "Nimeni nu mi-a spus ce se întâmplă, comunicarea este slabă.",
    ],
    "pt": [
        "A farmácia fica muito longe e o autocarro é caro.",
        "Obrigado pelo apoio do grupo.",
    ],
    "ru": [
        "Я долго ждал приёма у врача.",
        "Никто не сказал мне о группе поддержки.",
    ],
}
RISK_COMMENT = "Some days I feel there is no point living."


@dataclass
class Response:
    """One person's answers, as the engine would have written them."""

    flow_id: str
    started_at: datetime
    answers: dict[str, str | list[str]]
    lang: str = "en"
    mode: str = "own_device"
    channel: str = "telegram"
    site: str | None = None
    area: str | None = None
    respondent_group: str | None = None
    completed: bool = True
    meta: dict[str, AnswerMeta] = field(default_factory=dict)


async def write(store: Store, flows: dict[str, Flow], responses: list[Response]) -> None:
    """Store responses through ``Store.create_session`` and ``Store.save``."""
    for flow in flows.values():
        await store.register_flow(flow)
    for i, r in enumerate(responses):
        flow = flows[r.flow_id]
        at = Store(store.db, clock=lambda moment=r.started_at: moment)
        state = State(
            flow_id=flow.id,
            flow_version=flow.version,
            lang=r.lang,
            status="completed" if r.completed else "stopped",
            consented=True,
            trail=_trail(flow, r.answers, r.completed),
        )
        session = await at.create_session(
            f"synthetic_{i}", r.channel, state, mode=r.mode, site=r.site, area=r.area
        )
        session.respondent_group = r.respondent_group
        writes = [_write(flow, step_id, value) for step_id, value in r.answers.items()]
        await at.save(session, writes, r.meta)


def _trail(flow: Flow, answers: dict[str, str | list[str]], completed: bool) -> list[str]:
    """The questions the person went past, as the engine records them: every question
    that applied, up to the last one answered if they stopped part-way."""
    applied = [s.id for s in flow.steps if s.is_question and applies(s, answers)]
    if completed:
        return applied
    answered = [i for i, step_id in enumerate(applied) if step_id in answers]
    return applied[: answered[-1] + 1] if answered else []


def _write(flow: Flow, step_id: str, value: str | list[str]) -> Write:
    step = flow.step(step_id)
    score = None
    if isinstance(step, LikertStep) and isinstance(value, str):
        score = likert_score(step.scale, value)
    return Write(step_id, step.kind, value, score, step.stage, step.topic)


def random_responses(
    flows: dict[str, Flow],
    settings: Settings,
    n: int,
    period: Period,
    seed: int = 1,
    flow_id: str | None = None,
) -> list[Response]:
    """``n`` plausible responses spread over ``period``, the same for the same seed."""
    rng = main_rng = random.Random(seed)
    # The FFT steps (service_feedback version 3) draw from a generator of their own, so
    # that adding them left every other synthetic answer as it was for the same seed.
    fft_rng = random.Random(f"fft:{seed}")
    # So do choices from a flow's own options ("About you"): answered only where they
    # apply (the detailed ethnicity list of the group chosen), weighted towards the
    # first options, so that some categories are big enough to show and others are not.
    choice_rng = random.Random(f"choice:{seed}")
    start = datetime.combine(period.start, datetime.min.time(), UTC)
    seconds = period.days * 86400
    out = []
    for _ in range(n):
        flow = flows[flow_id] if flow_id else rng.choice(list(flows.values()))
        site = rng.choice(settings.sites) if settings.sites else None
        lang = rng.choices(["en", "pl", "ro", "pt", "ru"], [80, 8, 5, 4, 3])[0]
        group = rng.choice([*settings.respondent_groups, None])
        answers: dict[str, str | list[str]] = {}
        meta: dict[str, AnswerMeta] = {}
        for step in flow.steps:
            rng = fft_rng if step.topic == "fft" else main_rng
            if rng.random() < 0.15:
                continue
            if isinstance(step, LikertStep):
                options = scale_answers(step.scale)
                answers[step.id] = rng.choices(options, [30, 30, 15, 12, 8, 5])[0]
            elif isinstance(step, MultiStep) and step.options:
                plain = [o.id for o in step.options if not o.exclusive]
                picked = [o for o in plain if rng.random() < 0.35]
                exclusive = [o.id for o in step.options if o.exclusive]
                answers[step.id] = picked or [rng.choice(exclusive or plain)]
            elif step.kind == "choice" and step.options_from:
                ids = {
                    "sites": [s.id for s in settings.sites],
                    "areas": [a.id for a in settings.areas],
                    "respondent_groups": list(settings.respondent_groups),
                }[step.options_from]
                if ids:
                    answers[step.id] = rng.choice(ids)
            elif step.kind == "choice" and step.options and applies(step, answers):
                ids = [o.id for o in step.options]
                answers[step.id] = choice_rng.choices(ids, [1 / (i + 1) for i in range(len(ids))])[
                    0
                ]
            elif step.kind == "text" and rng.random() < 0.6:
                risky = rng.random() < 0.02
                text_lang = "en" if risky or rng.random() < 0.5 else lang
                bank = COMMENTS.get(text_lang, COMMENTS["en"])
                answers[step.id] = RISK_COMMENT if risky else rng.choice(bank)
                meta[step.id] = AnswerMeta(detected_lang=text_lang, lang_prob=0.9, risk_flag=risky)
        rng = main_rng
        if "respondent_group" in answers:
            group = str(answers["respondent_group"])
        area = site.area if site else None
        if "area" in answers:
            area = str(answers["area"])
        out.append(
            Response(
                flow_id=flow.id,
                started_at=start + timedelta(seconds=rng.randrange(seconds)),
                answers=answers,
                lang=lang,
                mode=rng.choices(["own_device", "peer_assisted", "paper"], [70, 20, 10])[0],
                site=site.id if site else None,
                area=area,
                respondent_group=group,
                completed=rng.random() < 0.8,
                meta=meta,
            )
        )
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m bot.report.synth``: fill the configured database with synthetic
    responses, to try reports, trends and the FFT return on a fresh clone.  Refuses a
    database that already holds real sessions (ones not made here)."""
    import argparse
    import asyncio
    from pathlib import Path

    from bot.config import load_settings
    from bot.flows import load_flows
    from bot.report.period import parse_range
    from bot.service import option_ids

    parser = argparse.ArgumentParser(prog="python -m bot.report.synth", description=main.__doc__)
    parser.add_argument("--config", type=Path, default=None)
    parser.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
    parser.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    config = args.config or (Path("config.yaml") if Path("config.yaml").exists() else None)
    settings = load_settings(config)
    period = parse_range(args.start, args.end, settings.reports.timezone)
    flows = load_flows(settings.flows_dir, settings.languages, option_ids(settings))
    crowd = random_responses(flows, settings, args.people, period, args.seed)

    async def fill() -> int:
        store = await Store.open(settings.database)
        try:
            real = await store.staff_read(
                "SELECT count(*) FROM sessions WHERE respondent_key NOT LIKE 'synthetic_%'"
            )
            if real[0][0]:
                print(f"error: {settings.database} holds real responses; use another database")
                return 2
            await write(store, flows, crowd)
        finally:
            await store.close()
        print(
            f"wrote {len(crowd)} synthetic responses, {period.describe()}, into {settings.database}"
        )
        return 0

    return asyncio.run(fill())


if __name__ == "__main__":
    raise SystemExit(main())
