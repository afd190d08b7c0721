#!/usr/bin/env bash
# Starts and stops the CareVault stack (Keycloak + WildFly with the EAR) for one profile:
#   demo - the run command: ports 8080/8443 (WildFly), 9990 (management), 8180/9000 (Keycloak);
#          data kept in run/demo across runs.
#   it   - the over-the-wire tests: ports 8380/8743, 10290, 8480/9480; fresh data every start.
#   cluster - the production topology on one machine (docs/operations.md): PostgreSQL (15932), Keycloak in
#          production mode on its own PostgreSQL database with TLS (https://localhost:8843, management 9843),
#          two WildFly nodes (carevault-ha.xml; node1 8580/10490, node2 8680/10590; JGroups over TCP on 8100/8200)
#          behind HAProxy (http://localhost:8500, health checks on /health/ready); fresh data every start.
# The hub's database: embedded H2 (default) or, with CAREVAULT_DB=postgresql, a PostgreSQL server of the
# profile's own (Debian's postgresql package; data in RUN_DIR/postgres, port 15432 + offset, loopback only).
# Usage: [CAREVAULT_DB=h2|postgresql] bin/stack.sh start|stop|setup|kill-wildfly|restart-wildfly PROFILE
#        bin/stack.sh kill-node|restart-node cluster N
# CAREVAULT_JOB_SECONDS=N runs the cluster nodes' periodic jobs every N seconds (the cluster test: 2).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WILDFLY_HOME="$ROOT/wildfly-config/target/wildfly"
KEYCLOAK_DIST="$ROOT/devstack/target/keycloak"
EAR="$ROOT/ear/target/carevault.ear"
# The demo STS (SAML 1.1 holder-of-key assertions for the demo professionals), beside the hub, never in its EAR.
STS_WAR="$ROOT/sts/target/sts.war"

profile() {
  case "$1" in
    demo) OFFSET=0;   KC_PORT=8180; KC_MGMT_PORT=9000; RUN_DIR="$ROOT/run/demo"; SETUP_FLAGS=() ;;
    it)   OFFSET=300; KC_PORT=8480; KC_MGMT_PORT=9480; RUN_DIR="$ROOT/run/it";   SETUP_FLAGS=(--test) ;;
    cluster) OFFSET=500; KC_PORT=8843; KC_MGMT_PORT=9843; RUN_DIR="$ROOT/run/cluster"; SETUP_FLAGS=(--test --production-realm)
          CAREVAULT_DB=postgresql; LB_PORT=8500 ;;
    *) echo "unknown profile '$1' (demo|it|cluster)" >&2; exit 2 ;;
  esac
  HTTP_PORT=$((8080 + OFFSET)); HTTPS_PORT=$((8443 + OFFSET)); MGMT_PORT=$((9990 + OFFSET))
  KC_HOME="$RUN_DIR/keycloak"
  NODES=1; [ "$1" = cluster ] && NODES=2
  DB_KIND=${CAREVAULT_DB:-h2}
  case "$DB_KIND" in h2|postgresql) ;; *) echo "CAREVAULT_DB must be h2 or postgresql, not '$DB_KIND'" >&2; exit 2 ;; esac
  PG_PORT=$((15432 + OFFSET))
  WF_BASE="$RUN_DIR/wildfly"
  LOG_DIR="$RUN_DIR/logs"
  # The test stack keeps custodian B on a SoftHSM2 token where SoftHSM2 is installed (see hsm_setup).
  if [ -f "$RUN_DIR/softhsm2.conf" ]; then export SOFTHSM2_CONF="$RUN_DIR/softhsm2.conf"; fi
}

log() { printf '[carevault] %s\n' "$*" >&2; }

require_build() {
  local missing=()
  [ -f "$EAR" ] || missing+=("$EAR")
  [ -f "$STS_WAR" ] || missing+=("$STS_WAR")
  [ -f "$WILDFLY_HOME/standalone/configuration/carevault.xml" ] || missing+=("$WILDFLY_HOME")
  [ -x "$KEYCLOAK_DIST/bin/kc.sh" ] || missing+=("$KEYCLOAK_DIST")
  [ -f "$ROOT/devstack/target/classpath.txt" ] || missing+=("devstack classpath")
  if [ ${#missing[@]} -gt 0 ]; then
    log "not built: ${missing[*]} (run: mvn -B install -DskipTests)"; exit 1
  fi
}

# Ports must be free before we start, or we would talk to someone else's server.
check_ports_free() {
  local port
  local ports=("$HTTP_PORT" "$HTTPS_PORT" "$MGMT_PORT" "$KC_PORT" "$KC_MGMT_PORT")
  [ "$DB_KIND" = postgresql ] && ports+=("$PG_PORT")
  [ "$NODES" -gt 1 ] && ports+=("$LB_PORT" $((HTTP_PORT + 100)) $((MGMT_PORT + 100)))
  for port in "${ports[@]}"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      log "port $port is already in use; stop what runs there first (bin/stack.sh stop $PROFILE_NAME)"; exit 1
    fi
  done
}

setup() {
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  if [ "$PROFILE_NAME" != demo ]; then rm -rf "$RUN_DIR/data"; drop_postgres; fi
  rm -f "$LOG_DIR/observed-statuses.tsv"  # what the wire tests saw (it/…/Http.java), per run
  # The Keycloak distribution is copied per profile: it writes its build and data under its home.
  if [ ! -x "$KC_HOME/bin/kc.sh" ] || ! cmp -s "$KEYCLOAK_DIST/version.txt" "$KC_HOME/version.txt"; then
    rm -rf "$KC_HOME"; cp -a "$(readlink -f "$KEYCLOAK_DIST")" "$KC_HOME"
  fi
  rm -rf "$KC_HOME/data/import"
  # Patients log in on phones: the login theme is served compressed (Quarkus's HTTP compression, which Keycloak leaves
  # off) and, below, cacheable even in development mode (docs/portal.md).
  printf 'quarkus.http.enable-compression=true\n' > "$KC_HOME/conf/quarkus.properties"
  java -cp "$ROOT/devstack/target/classes:$(cat "$ROOT/devstack/target/classpath.txt")" org.carevault.devstack.DemoSetup \
    --run-dir "$RUN_DIR" --import-dir "$KC_HOME/data/import" --keycloak-url "$(keycloak_url)" \
    --hub-url "$(hub_url)" --hub-tls-url "https://localhost:$HTTPS_PORT" \
    --db-kind "$DB_KIND" --db-url "$(db_url carevault)" "${SETUP_FLAGS[@]}"
  hsm_setup
}

# The test stack (profile it): custodian B of the vault on a PKCS#11 token — SoftHSM2, a fresh token per run with the
# generated custodian-B password as its user PIN — while custodian A stays a PKCS#12 file, as a production hub would
# have one custodian in an HSM. Without SoftHSM2 (an optional package) both stay PKCS#12 files, with a notice.
HSM_LIBRARY=/usr/lib/softhsm/libsofthsm2.so
hsm_setup() {
  rm -rf "$RUN_DIR/softhsm-tokens" "$RUN_DIR/softhsm2.conf"; unset SOFTHSM2_CONF
  [ "$PROFILE_NAME" = it ] || return 0
  if ! command -v softhsm2-util >/dev/null || [ ! -f "$HSM_LIBRARY" ]; then
    log "NOTICE: SoftHSM2 is not installed (apt-get install softhsm2): custodian B stays a PKCS#12 file"; return 0
  fi
  mkdir -p "$RUN_DIR/softhsm-tokens"
  printf 'directories.tokendir = %s\nobjectstore.backend = file\n' "$RUN_DIR/softhsm-tokens" > "$RUN_DIR/softhsm2.conf"
  export SOFTHSM2_CONF="$RUN_DIR/softhsm2.conf"
  local out slot
  out=$(softhsm2-util --init-token --free --label carevault-custodian-b \
    --so-pin "$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" --pin "$(secret vault.custodian-b-password)")
  slot=$(printf '%s' "$out" | sed -n 's/.*reassigned to slot \([0-9][0-9]*\).*/\1/p')
  [ -n "$slot" ] || { log "SoftHSM2 did not create the token: $out"; exit 1; }
  printf 'carevault.vault.custodian-b.kind=pkcs11\ncarevault.vault.custodian-b.library=%s\ncarevault.vault.custodian-b.slot=%s\n' \
    "$HSM_LIBRARY" "$slot" >> "$RUN_DIR/wildfly.properties"
  log "custodian B on a SoftHSM2 token (slot $slot); custodian A a PKCS#12 file"
}

# The hub's address for its users: the balancer in a cluster, else the one node.
hub_url() { if [ "$NODES" -gt 1 ]; then echo "http://localhost:$LB_PORT"; else echo "http://localhost:$HTTP_PORT"; fi; }

keycloak_url() { if [ "$NODES" -gt 1 ]; then echo "https://localhost:$KC_PORT"; else echo "http://localhost:$KC_PORT"; fi; }

db_url() {
  if [ "$DB_KIND" = postgresql ]; then echo "jdbc:postgresql://127.0.0.1:$PG_PORT/$1"; else echo default; fi
}

# --- PostgreSQL: a server of this profile's own ------------------------------------------------------
pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/postgres" ] || { log "PostgreSQL is not installed (apt-get install postgresql)"; return 1; }
  echo "$dir"
}

# PostgreSQL refuses to run as root: as root, its files belong to the postgres user, in a folder that
# user can reach (the run directory when it can, else one under /var/tmp named after this checkout).
pg_dir() {
  if [ "$(id -u)" = 0 ]; then
    if runuser -u postgres -- test -x "$RUN_DIR" 2>/dev/null; then echo "$RUN_DIR/postgres"
    else echo "/var/tmp/carevault-$(printf '%s' "$RUN_DIR" | sha256sum | cut -c1-12)/postgres"; fi
  else
    echo "$RUN_DIR/postgres"
  fi
}

# As root, PostgreSQL's commands run as the postgres user.
as_pg_prefix() { if [ "$(id -u)" = 0 ]; then echo "runuser -u postgres --"; fi; }
# shellcheck disable=SC2046
as_pg() { $(as_pg_prefix) "$@"; }

drop_postgres() {
  local dir; dir=$(pg_dir)
  rm -rf "$dir"
}

psql_admin() {
  PGPASSWORD="$(secret postgres.superuser-password)" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" \
    -U postgres -d postgres "$@"
}

start_postgres() {
  PG_BIN=$(pg_bin)
  local dir; dir=$(pg_dir)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir" && chmod 700 "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "creating the PostgreSQL database cluster in $dir/data"
    local pwfile; pwfile=$(mktemp); secret postgres.superuser-password >"$pwfile"
    [ "$(id -u)" = 0 ] && chown postgres: "$pwfile"
    as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --pwfile="$pwfile" --auth-local=scram-sha-256 \
      --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$LOG_DIR/initdb.log" 2>&1 \
      || { rm -f "$pwfile"; log "initdb failed:"; tail -n 20 "$LOG_DIR/initdb.log" >&2; return 1; }
    rm -f "$pwfile"
  fi
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT (log: $LOG_DIR/postgres.log)"
  # Durable commits (fsync, synchronous_commit on: the defaults, stated); sockets only in its own folder; statements
  # recorded (pg_stat_statements: what an operator watches, and what QueryPlansIT plans on a large database).
  # shellcheck disable=SC2046 # as_pg_prefix is zero or three words
  spawn postgres $(as_pg_prefix) "$PG_BIN/postgres" -D "$dir/data" -p "$PG_PORT" -c listen_addresses=127.0.0.1 \
    -c unix_socket_directories="$dir" -c fsync=on -c synchronous_commit=on -c max_connections=200 \
    -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.max=10000
  local start=$SECONDS
  until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; do
    alive postgres || { log "PostgreSQL stopped during start:"; tail -n 20 "$LOG_DIR/postgres.log" >&2; return 1; }
    [ $((SECONDS - start)) -lt 60 ] || { log "PostgreSQL not ready after 60s"; return 1; }
    sleep 0.5
  done
  ensure_database carevault "$(secret db.password)"
  [ "$NODES" -gt 1 ] && ensure_database keycloak "$(secret keycloak.db-password)"
  log "postgres ready after $((SECONDS - start))s"
}

# ensure_database NAME PASSWORD: a role and a database of that name, owned by it (idempotent).
ensure_database() {
  local name=$1 password=$2
  if [ -z "$(psql_admin -tA -c "SELECT 1 FROM pg_roles WHERE rolname = '$name'")" ]; then
    psql_admin -c "CREATE ROLE $name LOGIN PASSWORD '$password'"
  fi
  if [ -z "$(psql_admin -tA -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
    psql_admin -c "CREATE DATABASE $name OWNER $name"
  fi
}

secret() { sed -n "s/^$1=//p" "$RUN_DIR/secrets.properties"; }

# Runs a command in its own session (process group = its pid) so that stop can end the whole tree.
spawn() {
  local name=$1; shift
  [ -f "$LOG_DIR/$name.log" ] && mv -f "$LOG_DIR/$name.log" "$LOG_DIR/$name.previous.log"
  setsid "$@" >"$LOG_DIR/$name.log" 2>&1 < /dev/null &
  echo $! >"$RUN_DIR/$name.pid"
}

start_keycloak() {
  if [ "$NODES" -gt 1 ]; then start_keycloak_production; return; fi
  log "starting Keycloak on http://localhost:$KC_PORT (log: $LOG_DIR/keycloak.log)"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$(secret keycloak.bootstrap-admin-password)" \
    spawn keycloak "$KC_HOME/bin/kc.sh" start-dev --db=dev-mem --http-host=127.0.0.1 --http-port="$KC_PORT" \
      --http-management-port="$KC_MGMT_PORT" --hostname="http://localhost:$KC_PORT" --health-enabled=true --import-realm \
      --spi-theme--cache-themes=true --spi-theme--cache-templates=true --spi-theme--static-max-age=2592000
}

# prepare_base DIR [again]: a server base directory with the EAR, fresh from the built template; with "again", the
# one the last run left (its transaction log included), as after a crash.
prepare_base() {
  if [ "${2:-}" != again ] || [ ! -d "$1" ]; then
    rm -rf "$1"; mkdir -p "$(dirname "$1")"
    cp -a "$WILDFLY_HOME/standalone" "$1"
    cp "$EAR" "$STS_WAR" "$1/deployments/"
  fi
}

# start_wildfly [again]: a fresh server base from the built template, or (again) the one the last run left, with its
# transaction log, as after a crash.
start_wildfly() {
  log "starting WildFly on http://localhost:$HTTP_PORT (log: $LOG_DIR/wildfly.log)"
  prepare_base "$WF_BASE" "${1:-}"
  LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_HOME="$(readlink -f "$WILDFLY_HOME")" \
    spawn wildfly "$WILDFLY_HOME/bin/standalone.sh" -c carevault.xml -Djboss.server.base.dir="$WF_BASE" \
      -P "$RUN_DIR/wildfly.properties" -Djboss.socket.binding.port-offset="$OFFSET" -b 127.0.0.1 -bmanagement 127.0.0.1
}

# Keycloak in production mode: its own PostgreSQL database, TLS with the hub's demo certificate, hostname set,
# health on the management port (TLS too), one instance (local caches: its JGroups would otherwise listen on the
# host's public address). The first start of a Keycloak home builds it (≈ 30-60 s).
start_keycloak_production() {
  log "starting Keycloak (production mode, PostgreSQL, TLS) on https://localhost:$KC_PORT (log: $LOG_DIR/keycloak.log)"
  # Passwords through the environment, never on the command line (which every local user can read).
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$(secret keycloak.bootstrap-admin-password)" \
  KC_DB_PASSWORD="$(secret keycloak.db-password)" KC_HTTPS_KEY_STORE_PASSWORD="$(secret pki.hub-password)" \
    spawn keycloak "$KC_HOME/bin/kc.sh" start --db=postgres --db-url="$(db_url keycloak)" --db-username=keycloak \
      --https-port="$KC_PORT" --http-enabled=false --http-host=127.0.0.1 \
      --https-key-store-file="$RUN_DIR/pki/hub.p12" --https-key-store-type=PKCS12 --hostname="https://localhost:$KC_PORT" --http-management-port="$KC_MGMT_PORT" \
      --health-enabled=true --cache=local --import-realm
}

# --- The balancer: HAProxy in front of the nodes, health-checked on /health/ready -------------------------
start_balancer() {
  command -v haproxy >/dev/null || { log "HAProxy is not installed (apt-get install haproxy)"; return 1; }
  local config="$RUN_DIR/haproxy.cfg" n
  {
    echo "# Generated by bin/stack.sh: the hub's nodes behind one address."
    echo "global"
    echo "  maxconn 4096"
    echo "defaults"
    echo "  mode http"
    echo "  timeout connect 2s"
    echo "  timeout client 120s"
    echo "  timeout server 120s"
    echo "  option redispatch"
    echo "  retries 2"
    echo "frontend hub"
    echo "  bind 127.0.0.1:$LB_PORT"
    echo "  default_backend nodes"
    echo "backend nodes"
    echo "  balance roundrobin"
    echo "  option httpchk GET /health/ready"
    echo "  http-check expect status 200"
    echo "  cookie CVNODE insert indirect nocache httponly"
    for n in $(seq 1 "$NODES"); do
      echo "  server node$n 127.0.0.1:$(node_port "$n" 8080) check port $(node_port "$n" 9990) inter 1s fall 2 rise 2 cookie node$n"
    done
  } >"$config"
  haproxy -c -f "$config" >/dev/null || { log "the generated HAProxy configuration is invalid"; return 1; }
  log "starting HAProxy on http://localhost:$LB_PORT (log: $LOG_DIR/haproxy.log)"
  spawn haproxy haproxy -db -f "$config"
}

# node_port N BASE: a node's port (node 1 at the profile's offset, each next node 100 further).
node_port() { echo $(($2 + OFFSET + 100 * ($1 - 1))); }

# start_node N [again]: one cluster node, with its own base directory, name and port offset.
start_node() {
  local n=$1 base="$RUN_DIR/node$1/wildfly" members="" m
  for m in $(seq 1 "$NODES"); do members="$members${members:+,}127.0.0.1[$(node_port "$m" 7600)]"; done
  log "starting WildFly node$n on http://localhost:$(node_port "$n" 8080) (log: $LOG_DIR/wildfly$n.log)"
  prepare_base "$base" "${2:-}"
  LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_HOME="$(readlink -f "$WILDFLY_HOME")" \
    spawn "wildfly$n" "$WILDFLY_HOME/bin/standalone.sh" -c carevault-ha.xml -Djboss.server.base.dir="$base" \
      -P "$RUN_DIR/wildfly.properties" -Djboss.socket.binding.port-offset=$((OFFSET + 100 * (n - 1))) \
      -Djboss.node.name="node$n" -Dcarevault.cluster.members="$members" -b 127.0.0.1 -bmanagement 127.0.0.1 \
      -bprivate 127.0.0.1 -Djavax.net.ssl.trustStore="$RUN_DIR/pki/truststore.p12" \
      -Djavax.net.ssl.trustStorePassword="$(secret pki.truststore-password)" -Djavax.net.ssl.trustStoreType=PKCS12 \
      ${CAREVAULT_JOB_SECONDS:+-Dcarevault.audit.anchor-interval-seconds=$CAREVAULT_JOB_SECONDS} \
      ${CAREVAULT_JOB_SECONDS:+-Dcarevault.mailbox.expiry-interval-seconds=$CAREVAULT_JOB_SECONDS}
}

alive() { local pid; pid=$(cat "$RUN_DIR/$1.pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null; }

# wait_ready NAME URL TIMEOUT: polls until the URL answers 200; fails early when the process died.
wait_ready() {
  local name=$1 url=$2 timeout=$3 start=$SECONDS
  while ! curl -fs -o /dev/null --max-time 2 --cacert "$RUN_DIR/pki/ca.pem" "$url"; do
    if ! alive "$name"; then log "$name stopped during start; last lines of its log:"; tail -n 40 "$LOG_DIR/$name.log" | cut -c1-400 >&2; return 1; fi
    if [ $((SECONDS - start)) -ge "$timeout" ]; then log "$name not ready after ${timeout}s"; tail -n 40 "$LOG_DIR/$name.log" | cut -c1-400 >&2; return 1; fi
    local failed="$WF_BASE/deployments/carevault.ear.failed"
    case "$name" in wildfly[0-9]) failed="$RUN_DIR/node${name#wildfly}/wildfly/deployments/carevault.ear.failed" ;; esac
    if [[ "$name" = wildfly* ]] && [ -f "$failed" ]; then
      log "deployment failed:"; cat "$failed" >&2; return 1
    fi
    sleep 1
  done
  log "$name ready after $((SECONDS - start))s"
}

stop_one() {
  local name=$1 signal=${2:-TERM} pid
  pid=$(cat "$RUN_DIR/$name.pid" 2>/dev/null) || return 0
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name"
    kill "-$signal" -- "-$pid" 2>/dev/null || kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/$name.pid"
}

stop() {
  stop_one haproxy; local n; for n in 1 2; do stop_one "wildfly$n"; done
  stop_one wildfly; stop_one keycloak; stop_one postgres INT; }  # PostgreSQL: INT is its fast shutdown (TERM waits for clients)

start() {
  require_build
  stop
  check_ports_free
  setup
  if [ "$DB_KIND" = postgresql ]; then start_postgres || { stop; exit 1; }; fi
  start_keycloak
  if [ "$NODES" -gt 1 ]; then
    start_cluster_nodes
  else
    start_wildfly
    wait_ready keycloak "http://127.0.0.1:$KC_MGMT_PORT/health/ready" 240 || { stop; exit 1; }
    wait_ready wildfly "http://127.0.0.1:$MGMT_PORT/health/ready" 180 || { stop; exit 1; }
  fi
  # What the operator puts in through the running hub (idempotent): the demo minor's legal representative.
  # shellcheck disable=SC2046 # the trust store flags are separate words
  java $(truststore_flags) -cp "$ROOT/devstack/target/classes:$(cat "$ROOT/devstack/target/classpath.txt")" org.carevault.devstack.DemoData \
    --run-dir "$RUN_DIR" --keycloak-url "$(keycloak_url)" --hub-url "$(hub_url)" \
    || { log "the demo data could not be put in"; stop; exit 1; }
  [ "$NODES" -gt 1 ] && print_cluster
  return 0
}

print_cluster() {
  cat >&2 <<INFO
[carevault] the cluster runs (bin/stack.sh stop cluster stops everything):
  Hub (balancer)   $(hub_url)/api/v1/, /soap/…, /portal/   (HAProxy, health-checked; configuration $RUN_DIR/haproxy.cfg)
  Node 1           http://localhost:$(node_port 1 8080)   health http://127.0.0.1:$(node_port 1 9990)/health/ready
  Node 2           http://localhost:$(node_port 2 8080)   health http://127.0.0.1:$(node_port 2 9990)/health/ready
  Keycloak         $(keycloak_url)/realms/carevault   (production mode, TLS: the demo CA $RUN_DIR/pki/ca.pem)
  PostgreSQL       127.0.0.1:$PG_PORT, databases carevault and keycloak (passwords in $RUN_DIR/secrets.properties)
  Logs             $LOG_DIR
INFO
}

# The first node alone makes the hub's keys at its first start (shared by every node through the data directory);
# the others start once it is ready, then the balancer.
start_cluster_nodes() {
  start_node 1
  wait_ready keycloak "https://localhost:$KC_MGMT_PORT/health/ready" 300 || { stop; exit 1; }
  wait_ready wildfly1 "http://127.0.0.1:$(node_port 1 9990)/health/ready" 180 || { stop; exit 1; }
  local n
  for n in $(seq 2 "$NODES"); do
    start_node "$n"
    wait_ready "wildfly$n" "http://127.0.0.1:$(node_port "$n" 9990)/health/ready" 180 || { stop; exit 1; }
  done
  start_balancer || { stop; exit 1; }
}

truststore_flags() {
  [ "$NODES" -gt 1 ] || return 0
  echo "-Djavax.net.ssl.trustStore=$RUN_DIR/pki/truststore.p12 -Djavax.net.ssl.trustStorePassword=$(secret pki.truststore-password) -Djavax.net.ssl.trustStoreType=PKCS12"
}

restart_node() {
  alive "wildfly$1" && { log "node$1 is running: kill-node first"; return 1; }
  start_node "$1" again
  wait_ready "wildfly$1" "http://127.0.0.1:$(node_port "$1" 9990)/health/ready" 180
}

# A crash drill: WildFly (wildfly, or a cluster node: wildflyN) killed at once (SIGKILL, no shutdown), then started
# again on the same data.
kill_now() {
  local name=$1 pid
  pid=$(cat "$RUN_DIR/$name.pid" 2>/dev/null) || { log "$name is not running"; return 1; }
  log "killing $name (SIGKILL)"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
  while kill -0 -- "-$pid" 2>/dev/null; do sleep 0.1; done
  rm -f "$RUN_DIR/$name.pid"
}

restart_wildfly() {
  alive wildfly && { log "wildfly is running: kill-wildfly first"; return 1; }
  start_wildfly again
  wait_ready wildfly "http://127.0.0.1:$MGMT_PORT/health/ready" 180
}

[ $# -ge 2 ] || { echo "usage: $0 start|stop|setup|kill-wildfly|restart-wildfly demo|it|cluster; $0 kill-node|restart-node cluster N" >&2; exit 2; }
PROFILE_NAME=$2
profile "$PROFILE_NAME"
case "$1" in
  start) start ;;
  stop) stop ;;
  setup) require_build; setup ;;
  kill-wildfly) kill_now wildfly ;;
  kill-node) kill_now "wildfly${3:?node number}" ;;
  restart-node) restart_node "${3:?node number}" ;;
  restart-wildfly) restart_wildfly ;;
  *) echo "unknown command '$1'" >&2; exit 2 ;;
esac
