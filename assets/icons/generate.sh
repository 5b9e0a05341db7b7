#!/usr/bin/env bash
# Makes the raster icons from signalbox.svg: PNGs for Linux and the window (16..1024), an ICO for
# Windows (jpackage --icon on Windows), an ICNS for macOS (jpackage --icon on macOS).
# Needs rsvg-convert (librsvg2-bin), convert (imagemagick) and png2icns (icnsutils).
# The results are committed, so building the installers does not need these tools.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" signalbox.svg -o "signalbox-$size.png"
done
convert signalbox-16.png signalbox-24.png signalbox-32.png signalbox-48.png signalbox-64.png \
  signalbox-256.png signalbox.ico
png2icns signalbox.icns signalbox-16.png signalbox-32.png signalbox-48.png signalbox-128.png \
  signalbox-256.png signalbox-512.png signalbox-1024.png >/dev/null
