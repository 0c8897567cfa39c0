# Sourced by the project's scripts. Installs the workspace's npm dependencies exactly as
# yarn.lock pins them, skipping the work when nothing changed since the last install.

install_dependencies() {
  local stamp="$REPO_ROOT/node_modules/.innersource-install-stamp" digest
  digest="$( (node --version; cat "$REPO_ROOT/yarn.lock" "$REPO_ROOT"/package.json "$REPO_ROOT"/packages/*/package.json "$REPO_ROOT"/plugins/*/package.json 2>/dev/null) | sha256sum | cut -c1-64)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ]; then
    return 0
  fi
  say "installing npm dependencies (yarn install --immutable; several minutes on a new machine)"
  if ! (cd "$REPO_ROOT" && yarn install --immutable >"$TOOLCHAIN_DIR/yarn-install.log" 2>&1); then
    grep -E 'YN0001|YN0009|YN0028|YN0082|Error' "$TOOLCHAIN_DIR/yarn-install.log" | head -n 15 >&2
    die "yarn install failed (full log: .toolchain/yarn-install.log). A 'No candidates found' line means the npm registry lacks a version that yarn.lock pins."
  fi
  echo "$digest" >"$stamp"
}
