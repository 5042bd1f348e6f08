"""Reading business history. The caller has already checked that the user may see the subject."""

from django.contrib.contenttypes.models import ContentType

from timeline.models import Event


def events_for(subject):
    return Event.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
    ).select_related("actor_org")
