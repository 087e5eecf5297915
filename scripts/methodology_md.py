"""docs/methodology.ru.md from the plain text of the methodology: sections, points numbered N.M with anchors
(``#p2-9``) that the user guide links to. Run once when the text changes:

    python scripts/methodology_md.py recommendations.ru.txt > docs/methodology.ru.md
"""

from __future__ import annotations

import sys
from pathlib import Path

SECTIONS = (
    "Общие положения",
    "Формирование перечня точек взаимодействия",
    "Общие требования к разработке порядков по взаимодействию с клиентом",
)


def convert(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    title, body = lines[0], lines[1:]
    out = [f"# {title}", "", "Текст методических рекомендаций; пункты пронумерованы для ссылок из руководства", ""]
    section = point = 0
    for line in body:
        if line in SECTIONS:
            section, point = section + 1, 0
            out += ["", f"## {section}. {line}", ""]
            continue
        if line.startswith("- "):
            out.append(line)  # a list item belongs to the point above
            continue
        if line[0].islower() and point:
            last = max(i for i, ln in enumerate(out) if ln)
            if out[last].startswith("- ") or out[last].endswith(":"):
                out.append(f"- {line}")  # an enumeration written without dashes
            else:
                out[last] += " " + line  # a paragraph broken across a page of the source
            continue
        point += 1
        if out and out[-1].startswith("- "):
            out.append("")
        out += [f'<a id="p{section}-{point}"></a>**{section}.{point}.** {line}']
        out.append("")
    # a list item's trailing blank lines
    return "\n".join(_collapse(out)).rstrip() + "\n"


def _collapse(lines: list[str]) -> list[str]:
    res: list[str] = []
    for ln in lines:
        if ln == "" and res and res[-1] == "":
            continue
        if ln.startswith("- ") and res and res[-1] == "":
            res.pop()  # the list follows its point's paragraph directly
            res.append("")
        res.append(ln)
    return res


if __name__ == "__main__":
    sys.stdout.write(convert(Path(sys.argv[1]).read_text(encoding="utf-8")))
