#!/usr/bin/env bash
# Installs Redis and PostgreSQL from Debian packages when missing and starts a throw-away instance of each on
# loopback for the integration tests (no Docker here). Source it: it exports ARBITER_TEST_REDIS_URL and
# ARBITER_TEST_POSTGRES_URL, which the tests read. Safe to run again: running instances are reused.
set -euo pipefail
ARBITER_TEST_REDIS_PORT=${ARBITER_TEST_REDIS_PORT:-6399}
ARBITER_TEST_PG_PORT=${ARBITER_TEST_PG_PORT:-5499}
ARBITER_TEST_PG_DATA=${ARBITER_TEST_PG_DATA:-/tmp/arbiter-test-pg}

arbiter_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -n "$(arbiter_pg_bin)" ] && [ -x "$(arbiter_pg_bin)/postgres" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "services: installing ${missing[*]} from Debian packages"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The packages start system-wide instances on the default ports; the tests use their own, so stop those.
  (service redis-server stop || true; service postgresql stop || true) >/dev/null 2>&1
fi

if ! redis-cli -h 127.0.0.1 -p "$ARBITER_TEST_REDIS_PORT" ping >/dev/null 2>&1; then
  redis-server --port "$ARBITER_TEST_REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
    --logfile /tmp/arbiter-test-redis.log
fi

PG_BIN=$(arbiter_pg_bin)
id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$ARBITER_TEST_PG_PORT"; then
  if [ ! -f "$ARBITER_TEST_PG_DATA/PG_VERSION" ]; then
    mkdir -p "$ARBITER_TEST_PG_DATA"
    [ "$(id -u)" = 0 ] && chown postgres "$ARBITER_TEST_PG_DATA"
    as_postgres "$PG_BIN/initdb" -D "$ARBITER_TEST_PG_DATA" -U arbiter --auth=trust >/dev/null
  fi
  as_postgres "$PG_BIN/pg_ctl" -s -w -D "$ARBITER_TEST_PG_DATA" -l "$ARBITER_TEST_PG_DATA/server.log" \
    -o "-p $ARBITER_TEST_PG_PORT -c listen_addresses=127.0.0.1 -k /tmp -c fsync=off -c max_connections=200" start
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$ARBITER_TEST_PG_PORT" -U arbiter arbiter 2>/dev/null || true
fi

export ARBITER_TEST_REDIS_URL="redis://127.0.0.1:$ARBITER_TEST_REDIS_PORT"
export ARBITER_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$ARBITER_TEST_PG_PORT/arbiter?user=arbiter"
echo "services: Redis at $ARBITER_TEST_REDIS_URL, PostgreSQL at $ARBITER_TEST_POSTGRES_URL"
