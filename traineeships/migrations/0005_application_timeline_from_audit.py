"""Applications' history moves out of the audit log into the timeline: copy the application entries the
audit log still holds (created, withdrawn, approved, rejected) into timeline events, with their time,
actor and reason. Entries already purged are gone from both."""

from django.db import migrations

LABELS = {"created": "报名", "withdrawn": "撤销报名", "approved": "审核通过", "rejected": "审核不通过"}


def copy_history(apps, schema_editor):
    AuditEntry = apps.get_model("audit", "AuditEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Event = apps.get_model("timeline", "Event")
    application_type, _created = ContentType.objects.get_or_create(app_label="traineeships", model="application")
    entries = AuditEntry.objects.filter(
        target_type="traineeships.Application",
        action__in=["traineeships.application_created", "traineeships.application_status"],
    ).order_by("created_at", "id")
    events = []
    for entry in entries.iterator(chunk_size=2000):
        after = entry.after or {}
        if entry.action == "traineeships.application_created":
            event, status = "created", after.get("status", "pending")
        else:
            event = status = after.get("status", "")
        if not event or not entry.target_id.isdigit():
            continue
        events.append(Event(
            subject_type_id=application_type.pk, subject_id=int(entry.target_id), event=event,
            label=LABELS.get(event, event), status=status, actor_id=entry.actor_id, actor_name=entry.actor_name,
            actor_org_id=entry.actor_org_id, note=after.get("reason", "") or "", created_at=entry.created_at,
        ))
    Event.objects.bulk_create(events, batch_size=1000)


def forget_history(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Event = apps.get_model("timeline", "Event")
    application_type = ContentType.objects.filter(app_label="traineeships", model="application").first()
    if application_type is not None:
        Event.objects.filter(subject_type=application_type).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("traineeships", "0004_parameter_periods_never_overlap"),
        ("timeline", "0001_events"),
        ("audit", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(copy_history, forget_history)]
