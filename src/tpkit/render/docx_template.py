"""An agency's .docx template checked before anything opens it: sizes, a zip bomb, links to outside files.

A .docx is a zip; a merge request can make one of 336 KB that unpacks to 300 MB. The sizes each entry
declares are checked here (Python's zipfile never inflates an entry past its declared size: a lie ends in a
CRC error), and what Word would fetch from elsewhere when the document is opened is refused.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..russian import agree, count
from .errors import RenderError

#: the template file itself (an agency's letterhead with a logo is well under 1 MB)
MAX_TEMPLATE_FILE = 20_000_000
#: one unpacked part, and all of them together
MAX_PART = 50_000_000
MAX_UNPACKED = 100_000_000
#: entries in the package (a Word file has a few dozen)
MAX_ENTRIES = 1_000
#: unpacked : packed of a part over RATIO_FROM bytes; Word's XML packs 5–20 times, deflate at most ~1,000 times
MAX_RATIO = 200
RATIO_FROM = 1_000_000
#: external relationships kept: a hyperlink is followed only when a reader clicks it
KEPT_EXTERNAL = ("/hyperlink",)


def _refuse(template: Path, why: str) -> RenderError:
    return RenderError(f"{template}: шаблон Word отклонен: {why}")


def _bytes(size: int) -> str:
    """«21 000 001 байт»: thousands grouped by a no-break space, the noun agreeing with the number."""
    return f"{size:,}".replace(",", "\u00a0") + " " + agree(size, "байт")


def check_docx_template(template: Path) -> None:
    """Refuse a template too large, a zip bomb, or one that makes Word load an outside file."""
    try:
        size = template.stat().st_size
    except OSError as exc:
        raise _refuse(template, f"не прочитан / cannot read it: {exc.strerror}") from None
    if size > MAX_TEMPLATE_FILE:
        raise _refuse(
            template, f"файл в {_bytes(size)}, больше предела в {_bytes(MAX_TEMPLATE_FILE)} / the file is too large"
        )
    try:
        zf = zipfile.ZipFile(template)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _refuse(template, f"это не файл Word (zip) / not a Word file: {exc}") from None
    with zf:
        entries = zf.infolist()
        if len(entries) > MAX_ENTRIES:
            raise _refuse(template, f"{count(len(entries), 'часть')}, больше предела в {MAX_ENTRIES} / too many parts")
        total = 0
        for e in entries:
            total += e.file_size
            if e.file_size > MAX_PART:
                raise _refuse(
                    template,
                    f"часть {e.filename} распаковывается в {_bytes(e.file_size)} (предел {_bytes(MAX_PART)}) "
                    f"/ a part unpacks too large",
                )
            if e.file_size > RATIO_FROM and e.file_size > MAX_RATIO * max(e.compress_size, 1):
                raise _refuse(
                    template,
                    f"часть {e.filename} сжата в {count(e.file_size // max(e.compress_size, 1), 'раз')} "
                    f"(у файлов Word — не больше {MAX_RATIO}): это zip-бомба / a zip bomb",
                )
        if total > MAX_UNPACKED:
            raise _refuse(
                template, f"распаковывается в {_bytes(total)} (предел {_bytes(MAX_UNPACKED)}) / unpacks too large"
            )
        for e in entries:
            if e.filename.endswith(".rels"):
                _check_relationships(template, e.filename, zf.read(e))


def _check_relationships(template: Path, part: str, xml: bytes) -> None:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise _refuse(template, f"часть {part} — испорченный XML / broken XML: {exc}") from None
    for rel in root:
        if str(rel.get("TargetMode", "")).lower() != "external":
            continue
        kind = str(rel.get("Type", ""))
        if kind.endswith(KEPT_EXTERNAL):
            continue
        target = str(rel.get("Target", ""))[:200]
        raise _refuse(
            template,
            f"{part}: внешняя связь «{target}» ({kind.rsplit('/', 1)[-1]}) — Word загрузит ее при открытии "
            f"документа; вставьте файл в шаблон / an external relationship Word would load: embed it instead",
        )
