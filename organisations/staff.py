"""The staff roster (人员信息, manual 004 §6.1) lives in staff_forms, staff_selectors, staff_services,
staff_views, staff_urls and staff_batch; `register_staff()` hooks it into the menu and the batch engine."""

from django.utils.translation import gettext_lazy as _

_registered = False


def register_staff() -> None:
    """Idempotent, so both OrganisationsConfig.ready() and BatchConfig.ready() may call it."""
    global _registered
    if _registered:
        return
    from core.navigation import NavEntry, add_entry
    from organisations.staff_batch import register_staff_batch_specs

    add_entry("org", NavEntry(label=_("人员信息"), url_name="staff:list", icon="people",
                              permission="organisations.manage_staff", needs_organisation=True))
    register_staff_batch_specs()
    from organisations.staff_links import register_staff_link_constraint

    register_staff_link_constraint()
    from core.constraints import register_constraint
    from organisations.models import StaffMember
    from organisations.staff_forms import DUPLICATE_ID_NUMBER

    # Two requests (or an import beside a screen) may both pass the form's check of the ID number; the constraint
    # lets one in, and the other gets the form's own message.
    register_constraint(StaffMember, "staff_unique_per_organisation", DUPLICATE_ID_NUMBER, form_field="id_number",
                        code="duplicate")
    _registered = True
