"""Click parameter callbacks shared by the ``storyline`` commands."""

from __future__ import annotations

import datetime as dt

import click


def parse_iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """Click callback: an ISO date (YYYY-MM-DD) or None."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected an ISO date YYYY-MM-DD, got {value!r}") from None
