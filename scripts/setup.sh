# Shared by demo.sh and test.sh: install missing Debian packages, then configure and build.
# Source it; it defines ensure_packages and build.

BYLINE_PACKAGES=(cmake ninja-build g++ pkg-config clang-format libxapian-dev libicu-dev
                 libcli11-dev nlohmann-json3-dev catch2 libgumbo-dev zlib1g-dev libjemalloc-dev
                 libcpp-httplib-dev python3-jsonschema
                 libcld2-dev  # language identification
                 xapian-tools  # xapian-tcpsrv, Xapian's remote server that byline-shard runs
                 chromium chromium-driver python3-selenium)  # the web page's browser test

# Only scripts/fuzz.sh needs these: clang with libFuzzer, and llvm-symbolizer for its traces.
BYLINE_FUZZ_PACKAGES=(clang-14 libclang-rt-14-dev llvm-14)

# ensure_packages [PACKAGE...]: those named, else BYLINE_PACKAGES.
ensure_packages() {
    local wanted=("${BYLINE_PACKAGES[@]}")
    [ $# -gt 0 ] && wanted=("$@")
    local missing=()
    for pkg in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing Debian packages: ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

# build DIR [extra cmake args...]
build() {
    local dir=$1
    shift
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
    cmake --build "$dir" --parallel "$(nproc)"
}
