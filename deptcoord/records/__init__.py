"""Department records: notes and documents, the one search box, and the activity feed."""
