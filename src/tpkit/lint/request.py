"""A lint run as ``tpkit lint`` asks for it: the files, the rules, a baseline to apply or to write, a git revision
to compare with, the severity that fails.

The command parses its options into a :class:`LintRequest`; :meth:`LintRequest.run` does the rest and returns a
:class:`LintOutcome` (the result, what the baseline hid, the baseline text to write, the exit code). A request that
cannot be carried out raises :class:`RequestError` or :class:`~tpkit.lint.baseline.BaselineError`, one line each,
which the command turns into a usage error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..registry import load_registry
from .baseline import apply, dumps, load
from .engine import LintResult, lint

if TYPE_CHECKING:
    from ..registry import Registry
    from ..registry.models import Config


class RequestError(Exception):
    """The request contradicts itself; the message is one line for the user."""


class SinceLinter(Protocol):
    """Lints the working tree against a git revision (``review.core.lint_since``: ``lint/`` cannot import review)."""

    def __call__(
        self,
        root: Path,
        rev: str,
        config: Config,
        *,
        lang: str,
        select: list[str] | None,
        ignore: list[str] | None,
        only_files: set[str] | None,
        debug: bool,
    ) -> LintResult: ...


@dataclass
class LintOutcome:
    result: LintResult
    #: findings the baseline hid
    hidden: int = 0
    #: the baseline file's text (``write_baseline``), else None
    baseline_text: str | None = None
    #: the severity from which the findings fail the run
    fail_on: str = "error"

    @property
    def exit_code(self) -> int:
        """2 for an internal error of a rule; 0 once a baseline is written; else 1 if the findings fail."""
        if self.result.internal_errors:
            return 2
        if self.baseline_text is not None:
            return 0
        return 1 if self.result.fails(self.fail_on) else 0


@dataclass
class LintRequest:
    root: Path
    config: Config
    #: the language of the messages
    lang: str
    select: list[str] | None = None
    ignore: list[str] | None = None
    #: the files to report on (relative POSIX paths); None: every file
    only_files: set[str] | None = None
    #: report only the findings whose fingerprints this baseline file does not hold
    baseline: Path | None = None
    #: record today's findings (the text is in the outcome; the caller writes it) instead of reporting them
    write_baseline: bool = False
    #: report only the findings absent at this git revision, plus the review rules'; ``since_linter`` does it
    since: str | None = None
    since_linter: SinceLinter | None = None
    #: the ``--fail-on`` given; None: the registry's ``lint.fail_on``
    fail_on: str | None = None
    debug: bool = False
    #: the registry already loaded from ``root`` (``tpkit render`` lints what it renders); None: load it
    registry: Registry | None = None

    def check(self) -> None:
        """Refuse a request that contradicts itself, before anything is read."""
        if self.write_baseline and self.only_files is not None:
            raise RequestError(
                "--write-baseline записывает замечания всего реестра: укажите папку, а не файлы "
                "/ --write-baseline records the whole registry: give a folder, not files"
            )

    def run(self) -> LintOutcome:
        """Lint; the baseline is read before the registry, so a bad one stops the run at once."""
        self.check()
        known = load(self.baseline) if self.baseline is not None else None
        result = self._lint()
        fail_on = self.fail_on or self.config.lint.fail_on
        if self.write_baseline:
            return LintOutcome(result, baseline_text=dumps(result.findings), fail_on=fail_on)
        hidden = 0
        if known is not None:
            result, hidden = apply(result, known)
        return LintOutcome(result, hidden, fail_on=fail_on)

    def _lint(self) -> LintResult:
        if self.since is not None:
            assert self.since_linter is not None, "a request with since needs a since_linter"
            return self.since_linter(
                self.root,
                self.since,
                self.config,
                lang=self.lang,
                select=self.select,
                ignore=self.ignore,
                only_files=self.only_files,
                debug=self.debug,
            )
        reg = self.registry if self.registry is not None else load_registry(self.root)
        return lint(
            reg,
            self.config,
            select=self.select,
            ignore=self.ignore,
            lang=self.lang,
            only_files=self.only_files,
            debug=self.debug,
        )
