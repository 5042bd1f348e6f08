import datetime

from django.core.management.base import BaseCommand, CommandError

from core.daily import run_daily_jobs
from core.tasks import schedule_next_run


class Command(BaseCommand):
    help = "运行每日任务（见习期满、审核通过后逾期未上岗等）；--schedule 只安排后台进程的下一次夜间运行"

    def add_arguments(self, parser):
        parser.add_argument("--schedule", action="store_true", help="安排下一次夜间运行（已安排则不重复）")
        parser.add_argument("--date", help="按指定日期运行（YYYY-MM-DD），用于补跑")
        parser.add_argument("--force", action="store_true", help="当日已运行过的任务也再运行一次")

    def handle(self, *args, schedule=False, date=None, force=False, **options):
        if schedule:
            enqueued = schedule_next_run()
            self.stdout.write("已安排每日任务" if enqueued else "每日任务已在队列中")
            return
        today = None
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError:
                raise CommandError("日期格式应为 YYYY-MM-DD") from None
        for name, changed in run_daily_jobs(today=today, force=force).items():
            self.stdout.write(f"{name}: {'已运行过，跳过' if changed is None else f'处理 {changed} 条'}")
