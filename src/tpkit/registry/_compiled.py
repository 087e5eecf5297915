"""Generated from tpkit.registry.models by ``python -m tpkit.registry.compile_models``; do not edit.

Plain records and validators that accept exactly-typed valid input; see tpkit.registry.records.
"""

# ruff: noqa
from __future__ import annotations

import re

from .records import (
    Invalid,
    Record,
    date,
    dict_of,
    float_between,
    int_ge,
    list_of,
    literal,
    mapping,
    str_,
    str_list,
    strict_bool,
    text,
)

_MISSING = object()
_new = object.__new__


class Act(Record):
    __slots__ = ('id', 'kind', 'title', 'number', 'date', 'url')
    model_fields = __slots__


class ActsFile(Record):
    __slots__ = ('acts',)
    model_fields = __slots__


class Agency(Record):
    __slots__ = ('id', 'name', 'short_name', 'head', 'units', 'officials', 'register', 'needs')
    model_fields = __slots__


class AgencyNeed(Record):
    __slots__ = ('id', 'name', 'short')
    model_fields = __slots__


class Approval(Record):
    __slots__ = ('kind', 'title', 'number', 'date')
    model_fields = __slots__


class Assessment(Record):
    __slots__ = ('touchpoint', 'simplicity', 'convenience', 'promptness', 'accessibility')
    model_fields = __slots__


class Config(Record):
    __slots__ = ('version', 'language', 'lint', 'render')
    model_fields = __slots__


class ControlItem(Record):
    __slots__ = ('subject', 'periodicity', 'tool', 'corrective_measures', 'responsible', 'touchpoint')
    model_fields = __slots__


class Criterion(Record):
    __slots__ = ('status', 'finding', 'mitigation')
    model_fields = __slots__


class Feature(Record):
    __slots__ = ('id', 'title', 'touchpoints', 'description')
    model_fields = __slots__


class FeedbackSection(Record):
    __slots__ = ('rating_each_stage', 'pretrial_appeal', 'channels', 'description')
    model_fields = __slots__


class General(Record):
    __slots__ = ('goals', 'principles', 'scope', 'touchpoint')
    model_fields = __slots__


class InfrastructureItem(Record):
    __slots__ = ('equipment', 'purpose', 'usage', 'touchpoint')
    model_fields = __slots__


class LintConfig(Record):
    __slots__ = ('select', 'ignore', 'severity', 'fail_on', 'per_file_ignores')
    model_fields = __slots__


class Notification(Record):
    __slots__ = ('event', 'touchpoint', 'automatic', 'next_step')
    model_fields = __slots__


class Official(Record):
    __slots__ = ('id', 'name', 'position', 'unit', 'line_manager', 'contact')
    model_fields = __slots__


class Partner(Record):
    __slots__ = ('name', 'touchpoints')
    model_fields = __slots__


class Person(Record):
    __slots__ = ('position', 'name')
    model_fields = __slots__


class Procedure(Record):
    __slots__ = ('id', 'title', 'touchpoints', 'responsible', 'embedded_in', 'approval', 'sections', 'assessment')
    model_fields = __slots__


class Process(Record):
    __slots__ = ('id', 'title', 'direction', 'scope', 'units', 'basis', 'partners', 'joint_procedure', 'touchpoints', 'features', 'notifications', 'description')
    model_fields = __slots__


class ProcessTouchpoint(Record):
    __slots__ = ('touchpoint', 'needs', 'basis', 'responsible', 'demand', 'notes')
    model_fields = __slots__


class RegisterInfo(Record):
    __slots__ = ('responsible', 'approval')
    model_fields = __slots__


class RenderConfig(Record):
    __slots__ = ('templates', 'font', 'font_size')
    model_fields = __slots__


class Requirements(Record):
    __slots__ = ('politeness', 'accessibility', 'result_orientation', 'methods', 'notifications', 'other')
    model_fields = __slots__


class Sections(Record):
    __slots__ = ('general', 'infrastructure', 'requirements', 'tools', 'specifics', 'feedback', 'control')
    model_fields = __slots__


class SpecificItem(Record):
    __slots__ = ('feature', 'clients', 'service', 'instruction', 'touchpoint')
    model_fields = __slots__


class ToolItem(Record):
    __slots__ = ('kind', 'name', 'description', 'touchpoint')
    model_fields = __slots__


class Touchpoint(Record):
    __slots__ = ('id', 'name', 'channel', 'operator', 'url', 'address', 'schedule', 'accessibility', 'basis', 'responsible', 'description')
    model_fields = __slots__


class TouchpointsFile(Record):
    __slots__ = ('touchpoints',)
    model_fields = __slots__


class Unit(Record):
    __slots__ = ('id', 'name')
    model_fields = __slots__


_pattern_0_rx = re.compile('^[a-z0-9][a-z0-9_-]*$').fullmatch


def _pattern_0(v):
    if type(v) is str and _pattern_0_rx(v):
        return v
    raise Invalid


_one_of_npa_internal_agreement_directive_values = frozenset(('agreement', 'directive', 'internal', 'npa'))


def _one_of_npa_internal_agreement_directive(v):
    return literal(v, _one_of_npa_internal_agreement_directive_values)


def _maybe_text(v):
    return None if v is None else text(v)


def _maybe_date(v):
    return None if v is None else date(v)


def _list_v_Act(v):
    return list_of(v, _v_Act)


def _maybe_v_Person(v):
    return None if v is None else _v_Person(v)


def _list_v_Unit(v):
    return list_of(v, _v_Unit)


def _list_v_Official(v):
    return list_of(v, _v_Official)


def _maybe_v_RegisterInfo(v):
    return None if v is None else _v_RegisterInfo(v)


def _list_v_AgencyNeed(v):
    return list_of(v, _v_AgencyNeed)


_one_of_order_resolution_other_values = frozenset(('order', 'other', 'resolution'))


def _one_of_order_resolution_other(v):
    return literal(v, _one_of_order_resolution_other_values)


def _maybe_v_Criterion(v):
    return None if v is None else _v_Criterion(v)


_one_of_1_values = frozenset((1,))


def _one_of_1(v):
    return literal(v, _one_of_1_values)


_one_of_ru_en_values = frozenset(('en', 'ru'))


def _one_of_ru_en(v):
    return literal(v, _one_of_ru_en_values)


def _list_text(v):
    return list_of(v, text)


def _maybe_str(v):
    return None if v is None else str_(v)


_one_of_ok_gap_values = frozenset(('gap', 'ok'))


def _one_of_ok_gap(v):
    return literal(v, _one_of_ok_gap_values)


_one_of_error_warning_info_values = frozenset(('error', 'info', 'warning'))


def _one_of_error_warning_info(v):
    return literal(v, _one_of_error_warning_info_values)


def _dict_one_of_error_warning_info(v):
    return dict_of(v, _one_of_error_warning_info)


_one_of_error_warning_info_never_values = frozenset(('error', 'info', 'never', 'warning'))


def _one_of_error_warning_info_never(v):
    return literal(v, _one_of_error_warning_info_never_values)


def _dict_str_list(v):
    return dict_of(v, str_list)


_one_of_all_values = frozenset(('all',))


def _one_of_all(v):
    return literal(v, _one_of_all_values)


def _one_of_all_or_str_list(v):
    for check in (_one_of_all, str_list,):
        try:
            return check(v)
        except Invalid:
            pass
    raise Invalid


def _maybe_v_Approval(v):
    return None if v is None else _v_Approval(v)


def _list_v_Assessment(v):
    return list_of(v, _v_Assessment)


_one_of_services_functions_support_contro_values = frozenset(('appeals', 'control', 'functions', 'services', 'support'))


def _one_of_services_functions_support_contro(v):
    return literal(v, _one_of_services_functions_support_contro_values)


_one_of_process_direction_values = frozenset(('direction', 'process'))


def _one_of_process_direction(v):
    return literal(v, _one_of_process_direction_values)


def _list_v_Partner(v):
    return list_of(v, _v_Partner)


def _list_v_ProcessTouchpoint(v):
    return list_of(v, _v_ProcessTouchpoint)


def _list_v_Feature(v):
    return list_of(v, _v_Feature)


def _list_v_Notification(v):
    return list_of(v, _v_Notification)


def _int_ge_0(v):
    return int_ge(v, 0)


_one_of_low_unknown_values = frozenset(('low', 'unknown'))


def _one_of_low_unknown(v):
    return literal(v, _one_of_low_unknown_values)


def _int_ge_0_or_one_of_low_unknown(v):
    for check in (_int_ge_0, _one_of_low_unknown,):
        try:
            return check(v)
        except Invalid:
            pass
    raise Invalid


def _maybe_int_ge_0_or_one_of_low_unknown(v):
    return None if v is None else _int_ge_0_or_one_of_low_unknown(v)


def _float_6_36(v):
    return float_between(v, 6, 36)


def _maybe_v_General(v):
    return None if v is None else _v_General(v)


def _list_v_InfrastructureItem(v):
    return list_of(v, _v_InfrastructureItem)


def _maybe_list_v_InfrastructureItem(v):
    return None if v is None else _list_v_InfrastructureItem(v)


def _maybe_v_Requirements(v):
    return None if v is None else _v_Requirements(v)


def _list_v_ToolItem(v):
    return list_of(v, _v_ToolItem)


def _maybe_list_v_ToolItem(v):
    return None if v is None else _list_v_ToolItem(v)


def _list_v_SpecificItem(v):
    return list_of(v, _v_SpecificItem)


def _maybe_list_v_SpecificItem(v):
    return None if v is None else _list_v_SpecificItem(v)


def _maybe_v_FeedbackSection(v):
    return None if v is None else _v_FeedbackSection(v)


def _list_v_ControlItem(v):
    return list_of(v, _v_ControlItem)


def _maybe_list_v_ControlItem(v):
    return None if v is None else _list_v_ControlItem(v)


_one_of_script_faq_auto_classification_te_values = frozenset(('auto_classification', 'faq', 'knowledge_base', 'other', 'script', 'template'))


def _one_of_script_faq_auto_classification_te(v):
    return literal(v, _one_of_script_faq_auto_classification_te_values)


_one_of_website_portal_mobile_app_social_values = frozenset(('api', 'business_center', 'call_center', 'chatbot', 'email', 'employment_center', 'long_stay', 'mail', 'messenger', 'migration_center', 'mobile_app', 'one_stop_center', 'other_digital', 'other_offline', 'phone', 'portal', 'reception', 'social_network', 'support_infrastructure', 'tourist_center', 'voice_assistant', 'website'))


def _one_of_website_portal_mobile_app_social(v):
    return literal(v, _one_of_website_portal_mobile_app_social_values)


def _list_v_Touchpoint(v):
    return list_of(v, _v_Touchpoint)


_Act_keys = frozenset(('id', 'kind', 'title', 'number', 'date', 'url'))


def _v_Act(v):
    d = mapping(v, _Act_keys)
    o = _new(Act)
    x = d.get('id', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.id = _pattern_0(x)
    x = d.get('kind', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.kind = _one_of_npa_internal_agreement_directive(x)
    x = d.get('title', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.title = text(x)
    x = d.get('number', _MISSING)
    o.number = None if x is _MISSING else _maybe_text(x)
    x = d.get('date', _MISSING)
    o.date = None if x is _MISSING else _maybe_date(x)
    x = d.get('url', _MISSING)
    o.url = None if x is _MISSING else _maybe_text(x)
    return o


_ActsFile_keys = frozenset(('acts',))


def _v_ActsFile(v):
    d = mapping(v, _ActsFile_keys)
    o = _new(ActsFile)
    x = d.get('acts', _MISSING)
    o.acts = [] if x is _MISSING else _list_v_Act(x)
    return o


_Agency_keys = frozenset(('id', 'name', 'short_name', 'head', 'units', 'officials', 'register', 'needs'))


def _v_Agency(v):
    d = mapping(v, _Agency_keys)
    o = _new(Agency)
    x = d.get('id', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.id = _pattern_0(x)
    x = d.get('name', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.name = text(x)
    x = d.get('short_name', _MISSING)
    o.short_name = None if x is _MISSING else _maybe_text(x)
    x = d.get('head', _MISSING)
    o.head = None if x is _MISSING else _maybe_v_Person(x)
    x = d.get('units', _MISSING)
    o.units = [] if x is _MISSING else _list_v_Unit(x)
    x = d.get('officials', _MISSING)
    o.officials = [] if x is _MISSING else _list_v_Official(x)
    x = d.get('register', _MISSING)
    o.register = None if x is _MISSING else _maybe_v_RegisterInfo(x)
    x = d.get('needs', _MISSING)
    o.needs = [] if x is _MISSING else _list_v_AgencyNeed(x)
    return o


_AgencyNeed_keys = frozenset(('id', 'name', 'short'))


def _v_AgencyNeed(v):
    d = mapping(v, _AgencyNeed_keys)
    o = _new(AgencyNeed)
    x = d.get('id', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.id = _pattern_0(x)
    x = d.get('name', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.name = text(x)
    x = d.get('short', _MISSING)
    o.short = None if x is _MISSING else _maybe_text(x)
    return o


_Approval_keys = frozenset(('kind', 'title', 'number', 'date'))


def _v_Approval(v):
    d = mapping(v, _Approval_keys)
    o = _new(Approval)
    x = d.get('kind', _MISSING)
    o.kind = 'order' if x is _MISSING else _one_of_order_resolution_other(x)
    x = d.get('title', _MISSING)
    o.title = None if x is _MISSING else _maybe_text(x)
    x = d.get('number', _MISSING)
    o.number = None if x is _MISSING else _maybe_text(x)
    x = d.get('date', _MISSING)
    o.date = None if x is _MISSING else _maybe_date(x)
    return o


_Assessment_keys = frozenset(('touchpoint', 'simplicity', 'convenience', 'promptness', 'accessibility'))


def _v_Assessment(v):
    d = mapping(v, _Assessment_keys)
    o = _new(Assessment)
    x = d.get('touchpoint', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.touchpoint = str_(x)
    x = d.get('simplicity', _MISSING)
    o.simplicity = None if x is _MISSING else _maybe_v_Criterion(x)
    x = d.get('convenience', _MISSING)
    o.convenience = None if x is _MISSING else _maybe_v_Criterion(x)
    x = d.get('promptness', _MISSING)
    o.promptness = None if x is _MISSING else _maybe_v_Criterion(x)
    x = d.get('accessibility', _MISSING)
    o.accessibility = None if x is _MISSING else _maybe_v_Criterion(x)
    return o


_Config_keys = frozenset(('version', 'language', 'lint', 'render'))


def _v_Config(v):
    d = mapping(v, _Config_keys)
    o = _new(Config)
    x = d.get('version', _MISSING)
    o.version = 1 if x is _MISSING else _one_of_1(x)
    x = d.get('language', _MISSING)
    o.language = 'ru' if x is _MISSING else _one_of_ru_en(x)
    x = d.get('lint', _MISSING)
    o.lint = _d_LintConfig() if x is _MISSING else _v_LintConfig(x)
    x = d.get('render', _MISSING)
    o.render = _d_RenderConfig() if x is _MISSING else _v_RenderConfig(x)
    return o


_ControlItem_keys = frozenset(('subject', 'periodicity', 'tool', 'corrective_measures', 'responsible', 'touchpoint'))


def _v_ControlItem(v):
    d = mapping(v, _ControlItem_keys)
    o = _new(ControlItem)
    x = d.get('subject', _MISSING)
    o.subject = None if x is _MISSING else _maybe_text(x)
    x = d.get('periodicity', _MISSING)
    o.periodicity = None if x is _MISSING else _maybe_text(x)
    x = d.get('tool', _MISSING)
    o.tool = None if x is _MISSING else _maybe_text(x)
    x = d.get('corrective_measures', _MISSING)
    o.corrective_measures = [] if x is _MISSING else _list_text(x)
    x = d.get('responsible', _MISSING)
    o.responsible = None if x is _MISSING else _maybe_str(x)
    x = d.get('touchpoint', _MISSING)
    o.touchpoint = None if x is _MISSING else _maybe_str(x)
    return o


_Criterion_keys = frozenset(('status', 'finding', 'mitigation'))


def _v_Criterion(v):
    d = mapping(v, _Criterion_keys)
    o = _new(Criterion)
    x = d.get('status', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.status = _one_of_ok_gap(x)
    x = d.get('finding', _MISSING)
    o.finding = None if x is _MISSING else _maybe_text(x)
    x = d.get('mitigation', _MISSING)
    o.mitigation = None if x is _MISSING else _maybe_text(x)
    return o


_Feature_keys = frozenset(('id', 'title', 'touchpoints', 'description'))


def _v_Feature(v):
    d = mapping(v, _Feature_keys)
    o = _new(Feature)
    x = d.get('id', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.id = _pattern_0(x)
    x = d.get('title', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.title = text(x)
    x = d.get('touchpoints', _MISSING)
    o.touchpoints = [] if x is _MISSING else str_list(x)
    x = d.get('description', _MISSING)
    o.description = None if x is _MISSING else _maybe_text(x)
    return o


_FeedbackSection_keys = frozenset(('rating_each_stage', 'pretrial_appeal', 'channels', 'description'))


def _v_FeedbackSection(v):
    d = mapping(v, _FeedbackSection_keys)
    o = _new(FeedbackSection)
    x = d.get('rating_each_stage', _MISSING)
    o.rating_each_stage = False if x is _MISSING else strict_bool(x)
    x = d.get('pretrial_appeal', _MISSING)
    o.pretrial_appeal = None if x is _MISSING else _maybe_text(x)
    x = d.get('channels', _MISSING)
    o.channels = [] if x is _MISSING else str_list(x)
    x = d.get('description', _MISSING)
    o.description = None if x is _MISSING else _maybe_text(x)
    return o


_General_keys = frozenset(('goals', 'principles', 'scope', 'touchpoint'))


def _v_General(v):
    d = mapping(v, _General_keys)
    o = _new(General)
    x = d.get('goals', _MISSING)
    o.goals = [] if x is _MISSING else _list_text(x)
    x = d.get('principles', _MISSING)
    o.principles = [] if x is _MISSING else _list_text(x)
    x = d.get('scope', _MISSING)
    o.scope = None if x is _MISSING else _maybe_text(x)
    x = d.get('touchpoint', _MISSING)
    o.touchpoint = None if x is _MISSING else _maybe_str(x)
    return o


_InfrastructureItem_keys = frozenset(('equipment', 'purpose', 'usage', 'touchpoint'))


def _v_InfrastructureItem(v):
    d = mapping(v, _InfrastructureItem_keys)
    o = _new(InfrastructureItem)
    x = d.get('equipment', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.equipment = text(x)
    x = d.get('purpose', _MISSING)
    o.purpose = None if x is _MISSING else _maybe_text(x)
    x = d.get('usage', _MISSING)
    o.usage = None if x is _MISSING else _maybe_text(x)
    x = d.get('touchpoint', _MISSING)
    o.touchpoint = None if x is _MISSING else _maybe_str(x)
    return o


_LintConfig_keys = frozenset(('select', 'ignore', 'severity', 'fail_on', 'per_file_ignores'))


def _v_LintConfig(v):
    d = mapping(v, _LintConfig_keys)
    o = _new(LintConfig)
    x = d.get('select', _MISSING)
    o.select = ['ALL'] if x is _MISSING else str_list(x)
    x = d.get('ignore', _MISSING)
    o.ignore = [] if x is _MISSING else str_list(x)
    x = d.get('severity', _MISSING)
    o.severity = {} if x is _MISSING else _dict_one_of_error_warning_info(x)
    x = d.get('fail_on', _MISSING)
    o.fail_on = 'error' if x is _MISSING else _one_of_error_warning_info_never(x)
    x = d.get('per_file_ignores', _MISSING)
    o.per_file_ignores = {} if x is _MISSING else _dict_str_list(x)
    return o


_Notification_keys = frozenset(('event', 'touchpoint', 'automatic', 'next_step'))


def _v_Notification(v):
    d = mapping(v, _Notification_keys)
    o = _new(Notification)
    x = d.get('event', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.event = text(x)
    x = d.get('touchpoint', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.touchpoint = str_(x)
    x = d.get('automatic', _MISSING)
    o.automatic = False if x is _MISSING else strict_bool(x)
    x = d.get('next_step', _MISSING)
    o.next_step = None if x is _MISSING else _maybe_text(x)
    return o


_Official_keys = frozenset(('id', 'name', 'position', 'unit', 'line_manager', 'contact'))


def _v_Official(v):
    d = mapping(v, _Official_keys)
    o = _new(Official)
    x = d.get('id', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.id = _pattern_0(x)
    x = d.get('name', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.name = text(x)
    x = d.get('position', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.position = text(x)
    x = d.get('unit', _MISSING)
    o.unit = None if x is _MISSING else _maybe_str(x)
    x = d.get('line_manager', _MISSING)
    o.line_manager = False if x is _MISSING else strict_bool(x)
    x = d.get('contact', _MISSING)
    o.contact = None if x is _MISSING else _maybe_text(x)
    return o


_Partner_keys = frozenset(('name', 'touchpoints'))


def _v_Partner(v):
    d = mapping(v, _Partner_keys)
    o = _new(Partner)
    x = d.get('name', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.name = text(x)
    x = d.get('touchpoints', _MISSING)
    o.touchpoints = [] if x is _MISSING else _list_text(x)
    return o


_Person_keys = frozenset(('position', 'name'))


def _v_Person(v):
    d = mapping(v, _Person_keys)
    o = _new(Person)
    x = d.get('position', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.position = text(x)
    x = d.get('name', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.name = text(x)
    return o


_Procedure_keys = frozenset(('id', 'title', 'touchpoints', 'responsible', 'embedded_in', 'approval', 'sections', 'assessment'))


def _v_Procedure(v):
    d = mapping(v, _Procedure_keys)
    o = _new(Procedure)
    x = d.get('id', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.id = _pattern_0(x)
    x = d.get('title', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.title = text(x)
    x = d.get('touchpoints', _MISSING)
    o.touchpoints = [] if x is _MISSING else _one_of_all_or_str_list(x)
    x = d.get('responsible', _MISSING)
    o.responsible = None if x is _MISSING else _maybe_str(x)
    x = d.get('embedded_in', _MISSING)
    o.embedded_in = None if x is _MISSING else _maybe_str(x)
    x = d.get('approval', _MISSING)
    o.approval = None if x is _MISSING else _maybe_v_Approval(x)
    x = d.get('sections', _MISSING)
    o.sections = _d_Sections() if x is _MISSING else _v_Sections(x)
    x = d.get('assessment', _MISSING)
    o.assessment = [] if x is _MISSING else _list_v_Assessment(x)
    return o


_Process_keys = frozenset(('id', 'title', 'direction', 'scope', 'units', 'basis', 'partners', 'joint_procedure', 'touchpoints', 'features', 'notifications', 'description'))


def _v_Process(v):
    d = mapping(v, _Process_keys)
    o = _new(Process)
    x = d.get('id', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.id = _pattern_0(x)
    x = d.get('title', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.title = text(x)
    x = d.get('direction', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.direction = _one_of_services_functions_support_contro(x)
    x = d.get('scope', _MISSING)
    o.scope = 'process' if x is _MISSING else _one_of_process_direction(x)
    x = d.get('units', _MISSING)
    o.units = [] if x is _MISSING else str_list(x)
    x = d.get('basis', _MISSING)
    o.basis = [] if x is _MISSING else str_list(x)
    x = d.get('partners', _MISSING)
    o.partners = [] if x is _MISSING else _list_v_Partner(x)
    x = d.get('joint_procedure', _MISSING)
    o.joint_procedure = None if x is _MISSING else _maybe_str(x)
    x = d.get('touchpoints', _MISSING)
    o.touchpoints = [] if x is _MISSING else _list_v_ProcessTouchpoint(x)
    x = d.get('features', _MISSING)
    o.features = [] if x is _MISSING else _list_v_Feature(x)
    x = d.get('notifications', _MISSING)
    o.notifications = [] if x is _MISSING else _list_v_Notification(x)
    x = d.get('description', _MISSING)
    o.description = None if x is _MISSING else _maybe_text(x)
    return o


_ProcessTouchpoint_keys = frozenset(('touchpoint', 'needs', 'basis', 'responsible', 'demand', 'notes'))


def _v_ProcessTouchpoint(v):
    d = mapping(v, _ProcessTouchpoint_keys)
    o = _new(ProcessTouchpoint)
    x = d.get('touchpoint', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.touchpoint = str_(x)
    x = d.get('needs', _MISSING)
    o.needs = [] if x is _MISSING else str_list(x)
    x = d.get('basis', _MISSING)
    o.basis = [] if x is _MISSING else str_list(x)
    x = d.get('responsible', _MISSING)
    o.responsible = None if x is _MISSING else _maybe_str(x)
    x = d.get('demand', _MISSING)
    o.demand = None if x is _MISSING else _maybe_int_ge_0_or_one_of_low_unknown(x)
    x = d.get('notes', _MISSING)
    o.notes = None if x is _MISSING else _maybe_text(x)
    return o


_RegisterInfo_keys = frozenset(('responsible', 'approval'))


def _v_RegisterInfo(v):
    d = mapping(v, _RegisterInfo_keys)
    o = _new(RegisterInfo)
    x = d.get('responsible', _MISSING)
    o.responsible = None if x is _MISSING else _maybe_str(x)
    x = d.get('approval', _MISSING)
    o.approval = None if x is _MISSING else _maybe_v_Approval(x)
    return o


_RenderConfig_keys = frozenset(('templates', 'font', 'font_size'))


def _v_RenderConfig(v):
    d = mapping(v, _RenderConfig_keys)
    o = _new(RenderConfig)
    x = d.get('templates', _MISSING)
    o.templates = 'templates/' if x is _MISSING else str_(x)
    x = d.get('font', _MISSING)
    o.font = 'Times New Roman' if x is _MISSING else text(x)
    x = d.get('font_size', _MISSING)
    o.font_size = 14.0 if x is _MISSING else _float_6_36(x)
    return o


_Requirements_keys = frozenset(('politeness', 'accessibility', 'result_orientation', 'methods', 'notifications', 'other'))


def _v_Requirements(v):
    d = mapping(v, _Requirements_keys)
    o = _new(Requirements)
    x = d.get('politeness', _MISSING)
    o.politeness = None if x is _MISSING else _maybe_text(x)
    x = d.get('accessibility', _MISSING)
    o.accessibility = None if x is _MISSING else _maybe_text(x)
    x = d.get('result_orientation', _MISSING)
    o.result_orientation = None if x is _MISSING else _maybe_text(x)
    x = d.get('methods', _MISSING)
    o.methods = [] if x is _MISSING else _list_text(x)
    x = d.get('notifications', _MISSING)
    o.notifications = None if x is _MISSING else _maybe_text(x)
    x = d.get('other', _MISSING)
    o.other = [] if x is _MISSING else _list_text(x)
    return o


_Sections_keys = frozenset(('general', 'infrastructure', 'requirements', 'tools', 'specifics', 'feedback', 'control'))


def _v_Sections(v):
    d = mapping(v, _Sections_keys)
    o = _new(Sections)
    x = d.get('general', _MISSING)
    o.general = None if x is _MISSING else _maybe_v_General(x)
    x = d.get('infrastructure', _MISSING)
    o.infrastructure = None if x is _MISSING else _maybe_list_v_InfrastructureItem(x)
    x = d.get('requirements', _MISSING)
    o.requirements = None if x is _MISSING else _maybe_v_Requirements(x)
    x = d.get('tools', _MISSING)
    o.tools = None if x is _MISSING else _maybe_list_v_ToolItem(x)
    x = d.get('specifics', _MISSING)
    o.specifics = None if x is _MISSING else _maybe_list_v_SpecificItem(x)
    x = d.get('feedback', _MISSING)
    o.feedback = None if x is _MISSING else _maybe_v_FeedbackSection(x)
    x = d.get('control', _MISSING)
    o.control = None if x is _MISSING else _maybe_list_v_ControlItem(x)
    return o


_SpecificItem_keys = frozenset(('feature', 'clients', 'service', 'instruction', 'touchpoint'))


def _v_SpecificItem(v):
    d = mapping(v, _SpecificItem_keys)
    o = _new(SpecificItem)
    x = d.get('feature', _MISSING)
    o.feature = None if x is _MISSING else _maybe_str(x)
    x = d.get('clients', _MISSING)
    o.clients = None if x is _MISSING else _maybe_text(x)
    x = d.get('service', _MISSING)
    o.service = None if x is _MISSING else _maybe_text(x)
    x = d.get('instruction', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.instruction = text(x)
    x = d.get('touchpoint', _MISSING)
    o.touchpoint = None if x is _MISSING else _maybe_str(x)
    return o


_ToolItem_keys = frozenset(('kind', 'name', 'description', 'touchpoint'))


def _v_ToolItem(v):
    d = mapping(v, _ToolItem_keys)
    o = _new(ToolItem)
    x = d.get('kind', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.kind = _one_of_script_faq_auto_classification_te(x)
    x = d.get('name', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.name = text(x)
    x = d.get('description', _MISSING)
    o.description = None if x is _MISSING else _maybe_text(x)
    x = d.get('touchpoint', _MISSING)
    o.touchpoint = None if x is _MISSING else _maybe_str(x)
    return o


_Touchpoint_keys = frozenset(('id', 'name', 'channel', 'operator', 'url', 'address', 'schedule', 'accessibility', 'basis', 'responsible', 'description'))


def _v_Touchpoint(v):
    d = mapping(v, _Touchpoint_keys)
    o = _new(Touchpoint)
    x = d.get('id', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.id = _pattern_0(x)
    x = d.get('name', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.name = text(x)
    x = d.get('channel', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.channel = _one_of_website_portal_mobile_app_social(x)
    x = d.get('operator', _MISSING)
    o.operator = None if x is _MISSING else _maybe_text(x)
    x = d.get('url', _MISSING)
    o.url = None if x is _MISSING else _maybe_text(x)
    x = d.get('address', _MISSING)
    o.address = None if x is _MISSING else _maybe_text(x)
    x = d.get('schedule', _MISSING)
    o.schedule = None if x is _MISSING else _maybe_text(x)
    x = d.get('accessibility', _MISSING)
    o.accessibility = [] if x is _MISSING else _list_text(x)
    x = d.get('basis', _MISSING)
    o.basis = [] if x is _MISSING else str_list(x)
    x = d.get('responsible', _MISSING)
    o.responsible = None if x is _MISSING else _maybe_str(x)
    x = d.get('description', _MISSING)
    o.description = None if x is _MISSING else _maybe_text(x)
    return o


_TouchpointsFile_keys = frozenset(('touchpoints',))


def _v_TouchpointsFile(v):
    d = mapping(v, _TouchpointsFile_keys)
    o = _new(TouchpointsFile)
    x = d.get('touchpoints', _MISSING)
    o.touchpoints = [] if x is _MISSING else _list_v_Touchpoint(x)
    return o


_Unit_keys = frozenset(('id', 'name'))


def _v_Unit(v):
    d = mapping(v, _Unit_keys)
    o = _new(Unit)
    x = d.get('id', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.id = _pattern_0(x)
    x = d.get('name', _MISSING)
    if x is _MISSING:
        raise Invalid
    o.name = text(x)
    return o


def _d_ActsFile():
    o = _new(ActsFile)
    o.acts = []
    return o


def _d_Approval():
    o = _new(Approval)
    o.kind = 'order'
    o.title = None
    o.number = None
    o.date = None
    return o


def _d_Config():
    o = _new(Config)
    o.version = 1
    o.language = 'ru'
    o.lint = _d_LintConfig()
    o.render = _d_RenderConfig()
    return o


def _d_ControlItem():
    o = _new(ControlItem)
    o.subject = None
    o.periodicity = None
    o.tool = None
    o.corrective_measures = []
    o.responsible = None
    o.touchpoint = None
    return o


def _d_FeedbackSection():
    o = _new(FeedbackSection)
    o.rating_each_stage = False
    o.pretrial_appeal = None
    o.channels = []
    o.description = None
    return o


def _d_General():
    o = _new(General)
    o.goals = []
    o.principles = []
    o.scope = None
    o.touchpoint = None
    return o


def _d_LintConfig():
    o = _new(LintConfig)
    o.select = ['ALL']
    o.ignore = []
    o.severity = {}
    o.fail_on = 'error'
    o.per_file_ignores = {}
    return o


def _d_RegisterInfo():
    o = _new(RegisterInfo)
    o.responsible = None
    o.approval = None
    return o


def _d_RenderConfig():
    o = _new(RenderConfig)
    o.templates = 'templates/'
    o.font = 'Times New Roman'
    o.font_size = 14.0
    return o


def _d_Requirements():
    o = _new(Requirements)
    o.politeness = None
    o.accessibility = None
    o.result_orientation = None
    o.methods = []
    o.notifications = None
    o.other = []
    return o


def _d_Sections():
    o = _new(Sections)
    o.general = None
    o.infrastructure = None
    o.requirements = None
    o.tools = None
    o.specifics = None
    o.feedback = None
    o.control = None
    return o


def _d_TouchpointsFile():
    o = _new(TouchpointsFile)
    o.touchpoints = []
    return o


Act._defaults = {
    'number': (False, None),
    'date': (False, None),
    'url': (False, None),
}
ActsFile._defaults = {
    'acts': (True, list),
}
Agency._defaults = {
    'short_name': (False, None),
    'head': (False, None),
    'units': (True, list),
    'officials': (True, list),
    'register': (False, None),
    'needs': (True, list),
}
AgencyNeed._defaults = {
    'short': (False, None),
}
Approval._defaults = {
    'kind': (False, 'order'),
    'title': (False, None),
    'number': (False, None),
    'date': (False, None),
}
Assessment._defaults = {
    'simplicity': (False, None),
    'convenience': (False, None),
    'promptness': (False, None),
    'accessibility': (False, None),
}
Config._defaults = {
    'version': (False, 1),
    'language': (False, 'ru'),
    'lint': (True, _d_LintConfig),
    'render': (True, _d_RenderConfig),
}
ControlItem._defaults = {
    'subject': (False, None),
    'periodicity': (False, None),
    'tool': (False, None),
    'corrective_measures': (True, list),
    'responsible': (False, None),
    'touchpoint': (False, None),
}
Criterion._defaults = {
    'finding': (False, None),
    'mitigation': (False, None),
}
Feature._defaults = {
    'touchpoints': (True, list),
    'description': (False, None),
}
FeedbackSection._defaults = {
    'rating_each_stage': (False, False),
    'pretrial_appeal': (False, None),
    'channels': (True, list),
    'description': (False, None),
}
General._defaults = {
    'goals': (True, list),
    'principles': (True, list),
    'scope': (False, None),
    'touchpoint': (False, None),
}
InfrastructureItem._defaults = {
    'purpose': (False, None),
    'usage': (False, None),
    'touchpoint': (False, None),
}
LintConfig._defaults = {
    'select': (True, lambda: ['ALL']),
    'ignore': (True, list),
    'severity': (True, dict),
    'fail_on': (False, 'error'),
    'per_file_ignores': (True, dict),
}
Notification._defaults = {
    'automatic': (False, False),
    'next_step': (False, None),
}
Official._defaults = {
    'unit': (False, None),
    'line_manager': (False, False),
    'contact': (False, None),
}
Partner._defaults = {
    'touchpoints': (True, list),
}
Procedure._defaults = {
    'touchpoints': (True, list),
    'responsible': (False, None),
    'embedded_in': (False, None),
    'approval': (False, None),
    'sections': (True, _d_Sections),
    'assessment': (True, list),
}
Process._defaults = {
    'scope': (False, 'process'),
    'units': (True, list),
    'basis': (True, list),
    'partners': (True, list),
    'joint_procedure': (False, None),
    'touchpoints': (True, list),
    'features': (True, list),
    'notifications': (True, list),
    'description': (False, None),
}
ProcessTouchpoint._defaults = {
    'needs': (True, list),
    'basis': (True, list),
    'responsible': (False, None),
    'demand': (False, None),
    'notes': (False, None),
}
RegisterInfo._defaults = {
    'responsible': (False, None),
    'approval': (False, None),
}
RenderConfig._defaults = {
    'templates': (False, 'templates/'),
    'font': (False, 'Times New Roman'),
    'font_size': (False, 14.0),
}
Requirements._defaults = {
    'politeness': (False, None),
    'accessibility': (False, None),
    'result_orientation': (False, None),
    'methods': (True, list),
    'notifications': (False, None),
    'other': (True, list),
}
Sections._defaults = {
    'general': (False, None),
    'infrastructure': (False, None),
    'requirements': (False, None),
    'tools': (False, None),
    'specifics': (False, None),
    'feedback': (False, None),
    'control': (False, None),
}
SpecificItem._defaults = {
    'feature': (False, None),
    'clients': (False, None),
    'service': (False, None),
    'touchpoint': (False, None),
}
ToolItem._defaults = {
    'description': (False, None),
    'touchpoint': (False, None),
}
Touchpoint._defaults = {
    'operator': (False, None),
    'url': (False, None),
    'address': (False, None),
    'schedule': (False, None),
    'accessibility': (True, list),
    'basis': (True, list),
    'responsible': (False, None),
    'description': (False, None),
}
TouchpointsFile._defaults = {
    'touchpoints': (True, list),
}


#: model name -> validator
VALIDATORS = {
    'Act': _v_Act,
    'ActsFile': _v_ActsFile,
    'Agency': _v_Agency,
    'AgencyNeed': _v_AgencyNeed,
    'Approval': _v_Approval,
    'Assessment': _v_Assessment,
    'Config': _v_Config,
    'ControlItem': _v_ControlItem,
    'Criterion': _v_Criterion,
    'Feature': _v_Feature,
    'FeedbackSection': _v_FeedbackSection,
    'General': _v_General,
    'InfrastructureItem': _v_InfrastructureItem,
    'LintConfig': _v_LintConfig,
    'Notification': _v_Notification,
    'Official': _v_Official,
    'Partner': _v_Partner,
    'Person': _v_Person,
    'Procedure': _v_Procedure,
    'Process': _v_Process,
    'ProcessTouchpoint': _v_ProcessTouchpoint,
    'RegisterInfo': _v_RegisterInfo,
    'RenderConfig': _v_RenderConfig,
    'Requirements': _v_Requirements,
    'Sections': _v_Sections,
    'SpecificItem': _v_SpecificItem,
    'ToolItem': _v_ToolItem,
    'Touchpoint': _v_Touchpoint,
    'TouchpointsFile': _v_TouchpointsFile,
    'Unit': _v_Unit,
}


#: model name -> record class
RECORDS = {
    'Act': Act,
    'ActsFile': ActsFile,
    'Agency': Agency,
    'AgencyNeed': AgencyNeed,
    'Approval': Approval,
    'Assessment': Assessment,
    'Config': Config,
    'ControlItem': ControlItem,
    'Criterion': Criterion,
    'Feature': Feature,
    'FeedbackSection': FeedbackSection,
    'General': General,
    'InfrastructureItem': InfrastructureItem,
    'LintConfig': LintConfig,
    'Notification': Notification,
    'Official': Official,
    'Partner': Partner,
    'Person': Person,
    'Procedure': Procedure,
    'Process': Process,
    'ProcessTouchpoint': ProcessTouchpoint,
    'RegisterInfo': RegisterInfo,
    'RenderConfig': RenderConfig,
    'Requirements': Requirements,
    'Sections': Sections,
    'SpecificItem': SpecificItem,
    'ToolItem': ToolItem,
    'Touchpoint': Touchpoint,
    'TouchpointsFile': TouchpointsFile,
    'Unit': Unit,
}


#: file kind -> model name
FILE_KINDS = {
    'tpkit': 'Config',
    'agency': 'Agency',
    'acts': 'ActsFile',
    'touchpoints': 'TouchpointsFile',
    'process': 'Process',
    'procedure': 'Procedure',
}


#: model name -> a record with every field at its default (models without required fields)
DEFAULTS = {
    'ActsFile': _d_ActsFile,
    'Approval': _d_Approval,
    'Config': _d_Config,
    'ControlItem': _d_ControlItem,
    'FeedbackSection': _d_FeedbackSection,
    'General': _d_General,
    'LintConfig': _d_LintConfig,
    'RegisterInfo': _d_RegisterInfo,
    'RenderConfig': _d_RenderConfig,
    'Requirements': _d_Requirements,
    'Sections': _d_Sections,
    'TouchpointsFile': _d_TouchpointsFile,
}
