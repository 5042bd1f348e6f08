import datetime

import pytest
from django.core.management import call_command

from core import daily, tasks
from core.models import DailyRun


@pytest.fixture
def jobs(monkeypatch):
    calls = []
    monkeypatch.setattr(daily, "_jobs", {})

    def counting(*, today):
        calls.append(today)
        return 2

    def broken(*, today):
        raise RuntimeError("boom")

    daily.register_daily_job("test.counting", counting)
    daily.register_daily_job("test.broken", broken)
    return calls


@pytest.mark.django_db
def test_each_job_runs_once_a_day_and_a_failed_one_runs_again(jobs):
    day = datetime.date(2026, 12, 3)
    assert daily.run_daily_jobs(today=day) == {"test.broken": None, "test.counting": 2}
    assert daily.run_daily_jobs(today=day) == {"test.broken": None, "test.counting": None}
    assert jobs == [day]
    assert list(DailyRun.objects.values_list("job", "day", "changed")) == [("test.counting", day, 2)]
    assert daily.run_daily_jobs(today=day, force=True)["test.counting"] == 2
    assert daily.run_daily_jobs(today=day + datetime.timedelta(days=1))["test.counting"] == 2
    assert len(jobs) == 3


@pytest.mark.django_db
def test_command_runs_a_given_day_and_refuses_a_malformed_one(jobs, capsys):
    call_command("run_daily_jobs", "--date", "2026-12-01")
    assert "test.counting: 处理 2 条" in capsys.readouterr().out
    assert jobs == [datetime.date(2026, 12, 1)]
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="日期格式应为 YYYY-MM-DD"):
        call_command("run_daily_jobs", "--date", "2026-13-01")


@pytest.mark.django_db
def test_schedule_enqueues_one_nightly_run(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    from django_tasks_db.models import DBTaskResult

    assert tasks.schedule_next_run() is True
    assert tasks.schedule_next_run() is False
    task = DBTaskResult.objects.get()
    assert task.task_path == "core.tasks.daily_jobs"
    assert task.run_after is not None


def test_next_run_is_the_coming_half_past_midnight():
    from django.utils import timezone

    now = timezone.make_aware(datetime.datetime(2026, 12, 3, 10, 0))
    assert timezone.localtime(tasks.next_run_after(now)) == timezone.make_aware(datetime.datetime(2026, 12, 4, 0, 30))
