# The skill catalogue moves from the people app to org: the state only, the tables stay as they
# are (people_skillcategory, people_skill) with their rows and every key pointing at them.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('org', '0001_initial'),
        ('people', '0001_initial'),  # creates the tables
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SkillCategory',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('name_en', models.CharField(blank=True, max_length=120, verbose_name='name (English)')),
                        ('name_vi', models.CharField(blank=True, max_length=120, verbose_name='name (Vietnamese)')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                    ],
                    options={
                        'verbose_name': 'skill category',
                        'verbose_name_plural': 'skill categories',
                        'db_table': 'people_skillcategory',
                        'ordering': ['position', 'name_en', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='Skill',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('name_en', models.CharField(blank=True, max_length=120, verbose_name='name (English)')),
                        ('name_vi', models.CharField(blank=True, max_length=120, verbose_name='name (Vietnamese)')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('is_active', models.BooleanField(default=True, verbose_name='active')),
                        ('category', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='skills', to='org.skillcategory', verbose_name='category')),
                    ],
                    options={
                        'verbose_name': 'skill',
                        'verbose_name_plural': 'skills',
                        'db_table': 'people_skill',
                        'ordering': ['category__position', 'name_en', 'id'],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
