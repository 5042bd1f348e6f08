"""A <select> rendered in Python, for pages where Django's widget templates are the cost.

Django renders a select with one template include per <option> (plus one for its attributes): on the public post
search, three region selects and the education select took about 30 % of the page's time (issue 12). FastSelect
writes the same characters as django/forms/widgets/select.html and select_option.html, with the same escaping;
tests/core/test_widgets.py compares the two renderings. Use it only where no project template overrides those
Django templates (none does).
"""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def _attributes(attrs: dict) -> str:
    # As django/forms/widgets/attrs.html: False leaves the attribute out, True writes the bare name.
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"'
        for name, value in attrs.items() if value is not False
    )


class FastSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{conditional_escape(widget["name"])}"{_attributes(widget["attrs"])}>']
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in group_choices:
                # select.html puts "\n  " before each option; the included option template keeps its final "\n".
                parts.append(f'\n  <option value="{conditional_escape(str(option["value"]))}"'
                             f'{_attributes(option["attrs"])}>{conditional_escape(option["label"])}</option>\n')
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))
