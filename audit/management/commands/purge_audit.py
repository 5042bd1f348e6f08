from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from audit.models import AuditEntry
from audit.services import purge_older_than, retention_cutoff


class Command(BaseCommand):
    help = "删除超过保存期限（AUDIT_RETENTION_DAYS，至少 183 天）的操作日志。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="只统计将被删除的条数，不删除。"
        )

    def handle(self, *args, dry_run=False, **options):
        days = settings.AUDIT_RETENTION_DAYS
        cutoff = timezone.localtime(retention_cutoff(days))
        if dry_run:
            count = AuditEntry.objects.filter(created_at__lt=cutoff).count()
            self.stdout.write(f"将删除 {count} 条 {cutoff:%Y-%m-%d %H:%M} 之前的操作日志（保存期限 {days} 天）。")
            return
        deleted = purge_older_than(days=days)
        self.stdout.write(f"已删除 {deleted} 条 {cutoff:%Y-%m-%d %H:%M} 之前的操作日志（保存期限 {days} 天）。")
