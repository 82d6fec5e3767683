#!/usr/bin/env bash
# Paper-scale update benchmark: the Java engine, PyTorch autograd (reference-code style) and PyTorch
# hand-written BPTT, plus large SGEMM in each; prints the ratios. Not part of the normal build/test.
#
#   bench/run.sh [updates=3] [threads=$(nproc)]
#
# Needs: the runtime built (./mvnw -o -pl org.motorlearn.runtime install -DskipTests) and Debian's
# python3-torch with libopenblas0-openmp (apt-get install python3-torch libopenblas0-openmp).
set -euo pipefail
cd "$(dirname "$0")/.."
UPDATES=${1:-3}
THREADS=${2:-$(nproc)}
OUT=$(realpath -m "${BENCH_OUT:-bench/results}")
mkdir -p "$OUT"
PY=/usr/bin/python3   # Debian's python3-torch lives in the system interpreter

CP_FILE=$OUT/classpath.txt
./mvnw -q -o -pl org.motorlearn.runtime dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="org.motorlearn.runtime/target/classes:$(cat "$CP_FILE")"
rm -rf "$OUT/classes" && mkdir -p "$OUT/classes"
javac -d "$OUT/classes" -cp "$CP" $(find bench/java -name '*.java')

# The same OpenBLAS environment for every program below, the launcher's (engine.BlasEnvironment):
# kernels from the CPU flags unless OPENBLAS_CORETYPE is set (ND4J's and Debian's OpenBLAS read it),
# and OPENBLAS_THREAD_TIMEOUT (read by ND4J's pthreads build; Debian's OpenMP build ignores it).
eval "$(sed -n '/^export OPENBLAS_THREAD_TIMEOUT=/,/^fi$/p' motorlearn)"
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "== OpenBLAS kernels: ${OPENBLAS_CORETYPE:-auto-detected}, thread timeout 2^${OPENBLAS_THREAD_TIMEOUT} cycles"
# ND4J: one OpenMP thread for element-wise ops, BLAS threads set by ThreadLayout.
echo "== Java engine (ND4J), $UPDATES timed updates"
OMP_NUM_THREADS=1 java -Xmx6g -XX:+UseParallelGC -cp "$OUT/classes:$CP" \
  org.motorlearn.bench.PaperScaleBenchmark "$UPDATES" "$THREADS" 2>/dev/null | tee "$OUT/java.txt"

# PyTorch, set up fairly: Debian OpenBLAS (OpenMP build), same thread count, glibc malloc tuned.
export OMP_NUM_THREADS=$THREADS MALLOC_MMAP_THRESHOLD_=2147483647 MALLOC_TRIM_THRESHOLD_=4294967295
echo "== PyTorch check: hand-written BPTT equals autograd"
$PY bench/torch_bench.py check --threads "$THREADS" | tee "$OUT/torch_check.txt"
echo "== PyTorch SGEMM"
$PY bench/torch_bench.py sgemm --threads "$THREADS" | tee "$OUT/torch_sgemm.txt"
echo "== PyTorch hand-written BPTT"
$PY bench/torch_bench.py bptt --updates "$UPDATES" --threads "$THREADS" | tee "$OUT/torch_bptt.txt"
echo "== PyTorch autograd (reference-code style)"
$PY bench/torch_bench.py autograd --updates "$UPDATES" --threads "$THREADS" | tee "$OUT/torch_autograd.txt"
echo "== machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"

value() { grep -h "^$1 " "$OUT"/*.txt | tail -1 | awk '{print $2}'; }
java_s=$(value engine_update_s_mean); java_gf=$(value engine_gflops_mean); sgemm=$(value sgemm_gflops)
bptt_s=$(value torch_bptt_update_s_mean); auto_s=$(value torch_autograd_update_s_mean)
torch_sgemm=$(value torch_sgemm_gflops)
java_cpu=$(value engine_cpu_s_per_update); java_gpc=$(value engine_gflop_per_cpu_s); sgemm_gpc=$(value sgemm_gflop_per_cpu_s); bptt_cpu=$(value torch_bptt_cpu_s_per_update)
auto_cpu=$(value torch_autograd_cpu_s_per_update)
$PY - "$java_s" "$java_gf" "$sgemm" "$bptt_s" "$auto_s" "$torch_sgemm" "$java_cpu" "$bptt_cpu" "$auto_cpu" "$java_gpc" "$sgemm_gpc" <<'PYEOF'
import sys
java_s, java_gf, sgemm, bptt_s, auto_s, torch_sgemm, java_cpu, bptt_cpu, auto_cpu, java_gpc, sgemm_gpc = map(float, sys.argv[1:])
print("== summary (mean seconds per update; paper scale 3x400 units, 400 bins, batch 80)")
print(f"Java engine            {java_s:8.3f} s  {java_gf:6.1f} GFLOP/s  (cpu {java_cpu:.2f} s)")
print(f"PyTorch hand BPTT      {bptt_s:8.3f} s                  (cpu {bptt_cpu:.2f} s)")
print(f"PyTorch autograd       {auto_s:8.3f} s                  (cpu {auto_cpu:.2f} s)")
print(f"SGEMM (ND4J / torch)   {sgemm:6.1f} / {torch_sgemm:6.1f} GFLOP/s")
print(f"speed-up vs autograd   {auto_s / java_s:6.2f}x   (target >= 2.5)")
print(f"speed-up vs hand BPTT  {bptt_s / java_s:6.2f}x   (target >= 1.0)")
print(f"fraction of SGEMM      {java_gf / sgemm * 100:6.1f} %  (target >= 80)")
print(f"per CPU-second: engine {java_gpc:.1f} GFLOP, SGEMM {sgemm_gpc:.1f} GFLOP -> {java_gpc / sgemm_gpc * 100:.1f} %")
print(f"per CPU-second (load-robust): speed-up vs autograd {auto_cpu / java_cpu:.2f}x, vs hand BPTT {bptt_cpu / java_cpu:.2f}x")
PYEOF
