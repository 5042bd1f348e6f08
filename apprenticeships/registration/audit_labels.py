"""The Chinese label of every audit action code the programme writes (audit.labels)."""

from django.utils.translation import gettext_lazy as _  # noqa: F401  (used by the sections below)

from audit.labels import register_action

LABELS = {
    # --- filing ----------------------------------------------------------------------------------------------

    # --- people ----------------------------------------------------------------------------------------------

    # --- changes ---------------------------------------------------------------------------------------------

    # --- tracking --------------------------------------------------------------------------------------------

    # --- claims ----------------------------------------------------------------------------------------------

    # --- hr --------------------------------------------------------------------------------------------------
}


def register_audit_labels() -> None:
    for code, label in LABELS.items():
        register_action(code, label)
