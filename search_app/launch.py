"""``maslihat serve``: run the Streamlit app headless on localhost, the corpus passed via MASLIHAT_DB."""
from __future__ import annotations

import os
import signal
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
    # ``streamlit run`` through search_app.server: the app warms up while the server starts
    return [sys.executable, "-m", "maslihat.search_app.server", "run", str(APP),
            "--server.headless", "true" if headless else "false", "--server.address", address,
            "--server.port", str(port), "--server.maxUploadSize", str(limit_mb),
            "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal"]


def environment(db: Optional[str] = None) -> dict:
    env = dict(os.environ)
    if db:
        env["MASLIHAT_DB"] = str(Path(db).expanduser().resolve())
    return env


def _die_with_parent() -> None:
    """In the Streamlit child: SIGTERM when ``maslihat serve`` dies, even by kill -9 (Linux)."""
    try:
        import ctypes
        ctypes.CDLL(None).prctl(1, signal.SIGTERM, 0, 0, 0)     # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - elsewhere the signal handler below still stops it
        pass


def serve(port: int = 8501, address: str = "127.0.0.1", db: Optional[str] = None) -> int:
    """Run until interrupted; returns Streamlit's exit code. Binds to localhost unless told otherwise.

    SIGTERM or SIGHUP (a service manager, ``kill``) stops the Streamlit child too: it used to go
    on serving the port after ``maslihat serve`` was gone."""
    print(f"maslihat: the app is at http://{address}:{port} (Ctrl+C stops it)", file=sys.stderr, flush=True)
    child = subprocess.Popen(command(port, address, headless=not can_open_browser()), env=environment(db),
                             preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)

    def stop(signum, frame):
        raise KeyboardInterrupt
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        return child.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


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
