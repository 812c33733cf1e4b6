"""The planner: schedules work on people and resources, and says which goals are reachable."""
