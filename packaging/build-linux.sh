#!/usr/bin/env bash
# Build the Linux bundle of Practice and its two packages into dist/:
#
#     packaging/build-linux.sh
#
#   dist/practice/                              the bundle (run dist/practice/practice)
#   dist/practice-VERSION-linux-ARCH.tar.gz     the bundle, a README and a menu-entry script
#   dist/practice_VERSION_DEBARCH.deb           installs to /opt/practice, with a menu entry
#
# Run from anywhere; needs python3 (3.11+) with venv, and dpkg-deb (Debian's dpkg) for the
# .deb. The build environment is build/bundle/venv (made once, then reused).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

fail() {
    echo "build-linux: $*" >&2
    exit 1
}

command -v dpkg-deb >/dev/null || fail "dpkg-deb is needed for the .deb (Debian's dpkg package)"
version="$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
arch="$(uname -m)"
deb_arch="$(dpkg --print-architecture)"
build="$root/build/bundle"
venv="$build/venv"
mkdir -p "$build" dist

echo "== build environment ($venv)"
[[ -x $venv/bin/python ]] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -r packaging/requirements-build.txt
# Practice itself, not editable, from a copy of the files git knows: a stale build/ or an
# editable install would put other files in the bundle than the checkout's.
rm -rf "$build/source"
mkdir "$build/source"
git ls-files -z --cached --others --exclude-standard |
    xargs -0 cp --parents -t "$build/source"
"$venv/bin/python" -m pip install --quiet --force-reinstall --no-deps "$build/source"
"$venv/bin/python" -m pip install --quiet "$build/source"

# the compiled Spanish must be the sources' (a stale .qm would ship without a word)
"$venv/bin/python" tools/translations.py check ||
    fail "resources/translations is stale: run python tools/translations.py update"

echo "== bundle (PyInstaller, packaging/practice.spec)"
rm -rf dist/practice
"$venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist \
    --workpath "$build/pyinstaller" packaging/practice.spec
[[ -x dist/practice/practice ]] || fail "PyInstaller made no dist/practice/practice"

# What the bundle takes from the system: every library its files load from outside it,
# as the Debian packages that hold them, and the three that Qt's xcb plugin needs and a
# minimal system lacks (declared even when the bundle carries its own copy).
echo "== system libraries the bundle needs"
linked="$(
    find dist/practice -type f \( -name '*.so*' -o -name practice \) -print0 |
        LD_LIBRARY_PATH="$root/dist/practice/_internal" xargs -0 ldd 2>/dev/null
)"
# Only Wayland's plugins may lack theirs: a Wayland desktop has them.
optional='^(libwayland-cursor\.so\.0|libwayland-egl\.so\.1)$'
unresolved="$(awk '$3 == "not" {print $1}' <<<"$linked" | sort -u | grep -Ev "$optional" || true)"
[[ -z $unresolved ]] || fail "this machine lacks libraries that Qt's plugins need, so the
bundle would lack them too; install them and build again: $(echo $unresolved)"
packages=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1)
while read -r library; do
    owner="$(dpkg -S "$(realpath "$library")" 2>/dev/null | head -1 | cut -d: -f1)" || true
    [[ -n $owner ]] && packages+=("$owner")
done < <(awk '$2 == "=>" && $3 ~ /^\// && $3 !~ /dist\/practice\// {print $3}' <<<"$linked" | sort -u)
glibc="$(dpkg-query -W -f='${Version}' libc6 | cut -d- -f1)"
depends="libc6 (>= $glibc)"
recommended="$(sed -n 's/^Recommends: //p' packaging/linux/control | tr -d ' ' | tr , '\n')"
for package in $(printf '%s\n' "${packages[@]}" | grep -vx libc6 | grep -vxF "$recommended" | sort -u); do
    depends+=", $package"
done
echo "Depends: $depends"

echo "== dist/practice-$version-linux-$arch.tar.gz"
stage="$build/stage"
rm -rf "$stage"
mkdir -p "$stage/practice-$version"
cp -a dist/practice/. "$stage/practice-$version/"
cp packaging/linux/install-menu-entry.sh "$stage/practice-$version/"
sed "s|@VERSION@|$version|" packaging/linux/README.txt >"$stage/practice-$version/README.txt"
tar -C "$stage" -czf "dist/practice-$version-linux-$arch.tar.gz" "practice-$version"

deb="dist/practice_${version}_${deb_arch}.deb"
echo "== $deb"
root_dir="$build/deb"
rm -rf "$root_dir"
mkdir -p "$root_dir/DEBIAN" "$root_dir/opt" "$root_dir/usr/bin" \
    "$root_dir/usr/share/applications" "$root_dir/usr/share/doc/practice" \
    "$root_dir/usr/share/icons/hicolor/scalable/apps"
cp -a dist/practice "$root_dir/opt/practice"
ln -s /opt/practice/practice "$root_dir/usr/bin/practice"
sed 's|^Exec=.*|Exec=/opt/practice/practice|' resources/practice.desktop \
    >"$root_dir/usr/share/applications/practice.desktop"
cp resources/icons/practice.svg "$root_dir/usr/share/icons/hicolor/scalable/apps/practice.svg"
for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$root_dir/usr/share/icons/hicolor/${size}x${size}/apps"
    cp "resources/icons/practice-$size.png" \
        "$root_dir/usr/share/icons/hicolor/${size}x${size}/apps/practice.png"
done
cp packaging/linux/copyright "$root_dir/usr/share/doc/practice/copyright"
{
    echo "practice ($version) stable; urgency=medium"
    echo
    echo "  * Release $version: see the README and docs/ of the source for what changed."
    echo
    echo " -- Practice developers <practice@example.org>  $(git log -1 --format=%cD)"
} | gzip -9n >"$root_dir/usr/share/doc/practice/changelog.gz"
installed_size="$(du -sk --exclude=DEBIAN "$root_dir" | cut -f1)"
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$deb_arch|" -e "s|@DEPENDS@|$depends|" \
    -e "s|@SIZE@|$installed_size|" packaging/linux/control >"$root_dir/DEBIAN/control"
chmod -R u=rwX,go=rX "$root_dir"
find "$root_dir/opt" -type f -name '*.so*' -exec chmod 644 {} +  # libraries, not programs
dpkg-deb --root-owner-group -Zxz --build "$root_dir" "$deb" >/dev/null

echo "== sizes"
du -sh dist/practice "dist/practice-$version-linux-$arch.tar.gz" "$deb"
