#!/bin/sh
# Draws the app icons in src/main/resources/static/icons/ from the two marks in this folder
# (the "M" of the top bar: signal orange with a dark letter; the maskable one on road-sign blue,
# the mark inside the safe circle). Needs ImageMagick 6 (`convert`).
set -e
cd "$(dirname "$0")"
out=../../src/main/resources/static/icons
for s in 192 512; do
  convert -background none -density 1536 any.svg -resize ${s}x${s} PNG32:$out/icon-$s.png
done
convert -background none -density 1536 maskable.svg -resize 512x512 PNG32:$out/maskable-512.png
convert -background none -density 1536 maskable.svg -resize 180x180 -alpha remove -background '#1f4e8c' PNG24:$out/apple-touch-icon.png
