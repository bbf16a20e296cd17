"""The output folder: checked before any work, written whole or not at all, never beside itself.

A build writes every file into a private staging folder beside the output folder, then swaps
the two in one step (``renameat2(RENAME_EXCHANGE)``; two renames where the system lacks it) and
removes the old one: a build killed at any point leaves the previous output whole, and maps of
an earlier build never linger beside new ones. A folder is refused when it is ``/``, the home
folder, one of the input folders (or holds one), or holds files kursk-map did not write (unless
``force``, which keeps those files beside the new maps; hidden files such as ``.gitkeep`` are
never a reason to refuse and are always kept). Two builds into one folder take turns
at the swap (a lock on the parent folder), so each leaves a complete output.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import re
import shutil
from pathlib import Path

from kursk_map.errors import KurskMapError, printable

__all__ = ["OutputFolder", "OutputError", "write_file"]

# The names of the files a build writes: anything else in an output folder is someone else's.
_OURS = re.compile(r"^(?:map-[\d-]+|compare-[\w.-]+|index|timeline|area-over-time|claims|ledger|situation|areas)"
                   r"\.(?:html|png|json|csv|geojson)$")
_STAGING = re.compile(r"^\.(?P<name>.+)\.kursk-map-(?P<pid>\d+)$")


class OutputError(KurskMapError):
    """The output folder cannot be used; ``failures`` and ``notices`` are the batch's, to print first."""

    def __init__(self, message: str, failures=(), notices=()) -> None:
        super().__init__(message)
        self.failures = tuple(failures)
        self.notices = tuple(notices)


class OutputFolder:
    """Files for one folder, staged beside it and put in place together by :meth:`commit`."""

    def __init__(self, folder: Path, *, inputs: tuple[Path, ...] = (), force: bool = False) -> None:
        self.folder = Path(folder)
        self.force = force
        self.staging: Path | None = None
        self.written: list[Path] = []
        _check(self.folder, inputs, force)

    def open(self) -> OutputFolder:
        parent = self.folder.absolute().parent
        _clean_stale(parent, self.folder.name)
        staging = parent / f".{self.folder.name}.kursk-map-{os.getpid()}"
        try:
            if staging.exists():
                shutil.rmtree(staging)
            parent.mkdir(parents=True, exist_ok=True)
            staging.mkdir()
        except OSError as exc:
            raise OutputError(printable(f"cannot write into {parent}: {exc.strerror or exc}")) from None
        self.staging = staging
        return self

    def write(self, name: str, data: str | bytes) -> Path:
        if self.staging is None:
            self.open()
        if not name or "/" in name or name.startswith(".") or "\\" in name:
            raise OutputError(f"refusing to write {name!r}: not a plain file name")
        target = self.staging / name
        payload = data.encode("utf-8") if isinstance(data, str) else data
        try:
            target.write_bytes(payload)
            os.chmod(target, 0o644)
        except OSError as exc:
            raise OutputError(printable(f"cannot write {self.folder / name}: {exc.strerror or exc}")) from None
        final = self.folder / name
        if final not in self.written:
            self.written.append(final)
        return final

    def commit(self) -> None:
        """Put the staged files in place of the folder's, in one step."""
        if self.staging is None:
            self.open()
        staging = self.staging
        try:
            with _locked(self.folder.absolute().parent):
                if self.folder.is_dir():
                    _keep_foreign(self.folder, staging, hidden_only=not self.force)
                    _exchange(staging, self.folder)
                    shutil.rmtree(staging)  # now the previous output
                else:
                    os.rename(staging, self.folder)
        except OSError as exc:
            raise OutputError(printable(f"cannot put the new output in {self.folder}: {exc.strerror or exc}")) from None
        finally:
            self.staging = None

    def abort(self) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None


def _check(folder: Path, inputs: tuple[Path, ...], force: bool) -> None:
    shown = printable(str(folder))
    resolved = folder.resolve()
    if resolved == Path("/"):
        raise OutputError(f"refusing to build into {shown}: the root folder")
    if resolved == Path.home().resolve():
        raise OutputError(f"refusing to build into {shown}: your home folder")
    for given in inputs:
        source = Path(given).resolve()
        if source == resolved or resolved in source.parents:
            raise OutputError(f"refusing to build into {shown}: it holds the articles being read ({given})")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{shown} exists and is not a folder")
    if folder.is_dir() and not force:
        foreign = [name for name in _foreign(folder) if not name.startswith(".")]
        if foreign:
            raise OutputError(f"{shown} holds files kursk-map did not write ({printable(', '.join(foreign[:3]))}"
                              f"{', ...' if len(foreign) > 3 else ''}): give a new or empty folder, or --force to "
                              f"keep them beside the new maps")


def _foreign(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not (p.is_file() and not p.is_symlink() and _OURS.match(p.name)))


def _keep_foreign(folder: Path, staging: Path, *, hidden_only: bool) -> None:
    """Carry other files over into the new output: hidden ones (``.gitkeep``, ``.DS_Store``) always."""
    for name in _foreign(folder):
        if hidden_only and not name.startswith("."):
            continue
        source = folder / name
        if not (staging / name).exists():
            if source.is_dir() and not source.is_symlink():
                shutil.copytree(source, staging / name, symlinks=True)
            else:
                shutil.copy2(source, staging / name, follow_symlinks=False)


def _clean_stale(parent: Path, name: str) -> None:
    """Staging folders of builds of this folder that were killed (their process is gone)."""
    if not parent.is_dir():
        return
    for p in parent.iterdir():
        m = _STAGING.match(p.name)
        if m and m.group("name") == name and p.is_dir() and not _alive(int(m.group("pid"))):
            shutil.rmtree(p, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def _locked(folder: Path):
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> None:
    """Swap two folders in one step; two renames where the kernel or libc cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        renameat2 = None
    if renameat2 is not None:
        if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
            return
    aside = b.with_name(f".{b.name}.kursk-map-old-{os.getpid()}")
    os.rename(b, aside)
    os.rename(a, b)
    os.rename(aside, a)


def write_file(path: Path, data: str | bytes) -> Path:
    """One file written atomically (a temporary file beside it, then a rename)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        tmp.write_bytes(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(printable(f"cannot write {path}: {exc.strerror or exc}")) from None
    return path
