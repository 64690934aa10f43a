#!/usr/bin/env bash
# Installs everything Lambda Playground needs on Debian 12, from Debian's archive and the npm registry only,
# at the versions pinned in emsdk.lock. Idempotent: when everything is present it does no network work.
#   scripts/bootstrap.sh            everything (native + web + browser tests)
#   scripts/bootstrap.sh --native   only what the native build and tests need
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CACHE=${PG_CACHE_DIR:-$ROOT/.deps}
LOCK=$ROOT/emsdk.lock
MODE=${1:-all}

say() { printf '[bootstrap] %s\n' "$*"; }
die() { printf '[bootstrap] ERROR: %s\n' "$*" >&2; exit 1; }

lock_value() { awk -v k="$1" '$1==k {print $2}' "$LOCK"; }
lock_debs() { awk '$1 ~ /^deb:/ {sub(/^deb:/, "", $1); print $1}' "$LOCK"; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else die "need root (or sudo) to run: $*"; fi
}

# ---- 1. Debian packages ---------------------------------------------------------------------------------
missing_debs() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || echo "$pkg"
    done
}

install_debs() {
    local need
    need=$(missing_debs "$@")
    [ -z "$need" ] && return 0
    command -v apt-get >/dev/null || die "apt-get not found: this setup needs Debian 12 (bookworm). Missing: $need"
    say "installing Debian packages: $(echo $need)"
    as_root apt-get update -qq || die "apt-get update failed: is Debian's package archive reachable?"
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need \
        || die "apt-get install failed for: $(echo $need)"
}

emcc_matches_lock() {
    local want have
    want=$(lock_value emscripten)
    command -v emcc >/dev/null || return 1
    have=$(emcc --version 2>/dev/null | head -1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1)
    [ "$have" = "$want" ]
}

if [ "$MODE" = "--native" ]; then
    install_debs cmake ninja-build g++ make nlohmann-json3-dev doctest-dev zlib1g-dev libsdl2-dev libyaml-cpp-dev
    say "native dependencies present"
    exit 0
fi

debs=$(lock_debs)
if emcc_matches_lock && ! dpkg-query -W emscripten >/dev/null 2>&1; then
    say "using emcc $(lock_value emscripten) from PATH ($(command -v emcc))"
    debs=$(echo "$debs" | grep -vx emscripten)
fi
# npm: Debian's package on a plain Debian; a Node.js install from elsewhere brings its own npm.
command -v npm >/dev/null || debs="$debs npm"
# shellcheck disable=SC2086
install_debs $debs
emcc_matches_lock || die "emcc $(lock_value emscripten) is required (emsdk.lock); found: $(emcc --version 2>/dev/null | head -1 || echo none)"

# ---- 2. Debian source packages (SDL2, ImGui, zlib, yaml-cpp) ------------------------------------------------------
# apt-get source needs deb-src entries; we keep them in a private apt state under the cache, derived from
# the machine's own source list (never a host name written here), so the system configuration is untouched.
APT_DIR=$CACHE/apt
apt_private() {
    apt-get -o Dir::Etc::SourceList="$APT_DIR/sources.list" -o Dir::Etc::SourceParts=/dev/null \
        -o Dir::State::Lists="$APT_DIR/lists" -o Dir::Cache::Archives="$APT_DIR/archives" \
        -o Debug::NoLocking=1 -o APT::Sandbox::User=root "$@"
}

machine_archive_uri() {
    # First archive URI (not the security one) from the deb822 or one-line source lists.
    local uri
    uri=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)
    if [ -z "$uri" ]; then
        uri=$(grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
              | sed -E 's/\[[^]]*\]//' | awk '{print $2}' | grep -v security | head -1 || true)
    fi
    echo "$uri"
}

prepare_private_apt() {
    [ -s "$APT_DIR/lists/.ready" ] && return 0
    local uri
    uri=$(machine_archive_uri)
    [ -n "$uri" ] || die "could not find the Debian archive in /etc/apt/sources.list{,.d}: cannot fetch source packages"
    mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/archives/partial"
    {
        echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri bookworm main"
        echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main"
    } > "$APT_DIR/sources.list"
    say "reading source package lists (bookworm, trixie)"
    apt_private update -qq || die "could not read the source package lists from the Debian archive"
    date > "$APT_DIR/lists/.ready"
}

# fetch_source NAME DEST: unpacks the pinned version of source package NAME into DEST.
fetch_source() {
    local name=$1 dest=$2 version tmp
    version=$(lock_value "source:$name")
    [ -n "$version" ] || die "emsdk.lock has no version for source package $name"
    if [ -f "$dest/.pg-version" ] && [ "$(cat "$dest/.pg-version")" = "$version" ]; then return 0; fi
    prepare_private_apt
    say "fetching Debian source package $name=$version"
    tmp=$(mktemp -d "$CACHE/src/.fetch.XXXXXX")
    (cd "$tmp" && apt_private source -qq --download-only "$name=$version") \
        || die "could not download source package $name=$version (pinned in emsdk.lock)"
    (cd "$tmp" && dpkg-source --no-check -x ./*.dsc unpacked >/dev/null) || die "could not unpack $name=$version"
    rm -rf "$dest"
    mv "$tmp/unpacked" "$dest"
    rm -rf "$tmp"
    echo "$version" > "$dest/.pg-version"
}

mkdir -p "$CACHE/src"
fetch_source libsdl2 "$CACHE/src/sdl2"
fetch_source imgui "$CACHE/src/imgui"
fetch_source zlib "$CACHE/src/zlib"
fetch_source yaml-cpp "$CACHE/src/yaml-cpp"
if [ ! -f "$CACHE/src/zlib/zconf.h" ]; then
    cp "$CACHE/src/zlib/zconf.h.in" "$CACHE/src/zlib/zconf.h"
fi

# ---- 3. SDL2 built for wasm, once, into the cache ---------------------------------------------------------
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}   # emcc's JS optimizer needs Debian's acorn
SDL_PREFIX=$CACHE/sdl2-wasm
SDL_STAMP="$(lock_value source:libsdl2) emcc-$(lock_value emscripten)"
if [ ! -f "$SDL_PREFIX/.pg-built" ] || [ "$(cat "$SDL_PREFIX/.pg-built")" != "$SDL_STAMP" ]; then
    say "building SDL2 for wasm (once; a few minutes)"
    rm -rf "$CACHE/sdl2-build" "$SDL_PREFIX"
    emcmake cmake -S "$CACHE/src/sdl2" -B "$CACHE/sdl2-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DCMAKE_INSTALL_PREFIX="$SDL_PREFIX" >"$CACHE/sdl2-build.log" 2>&1 \
        || die "configuring SDL2 for wasm failed; see $CACHE/sdl2-build.log"
    cmake --build "$CACHE/sdl2-build" -j"$(nproc)" >>"$CACHE/sdl2-build.log" 2>&1 \
        && cmake --install "$CACHE/sdl2-build" >>"$CACHE/sdl2-build.log" 2>&1 \
        || die "building SDL2 for wasm failed; see $CACHE/sdl2-build.log"
    echo "$SDL_STAMP" > "$SDL_PREFIX/.pg-built"
    rm -rf "$CACHE/sdl2-build"
fi

# ---- 4. npm packages for the browser tests (pinned by package-lock.json) -----------------------------------
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.pg-lock ] || [ "$(cat node_modules/.pg-lock)" != "$lock_sum" ]; then
    command -v npm >/dev/null || die "npm not found (Debian package npm, or a Node.js install with npm)"
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed: is the npm registry reachable, and does this machine trust its TLS certificate (CA certificates installed)?"
    echo "$lock_sum" > node_modules/.pg-lock
fi

say "all dependencies present"
