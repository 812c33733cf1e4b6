"""Helpers for the browser tests."""


def fill_date(page, selector: str, day) -> None:
    """Type a date (a ``date`` or ISO text) into a date field as a person does: into the field
    shown in the page's format (the form's own field is hidden and sends ISO). English pages
    show ISO dates, so the ISO text is what an English reader types."""
    shown = page.locator(f"{selector}_shown")
    shown.fill(day if isinstance(day, str) else day.isoformat())
    shown.press("Tab")
