#!/usr/bin/env python3
"""Execute every notebook in notebooks/ with nbclient (CI runs this); exit non-zero on the first error.

The kernel is ``python3`` from the interpreter running this script (the project's venv): when
no such kernelspec is installed, the native one of this interpreter is used. Notebooks run
with the repository root as working directory and are not rewritten unless ``--inplace``.

    .venv/bin/python scripts/run_notebooks.py [--inplace] [--timeout 120] [NOTEBOOK ...]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def kernel_name() -> str:
    """``python3`` when jupyter knows it; ipykernel's native spec of this interpreter otherwise."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        from ipykernel.kernelspec import install
        install(user=True, kernel_name="python3", display_name="Python 3 (maslihat)")
    return "python3"


def run(path: Path, timeout: int, inplace: bool, kernel: str) -> float:
    nb = nbformat.read(path, as_version=4)
    t0 = time.perf_counter()
    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel, resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    if inplace:
        nbformat.write(nb, path)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="*", type=Path)
    ap.add_argument("--timeout", type=int, default=120, help="seconds per cell")
    ap.add_argument("--inplace", action="store_true", help="save the executed notebooks (outputs included)")
    a = ap.parse_args(argv)
    paths = a.notebooks or sorted(NOTEBOOKS.glob("*.ipynb"))
    if not paths:
        print("no notebooks found", file=sys.stderr)
        return 1
    kernel = kernel_name()
    failed = 0
    for p in paths:
        try:
            secs = run(p, a.timeout, a.inplace, kernel)
            print(f"ok    {p.name}  {secs:.1f} s")
        except CellExecutionError as e:
            failed += 1
            print(f"FAIL  {p.name}\n{e}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
