"""The report's server-side SVG charts: well-formed whatever the labels and values."""

from xml.etree import ElementTree

from hypothesis import given, settings
from hypothesis import strategies as st

from deptcoord.reports.charts import Bar, bar_chart

labels = st.text(min_size=0, max_size=60)
values = st.floats(min_value=0, max_value=1e6, allow_nan=False)


@settings(deadline=None)
@given(st.lists(st.builds(Bar, labels, values, st.none() | values, st.booleans()), min_size=1))
def test_any_bars_make_well_formed_svg_with_one_bar_each(bars):
    svg = bar_chart(bars, title="<Goals & more>")
    root = ElementTree.fromstring(svg)  # noqa: S314  (our own output)
    rects = root.findall("{http://www.w3.org/2000/svg}rect")
    assert len(rects) == 2 * len(bars)  # the track and the bar
    widths = [float(rect.get("width")) for rect in rects]
    assert all(width >= 0 for width in widths)
    assert all(bar <= track + 0.1 for track, bar in zip(widths[::2], widths[1::2], strict=True))


def test_no_bars_no_chart():
    assert bar_chart([]) == ""


def test_labels_cannot_inject_markup():
    svg = bar_chart([Bar('<script>alert("x")</script>', 50)])
    assert "<script>" not in svg
