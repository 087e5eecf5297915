"""TP1 — the register of touchpoints: one rule per module; importing the package registers them."""

from . import (  # noqa: F401
    tp101_formal_approach,
    tp102_no_information_touchpoint,
    tp103_no_assistance_touchpoint,
    tp104_duplicate_touchpoint,
    tp105_touchpoint_without_needs,
    tp106_touchpoint_without_basis,
    tp107_process_without_touchpoints,
    tp108_unused_touchpoint,
    tp109_journey_gap,
    tp110_no_feedback_touchpoint,
    tp111_joint_procedure_missing,
    tp112_uniform_process_split,
    tp113_low_demand_removed,
    tp114_same_touchpoint_twice_in_catalogue,
    tp115_final_goal_channels_only,
    tp116_entry_at_unlisted_touchpoint,
    tp117_direction_wide_services,
    tp118_notification_need_missing,
    tp119_inspection_without_feature,
)
