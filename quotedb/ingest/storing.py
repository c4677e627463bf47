"""The writer's progress inside a transaction (a module of its own: the API and the CLI
name it without importing the database layer at start-up)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Storing:
    """Where the writer is inside one transaction, for progress (a bulk load's holds
    thousands of articles): articles of the batch stored so far out of ``of``, or, with
    ``indexing``, the full-text indexes being built again over the table."""

    done: int
    of: int
    indexing: bool = False


StoreHook = Callable[[Storing], None]
