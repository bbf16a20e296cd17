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


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a test tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(scope="session")
def gazetteer():
    from kursk_map.places.gazetteer import load_gazetteer

    return load_gazetteer()


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run ``python -m kursk_map`` as a user would (a real process, real exit code)."""
    return subprocess.run([sys.executable, "-m", "kursk_map", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)
