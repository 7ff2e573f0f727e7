"""Item 17 of issue 11: scripts/elasticsearch.sh opens nobody's home, tells Maven where its
repository is, and a failed unpack leaves nothing behind."""
from __future__ import annotations

import io
import os
import stat
import subprocess
import zipfile
from pathlib import Path

from .conftest import ROOT

SCRIPT = ROOT / "scripts" / "elasticsearch.sh"
VERSION = "0.0.1-test"


def _env(tmp_path: Path, **extra) -> dict:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    home.chmod(0o700)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    return {**os.environ, "HOME": str(home), "ES_VERSION": VERSION, "MASLIHAT_CACHE": str(tmp_path / "cache"),
            "MAVEN_REPO_LOCAL": str(tmp_path / "repo"), "PATH": f"{bin_dir}:{os.environ['PATH']}", **extra}


def _zip_path(repo: Path) -> Path:
    return repo / "org/elasticsearch/distribution/integ-test-zip/elasticsearch" / VERSION / f"elasticsearch-{VERSION}.zip"


def test_maven_is_given_its_repository_path(tmp_path):
    env = _env(tmp_path)
    log = tmp_path / "mvn.args"
    mvn = tmp_path / "bin" / "mvn"
    mvn.write_text(f'#!/bin/sh\necho "$@" > {log}\nexit 1\n')
    mvn.chmod(0o755)
    p = subprocess.run(["bash", str(SCRIPT), "fetch"], env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode != 0
    assert f"-Dmaven.repo.local={tmp_path / 'repo'}" in log.read_text()
    assert stat.S_IMODE((tmp_path / "home").stat().st_mode) == 0o700


def test_failed_unpack_leaves_no_folder_and_home_stays_closed(tmp_path):
    env = _env(tmp_path)
    z = _zip_path(tmp_path / "repo")
    z.parent.mkdir(parents=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as f:
        f.writestr("something-else/README", "not Elasticsearch")
    z.write_bytes(buf.getvalue()[:-30])                 # a truncated download
    p = subprocess.run(["bash", str(SCRIPT), "fetch"], env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode != 0 and "elasticsearch.sh:" in p.stderr
    assert not list((tmp_path / "cache").glob("unpack.*"))
    z.write_bytes(buf.getvalue())                       # complete, but not the distribution
    p = subprocess.run(["bash", str(SCRIPT), "fetch"], env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode != 0 and "holds no" in p.stderr
    assert not list((tmp_path / "cache").glob("unpack.*"))
    assert stat.S_IMODE((tmp_path / "home").stat().st_mode) == 0o700


def test_good_unpack_lands_readable_in_the_cache(tmp_path):
    env = _env(tmp_path)
    z = _zip_path(tmp_path / "repo")
    z.parent.mkdir(parents=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as f:
        f.writestr(f"elasticsearch-{VERSION}/bin/elasticsearch", "#!/bin/sh\n")
        f.writestr(f"elasticsearch-{VERSION}/config/elasticsearch.yml", "")
    z.write_bytes(buf.getvalue())
    p = subprocess.run(["bash", str(SCRIPT), "fetch"], env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    es = tmp_path / "cache" / f"elasticsearch-{VERSION}" / "bin" / "elasticsearch"
    assert os.access(es, os.X_OK) and stat.S_IMODE(es.stat().st_mode) & 0o005 == 0o005
    assert not list((tmp_path / "cache").glob("unpack.*"))


def test_the_script_never_opens_a_home_folder():
    text = SCRIPT.read_text()
    assert 'chmod o+rx "$HOME"' not in text and "$HOME\" 2>/dev/null" not in text
