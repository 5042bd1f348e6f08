"""The staff import's fast validation (batch.fast_validation) gives exactly the form's results: the same file
imported both ways has the same counters, row errors, messages and stored rows."""

import dataclasses
import datetime

import pytest

from batch import fast_validation, registry
from batch.models import BatchJob
from organisations.models import StaffMember
from organisations.staff_forms import StaffMemberForm
from tests.batch.helpers import id_number, xlsx_bytes

TODAY = datetime.date.today()
MAN = id_number("19900307", 123)  # odd sequence: male
WOMAN = id_number("19920512", 224)
LONG = "长" * 64  # the longest text the roster's columns take
WITH_X = next(number for number in (id_number("19881212", seq) for seq in range(1000)) if number.endswith("X"))


def good_rows():
    """Valid rows in every shape a cell arrives in: dates as dates and as text, wages as numbers and text,
    labels and values for choices, blanks, the longest texts, a lower-case x, spaces around values."""
    rows = []
    for seq in range(40):
        number = id_number(f"19{70 + seq % 20}0{1 + seq % 9}1{seq % 9}", 100 + seq)
        male = int(number[16]) % 2
        gender = (("男" if male else "女"), "", ("male" if male else "female"), "")[seq % 4]
        hired = (datetime.date(2010, 1 + seq % 12, 1 + seq % 28), "2016/3/1", "2012-07-01", "", "2014年5月6日")[seq % 5]
        wage = (6500, 5200.5, "3000.25", "", 0, "12345678.99")[seq % 6]
        rows.append([f"员工{seq}", number, gender, ("13812345678", "", " 13912345678 ")[seq % 3],
                     ("技术部", "", LONG)[seq % 3], ("工程师", "")[seq % 2], hired, wage,
                     ("大学本科", "", "master", "硕士研究生")[seq % 4], ("中级", "", "none")[seq % 3],
                     ("工程技术", "", LONG)[seq % 3]])
    rows.append(["  张 三  ", f" {WITH_X.lower()} ", "", "", "", "", "", "", "", "", ""])
    return rows


def bad_rows():
    """A row for every kind of bad cell the form refuses, and duplicates in the file."""
    wrong_digit = MAN[:17] + ("0" if MAN[17] != "0" else "1")
    return [
        ["校验位", wrong_digit, "", "", "", "", "", "", "", "", ""],
        ["日期", id_number("19800101", 301), "", "", "", "", "2015-13-01", "", "", "", ""],
        ["未来", id_number("19800101", 303), "", "", "", "", TODAY + datetime.timedelta(days=3), "", "", "", ""],
        ["童工", id_number("20000101", 305), "", "", "", "", datetime.date(2010, 1, 1), "", "", "", ""],
        ["负工资", id_number("19800101", 307), "", "", "", "", "", -1, "", "", ""],
        ["小数", id_number("19800101", 309), "", "", "", "", "", "1.234", "", "", ""],
        ["太多", id_number("19800101", 311), "", "", "", "", "", 123456789012, "", "", ""],
        ["工资字", id_number("19800101", 313), "", "", "", "", "", "六千", "", "", ""],
        ["长" * 65, id_number("19800101", 315), "", "", "", "", "", "", "", "", ""],
        ["部门长", id_number("19800101", 317), "", "", "长" * 65, "", "", "", "", "", ""],
        ["性别", id_number("19800101", 319), "未知", "", "", "", "", "", "", "", ""],
        ["不符", MAN, "女", "", "", "", "", "", "", "", ""],
        ["", WOMAN, "", "", "", "", "", "", "", "", ""],
        ["无号", "", "", "", "", "", "", "", "", "", ""],
        ["手机", id_number("19800101", 321), "", "1381234", "", "", "", "", "", "", ""],
        ["学历", id_number("19800101", 323), "", "", "", "", "", "", "小学", "", ""],
        ["职称", id_number("19800101", 325), "", "", "", "", "", "", "", "特级", ""],
        ["号码短", "4101051990", "", "", "", "", "", "", "", "", ""],
        ["生日", "410105199002301234", "", "", "", "", "", "", "", "", ""],
        ["数字号", 410105199003071000, "", "", "", "", "", "", "", "", ""],
        ["重复", good_rows()[0][1], "", "", "", "", "", "", "", "", ""],  # same ID as a good row before it
    ]


@pytest.fixture
def signed_in(client, admin_a):
    client.force_login(admin_a)
    return client


@pytest.fixture
def fast_switch():
    """set(on): the staff spec with fast validation on or off; restores the registered spec afterwards."""
    original = registry.get_import("staff")
    assert original.fast_validation

    def set_fast(on: bool):
        registry.register_import(dataclasses.replace(original, fast_validation=on))

    yield set_fast
    registry.register_import(original)


@pytest.fixture
def fast_accepted(monkeypatch):
    """Counts the rows the fast path accepted (so the test knows it ran) without changing what it does."""
    counts = []
    original = fast_validation.FastRowCleaner.clean

    def clean(self, data):
        cleaned = original(self, data)
        counts.append(cleaned is not None)
        return cleaned

    monkeypatch.setattr(fast_validation.FastRowCleaner, "clean", clean)
    return counts


def outcome(job):
    staff = sorted(StaffMember.objects.values_list(
        "name", "id_number", "gender", "birth_date", "mobile", "department_name", "job_title", "hired_on",
        "monthly_wage", "education", "title_level", "title_series",
    ), key=lambda row: row[1])
    counters = (job.status, job.processed_rows, job.created_rows, job.updated_rows, job.unchanged_rows,
                job.failed_rows)
    return counters, sorted(job.row_errors.values_list("row_number", "values", "message")), staff


def import_both_ways(post_import, client, fast_switch, files):
    """Import `files` in turn with fast validation on, then again from scratch with it off: the outcomes."""
    results = {}
    for on in (True, False):
        StaffMember.objects.all().delete()
        BatchJob.objects.all().delete()
        fast_switch(on)
        results[on] = []
        for content in files:
            post_import(client, content)
            results[on].append(outcome(BatchJob.objects.order_by("pk").last()))
    return results[True], results[False]


def test_the_same_file_both_ways_gives_identical_errors_and_rows(post_import, signed_in, fast_switch, fast_accepted):
    good, bad = good_rows(), bad_rows()
    rows = good[:20] + bad[:11] + good[20:] + bad[11:]
    fast, plain = import_both_ways(post_import, signed_in, fast_switch, [xlsx_bytes(rows)])
    assert fast == plain
    counters, errors, staff = fast[0]
    assert counters[1:] == (len(rows), len(good), 0, 0, len(bad))
    assert len(errors) == len(bad) and all(message for _number, _values, message in errors)
    assert len(staff) == len(good)
    # The fast path accepted every good row itself, and the repeated ID (a valid row, refused afterwards by the
    # in-file duplicate check); the form ran only for the rows it refuses.
    assert fast_accepted.count(True) == len(good) + 1


def test_reimporting_changed_rows_updates_the_same_way(post_import, signed_in, fast_switch):
    first = good_rows()
    second = [list(row) for row in first]
    for row in second[::4]:
        row[4] = "新部门"  # updated
    second[1][7] = -5  # now refused
    second.append(["新人", id_number("19850505", 999), "", "", "", "", "", "", "", "", ""])  # created
    fast, plain = import_both_ways(post_import, signed_in, fast_switch, [xlsx_bytes(first), xlsx_bytes(second)])
    assert fast == plain
    assert fast[1][0][1:] == (len(second), 1, len(first[::4]), len(first) - len(first[::4]) - 1, 1)


def test_fast_path_accepts_only_what_the_form_accepts_with_the_same_cleaned_data():
    form = StaffMemberForm(data={}, organisation=None, check_existing=False)
    cleaner = fast_validation.build(form)
    assert cleaner is not None
    cases = [
        {"name": "张三", "id_number": MAN, "gender": "", "mobile": "", "department_name": "", "job_title": "",
         "hired_on": datetime.date(2015, 7, 1), "monthly_wage": "6500.5", "education": "bachelor",
         "title_level": "", "title_series": ""},
        {"name": "张三", "id_number": MAN, "gender": "female"},  # contradicts the ID
        {"name": "张三", "id_number": MAN, "hired_on": datetime.datetime(2015, 7, 1, 8, 0)},  # a date with a time
        {"name": "张三", "id_number": MAN, "monthly_wage": "1e3"},
        {"name": "张三", "id_number": MAN, "monthly_wage": " 12.50 "},
        {"name": "张三", "id_number": MAN, "monthly_wage": "-0"},
        {"name": "张三", "id_number": MAN, "mobile": 13812345678},  # not text
        {"name": "\x00", "id_number": MAN},
        {"name": "张三"},
        {},
    ]
    for data in cases:
        fast = cleaner.clean(dict(data))
        plain = StaffMemberForm(data=dict(data), organisation=None, check_existing=False)
        if plain.is_valid():
            assert fast is None or fast == plain.cleaned_data, data
        else:
            assert fast is None, (data, plain.errors)
    assert cleaner.clean(dict(cases[0])) is not None


def test_a_form_the_fast_path_cannot_reproduce_is_validated_by_the_form_alone():
    class WithAccount(StaffMemberForm):
        class Meta(StaffMemberForm.Meta):
            fields = [*StaffMemberForm.Meta.fields, "account"]  # a relation: the form queries it

    assert fast_validation.build(WithAccount(data={}, organisation=None, check_existing=False)) is None
