// tpkit site search: folds the typed words and matches them against the index written at build time
// (search-index.js). In the header it lists the first results as you type; on search.html (where the header's
// form leads, Enter included) it lists them all. Results are built with textContent, never markup.
(function () {
  "use strict";
  var index = window.TPKIT_INDEX || { docs: [], terms: {} };
  var me = document.currentScript;
  var root = (me && me.getAttribute("data-root")) || "";
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
  function search(q, limit) {
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
    return found.slice(0, limit);
  }
  function link(n) {
    var d = index.docs[n];
    var a = document.createElement("a");
    a.href = root + d[2];
    var kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = d[0];
    a.appendChild(kind);
    a.appendChild(document.createTextNode(d[1]));
    return a;
  }
  var input = document.getElementById("q");
  var out = document.getElementById("results");
  if (input && out) {
    var show = function () {
      out.textContent = "";
      if (!input.value.trim()) { out.hidden = true; return; }
      var found = search(input.value, 30);
      if (!found.length) {
        var none = document.createElement("p");
        none.className = "none";
        none.textContent = "Ничего не найдено";
        out.appendChild(none);
      }
      found.forEach(function (n) { out.appendChild(link(n)); });
      out.hidden = false;
    };
    input.addEventListener("input", show);
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { input.value = ""; show(); }
      if (ev.key === "ArrowDown") {
        var first = out.querySelector("a");
        if (first) { ev.preventDefault(); first.focus(); }
      }
    });
    out.addEventListener("keydown", function (ev) {
      var links = Array.prototype.slice.call(out.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (ev.key === "ArrowDown" && at >= 0 && at + 1 < links.length) { ev.preventDefault(); links[at + 1].focus(); }
      if (ev.key === "ArrowUp" && at >= 0) { ev.preventDefault(); (at ? links[at - 1] : input).focus(); }
      if (ev.key === "Escape") { input.focus(); input.value = ""; show(); }
    });
  }
  // search.html: every result of ?q=
  var list = document.getElementById("found");
  var note = document.getElementById("found-note");
  if (list && note) {
    var q = new URLSearchParams(window.location.search).get("q") || "";
    if (input) { input.value = q; }
    if (q.trim()) {
      var found = search(q, 500);
      note.textContent = found.length ? "Найдено: " + found.length : "Ничего не найдено";
      found.forEach(function (n) {
        var li = document.createElement("li");
        li.appendChild(link(n));
        list.appendChild(li);
      });
    }
  }
})();
