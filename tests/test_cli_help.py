"""Every command documents itself with an example."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from zeren.cli import cli


def _commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


ALL = list(_commands(cli))


@pytest.mark.parametrize("path,command", ALL, ids=[" ".join(p) for p, _ in ALL])
def test_every_command_has_help_with_an_example(path, command):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert command.help, f"zeren {' '.join(path)} has no help text"
    if not isinstance(command, click.Group):
        assert "Example:" in result.output, f"zeren {' '.join(path)} --help shows no example"


def test_table_commands_share_the_format_option():
    for name in ("workload", "leader-workload", "hotspots", "gaps", "agency", "compare"):
        params = {p.name for p in cli.commands[name].params}
        assert {"fmt", "output", "backend"} <= params, name
