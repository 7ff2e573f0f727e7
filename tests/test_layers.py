"""Imports run one way: core < ingest, nlp < corpus < search_app < cli (docs/architecture.md).

Every module's imports are read with ``ast`` (also those inside functions) and checked against
the layer of the module: no module imports a layer above its own, ingest and nlp do not import
each other, nothing imports the CLI (but ``python -m maslihat``), and the app reaches the corpus only through its API."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# folder -> (package, layer rank)
LAYERS = {"core": ("maslihat.core", 0), "ingest": ("maslihat.ingest", 1), "nlp": ("maslihat.nlp", 1),
          "corpus": ("maslihat.corpus", 2), "search_app": ("maslihat.search_app", 3), "maslihat": ("maslihat", 4)}
RANK = {pkg: rank for pkg, rank in LAYERS.values()}
# the app may use the ground floor and the corpus API, nothing else below it
APP_MAY_IMPORT = ("maslihat.core", "maslihat.corpus.api", "maslihat.search_app")


def _modules():
    for folder, (pkg, _) in LAYERS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT / folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            yield ".".join([pkg, *parts]), path


def layer_of(module: str) -> str:
    """The package (layer) a ``maslihat.*`` module belongs to; ``maslihat.cli`` and ``maslihat`` are the top."""
    parts = module.split(".")
    if len(parts) >= 2 and ".".join(parts[:2]) in RANK:
        return ".".join(parts[:2])
    return "maslihat"


def imports_of(path: Path, module: str) -> list[tuple[int, str]]:
    """(line, imported module) for every ``maslihat`` import of the file, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_pkg = path.name == "__init__.py"
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[: len(module.split(".")) - node.level + (1 if is_pkg else 0)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            out += [(node.lineno, f"{name}.{a.name}" if a.name != "*" else name) for a in node.names]
    return [(line, name) for line, name in out if name == "maslihat" or name.startswith("maslihat.")]


def violations(module: str, path: Path) -> list[str]:
    here = layer_of(module)
    bad = []
    for line, name in imports_of(path, module):
        there = layer_of(name)
        where = f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name}:{line} imports {name}"
        if (name == "maslihat.cli" or name.startswith("maslihat.cli.")) and module != "maslihat.__main__":
            bad.append(f"{where}: nothing imports the CLI")
        elif RANK[there] > RANK[here]:
            bad.append(f"{where}: a layer above {here}")
        elif {here, there} == {"maslihat.ingest", "maslihat.nlp"}:
            bad.append(f"{where}: ingest and nlp do not import each other (shared vocabulary goes to core)")
        elif here == "maslihat.search_app" and not name.startswith(APP_MAY_IMPORT):
            bad.append(f"{where}: the app uses the corpus API (maslihat.corpus.api) only")
    return bad


MODULES = list(_modules())


def test_every_layer_has_modules():
    assert {layer_of(m) for m, _ in MODULES} == set(RANK)


@pytest.mark.parametrize("module,path", MODULES, ids=[m for m, _ in MODULES])
def test_imports_run_downward(module, path):
    assert violations(module, path) == []


def test_the_check_finds_an_upward_import(tmp_path):
    """The check can fail: an ingest module importing the corpus, an app view importing the index."""
    up = tmp_path / "bad.py"
    up.write_text("def f():\n    from maslihat.corpus.api import Corpus\n    from ..nlp import patterns\n")
    assert len(violations("maslihat.ingest.bad", up)) == 2
    app = tmp_path / "view.py"
    app.write_text("from maslihat.corpus.index.base import QueryError\nimport maslihat.cli\n")
    assert len(violations("maslihat.search_app.views.view", app)) == 2
