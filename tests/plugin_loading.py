"""How the tests load the pytest plugin: by its entry point when installed, else by module name."""

from importlib.metadata import entry_points


def plugin_args() -> list[str]:
    """``-p optverify.pytest_plugin`` when the installed distribution does not declare the pytest11 entry point.

    Loading it by module as well as by entry point would register it twice, which pytest refuses.
    """
    installed = any(ep.value == "optverify.pytest_plugin" for ep in entry_points(group="pytest11"))
    return [] if installed else ["-p", "optverify.pytest_plugin"]
