"""Run several store operations in separate processes, released together, and count their outcomes.

The processes are forked from the test process, so they start without importing anything again; each opens
its own connections (nothing of the database is shared across the fork).
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections import Counter
from collections.abc import Callable

Work = Callable[[str, str, str, Callable[[], None]], str]


def run_together(work: Work, action: str, url: str, arguments: list[str], timeout: float = 120) -> Counter:
    """Run `work(action, url, argument, wait)` in one process per argument, start them at once, count outcomes."""
    context = multiprocessing.get_context("fork")
    ready, go, results = context.Semaphore(0), context.Event(), context.Queue()
    workers = [context.Process(target=_run, args=(work, action, url, argument, ready, go, results))
               for argument in arguments]
    for worker in workers:
        worker.start()
    try:
        for _ in workers:
            if not ready.acquire(timeout=timeout):
                raise AssertionError(f"the workers did not get ready: {_drain(results)}")
        go.set()
        outcomes = Counter()
        for _ in workers:
            ok, text = results.get(timeout=timeout)
            assert ok, f"a worker failed:\n{text}"
            outcomes[text] += 1
        return outcomes
    finally:
        for worker in workers:
            worker.join(timeout=5)
            if worker.is_alive():
                worker.kill()
                worker.join()


def _run(work: Work, action: str, url: str, argument: str, ready, go, results) -> None:
    def wait() -> None:
        ready.release()
        go.wait()

    try:
        results.put((True, work(action, url, argument, wait)))
    except BaseException:  # noqa: BLE001 - reported to the test, which fails with it
        results.put((False, traceback.format_exc()))
        ready.release()


def _drain(results) -> str:
    texts = []
    while not results.empty():
        texts.append(results.get()[1])
    return "\n".join(texts) or "no worker reported"
