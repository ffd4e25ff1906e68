"""Change since the previous period, computed from two already-suppressed reports.

Both sides are public before they meet, so a difference can only be taken
between two numbers that are already shown: comparing cannot reveal a hidden one.
"""

from __future__ import annotations

from bot.report.model import PublicReport, Row


def with_previous(current: PublicReport, previous: PublicReport) -> PublicReport:
    # A plain copy, edited and validated once: far cheaper than a deep model copy.
    data = current.model_dump()
    before: dict[str, dict[tuple[str, str], Row]] = {}
    for t in previous.tables:
        found = before.setdefault(t.id, {})
        for r in t.rows:
            found.setdefault((r.key, r.split), r)  # the first, as Table.row finds it
    for table in data["tables"]:
        rows_before = before.get(table["id"])
        if rows_before is None:
            continue
        for row in table["rows"]:
            old = rows_before.get((row["key"], row["split"]))
            if old is None:
                continue
            pairs = [(c, old.cells.get(k), False) for k, c in row["cells"].items()]
            if row["base"] is not None:
                pairs.append((row["base"], old.base, True))
            for cell, then, is_base in pairs:
                if then is None:
                    continue
                is_pct = cell["pct"] is not None or then.pct is not None
                now_value = cell["pct"] if is_pct else cell["count"]
                then_value = then.pct if is_pct else then.count
                # A percentage cell keeps its count as the headline value; compare like with like.
                if is_base:
                    now_value, then_value = cell["count"], then.count
                cell["prev"] = then_value
                if now_value is not None and then_value is not None:
                    cell["change"] = now_value - then_value
    return PublicReport.model_validate(data)
