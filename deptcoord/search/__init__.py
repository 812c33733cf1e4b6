"""The one search box: a registry of search sources that the apps fill, the index kept by their
services, and the ranked, access-filtered query."""
