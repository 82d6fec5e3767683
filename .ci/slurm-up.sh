#!/usr/bin/env bash
# A single-node SLURM cluster on localhost for the sweep tests (docs/sweeps.md): writes a minimal
# slurm.conf, creates the munge key if missing and starts munged, slurmctld and slurmd directly (no
# systemd). Needs root and the Debian packages slurm-wlm and munge. Idempotent: a daemon whose pid
# file names a live process is left alone. Stop them with .ci/slurm-down.sh.
set -euo pipefail

for tool in munged slurmctld slurmd sinfo; do
  command -v "$tool" >/dev/null || { echo "slurm-up: $tool is missing; apt-get install slurm-wlm munge" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "slurm-up: must run as root (it starts the SLURM daemons)" >&2; exit 1; }

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# munge: a key readable only by the munge user, then the daemon as that user
mkdir -p /etc/munge /var/lib/munge /var/log/munge /run/munge
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
fi
chown -R munge:munge /etc/munge /var/lib/munge /var/log/munge /run/munge
chmod 0700 /etc/munge /var/lib/munge /var/log/munge
chmod 0755 /run/munge
chmod 0400 /etc/munge/munge.key
if ! running /run/munge/munged.pid; then
  runuser -u munge -- munged
fi

# slurm.conf: this machine's cores, and its available memory minus a margin for everything else
cpus=$(nproc)
available=$(free -m | awk '/^Mem:/ {print $7}')
memory=$(( available > 3072 ? available - 2048 : 1024 ))
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
cat > /etc/slurm/slurm.conf <<CONF
# written by .ci/slurm-up.sh: one node (localhost), one partition
ClusterName=motorlearn-ci
SlurmctldHost=localhost
AuthType=auth/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
MpiDefault=none
ReturnToService=2
MinJobAge=600
KillWait=30
SchedulerParameters=defer_batch=0
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF

if ! running /run/slurmctld.pid; then
  slurmctld
fi
if ! running /run/slurmd.pid; then
  slurmd -N localhost
fi

# ready when the node takes jobs
for _ in $(seq 60); do
  state=$(sinfo -h -n localhost -o %T 2>/dev/null || true)
  case "$state" in
    idle*|mixed*|allocated*) echo "slurm-up: node localhost $state ($cpus CPUs, ${memory} MB)"; exit 0 ;;
  esac
  sleep 1
done
echo "slurm-up: the node did not become ready; see /var/log/slurm/slurmctld.log and slurmd.log" >&2
sinfo >&2 || true
exit 1
