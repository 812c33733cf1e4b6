"""History formatting never fails, whatever JSON an entry holds."""

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from deptcoord.audit.history import describe, text_of

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


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
