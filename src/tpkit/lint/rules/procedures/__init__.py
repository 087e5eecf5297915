"""TP3 — interaction procedures: one rule per module; importing the package registers them."""

from . import (  # noqa: F401
    tp301_procedure_section_missing,
    tp302_control_incomplete,
    tp303_feedback_incomplete,
    tp304_feature_without_instruction,
    tp305_offline_without_accessibility,
    tp306_assessment_gap_unmitigated,
    tp307_notification_without_next_step,
    tp308_touchpoint_without_procedure,
    tp309_procedure_without_responsible,
    tp310_touchpoint_not_assessed,
    tp311_procedure_not_approved,
    tp312_embedded_in_wrong_act,
    tp313_feedback_channel_not_in_register,
    tp314_section_content_incomplete,
)
