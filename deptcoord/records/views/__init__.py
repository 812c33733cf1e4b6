"""The records pages: a department's notes and documents, search and the activity feed."""
