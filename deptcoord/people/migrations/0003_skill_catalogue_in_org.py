# The skill catalogue now lives in org (org 0002): people's keys point at it and its models
# leave people's state. Nothing changes in the database: the tables and rows stay.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('org', '0002_skill_catalogue'),
        ('people', '0002_development_action_step'),
        ('work', '0004_step_required_skill_in_org'),  # no key points at people's skill any more
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='assessment',
                    name='skill',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='assessments', to='org.skill', verbose_name='skill'),
                ),
                migrations.AlterField(
                    model_name='developmentaction',
                    name='skill',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='development_actions', to='org.skill', verbose_name='skill'),
                ),
                migrations.AlterField(
                    model_name='roletarget',
                    name='skill',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='targets', to='org.skill', verbose_name='skill'),
                ),
                migrations.DeleteModel(name='Skill'),
                migrations.DeleteModel(name='SkillCategory'),
            ],
            database_operations=[],
        ),
    ]
