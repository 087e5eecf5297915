"""Regenerate examples/antipatterns/<code>-<name>/: the base registry (tests/fixtures/base) with each
rule's anti-pattern laid over it.

Usage: python examples/antipatterns/generate.py
"""

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.chdir(ROOT)
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))
from conftest import write  # noqa: E402

from tpkit.lint.rule import catalogue  # noqa: E402

out = Path("examples/antipatterns")
for old in out.glob("TP*"):
    if old.is_dir():
        shutil.rmtree(old)
out.mkdir(parents=True, exist_ok=True)
rows = []
for code, r in catalogue().items():
    # the methodology's rules, and the structure rules whose anti-pattern reads as YAML (a conflict in a text, a
    # placeholder left)
    if r.review_only or (code[:3] not in ("TP1", "TP2", "TP3") and code not in ("TP008", "TP009")):
        continue
    d = out / f"{code}-{r.name}"
    shutil.copytree("tests/fixtures/base", d)
    for rel, text in r.anti_pattern.items():
        write(d, rel, text)
    changed = ", ".join(f"`{k}`" + (" (удален)" if v is None else "") for k, v in r.anti_pattern.items())
    rows.append(f"| [{code}-{r.name}]({code}-{r.name}/) | {r.summary['ru']} | {changed} |")
(out / "README.md").write_text(
    "# Антипаттерны / anti-patterns\n\n"
    "Каждая папка — небольшой полный реестр с одной ошибкой из Методических рекомендаций; имя папки — код и имя "
    "правила, которое ее находит. Реестр — тот же, что `tests/fixtures/base` (он проверяется без замечаний), с "
    "измененными файлами из столбца «что изменено». Попробуйте:\n\n"
    "Each folder is a small complete registry with one mistake the methodology names; the folder is named after "
    "the rule that catches it. Try:\n\n"
    "```sh\ncd examples/antipatterns/TP101-formal-approach\ntpkit lint\ntpkit explain TP101\n```\n\n"
    "A test (`tests/test_rule_examples.py`) lints each folder and checks that its rule fires; "
    "`python examples/antipatterns/generate.py` regenerates the folders from the rules' own anti-patterns.\n\n"
    "| папка / folder | ошибка / mistake | что изменено / changed |\n|---|---|---|\n" + "\n".join(rows) + "\n",
    encoding="utf-8",
)
print(len(rows))
