"""Every setting and every command a user can reach is documented in the README."""
from __future__ import annotations

import pytest

from maslihat.core import config
from maslihat.cli import build_parser
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", sorted(config.SETTINGS))
def test_setting_is_documented(setting):
    assert f"`{setting}`" in README


def _commands():
    sub = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    return sub.choices


@pytest.mark.parametrize("command", sorted(_commands()))
def test_command_and_its_options_are_documented(command):
    assert f"`maslihat {command}" in README
    assert "`--db FILE`" in README and "--json" in README
    for action in _commands()[command]._actions:
        for opt in action.option_strings:
            if opt.startswith("--") and opt not in ("--help", "--db", "--json"):
                assert opt in README, f"{command} {opt} is not in the README"
