"""What every stage shares: the size, the random generators, today, and what was made so far."""

import random
from dataclasses import dataclass, field
from datetime import date

from faker import Faker

from deptcoord.demo.generator.scale import Scale

BATCH = 2_000


@dataclass
class Context:
    """The generator's state, passed from stage to stage."""

    scale: Scale
    seed: int
    today: date
    rng: random.Random = field(init=False)
    faker_vi: Faker = field(init=False)
    faker_en: Faker = field(init=False)
    made: dict = field(default_factory=dict)
    seconds: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.faker_vi = Faker("vi_VN")
        self.faker_vi.seed_instance(self.seed)
        self.faker_en = Faker("en_GB")
        self.faker_en.seed_instance(self.seed + 1)

    def bulk(self, model, objects, progress=None) -> list:
        """Insert ``objects`` in batches, advancing ``progress`` as each batch lands."""
        rows = list(objects)
        created = []
        for begin in range(0, len(rows), BATCH):
            batch = rows[begin : begin + BATCH]
            created += model.objects.bulk_create(batch)
            if progress is not None:
                progress(len(batch))
        return created
