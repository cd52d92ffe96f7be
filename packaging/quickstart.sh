#!/usr/bin/env bash
# Quick start, step 1: install build dependencies, build the release
# binaries and resolve a sample URL.
#   sudo packaging/quickstart.sh
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh --build
cmake --preset release -DCOOLPAPERS_BUILD_BENCH=OFF >/dev/null
cmake --build build/release -j"$(nproc)" --target coolpapers
echo
echo "$ build/release/native_host/coolpapers resolve https://arxiv.org/abs/2312.00001v2"
build/release/native_host/coolpapers resolve https://arxiv.org/abs/2312.00001v2
