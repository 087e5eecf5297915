"""The rule catalogue: one package per rule group, one module per rule (``register/tp101_formal_approach.py``).

Importing a group registers its rules. Shared pieces: :mod:`.words` (how messages name things),
:mod:`.coverage` (what the registry covers), :mod:`.examples` (the clean registry the examples vary).
"""

from . import procedures, register, responsibility, structure, tool  # noqa: F401
