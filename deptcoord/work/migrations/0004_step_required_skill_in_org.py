# A step's required skill now points at org's skill catalogue: the same table, so only the state
# changes.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('org', '0002_skill_catalogue'),
        ('work', '0003_step_required_skill'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='step',
                    name='required_skill',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='steps', to='org.skill', verbose_name='required skill'),
                ),
            ],
            database_operations=[],
        ),
    ]
