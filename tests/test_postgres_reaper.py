"""A pytest killed with SIGKILL never runs its fixtures' teardown: its throwaway cluster
would keep running. ``_postgres.reap`` (run by every ``start``) stops and deletes the
clusters whose recorded owner is dead, and nothing else."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import _postgres

pytestmark = pytest.mark.skipif(_postgres.binaries() is None, reason="needs PostgreSQL")

_KILLED_RUN = """
import time
from pathlib import Path

def test_holds_a_cluster(postgres_databases, tmp_path):
    Path({ready!r}).write_text("up")
    time.sleep(600)
"""


def _postmaster(folder: Path) -> int:
    return int((folder / "data" / "postmaster.pid").read_text().split()[0])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_the_cluster_of_a_killed_pytest_is_stopped_and_removed(tmp_path: Path) -> None:
    tests = Path(__file__).parent
    scratch = Path(tempfile.mkdtemp(prefix="practice-reap-"))  # the killed run's TMPDIR
    scratch.chmod(0o755)  # the server user (as root: postgres) must reach its cluster
    ready = tmp_path / "ready"
    run = tmp_path / "run"
    run.mkdir()
    (run / "conftest.py").write_text((tests / "conftest.py").read_text())
    (run / "test_killed.py").write_text(_KILLED_RUN.format(ready=str(ready)))
    env = dict(os.environ, TMPDIR=str(scratch), PYTHONPATH=str(tests))
    env.pop(_postgres.URL, None)  # its own cluster, as on a machine without a shared one
    child = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(run)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # a live cluster owned by another live process (this one): never reaped
    spared = Path(tempfile.mkdtemp(prefix=_postgres.PREFIX, dir=scratch))
    try:
        for _ in range(600):
            if ready.exists() or child.poll() is not None:
                break
            time.sleep(0.1)
        assert ready.exists(), "the pytest run did not start its cluster"
        [cluster] = [f for f in scratch.glob(f"{_postgres.PREFIX}*") if f != spared]
        postmaster = _postmaster(cluster)
        _postgres.start(spared, owner=os.getpid())
        os.kill(child.pid, signal.SIGKILL)  # no teardown runs
        child.wait()
        assert _alive(postmaster)  # what was wrong: the cluster outlives its pytest
        # When the reaper runs
        reaped = _postgres.reap(scratch)
        # Then the dead run's cluster is stopped and gone, the live owner's is kept
        assert reaped == [cluster]
        for _ in range(100):
            if not _alive(postmaster):
                break
            time.sleep(0.1)
        assert not _alive(postmaster)
        assert not cluster.exists()
        assert (spared / "data" / "postmaster.pid").exists()
    finally:
        if child.poll() is None:
            child.kill()
        _postgres.stop(spared)
        for folder in scratch.glob(f"{_postgres.PREFIX}*"):
            _postgres.stop(folder, mode="immediate")
        subprocess.run(["rm", "-rf", str(scratch)], check=False)


def test_a_folder_without_an_owner_record_is_never_reaped(tmp_path: Path) -> None:
    # e.g. .ci/run's cluster, or one made before owners were recorded; the shared
    # server (/work/pgshared) is outside the temporary folder and not named so anyway
    folder = tmp_path / f"{_postgres.PREFIX}ci"
    (folder / "data").mkdir(parents=True)
    dead = tmp_path / f"{_postgres.PREFIX}dead"
    (dead / "data").mkdir(parents=True)
    (dead / "owner").write_text("999999999 1\n")  # no such process
    assert _postgres.reap(tmp_path) == [dead]
    assert folder.exists() and not dead.exists()
