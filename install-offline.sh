#!/bin/sh
# Install tpkit from a wheelhouse (made by `make wheelhouse`) with no package index: for a closed network.
#
#   ./install-offline.sh                  # a virtual environment .venv-tpkit here, tpkit with the server extra
#   ./install-offline.sh /opt/tpkit       # the virtual environment elsewhere
#   TPKIT_EXTRAS= ./install-offline.sh    # without the language server (pygls)
#   PYTHON=python3.12 ./install-offline.sh
#
# The wheels are looked for next to this script (dist/wheelhouse/ carried as it is) or, run from a tpkit
# checkout, in dist/wheelhouse/. pip's own configuration is switched off: nothing is fetched from anywhere.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
if ls "$here"/tpkit-*.whl >/dev/null 2>&1; then
  wheels=$here
else
  wheels=$here/dist/wheelhouse
fi
venv=${1:-.venv-tpkit}
python=${PYTHON:-python3}
extras=${TPKIT_EXTRAS-server}
spec=tpkit
[ -n "$extras" ] && spec="tpkit[$extras]"

"$python" -m venv "$venv"
env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL PIP_CONFIG_FILE=/dev/null \
  "$venv/bin/python" -m pip install --quiet --no-index --find-links "$wheels" "$spec"
"$venv/bin/tpkit" --version
echo "tpkit: $venv/bin/tpkit"
