"""tpkit: the register of client touchpoints and interaction procedures, kept as YAML in git."""

__version__ = "0.3.0"
