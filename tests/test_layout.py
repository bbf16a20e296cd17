"""The package's shape: one subpackage per stage, imports only backwards, no cycles, short modules."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "kursk_map"
# A module may import from its own stage and the ones before it; model and errors are for everyone.
STAGES = {"model": 0, "errors": 0, "articles": 1, "places": 2, "claims": 3, "evaluation": 4, "situation": 4,
          "render": 5, "export": 6, "pipeline": 6, "output": 6, "runners": 6, "build": 7, "cli": 8, "__main__": 9, "__init__": 9}
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """The kursk_map modules ``path`` imports, anywhere in it (functions included)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name in known}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kursk_map"):
            subs = {f"{node.module}.{a.name}" for a in node.names} & known.keys()
            named = {a.name for a in node.names} - {s.rsplit(".", 1)[1] for s in subs}
            out |= subs | ({node.module} if named or not subs else set())
    return out


def stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_no_import_cycle():
    known = modules()
    graph = {m: imports(p, known) - {m} for m, p in known.items()}
    state: dict[str, str] = {}

    def visit(m: str, trail: list[str]) -> None:
        state[m] = "open"
        for n in sorted(graph[m]):
            assert state.get(n) != "open", "import cycle: " + " -> ".join([*trail, m, n])
            if n not in state:
                visit(n, [*trail, m])
        state[m] = "done"

    for m in sorted(graph):
        if m not in state:
            visit(m, [])


def test_each_stage_imports_only_from_the_stages_before_it():
    known = modules()
    wrong = [f"{m} imports {n}" for m, p in known.items() for n in sorted(imports(p, known))
             if STAGES[stage(n)] > STAGES[stage(m)] and m != "kursk_map"]
    assert not wrong, wrong


def test_every_stage_says_what_it_takes_and_gives():
    for sub in ("articles", "places", "claims", "situation", "render", "evaluation"):
        doc = ast.get_docstring(ast.parse((PACKAGE / sub / "__init__.py").read_text(encoding="utf-8")))
        assert doc and ("->" in doc or "Not a stage" in doc), sub


def test_no_module_is_longer_than_400_lines():
    files = [*PACKAGE.rglob("*.py"), *(ROOT / "tests").rglob("*.py"), *(ROOT / "bench").glob("*.py"),
             ROOT / "gazetteer" / "build.py"]
    long = {str(p.relative_to(ROOT)): n for p in files if "data" not in p.parts
            and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long
