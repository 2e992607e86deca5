#!/bin/sh
# The bench-only environment for PassportEye, the anchor the specimen bench compares dossiercheck with.
# It is never a dependency of the product: it lives in .cache/bench-venv/passporteye and uses the
# system tesseract. Idempotent: a second run only checks that the import still works.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VENV="$ROOT/.cache/bench-venv/passporteye"
PYTHON=${PYTHON:-python3}

command -v tesseract >/dev/null || { echo "tesseract is not installed (make system installs it)" >&2; exit 1; }
if [ ! -x "$VENV/bin/python" ]; then
    mkdir -p "$(dirname "$VENV")"
    "$PYTHON" -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import passporteye" 2>/dev/null; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q passporteye
fi
"$VENV/bin/python" -c "import passporteye, importlib.metadata as m; print('PassportEye', m.version('passporteye'), 'in', '$VENV')"
