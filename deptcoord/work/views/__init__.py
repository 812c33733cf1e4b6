"""Pages of projects, steps, requests, recurring activities, workload, time and money."""
