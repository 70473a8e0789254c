#!/usr/bin/env bash
# A real single-node Slurm on this machine, for the tests and for trying sbatch scripts without a cluster.
#
#   scripts/slurm_local.sh start    install slurm-wlm + munge if missing, write the config, start the daemons
#   scripts/slurm_local.sh stop     cancel our jobs, stop slurmd, slurmctld and munged (by PID)
#   scripts/slurm_local.sh status   which daemons run, and sinfo
#
# Everything (slurm.conf, state, spool, PID and log files) lives in one directory, MLIR_RL_SLURM_DIR
# (default /tmp/mlir-rl-slurm). No systemd: the daemons are started by hand, as ../shared/DESIGN.md section 5
# verified. Every Slurm command needs SLURM_CONF; `start` prints the export line. `start` is idempotent.
# Needs root (or sudo) for the install and for slurmd, which runs jobs as their submitting user.
set -euo pipefail

STATE="${MLIR_RL_SLURM_DIR:-/tmp/mlir-rl-slurm}"
CONF="$STATE/slurm.conf"
export SLURM_CONF="$CONF"
MUNGE_RUN=/run/munge
SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "error: run as root (or install sudo)" >&2; exit 2; }
  SUDO="sudo"
fi

log() { echo "[slurm_local] $*" >&2; }

alive() {  # alive PIDFILE: the process named in PIDFILE is running
  [ -s "$1" ] && $SUDO kill -0 "$(cat "$1")" 2>/dev/null
}

install_packages() {
  if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v sinfo >/dev/null \
     && command -v munged >/dev/null; then
    return
  fi
  log "installing slurm-wlm and munge (apt-get)"
  # The packages' init scripts may try to start daemons; there is no init system here, so tell them not to.
  local policy=/usr/sbin/policy-rc.d created_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
    $SUDO chmod +x "$policy"
    created_policy=1
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
  [ -n "$created_policy" ] && $SUDO rm -f "$policy"
  return 0
}

write_config() {
  local host cpus mem
  host="$(hostname -s)"
  cpus="$(getconf _NPROCESSORS_ONLN)"  # not nproc: it honours OMP_NUM_THREADS
  # Without RealMemory every --mem request is rejected; stay under the real total so slurmd does not drain the node.
  mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 9 / 10 ))
  $SUDO mkdir -p "$STATE/state" "$STATE/spool" "$STATE/log"
  $SUDO tee "$CONF" >/dev/null <<EOF
# Written by scripts/slurm_local.sh: one node, daemons as root, no accounting, no cgroups.
ClusterName=mlirrl
SlurmctldHost=${host}(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
# linuxproc/none: no cgroup plugin is needed (containers often lack a writable cgroup tree).
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
# cons_tres + CR_Core: jobs share the node core by core. select/linear would give a driver job the whole
# node, and the worker jobs it submits would wait forever.
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MailProg=/bin/true
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
InactiveLimit=0
KillWait=5
MinJobAge=10
SlurmctldTimeout=30
SlurmdTimeout=30
StateSaveLocation=$STATE/state
SlurmdSpoolDir=$STATE/spool
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/log/slurmctld.log
SlurmdLogFile=$STATE/log/slurmd.log
NodeName=${host} NodeAddr=127.0.0.1 CPUs=${cpus} RealMemory=${mem} State=UNKNOWN
PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP
EOF
}

start_munge() {
  if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    return  # a munged is already answering (ours or the system's)
  fi
  if [ ! -s /etc/munge/munge.key ]; then
    log "creating /etc/munge/munge.key"
    $SUDO mkdir -p /etc/munge
    $SUDO dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  $SUDO chown munge:munge /etc/munge/munge.key
  $SUDO chmod 400 /etc/munge/munge.key
  # munged refuses to run as root: run it as the munge user, with its runtime directory owned by it.
  $SUDO mkdir -p "$MUNGE_RUN" /var/lib/munge /var/log/munge
  $SUDO chown munge:munge "$MUNGE_RUN" /var/lib/munge /var/log/munge
  $SUDO chmod 755 "$MUNGE_RUN"
  $SUDO runuser -u munge -- munged
  # Remember that we started it, so that `stop` stops only a munged of ours.
  $SUDO cp "$MUNGE_RUN/munged.pid" "$STATE/munged.pid"
  for _ in $(seq 50); do
    munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && return
    sleep 0.1
  done
  echo "error: munged does not answer; see /var/log/munge/munged.log" >&2
  exit 1
}

wait_ready() {
  local state=""
  for _ in $(seq 120); do
    state="$(sinfo -h -N -o %t 2>/dev/null | head -1 || true)"
    case "$state" in
      idle|mix|mixed|alloc|allocated) return ;;
    esac
    sleep 0.5
  done
  echo "error: node not ready (state '${state:-unknown}'); see $STATE/log/" >&2
  exit 1
}

start() {
  local t0=$SECONDS
  install_packages
  $SUDO mkdir -p "$STATE"
  start_munge
  if ! alive "$STATE/slurmctld.pid" || ! alive "$STATE/slurmd.pid"; then
    stop_daemons
    write_config
    # -c: a fresh controller state; jobs of an earlier, stopped instance must not reappear in squeue.
    $SUDO env SLURM_CONF="$CONF" slurmctld -c
    $SUDO env SLURM_CONF="$CONF" slurmd
  fi
  wait_ready
  log "ready in $((SECONDS - t0)) s: $(sinfo -h -o '%P %D %t %c CPUs')"
  echo "export SLURM_CONF=$CONF"
}

stop_pid() {  # stop_pid PIDFILE: TERM, then KILL after 10 s
  local f="$1" pid
  alive "$f" || { $SUDO rm -f "$f"; return 0; }
  pid="$(cat "$f")"
  $SUDO kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do
    $SUDO kill -0 "$pid" 2>/dev/null || { $SUDO rm -f "$f"; return 0; }
    sleep 0.1
  done
  $SUDO kill -9 "$pid" 2>/dev/null || true
  $SUDO rm -f "$f"
}

stop_daemons() {
  if alive "$STATE/slurmctld.pid"; then
    # Cancel what still runs, so that no worker job outlives the daemons.
    squeue -h -o %i 2>/dev/null | xargs -r $SUDO scancel --full 2>/dev/null || true
    for _ in $(seq 50); do
      [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break
      sleep 0.2
    done
  fi
  stop_pid "$STATE/slurmd.pid"
  stop_pid "$STATE/slurmctld.pid"
}

stop() {
  stop_daemons
  stop_pid "$STATE/munged.pid"
  log "stopped"
}

status() {
  local name
  for name in munged slurmctld slurmd; do
    if alive "$STATE/$name.pid"; then echo "$name: running (pid $(cat "$STATE/$name.pid"))"
    else echo "$name: not running (of ours)"; fi
  done
  if alive "$STATE/slurmctld.pid"; then sinfo; squeue; fi
  echo "export SLURM_CONF=$CONF"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status   (state in \$MLIR_RL_SLURM_DIR, default /tmp/mlir-rl-slurm)" >&2; exit 2 ;;
esac
