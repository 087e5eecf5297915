"""Review of a merge request: the registry at a git revision, the semantic diff, lint --since.

``gitrev`` reads a revision with git plumbing; ``diff`` compares two
registries by meaning (pure functions); ``core`` ties them to lint;
``text_report``, ``md_report`` and ``json_report`` write a diff out.
"""

FORMATS = ("text", "md", "json")
