"""Reading the ``.npy`` files the index keeps (snapshot arrays, scored postings) without ``ast``.

``numpy.load`` parses a file's header with ``ast.literal_eval``, and CPython 3.11's AST
constructor keeps its recursion depth in per-interpreter state: two threads parsing at once (the
app serves each visitor's page in its own thread, and Streamlit compiles page scripts) can fail
with ``SystemError: AST constructor recursion depth mismatch`` (seen here: 3 of 1,400 searches
run 14 at a time). A failed read was swallowed as «no translation» by the cross-language
look-up, so a page could show another ranking than the same search a moment later. The files
are written by ``numpy.save`` of plain C-ordered arrays (``snapfile``, ``postfile``), so their
header is read here by pattern: the dtype string, the order and the shape.
"""
from __future__ import annotations

import re
import struct
from pathlib import Path

import numpy as np

MAGIC = b"\x93NUMPY"
_DESCR = re.compile(r"'descr':\s*'([<>|=][a-zA-Z]\d*)'")
_ORDER = re.compile(r"'fortran_order':\s*(True|False)")
_SHAPE = re.compile(r"'shape':\s*\(([\d,\s]*)\)")


def header(path: Path) -> tuple[np.dtype, tuple, bool, int]:
    """(dtype, shape, fortran_order, offset of the data) of a ``.npy`` file; ValueError when the
    header is not one ``numpy.save`` writes for a plain array."""
    with open(path, "rb") as f:
        head = f.read(12)
        if len(head) < 10 or head[:6] != MAGIC:
            raise ValueError(f"{path}: not a .npy file")
        major = head[6]
        if major == 1:
            size, start = struct.unpack("<H", head[8:10])[0], 10
        elif major in (2, 3) and len(head) == 12:
            size, start = struct.unpack("<I", head[8:12])[0], 12
        else:
            raise ValueError(f"{path}: .npy version {major} is not read")
        f.seek(start)
        text = f.read(size).decode("utf-8" if major == 3 else "latin-1")
    descr, order, shape = _DESCR.search(text), _ORDER.search(text), _SHAPE.search(text)
    if not (descr and order and shape):
        raise ValueError(f"{path}: a .npy header this reader does not know")
    dims = tuple(int(x) for x in shape.group(1).replace(" ", "").split(",") if x)
    dtype = np.dtype(descr.group(1))
    if dtype.hasobject:
        raise ValueError(f"{path}: object arrays are not read")
    return dtype, dims, order.group(1) == "True", start + size


def load(path: Path, mmap: bool = True) -> np.ndarray:
    """The array of ``path``: a plain ndarray view of a read-only mapping (``mmap``), or read into
    memory. OSError when the file is missing, ValueError when it is not a plain array."""
    dtype, shape, fortran, offset = header(path)
    count = int(np.prod(shape, dtype=np.int64)) if shape else 1
    order = "F" if fortran else "C"
    if count == 0:
        return np.empty(shape, dtype=dtype, order=order)
    if mmap:
        # a plain ndarray view: numpy's memmap subclass runs its own __getitem__ on every index
        # a search takes (~0.2 ms each, a tenth of a warm query at 100,000 documents)
        return np.asarray(np.memmap(path, dtype=dtype, mode="r", offset=offset, shape=shape, order=order))
    with open(path, "rb") as f:
        f.seek(offset)
        a = np.fromfile(f, dtype=dtype, count=count)
    if len(a) != count:
        raise ValueError(f"{path}: the file is shorter than its header says")
    return a.reshape(shape, order=order)
