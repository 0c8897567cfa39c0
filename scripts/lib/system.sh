# Sourced by the project's scripts. Installs Debian packages the tests need (PostgreSQL,
# Chromium) when they are missing, and starts PostgreSQL for TestDatabases.

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "'$*' needs root and sudo is not available; run it as root once."
  fi
}

APT_UPDATED=0
ensure_debian_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing ${missing[*]} and this is not a Debian-based machine; install them by hand."
  say "installing Debian packages: ${missing[*]}"
  if [ "$APT_UPDATED" = 0 ]; then
    as_root apt-get update -qq >/tmp/innersource-apt.log 2>&1 || { tail -5 /tmp/innersource-apt.log >&2; die "apt-get update failed (see /tmp/innersource-apt.log); check that Debian's package mirror is reachable."; }
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >>/tmp/innersource-apt.log 2>&1 ||
    { tail -5 /tmp/innersource-apt.log >&2; die "apt-get install ${missing[*]} failed (see /tmp/innersource-apt.log)."; }
}

# Starts (creating when needed) the machine's PostgreSQL cluster and exports the connection
# string that @backstage/backend-test-utils' TestDatabases reads instead of starting a container.
ensure_postgres() {
  ensure_debian_packages postgresql
  local version
  version="$(ls /usr/lib/postgresql | sort -n | tail -n 1)"
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$version main"; then
    say "creating PostgreSQL $version cluster"
    as_root pg_createcluster "$version" main >/dev/null
  fi
  # pg_ctl's own status, not pg_lsclusters' column: on some machines the latter says
  # "down" for a running cluster, and starting it again then fails.
  if ! as_root pg_ctlcluster "$version" main status >/dev/null 2>&1; then
    as_root pg_ctlcluster "$version" main start || die "PostgreSQL $version did not start; see /var/log/postgresql/."
  fi
  local port
  port="$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')"
  as_root su postgres -c "psql -q -p $port -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null ||
    die "could not set the password of PostgreSQL's postgres user."
  export INNERSOURCE_TEST_POSTGRES_VERSION="$version"
  export "BACKSTAGE_TEST_DATABASE_POSTGRES${version}_CONNECTION_STRING=postgresql://postgres:postgres@127.0.0.1:$port"
}

# Exits with a clear message when a port the demo needs is taken.
ensure_port_free() {
  local port="$1" what="$2"
  if node -e "const s=require('net').createServer();s.once('error',()=>process.exit(1));s.listen($port,()=>s.close())"; then
    return 0
  fi
  local holder=""
  command -v ss >/dev/null && holder="$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'users:(([^)]*' | head -n 1 | sed 's/users:((//')"
  die "port $port ($what) is already in use${holder:+ by $holder}. Stop that process (or a demo that is still running) and try again."
}
