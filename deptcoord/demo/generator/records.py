"""Department notes in Markdown, some pinned or private, and their search entries built by the
records app's own indexing in bulk."""

from deptcoord.demo.generator.context import Context
from deptcoord.demo.generator.names import NOTE_SENTENCES, NOTES, PRODUCTS, REGIONS, THINGS
from deptcoord.demo.generator.work import members_by_department


def notes(context: Context, progress) -> int:
    """Notes spread over the departments, written by their people, each indexed for search."""
    from deptcoord.records.models import Note
    from deptcoord.search.indexing import index_new_records

    rng = context.rng
    departments = context.made["departments"]
    members = members_by_department(context)
    count = context.scale.notes
    made = 0
    for begin in range(0, count, 2_000):
        rows = []
        for _n in range(begin, min(count, begin + 2_000)):
            department = rng.choice(departments)
            thing_en, thing_vi = rng.choice(THINGS)
            template_en, template_vi = rng.choice(NOTES)
            vietnamese = rng.random() < 0.75
            template = template_vi if vietnamese else template_en
            region_en, region_vi = rng.choice(REGIONS)
            sentences = [
                rng.choice(NOTE_SENTENCES).format(
                    product=rng.choice(PRODUCTS), region=region_en, region_vi=region_vi
                )
                for _ in range(rng.randint(3, 12))
            ]
            rows.append(
                Note(
                    department=department,
                    author=rng.choice(members[department.pk] or context.made["people"]),
                    title=template.format(thing=thing_en, thing_vi=thing_vi),
                    body="## " + sentences[0] + "\n\n" + "\n\n".join(f"- {s}" for s in sentences),
                    is_pinned=rng.random() < 0.03,
                    is_private=rng.random() < 0.05,
                )
            )
        created = Note.objects.bulk_create(rows)
        index_new_records(created)
        made += len(created)
        progress(len(created))
    return made
