"""Gaps, strengths and mentoring suggestions: hand-checked examples and properties."""

from hypothesis import given
from hypothesis import strategies as st

from deptcoord.people.gaps import (
    Colleague,
    Gap,
    department_best,
    gaps,
    mentoring_suggestions,
    strengths,
)


def test_a_gap_is_a_skill_below_target_and_an_unassessed_skill_counts_as_zero():
    found = gaps({1: 2, 2: 4, 3: 5}, {1: 4, 2: 4, 3: 3, 4: 2})
    assert found == [Gap(1, 2, 4, True), Gap(4, 0, 2, False)]
    assert [gap.shortfall for gap in found] == [2, 2]


def test_strengths_are_a_level_above_target_or_the_department_best():
    levels = {1: 5, 2: 3, 3: 4, 4: 2}
    targets = {1: 4, 2: 3, 3: 4}
    best = department_best([levels, {3: 4, 4: 5, 2: 2}])
    found = {strength.skill_id: strength for strength in strengths(levels, targets, best)}
    assert set(found) == {1, 2, 3}
    assert found[1].above_target and found[1].best_in_department
    assert not found[2].above_target and found[2].best_in_department  # 3 tops the department
    assert found[3].best_in_department  # shared top level 4
    # level 2 in skill 4 is neither above a target nor at the department's best (5)


def test_a_weak_department_best_is_not_a_strength():
    assert strengths({1: 2}, {}, department_best([{1: 2}, {1: 1}])) == []


def test_mentors_are_strong_free_and_never_the_person_ranked_by_level_then_time():
    gap = Gap(skill_id=7, level=1, target=3, assessed=True)
    colleagues = [
        Colleague(1, 10, {7: 5}, free_hours=4),  # the person themselves
        Colleague(2, 10, {7: 4}, free_hours=3),
        Colleague(3, 20, {7: 5}, free_hours=0.5),  # strong but no time
        Colleague(4, 20, {7: 5}, free_hours=2),
        Colleague(5, 10, {7: 2}, free_hours=8),  # not strong enough
        Colleague(6, 20, {7: 4}, free_hours=3),
    ]
    found = mentoring_suggestions(1, 10, [gap], colleagues)
    assert [(s.mentor_id, s.same_department) for s in found] == [(4, False), (2, True), (6, False)]


levels = st.dictionaries(st.integers(1, 8), st.integers(0, 5), max_size=8)
colleague = st.builds(
    Colleague,
    person_id=st.integers(1, 30),
    department_id=st.sampled_from([None, 1, 2]),
    levels=levels,
    free_hours=st.floats(0, 10),
)


@given(levels, levels)
def test_every_gap_is_below_target_and_every_skill_below_target_is_a_gap(mine, targets):
    found = {gap.skill_id for gap in gaps(mine, targets)}
    assert found == {skill for skill, target in targets.items() if mine.get(skill, 0) < target}


@given(levels, levels, st.lists(levels, max_size=5))
def test_no_skill_is_both_a_gap_and_above_target(mine, targets, department):
    best = department_best([mine, *department])
    gap_ids = {gap.skill_id for gap in gaps(mine, targets)}
    above = {s.skill_id for s in strengths(mine, targets, best) if s.above_target}
    assert not gap_ids & above


@given(st.integers(1, 30), levels, levels, st.lists(colleague, max_size=12))
def test_suggestions_respect_strength_time_and_order(person_id, mine, targets, colleagues):
    person_gaps = gaps(mine, targets)
    found = mentoring_suggestions(person_id, 1, person_gaps, colleagues, hours_needed=1.0)
    by_id = {c.person_id: c for c in colleagues}
    target_of = {gap.skill_id: gap.target for gap in person_gaps}
    for suggestion in found:
        assert suggestion.mentor_id != person_id
        assert suggestion.free_hours >= 1.0
        assert suggestion.mentor_level >= max(3, target_of[suggestion.skill_id])
        assert suggestion.skill_id in target_of
        assert suggestion.mentor_id in by_id
    shuffled = mentoring_suggestions(person_id, 1, person_gaps, list(reversed(colleagues)))
    if len({c.person_id for c in colleagues}) == len(colleagues):
        assert found == shuffled
