#!/usr/bin/env bash
# Installs what is missing, builds and runs every test through ctest. With CI=true (or
# BYLINE_SANITIZE=1) it also checks formatting and runs the suite under ASan+UBSan; with CI=true
# (or BYLINE_FUZZ=1) it then runs each libFuzzer harness for 30 s (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
ensure_packages
build build -DBYLINE_BUILD_TESTS=ON
(cd build && ctest --output-on-failure --parallel "$(nproc)")
if [ "${CI:-}" = "true" ] || [ "${BYLINE_SANITIZE:-0}" = "1" ]; then
    echo "== clang-format check"
    git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror
    echo "== tests under AddressSanitizer + UndefinedBehaviorSanitizer"
    build build-asan -DBYLINE_BUILD_TESTS=ON -DBYLINE_SANITIZERS=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
    (cd build-asan && ctest --output-on-failure --parallel "$(nproc)")
fi
if [ "${CI:-}" = "true" ] || [ "${BYLINE_FUZZ:-0}" = "1" ]; then
    echo "== libFuzzer harnesses, 30 s each"
    scripts/fuzz.sh 30
fi
