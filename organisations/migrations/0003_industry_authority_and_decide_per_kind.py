
from django.db import migrations, models

# reviews.decide, one permission for every kind of review, became one decide permission per review kind.
# A role that held it keeps deciding everything it decided: it gets every kind's permission (as of this
# migration; kinds added later are granted by the organisations themselves).
OLD = "reviews.decide"
PER_KIND = ["organisations.review_verification", "traineeships.review"]


def expand_decide(apps, schema_editor):
    Role = apps.get_model("organisations", "Role")
    for role in Role.objects.all():
        if OLD in role.permissions:
            codes = [code for code in role.permissions if code != OLD]
            role.permissions = codes + [code for code in PER_KIND if code not in codes]
            role.save(update_fields=["permissions"])


def collapse_decide(apps, schema_editor):
    Role = apps.get_model("organisations", "Role")
    for role in Role.objects.all():
        if any(code in role.permissions for code in PER_KIND):
            codes = [code for code in role.permissions if code not in PER_KIND]
            role.permissions = codes + [OLD]
            role.save(update_fields=["permissions"])


class Migration(migrations.Migration):

    dependencies = [
        ('organisations', '0002_activation_and_creator'),
    ]

    operations = [
        migrations.AlterField(
            model_name='organisation',
            name='authority',
            field=models.CharField(blank=True, choices=[('hr', '人力资源和社会保障部门'), ('education', '教育部门'), ('industry', '行业主管部门')], max_length=16, verbose_name='部门类别'),
        ),
        migrations.RunPython(expand_decide, collapse_decide),
    ]
