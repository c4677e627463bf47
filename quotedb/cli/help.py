"""Help that reads well: a flag shows no ``<bool>`` type, an argument is named by its
metavar alone (no ``<str>`` beside ``NAME``, no ``{NAME}`` in the usage line). Every
command and group of ``quotedb`` is built with these classes (``-h`` beside ``--help``)."""

from __future__ import annotations

import re
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

HELP_NAMES = {"help_option_names": ["-h", "--help"]}


BRACED = re.compile(r"^\{(.+)\}(\.\.\.)?$")


def _no_type(ctx: Any) -> None:
    return None


def _quiet_flags(command: Any, ctx: Any) -> None:
    """A flag takes no value: its type column stays empty rather than saying ``<bool>``;
    an argument with a metavar needs no type beside it."""
    for param in command.get_params(ctx):
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
        elif param.param_type_name == "argument" and param.metavar:
            param.display_type_rich = _no_type


def _unbraced(pieces: list[str]) -> list[str]:
    return [BRACED.sub(r"\1\2", p) for p in pieces]


class Command(TyperCommand):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        _quiet_flags(self, ctx)
        super().format_help(ctx, formatter)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return _unbraced(super().collect_usage_pieces(ctx))


class Group(TyperGroup):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        _quiet_flags(self, ctx)
        super().format_help(ctx, formatter)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return _unbraced(super().collect_usage_pieces(ctx))


def group(help_text: str) -> typer.Typer:
    """A group of commands as every one of quotedb's is made."""
    return typer.Typer(
        help=help_text,
        no_args_is_help=True,
        cls=Group,
        rich_markup_mode="markdown",
        context_settings=HELP_NAMES,
    )
