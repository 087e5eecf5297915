"""The rule catalogue: one module per rule group. Importing a module registers its rules."""

from . import procedures, register, responsibility, review, structure, tool  # noqa: F401
