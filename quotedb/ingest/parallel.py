"""Running tasks in a process pool, results in input order, in bounded memory."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial

from quotedb.ingest.tasks import Failed, LinesTask, Options, Outcome, Task, work

WORKER_NICENESS = 5
IN_FLIGHT_PER_WORKER = 160  # the writer stores a batch meanwhile: keep workers busy
IN_FLIGHT_BYTES = 256 * 1024 * 1024  # input read ahead of the writer, at most


def auto_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def run(
    tasks: Iterable[Task | Failed],
    options: Options,
    workers: int,
    on_wait: Callable[[], None] | None = None,
) -> Iterator[Outcome]:
    """Outcomes of every task, in order; extraction in ``workers`` processes when above 1.

    ``on_wait`` is called when the next outcome is not ready yet (the caller may do
    something useful meanwhile, such as store what it has).
    """
    if workers <= 1:
        for task in tasks:
            yield from [task] if isinstance(task, Failed) else work(task, options)
        return
    # fork starts workers fast; it happens before any thread of ours exists (see the CLI).
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_yield_to_writer) as pool:
        yield from _pooled(pool, tasks, options, workers * IN_FLIGHT_PER_WORKER, on_wait)


def _yield_to_writer() -> None:
    """Workers run at a lower priority than the process that stores their results: the single
    writer is the bottleneck, and on a machine with fewer spare cores than workers it would
    otherwise wait for the CPU while they extract articles it cannot store yet."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(WORKER_NICENESS)


def _pooled(
    pool: ProcessPoolExecutor,
    tasks: Iterable[Task | Failed],
    options: Options,
    window: int,
    on_wait: Callable[[], None] | None = None,
) -> Iterator[Outcome]:
    """Results in input order, with at most ``window`` tasks and ``IN_FLIGHT_BYTES`` of
    input in flight: enough for the workers to extract a batch while the writer stores one."""
    pending: deque[tuple[Task | Failed, Future[list[Outcome]] | None, int]] = deque()
    job = partial(work, options=options)
    broken = False
    in_flight = 0
    for task in tasks:
        future = None
        if not isinstance(task, Failed) and not broken:
            try:
                future = pool.submit(job, task)
            except BrokenProcessPool:
                broken = True
        size = _input_size(task)
        pending.append((task, future, size))
        in_flight += size
        while len(pending) > window or (len(pending) > 1 and in_flight > IN_FLIGHT_BYTES):
            done, result, size = pending.popleft()
            in_flight -= size
            yield from _result(done, result, on_wait)
    while pending:
        done, result, _size = pending.popleft()
        yield from _result(done, result, on_wait)


def _input_size(task: Task | Failed) -> int:
    if isinstance(task, Failed):
        return 0
    if isinstance(task, LinesTask):
        return sum(len(line) for line in task.lines)
    if task.data is not None:
        return len(task.data)
    try:
        return task.source.path.stat().st_size if task.source.path is not None else 0
    except OSError:
        return 0


def _result(
    task: Task | Failed,
    future: Future[list[Outcome]] | None,
    on_wait: Callable[[], None] | None = None,
) -> list[Outcome]:
    if isinstance(task, Failed):
        return [task]
    if on_wait is not None and future is not None and not future.done():
        on_wait()
    label = task.label if isinstance(task, LinesTask) else task.source.label
    try:
        if future is not None:
            return future.result()
    except BrokenProcessPool:
        pass
    return [Failed(label, f"{label}: an extraction worker died (out of memory?)")]
