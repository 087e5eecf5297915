"""The offline search: an index written at build time, a few lines of plain JavaScript to read it.

Words are folded (lower case, «ё» → «е») and reduced to their Snowball stems (Russian, then English for latin
words) at build time; the browser folds the typed words the same way and matches each one as a prefix of an
indexed word or stem, or an indexed stem as a prefix of the typed word («пособиями» finds «пособие»). Every
typed word must match. The index is a ``<script>`` (not JSON fetched), so it loads from ``file://`` too.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import lru_cache

_WORD = re.compile(r"[0-9a-zа-я]+")


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


@lru_cache(maxsize=1)
def _stemmers() -> tuple[object, object]:
    import snowballstemmer

    return snowballstemmer.stemmer("russian"), snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    ru, en = _stemmers()
    stemmer = en if word.isascii() else ru
    out: str = stemmer.stemWord(word)  # type: ignore[attr-defined]
    return out


def terms(text: str) -> set[str]:
    """The folded words of ``text`` and their stems."""
    out: set[str] = set()
    for w in _WORD.findall(fold(text)):
        out.add(w)
        if len(w) > 3:
            out.add(_stem(w))
    return out


class SearchIndex:
    """Documents (kind, title, page) and, for each term, the documents that hold it."""

    def __init__(self) -> None:
        self.docs: list[tuple[str, str, str]] = []
        self.postings: dict[str, list[int]] = defaultdict(list)

    def add(self, kind: str, title: str, path: str, *texts: str) -> None:
        n = len(self.docs)
        self.docs.append((kind, title, path))
        found: set[str] = set()
        for t in (title, *texts):
            found |= terms(t)
        for term in found:
            self.postings[term].append(n)

    def script(self) -> str:
        data = {"docs": self.docs, "terms": {t: self.postings[t] for t in sorted(self.postings)}}
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
        # a JSON text inside <script>: «</» must not close it
        return "window.TPKIT_INDEX = " + text.replace("</", "<\\/") + ";\n"


SEARCH_JS = r"""// tpkit site search: folds the typed words and matches them against the index written at build time.
(function () {
  "use strict";
  var index = window.TPKIT_INDEX || { docs: [], terms: {} };
  var me = document.currentScript;
  var root = (me && me.getAttribute("data-root")) || "";
  var input = document.getElementById("q");
  var out = document.getElementById("results");
  if (!input || !out) { return; }
  var keys = Object.keys(index.terms);
  function fold(s) { return s.toLowerCase().replace(/ё/g, "е"); }
  function words(s) { return fold(s).match(/[0-9a-zа-я]+/g) || []; }
  function docsFor(w) {
    var hit = {};
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i];
      if (k.indexOf(w) === 0 || (k.length > 3 && w.indexOf(k) === 0)) {
        var ds = index.terms[k];
        for (var j = 0; j < ds.length; j++) { hit[ds[j]] = true; }
      }
    }
    return hit;
  }
  function search(q) {
    var ws = words(q);
    if (!ws.length) { return []; }
    var acc = null;
    for (var i = 0; i < ws.length; i++) {
      var hit = docsFor(ws[i]);
      if (acc === null) { acc = hit; continue; }
      for (var d in acc) { if (!hit[d]) { delete acc[d]; } }
    }
    var found = Object.keys(acc).map(Number);
    found.sort(function (a, b) {
      var ta = fold(index.docs[a][1]).indexOf(ws[0]) >= 0 ? 0 : 1;
      var tb = fold(index.docs[b][1]).indexOf(ws[0]) >= 0 ? 0 : 1;
      return ta - tb || a - b;
    });
    return found.slice(0, 30);
  }
  function show() {
    var found = search(input.value);
    out.textContent = "";
    if (!input.value.trim()) { out.hidden = true; return; }
    if (!found.length) {
      var none = document.createElement("p");
      none.className = "none";
      none.textContent = "Ничего не найдено";
      out.appendChild(none);
    }
    found.forEach(function (n) {
      var d = index.docs[n];
      var link = document.createElement("a");
      link.href = root + d[2];
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = d[0];
      link.appendChild(kind);
      link.appendChild(document.createTextNode(d[1]));
      out.appendChild(link);
    });
    out.hidden = false;
  }
  input.addEventListener("input", show);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var first = out.querySelector("a"); if (first) { first.click(); } }
    if (ev.key === "Escape") { input.value = ""; show(); }
  });
})();
"""
