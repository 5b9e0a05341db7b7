#!/usr/bin/env bash
# Proof for the .deb (docs/installers.md): installs installers/target/dist/signalbox_*.deb with
# apt-get, opens the installed app under Xvfb with a temp data dir, takes a screenshot, checks a
# second launch brings the window forward (exit 0), stops it with SIGTERM (exit 0), then removes
# the package and checks that no file is left. Run as root on a Debian-like machine, after
# ./mvnw -Pinstaller -DskipTests package. Usage: installers/try-deb.sh [screenshot.png]
set -euo pipefail
cd "$(dirname "$0")/.."
shot="${1:-installers/target/installed-deb.png}"
deb="$(ls "$PWD"/installers/target/dist/signalbox_*.deb)"
command -v Xvfb >/dev/null && command -v import >/dev/null && command -v xdotool >/dev/null \
  && command -v xdpyinfo >/dev/null || {
  apt-get update -q && apt-get install -y -q xvfb imagemagick xdotool x11-utils
}

apt-get install -y -q "$deb"
dpkg -L signalbox >/tmp/signalbox-files.txt
echo "installed: $(wc -l </tmp/signalbox-files.txt) paths from the package"
test -x /opt/signalbox/bin/Signalbox
test "$(readlink /usr/bin/signalbox)" = /opt/signalbox/bin/Signalbox
ls /usr/share/applications/signalbox-Signalbox.desktop
signalbox --version

data="$(mktemp -d)/sb"
Xvfb :98 -screen 0 1280x800x24 -nolisten tcp &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do xdpyinfo -display :98 >/dev/null 2>&1 && break; sleep 0.1; done
out="$(mktemp)"
DISPLAY=:98 /opt/signalbox/bin/Signalbox --data-dir "$data" --port 0 \
  --import assets/screenshots/demo-routes.json >"$out" 2>"$out.err" &
app=$!
for _ in $(seq 1 240); do
  DISPLAY=:98 xdotool search --name '^Signalbox$' >/dev/null 2>&1 && [ -f "$data/instance.focus" ] && break
  kill -0 "$app" 2>/dev/null || { cat "$out.err"; echo "the installed app exited early"; exit 1; }
  sleep 0.25
done
cat "$out"
# Let the first frame paint: wait until the screen is no longer one flat colour.
for _ in $(seq 1 80); do
  colours="$(DISPLAY=:98 import -window root -colors 8 -format '%k' info: 2>/dev/null || echo 1)"
  [ "${colours:-1}" -gt 2 ] && break
  sleep 0.25
done
DISPLAY=:98 import -window root "$shot"
echo "screenshot: $shot"

# A second launch on the same data dir: the running window comes forward, exit 0.
DISPLAY=:98 signalbox --data-dir "$data" --port 0
kill -TERM "$app"
wait "$app"
echo "the installed app stopped on SIGTERM with exit 0"

dpkg -r signalbox
left=""
while read -r path; do
  [ -e "$path" ] && [ ! -d "$path" ] && left="$left $path"
done </tmp/signalbox-files.txt
for path in /opt/signalbox /usr/bin/signalbox /usr/share/applications/signalbox-Signalbox.desktop; do
  [ -e "$path" ] || [ -L "$path" ] && left="$left $path"
done
[ -z "$left" ] || { echo "left after dpkg -r:$left"; exit 1; }
echo "dpkg -r signalbox removed everything it installed"
