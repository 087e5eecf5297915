"""TP001-TP007: bad input becomes a finding at the right file:line:col, never a traceback."""

from __future__ import annotations

from pathlib import Path

from conftest import codes, edit, lint_json, only, run_cli, run_proc, write


def test_clean_base_registry_has_no_findings(base: Path) -> None:
    assert lint_json(base)["findings"] == []


def test_syntax_error_points_at_line_and_column(base: Path) -> None:
    write(base, "processes/broken.yaml", "id: broken\ntitle: [unclosed\ndirection: services\n")
    f = only(lint_json(base), "TP001")
    assert len(f) == 1 and f[0]["path"] == "processes/broken.yaml" and f[0]["line"] >= 2


def test_tab_indentation_is_tp001_at_the_tab(base: Path) -> None:
    write(base, "processes/tab.yaml", "id: tab\n\ttitle: x\n")
    (f,) = only(lint_json(base), "TP001")
    assert (f["line"], f["column"]) == (2, 1)
    assert "табуляция" in f["message"]


def test_duplicate_key_points_at_the_second_key(base: Path) -> None:
    write(base, "processes/dup.yaml", "id: dup\ntitle: a\ndirection: services\ntitle: b\n")
    (f,) = only(lint_json(base), "TP001")
    assert (f["line"], f["column"]) == (4, 1)
    assert "title" in f["message"]


def test_python_tag_is_refused_not_executed(base: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    write(base, "processes/tag.yaml", f'id: tag\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n')
    (f,) = only(lint_json(base), "TP001")
    assert (f["line"], f["column"]) == (2, 8)
    assert not marker.exists()


def test_alias_bomb_is_refused(base: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    write(base, "processes/bomb.yaml", "\n".join(lines) + "\n")
    (f,) = only(lint_json(base), "TP001")
    assert "бомба" in f["message"]


def test_unknown_key_is_tp002_with_did_you_mean(base: Path) -> None:
    p = base / "touchpoints.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace("    channel: reception", "    chanel: reception"), encoding="utf-8"
    )
    report = lint_json(base)
    (f,) = only(report, "TP002")
    assert "chanel" in f["message"] and "channel" in f["message"]
    lines = p.read_text(encoding="utf-8").splitlines()
    assert lines[f["line"] - 1].strip().startswith("chanel:")
    assert f["column"] == 5
    # the broken entry is salvaged away, the others still resolve: no cascade of TP003
    assert "TP003" not in codes(report) or all("reception" in x["message"] for x in only(report, "TP003"))


def test_missing_required_key_points_at_the_parent(base: Path) -> None:
    write(
        base, "processes/p.yaml", "id: p\ndirection: services\ntouchpoints:\n  - touchpoint: site\n    needs: [info]\n"
    )
    (f,) = only(lint_json(base), "TP002")
    assert "title" in f["message"] and f["line"] == 1


def test_bad_enum_value_is_tp002_with_suggestion(base: Path) -> None:
    write(base, "processes/p.yaml", "id: p\ntitle: П\ndirection: service\n")
    (f,) = only(lint_json(base), "TP002")
    assert f["line"] == 3 and "services" in f["message"]


def test_control_character_in_text_is_tp002(base: Path) -> None:
    write(base, "processes/p.yaml", 'id: p\ntitle: "Назначение\\x07 выплаты"\ndirection: services\n')
    (f,) = only(lint_json(base), "TP002")
    assert f["line"] == 2 and "U+0007" in f["message"]


def test_unknown_reference_names_the_missing_id_with_hint(base: Path) -> None:
    p = base / "processes/child-benefit.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("touchpoint: epgu", "touchpoint: epgu2", 1), encoding="utf-8")
    (f,) = only(lint_json(base), "TP003")
    assert "epgu2" in f["message"] and "epgu" in f["message"]
    line = p.read_text(encoding="utf-8").splitlines()[f["line"] - 1]
    assert "epgu2" in line


def test_unknown_need_code_is_tp003(base: Path) -> None:
    p = base / "processes/child-benefit.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace("needs: [info, forms]", "needs: [info, formz]"), encoding="utf-8"
    )
    (f,) = only(lint_json(base), "TP003")
    assert "formz" in f["message"] and f["yaml_path"] == "/touchpoints/0/needs/1"


def test_duplicate_process_id_is_tp004(base: Path) -> None:
    src = (base / "processes/child-benefit.yaml").read_text(encoding="utf-8")
    write(base, "processes/copy.yaml", src)
    report = lint_json(base)
    assert only(report, "TP004")[0]["path"] == "processes/copy.yaml"
    assert only(report, "TP007")[0]["path"] == "processes/copy.yaml"


def test_a_duplicate_id_says_where_in_each_language(base: Path) -> None:
    text = (base / "touchpoints.yaml").read_text(encoding="utf-8")
    epgu = text[text.index("  - id: epgu") : text.index("  - id: phone")]
    write(base, "touchpoints.yaml", text + epgu)
    (ru,) = only(lint_json(base), "TP004")
    (en,) = only(lint_json(base, "--lang", "en"), "TP004")
    assert ru["message"] == "идентификатор «epgu» уже занят: в touchpoints.yaml уже есть точка взаимодействия с ним"
    assert en["message"] == "the id 'epgu' is already taken: touchpoints.yaml already has a touchpoint with it"


def test_windows_1251_is_named(base: Path) -> None:
    write(base, "acts.yaml", "acts:\n  - id: ar\n    kind: npa\n    title: Регламент\n".encode("cp1251"))
    (f,) = only(lint_json(base), "TP005")
    assert "Windows-1251" in f["message"] and (f["line"], f["column"]) == (4, 12)


def test_utf16_and_nul_bytes_are_tp005(base: Path) -> None:
    write(base, "processes/u16.yaml", "id: u16\n".encode("utf-16"))
    write(base, "processes/nul.yaml", b"id: nul\ntitle: a\x00b\n")
    found = only(lint_json(base), "TP005")
    assert {f["path"] for f in found} == {"processes/u16.yaml", "processes/nul.yaml"}
    nul = next(f for f in found if f["path"] == "processes/nul.yaml")
    assert (nul["line"], nul["column"]) == (2, 9)


def test_utf8_bom_is_accepted(base: Path) -> None:
    p = base / "acts.yaml"
    p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())
    assert lint_json(base)["findings"] == []


def test_missing_touchpoints_file_is_tp006(base: Path) -> None:
    (base / "touchpoints.yaml").unlink()
    report = lint_json(base)
    assert any(f["rule"] == "TP006" and f["path"] == "touchpoints.yaml" for f in report["findings"])
    # references to touchpoints are not flooded with TP003 when the catalogue is absent
    assert "TP003" not in codes(report)


def test_id_filename_mismatch_is_a_warning(base: Path) -> None:
    (base / "processes/child-benefit.yaml").rename(base / "processes/benefit.yaml")
    (f,) = only(lint_json(base), "TP007")
    assert f["severity"] == "warning" and f["line"] == 1


def test_one_bad_file_does_not_hide_the_others(base: Path) -> None:
    write(base, "processes/a.yaml", "id: a\n\ttitle: x\n")
    write(base, "processes/b.yaml", "id: b\ntitle: B\ndirection: nope\n")
    report = lint_json(base)
    assert {"TP001", "TP002"} <= set(codes(report))


def test_no_registry_is_a_clear_error_exit_2(tmp_path: Path) -> None:
    r = run_cli("lint", str(tmp_path))
    assert r.code == 2
    assert "tpkit.yaml" in r.stderr and "Traceback" not in r.stderr


def test_invalid_config_is_exit_2_with_location(base: Path) -> None:
    write(base, "tpkit.yaml", "version: 2\n")
    r = run_cli("lint", str(base))
    assert r.code == 2 and "tpkit.yaml:1:" in r.stderr and "Traceback" not in r.stderr


def test_exit_codes(base: Path) -> None:
    assert run_proc("lint", str(base)).code == 0
    write(base, "processes/x.yaml", "id: x\n\ttitle: x\n")
    assert run_proc("lint", str(base)).code == 1
    assert run_proc("lint", str(base), "--fail-on", "never").code == 0
    assert run_proc("lint", str(base), "--format", "nope").code == 2


def test_json_report_has_the_contracted_shape(base: Path) -> None:
    write(base, "processes/x.yaml", "id: x\ntitle: X\ndirection: nope\n")
    report = lint_json(base)
    assert set(report) == {"tool", "root", "summary", "findings"}
    assert report["tool"]["name"] == "tpkit"
    assert set(report["summary"]) == {"files", "error", "warning", "info"}
    f = report["findings"][0]
    assert set(f) == {
        "rule",
        "name",
        "severity",
        "message",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "yaml_path",
        "object",
        "fingerprint",
    }


def test_english_messages(base: Path) -> None:
    write(base, "processes/x.yaml", "id: x\ntitle: X\ndirection: nope\n")
    report = lint_json(base, "--lang", "en")
    assert "invalid value" in report["findings"][0]["message"]


def test_version_and_module_entry() -> None:
    r = run_proc("--version")
    assert r.code == 0 and r.stdout.startswith("tpkit ")
    assert run_cli("--version").stdout.startswith("tpkit ")


def test_one_table_says_which_file_is_which_kind(tmp_path: Path) -> None:
    """The loader, a git revision, the language server and fmt ask one ``kind_of``; ``discover`` finds exactly the
    data files it names."""
    from tpkit.author import fmt
    from tpkit.registry.files import kind_of
    from tpkit.registry.load import discover
    from tpkit.server import workspace

    kinds = {
        "tpkit.yaml": "tpkit",
        "agency.yaml": "agency",
        "acts.yaml": "acts",
        "touchpoints.yaml": "touchpoints",
        "processes/a.yaml": "process",
        "processes/b.yml": "process",
        "procedures/c.yaml": "procedure",
        "processes/.hidden.yaml": None,
        "processes/notes.md": None,
        "processes/sub/d.yaml": None,
        "other/e.yaml": None,
        "processes": None,
        "agency.yml": None,
    }
    assert {rel: kind_of(rel) for rel in kinds} == kinds
    assert fmt.kind_of is kind_of and workspace.kind_of is kind_of
    for rel in kinds:
        if rel != "processes":
            write(tmp_path, rel, "id: x\n")
    found = {p.relative_to(tmp_path).as_posix(): k for p, k in discover(tmp_path)}
    assert found == {rel: k for rel, k in kinds.items() if k not in (None, "tpkit")}


# --- web addresses (issue 27): only http(s) may become a link ----------------------------------------------------


def test_a_url_that_is_not_http_is_tp002_in_the_catalogue_and_in_acts(base: Path) -> None:
    edit(base, "touchpoints.yaml", "url: https://minsoc.example.ru", "url: javascript:alert(document.cookie)")
    edit(base, "acts.yaml", 'number: "123"', 'number: "123"\n    url: " DaTa:text/html,<script>x</script>"')
    report = lint_json(base)
    tp002 = only(report, "TP002")
    assert sorted(f["path"] for f in tp002) == ["acts.yaml", "touchpoints.yaml"]
    for f in tp002:
        assert "http://" in f["message"] and "не веб-адрес" in f["message"], f
    tp = next(f for f in tp002 if f["path"] == "touchpoints.yaml")
    lines = (base / "touchpoints.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[tp["line"] - 1].strip().startswith("url: javascript:")
    # the broken entry's id still resolves: no cascade of TP003 from the processes that use it
    assert "TP003" not in codes(report)


def test_vbscript_and_a_tab_inside_the_scheme_are_caught_as_a_browser_reads_them(base: Path) -> None:
    edit(base, "touchpoints.yaml", "url: https://www.gosuslugi.ru", 'url: "java\\tscript:alert(1)"')
    edit(base, "touchpoints.yaml", "url: https://minsoc.example.ru", "url: VBScript:msgbox")
    assert len(only(lint_json(base), "TP002")) == 2


def test_http_https_tel_mailto_and_an_address_without_a_scheme_stay_quiet(base: Path) -> None:
    edit(base, "touchpoints.yaml", "url: https://www.gosuslugi.ru", "url: HTTP://www.gosuslugi.ru/help?x=1")
    edit(base, "touchpoints.yaml", "url: https://minsoc.example.ru", "url: minsoc.example.ru/priem")
    edit(
        base, "touchpoints.yaml", "schedule: пн–пт 9:00–18:00", "schedule: пн–пт 9:00–18:00\n    url: tel:+78001002030"
    )
    edit(base, "acts.yaml", 'number: "123"', 'number: "123"\n    url: mailto:npa@minsoc.example.ru')
    assert lint_json(base)["findings"] == []


def test_repo_url_that_is_not_http_is_a_config_error(base: Path) -> None:
    write(base, "tpkit.yaml", "version: 1\nsite:\n  repo_url: javascript:alert(1)\n")
    r = run_cli("lint", str(base))
    assert r.code == 2 and "tpkit.yaml:3:" in r.stderr and "https://" in r.stderr
    write(
        base, "tpkit.yaml", "version: 1\nsite:\n  repo_url: https://gitlab.example.ru/g/r/-/blob/main/{path}#L{line}\n"
    )
    assert run_cli("lint", str(base)).code == 0
