"""Where something stands in a file: the one position type of problems, hits and findings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A place in a file: 1-based line and column of its first character and of the one after its last, and
    the lines on which an inline suppression comment applies to it (``()``: its first line).

    The reader knows the span of what it finds; a rule's hit names a YAML path, and the engine asks the file
    where that path stands (:meth:`tpkit.registry.source.SourceFile.span`). A problem, its hit and the finding
    hand the same value on.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    anchor_lines: tuple[int, ...] = ()

    @classmethod
    def at(cls, line: int, column: int = 1) -> Span:
        """A point: where a character stands."""
        return cls(line, column, line, column)

    @property
    def anchors(self) -> tuple[int, ...]:
        """The lines whose suppression comment covers this place."""
        return self.anchor_lines or (self.line,)


#: the start of a file: where a problem of a whole file (unreadable, missing) stands
START = Span(1, 1, 1, 1)
