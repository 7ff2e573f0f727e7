#!/bin/sh
# System packages the tests need, from Debian: chromium (browser tests, via install_browser.sh),
# a Cyrillic font (PDF fixtures), and a Java runtime with Maven (Elasticsearch's test distribution is fetched with Maven and
# runs on the system Java). Idempotent: installs only what is missing.
set -eu
here="$(dirname "$0")"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
missing=""
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v mvn >/dev/null 2>&1 || missing="$missing maven"
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
command -v setpriv >/dev/null 2>&1 || missing="$missing util-linux"
if [ -n "$missing" ]; then
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends $missing
fi
sh "$here/install_browser.sh"
