"""Rebuild the search index from the records themselves (after an import outside the product,
or after restoring a backup)."""

from django.core.management.base import BaseCommand

from deptcoord.search.indexing import rebuild_index


class Command(BaseCommand):
    """Rebuild every search entry."""

    help = "Rebuild the search index over every searchable record."

    def handle(self, *args, **options):
        counts = rebuild_index()
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count}")
        self.stdout.write(
            self.style.SUCCESS(f"Search index rebuilt: {sum(counts.values())} entries.")
        )
