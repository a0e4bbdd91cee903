#!/usr/bin/env bash
# Set up cs_trainer on a fresh Debian/Ubuntu machine that has Python 3.11, pip and apt,
# then either start the app or run the whole test suite:
#
#   bash scripts/bootstrap.sh app [cs-trainer arguments…]
#   bash scripts/bootstrap.sh test [pytest arguments…]
#
# It installs the Debian libraries Qt needs, makes a virtual environment in .venv and
# installs cs_trainer into it with pip (not editable, exactly as users get it).
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-app}"
[ $# -gt 0 ] && shift

# Qt's xcb platform plugin needs these to open a real window (also under Xvfb).
WINDOW_PACKAGES=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
                 libxcb-shape0 libxcb-randr0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1
                 libdbus-1-3)
# Tests: a virtual X server for the end-to-end window test; pdftotext with Chinese data.
# PostgreSQL: the storage and service tests also run against a department's server.
TEST_PACKAGES=(xvfb xauth poppler-utils poppler-data postgresql)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "bootstrap: installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

pick_python() {
    for candidate in python3.11 python3; do
        if command -v "$candidate" >/dev/null \
            && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
            echo "$candidate"
            return 0
        fi
    done
    echo "bootstrap: Python 3.11 or newer is required" >&2
    exit 1
}

make_venv() {
    local python
    python="$(pick_python)"
    if [ ! -x .venv/bin/python ]; then
        if ! "$python" -m venv .venv 2>/dev/null; then
            rm -rf .venv  # Debian splits venv out of the interpreter package
            apt_install "$(basename "$python")-venv" || apt_install python3-venv
            "$python" -m venv .venv
        fi
    fi
}

case "$mode" in
    app)
        apt_install "${WINDOW_PACKAGES[@]}"
        make_venv
        .venv/bin/python -m pip install --quiet --disable-pip-version-check .
        exec .venv/bin/cs-trainer "$@"
        ;;
    test)
        apt_install "${WINDOW_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
        make_venv
        .venv/bin/python -m pip install --quiet --disable-pip-version-check ".[test]"
        # A throw-away PostgreSQL server on loopback for this run, unless the caller
        # names one (CS_TRAINER_TEST_DATABASE); stopped and removed when the run ends.
        if [ -z "${CS_TRAINER_TEST_DATABASE:-}" ]; then
            # shellcheck source=scripts/test_postgres.sh
            source scripts/test_postgres.sh
            postgres_dir="$(mktemp -d)"
            trap 'stop_test_postgres "$postgres_dir"' EXIT
            start_test_postgres "$postgres_dir"
        fi
        # The guard rails, on the checkout: lint, formatting, strict types of cs_trainer
        # and tests, the import layers (pyproject.toml). They run on every call, also
        # with pytest arguments, and a failure does not stop the tests: everything is
        # reported, and the exit status is non-zero if anything failed.
        failed=()
        check() {
            echo "bootstrap: $*"
            "$@" || failed+=("$*")
        }
        check .venv/bin/ruff check --quiet .
        check .venv/bin/ruff format --check --quiet .
        check .venv/bin/mypy
        check .venv/bin/lint-imports --no-cache --no-logo
        # pytest (not `python -m pytest`) keeps the checkout off sys.path, so the tests
        # exercise the installed package with its packaged assets.
        check .venv/bin/pytest "$@"
        if [ ${#failed[@]} -gt 0 ]; then
            printf 'bootstrap: FAILED: %s\n' "${failed[@]}" >&2
            exit 1
        fi
        ;;
    *)
        echo "usage: bash scripts/bootstrap.sh app|test [arguments…]" >&2
        exit 2
        ;;
esac
