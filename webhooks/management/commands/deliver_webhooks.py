"""Send the webhook deliveries that are due. The worker's tasks send new ones at once; this sweep catches the
retries when the task backend cannot defer, and anything a stopped worker left behind.

    manage.py deliver_webhooks            # once
    manage.py deliver_webhooks --loop     # every 30 s until stopped (scripts/start runs it beside the worker)
"""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from webhooks.delivery import SWEEP_BATCH, deliver_due

INTERVAL_SECONDS = 30


class Command(BaseCommand):
    help = "发送到期的事件推送（--loop 每 30 秒一次）"

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="每 30 秒检查一次，直到进程停止")

    def handle(self, *args, loop=False, **options):
        while True:
            attempted = deliver_due()
            if attempted or not loop:
                self.stdout.write(f"已尝试发送 {attempted} 条事件推送")
            if not loop:
                return
            if attempted < SWEEP_BATCH:  # a full batch means more are due: go on at once
                time.sleep(INTERVAL_SECONDS)
            close_old_connections()
