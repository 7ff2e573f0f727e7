#!/usr/bin/env bash
# Start/stop a throw-away single-node Elasticsearch for tests and benchmarks.
#
#   scripts/elasticsearch.sh start   # prints the URL (http://127.0.0.1:PORT) on stdout
#   scripts/elasticsearch.sh url     # prints the URL of the running server
#   scripts/elasticsearch.sh stop    # kills it and removes its data and log dirs
#   scripts/elasticsearch.sh fetch   # only fetch and unpack the distribution
#
# The distribution comes from Maven Central (integ-test-zip: no bundled JDK, runs on the
# system Java 17) and is unpacked into a cache outside the repository. Elasticsearch refuses
# to run as root, so when we are root it runs as the unprivileged system user
# "maslihat-es", and the cache is /var/cache/maslihat: readable by that user without
# opening anyone's home (no chmod of $HOME, ever). Loopback only, security off, heap 512m,
# a free port. Maven is told its repository path (-Dmaven.repo.local), so the zip is looked
# for where Maven put it whatever $HOME says; a failed unpack leaves nothing behind.
#
# Environment: ES_VERSION (default 8.19.7), MASLIHAT_CACHE (default /var/cache/maslihat as
# root, else ${XDG_CACHE_HOME:-~/.cache}/maslihat), MAVEN_REPO_LOCAL (default
# ~/.m2/repository), ES_STATE_DIR (default /tmp/maslihat-es), ES_START_TIMEOUT seconds (default 120).
set -euo pipefail

ES_VERSION="${ES_VERSION:-8.19.7}"
if [ "$(id -u)" = 0 ]; then
  CACHE="${MASLIHAT_CACHE:-/var/cache/maslihat}"
else
  CACHE="${MASLIHAT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/maslihat}"
fi
REPO="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
STATE="${ES_STATE_DIR:-/tmp/maslihat-es}"
TIMEOUT="${ES_START_TIMEOUT:-120}"
ES_USER="maslihat-es"
HOME_DIR="$CACHE/elasticsearch-$ES_VERSION"
ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip"
ZIP="$REPO/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"

die() { echo "elasticsearch.sh: $*" >&2; exit 1; }

fetch() {
  [ -x "$HOME_DIR/bin/elasticsearch" ] && return 0
  command -v java >/dev/null || die "java not found (install a JDK 17+)"
  if [ ! -f "$ZIP" ]; then
    command -v mvn >/dev/null || die "mvn not found and $ZIP missing"
    mvn -q dependency:get -Dmaven.repo.local="$REPO" -Dartifact="$ARTIFACT" >&2 \
      || die "maven could not fetch $ARTIFACT into $REPO"
    [ -f "$ZIP" ] || die "maven reported success but $ZIP is missing"
  fi
  mkdir -p "$CACHE"
  chmod 755 "$CACHE"
  local tmp; tmp="$(mktemp -d "$CACHE/unpack.XXXXXX")"
  # whatever fails from here on (unzip, a full disk, a signal) removes the half-unpacked copy
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && python3 -m zipfile -e "$ZIP" . >/dev/null) || die "could not unzip $ZIP"
  [ -x "$tmp/elasticsearch-$ES_VERSION/bin/elasticsearch" ] || [ -f "$tmp/elasticsearch-$ES_VERSION/bin/elasticsearch" ] \
    || die "$ZIP holds no elasticsearch-$ES_VERSION/bin/elasticsearch"
  chmod -R u+rwX,go+rX "$tmp"
  chmod +x "$tmp"/elasticsearch-"$ES_VERSION"/bin/* 2>/dev/null || true
  mv "$tmp/elasticsearch-$ES_VERSION" "$HOME_DIR"
  rm -rf "$tmp"
  trap - EXIT
}

readable_by_service_user() {
  # every folder from / down to the distribution must be enterable by ES_USER: say so rather
  # than open a home folder to everyone
  local d="$HOME_DIR"
  while [ "$d" != "/" ] && [ -n "$d" ]; do
    if ! setpriv --reuid="$(id -u "$ES_USER")" --regid="$(id -g "$ES_USER")" --clear-groups test -x "$d" 2>/dev/null; then
      die "$d cannot be entered by $ES_USER: set MASLIHAT_CACHE to a folder outside any private home (default /var/cache/maslihat)"
    fi
    d="$(dirname "$d")"
  done
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

running_url() {
  [ -f "$STATE/pid" ] && [ -f "$STATE/url" ] && kill -0 "$(cat "$STATE/pid")" 2>/dev/null \
    && cat "$STATE/url"
}

as_user() {
  if [ "$(id -u)" = 0 ]; then
    id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
    setpriv --reuid="$(id -u "$ES_USER")" --regid="$(id -g "$ES_USER")" --init-groups "$@"
  else
    "$@"
  fi
}

start() {
  if url="$(running_url)"; then echo "$url"; return 0; fi
  fetch
  rm -rf "$STATE"; mkdir -p "$STATE"/{data,logs,config,tmp}
  cp -r "$HOME_DIR/config/." "$STATE/config/"
  local port tport; port="$(free_port)"; tport="$(free_port)"
  cat > "$STATE/config/elasticsearch.yml" <<EOF
cluster.name: maslihat-test
node.name: node-1
discovery.type: single-node
network.host: 127.0.0.1
http.port: $port
transport.port: $tport
path.data: $STATE/data
path.logs: $STATE/logs
xpack.security.enabled: false
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  printf -- '-Xms512m\n-Xmx512m\n' > "$STATE/config/jvm.options.d/heap.options" 2>/dev/null \
    || { mkdir -p "$STATE/config/jvm.options.d"; printf -- '-Xms512m\n-Xmx512m\n' > "$STATE/config/jvm.options.d/heap.options"; }
  if [ "$(id -u)" = 0 ]; then
    id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
    chown -R "$ES_USER" "$STATE"
    readable_by_service_user
  fi
  local java_home; java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
  as_user env ES_JAVA_HOME="$java_home" ES_PATH_CONF="$STATE/config" ES_TMPDIR="$STATE/tmp" \
    "$HOME_DIR/bin/elasticsearch" -d -p "$STATE/pid" >"$STATE/logs/stdout.log" 2>&1 \
    || { tail -n 40 "$STATE/logs/stdout.log" >&2; die "elasticsearch failed to start"; }
  local url="http://127.0.0.1:$port"
  local waited=0
  until curl -fsS "$url/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; do
    sleep 1; waited=$((waited + 1))
    if [ "$waited" -ge "$TIMEOUT" ]; then
      echo "--- log tail ---" >&2
      tail -n 40 "$STATE/logs/maslihat-test.log" "$STATE/logs/stdout.log" >&2 2>/dev/null || true
      stop >/dev/null 2>&1 || true
      die "no healthy cluster at $url after ${TIMEOUT}s"
    fi
  done
  echo "$url" > "$STATE/url"
  echo "$url"
}

stop() {
  if [ -f "$STATE/pid" ]; then
    local pid; pid="$(cat "$STATE/pid")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid" || true
    fi
  fi
  rm -rf "$STATE"
}

case "${1:-}" in
  start) start ;;
  fetch) fetch ;;
  stop) stop ;;
  url) running_url || die "not running" ;;
  *) echo "usage: $0 start|stop|url|fetch" >&2; exit 2 ;;
esac
