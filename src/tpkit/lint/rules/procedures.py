"""Rules of group procedures (see docs/rules.md)."""

from __future__ import annotations
