# Shared by the lab's shims (sourced, POSIX sh). The lab is a rehearsal cluster for trying and
# testing Uplift: these scripts imitate the commands of a Debian OpenStack node, keeping state in files.
# A shim finds its node from its own path: <state>/nodes/<node>/bin/<command>.
# Parameter expansion, not dirname/basename: every fork counts when Uplift's overhead is measured on the lab.
case "$0" in
  /*/bin/*) LAB_BIN=${0%/*} ;;
  *) LAB_BIN=$(cd "$(dirname "$0")" && pwd) ;;
esac
LAB_ROOT=${LAB_BIN%/bin}
. "$LAB_ROOT/node.env"
LAB_SHARED="$LAB_STATE/shared"
LAB_CLUSTER="$LAB_STATE/cluster"
LAB_START_DELAY=0
LAB_MIGRATION_ROWS=0
. "$LAB_SHARED/settings"
LAB_CMD=${0##*/}
LAB_STARTED=$(date -u +%Y-%m-%dT%H:%M:%S.%6NZ)

lab_quote() {
  out=""
  for a in "$@"; do
    case "$a" in
      *[!A-Za-z0-9_./=:,@%+-]*|'') a="'$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'" ;;
    esac
    out="$out${out:+ }$a"
  done
  printf '%s' "$out"
}
LAB_ARGV="$LAB_CMD $(lab_quote "$@")"

# Every invocation is logged with its exit code: tests prove from this log that no action ran twice.
lab_log() {
  printf '%s\t%s\t%s\t%s\n' "$LAB_STARTED" "$LAB_NODE" "$1" "$LAB_ARGV" >> "$LAB_ROOT/log/commands.log"
}
# A shim called by another (apt-get restarting units) is part of its caller's entry.
[ -n "$LAB_INNER" ] || trap 'lab_log $?' EXIT
export LAB_INNER=1

lab_lock_node() { exec 8>"$LAB_ROOT/run/node.lock"; flock 8; }
lab_lock_cluster() { exec 9>"$LAB_CLUSTER/lock"; flock 9; }

# Release index (0 = oldest series in shared/releases) of a series name; empty if unknown.
lab_release_index() { awk -v s="$1" '$1 == s { print NR - 1; exit }' "$LAB_SHARED/releases"; }
lab_release_name() { awk -v i="$1" 'NR - 1 == i { print $1; exit }' "$LAB_SHARED/releases"; }

# The series the node's last "apt-get update" saw in its sources (empty before any update).
lab_apt_release() { r=""; { read -r r < "$LAB_ROOT/var/lib/apt/release"; } 2>/dev/null; printf '%s' "$r"; }

# Version of a package in a series' repository; empty if the repository does not have it.
lab_repo_version() { awk -v s="$1" -v p="$2" '$1 == s && $2 == p { print $3; exit }' "$LAB_SHARED/repo"; }
lab_candidate() { r=$(lab_apt_release); [ -n "$r" ] && lab_repo_version "$r" "$1"; }
# Builtins, not awk, for the short per-node files: these run several times in every systemctl call.
lab_installed() { while read -r _lp _lv _; do [ "$_lp" = "$1" ] && { printf '%s\n' "$_lv"; return; }; done < "$LAB_ROOT/var/lib/dpkg/installed"; }
lab_known_package() { awk -v p="$1" '$2 == p { found = 1; exit } END { exit !found }' "$LAB_SHARED/repo"; }

# Sets the installed version of a package (mark: manual or auto; an existing mark is kept unless given).
lab_set_installed() {
  f="$LAB_ROOT/var/lib/dpkg/installed"
  awk -v p="$1" -v v="$2" -v m="$3" -v now="$(date +%s)" '
    $1 == p { if (m == "") m = $3; print p, v, m, now; done = 1; next }
    { print }
    END { if (!done) print p, v, (m == "" ? "manual" : m), now }' "$f" > "$f.new" && mv "$f.new" "$f"
}

# Index of the release whose code a service runs on this node (from an installed package of the
# service); empty when none of its packages is installed.
lab_code_index() {
  for p in $(awk -v s="$1" '$1 == s { print $2 }' "$LAB_SHARED/packages"); do
    v=$(lab_installed "$p")
    [ -n "$v" ] || continue
    s=$(awk -v p="$p" -v v="$v" '$2 == p && $3 == v { print $1; exit }' "$LAB_SHARED/repo")
    [ -n "$s" ] && { lab_release_index "$s"; return; }
  done
}

lab_require_code() {
  LAB_CODE=$(lab_code_index "$1")
  if [ -z "$LAB_CODE" ]; then
    echo "sh: 1: $LAB_CMD: not found" >&2
    exit 127
  fi
}

# Schema state of a database, shared by the cluster: "expand migrate contract" release indexes.
lab_schema() { cat "$LAB_CLUSTER/db/$1"; }
lab_schema_set() { echo "$2 $3 $4" > "$LAB_CLUSTER/db/$1"; }

lab_sleep() { [ "$1" = "0" ] || sleep "$1"; }

# Schema phases of a database shared by the cluster, moved by the *-manage shims. "code" is the
# release index of the code running the command: an old node's command never moves the schema.
lab_schema_expand() { set -- "$1" "$2" $(lab_schema "$1"); [ "$3" -lt "$2" ] && lab_schema_set "$1" "$2" "$2" "$5"; return 0; }
lab_schema_migrate() {
  set -- "$1" "$2" $(lab_schema "$1")
  if [ "$3" -lt "$2" ]; then echo "ERROR: the database must be expanded before data migration" >&2; return 1; fi
  [ "$4" -lt "$2" ] && lab_schema_set "$1" "$3" "$2" "$5"; return 0
}
lab_schema_contract() {
  set -- "$1" "$2" $(lab_schema "$1")
  if [ "$3" -lt "$2" ] || [ "$4" -lt "$2" ]; then
    echo "ERROR: the database must be expanded and migrated before it is contracted" >&2; return 1
  fi
  if [ "$5" -lt "$2" ]; then lab_contract_violations "$1" "$2"; lab_schema_set "$1" "$3" "$4" "$2"; fi
  return 0
}
# Sync: every phase at once. Sets the service's online data migrations when the schema moves. With "additive"
# the project keeps its schema changes usable by the previous release's code (nova, placement, cinder, heat
# rolling-upgrade docs: db sync runs while the old services still run), so it breaks nothing; otherwise
# (keystone db_sync, glance db sync, neutron upgrade heads) the contract part would break older units.
lab_schema_sync() {
  additive=$3
  set -- "$1" "$2" $(lab_schema "$1")
  if [ "$5" -lt "$2" ] && [ "$additive" != additive ]; then lab_contract_violations "$1" "$2"; fi
  if [ "$3" -lt "$2" ] || [ "$5" -lt "$2" ]; then lab_schema_set "$1" "$2" "$2" "$2"; return 0; fi
  return 1
}

# A contract while a unit of the service still runs older code breaks that unit on a real cloud.
# The lab records it (lab status shows it) so tests can prove Uplift never does that.
lab_contract_violations() {
  svc=$(awk -v d="$1" '$1 == d { print $2; exit }' "$LAB_SHARED/schemas")
  set -- "$1" "$(lab_release_name "$2")" "$LAB_STATE"/nodes/*/units/*.active
  [ -e "$3" ] || return 0
  db=$1; need=$2; shift 2
  # One pass over every node's units and their .active files (content: the version the unit runs).
  awk -v svc="$svc" -v need="$need" -v db="$db" -v at="$LAB_STARTED" -v self="$LAB_NODE" -v out="$LAB_CLUSTER/violations" '
    function node_of(path) { sub(/\/(units\.list|units\/[^\/]*)$/, "", path); sub(/.*\//, "", path); return path }
    FILENAME == ARGV[1] { if ($1 == need && !($2 in want)) want[$2] = $3; next }
    FILENAME ~ /\/units\.list$/ { n = node_of(FILENAME); if (!((n, $1) in of)) { of[n, $1] = $4; pkg[n, $1] = $2 } next }
    FNR == 1 {
      n = node_of(FILENAME); u = FILENAME; sub(/.*\//, "", u); sub(/\.active$/, "", u)
      if (of[n, u] == svc && $0 != want[pkg[n, u]]) printf "%s\t%s contract of %s while %s on %s runs %s\n", at, self, db, u, n, $0 >> out
    }' "$LAB_SHARED/repo" "$LAB_STATE"/nodes/*/units.list "$@"
}

# Online data migrations (nova, cinder, placement): rows left in the cluster's database.
# Exit codes (nova-manage/cinder-manage docs): 0 nothing left, 1 some migrated with a max count, 127 bad input.
lab_online_migrations() { # service, max count (empty = until complete), migration name
  [ -z "$2" ] || [ "$2" -gt 0 ] 2>/dev/null || { echo "Must supply a positive value for max_count." >&2; exit 127; }
  f="$LAB_CLUSTER/migrations/$1"
  left=$(cat "$f" 2>/dev/null || echo 0)
  if [ -z "$2" ]; then echo "Running batches of 50 until complete"; done=$left
  elif [ "$left" -gt "$2" ]; then done=$2; else done=$left; fi
  echo $((left - done)) > "$f"
  # The table as each real program prints it (captured from Epoxy, tests/Uplift.Database.Tests/Samples/epoxy):
  # nova prettytable "Total Needed", placement prettytable "Total Found", cinder tabulate "Total Needed".
  w=$(printf '%s' "$3" | wc -c); [ "$w" -lt 9 ] && w=9
  dashes=$(printf "%${w}s" '' | tr ' ' -)
  total="Total Needed"; [ "$1" = placement ] && total="Total Found"
  if [ "$1" = cinder ]; then
    top=$(printf '+-%s-+----------------+-------------+' "$dashes"); rule=$(printf '|-%s-+----------------+-------------|' "$dashes")
    echo "$top"; printf "| %-${w}s |   %s |   Completed |\n" Migration "$total"; echo "$rule"
    printf "| %-${w}s | %14s | %11s |\n" "$3" "$left" "$done"; echo "$top"
  else
    line=$(printf '+-%s-+--------------+-----------+' "$dashes")
    echo "$line"; printf "| %-${w}s | %12s | Completed |\n" Migration "$total"; echo "$line"
    printf "| %-${w}s | %12s | %9s |\n" "$3" "$left" "$done"; echo "$line"
  fi
  [ -n "$2" ] && [ "$done" -gt 0 ] && exit 1
  exit 0
}
lab_set_migrations() { echo "$LAB_MIGRATION_ROWS" > "$LAB_CLUSTER/migrations/$1"; }
