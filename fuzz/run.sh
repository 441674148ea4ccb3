#!/usr/bin/env bash
# fuzz/run.sh — real, coverage-guided fuzzing of PayClient with Jazzer (JAZZER_FUZZ=1).
#
# Usage (from the repository root or anywhere):
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#
#   SECONDS_PER_TARGET  wall time given to each target (default 60)
#   TARGET              ReaderFuzzTest#lagoReaders, ReaderFuzzTest#billingrailsReaders,
#                       ReaderFuzzTest#paygenticReaders, ClientFuzzTest#clientAgainstHostileServer
#                       (default: all four)
#
# It builds the reactor once (tests of the other modules skipped, nothing installed), then runs
# each target alone in its own surefire JVM (-Xmx512m) with JAZZER_FUZZ=1, -Djazzer.max_duration
# and -Djazzer.keep_going (so known findings do not stop the run), and prints one line per target:
#
#   target  executions  seconds  execs/s  findings
#
# Executions come from libFuzzer's "#N DONE" / last "#N" status line of the target's output
# (kept in fuzz/target/fuzz-logs/<target>.log). Findings are the crash inputs Jazzer wrote
# (crash-* files, in src/test/resources/io/payclient/fuzz/<Class>Inputs/<method>/ when that
# directory exists): review them, keep the ones that reproduce a defect (git add) so that
# `./mvnw verify` replays them (regression mode), delete the others. The generated corpus
# lives in fuzz/.cifuzz-corpus/ (not committed).
#
# Regression mode (what `./mvnw -B verify` runs): every committed input of every target plus the
# HostileServerMatrixTest, no JAZZER_FUZZ. Environment: MAVEN_ARGS passes extra flags to Maven;
# KEEP_GOING (default 100000) is Jazzer's keep_going.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-60}"
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(ReaderFuzzTest#lagoReaders ReaderFuzzTest#billingrailsReaders
    ReaderFuzzTest#paygenticReaders ClientFuzzTest#clientAgainstHostileServer)
fi
LOGS=fuzz/target/fuzz-logs
mkdir -p "$LOGS"
# One build of the reactor; the fuzz runs below reuse its classes (-o: no downloads).
./mvnw -B -q -pl fuzz -am test-compile -Djacoco.skip=true ${MAVEN_ARGS:-}

printf '%-45s %12s %8s %10s %8s\n' target executions seconds execs/s findings > "$LOGS/summary.txt"
TOTAL=0
for t in "${TARGETS[@]}"; do
  class="${t%%#*}"; method="${t##*#}"
  inputs="fuzz/src/test/resources/io/payclient/fuzz/${class}Inputs/${method}"
  before=$(ls "$inputs" 2>/dev/null | grep -c '^crash-' || true)
  log="$LOGS/${class}.${method}.log"
  start=$(date +%s); touch "$log.start"
  JAZZER_FUZZ=1 ./mvnw -B -o -q -pl fuzz -am test -Djacoco.skip=true \
    -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_duration="${SECONDS_PER_TARGET}s" -Djazzer.keep_going="${KEEP_GOING:-100000}" \
    ${MAVEN_ARGS:-} > "$log" 2>&1 || true
  end=$(date +%s)
  out="fuzz/target/surefire-reports/io.payclient.fuzz.${class}-output.txt"
  [ -f "$out" ] && [ "$out" -nt "$log.start" ] && cat "$out" >> "$log"
  # libFuzzer status lines look like "#123456	DONE   cov: ..." or "#123456	pulse  ...".
  execs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
  execs=${execs:-0}
  after=$(ls "$inputs" 2>/dev/null | grep -c '^crash-' || true)
  secs=$((end - start))
  rate=$(awk -v e="$execs" -v s="$SECONDS_PER_TARGET" 'BEGIN { printf "%.0f", (s > 0 ? e / s : 0) }')
  printf '%-45s %12s %8s %10s %8s\n' "$t" "$execs" "$secs" "$rate" "$((after - before))" >> "$LOGS/summary.txt"
  TOTAL=$((TOTAL + execs))
done
echo "total executions: $TOTAL" >> "$LOGS/summary.txt"
cat "$LOGS/summary.txt"
