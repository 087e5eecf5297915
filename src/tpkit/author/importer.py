"""``tpkit import xlsx FILE``: a register kept in Excel becomes touchpoints.yaml and processes/*.yaml.

The workbook is read in the layout tpkit's own XLSX export writes (one sheet
per direction of activity, the columns of
:data:`tpkit.render.register_table.COLUMNS`), with header names matched
loosely (case, «ё», punctuation, extra words: «Наименование процесса»,
«Ответственное должностное лицо», «№ п/п»). A header row may stand below a
title; a process cell left empty (merged cells in Excel) continues the process
above.

Labels are mapped back to registry codes through the registry the import
runs in: needs through their labels (full, short, or the code), acts through
``acts.yaml`` (as the export prints them, by title, or by id), officials
through ``agency.yaml``, touchpoints through the catalogue by name. What
cannot be mapped is reported row by row and left out, never guessed silently.
New touchpoints are appended to ``touchpoints.yaml`` (its comments kept), with
a channel guessed from the name and the form; a process whose title is
already in the registry keeps its id and everything the register table does
not show (units, basis, partners, features, notifications) and gets its
touchpoints replaced.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import AuthoringError, check_inside

# --- loose matching -------------------------------------------------------------------------


def norm(text: Any) -> str:
    """Case, «ё», quotes, punctuation and runs of spaces do not matter."""
    s = str(text if text is not None else "").replace("\u00a0", " ").casefold().replace("ё", "е")
    s = re.sub(r"[«»\"'“”„.,:;()\[\]/\\№#*_–—-]+", " ", s)
    return " ".join(s.split())


#: column key -> extra header spellings (normalized), beyond the column's own labels
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "n": ("n", "номер", "п п", "n п п", "no", "#"),
    "process": ("наименование процесса", "процесс услуга", "услуга", "услуга функция", "наименование услуги"),
    "touchpoint": (
        "точка",
        "точки взаимодействия",
        "наименование точки взаимодействия",
        "точка взаимодействия с клиентом",
    ),
    "form": ("форма точки", "форма точки взаимодействия", "вид точки"),
    "needs": ("потребности", "потребность", "удовлетворяемая потребность", "удовлетворяемые потребности клиента"),
    "basis": ("основания", "основание работы", "нпа", "правовое основание", "основание использования"),
    "features": ("особенность", "особенности взаимодействия"),
    "responsible": ("ответственное лицо", "ответственное должностное лицо", "ответственный сотрудник"),
    "demand": ("востребованность точки", "количество обращений", "обращений в год"),
}

FORM_WORDS = {
    "цифровая": "digital",
    "цифровой": "digital",
    "digital": "digital",
    "онлайн": "digital",
    "оффлайн": "offline",
    "офлайн": "offline",
    "offline": "offline",
    "очная": "offline",
    "очный": "offline",
}

#: (words in the touchpoint's name, channel), first match wins; checked against the form
CHANNEL_HINTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("платформа обратной связи", "пос"), "portal"),
    (("епгу", "госуслуг", "единый портал"), "portal"),
    (("чат бот", "чатбот", "чат-бот"), "chatbot"),
    (("мобильное приложение",), "mobile_app"),
    (("вконтакте", "социальн", "телеграм канал", "одноклассник"), "social_network"),
    (("мессенджер", "telegram", "телеграм", "whatsapp", "max"), "messenger"),
    (("голосов",), "voice_assistant"),
    (("контактный центр", "колл центр", "call центр", "горяч"), "call_center"),
    (("телефон",), "phone"),
    (("электронная почта", "e mail", "email"), "email"),
    (("api", "смэв", "программн"), "api"),
    (("сайт", "портал"), "website"),
    (("мфц", "мои документы", "многофункциональн"), "one_stop_center"),
    (("мой бизнес",), "business_center"),
    (("занятост",), "employment_center"),
    (("миграц",), "migration_center"),
    (("туристическ",), "tourist_center"),
    (("почтов", "почта россии", "по почте"), "mail"),
    (("школ", "больниц", "поликлиник", "интернат"), "long_stay"),
    (("прием", "приемная", "кабинет", "отдел", "центр", "учреждени", "окно"), "reception"),
)

_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)


def slug(text: str, limit: int = 40) -> str:
    """A readable id from Russian text: «Выдача удостоверения» -> ``vydacha-udostovereniya``."""
    out = "".join(_TRANSLIT.get(ch, ch) for ch in text.casefold())
    words = re.findall(r"[a-z0-9]+", out)
    result = ""
    for w in words:
        candidate = f"{result}-{w}" if result else w
        if len(candidate) > limit and result:
            break
        result = candidate[:limit]
    # do not end on a preposition or a conjunction: «...-vyplaty-na»
    parts = result.split("-")
    while len(parts) > 1 and len(parts[-1]) <= 2:
        parts.pop()
    return "-".join(parts) or "item"


def _unique(base: str, taken: set[str]) -> str:
    ident, n = base, 2
    while ident in taken:
        ident = f"{base}-{n}"
        n += 1
    taken.add(ident)
    return ident


# --- the report -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Unmapped:
    sheet: str
    row: int
    column: str
    value: str
    reason: str

    def line(self) -> str:
        where = f"{self.sheet}!{self.row}" + (f" ({self.column})" if self.column else "")
        return f"{where}: {self.reason}" + (f": «{self.value}»" if self.value else "")


@dataclass
class ImportResult:
    rows: int = 0
    processes: list[str] = field(default_factory=list)
    touchpoints_added: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unmapped: list[Unmapped] = field(default_factory=list)


# --- reading the workbook ------------------------------------------------------------------------


@dataclass
class _Row:
    sheet: str
    number: int
    direction: str
    cells: dict[str, Any]


def _columns() -> Any:
    from ..render.register_table import COLUMNS

    return COLUMNS


def match_header(cells: list[Any]) -> dict[str, int]:
    """Column key -> index for a header row (loosely: exact label, alias, or a label inside the text)."""
    labels: dict[str, set[str]] = {}
    for col in _columns():
        labels[col.key] = {norm(col.ru), norm(col.en), norm(col.key), *HEADER_ALIASES.get(col.key, ())}
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        text = norm(cell)
        if not text:
            if str(cell or "").strip() in ("№", "#", "№№") and "n" not in found:
                found["n"] = i
            continue
        best = None
        for key, names in labels.items():
            if key in found:
                continue
            if text in names:
                best = key
                break
        if best is None:
            for key, names in labels.items():
                if key in found or key == "n":
                    continue
                if any(len(n) >= 5 and (n in text or text in n) for n in names):
                    best = key
                    break
        if best is None and str(cell).strip() in ("№", "#", "N"):
            best = "n"
        if best is not None and best not in found:
            found[best] = i
    return found


def _direction_of(sheet: str) -> str | None:
    from ..registry.enums import DIRECTIONS

    s = norm(sheet)
    for code, labels in DIRECTIONS.items():
        if s in {norm(labels.get("short", "")), norm(labels["ru"]), norm(labels["en"]), code}:
            return code
    for code, labels in DIRECTIONS.items():
        short = norm(labels.get("short", ""))
        if short and (short in s or s in norm(labels["ru"])) and len(s) >= 4:
            return code
    return None


def read_rows(path: Path, default_direction: str | None, report: list[Unmapped]) -> list[_Row]:
    try:
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise AuthoringError(f"{path}: нет такого файла / no such file") from None
    except Exception as exc:  # openpyxl raises many kinds for a bad file
        raise AuthoringError(f"{path}: не удалось открыть как книгу Excel (.xlsx): {type(exc).__name__}") from None
    rows: list[_Row] = []
    try:
        for ws in wb.worksheets:
            direction = _direction_of(ws.title)
            if direction is None:
                if default_direction is None and len(wb.worksheets) > 1:
                    report.append(
                        Unmapped(ws.title, 0, "", ws.title, "лист не соответствует направлению деятельности — пропущен")
                    )
                    continue
                direction = default_direction or "services"
            header: dict[str, int] | None = None
            last_process = ""
            for number, values in enumerate(ws.iter_rows(values_only=True), 1):
                cells = list(values)
                if header is None:
                    candidate = match_header(cells)
                    if "process" in candidate and "touchpoint" in candidate:
                        header = candidate
                    elif number >= 20:
                        break
                    continue
                if all(v is None or str(v).strip() == "" for v in cells):
                    continue
                row = {key: (cells[i] if i < len(cells) else None) for key, i in header.items()}
                process = str(row.get("process") or "").strip()
                if not process:
                    process = last_process
                last_process = process
                row["process"] = process
                rows.append(_Row(ws.title, number, direction, row))
            if header is None:
                report.append(
                    Unmapped(
                        ws.title,
                        0,
                        "",
                        "",
                        "не найдена строка заголовков (процесс, точка взаимодействия) — лист пропущен",
                    )
                )
    finally:
        wb.close()
    return rows


# --- mapping -------------------------------------------------------------------------------------


class _Lookup:
    def __init__(self, reg: Any) -> None:
        from ..registry.enums import NEEDS
        from ..render.register_table import act_text, official_text

        self.needs: dict[str, str] = {}
        for code, v in NEEDS.items():
            for name in (v["ru"], v["en"], v["short"], code):
                self.needs.setdefault(norm(name), code)
        if reg.agency is not None:
            for need in reg.agency.needs:
                for name in (need.name, need.short or "", need.id):
                    if name:
                        self.needs.setdefault(norm(name), need.id)
        self.acts: dict[str, str] = {}
        for act in reg.acts.values():
            self.acts.setdefault(norm(act_text(act)), act.id)
        for act in reg.acts.values():
            self.acts.setdefault(norm(act.title), act.id)
            self.acts.setdefault(norm(act.id), act.id)
        self.officials: dict[str, str] = {}
        for o in reg.officials.values():
            self.officials.setdefault(norm(official_text(o)), o.id)
        for o in reg.officials.values():
            self.officials.setdefault(norm(o.name), o.id)
            self.officials.setdefault(norm(o.id), o.id)
        self.touchpoints: dict[str, str] = {}
        for tp in reg.touchpoints.values():
            self.touchpoints.setdefault(norm(tp.name), tp.id)
            self.touchpoints.setdefault(norm(tp.id), tp.id)

    def need_codes(self, text: str) -> tuple[list[str], list[str]]:
        codes: list[str] = []
        unknown: list[str] = []
        for piece in re.split(r"[;\n]+", text):
            piece = piece.strip()
            if not piece:
                continue
            code = self.needs.get(norm(piece))
            if code is not None:
                codes.append(code)
                continue
            parts = [p.strip() for p in piece.split(",") if p.strip()]
            mapped = [self.needs.get(norm(p)) for p in parts]
            if parts and all(mapped):
                codes.extend(m for m in mapped if m)
            else:
                unknown.append(piece)
        out: list[str] = []
        for c in codes:
            if c not in out:
                out.append(c)
        return out, unknown


def _split_list(value: Any) -> list[str]:
    from ..render.register_table import LIST_SEP

    text = _text(value)
    if not text:
        return []
    return [p.strip() for p in re.split(rf"{re.escape(LIST_SEP.strip())}\s*|\n+", text) if p.strip()]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _demand(value: Any) -> tuple[int | str | None, bool]:
    from ..registry.enums import DEMAND_WORDS

    if value is None or _text(value) == "":
        return None, True
    if isinstance(value, bool):
        return None, False
    if isinstance(value, (int, float)) and float(value).is_integer() and value >= 0:
        return int(value), True
    text = norm(value)
    for code, labels in DEMAND_WORDS.items():
        if text in (norm(labels["ru"]), norm(labels["en"]), code):
            return code, True
    digits = re.sub(r"(обращений|обращения|обращение)?\s*(в год)?$", "", text).replace(" ", "")
    if digits.isdigit():
        return int(digits), True
    if text in ("низкая", "маловостребованная", "мало"):
        return "low", True
    if text in ("нет данных", "не велся", "учет не ведется", "неизвестно"):
        return "unknown", True
    return None, False


def guess_channel(name: str, form: str | None) -> str:
    from ..registry.enums import CHANNELS

    text = " " + norm(name) + " "
    for words, channel in CHANNEL_HINTS:
        if form is not None and CHANNELS[channel]["form"] != form:
            continue
        if any((" " + w + " " in text) if len(w) <= 4 else (w in text) for w in words):
            return channel
    return "other_offline" if form == "offline" else "other_digital"


def _touchpoint_id(name: str, channel: str, taken: set[str]) -> str:
    text = norm(name)
    if "епгу" in text.split() or "единый портал" in text:
        base = "pos" if "обратной связи" in text else "epgu"
    elif "мфц" in text.split() or "многофункциональн" in text:
        base = "mfc"
    else:
        base = channel.replace("_", "-")
    return _unique(base, taken)


def _entry_basis(row_basis: list[str], catalogue: list[str]) -> list[str] | None:
    """The shortest entry ``basis`` whose effective basis (entry + catalogue) prints as ``row_basis``."""
    for k in range(len(row_basis) + 1):
        head = row_basis[:k]
        if head + [b for b in catalogue if b not in head] == row_basis:
            return head
    return None


# --- the import ------------------------------------------------------------------------------------


def import_xlsx(root: Path, file: Path, *, force: bool = False, default_direction: str | None = None) -> ImportResult:
    from ..registry import load_registry
    from ..registry.enums import CHANNELS, FORM_LABELS

    result = ImportResult()
    reg = load_registry(root)
    rows = read_rows(file, default_direction, result.unmapped)
    result.rows = len(rows)
    look = _Lookup(reg)
    form_names = {norm(v["ru"]): k for k, v in FORM_LABELS.items()}

    # 1. rows -> (process, touchpoint name, parsed cells)
    parsed: list[dict[str, Any]] = []
    for row in rows:
        c = row.cells

        def miss(column: str, value: str, reason: str, row: _Row = row) -> None:
            result.unmapped.append(Unmapped(row.sheet, row.number, column, value, reason))

        tp_name = _text(c.get("touchpoint"))
        if not row.cells.get("process"):
            miss("процесс", "", "нет наименования процесса — строка пропущена")
            continue
        if not tp_name:
            miss("точка взаимодействия", "", "нет точки взаимодействия — строка пропущена")
            continue
        needs, unknown_needs = look.need_codes(_text(c.get("needs")))
        for u in unknown_needs:
            miss("удовлетворяемые потребности", u, "неизвестная потребность — пропущена")
        basis: list[str] = []
        for item in _split_list(c.get("basis")):
            act = look.acts.get(norm(item))
            if act is None:
                miss("основание", item, "акт не найден в acts.yaml — добавьте его и повторите импорт (--force)")
            elif act not in basis:
                basis.append(act)
        resp_text = _text(c.get("responsible"))
        responsible = look.officials.get(norm(resp_text)) if resp_text else None
        if resp_text and responsible is None:
            miss("ответственный", resp_text, "должностное лицо не найдено в agency.yaml — не указано")
        demand, ok = _demand(c.get("demand"))
        if not ok:
            miss(
                "востребованность", _text(c.get("demand")), "не число обращений, «маловостребована» или «учет не велся»"
            )
        form_text = norm(c.get("form"))
        form = FORM_WORDS.get(form_text) or form_names.get(form_text)
        if form_text and form is None:
            miss("форма", _text(c.get("form")), "форма не «цифровая» и не «оффлайн» — определена по названию точки")
        parsed.append(
            {
                "row": row,
                "process": str(c["process"]).strip(),
                "direction": row.direction,
                "tp_name": tp_name,
                "form": form,
                "needs": needs,
                "basis": basis,
                "responsible": responsible,
                "demand": demand,
                "features": _split_list(c.get("features")),
            }
        )

    # 2. touchpoints: the catalogue by name, new ones with a guessed channel
    taken_tp = set(reg.touchpoints) | set(reg.raw_ids.get("touchpoint", set()))
    new_tps: OrderedDict[str, dict[str, Any]] = OrderedDict()
    tp_of: dict[str, str] = {}
    for p in parsed:
        key = norm(p["tp_name"])
        if key in tp_of:
            continue
        existing = look.touchpoints.get(key)
        if existing is not None:
            tp_of[key] = existing
            if p["form"] is not None and CHANNELS[reg.touchpoints[existing].channel]["form"] != p["form"]:
                result.unmapped.append(
                    Unmapped(
                        p["row"].sheet,
                        p["row"].number,
                        "форма",
                        p["tp_name"],
                        "форма расходится с каталогом — оставлена из каталога",
                    )
                )
            continue
        channel = guess_channel(p["tp_name"], p["form"])
        ident = _touchpoint_id(p["tp_name"], channel, taken_tp)
        tp_of[key] = ident
        new_tps[ident] = {"id": ident, "name": p["tp_name"], "channel": channel}
    for ident, tp in new_tps.items():
        uses = [p for p in parsed if tp_of[norm(p["tp_name"])] == ident]
        common = [b for b in uses[0]["basis"] if all(b in u["basis"] for u in uses)]
        if common:
            tp["basis"] = common
        resps = {u["responsible"] for u in uses}
        if len(resps) == 1 and None not in resps:
            tp["responsible"] = uses[0]["responsible"]
        result.touchpoints_added.append(ident)

    def catalogue(tid: str) -> tuple[list[str], str | None]:
        if tid in new_tps:
            return list(new_tps[tid].get("basis", [])), new_tps[tid].get("responsible")
        tp = reg.touchpoints[tid]
        return list(tp.basis), tp.responsible

    # 3. processes
    by_title: dict[tuple[str, str], Any] = {}
    for proc in reg.processes.values():
        by_title.setdefault((proc.direction, norm(proc.title)), proc)
        by_title.setdefault(("", norm(proc.title)), proc)
    taken_proc = set(reg.processes) | set(reg.raw_ids.get("process", set()))
    groups: OrderedDict[tuple[str, str], list[dict[str, Any]]] = OrderedDict()
    for p in parsed:
        groups.setdefault((p["direction"], p["process"]), []).append(p)
    documents: list[tuple[str, dict[str, Any], Any]] = []
    for (direction, title), items in groups.items():
        existing = by_title.get((direction, norm(title))) or by_title.get(("", norm(title)))
        if existing is not None:
            src = reg.files[reg.where[("process", existing.id)].file]
            data: dict[str, Any] = dict(src.data) if isinstance(src.data, dict) else {}
            data["direction"] = direction
            pid = existing.id
        else:
            pid = _unique(slug(title), taken_proc)
            data = {"id": pid, "title": title, "direction": direction}
        feature_titles = {norm(f.get("title", "")): f for f in data.get("features", []) or [] if isinstance(f, dict)}
        feature_at: dict[str, list[str]] = {}
        entries: list[dict[str, Any]] = []
        for it in items:
            tid = tp_of[norm(it["tp_name"])]
            cat_basis, cat_resp = catalogue(tid)
            entry: dict[str, Any] = {"touchpoint": tid, "needs": it["needs"]}
            if not it["needs"]:
                result.unmapped.append(
                    Unmapped(
                        it["row"].sheet,
                        it["row"].number,
                        "удовлетворяемые потребности",
                        "",
                        "нет ни одной потребности (TP105)",
                    )
                )
            eb = _entry_basis(it["basis"], cat_basis)
            if eb is None:
                eb = it["basis"]
                result.unmapped.append(
                    Unmapped(
                        it["row"].sheet,
                        it["row"].number,
                        "основание",
                        "",
                        "в строке нет основания, указанного для точки в каталоге",
                    )
                )
            if eb:
                entry["basis"] = eb
            if it["responsible"] is not None and it["responsible"] != cat_resp:
                entry["responsible"] = it["responsible"]
            elif it["responsible"] is None and cat_resp is not None and _text(it["row"].cells.get("responsible")) == "":
                result.unmapped.append(
                    Unmapped(
                        it["row"].sheet,
                        it["row"].number,
                        "ответственный",
                        "",
                        "пусто, но в каталоге ответственный указан — он и останется",
                    )
                )
            if it["demand"] is not None:
                entry["demand"] = it["demand"]
            notes = []
            for f in it["features"]:
                feat = feature_titles.get(norm(f))
                if feat is not None:
                    feature_at.setdefault(str(feat.get("id")), []).append(tid)
                else:
                    notes.append(f)
            if notes:
                entry["notes"] = "; ".join(notes)
            entries.append(entry)
        # features keep their ids; where they are met follows the rows
        all_tps = [e["touchpoint"] for e in entries]
        for f in data.get("features", []) or []:
            if not isinstance(f, dict):
                continue
            at = feature_at.get(str(f.get("id")), [])
            if not f.get("touchpoints") and sorted(set(at)) == sorted(set(all_tps)):
                continue  # a feature of the whole process
            f["touchpoints"] = list(OrderedDict.fromkeys(at))
        data["touchpoints"] = entries
        documents.append((pid, data, existing))
        result.processes.append(pid)

    # 4. refuse to overwrite, then write
    targets = [root / "processes" / f"{pid}.yaml" for pid, _, _ in documents]
    existing_files = []
    for (pid, _, ex), path in zip(documents, targets, strict=True):
        if path.exists():
            existing_files.append(path.relative_to(root).as_posix())
        elif ex is not None:
            existing_files.append(reg.where[("process", pid)].file)
    if existing_files and not force:
        shown = ", ".join(existing_files[:5]) + (" …" if len(existing_files) > 5 else "")
        raise AuthoringError(
            f"импорт заменит существующие файлы ({shown}); повторите с --force / would overwrite files (use --force)"
        )
    from ..util import atomic_write_text
    from .fmt import format_text

    check_inside(root, targets)
    for (pid, data, ex), path in zip(documents, targets, strict=True):
        text = None
        if ex is not None:
            path = root / reg.where[("process", pid)].file
            text = _update_in_place(path, data)
        atomic_write_text(path, text if text is not None else format_text(_dump(data), "process"))
        result.written.append(path.relative_to(root).as_posix())
    if new_tps:
        _write_touchpoints(root, list(new_tps.values()))
        result.written.append("touchpoints.yaml")
    return result


def _update_in_place(path: Path, data: dict[str, Any]) -> str | None:
    """An existing process file with only what the import changes replaced, its other comments kept.

    ``None`` when that cannot be done safely (the caller then writes the file anew).
    """
    import io

    from ..registry.yaml import parse
    from .fmt import FmtError, _yaml, format_text

    try:
        old = path.read_text(encoding="utf-8")
        y = _yaml()
        doc = y.load(old)
        if not isinstance(doc, dict):
            return None
        doc["direction"] = data["direction"]
        doc["touchpoints"] = _flowify(data["touchpoints"])
        wanted = {str(f.get("id")): f for f in data.get("features", []) or [] if isinstance(f, dict)}
        for feature in doc.get("features", []) or []:
            new = wanted.get(str(feature.get("id"))) if isinstance(feature, dict) else None
            if new is not None and "touchpoints" in new:
                feature["touchpoints"] = _flowify(new["touchpoints"])
        buf = io.StringIO()
        y.dump(doc, buf)
        text = format_text(buf.getvalue(), "process")
    except (FmtError, Exception):  # FmtError, OSError, ruamel's own kinds: fall back to a fresh file
        return None
    expected = parse(format_text(_dump(data), "process")).data
    return text if parse(text).data == expected else None


def _flowify(value: Any, key: str | None = None) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        cm = CommentedMap()
        for k, v in value.items():
            cm[k] = _flowify(v, k)
        return cm
    if isinstance(value, list):
        seq = CommentedSeq(_flowify(v) for v in value)
        if all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value) and key != "accessibility":
            if sum(len(str(v)) for v in value) < 80:
                seq.fa.set_flow_style()
        return seq
    return value


def _dump(data: Any) -> str:
    import io

    from .fmt import _yaml

    buf = io.StringIO()
    _yaml().dump(_flowify(data), buf)
    return buf.getvalue()


def _write_touchpoints(root: Path, items: list[dict[str, Any]]) -> None:
    from ..registry.yaml import compose, decode, parse
    from ..util import atomic_write_text
    from .fmt import format_text
    from .new import _append_to_sequence

    path = root / "touchpoints.yaml"
    text = _dump({"touchpoints": items})
    block = "".join(line[2:] if line.startswith("  ") else line for line in text.splitlines(keepends=True)[1:])
    block = "# добавлено tpkit import xlsx: проверьте channel, basis и responsible\n" + block
    if not path.exists():
        atomic_write_text(
            path,
            format_text("touchpoints:\n" + "".join("  " + ln for ln in block.splitlines(keepends=True)), "touchpoints"),
        )
        return
    old, _ = decode(path.read_bytes())
    if old is None or parse(old).fatal:
        raise AuthoringError("touchpoints.yaml: файл не читается — исправьте его и повторите импорт")
    atomic_write_text(path, _append_to_sequence(old, compose(old), block))
