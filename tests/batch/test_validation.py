"""batch.validation.RowValidator: a field that raises instead of reporting is that row's error, not the job's."""

import datetime

from django import forms

from batch.validation import RowValidator


class YearField(forms.CharField):
    def to_python(self, value):
        # Like a hand-written parser that forgets to check its range: year 0 raises ValueError.
        return datetime.date(int(value or 1), 1, 1) if value else None


class RowForm(forms.Form):
    name = forms.CharField(label="姓名")
    year = YearField(label="年份", required=False)


def test_an_exception_inside_the_form_names_the_column_and_the_next_row_validates():
    validator = RowValidator(RowForm, {}, {"name": "姓名", "year": "入学年份"})
    assert validator.validate({"name": "张三", "year": "0"}) == (None, "入学年份：内容无法识别（0）")
    assert validator.validate({"name": "李四", "year": "2020"}) == (
        {"name": "李四", "year": datetime.date(2020, 1, 1)}, "")
    assert validator.validate({"name": "", "year": ""}) == (None, "姓名：这个字段是必须的")
