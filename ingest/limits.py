"""Opening input files without trusting them: only regular files, size checked first, capped reads.

An input folder may hold a FIFO (reading it blocks forever), a symlink to ``/dev/zero`` (an
endless read), a 6 GB sparse file (the whole of it in memory) or a zip whose few kilobytes
expand to gigabytes. Everything that reads an input file goes through ``read_input``; the
zip-based readers check ``check_zip`` before handing the archive to a library. Each limit
turns into an ``IngestError`` with a one-line reason, so the file is quarantined and the rest
of the batch goes on.
"""
from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
import warnings
import zipfile
from typing import Iterator

from maslihat.ingest.errors import IngestError

MB = 1024 * 1024
MAX_BYTES = 50 * MB            # an input file on disk
MAX_UNZIPPED = 100 * MB        # all members of a .docx (or other zip-based format), decompressed
MAX_TEXT_CHARS = 20_000_000    # text extracted from one file (a large code is ~5 million)
MAX_HTML_DEPTH = 400           # nesting of HTML elements (real pages stay below ~60)

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def size_label(n: int) -> str:
    return f"{n // MB} MB" if n >= MB and n % MB == 0 else f"{n} bytes"


def _not_regular(mode: int) -> str:
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return f"not a regular file ({kind}): not read"


def read_input(path: "str | os.PathLike", max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; IngestError otherwise.

    The kind and size are checked with ``stat`` before the file is opened (opening a FIFO
    blocks), checked again on the open descriptor (the file may have been swapped), and the
    read itself stops at ``max_bytes + 1`` (``/proc`` files report size 0)."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise IngestError(_not_regular(st.st_mode))
        if st.st_size > max_bytes:
            raise IngestError(f"file larger than {size_label(max_bytes)} limit ({st.st_size // MB} MB)")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                     | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb", closefd=True) as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise IngestError(_not_regular(st.st_mode))
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise IngestError("vanished during ingest") from None
    except PermissionError:
        raise IngestError("permission denied") from None
    except IsADirectoryError:
        raise IngestError(_not_regular(stat.S_IFDIR)) from None
    except OSError as e:
        if e.errno == errno.ENOENT:
            raise IngestError("vanished during ingest") from None
        raise IngestError(f"cannot read ({e.strerror or type(e).__name__})") from None
    if len(data) > max_bytes:
        raise IngestError(f"file larger than {size_label(max_bytes)} limit")
    return data


def check_zip(archive: zipfile.ZipFile, what: str, limit: int = MAX_UNZIPPED) -> None:
    """IngestError when the members of ``archive`` decompress to more than ``limit`` bytes.

    The sizes a zip declares can lie, so after the cheap check of the declared sizes every
    member is decompressed in chunks, counting, and abandoned as soon as the total passes
    the limit: a bomb costs at most ``limit`` bytes of decompression and no memory."""
    if sum(i.file_size for i in archive.infolist()) > limit:
        raise IngestError(f"{what} expands beyond {size_label(limit)}")
    total = 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        try:
            with archive.open(info) as member:
                while True:
                    chunk = member.read(1024 * 1024)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > limit:
                        raise IngestError(f"{what} expands beyond {size_label(limit)}")
        except IngestError:
            raise
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as e:
            raise IngestError(f"corrupt {what} (member {info.filename!r}: {type(e).__name__})") from None


def text_limit(what: str) -> IngestError:
    return IngestError(f"{what} holds more than {MAX_TEXT_CHARS:,} characters of text".replace(",", " "))


def check_text(text: str, what: str) -> str:
    """``text`` itself, or IngestError when a file yields more text than any act holds."""
    if len(text) > MAX_TEXT_CHARS:
        raise text_limit(what)
    return text


class _Collect(logging.Handler):
    def __init__(self, out: list[str]):
        super().__init__(logging.WARNING)
        self.out = out

    def emit(self, record: logging.LogRecord) -> None:
        msg = " ".join(record.getMessage().split())
        if msg not in self.out:
            self.out.append(msg)


@contextlib.contextmanager
def captured_warnings(*loggers: str) -> Iterator[list[str]]:
    """Warnings a parsing library would print to stderr (log records of ``loggers`` and
    ``warnings.warn``), collected instead, so the caller can report them with the file's name."""
    out: list[str] = []
    handler = _Collect(out)
    saved = []
    for name in loggers:
        lg = logging.getLogger(name)
        saved.append((lg, lg.propagate))
        lg.addHandler(handler)
        lg.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield out
        for w in caught:
            msg = " ".join(str(w.message).split())
            if msg not in out:
                out.append(msg)
    finally:
        for lg, prop in saved:
            lg.removeHandler(handler)
            lg.propagate = prop
