"""History formatting never fails, whatever JSON an entry holds."""

from types import SimpleNamespace

from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deptcoord.audit.history import describe, text_of

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


# Drawing nested JSON can be slow on a busy machine; that says nothing of the formatter.
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(action=st.text(max_size=30), changes=JSON)
def test_any_entry_describes_itself_in_plain_text(action, changes):
    shown = describe(SimpleNamespace(action=action, changes=changes))
    assert isinstance(shown.summary, str)
    for line in shown.lines:
        assert isinstance(line.field, str) and isinstance(line.after, str)
        assert isinstance(line.before, str) and len(line.after) <= 300


def test_values_read_as_people_write_them():
    assert text_of(None) == "—"
    assert text_of({"id": 3, "label": "Sales"}) == "Sales"
    assert text_of(["a", {"label": "b"}, None]) == "a, b and —"
    assert text_of(True) == "Yes"


def test_an_export_and_a_denial_have_a_summary():
    export = describe(
        SimpleNamespace(action="work.step.export", changes={"format": "xlsx", "rows": 2})
    )
    assert export.summary == "Exported 2 rows as XLSX." and not export.lines
    denied = describe(SimpleNamespace(action="access.denied", changes={"action": "change"}))
    assert denied.summary == "Access was refused (change)."


# Strings services have written: dates, moments, times, choice values, numbers, Python lists.
STORED_STRINGS = [
    *("2026-11-24", "2026-12-07T00:07:46.476172+00:00", "08:30:00", "2026-02-30", "at_risk"),
    *("1234.5", "NaN", "['a', 'b']", "[1, [2", "2026-01-01/2026-03-31", "A (optional)"),
]
SMALL_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=30)
    | st.sampled_from(STORED_STRINGS),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children)
    ),
    max_leaves=6,
)
FIELDS_OF = {
    "work.Step": ["status", "due", "flagged", "assignee", "effort_hours", "description"],
    "work.Project": ["budget", "currency", "goals", "departments"],
    "people.Feedback": ["acknowledged_at", "kind"],
    "org.Person": ["work_start", "role:MKT", "language"],
    "goals.KeyResult": ["check_in", "confidence", "value", "2026-11-01", "participant_list"],
}


@given(
    target=st.sampled_from(sorted(FIELDS_OF)),
    data=st.data(),
    language=st.sampled_from(["en", "vi"]),
)
def test_any_value_of_any_field_kind_reads_without_falling_back(target, data, language):
    names = st.sampled_from(FIELDS_OF[target]) | st.text(max_size=12)
    values = st.lists(SMALL_JSON, min_size=2, max_size=2) | SMALL_JSON
    changes = data.draw(st.dictionaries(names, values, max_size=4))
    action = data.draw(st.sampled_from(["x.update", "goals.key_result.check_in"]))
    with translation.override(language):
        shown = describe(SimpleNamespace(action=action, target_type=target, changes=changes))
        assert shown.summary != translation.gettext("Details of this entry cannot be shown.")
    assert len(shown.lines) == len(changes)
    for line in shown.lines:
        assert line.field and line.after and len(line.before) <= 300 and len(line.after) <= 300
