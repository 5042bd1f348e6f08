import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Q
from django.db.models.expressions import RawSQL

from audit.labels import label_for
from audit.models import AuditEntry
from core.masking import mask_personal_data


def audit_entries_for_user(user):
    """Platform staff read the whole log; an organisation's users holding organisations.view_logs read
    what their own organisation's people did. Anyone else is refused (403)."""
    if not user.is_authenticated:
        raise PermissionDenied
    if user.is_staff or user.is_superuser:
        return AuditEntry.objects.select_related("actor", "actor_org")
    if user.organisation_id is None or not user.has_perm("organisations.view_logs"):
        raise PermissionDenied
    return AuditEntry.objects.filter(actor_org_id=user.organisation_id).select_related("actor", "actor_org")


def scope_organisation_id(user) -> int | None:
    """The organisation whose entries audit_entries_for_user(user) holds; None for platform staff (every entry)."""
    return None if user.is_staff or user.is_superuser else user.organisation_id


def filter_entries(queryset, data: dict, *, organisation_id: int | None = None):
    """Apply the cleaned filters of audit.forms.AuditFilterForm. `organisation_id`: the queryset holds only that
    organisation's entries (scope_organisation_id of audit_entries_for_user's user), which lets the actor's search
    take a cheaper plan with the same rows."""
    if data.get("actor"):
        term = data["actor"]
        if organisation_id is None:
            queryset = queryset.filter(Q(actor_name__icontains=term) | Q(actor__username__icontains=term))
        else:
            # The few people who acted for the organisation are found first (one index probe each) and the entries
            # then by their key: no join to the users, so the entries are read in order from the
            # (actor_org, created_at, id) index, which carries actor and actor_name (PostgreSQL: INCLUDE), and
            # the heap is visited only for the page's rows. The rows are those of the join.
            named = list(get_user_model().objects.filter(pk__in=_organisation_actors(organisation_id),
                                                         username__icontains=term).values_list("pk", flat=True))
            condition = Q(actor_name__icontains=term)
            if named:
                condition |= Q(actor_id__in=named)
            queryset = queryset.filter(condition)
    if data.get("action"):
        queryset = queryset.filter(action=data["action"])
    if data.get("target_type"):
        queryset = queryset.filter(target_type=data["target_type"])
    if data.get("date_from"):
        queryset = queryset.filter(created_at__date__gte=data["date_from"])
    if data.get("date_to"):
        queryset = queryset.filter(created_at__date__lte=data["date_to"])
    if data.get("ip"):
        queryset = queryset.filter(ip_address__startswith=data["ip"])
    return queryset


def target_type_label(target_type: str) -> str:
    model = _model_for(target_type)
    return str(model._meta.verbose_name) if model is not None else target_type


def action_choices(queryset) -> list[tuple[str, str]]:
    codes = set(queryset.order_by().values_list("action", flat=True).distinct())
    return sorted(((code, label_for(code)) for code in codes), key=lambda item: item[1])


def target_type_choices(queryset) -> list[tuple[str, str]]:
    types = set(queryset.exclude(target_type="").order_by().values_list("target_type", flat=True).distinct())
    return sorted(((code, target_type_label(code)) for code in types), key=lambda item: item[1])


def filter_choices_for_user(user) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(action choices, target type choices) of the log's screen: what action_choices and target_type_choices
    give for audit_entries_for_user(user), read without a DISTINCT over every entry in scope (a million entries
    took 0.3 s each on PostgreSQL): each next value is the smallest one above the last, found in the
    (action) / (target_type, …) / (actor_org, action) / (actor_org, target_type) indexes."""
    audit_entries_for_user(user)  # the same permission check (403)
    organisation_id = scope_organisation_id(user)
    actions = _distinct_values("action", organisation_id, above_blank=False)
    types = _distinct_values("target_type", organisation_id, above_blank=True)
    return (sorted(((code, label_for(code)) for code in actions), key=lambda item: item[1]),
            sorted(((code, target_type_label(code)) for code in types), key=lambda item: item[1]))


def _distinct_values(column: str, organisation_id: int | None, *, above_blank: bool) -> list[str]:
    """The distinct values of one of AuditEntry's columns (in an organisation's entries), one index probe per
    value: a recursive query (a "loose index scan"), on SQLite and PostgreSQL alike."""
    from django.db import connection

    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    column = connection.ops.quote_name(AuditEntry._meta.get_field(column).column)
    scope, scope_params = ("", []) if organisation_id is None else (
        f"{connection.ops.quote_name('actor_org_id')} = %s AND ", [organisation_id])
    first = ">" if above_blank else ">="
    sql = (
        f"WITH RECURSIVE seen(value) AS ("
        f" SELECT (SELECT MIN({column}) FROM {table} WHERE {scope}{column} {first} %s)"
        f" UNION ALL"
        f" SELECT (SELECT MIN({column}) FROM {table} WHERE {scope}{column} > seen.value)"
        f" FROM seen WHERE seen.value IS NOT NULL"
        f") SELECT value FROM seen WHERE value IS NOT NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*scope_params, "", *scope_params])
        return [row[0] for row in cursor.fetchall()]


def _organisation_actors(organisation_id: int) -> RawSQL:
    """A subquery of the distinct users who acted for the organisation (its entries' actor_id, system entries left
    out), one probe of the (actor_org, actor) index per person (a "loose index scan", as _distinct_values)."""
    from django.db import connection

    quote = connection.ops.quote_name
    table, scope = quote(AuditEntry._meta.db_table), f"{quote('actor_org_id')} = %s"
    actor = quote(AuditEntry._meta.get_field("actor").column)
    return RawSQL(
        f"WITH RECURSIVE seen(value) AS ("
        f" SELECT (SELECT MIN({actor}) FROM {table} WHERE {scope} AND {actor} IS NOT NULL)"
        f" UNION ALL"
        f" SELECT (SELECT MIN({actor}) FROM {table} WHERE {scope} AND {actor} > seen.value)"
        f" FROM seen WHERE seen.value IS NOT NULL"
        f") SELECT value FROM seen WHERE value IS NOT NULL",
        [organisation_id, organisation_id],
    )


def _model_for(target_type: str):
    if not target_type:
        return None
    try:
        return apps.get_model(target_type)
    except (LookupError, ValueError):
        return None


def _display(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, indent=1)
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def _field_label(model, name: str) -> str:
    if model is None:
        return name
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    # A recorded key may name a reverse relation (a count of a year's days): it has no verbose_name.
    label = getattr(field, "verbose_name", None)
    return f"{label}（{name}）" if label else name


def diff_rows(entry: AuditEntry, *, masked: bool = True) -> list[dict]:
    """before/after side by side, one row per key, marking what changed.

    masked: personal identifiers in the recorded data (ID numbers, mobiles, bank accounts) are shown masked,
    as everywhere else, for a reader without organisations.view_personal_data.
    """
    before, after = entry.before, entry.after
    # "changed" compares the recorded values: two mobiles may mask alike.
    raw_before, raw_after = before or {}, after or {}
    if masked:
        before, after = mask_personal_data(before), mask_personal_data(after)
    if before is None and after is None:
        return []
    if not isinstance(before, (dict, type(None))) or not isinstance(after, (dict, type(None))):
        return [{"field": "值", "before": _display(before), "after": _display(after), "changed": before != after}]
    before, after = before or {}, after or {}
    model = _model_for(entry.target_type)
    # JSON objects come back in a different key order on PostgreSQL (jsonb): order by the model's fields.
    positions = {field.name: index for index, field in enumerate(model._meta.fields)} if model else {}
    keys = sorted(set(before) | set(after), key=lambda key: (positions.get(key, len(positions)), key))
    return [
        {
            "field": _field_label(model, key),
            "before": _display(before.get(key)) if key in before else "—",
            "after": _display(after.get(key)) if key in after else "—",
            "changed": (entry.before is not None and entry.after is not None
                        and raw_before.get(key) != raw_after.get(key)),
        }
        for key in keys
    ]
