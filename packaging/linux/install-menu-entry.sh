#!/bin/sh
# Put Practice in your desktop's menu, for this folder where you unpacked it:
#     ./install-menu-entry.sh
# (The .deb does this for everyone; this is for the .tar.gz, for you alone.)
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$data/applications" "$data/icons/hicolor/256x256/apps" "$data/icons/hicolor/scalable/apps"
cp "$here/practice-256.png" "$data/icons/hicolor/256x256/apps/practice.png"
cp "$here/practice.svg" "$data/icons/hicolor/scalable/apps/practice.svg"
sed "s|^Exec=.*|Exec=\"$here/practice\"|" "$here/practice.desktop" >"$data/applications/practice.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "Practice is in your menu now (it starts $here/practice)."
