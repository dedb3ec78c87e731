"""`workbench report` argument handling (the full pipeline runs in the demo and benchmark)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from workbench.cli import build_parser
from workbench.cli.common import CommandFailed
from workbench.cli.report import read_justifications, report_options
from workbench.settings import Settings


def test_justifications_from_toml_and_json(tmp_path):
    toml = tmp_path / "j.toml"
    toml.write_text(
        '[justifications]\n"report.caution_estimates" = "kept, marked with †"\n', encoding="utf-8"
    )
    assert read_justifications(str(toml)) == {"report.caution_estimates": "kept, marked with †"}
    js = tmp_path / "j.json"
    js.write_text('{"report.caution_estimates@has_id": "few cases"}', encoding="utf-8")
    assert read_justifications(str(js)) == {"report.caution_estimates@has_id": "few cases"}
    bad = tmp_path / "b.json"
    bad.write_text('{"x": 3}', encoding="utf-8")
    with pytest.raises(CommandFailed):
        read_justifications(str(bad))


def test_report_command_builds_options(tmp_path):
    args = build_parser().parse_args(
        ["report", "--vault", "v", "--run", "1", "--out", "r.pdf", "--lang", "fr",
         "--page-size", "Letter", "--no-pdfa", "--annex", str(tmp_path / "a.xlsx"), "--hxl"]
    )  # fmt: skip
    opts = report_options(args, Settings())
    assert (opts.language, opts.page_size, opts.pdfa, opts.hxl) == ("fr", "Letter", False, True)
    assert opts.annex_paths == (tmp_path / "a.xlsx",)
    assert opts.docx_path is None and opts.briefing_paths == ()
    args = build_parser().parse_args(
        ["report", "--vault", "v", "--run", "1", "--out", "r.pdf", "--docx", "r.docx",
         "--briefing", "b.pdf", "--briefing", "b.docx"]
    )  # fmt: skip
    opts = report_options(args, Settings())
    assert opts.docx_path == Path("r.docx")
    assert opts.briefing_paths == (Path("b.pdf"), Path("b.docx"))
    with pytest.raises(SystemExit):
        build_parser().parse_args(["report", "--vault", "v", "--out", "r.pdf"])
    assert isinstance(args, argparse.Namespace)
