"""Load the shipped GB/T 2260 dataset (used by a data migration and by `manage.py load_regions`)."""

import csv
import datetime
import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_dataset(region_model, dataset_model) -> int:
    """Insert new codes and update names; never delete (old records keep abolished codes)."""
    meta = json.loads((DATA_DIR / "dataset.json").read_text(encoding="utf-8"))
    with open(DATA_DIR / "gbt2260.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_code = {row["code"]: row for row in rows}
    existing = {region.code: region for region in region_model.objects.all()}

    def full_name(row):
        parts = []
        while row:
            parts.append(row["name"])
            row = by_code.get(row["parent_code"])
        parts.reverse()
        # A municipality's city row repeats the province name; show it once.
        deduped = [name for index, name in enumerate(parts) if index == 0 or name != parts[index - 1]]
        return " ".join(deduped)

    new_regions, changed = [], []
    for level in ("province", "city", "county"):
        for row in rows:
            if row["level"] != level:
                continue
            code = row["code"]
            province_code = code[:2] + "0000"
            city_code = "" if level == "province" else (code if level == "city" else row["parent_code"])
            values = dict(
                name=row["name"],
                level=level,
                parent_id=row["parent_code"] or None,
                province_code=province_code,
                city_code=city_code,
                full_name=full_name(row),
            )
            if code in existing:
                region = existing[code]
                if any(getattr(region, key) != value for key, value in values.items()):
                    for key, value in values.items():
                        setattr(region, key, value)
                    changed.append(region)
            else:
                new_regions.append(region_model(code=code, **values))
        # Parents must exist before children under the foreign-key constraint.
        region_model.objects.bulk_create([r for r in new_regions if r.level == level], batch_size=500)
    if changed:
        region_model.objects.bulk_update(
            changed, ["name", "level", "parent_id", "province_code", "city_code", "full_name"], batch_size=500
        )
    dataset_model.objects.create(
        source=meta["source"],
        data_as_of=datetime.date.fromisoformat(meta["data_as_of"]),
        row_count=len(rows),
    )
    return len(rows)
