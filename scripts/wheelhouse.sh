#!/usr/bin/env bash
# Build dist/wheelhouse/: the tpkit wheel and the wheels of every run-time dependency (the `server` extra
# included), to carry into a closed network and install there with install-offline.sh (no package index).
#
#   scripts/wheelhouse.sh                 # CPython 3.10-3.13 on Linux x86_64 (manylinux) and Windows x64, plus
#                                         # the interpreter that runs it
#   WHEELHOUSE_TARGETS=current scripts/wheelhouse.sh   # the running interpreter's platform only (fast)
#   WHEELHOUSE_PYTHONS="3.12" WHEELHOUSE_PLATFORMS="win_amd64" scripts/wheelhouse.sh
#
# Needs a machine that reaches a package index (PyPI or the agency's mirror: pip's usual configuration).
# Only binary wheels are taken (--only-binary=:all:), so nothing is compiled on the closed side.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
OUT=${WHEELHOUSE_DIR:-dist/wheelhouse}
TARGETS=${WHEELHOUSE_TARGETS:-all}
PYTHONS=${WHEELHOUSE_PYTHONS:-3.10 3.11 3.12 3.13}
PLATFORMS=${WHEELHOUSE_PLATFORMS:-manylinux win_amd64}
EXTRAS=${WHEELHOUSE_EXTRAS:-server}

rm -rf "$OUT"
mkdir -p "$OUT"

# 1. the tpkit wheel (hatchling: the one in this environment if there is one, else pip fetches it)
if "$PYTHON" -c "import hatchling" 2>/dev/null; then
  "$PYTHON" -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir "$OUT" .
else
  "$PYTHON" -m pip wheel --quiet --no-deps --wheel-dir "$OUT" .
fi
WHEEL=$(ls "$OUT"/tpkit-*.whl)
REQ="$WHEEL[$EXTRAS]"

download() {  # download [pip download options…]: tpkit's dependencies, binary wheels only
  "$PYTHON" -m pip download --quiet --only-binary=:all: --dest "$OUT" "$@" "$REQ"
}

# 2. the running interpreter's own platform (always: the test installs from this)
download

# 3. the other Python versions and platforms. pip evaluates environment markers for this machine, not the
# target, so the dependencies behind a marker are named here: click's and typer's colorama
# (platform_system == "Windows"), cattrs' exceptiongroup (python_version < "3.11"). A test installs the
# wheelhouse with the index off; check a new dependency's markers when one is added.
if [ "$TARGETS" = all ]; then
  for py in $PYTHONS; do
    abi="cp${py/./}"
    for plat in $PLATFORMS; do
      case "$plat" in
        manylinux)
          plats=(--platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64)
          extra=()
          ;;
        win_amd64)
          plats=(--platform win_amd64)
          extra=(colorama)
          ;;
        *)
          plats=(--platform "$plat")
          extra=()
          ;;
      esac
      [ "$py" = 3.10 ] && extra+=(exceptiongroup)
      "$PYTHON" -m pip download --quiet --only-binary=:all: --dest "$OUT" \
        --implementation cp --python-version "$py" --abi "$abi" --abi abi3 --abi none "${plats[@]}" \
        "$REQ" "${extra[@]}"
    done
  done
fi

cp install-offline.sh "$OUT/"
chmod +x "$OUT/install-offline.sh"
(cd "$OUT" && ls -1 *.whl | LC_ALL=C sort > MANIFEST.txt && sha256sum *.whl > SHA256SUMS)

# what the wheelhouse covers, read from the tags of the wheels that are built per interpreter (pydantic-core)
covers=$(ls "$OUT"/pydantic_core-*.whl | sed -E 's/.*-(cp3[0-9]+)-cp3[0-9]+-(.*)\.whl/\1 \2/' \
  | sed -E 's/^cp3([0-9]+) /CPython 3.\1 /; s/manylinux[^ ]*x86_64/Linux x86_64 (manylinux)/; s/win_amd64/Windows x64/' \
  | LC_ALL=C sort -u -V)
{
  echo "tpkit $(basename "$WHEEL" | cut -d- -f2) wheelhouse: install with ./install-offline.sh (Linux) or"
  echo "  pip install --no-index --find-links . \"tpkit[$EXTRAS]\""
  echo "extras included: $EXTRAS"
  echo "covers:"
  echo "$covers" | sed 's/^/  /'
  echo "wheels: $(ls "$OUT"/*.whl | wc -l) (MANIFEST.txt; checksums in SHA256SUMS: sha256sum -c SHA256SUMS)"
} > "$OUT/README.txt"
cat "$OUT/README.txt"
echo "wheelhouse: $OUT ($(ls "$OUT"/*.whl | wc -l) wheels, $(du -sh "$OUT" | cut -f1))"
