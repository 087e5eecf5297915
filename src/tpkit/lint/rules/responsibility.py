"""Rules of group responsibility (see docs/rules.md)."""

from __future__ import annotations
