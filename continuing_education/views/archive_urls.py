"""The archive's pages (培训档案, 培训历程, 学时证明 and its public verification, 我的培训档案, 学时要求), included by
continuing_education/urls.py into the namespace "continuing_education"."""

from django.urls import path

from continuing_education.views import archive, archive_rules

urlpatterns = [
    path("archive/", archive.archive, name="archive"),
    path("archive/<int:pk>/", archive.archive_detail, name="archive_detail"),
    path("archive/<int:pk>/certificate/", archive.certificate, name="certificate"),
    path("my-archive/", archive.my_archive, name="my_archive"),
    path("certificates/verify/", archive.certificate_verify, name="certificate_verify"),
    path("hours-rules/", archive_rules.rules, name="rules"),
    path("hours-rules/new/", archive_rules.rule_new, name="rule_new"),
    path("hours-rules/<int:pk>/edit/", archive_rules.rule_edit, name="rule_edit"),
]
