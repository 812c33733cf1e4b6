"""The demo company a new installation shows, and the large company generator for benchmarks."""
