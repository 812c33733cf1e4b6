"""Action items become work steps once the work app is installed."""


def step_for_action(actor, item) -> None:
    """Nothing to do until the work app provides steps."""
    return None
