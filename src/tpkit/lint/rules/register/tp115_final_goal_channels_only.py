"""TP115 final-goal-channels-only: every touchpoint of a process is a final-goal channel (the padded formal pair)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...finding import Bi
from ...rule import register
from ..channels import FINAL_GOAL_CHANNELS
from ..coverage import NeedsRule
from ..examples import PROCESS_HEAD, PROCESS_TOUCHPOINTS, sub
from ..words import names

if TYPE_CHECKING:
    from ....registry import Registry
    from ....registry import models as m

#: the directions whose processes have a final goal the client comes for: a service, a support measure
_DIRECTIONS = ("services", "support", "functions")

_PADDED = (
    PROCESS_HEAD + "touchpoints:                 # те же ЕПГУ и приемная, только с дописанными потребностями\n"
    "  - touchpoint: epgu\n"
    "    needs: [info, consultation, submit, status, result, feedback]\n"
    "  - touchpoint: reception\n"
    "    needs: [info, consultation, submit, result, feedback_result]\n"
)


@register
class FinalGoalChannelsOnly(NeedsRule):
    """Summary:
        ru: все точки процесса — каналы итоговой цели (портал, приемная, МФЦ), даже если в них дописаны информация и
            консультация
        en: every touchpoint of the process is a final-goal channel (portal, reception, one-stop centre), even if
            information and consultation are written in

    Message:
        ru: формальный подход: все точки процесса «{title}» ({touchpoints}) — каналы, где клиент получает саму
            услугу или меру поддержки; нет канала информирования {info} и канала помощи при подаче {help} — добавьте
            их в процесс (и в перечень)
        en: formal approach: every touchpoint of the process «{title}» ({touchpoints}) is a channel where the client
            gets the service or support measure itself; there is no information channel {info} and no help channel
            {help} — add them to the process (and the catalogue)

    Rationale:
        ru: «Стоит избегать формального подхода при выявлении точек взаимодействия с клиентом, рассмотрения в
            качестве точек только тех, которые используются клиентом для итоговой цели обращения – получение услуги,
            меры поддержки … При анализе не учтено, что клиент имеет потребности в получении информации (на сайте),
            помощи в подаче документов (соответственно может взаимодействовать с ведомством через контактный центр,
            чат-бот, службу технической поддержки, сайт)». Дописанные ЕПГУ и приемной потребности info и
            consultation не добавляют ни сайта, ни контактного центра (разд. «Формирование перечня точек
            взаимодействия»).
        en: The methodology warns against the formal approach: counting only the touchpoints the client uses for the
            final goal — the service, the support measure. The client also needs information (on the website) and
            help submitting (contact centre, chatbot, technical support, the website). Writing info and consultation
            into the portal and the reception adds neither a website nor a contact centre (section «Формирование
            перечня точек взаимодействия» (forming the register)).
    """

    severity = "warning"

    def lacks(self, reg: Registry, proc: m.Process, got: set[str]) -> dict[str, Any] | None:
        if proc.direction not in _DIRECTIONS:
            return None
        if "info" not in got and "consultation" not in got:
            return None  # TP101's
        tps = [reg.touchpoints.get(e.touchpoint) for e in proc.touchpoints]
        if any(tp is None or tp.channel not in FINAL_GOAL_CHANNELS for tp in tps):
            return None
        return {
            "touchpoints": names(list(dict.fromkeys(reg.tp_name(e.touchpoint) for e in proc.touchpoints)), limit=4),
            "info": Bi(
                "(официальный сайт, социальная сеть, мессенджер)", "(the website, a social network, a messenger)"
            ),
            "help": Bi(
                "(контактный центр, телефон, чат-бот, техническая поддержка сайта)",
                "(contact centre, phone, chatbot, the website's technical support)",
            ),
        }

    anti_pattern = {"processes/child-benefit.yaml": _PADDED}
    best_practice = {
        "processes/child-benefit.yaml": PROCESS_HEAD
        + sub(
            sub(
                PROCESS_TOUCHPOINTS, "  - touchpoint: site\n", "  - touchpoint: site           # канал информирования\n"
            ),
            "  - touchpoint: phone\n",
            "  - touchpoint: phone          # канал помощи при подаче\n",
        )
    }
