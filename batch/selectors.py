"""Scoped reads of import/export jobs: a user sees their own jobs; platform staff see all."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from batch.models import BatchJob


def get_jobs_for_user(user) -> QuerySet:
    if not user.is_authenticated:
        return BatchJob.objects.none()
    jobs = BatchJob.objects.select_related("owner")
    if user.is_staff:
        return jobs
    return jobs.filter(owner=user)


def get_job_for_user(user, pk) -> BatchJob:
    return get_object_or_404(get_jobs_for_user(user), pk=pk)
