"""The per-article work on worker processes and on a real Dask LocalCluster gives what one process
gives, and a worker killed mid-batch costs a retry, never an article."""

from __future__ import annotations

import os
import signal
import shutil
from pathlib import Path

import pytest

from kursk_map import pipeline
from kursk_map.build import build
from kursk_map.runners import MAX_ATTEMPTS, DaskBag, InProcess, Workers
from tests.conftest import ROOT, SEEDS, run_cli

REAL = ROOT / "tests" / "data" / "real" / "texts"


def dying_work(job):
    """The pipeline's own work, except that the worker handling ``kill-me*.txt`` dies the first
    time (``kill-me-always*.txt``: every time), as a process killed by the system would."""
    name = Path(job.shown).name
    marker = Path(job.shown).parent / f".killed-{name}"
    if name.startswith("kill-me-always") or (name.startswith("kill-me") and not marker.exists()):
        marker.touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return pipeline._work(job)


def jobs_of(folder: Path) -> list:
    return [pipeline._Job(shown, f, True) for shown, f in pipeline.listed([str(folder)])]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The real reports, and one of them again under a name whose worker gets killed."""
    folder = tmp_path_factory.mktemp("corpus") / "in"
    shutil.copytree(REAL, folder)
    shutil.copy(folder / sorted(p.name for p in folder.glob("*.txt"))[0], folder / "kill-me.txt")
    return folder


@pytest.fixture(scope="module")
def one_process(corpus):
    return [o.value for o in InProcess().map(pipeline._work, jobs_of(corpus))]


def test_two_worker_processes_give_what_one_process_gives(corpus, one_process):
    batch_1 = pipeline.claims_for([str(corpus)])
    batch_2 = pipeline.claims_for([str(corpus)], runner=Workers(2))
    assert batch_2 == batch_1 and len(batch_1.results) == len(one_process)


def test_a_killed_worker_costs_a_retry_and_no_article(corpus, one_process):
    for marker in corpus.glob(".killed-*"):
        marker.unlink()
    outcomes = Workers(2).map(dying_work, jobs_of(corpus))
    assert (corpus / ".killed-kill-me.txt").exists(), "the worker was killed"
    assert [o.lost for o in outcomes] == [None] * len(outcomes)
    assert [o.value for o in outcomes] == one_process


def test_an_article_that_kills_every_worker_is_named_and_the_rest_done(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns("corrections.geojson"))
    shutil.copy(next(folder.glob("*.txt")), folder / "kill-me-always.txt")
    jobs = jobs_of(folder)
    outcomes = Workers(2, chunk=3).map(dying_work, jobs)
    lost = [job.shown for job, o in zip(jobs, outcomes) if o.lost is not None]
    assert lost == [str(folder / "kill-me-always.txt")]
    assert str(MAX_ATTEMPTS) in next(o.lost for o in outcomes if o.lost)
    done = [o.value for job, o in zip(jobs, outcomes) if o.lost is None]
    assert done == [pipeline._work(job) for job in jobs if not job.shown.endswith("kill-me-always.txt")]


def test_the_cli_gives_the_same_claims_with_workers():
    one = run_cli("claims", str(SEEDS), "--json")
    two = run_cli("claims", str(SEEDS), "--json", "--workers", "2")
    assert one.returncode == two.returncode == 0 and one.stdout == two.stdout and one.stdout.startswith("[")


def test_the_geocoder_is_not_combined_with_workers():
    proc = run_cli("places", str(SEEDS), "--geocoder", "nominatim", "--workers", "2")
    assert proc.returncode == 2 and "one process" in proc.stderr and "Traceback" not in proc.stderr


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c, \
            Client(c) as client:
        yield client


def test_a_dask_cluster_gives_the_claims_one_process_gives(cluster, corpus):
    assert len(cluster.scheduler_info()["workers"]) == 2
    batch = pipeline.claims_for([str(corpus)], runner=DaskBag(client=cluster, partition_size=8))
    assert batch == pipeline.claims_for([str(corpus)])


def test_a_dask_cluster_builds_the_same_maps_byte_for_byte(cluster, tmp_path):
    build(SEEDS, tmp_path / "one")
    build(SEEDS, tmp_path / "dask", runner=DaskBag(client=cluster, partition_size=2))
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in sorted((tmp_path / "one").rglob("*"))}
    dask = {p.relative_to(tmp_path / "dask"): p.read_bytes() for p in sorted((tmp_path / "dask").rglob("*"))}
    assert one.keys() == dask.keys() and len(one) > 10
    assert [k for k in one if one[k] != dask[k]] == []


def test_a_dask_worker_killed_mid_batch_costs_a_retry(cluster, corpus, one_process):
    for marker in corpus.glob(".killed-*"):
        marker.unlink()
    outcomes = DaskBag(client=cluster, partition_size=4).map(dying_work, jobs_of(corpus))
    assert (corpus / ".killed-kill-me.txt").exists(), "the worker was killed"
    assert [o.lost for o in outcomes] == [None] * len(outcomes)
    assert [o.value for o in outcomes] == one_process
    cluster.wait_for_workers(2, timeout=60)  # the nanny restarted it
