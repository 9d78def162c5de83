#!/usr/bin/env bash
# Installs the Debian 12 packages MerchSim needs to build, test and run, skipping those present.
set -euo pipefail

packages=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-qpa-plugins libgl-dev
    libsqlite3-dev libeigen3-dev nlohmann-json3-dev libpugixml-dev libhnswlib-dev
    fonts-dejavu-core
    clang-14 libclang-rt-14-dev
    dpkg-dev # dpkg-shlibdeps, for the Debian package (cpack -G DEB)
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "Installing Debian packages: ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
    sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
