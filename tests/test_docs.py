"""The README cannot drift from the CLI: every command and option is documented."""

from kursk_map.cli import build_parser
from tests.conftest import ROOT


def test_every_command_and_option_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():
        assert f"kursk-map {name}" in readme, name
        for action in command._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert option in readme, (name, option)


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/main" in readme and "bash scripts/test" in readme
    assert "bash scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
