"""Writing business history: called by the services, in the transaction of the change they record."""

from django.contrib.contenttypes.models import ContentType

from timeline.models import Event


def add_event(*, subject, event: str, label, actor, status: str = "", note: str = "") -> Event:
    return Event.objects.create(
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        event=event,
        label=str(label)[:64],
        status=status,
        actor=actor if actor is not None and actor.pk else None,
        actor_name=(getattr(actor, "real_name", "") or getattr(actor, "username", "")) if actor else "",
        actor_org=getattr(actor, "organisation", None) if actor is not None else None,
        note=note or "",
    )
