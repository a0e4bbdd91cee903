#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on loopback for the test suite and print the
# URL the tests reach it by (CS_TRAINER_TEST_DATABASE). Sourced by bootstrap.sh:
#
#   start_test_postgres DIR   # initdb in DIR, start on a free port, export the URL
#   stop_test_postgres DIR
#
# The server is the test run's own: its data folder is a temporary one, it listens on
# 127.0.0.1 only, trusts local connections (nothing else can reach it) and trades
# durability for speed (fsync off), which a test server may.

postgres_bin() {
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$bin" ] && command -v pg_config >/dev/null; then bin="$(pg_config --bindir)"; fi
    echo "$bin"
}

# Runs a server program as the postgres user when we are root: the server refuses root.
# From /, which that user may enter (the clone's folder may be closed to it).
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

free_port() {
    .venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_test_postgres() {
    local dir="$1" bin port
    bin="$(postgres_bin)"
    mkdir -p "$dir"
    chmod 0755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    port="$(free_port)"
    as_postgres "$bin/initdb" --pgdata="$dir/data" --username=cs_trainer --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    as_postgres "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait \
        --options="-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    as_postgres "$bin/createdb" --host=127.0.0.1 --port="$port" --username=cs_trainer cs_trainer_test
    export CS_TRAINER_TEST_DATABASE="postgresql+psycopg://cs_trainer@127.0.0.1:$port/cs_trainer_test"
    echo "bootstrap: PostgreSQL for the tests at $CS_TRAINER_TEST_DATABASE"
}

stop_test_postgres() {
    local dir="$1"
    [ -d "$dir/data" ] || return 0
    as_postgres "$(postgres_bin)/pg_ctl" --pgdata="$dir/data" --mode=immediate stop >/dev/null || true
    rm -rf "$dir"
}
