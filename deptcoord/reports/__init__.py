"""Today's briefing, status reports, exports, notifications and digests."""
