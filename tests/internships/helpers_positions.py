"""The position form's POST data, built from tests.internships.factories.position_fields."""

import datetime

from internships.forms.positions import BOOLEAN_FIELDS
from tests.internships import factories as f


def form_data(**overrides) -> dict:
    fields = f.position_fields(**{"pay_period": "monthly", "pay_method": "money", "exemption_note": "",
                                  "charges_fees": False, "retains_documents": False, "entertainment_venue": False,
                                  "via_intermediary": False, **overrides})
    data = {}
    for name, value in fields.items():
        if name in BOOLEAN_FIELDS:
            data[name] = "yes" if value else "no"
        elif name == "work_region":
            data[name] = value.code
        elif isinstance(value, datetime.date):
            data[name] = value.isoformat()
        else:
            data[name] = str(value)
    return data
