"""TP2 — responsibility and approval: one rule per module; importing the package registers them."""

from . import (  # noqa: F401
    tp201_no_responsible,
    tp202_responsible_not_line_manager,
    tp203_register_not_approved,
    tp204_no_register_responsible,
)
