"""Today's briefing, status reports, exports and the morning e-mail."""
