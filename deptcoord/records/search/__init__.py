"""The one search box: a registry of search sources, the index kept by the services, and the
ranked, access-filtered query."""
