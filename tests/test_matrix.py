"""tpkit matrix: processes × touchpoints, needs in the cells; HTML heatmap and CSV."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

from conftest import run_cli, write

from tpkit.registry.enums import NEEDS


class _Table(HTMLParser):
    """Collects the table cells and every tag/attribute, to check the page is self-contained."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _html(root: Path, *extra: str) -> _Table:
    r = run_cli("matrix", str(root), "--format", "html", *extra)
    assert r.code == 0, r.stdout + r.stderr
    parser = _Table()
    parser.feed(r.stdout)
    parser.close()
    return parser


def test_html_matrix_has_needs_in_cells(base: Path) -> None:
    table = _html(base)
    header = table.rows[0]
    assert header[0] == "Процесс"
    assert header[1].startswith("Официальный сайт министерства")
    process_row = next(r for r in table.rows if r and r[0] == "Назначение ежемесячной выплаты на ребенка")
    site = header.index(next(h for h in header if h.startswith("Официальный сайт")))
    assert process_row[site] == f"{NEEDS['info']['short']}, {NEEDS['forms']['short']}"
    epgu = header.index(next(h for h in header if h.startswith("Единый портал")))
    assert process_row[epgu] == ", ".join(NEEDS[c]["short"] for c in ("submit", "status", "result", "feedback"))


def test_html_matrix_shows_journey_gaps(base: Path) -> None:
    write(
        base,
        "processes/formal.yaml",
        "id: formal\ntitle: Формальный процесс\ndirection: services\n"
        "touchpoints:\n  - touchpoint: epgu\n    needs: [submit, result]\n",
    )
    table = _html(base)
    row = next(r for r in table.rows if r and r[0] == "Формальный процесс")
    gaps = row[-1]
    for code in ("info", "consultation", "status", "feedback"):
        assert NEEDS[code]["short"] in gaps.split(", ")
    assert NEEDS["result"]["short"] not in gaps.split(", ")
    good = next(r for r in table.rows if r and r[0] == "Назначение ежемесячной выплаты на ребенка")
    assert good[-1] == "—"


def test_html_matrix_is_self_contained_and_escaped(base: Path) -> None:
    write(
        base,
        "processes/evil.yaml",
        'id: evil\ntitle: "<script>alert(1)</script> & <img src=x>"\ndirection: appeals\n'
        "touchpoints:\n  - touchpoint: site\n    needs: [info, consultation]\n",
    )
    r = run_cli("matrix", str(base), "--format", "html")
    assert "<script>" not in r.stdout and "<img" not in r.stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x&gt;" in r.stdout
    table = _html(base)
    tags = {t for t, _ in table.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed"}
    for _, attrs in table.tags:
        assert "src" not in attrs and "href" not in attrs
    assert "url(" not in r.stdout and "@import" not in r.stdout
    row = next(r for r in table.rows if r and r[0].startswith("<script>"))
    assert row[0] == "<script>alert(1)</script> & <img src=x>"


def test_matrix_direction_filter(base: Path) -> None:
    write(
        base,
        "processes/appeal.yaml",
        "id: appeal\ntitle: Рассмотрение обращений\ndirection: appeals\n"
        "touchpoints:\n  - touchpoint: phone\n    needs: [info, consultation, submit]\n",
    )
    table = _html(base, "--direction", "appeals")
    titles = [r[0] for r in table.rows[1:] if len(r) > 1]
    assert titles == ["Рассмотрение обращений"]
    assert run_cli("matrix", str(base), "--direction", "nowhere").code == 2


def test_csv_matrix(base: Path) -> None:
    r = run_cli("matrix", str(base), "--format", "csv")
    assert r.code == 0
    rows = list(csv.reader(io.StringIO(r.stdout), delimiter=";"))
    assert rows[0][:3] == ["направление", "процесс", "Официальный сайт министерства"]
    assert rows[0][-1] == "не хватает"
    assert rows[1][1] == "Назначение ежемесячной выплаты на ребенка"
    assert rows[1][2] == "инф, формы"


def test_csv_matrix_to_file_has_bom_for_excel(base: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.csv"
    r = run_cli("matrix", str(base), "--format", "csv", "--output", str(out))
    assert r.code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_text_matrix_lists_processes_and_short_labels(base: Path) -> None:
    r = run_cli("matrix", str(base))
    assert r.code == 0, r.stdout
    assert "Назначение ежемесячной выплаты" in r.stdout
    assert "подача" in r.stdout and "\x1b[" not in r.stdout


def test_text_matrix_does_not_interpret_markup(base: Path) -> None:
    write(
        base,
        "processes/odd.yaml",
        'id: odd\ntitle: "[bold]Процесс[/bold] с [скобками]"\ndirection: services\n'
        "touchpoints:\n  - touchpoint: site\n    needs: [info]\n",
    )
    r = run_cli("matrix", str(base))
    assert "[bold]Процесс[/bold]" in r.stdout


def test_matrix_unknown_format_is_a_usage_error(base: Path) -> None:
    r = run_cli("matrix", str(base), "--format", "pdf")
    assert r.code == 2 and "Traceback" not in r.stderr


def test_text_matrix_explains_its_abbreviations_and_heads_its_columns_as_the_html_does(base: Path) -> None:
    # «инф», «ОС», «рез. ОС» stood in the terminal's cells with no legend (the HTML has «Обозначения»), under the
    # headings «процесс» and «не хватает» (the HTML: «Процесс», «Не хватает»)
    r = run_cli("matrix", str(base))
    assert r.code == 0, r.stderr
    assert "Обозначения:" in r.stdout and "ОС — предоставление обратной связи" in r.stdout, r.stdout
    assert "инф — получение информации" in r.stdout
    assert "Процесс" in r.stdout and "Не хватает" in r.stdout and "процесс " not in r.stdout
