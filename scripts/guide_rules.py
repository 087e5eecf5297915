"""Rewrite the rule tables of docs/guide.ru.md from the rule catalogue (names and Russian summaries).

Rows are ``| TPnnn | name | summary |``; a rule missing from its group's table is added in code order.
tests/test_guide.py fails while the tables and the catalogue differ; run ``python scripts/guide_rules.py``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "guide.ru.md"
ROW = re.compile(r"^\| (TP\d{3}) \| [^|]+ \| .* \|$")


def main() -> int:
    from tpkit.lint.rule import catalogue

    rules = catalogue()
    lines = GUIDE.read_text(encoding="utf-8").splitlines()
    seen: set[str] = set()
    out: list[str] = []
    for i, line in enumerate(lines):
        m = ROW.match(line)
        if m and m.group(1) in rules:
            code = m.group(1)
            seen.add(code)
            r = rules[code]
            out.append(f"| {code} | {r.name} | {r.summary['ru']} |")
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            n = ROW.match(nxt)
            if not n or n.group(1)[:3] != code[:3]:  # the last row of this group's table: add the missing ones
                for other in sorted(rules):
                    if other[:3] == code[:3] and other > code and other not in seen and not ROW.match(nxt):
                        o = rules[other]
                        out.append(f"| {other} | {o.name} | {o.summary['ru']} |")
                        seen.add(other)
            continue
        out.append(line)
    GUIDE.write_text("\n".join(out) + "\n", encoding="utf-8")
    missing = sorted(set(rules) - seen)
    if missing:
        print("no table for:", ", ".join(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
