"""Meetings, series, agendas, minutes, action items, events and free-time finding."""
