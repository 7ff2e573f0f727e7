"""``maslihat serve``: run the Streamlit app headless on localhost, the corpus passed via MASLIHAT_DB."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Optional

APP = Path(__file__).resolve().parent / "app.py"


def command(port: int = 8501, address: str = "127.0.0.1") -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(APP),
            "--server.headless", "true", "--server.address", address, "--server.port", str(port),
            "--browser.gatherUsageStats", "false"]


def environment(db: Optional[str] = None) -> dict:
    env = dict(os.environ)
    if db:
        env["MASLIHAT_DB"] = str(Path(db).expanduser().resolve())
    return env


def serve(port: int = 8501, address: str = "127.0.0.1", db: Optional[str] = None) -> int:
    """Run until interrupted; returns Streamlit's exit code. Binds to localhost unless told otherwise."""
    try:
        return subprocess.call(command(port, address), env=environment(db))
    except KeyboardInterrupt:
        return 0


def main(argv: Optional[list[str]] = None) -> int:
    import argparse
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--address", default="127.0.0.1")
    p.add_argument("--db")
    a = p.parse_args(argv)
    return serve(a.port, a.address, a.db)


if __name__ == "__main__":
    sys.exit(main())
