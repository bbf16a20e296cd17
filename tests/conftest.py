"""Shared fixtures. Tests never touch the network: any socket connection fails the test."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "gold"


_LOOPBACK = ("127.0.0.1", "::1", "localhost")


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any connection beyond this machine fails the test (a Dask LocalCluster talks over loopback)."""
    connect, create_connection = socket.socket.connect, socket.create_connection

    def local(address) -> bool:
        return isinstance(address, (str, bytes)) or (isinstance(address, tuple) and address[0] in _LOOPBACK)

    def guarded_connect(sock, address):
        if not local(address):
            raise AssertionError(f"a test tried to open a network connection to {address!r}")
        return connect(sock, address)

    def guarded_create_connection(address, *args, **kwargs):
        if not local(address):
            raise AssertionError(f"a test tried to open a network connection to {address!r}")
        return create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "create_connection", guarded_create_connection)


@pytest.fixture(scope="session")
def gazetteer():
    from kursk_map.places.gazetteer import load_gazetteer

    return load_gazetteer()


def write_report(path: Path, body: str, *, date: str, publisher: str = "Test") -> None:
    """An article file with the header block the seeds have, and one paragraph of body."""
    path.write_text(f"Publisher: {publisher}\nDate: {date}\n\n{body}\n", encoding="utf-8")


def write_village_reports(folder: Path, publishers: tuple[str, str] = ("Test", "Test")) -> None:
    """Two reports about named villages: Martynovka and Malaya Loknya captured (12 August),
    then Martynovka recaptured (14 September)."""
    write_report(folder / "a.txt", "Ukrainian forces captured Martynovka and Malaya Loknya, the General Staff said.",
                 date="2024-08-12", publisher=publishers[0])
    write_report(folder / "b.txt", "Russian forces recaptured Martynovka, the Russian Defence Ministry said.",
                 date="2024-09-14", publisher=publishers[1])


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run ``python -m kursk_map`` as a user would (a real process, real exit code)."""
    return subprocess.run([sys.executable, "-m", "kursk_map", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)
