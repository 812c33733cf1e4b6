"""Charts of a status report drawn as SVG on the server, so the PDF needs no JavaScript.

Pure: plain values in, SVG text out; nothing from Django.
"""

from dataclasses import dataclass
from html import escape

BAR_HEIGHT = 18
GAP = 8
LABEL_WIDTH = 220
CHART_WIDTH = 560


@dataclass(frozen=True)
class Bar:
    """One bar: a label, a value and an optional second value drawn as a marker."""

    label: str
    value: float
    marker: float | None = None
    alert: bool = False


def _printable(char: str) -> bool:
    code = ord(char)
    return code >= 0x20 and not 0xD800 <= code <= 0xDFFF and code not in (0xFFFE, 0xFFFF)


def _clip(text: str, limit: int = 30) -> str:
    """The label on one line, without characters SVG cannot hold, shortened to ``limit``."""
    text = "".join(char if _printable(char) else " " for char in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(bars: list[Bar], *, maximum: float = 100.0, unit: str = "%", title: str = "") -> str:
    """Horizontal bars (value against ``maximum``) with an optional marker per bar."""
    if not bars:
        return ""
    maximum = max([maximum, *(bar.value for bar in bars), *(bar.marker or 0 for bar in bars)])
    maximum = maximum or 1.0
    track = CHART_WIDTH - LABEL_WIDTH - 60
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" '
        f'viewBox="0 0 {CHART_WIDTH} {height}" width="100%" aria-label="{escape(_clip(title, 200))}">'
    ]
    for index, bar in enumerate(bars):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = max(track * min(bar.value, maximum) / maximum, 0)
        colour = "#c0392b" if bar.alert else "#2b59c3"
        parts.append(
            f'<text x="0" y="{y + 13}" font-size="12" fill="currentColor">'
            f"{escape(_clip(bar.label))}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{track}" height="{BAR_HEIGHT}" '
            f'fill="#e5e7eb" rx="3"/>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{colour}" rx="3"/>'
        )
        if bar.marker is not None:
            x = LABEL_WIDTH + track * min(bar.marker, maximum) / maximum
            parts.append(
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y - 2}" y2="{y + BAR_HEIGHT + 2}" '
                f'stroke="#111827" stroke-width="2" stroke-dasharray="3 2"/>'
            )
        parts.append(
            f'<text x="{LABEL_WIDTH + track + 6}" y="{y + 13}" font-size="12" '
            f'fill="currentColor">{bar.value:.0f}{escape(unit)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
