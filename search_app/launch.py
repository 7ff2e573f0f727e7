"""``maslihat serve``: run the Streamlit app headless on localhost, the corpus passed via MASLIHAT_DB."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Optional

APP = Path(__file__).resolve().parent / "app.py"


def can_open_browser() -> bool:
    """A desktop session (or macOS/Windows) gets a browser tab; servers and CI stay headless."""
    if os.environ.get("CI"):
        return False
    return sys.platform in ("darwin", "win32") or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def command(port: int = 8501, address: str = "127.0.0.1", headless: bool = True) -> list[str]:
    from maslihat.core.config import upload_limit_bytes
    limit_mb = max(1, upload_limit_bytes() // (1024 * 1024))
    return [sys.executable, "-m", "streamlit", "run", str(APP),
            "--server.headless", "true" if headless else "false", "--server.address", address,
            "--server.port", str(port), "--server.maxUploadSize", str(limit_mb),
            "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal"]


def environment(db: Optional[str] = None) -> dict:
    env = dict(os.environ)
    if db:
        env["MASLIHAT_DB"] = str(Path(db).expanduser().resolve())
    return env


def serve(port: int = 8501, address: str = "127.0.0.1", db: Optional[str] = None) -> int:
    """Run until interrupted; returns Streamlit's exit code. Binds to localhost unless told otherwise."""
    print(f"maslihat: the app is at http://{address}:{port} (Ctrl+C stops it)", file=sys.stderr, flush=True)
    try:
        return subprocess.call(command(port, address, headless=not can_open_browser()), env=environment(db))
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
