"""Key scopes: one programme (or the foundation) × one action. A programme registers itself once; its API views
name the programme and the scope follows from the method (reads and writes) or is named (review decisions)."""

from django.utils.translation import gettext_lazy as _

READ, WRITE, REVIEW = "read", "write", "review"
ACTIONS = {
    READ: _("读取"),
    WRITE: _("写入（新建、修改、提交、撤回、导入导出）"),
    REVIEW: _("审核"),
}
FOUNDATION = "organisations"

_programmes: dict[str, str] = {FOUNDATION: _("单位、人员与任务")}


def register_programme(key: str, label) -> None:
    _programmes[key] = label


def programmes() -> dict[str, str]:
    return dict(_programmes)


def scope(programme: str, action: str) -> str:
    return f"{programme}:{action}"


def all_scopes() -> list[str]:
    return [scope(programme, action) for programme in _programmes for action in ACTIONS]


def scope_choices() -> list[tuple[str, str]]:
    return [(scope(programme, action), f"{label} · {ACTIONS[action]}")
            for programme, label in _programmes.items() for action in ACTIONS]


def programme_of_permission(code: str) -> str:
    """The programme a permission code belongs to ("traineeships.review" → traineeships); foundation codes (and
    any code of an app that is not a registered programme) belong to the foundation."""
    prefix = code.split(".", 1)[0]
    return prefix if prefix in _programmes else FOUNDATION
