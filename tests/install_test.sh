#!/bin/bash
# Installs Byline into a temporary prefix and uses it as an outside project would: every public
# header compiles on its own without ICU/Xapian/nlohmann headers, examples/ builds with
# find_package(byline) (shared and static), and with pkg-config, and each binary searches.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

fail() { echo "install_test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(cd "$prefix" && ls -d lib*/ | head -1)
libdir=$prefix/${libdir%/}
for f in include/byline/byline.h include/byline/version.h share/byline/ner-model.bin \
         share/byline/README.md bin/byline-index bin/byline-search; do
    [ -e "$prefix/$f" ] || fail "missing $f in the install"
done
for f in libbyline.so libbyline.a cmake/byline/bylineConfig.cmake \
         cmake/byline/bylineConfigVersion.cmake cmake/byline/bylineTargets.cmake pkgconfig/byline.pc; do
    [ -e "$libdir/$f" ] || fail "missing $(basename "$libdir")/$f in the install"
done

# Public headers: self-contained, and no third-party types leak into them.
if grep -lE '#include *[<"](unicode/|nlohmann/|xapian|CLI/|gumbo)' "$prefix"/include/byline/*.h; then
    fail "a public header includes a dependency's header"
fi
for header in "$prefix"/include/byline/*.h; do
    echo "#include <byline/$(basename "$header")>" |
        c++ -std=c++20 -fsyntax-only -Wall -Wextra -Werror -I"$prefix/include" -x c++ - ||
        fail "$(basename "$header") does not compile on its own"
done

# Data: the installed copy is complete enough to extract entities from.
export BYLINE_DATA_DIR=$prefix/share/byline

run_example() {  # BINARY LABEL
    rm -rf "$work/index"
    "$1" "$work/index" >"$work/out.txt" || fail "$2: the example failed: $(cat "$work/out.txt")"
    grep -q "Talks in Geneva" "$work/out.txt" || fail "$2: the example found nothing"
}

for kind in shared static; do
    cmake -S "$source/examples" -B "$work/example-$kind" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_PREFIX_PATH="$prefix" -DBYLINE_EXAMPLE_STATIC=$([ $kind = static ] && echo ON || echo OFF) \
        >/dev/null || fail "find_package(byline) failed ($kind)"
    cmake --build "$work/example-$kind" >/dev/null || fail "the example does not build ($kind)"
    run_example "$work/example-$kind/byline-embed-example" "find_package, $kind"
done

PKG_CONFIG_PATH=$libdir/pkgconfig pkg-config --exists byline || fail "pkg-config does not find byline"
# shellcheck disable=SC2046
c++ -std=c++20 -o "$work/embed-pc" "$source/examples/embed.cpp" \
    $(PKG_CONFIG_PATH=$libdir/pkgconfig pkg-config --cflags --libs byline) -Wl,-rpath,"$libdir" ||
    fail "the example does not build with pkg-config"
run_example "$work/embed-pc" "pkg-config"

# The installed programs run against the installed library.
"$prefix/bin/byline-index" -i "$work/cli-index" "$source/sample_corpus" >/dev/null 2>&1 ||
    fail "the installed byline-index failed"
"$prefix/bin/byline-search" -i "$work/cli-index" --json witkoff | grep -q '"total":5' ||
    fail "the installed byline-search did not find the sample articles"
echo "install_test: installed to a temporary prefix; find_package (shared, static), pkg-config and the installed programs work"
