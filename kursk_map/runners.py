"""Where the per-article work runs: in this process, across worker processes, or on a Dask cluster.

Reading, geoparsing and claim extraction are done one article at a time, each independent of
the others; the situation and the maps need every article's claims together and stay on the
caller (they are small). A runner takes a module-level function and the items to apply it to,
and gives back one :class:`Outcome` per item, in the items' order, whatever order the work was
done in: the output of every runner is the same as of one process.

- :class:`InProcess`: a loop.
- :class:`Workers`: ``N`` processes on this machine (``--workers N``). A worker that dies costs a
  retry: the items in flight are sent again, one by one, to a fresh pool (and those caught in a
  second death, each alone); an item that kills its worker :data:`MAX_ATTEMPTS` times is given
  up on and its outcome says so.
- :class:`DaskBag`: a ``dask.bag`` over the items on a ``distributed`` cluster (``--scheduler
  ADDRESS``, or ``--scheduler local`` for a ``LocalCluster`` on this machine). Dask sends the
  tasks of a worker that dies to another (up to its ``allowed-failures``); a partition it gives
  up on comes back as outcomes naming the error. The workers must have kursk-map installed and
  see the input files at the same paths (a shared file system).
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Outcome", "Runner", "InProcess", "Workers", "DaskBag", "runner_for", "MAX_ATTEMPTS", "RunnerError"]

MAX_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one item, or why there is none (``lost``: no worker could finish it)."""

    value: Any = None
    lost: str | None = None


class RunnerError(RuntimeError):
    """A runner cannot start (a scheduler that does not answer, Dask not installed)."""


class Runner:
    name = "runner"

    def map(self, fn: Callable, items: Sequence) -> list[Outcome]:  # pragma: no cover - interface
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class InProcess(Runner):
    name = "one process"

    def map(self, fn: Callable, items: Sequence) -> list[Outcome]:
        return [Outcome(fn(item)) for item in items]


class Workers(Runner):
    """``n`` worker processes on this machine."""

    def __init__(self, n: int, *, chunk: int = 8) -> None:
        if n < 1:
            raise ValueError("workers must be 1 or more")
        self.n = n
        self.chunk = chunk
        self.name = f"{n} worker processes"

    def map(self, fn: Callable, items: Sequence) -> list[Outcome]:
        results: dict[int, Outcome] = {}
        batches = [list(range(i, min(i + self.chunk, len(items)))) for i in range(0, len(items), self.chunk)]
        # A pool whose worker dies fails every item in flight: they are sent again one by one; those
        # still caught in a second death run alone, so that only an item that kills its worker by
        # itself is given up on (after MAX_ATTEMPTS deaths in all).
        pending = self._round(fn, items, batches, results, self.n)
        if pending:
            pending = self._round(fn, items, [[i] for i in sorted(pending)], results, self.n)
        for i in sorted(pending):
            for _ in range(MAX_ATTEMPTS - 2):
                if not self._round(fn, items, [[i]], results, 1):
                    break
            else:
                results[i] = Outcome(lost=f"not processed: the worker process handling it died {MAX_ATTEMPTS} times")
        return [results[i] for i in range(len(items))]

    @staticmethod
    def _round(fn, items, batches, results, n: int) -> set[int]:
        """Run the batches on a fresh pool of ``n``; the indices left undone if a worker died."""
        pending: set[int] = set()
        with cf.ProcessPoolExecutor(max_workers=n, mp_context=_context()) as pool:
            futures = {pool.submit(_apply_all, fn, [items[i] for i in batch]): batch for batch in batches}
            for future in cf.as_completed(futures):
                batch = futures[future]
                try:
                    values = future.result()
                except cf.process.BrokenProcessPool:
                    pending.update(batch)
                    continue
                for i, value in zip(batch, values):
                    results[i] = Outcome(value)
        return pending


def _apply_all(fn: Callable, items: list) -> list:
    return [fn(item) for item in items]


def _context():
    # fork shares the parent's loaded gazetteer without a copy; elsewhere workers load their own
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods and os.name == "posix" else "spawn")


class DaskBag(Runner):
    """A ``dask.bag`` on a ``distributed`` cluster: ``address`` of its scheduler, or ``"local"``; or on a
    ``client`` the caller already has (and keeps: :meth:`close` leaves it open)."""

    def __init__(self, address: str | None = None, *, client=None, workers: int | None = None,
                 partition_size: int = 16) -> None:
        self.partition_size = partition_size
        self.client, self._cluster, self._owned = client, None, client is None
        if client is not None:
            self.name = f"Dask ({client.scheduler.address})"
            return
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise RunnerError("--scheduler needs Dask: install kursk-map with its dask extra "
                              "(pip install -e '.[dask]')") from None
        try:
            if address == "local":
                self._cluster = LocalCluster(n_workers=workers or min(os.cpu_count() or 1, 4), threads_per_worker=1,
                                             processes=True, dashboard_address=None)
                self.client = Client(self._cluster)
            else:
                self.client = Client(address, timeout="10s")
        except (OSError, TimeoutError) as exc:
            self.close()
            raise RunnerError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self.name = f"Dask ({address})"

    def map(self, fn: Callable, items: Sequence) -> list[Outcome]:
        import dask.bag as db

        if not items:
            return []
        bag = db.from_sequence(list(items), partition_size=self.partition_size).map(fn)
        parts = bag.to_delayed()
        sizes = [min(self.partition_size, len(items) - i) for i in range(0, len(items), self.partition_size)]
        assert len(sizes) == len(parts), "dask.bag partitions as partition_all does"
        futures = self.client.compute(parts)
        out: list[Outcome] = []
        for future, size in zip(futures, sizes):
            try:
                out.extend(Outcome(v) for v in future.result())
            except Exception as exc:  # noqa: BLE001 - a worker's failure is an outcome to report, per item
                reason = f"not processed: {type(exc).__name__} on the Dask cluster ({exc})".replace("\n", " ")
                out.extend(Outcome(lost=reason[:300]) for _ in range(size))
        return out

    def close(self) -> None:
        if not self._owned:
            return
        if self.client is not None:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def runner_for(workers: int | None = None, scheduler: str | None = None) -> Runner:
    """The runner the CLI options ask for."""
    if scheduler:
        return DaskBag(scheduler, workers=workers)
    if workers and workers > 1:
        return Workers(workers)
    return InProcess()
