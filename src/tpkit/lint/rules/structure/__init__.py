"""TP0 — structure: one rule per module; importing the package registers them."""

from . import (  # noqa: F401
    tp001_invalid_yaml,
    tp002_schema_violation,
    tp003_unknown_reference,
    tp004_duplicate_id,
    tp005_bad_encoding,
    tp006_missing_file,
    tp007_id_filename_mismatch,
    tp008_merge_conflict_marker,
    tp009_placeholder_left,
)
