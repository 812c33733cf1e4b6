"""The search index now belongs to the search app (see its first migration): the records app
forgets the models; the tables, their rows and the full-text objects stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0002_full_text_index"),
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(model_name="searchentry", name="search_entry_once"),
                migrations.DeleteModel(name="SearchIndexRow"),
                migrations.DeleteModel(name="SearchText"),
                migrations.DeleteModel(name="SearchEntry"),
            ]
        )
    ]
