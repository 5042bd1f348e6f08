"""A <select> and an <input> rendered in Python, for pages where Django's widget templates are the cost.

Django renders a select with one template include per <option> (plus one for its attributes): on the public post
search, three region selects and the education select took about 30 % of the page's time (issue 12). FastSelect
writes the same characters as django/forms/widgets/select.html and select_option.html, and FastInput those of
input.html, with the same escaping; tests/core/test_widgets.py compares the renderings. Use them only where no
project template overrides those Django templates (none does).

A form whose choices come from a few fixed lists (the regions under each city) may also give a FastSelect an
`options_memo`: a dict it owns and the key that names the select's choices there, so that each list's <option>s
are written once per selected value and language, not on every page. The form empties the dict when the lists
change.
"""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

MEMO_MAX = 5_000


def _attributes(attrs: dict) -> str:
    # As django/forms/widgets/attrs.html: False leaves the attribute out, True writes the bare name.
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"'
        for name, value in attrs.items() if value is not False
    )


class FastSelect(forms.Select):
    options_memo: tuple[dict, object] | None = None

    def render(self, name, value, attrs=None, renderer=None):
        if self.options_memo is None or self.option_inherits_attrs:
            widget = self.get_context(name, value, attrs)["widget"]
            options = self._options(widget["optgroups"])
        else:
            # What get_context gives, but for the options: those come from the memo when written before.
            widget = {"name": name, "attrs": self.build_attrs(self.attrs, attrs)}
            if self.allow_multiple_selected:
                widget["attrs"]["multiple"] = True
            store, key = self.options_memo
            # A value that is no choice selects nothing, as no value does: it is left out of the key, so what a
            # visitor types cannot add entries.
            known = set(self._choice_values())
            selected = tuple(chosen for chosen in self.format_value(value) if chosen in known)
            memo_key = (key, get_language(), selected)
            options = store.get(memo_key)
            if options is None:
                options = self._options(self.optgroups(name, list(selected), widget["attrs"]))
                if len(store) >= MEMO_MAX:
                    store.clear()
                store[memo_key] = options
        return mark_safe(f'<select name="{conditional_escape(widget["name"])}"{_attributes(widget["attrs"])}>'
                         f"{options}\n</select>")

    def _choice_values(self):
        for option_value, option_label in self.choices:
            if isinstance(option_label, (list, tuple)):
                yield from (str(inner) for inner, _label in option_label)
            else:
                yield str(option_value)

    @staticmethod
    def _options(optgroups) -> str:
        parts = []
        for group_name, group_choices, _index in optgroups:
            if group_name:
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in group_choices:
                # select.html puts "\n  " before each option; the included option template keeps its final "\n".
                parts.append(f'\n  <option value="{conditional_escape(str(option["value"]))}"'
                             f'{_attributes(option["attrs"])}>{conditional_escape(option["label"])}</option>\n')
            if group_name:
                parts.append("\n  </optgroup>")
        return "".join(parts)


class FastInput(forms.TextInput):
    """A TextInput (a "type" in its attrs becomes its input_type, as Django's does) written without input.html."""

    def render(self, name, value, attrs=None, renderer=None):
        value = self.format_value(value)
        # input.html: value="{{ widget.value|stringformat:'s' }}", which keeps a safe string safe.
        if value is not None and not isinstance(value, str):
            value = str(value)
        shown = "" if value is None else f' value="{conditional_escape(value)}"'
        return mark_safe(f'<input type="{conditional_escape(self.input_type)}" name="{conditional_escape(name)}"'
                         f"{shown}{_attributes(self.build_attrs(self.attrs, attrs))}>")
