#!/usr/bin/env bash
# Install the Debian/Ubuntu packages dossiercheck needs, only those missing (fast when all are there).
set -euo pipefail
packages=(
  tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-nld tesseract-ocr-deu tesseract-ocr-osd
  # pages that read like one of these are read again in it (schemas/reading.yaml `languages`)
  tesseract-ocr-spa tesseract-ocr-por tesseract-ocr-ita tesseract-ocr-tur tesseract-ocr-pol tesseract-ocr-ron
  libmagic1             # python-magic: file types from bytes
  fonts-ocr-b           # MRZ glyph matching (ocr/mrz_glyphs.py), and the sample generator's MRZ font
  fonts-dejavu-core fonts-liberation  # sample generator: document fonts
  python3-venv
)
[ "${WITH_BROWSER:-0}" = 1 ] && packages+=(chromium)   # HTML report tests take screenshots with it
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Please install: ${missing[*]} (this script knows apt-get only)" >&2; exit 1
fi
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
