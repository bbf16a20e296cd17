"""pytest's root configuration: the browser harness (chromium, open_page) for every test folder."""

pytest_plugins = ["tests.browser"]
