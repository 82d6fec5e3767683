#!/usr/bin/env bash
# Stops the daemons .ci/slurm-up.sh started (by the process ids in their pid files).
set -uo pipefail
stop() {
  local pidfile=$1
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    local pid
    pid=$(cat "$pidfile")
    kill "$pid"
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null
  fi
}
stop /run/slurmd.pid
stop /run/slurmctld.pid
stop /run/munge/munged.pid
