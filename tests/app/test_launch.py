"""``maslihat serve`` = streamlit run search_app/app.py (through search_app.server, which warms the app), headless,
localhost, the corpus via MASLIHAT_DB."""
from __future__ import annotations

from pathlib import Path

from maslihat.search_app import launch


def test_command_is_headless_on_localhost():
    cmd = launch.command(port=8765)
    assert cmd[1:4] == ["-m", "maslihat.search_app.server", "run"] and Path(cmd[4]).name == "app.py" and Path(cmd[4]).exists()
    opts = dict(zip(cmd[5::2], cmd[6::2]))
    assert opts["--server.headless"] == "true" and opts["--server.address"] == "127.0.0.1"
    assert opts["--server.port"] == "8765" and opts["--browser.gatherUsageStats"] == "false"


def test_upload_limit_reaches_streamlit(monkeypatch):
    monkeypatch.setenv("MASLIHAT_UPLOAD_LIMIT_MB", "7")
    cmd = launch.command()
    assert dict(zip(cmd[5::2], cmd[6::2]))["--server.maxUploadSize"] == "7"


def test_browser_opens_only_on_a_desktop(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(launch.sys, "platform", "linux")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    assert launch.can_open_browser()
    monkeypatch.delenv("DISPLAY")
    assert not launch.can_open_browser()
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setenv("CI", "true")
    assert not launch.can_open_browser()


def test_db_goes_through_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("MASLIHAT_DB", raising=False)
    assert "MASLIHAT_DB" not in launch.environment(None)
    assert launch.environment(str(tmp_path / "c.sqlite"))["MASLIHAT_DB"] == str(tmp_path / "c.sqlite")


def test_serve_runs_the_command(monkeypatch, tmp_path):
    seen = {}

    class Child:                    # serve keeps the child to stop it on SIGTERM (tests/hardening)
        def __init__(self, cmd, env, **kw):
            seen.update(cmd=cmd, env=env)

        def wait(self, timeout=None):
            return 0

        def poll(self):
            return 0
    monkeypatch.setattr(launch.subprocess, "Popen", Child)
    assert launch.serve(port=9999, db=str(tmp_path / "x.sqlite")) == 0
    assert "9999" in seen["cmd"] and seen["env"]["MASLIHAT_DB"].endswith("x.sqlite")
