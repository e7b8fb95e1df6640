#!/usr/bin/env bash
# The deployment stack on one machine, from Debian's packages and plain processes (no Docker):
# a PostgreSQL cluster in a folder, two app replicas (`streamlit run app.py`) on it, each with its
# own cache folder, and nginx in front with sticky sessions and the WebSocket
# (deploy/nginx.conf.template, the same file deploy/compose.yaml uses). The tests use it.
#
#   deploy/run-local.sh [start] [--detach] [--port N] [--dir DIR]
#       Start what is not running and print the proxy's URL. Without --detach it stays in the
#       foreground, and Ctrl-C stops the whole stack. Run again while it runs: prints the URL.
#       --port 0 takes a free port.
#   deploy/run-local.sh stop [--dir DIR]      stop everything (the database's files are kept)
#   deploy/run-local.sh status [--dir DIR]    what runs, where
#
# DIR (default .deploy-local/ in the checkout, or $SALES_LOCAL_DIR) holds the cluster's files, the
# database password (0600), each process's log and pid, nginx's prefix and logs. The proxy listens
# on $SALES_PROXY_PORT (default 8080). On an empty database it publishes the sample company
# (data/sample/) with the CLI, so the team sees data at once. Needs: postgresql (server binaries
# in /usr/lib/postgresql/N/bin), nginx (nginx-light will do), the app's Python ($PYTHON, default
# .venv/bin/python). As root, PostgreSQL runs as the `postgres` user (it refuses root).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TEMPLATE="$ROOT/deploy/nginx.conf.template"
REPLICAS=(app1 app2)

command=start
case "${1:-}" in
  start|stop|status) command=$1; shift ;;
esac
DIR=${SALES_LOCAL_DIR:-$ROOT/.deploy-local}
PROXY_PORT=${SALES_PROXY_PORT:-8080}
DETACH=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR=$2; shift 2 ;;
    --port) PROXY_PORT=$2; shift 2 ;;
    --detach) DETACH=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "run-local.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)

PY=${PYTHON:-}
if [ -z "$PY" ]; then
  if [ -x "$ROOT/.venv/bin/python" ]; then PY="$ROOT/.venv/bin/python"; else PY=python3; fi
fi

say() { printf 'run-local: %s\n' "$*"; }
die() {
  printf 'run-local: %s\n' "$*" >&2
  # A start that fails half-way stops what it started rather than leaving it running.
  if [ "${STARTING:-0}" = 1 ]; then STARTING=0; stop_all >&2; fi
  exit 1
}

# --- processes, by pid file ----------------------------------------------------------------------

# alive PIDFILE WORD: the pid in PIDFILE runs and its command line has WORD (not a recycled pid).
alive() {
  local pid
  [ -s "$1" ] || return 1
  pid=$(head -n1 "$1" 2>/dev/null) || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$2"
}

# stop_pid PIDFILE WORD SIGNAL [GROUP]: signal the process (or its process group), wait up to
# 15 s, then SIGKILL.
stop_pid() {
  local file=$1 word=$2 sig=$3 group=${4:-} pid target i
  alive "$file" "$word" || { rm -f "$file"; return 0; }
  pid=$(head -n1 "$file" 2>/dev/null) || return 0
  target=$pid
  [ -n "$group" ] && target="-$pid"
  kill "-$sig" -- "$target" 2>/dev/null || true
  for i in $(seq 150); do
    alive "$file" "$word" || break
    sleep 0.1
  done
  if alive "$file" "$word"; then
    say "$word ($pid) did not stop in 15 s: SIGKILL"
    kill -KILL -- "$target" 2>/dev/null || true
    sleep 0.2
  fi
  rm -f "$file"
}

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

port_free() {
  "$PY" -c 'import socket, sys
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)' "$1"
}

wait_http() {  # wait_http URL SECONDS: until URL answers "ok"
  local i
  for i in $(seq $(( $2 * 4 ))); do
    if [ "$(curl -fsS --max-time 2 "$1" 2>/dev/null || true)" = "ok" ]; then return 0; fi
    sleep 0.25
  done
  return 1
}

# --- PostgreSQL ----------------------------------------------------------------------------------

PG="$DIR/pg"
# Sets PGBIN (no command substitution: a function run in $( ) from the Ctrl-C trap exits 130).
PGBIN=""
pg_bin() {
  local found
  [ -n "$PGBIN" ] && return 0
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n | tail -n1 || true)
  if [ -n "$found" ] && [ -x "$found/postgres" ]; then PGBIN=$found; return 0; fi
  found=$(command -v postgres || true)
  [ -n "$found" ] || die "PostgreSQL's server binaries are missing: apt-get install postgresql"
  PGBIN=$(dirname "$found")
}

as_pg() {  # the server refuses to run as root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_running() { [ -d "$PG/data" ] && as_pg "$PGBIN/pg_ctl" -D "$PG/data" status >/dev/null 2>&1; }

start_postgres() {
  pg_bin
  mkdir -p "$DIR/secrets"
  chmod 700 "$DIR/secrets"
  if [ ! -s "$DIR/secrets/db_password" ]; then
    (umask 077; od -An -tx1 -N18 /dev/urandom | tr -d ' \n' >"$DIR/secrets/db_password")
  fi
  if [ ! -f "$PG/data/PG_VERSION" ]; then
    rm -rf "$PG"
    mkdir -p "$PG"
    if [ "$(id -u)" = 0 ]; then
      chown postgres: "$PG"
      runuser -u postgres -- test -w "$PG" ||
        die "the postgres user cannot write $PG: choose a --dir that every user can reach (e.g. under /srv or /tmp)"
    fi
    chmod 700 "$PG"
    # The password goes to initdb through a file only postgres reads, deleted at once.
    install -m 600 "$DIR/secrets/db_password" "$PG/pwfile"
    [ "$(id -u)" = 0 ] && chown postgres: "$PG/pwfile"
    say "creating the PostgreSQL cluster in $PG/data"
    as_pg "$PGBIN/initdb" -D "$PG/data" -U postgres --pwfile="$PG/pwfile" --auth=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; rm -f "$PG/pwfile"; die "initdb failed"; }
    rm -f "$PG/pwfile"
  fi
  if pg_running; then
    DB_PORT=$(cat "$DIR/db_port")
    return
  fi
  DB_PORT=$(cat "$DIR/db_port" 2>/dev/null || true)
  if [ -z "$DB_PORT" ] || ! port_free "$DB_PORT"; then DB_PORT=$(free_port); fi
  echo "$DB_PORT" >"$DIR/db_port"
  say "starting PostgreSQL on 127.0.0.1:$DB_PORT"
  # No Unix socket (a long folder name would exceed the socket path limit): loopback TCP only.
  as_pg "$PGBIN/pg_ctl" -D "$PG/data" -l "$PG/server.log" -w -t 60 \
    -o "-p $DB_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null 9>&- ||
    { tail -n 20 "$PG/server.log" >&2 || true; die "PostgreSQL did not start (log: $PG/server.log)"; }
  local psql=("$PGBIN/psql" -X -q -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -tA)
  if [ "$(PGPASSWORD=$(cat "$DIR/secrets/db_password") "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'sales'")" != 1 ]; then
    PGPASSWORD=$(cat "$DIR/secrets/db_password") "${psql[@]}" -c "CREATE DATABASE sales"
  fi
}

stop_postgres() {
  [ -d "$PG/data" ] || return 0
  pg_bin
  if pg_running; then
    say "stopping PostgreSQL"
    as_pg "$PGBIN/pg_ctl" -D "$PG/data" -m fast -w -t 60 stop >/dev/null || true
  fi
}

database_url() {
  echo "postgresql://postgres:$(cat "$DIR/secrets/db_password")@127.0.0.1:$(cat "$DIR/db_port")/sales"
}

# --- the sample company, on an empty database -------------------------------------------------------

publish_sample_if_empty() {
  local versions
  mkdir -p "$DIR/cli"
  versions=$(cd "$ROOT" && SALES_DATABASE_URL=$(database_url) SALES_WORKSPACE="$DIR/cli" \
    "$PY" -m analytics workspace history --format json | "$PY" -c 'import json, sys; print(len(json.load(sys.stdin)))')
  if [ "$versions" = 0 ]; then
    say "the database is empty: publishing the sample company (data/sample/)"
    (cd "$ROOT" && SALES_DATABASE_URL=$(database_url) SALES_WORKSPACE="$DIR/cli" \
      "$PY" -m analytics publish data/sample/*.csv --note "sample company (deploy/run-local.sh)") >"$DIR/cli/publish.log" 2>&1 ||
      { cat "$DIR/cli/publish.log" >&2; die "publishing the sample failed"; }
  fi
}

# --- the app replicas ------------------------------------------------------------------------------

start_app() {
  local name=$1 folder="$DIR/$1" port
  mkdir -p "$folder/cache"
  if alive "$folder/pid" streamlit; then return 0; fi
  port=$(cat "$folder/port" 2>/dev/null || true)
  if [ -z "$port" ] || ! port_free "$port"; then port=$(free_port); fi
  echo "$port" >"$folder/port"
  say "starting replica $name on 127.0.0.1:$port (log: $folder/app.log)"
  # setsid: the replica and whatever it forks (the SQL worker) are one process group, stopped
  # together; the terminal's Ctrl-C reaches this script, which stops them in order.
  (cd "$ROOT" && SALES_DATABASE_URL=$(database_url) SALES_WORKSPACE="$folder/cache" \
    STREAMLIT_SERVER_COOKIE_SECRET=$(cat "$DIR/secrets/cookie_secret") \
    exec setsid "$PY" -m streamlit run app.py --server.headless true --server.address 127.0.0.1 \
      --server.port "$port" --server.fileWatcherType none --browser.gatherUsageStats false \
      </dev/null >>"$folder/app.log" 2>&1 9>&-) &
  echo $! >"$folder/pid"
}

wait_app() {
  local name=$1 folder="$DIR/$1"
  wait_http "http://127.0.0.1:$(cat "$folder/port")/_stcore/health" 90 ||
    { tail -n 30 "$folder/app.log" >&2; die "replica $name did not answer /_stcore/health (log: $folder/app.log)"; }
}

# --- nginx -----------------------------------------------------------------------------------------

NGX="$DIR/nginx"
start_nginx() {
  local servers="" name
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || die "nginx is missing: apt-get install nginx-light"
  local nginx_bin
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  mkdir -p "$NGX/tmp"
  if alive "$NGX/nginx.pid" nginx; then return 0; fi
  if [ "$PROXY_PORT" = 0 ]; then   # a free port: the one used last time if it still is
    PROXY_PORT=$(cat "$DIR/proxy_port" 2>/dev/null || true)
    if [ -z "$PROXY_PORT" ] || ! port_free "$PROXY_PORT"; then PROXY_PORT=$(free_port); fi
  fi
  port_free "$PROXY_PORT" || die "port $PROXY_PORT is taken: choose another with --port N (or --port 0)"
  echo "$PROXY_PORT" >"$DIR/proxy_port"
  for name in "${REPLICAS[@]}"; do
    servers+="server 127.0.0.1:$(cat "$DIR/$name/port") max_fails=1 fail_timeout=5s; "
  done
  SALES_LISTEN="127.0.0.1:$PROXY_PORT" SALES_UPSTREAM_SERVERS="$servers" SALES_ACCESS_LOG="$NGX/access.log" \
    envsubst '${SALES_LISTEN} ${SALES_UPSTREAM_SERVERS} ${SALES_ACCESS_LOG}' <"$TEMPLATE" >"$NGX/sales.conf"
  cat >"$NGX/nginx.conf" <<EOF
# Written by deploy/run-local.sh: nginx with its own prefix, pid, logs and temp folders.
worker_processes 1;
daemon off;
pid $NGX/nginx.pid;
error_log $NGX/error.log notice;
events { worker_connections 1024; }
http {
    default_type application/octet-stream;
    client_body_temp_path $NGX/tmp/client_body;
    proxy_temp_path $NGX/tmp/proxy;
    fastcgi_temp_path $NGX/tmp/fastcgi;
    uwsgi_temp_path $NGX/tmp/uwsgi;
    scgi_temp_path $NGX/tmp/scgi;
    include $NGX/sales.conf;
}
EOF
  "$nginx_bin" -t -q -p "$NGX" -e "$NGX/error.log" -c "$NGX/nginx.conf" ||
    die "nginx refused the configuration ($NGX/nginx.conf)"
  say "starting nginx on 127.0.0.1:$PROXY_PORT (logs: $NGX/)"
  (exec setsid "$nginx_bin" -p "$NGX" -e "$NGX/error.log" -c "$NGX/nginx.conf" </dev/null >>"$NGX/stdout.log" 2>&1 9>&-) &
  local i
  for i in $(seq 100); do
    alive "$NGX/nginx.pid" nginx && return 0
    sleep 0.1
  done
  cat "$NGX/error.log" >&2 || true
  die "nginx did not start"
}

# --- the stack -------------------------------------------------------------------------------------

running() {  # every part of the stack runs
  local name
  pg_bin
  pg_running || return 1
  for name in "${REPLICAS[@]}"; do alive "$DIR/$name/pid" streamlit || return 1; done
  alive "$NGX/nginx.pid" nginx
}

proxy_url() { echo "http://127.0.0.1:$(cat "$DIR/proxy_port")/"; }

stop_all() {
  local name
  set +e   # stop whatever can be stopped
  touch "$DIR/stopping"
  if [ -f "$NGX/nginx.pid" ]; then say "stopping nginx"; fi
  stop_pid "$NGX/nginx.pid" nginx TERM
  for name in "${REPLICAS[@]}"; do
    if [ -f "$DIR/$name/pid" ]; then say "stopping replica $name"; fi
    stop_pid "$DIR/$name/pid" streamlit TERM group
  done
  stop_postgres
  rm -f "$DIR/url"
  say "stopped"
}

status() {
  local name
  pg_bin
  if pg_running; then echo "postgres  running  127.0.0.1:$(cat "$DIR/db_port")  $PG/server.log"; else echo "postgres  stopped"; fi
  for name in "${REPLICAS[@]}"; do
    if alive "$DIR/$name/pid" streamlit; then
      echo "$name      running  127.0.0.1:$(cat "$DIR/$name/port")  pid $(cat "$DIR/$name/pid")  $DIR/$name/app.log"
    else echo "$name      stopped"; fi
  done
  if alive "$NGX/nginx.pid" nginx; then echo "nginx     running  $(proxy_url)  pid $(cat "$NGX/nginx.pid")"; else echo "nginx     stopped"; fi
  running
}

start() {
  local name
  if running; then
    say "already running: $(proxy_url)"
    ALREADY=1
    return 0
  fi
  exec 9>"$DIR/lock"
  flock -n 9 || die "another run-local.sh is starting the stack in $DIR"
  rm -f "$DIR/stopping"
  STARTING=1
  trap 'say "interrupted: stopping"; STARTING=0; stop_all; exit 130' INT TERM HUP
  if [ ! -s "$DIR/secrets/cookie_secret" ]; then
    mkdir -p "$DIR/secrets"
    (umask 077; od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$DIR/secrets/cookie_secret")
  fi
  start_postgres
  (umask 077; database_url >"$DIR/secrets/database_url")
  publish_sample_if_empty
  for name in "${REPLICAS[@]}"; do start_app "$name"; done
  for name in "${REPLICAS[@]}"; do wait_app "$name"; done
  # nginx is (re)started last, on the replicas' ports as they are now.
  stop_pid "$NGX/nginx.pid" nginx TERM
  start_nginx
  wait_http "$(proxy_url)_stcore/health" 30 || die "the proxy does not answer: see $NGX/error.log"
  proxy_url >"$DIR/url"
  STARTING=0
  flock -u 9
  say "database: SALES_DATABASE_URL in $DIR/secrets/database_url"
  say "ready: $(proxy_url)"
}

case "$command" in
  stop) stop_all ;;
  status) status ;;
  start)
    ALREADY=0
    start
    # Already running (in another terminal, or detached): that one keeps the stack.
    if [ "$DETACH" = 1 ] || [ "$ALREADY" = 1 ]; then exit 0; fi
    # Foreground: Ctrl-C (or SIGTERM) stops the stack; so does a part of it ending on its own.
    trap 'echo; say "stopping (Ctrl-C)"; stop_all; exit 130' INT
    trap 'say "stopping (SIGTERM)"; stop_all; exit 143' TERM HUP
    say "Ctrl-C stops everything"
    while running; do
      sleep 2 &
      wait $! || true
    done
    if [ -f "$DIR/stopping" ]; then exit 0; fi   # `run-local.sh stop` from elsewhere
    say "a part of the stack ended on its own:"
    status || true
    stop_all
    exit 1
    ;;
esac
