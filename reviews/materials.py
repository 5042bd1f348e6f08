"""What a reviewer reads beside the decision form on /reviews/<id>/: the subject's materials (its data, the
generated documents and the uploaded scans), registered per review kind by the app that owns the subject.

A kind without registered materials shows a link to its subject page instead."""

from collections.abc import Callable
from typing import Any

# materials(subject, user) -> (template name, context) or None when there is nothing to show
_materials: dict[str, Callable[[Any, Any], tuple[str, dict] | None]] = {}


def register_materials(kind_key: str, materials: Callable[[Any, Any], tuple[str, dict] | None]) -> None:
    _materials[kind_key] = materials


def materials_for(kind_key: str, subject, user) -> dict | None:
    """{"template": ..., "context": ...} for the review page, or None."""
    materials = _materials.get(kind_key)
    if materials is None or subject is None:
        return None
    found = materials(subject, user)
    if found is None:
        return None
    template, context = found
    return {"template": template, "context": context}
