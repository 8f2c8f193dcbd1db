"""The stages import one way: map and CLI above store and pipeline, above places and extract,
above read, above the shared models, errors and the network module."""

from __future__ import annotations

import ast
from pathlib import Path

GEO = Path(__file__).resolve().parent.parent / "geo"

# Higher numbers may import lower ones, never the reverse. Modules of one rank may import each other.
RANK = {
    "geo": 0, "geo.__main__": 7, "geo.errors": 0, "geo.models": 0, "geo.fetch": 0, "geo.files": 0,
    "geo.read": 1, "geo.extract": 2, "geo.places": 3, "geo.store": 4,
    "geo.pipeline": 5, "geo.evaluation": 5, "geo.map": 6, "geo.cli": 7,
}


def stage(module: str) -> str:
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        if ".".join(parts[:n]) in RANK:
            return ".".join(parts[:n])
    raise AssertionError(f"{module} belongs to no stage: add it to RANK")


def module_name(path: Path) -> str:
    rel = path.relative_to(GEO.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "geo")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.split(".")[0] == "geo":
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)  # from geo.map import views
    return found


def test_every_module_has_a_stage():
    for path in GEO.rglob("*.py"):
        stage(module_name(path))


def test_no_module_imports_from_a_stage_above_its_own():
    upward = []
    for path in sorted(GEO.rglob("*.py")):
        me = module_name(path)
        mine = RANK[stage(me)]
        for target in imported(path):
            theirs = RANK[stage(target)]
            if theirs > mine:
                upward.append(f"{me} (rank {mine}) imports {target} (rank {theirs})")
    assert upward == []


def test_stage_packages_say_what_goes_in_and_out():
    for pkg in ("read", "extract", "places", "map"):
        doc = ast.get_docstring(ast.parse((GEO / pkg / "__init__.py").read_text()))
        assert doc and " in" in doc and " out" in doc, pkg


def test_no_modules_left_at_the_old_paths():
    top = {p.stem for p in GEO.glob("*.py")}
    assert top <= {"__init__", "__main__", "errors", "models", "fetch", "files", "store", "pipeline", "evaluation"}, top
