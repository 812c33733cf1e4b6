"""A plan run stores its problem as JSON; what it reads back is the same problem."""

import json

from hypothesis import given
from hypothesis import strategies as st

from deptcoord.planning.department import DepartmentProblem, Dependency, Goal, Person, Step
from deptcoord.planning.serialize import problem_from_dict, problem_to_dict

ids = st.text(alphabet="abcdefghij-0123456789", min_size=1, max_size=8)


@st.composite
def problems(draw) -> DepartmentProblem:
    horizon = draw(st.integers(1, 60))
    people = draw(
        st.lists(
            st.builds(
                Person,
                ids,
                st.dictionaries(st.integers(0, horizon - 1), st.floats(0, 24), max_size=10),
                st.frozensets(ids, max_size=2),
            ),
            max_size=4,
        )
    )
    steps = draw(
        st.lists(
            st.builds(
                Step,
                ids,
                st.floats(0.5, 80),
                st.lists(ids, max_size=3).map(tuple),
                st.integers(0, horizon),
                st.none() | ids,
            ),
            max_size=6,
        )
    )
    dependencies = draw(st.lists(st.builds(Dependency, ids, ids, st.integers(0, 5)), max_size=4))
    goals = draw(
        st.lists(
            st.builds(
                Goal,
                ids,
                st.lists(ids, max_size=3).map(tuple),
                st.integers(0, 90),
                st.integers(1, 3),
            ),
            max_size=3,
        )
    )
    working = draw(st.none() | st.lists(st.integers(0, horizon - 1), max_size=5).map(tuple))
    return DepartmentProblem(
        horizon, tuple(people), tuple(steps), tuple(dependencies), tuple(goals), working
    )


@given(problems())
def test_a_stored_problem_reads_back_the_same(problem):
    stored = json.loads(json.dumps(problem_to_dict(problem)))
    assert problem_from_dict(stored) == problem
    for read, original in zip(problem_from_dict(stored).people, problem.people, strict=True):
        assert dict(read.hours_by_day) == dict(original.hours_by_day)
