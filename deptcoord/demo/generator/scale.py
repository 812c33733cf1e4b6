"""How big each size of company is."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    """Record counts of one company size."""

    departments: int
    people: int
    goals: int
    key_results: int
    check_ins: int
    projects: int
    steps: int
    dependencies: int
    meetings: int
    notes: int
    audit_entries: int


SIZES = {
    "S": Scale(
        departments=6,
        people=80,
        goals=200,
        key_results=600,
        check_ins=2_400,
        projects=20,
        steps=2_000,
        dependencies=3_000,
        meetings=400,
        notes=600,
        audit_entries=2_000,
    ),
    "M": Scale(
        departments=20,
        people=600,
        goals=1_500,
        key_results=4_500,
        check_ins=18_000,
        projects=250,
        steps=25_000,
        dependencies=37_500,
        meetings=5_000,
        notes=8_000,
        audit_entries=20_000,
    ),
    "L": Scale(
        departments=40,
        people=2_000,
        goals=5_000,
        key_results=15_000,
        check_ins=60_000,
        projects=1_000,
        steps=100_000,
        dependencies=150_000,
        meetings=20_000,
        notes=30_000,
        audit_entries=100_000,
    ),
}
