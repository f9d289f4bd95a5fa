#!/usr/bin/env bash
# Real services for Berth's integration and end-to-end tests, on Debian 12 as root.
#
#   scripts/test-env.sh up            install what is missing, start everything, wait, summarize
#   scripts/test-env.sh down          stop every service this script started
#   scripts/test-env.sh status        print each service's state; exit 0 only if all are up
#   scripts/test-env.sh stop-podman   stop only the Podman API service (simulates an engine going away)
#   scripts/test-env.sh start-podman  start it again
#
# Services: dockerd (/var/run/docker.sock), the Podman API service (/run/podman/podman.sock),
# a Docker Registry v2 on 127.0.0.1:5001 with htpasswd auth (stands for ECR's data plane),
# moto on 127.0.0.1:4566 (stands for AWS), the image berth-base:latest in both engines
# (made from busybox-static: no public registry can be reached here), and /usr/bin/chromium.
#
# `up` is idempotent: whatever already answers is left alone, so a second run takes about a second.
# Background services are started with setsid + nohup so they outlive this script;
# their pids and logs are under $STATE_DIR.
set -euo pipefail

STATE_DIR=/tmp/berth-test-env

DOCKER_SOCK=/var/run/docker.sock
PODMAN_SOCK=/run/podman/podman.sock
REGISTRY_ADDR=127.0.0.1:5001
REGISTRY_DIR=/etc/test-registry
REGISTRY_CONFIG=$REGISTRY_DIR/config.yml
REGISTRY_HTPASSWD=$REGISTRY_DIR/htpasswd
REGISTRY_STORAGE=/var/lib/test-registry
# Two registry users: AWS is the user name an ECR authorization token carries.
REGISTRY_USERS=("AWS:berth-ecr-password" "berth:berth-password")
MOTO_HOST=127.0.0.1
MOTO_PORT=4566
BASE_IMAGE=berth-base:latest
CHROMIUM=/usr/bin/chromium

# catatonit: Podman builds the pause image of every pod (its infra container) from it.
APT_PACKAGES=(docker.io podman runc catatonit docker-registry apache2-utils busybox-static chromium fonts-dejavu-core curl)
BUSYBOX_APPLETS=(sh ls cat echo sleep httpd wget env printf seq yes head tail true false id hostname
  mkdir rm cp mv ps kill top date grep sed awk tr wc)

# Exact command lines, also used by the pkill fallback of `down` (when a pidfile is missing).
PODMAN_CMD=(podman system service --time=0 "unix://$PODMAN_SOCK")
DOCKERD_CMD=(dockerd --host "unix://$DOCKER_SOCK")
REGISTRY_CMD=(docker-registry serve "$REGISTRY_CONFIG")

log() { printf '[test-env] %s\n' "$*" >&2; }
die() { printf '[test-env] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- probes (quiet, exit status only)

docker_up() { timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }
docker_version() { timeout 10 docker version --format '{{.Server.Version}}' 2>/dev/null; }

# /_ping answers in ~10 ms; /version (~0.6 s) is the stronger proof used when starting.
podman_up() { curl -sf --max-time 5 --unix-socket "$PODMAN_SOCK" http://d/_ping >/dev/null 2>&1; }
podman_version_up() { curl -sf --max-time 5 --unix-socket "$PODMAN_SOCK" http://d/version >/dev/null 2>&1; }
podman_version() {
  curl -sf --max-time 5 --unix-socket "$PODMAN_SOCK" http://d/version 2>/dev/null |
    sed -n 's/.*"Version":"\([^"]*\)".*/\1/p' | head -n1
}

# The registry is up when /v2/ demands credentials (401): that also proves auth is configured.
registry_code() { curl -s --max-time 5 -o /dev/null -w '%{http_code}' "http://$REGISTRY_ADDR/v2/" 2>/dev/null || true; }
registry_up() { [ "$(registry_code)" = 401 ]; }

moto_up() { curl -sf --max-time 5 -o /dev/null "http://$MOTO_HOST:$MOTO_PORT/moto-api/" 2>/dev/null; }

docker_image_up() { docker_up && docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; }
podman_image_up() { podman image exists "$BASE_IMAGE" >/dev/null 2>&1; }

chromium_up() { [ -x "$CHROMIUM" ]; }

# wait_for NAME SECONDS PROBE [LOGFILE]: poll PROBE every 0.5 s; on timeout show the log's tail and fail.
wait_for() {
  local name=$1 secs=$2 probe=$3 logfile=${4:-} i
  for ((i = 0; i < secs * 2; i++)); do
    if "$probe"; then return 0; fi
    sleep 0.5
  done
  if [ -n "$logfile" ] && [ -f "$logfile" ]; then
    log "last lines of $logfile:"
    tail -n 20 "$logfile" >&2 || true
  fi
  die "$name did not come up within ${secs}s${logfile:+ (log: $logfile)}"
}

# ---------------------------------------------------------------- process helpers

# start_bg NAME CMD...: start CMD detached (own session, no stdin, output to NAME.log), record its pid.
# In a non-interactive shell a background job is not a group leader, so setsid does not fork:
# $! is the service's own pid.
start_bg() {
  local name=$1; shift
  mkdir -p "$STATE_DIR"
  setsid nohup "$@" >"$STATE_DIR/$name.log" 2>&1 </dev/null &
  echo $! >"$STATE_DIR/$name.pid"
}

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# stop_bg NAME PATTERN: TERM the pid in NAME.pid (or, without one, processes whose command
# line ends with PATTERN), wait up to 15 s, then KILL what is left.
stop_bg() {
  local name=$1 pattern=$2 pidfile="$STATE_DIR/$1.pid" pids="" pid i
  if [ -f "$pidfile" ]; then
    pid=$(cat "$pidfile")
    if pid_alive "$pid"; then pids=$pid; fi
  fi
  if [ -z "$pids" ]; then
    # Anchored at the end, and after a / or the start (moto runs as "python .../moto_server ...").
    pids=$(pgrep -f "(^|/)$pattern\$" || true)
  fi
  if [ -n "$pids" ]; then
    log "stopping $name (pid $(echo $pids))"
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    for ((i = 0; i < 30; i++)); do
      local alive=""
      for pid in $pids; do
        if pid_alive "$pid"; then alive="$alive $pid"; fi
      done
      if [ -z "$alive" ]; then break; fi
      sleep 0.5
    done
    for pid in $pids; do
      if pid_alive "$pid"; then
        log "$name (pid $pid) ignored TERM; killing"
        kill -KILL "$pid" 2>/dev/null || true
      fi
    done
  fi
  rm -f "$pidfile"
}

# write_if_changed FILE CONTENT: returns 0 when the file was (re)written, 1 when already identical.
write_if_changed() {
  local file=$1 content=$2
  if [ -f "$file" ] && [ "$(cat "$file")" = "$content" ]; then return 1; fi
  mkdir -p "$(dirname "$file")"
  printf '%s\n' "$content" >"$file"
  return 0
}

# ---------------------------------------------------------------- 1. packages

apt_wait_lock() {
  # Another apt/dpkg may be running (e.g. a background install): wait for it instead of failing.
  local i
  for ((i = 0; i < 600; i++)); do
    if ! fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock >/dev/null 2>&1; then
      return 0
    fi
    if ((i % 20 == 0)); then log "waiting for another apt/dpkg to finish..."; fi
    sleep 1
  done
  die "dpkg/apt lock still held after 600 s"
}

ensure_packages() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt_wait_lock
  apt-get -o DPkg::Lock::Timeout=600 update -q >"$STATE_DIR/apt.log" 2>&1 ||
    { tail -n 20 "$STATE_DIR/apt.log" >&2; die "apt-get update failed (log: $STATE_DIR/apt.log)"; }
  apt_wait_lock
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}" >>"$STATE_DIR/apt.log" 2>&1 ||
    { tail -n 20 "$STATE_DIR/apt.log" >&2; die "apt-get install failed (log: $STATE_DIR/apt.log)"; }
}

# ---------------------------------------------------------------- 2. docker

ensure_docker() {
  if docker_up; then return 0; fi
  # Nothing (no systemd here) starts dockerd: run it ourselves.
  stop_bg dockerd "${DOCKERD_CMD[*]}"
  log "starting dockerd"
  start_bg dockerd "${DOCKERD_CMD[@]}"
  wait_for dockerd 60 docker_up "$STATE_DIR/dockerd.log"
}

# ---------------------------------------------------------------- 3. podman

# crun (Podman's default runtime) fails on this VM ("cgroups in hybrid mode not supported"): use runc.
# Podman's default ulimits ask for more than the hard limit (20000) and CAP_SYS_RESOURCE is absent,
# so setrlimit fails: ask for less. No systemd: cgroupfs, and events to a file instead of journald.
PODMAN_CONTAINERS_CONF='[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"'

# The local registry speaks plain HTTP; Podman refuses that unless it is marked insecure.
PODMAN_REGISTRY_CONF="# Written by Berth's scripts/test-env.sh: the local test registry speaks plain HTTP.
[[registry]]
location = \"$REGISTRY_ADDR\"
insecure = true"

# Returns 0 when a config file changed (a running service must then be restarted: it reads them once).
write_podman_config() {
  local changed=1
  write_if_changed /etc/containers/containers.conf "$PODMAN_CONTAINERS_CONF" && changed=0
  write_if_changed /etc/containers/registries.conf.d/berth-test.conf "$PODMAN_REGISTRY_CONF" && changed=0
  return $changed
}

start_podman_service() {
  if podman_up; then return 0; fi
  stop_bg podman "${PODMAN_CMD[*]}"
  mkdir -p "$(dirname "$PODMAN_SOCK")"
  rm -f "$PODMAN_SOCK"
  log "starting the Podman API service"
  start_bg podman "${PODMAN_CMD[@]}"
  wait_for "podman service" 30 podman_version_up "$STATE_DIR/podman.log"
}

podman_down() { ! podman_up; }

stop_podman_service() {
  stop_bg podman "${PODMAN_CMD[*]}"
  rm -f "$PODMAN_SOCK"
  wait_for "podman service shutdown" 15 podman_down
}

ensure_podman() {
  if write_podman_config && podman_up; then
    log "Podman config changed: restarting its service so it reads it"
    stop_podman_service
  fi
  start_podman_service
}

# ---------------------------------------------------------------- 4. registry

REGISTRY_CONFIG_TEXT="version: 0.1
storage:
  filesystem: { rootdirectory: $REGISTRY_STORAGE }
  delete: { enabled: true }
http: { addr: $REGISTRY_ADDR }
auth:
  htpasswd: { realm: test-registry, path: $REGISTRY_HTPASSWD }"

htpasswd_ok() {
  local entry
  [ -f "$REGISTRY_HTPASSWD" ] || return 1
  for entry in "${REGISTRY_USERS[@]}"; do
    htpasswd -vb "$REGISTRY_HTPASSWD" "${entry%%:*}" "${entry#*:}" >/dev/null 2>&1 || return 1
  done
}

ensure_registry() {
  local changed=1 entry
  mkdir -p "$REGISTRY_DIR" "$REGISTRY_STORAGE"
  # Our own config: the packaged one points htpasswd at a folder.
  write_if_changed "$REGISTRY_CONFIG" "$REGISTRY_CONFIG_TEXT" && changed=0
  if ! htpasswd_ok; then
    : >"$REGISTRY_HTPASSWD.new"
    for entry in "${REGISTRY_USERS[@]}"; do
      htpasswd -Bbn "${entry%%:*}" "${entry#*:}" | sed '/^$/d' >>"$REGISTRY_HTPASSWD.new"
    done
    mv "$REGISTRY_HTPASSWD.new" "$REGISTRY_HTPASSWD"
    changed=0
  fi
  if [ $changed = 0 ] && registry_up; then
    log "registry config changed: restarting it"
    stop_bg registry "${REGISTRY_CMD[*]}"
  fi
  if registry_up; then return 0; fi
  stop_bg registry "${REGISTRY_CMD[*]}"
  log "starting the registry on $REGISTRY_ADDR"
  start_bg registry "${REGISTRY_CMD[@]}"
  wait_for registry 30 registry_up "$STATE_DIR/registry.log"
}

# ---------------------------------------------------------------- 5. moto

ensure_moto() {
  if moto_up; then return 0; fi
  if ! command -v moto_server >/dev/null 2>&1; then
    log "moto_server missing: pip install 'moto[server]'"
    pip install -q 'moto[server]' >"$STATE_DIR/pip.log" 2>&1 ||
      pip install -q --break-system-packages 'moto[server]' >>"$STATE_DIR/pip.log" 2>&1 ||
      { tail -n 20 "$STATE_DIR/pip.log" >&2; die "could not install moto (log: $STATE_DIR/pip.log)"; }
    hash -r
    command -v moto_server >/dev/null 2>&1 || die "moto installed but moto_server is not on PATH"
  fi
  stop_bg moto "moto_server -H $MOTO_HOST -p $MOTO_PORT"
  log "starting moto on $MOTO_HOST:$MOTO_PORT"
  start_bg moto moto_server -H "$MOTO_HOST" -p "$MOTO_PORT"
  wait_for moto 60 moto_up "$STATE_DIR/moto.log"
}

# ---------------------------------------------------------------- 6. base image

# No public registry can be reached, so the base image is made from nothing: a static busybox
# and its applet links. About 2 MB; both engines can run /bin/sh and /bin/httpd from it.
build_rootfs_tar() {
  local tarball="$STATE_DIR/berth-base.tar" root="$STATE_DIR/rootfs" applet
  [ -s "$tarball" ] && { echo "$tarball"; return 0; }
  rm -rf "$root"
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/root" "$root/proc" "$root/sys" "$root/dev"
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  for applet in "${BUSYBOX_APPLETS[@]}"; do ln -s busybox "$root/bin/$applet"; done
  # So that `id`, `ps` and httpd can name users.
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  tar --numeric-owner --owner=0 --group=0 -C "$root" -cf "$tarball.new" .
  mv "$tarball.new" "$tarball"
  echo "$tarball"
}

ensure_base_image() {
  local tarball
  [ -x /bin/busybox ] || die "/bin/busybox missing (package busybox-static)"
  if ! docker_image_up; then
    tarball=$(build_rootfs_tar)
    log "importing $BASE_IMAGE into Docker"
    docker import --change 'CMD ["/bin/sh"]' "$tarball" "$BASE_IMAGE" >/dev/null ||
      die "docker import of $BASE_IMAGE failed"
  fi
  if ! podman_image_up; then
    tarball=$(build_rootfs_tar)
    log "importing $BASE_IMAGE into Podman"
    podman import -q --change 'CMD ["/bin/sh"]' "$tarball" "$BASE_IMAGE" >/dev/null ||
      die "podman import of $BASE_IMAGE failed"
  fi
}

# ---------------------------------------------------------------- summary / commands

# print_status: one line per service; returns the number of services that are not up.
print_status() {
  local down=0
  if docker_up; then echo "docker: up (version $(docker_version), $DOCKER_SOCK)"
  else echo "docker: DOWN"; down=$((down + 1)); fi
  local pv; pv=$(podman_version)
  if [ -n "$pv" ]; then echo "podman: up (version $pv, $PODMAN_SOCK)"
  else echo "podman: DOWN"; down=$((down + 1)); fi
  if registry_up; then echo "registry: up (http://$REGISTRY_ADDR, 401 on /v2/, users AWS and berth)"
  else echo "registry: DOWN (GET /v2/ -> $(registry_code))"; down=$((down + 1)); fi
  if moto_up; then echo "moto: up (http://$MOTO_HOST:$MOTO_PORT)"
  else echo "moto: DOWN"; down=$((down + 1)); fi
  if docker_image_up; then echo "base image (docker): present ($BASE_IMAGE)"
  elif docker_up; then echo "base image (docker): MISSING"; down=$((down + 1))
  else echo "base image (docker): unknown (docker is down)"; down=$((down + 1)); fi
  if podman_image_up; then echo "base image (podman): present ($BASE_IMAGE)"
  else echo "base image (podman): MISSING"; down=$((down + 1)); fi
  if chromium_up; then echo "chromium: present ($CHROMIUM)"
  else echo "chromium: MISSING ($CHROMIUM)"; down=$((down + 1)); fi
  return $down
}

cmd_up() {
  [ "$(id -u)" = 0 ] || die "must run as root"
  mkdir -p "$STATE_DIR"
  ensure_packages
  ensure_docker
  ensure_podman
  ensure_registry
  ensure_moto
  ensure_base_image
  chromium_up || die "$CHROMIUM not found (package chromium)"
  print_status || die "some services are not up (see above)"
}

cmd_down() {
  stop_bg moto "moto_server -H $MOTO_HOST -p $MOTO_PORT"
  stop_bg registry "${REGISTRY_CMD[*]}"
  stop_bg podman "${PODMAN_CMD[*]}"
  rm -f "$PODMAN_SOCK"
  stop_bg dockerd "${DOCKERD_CMD[*]}"
  log "down"
}

cmd_status() {
  local down=0
  print_status || down=$?
  [ "$down" = 0 ]
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  stop-podman) stop_podman_service; log "podman service stopped" ;;
  start-podman) mkdir -p "$STATE_DIR"; write_podman_config || true; start_podman_service; echo "podman: up (version $(podman_version), $PODMAN_SOCK)" ;;
  *) echo "usage: $0 up|down|status|stop-podman|start-podman" >&2; exit 2 ;;
esac
