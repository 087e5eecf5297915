"""Deterministic Office packages: byte-identical DOCX/XLSX for the same data.

A zip stores a timestamp per entry and the writers stamp the document
properties with "now"; both are replaced by one fixed moment:
``SOURCE_DATE_EPOCH`` when set (reproducible builds), else the document's own
date (its approval date), else 2000-01-01. Entries are written in a fixed
order (``[Content_Types].xml`` first, then by name) with fixed attributes.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import re
import zipfile
from collections.abc import Callable

_ZIP_MIN = _dt.datetime(1980, 1, 1, tzinfo=_dt.timezone.utc)
#: a zip entry's year is 1980 + 7 bits: an approval dated past it must not crash the writer
_ZIP_MAX = _dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=_dt.timezone.utc)
DEFAULT_MOMENT = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)


def fixed_moment(date: _dt.date | None = None) -> _dt.datetime:
    """The moment to stamp a package with (UTC, whole seconds)."""
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env:
        try:
            return _dt.datetime.fromtimestamp(int(env), tz=_dt.timezone.utc)
        except (ValueError, OverflowError, OSError):
            pass
    if date is not None:
        return _dt.datetime(date.year, date.month, date.day, tzinfo=_dt.timezone.utc)
    return DEFAULT_MOMENT


_CREATED = re.compile(rb"(<dcterms:created\b[^>]*>)[^<]*(</dcterms:created>)")
_MODIFIED = re.compile(rb"(<dcterms:modified\b[^>]*>)[^<]*(</dcterms:modified>)")
_PRINTED = re.compile(rb"<cp:lastPrinted\b[^>]*>[^<]*</cp:lastPrinted>|<cp:lastPrinted\s*/>")


def _fix_core(xml: bytes, when: _dt.datetime) -> bytes:
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    xml = _CREATED.sub(lambda m: m.group(1) + stamp + m.group(2), xml)
    xml = _MODIFIED.sub(lambda m: m.group(1) + stamp + m.group(2), xml)
    return _PRINTED.sub(b"", xml)


def _order(name: str) -> tuple[int, str]:
    return (0 if name == "[Content_Types].xml" else 1, name)


def normalize(data: bytes, when: _dt.datetime, document: Callable[[bytes], bytes] | None = None) -> bytes:
    """Rewrite an OOXML package with fixed entry order, timestamps, attributes and core dates.

    ``document``, if given, rewrites the main part (``word/document.xml``) on the way.
    """
    moment = min(max(when, _ZIP_MIN), _ZIP_MAX)
    date_time = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second - moment.second % 2)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(src.namelist(), key=_order):
            content = src.read(name)
            if name == "docProps/core.xml":
                content = _fix_core(content, moment)
            elif name == "word/document.xml" and document is not None:
                content = document(content)
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, content, compresslevel=6)
    return out.getvalue()
