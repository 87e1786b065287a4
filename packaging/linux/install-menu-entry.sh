#!/bin/sh
# Put Practice in your desktop's menu, for the folder you unpacked it in (for you alone;
# the .deb does this for everyone):
#     ./install-menu-entry.sh            add the menu entry and the icon
#     ./install-menu-entry.sh --remove   take them away again (your practice stays)
# Moved the folder? Run it again from the new place.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
resources="$here/_internal/practice/resources"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
entry="$data/applications/practice.desktop"
icons="$data/icons/hicolor"
# The entry starts a link to this folder's program: some menus (GLib's) cannot start a
# program whose path has a "%" in it, and a link's path has none.
launcher="$data/practice-launcher/practice"

refresh() {
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$data/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null && [ -f "$icons/index.theme" ]; then
        gtk-update-icon-cache -q -t "$icons" || true
    fi
}

if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry" "$icons/256x256/apps/practice.png" "$icons/scalable/apps/practice.svg"
    rm -f "$launcher"
    rmdir "$(dirname "$launcher")" 2>/dev/null || true
    refresh
    echo "Practice is no longer in your menu. Your practice and its backups are kept."
    exit 0
fi

case "$here" in
*"
"*)
    echo "This folder's name has a line break, which a menu entry cannot hold: rename it." >&2
    exit 1
    ;;
esac
# The Exec line as the desktop entry specification wants it: the program in double
# quotes with " ` $ \ escaped, % doubled, then every \ doubled again (a string value).
program="$(printf '%s' "$launcher" | sed -e 's/[\\"`$]/\\&/g' -e 's/%/%%/g')"
exec_line="Exec=$(printf '"%s"' "$program" | sed 's/\\/\\\\/g')"

mkdir -p "$data/applications" "$icons/256x256/apps" "$icons/scalable/apps" "$(dirname "$launcher")"
ln -sfn "$here/practice" "$launcher"
cp "$resources/icons/practice-256.png" "$icons/256x256/apps/practice.png"
cp "$resources/icons/practice.svg" "$icons/scalable/apps/practice.svg"
EXEC_LINE="$exec_line" awk '/^Exec=/ { print ENVIRON["EXEC_LINE"]; next } { print }' \
    "$resources/practice.desktop" >"$entry"
refresh
echo "Practice is in your menu now (it starts $here/practice)."
