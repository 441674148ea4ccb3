#!/usr/bin/env bash
# Runs the PayClient benchmarks and writes docs/BENCHMARKS.md (+ docs/benchmarks.svg, docs/loopback.svg).
#
#   benchmarks/run.sh           full run (about 15 minutes on 2 cores; JMH 1 fork of 4 × 500 ms after
#                               3 × 500 ms of warm-up per benchmark); rewrites docs/BENCHMARKS.md
#   benchmarks/run.sh --smoke   CI smoke (about 2 minutes): every benchmark once, very short;
#                               writes benchmarks/target/BENCHMARKS-smoke.md, never docs/
#   benchmarks/run.sh --webhooks  WebhookBenchmark alone (about 9 minutes), with longer JMH
#                               settings (2 forks of 5 × 1 s), then the same interleaved
#                               (WebhookRounds, the verdicts);
#                               replaces only the "Webhook verification" section of
#                               docs/BENCHMARKS.md and the webhook rows of the glance table
#   benchmarks/run.sh --instrumentation  issue 17's measurements alone (about 12 minutes):
#                               InstrumentationBenchmark and OtelFloorBenchmark (+
#                               CreateBenchmark.create of the three vendors, for the listener-less
#                               allocation) with the longer JMH settings, the same
#                               interleaved (InstrumentationRounds, the verdicts), and the Spring Boot
#                               start-up (SpringStartup, 20 rounds);
#                               replaces only the "Instrumentation overhead" and "Spring Boot
#                               start-up" sections and the issue-17 rows of the glance table
#   benchmarks/run.sh --loopback  the loopback harness alone (about 4 minutes): issue 8's cells
#                               (information), the JSON split, and issue 19's floor and
#                               stripe-java rounds; replaces only the "Loopback end to end"
#                               section, docs/loopback.svg and the loopback rows of the glance table
#   benchmarks/run.sh --contenders  issue 19's canned-transport contenders alone (about 8 minutes):
#                               JacksonBenchmark (+ CreateBenchmark.create of the three vendors)
#                               and KeyBenchmark with the longer JMH settings, then the
#                               readers against tokenize, interleaved (SerdeRounds), the
#                               hand-written integration and the Moshi floor against PayClient's
#                               create, interleaved (JacksonRounds, the verdicts), and listing
#                               100 000 payments per vendor (ScaleRun); replaces only the "Against
#                               a hand-written integration", "Idempotency key generation", "Reading
#                               against the Moshi floor" and "Listing at scale" sections and the
#                               issue-19 rows of the glance table
#
# Needs the SDK installed in the local repository (./mvnw -B install -DskipTests), except
# --webhooks, --instrumentation, --contenders and --loopback, which build the SDK modules of this
# checkout in the reactor (nothing installed).
# Everything runs in process or on 127.0.0.1; Maven Central is only used to resolve dependencies.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
MODE=full
if [[ "${1:-}" == "--smoke" ]]; then MODE=smoke; fi
if [[ "${1:-}" == "--webhooks" ]]; then MODE=webhooks; fi
if [[ "${1:-}" == "--instrumentation" ]]; then MODE=instrumentation; fi
if [[ "${1:-}" == "--contenders" ]]; then MODE=contenders; fi
if [[ "${1:-}" == "--loopback" ]]; then MODE=loopback; fi
START=$(date +%s)
T=benchmarks/target
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath
# The partial modes measure their own benchmarks longer than the full run can afford to measure all
# of them (the full run stays within about 15 minutes on 2 cores).
PARTIAL_JMH_ARGS="-f 2 -wi 4 -w 1s -i 5 -r 1s"
FULL_JMH_ARGS="-f 1 -wi 3 -w 500ms -i 4 -r 500ms"

if [[ $MODE == webhooks ]]; then
  # WEBHOOK_JMH_ARGS overrides the JMH settings (e.g. a longer warm-up on a busy machine); the
  # section written says which were used.
  WH_ARGS="${WEBHOOK_JMH_ARGS:-$PARTIAL_JMH_ARGS}"
  WH_CMD="benchmarks/run.sh --webhooks"
  if [[ -n "${WEBHOOK_JMH_ARGS:-}" ]]; then WH_CMD="WEBHOOK_JMH_ARGS='$WH_ARGS' $WH_CMD"; fi
  ./mvnw -q -B package -pl benchmarks -am -DskipTests
  CP="$T/classes:$(cat "$T/classpath.txt")"
  # shellcheck disable=SC2086
  java -cp "$CP" org.openjdk.jmh.Main WebhookBenchmark $WH_ARGS -prof gc \
    -rf json -rff "$T/jmh-webhooks.json" | tee "$T/jmh-webhooks.log" | grep -E '^(Benchmark|WebhookBenchmark)' || true
  # The same benchmarks interleaved in one JVM: the verdicts.
  java -cp "$CP" io.payclient.benchmarks.WebhookRounds "out=$T/rounds-webhooks.properties"
  java -cp "$CP" io.payclient.benchmarks.Report webhooksOnly=true \
    "jmh=$T/jmh-webhooks.json" "webhookRounds=$T/rounds-webhooks.properties" \
    "out=docs/BENCHMARKS.md" "command=$WH_CMD" \
    "jmhArgs=$WH_ARGS -prof gc" "cores=$(nproc)" "date=$(date -u +%Y-%m-%d)" \
    "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//' || echo unknown)"
  echo "benchmarks (webhooks) done in $(( $(date +%s) - START )) s: docs/BENCHMARKS.md"
  exit 0
fi

if [[ $MODE == instrumentation ]]; then
  # INSTRUMENTATION_JMH_ARGS overrides the JMH settings, SPRING_RUNS the start-up rounds; the
  # sections written say which were used.
  IN_ARGS="${INSTRUMENTATION_JMH_ARGS:-$PARTIAL_JMH_ARGS}"
  SPRING_RUNS="${SPRING_RUNS:-20}"
  IN_CMD="benchmarks/run.sh --instrumentation"
  if [[ -n "${INSTRUMENTATION_JMH_ARGS:-}" ]]; then IN_CMD="INSTRUMENTATION_JMH_ARGS='$IN_ARGS' $IN_CMD"; fi
  if [[ "$SPRING_RUNS" != 20 ]]; then IN_CMD="SPRING_RUNS=$SPRING_RUNS $IN_CMD"; fi
  ./mvnw -q -B package -pl benchmarks -am -DskipTests
  CP="$T/classes:$(cat "$T/classpath.txt")"
  LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086
  java -cp "$CP" org.openjdk.jmh.Main 'InstrumentationBenchmark|OtelFloorBenchmark|CreateBenchmark.create$' \
    -p target=lago,billingrails,paygentic $IN_ARGS -prof gc \
    -rf json -rff "$T/jmh-instrumentation.json" | tee "$T/jmh-instrumentation.log" \
    | grep -E '^(Benchmark|InstrumentationBenchmark|OtelFloorBenchmark|CreateBenchmark)' || true
  LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
  # The same variants interleaved in one JVM (the verdicts), then the Spring Boot start-up.
  java -cp "$CP" io.payclient.benchmarks.InstrumentationRounds "out=$T/rounds-instrumentation.properties"
  java -cp "$CP" io.payclient.benchmarks.spring.SpringStartup "runs=$SPRING_RUNS" "classpath=$CP" \
    "out=$T/spring-instrumentation.properties"
  java -cp "$CP" io.payclient.benchmarks.Report instrumentationOnly=true \
    "jmh=$T/jmh-instrumentation.json" "spring=$T/spring-instrumentation.properties" \
    "rounds=$T/rounds-instrumentation.properties" \
    "out=docs/BENCHMARKS.md" "command=$IN_CMD" "jmhArgs=$IN_ARGS -prof gc" \
    "load=$LOAD_BEFORE before the JMH run, $LOAD_AFTER after" \
    "cores=$(nproc)" "date=$(date -u +%Y-%m-%d)" \
    "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//' || echo unknown)"
  echo "benchmarks (instrumentation) done in $(( $(date +%s) - START )) s: docs/BENCHMARKS.md"
  exit 0
fi

if [[ $MODE == loopback ]]; then
  ./mvnw -q -B package -pl benchmarks -am -DskipTests
  CP="$T/classes:$(cat "$T/classpath.txt")"
  java -cp "$CP" io.payclient.benchmarks.loopback.Loopback mode=full "out=$T/loopback-only.md" \
    "json=$T/loopback-only.json" svg=docs/loopback.svg page=docs/BENCHMARKS.md
  java -cp "$CP" io.payclient.benchmarks.Report loopbackOnly=true "loopback=$T/loopback-only.md" \
    out=docs/BENCHMARKS.md
  echo "benchmarks (loopback) done in $(( $(date +%s) - START )) s: docs/BENCHMARKS.md"
  exit 0
fi

if [[ $MODE == contenders ]]; then
  # CONTENDERS_JMH_ARGS overrides the JMH settings; the sections written say which were used.
  CO_ARGS="${CONTENDERS_JMH_ARGS:-$PARTIAL_JMH_ARGS}"
  CO_CMD="benchmarks/run.sh --contenders"
  if [[ -n "${CONTENDERS_JMH_ARGS:-}" ]]; then CO_CMD="CONTENDERS_JMH_ARGS='$CO_ARGS' $CO_CMD"; fi
  ./mvnw -q -B package -pl benchmarks -am -DskipTests
  CP="$T/classes:$(cat "$T/classpath.txt")"
  # shellcheck disable=SC2086
  java -cp "$CP" org.openjdk.jmh.Main 'JacksonBenchmark|KeyBenchmark|CreateBenchmark.create$' \
    -p target=lago,billingrails,paygentic $CO_ARGS -prof gc \
    -rf json -rff "$T/jmh-contenders.json" | tee "$T/jmh-contenders.log" \
    | grep -E '^(Benchmark|JacksonBenchmark|KeyBenchmark|CreateBenchmark)' || true
  java -cp "$CP" io.payclient.benchmarks.SerdeRounds "out=$T/serde-rounds-contenders.properties"
  java -cp "$CP" io.payclient.benchmarks.JacksonRounds "out=$T/jackson-rounds-contenders.properties"
  java -cp "$CP" io.payclient.benchmarks.ScaleRun "out=$T/scale-contenders.properties"
  java -cp "$CP" io.payclient.benchmarks.Report contendersOnly=true \
    "jmh=$T/jmh-contenders.json" "serdeRounds=$T/serde-rounds-contenders.properties" \
    "jacksonRounds=$T/jackson-rounds-contenders.properties" \
    "scale=$T/scale-contenders.properties" \
    "out=docs/BENCHMARKS.md" "command=$CO_CMD" \
    "jmhArgs=$CO_ARGS -prof gc" "cores=$(nproc)" "date=$(date -u +%Y-%m-%d)" \
    "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//' || echo unknown)"
  echo "benchmarks (contenders) done in $(( $(date +%s) - START )) s: docs/BENCHMARKS.md"
  exit 0
fi

./mvnw -q -B -f benchmarks/pom.xml package
for v in lago stripe; do
  ./mvnw -q -B -f "benchmarks/footprint/$v/pom.xml" "$DEP_PLUGIN" \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$ROOT/$T/footprint-$v.txt"
done

CP="$T/classes:$(cat "$T/classpath.txt")"
# Cold-start children: the SDK with sdk-lago's runtime class path only; raw OkHttp with OkHttp,
# Okio and Kotlin only.
SDK_CP="$T/classes:$(cat "$T/footprint-lago.txt")"
RAW_CP="$T/classes:$(tr ':' '\n' < "$T/footprint-lago.txt" | grep -E '/(okhttp-jvm|okio-jvm|kotlin-stdlib)[^/]*\.jar$' | paste -sd: -)"

if [[ $MODE == smoke ]]; then
  JMH_ARGS="-f 1 -wi 1 -w 100ms -i 1 -r 100ms"
  RUNS=1
  OUT="$T/BENCHMARKS-smoke.md"
  SVG="$T/benchmarks-smoke.svg"
  LOOPBACK_SVG="$T/loopback-smoke.svg"
else
  JMH_ARGS="$FULL_JMH_ARGS"
  RUNS=10
  OUT=docs/BENCHMARKS.md
  SVG=docs/benchmarks.svg
  LOOPBACK_SVG=docs/loopback.svg
fi

# shellcheck disable=SC2086
java -cp "$CP" org.openjdk.jmh.Main 'CreateBenchmark|SerdeBenchmark|WebhookBenchmark|InstrumentationBenchmark|OtelFloorBenchmark|JacksonBenchmark|KeyBenchmark' $JMH_ARGS -prof gc \
  -rf json -rff "$T/jmh-$MODE.json" | tee "$T/jmh-$MODE.log" | grep -E '^(Benchmark|CreateBenchmark|SerdeBenchmark|WebhookBenchmark|InstrumentationBenchmark|OtelFloorBenchmark|JacksonBenchmark|KeyBenchmark)' || true
java -cp "$CP" io.payclient.benchmarks.ColdStart "$RUNS" "$SDK_CP" "$RAW_CP" "$T/coldstart-$MODE.properties"
# Issue 17's instrumentation and issue 16's webhook ratios, interleaved in one JVM (the verdicts).
if [[ $MODE == smoke ]]; then ROUNDS_ARGS="rounds=2 warmupSeconds=1 batchMillis=5"; else ROUNDS_ARGS=""; fi
# shellcheck disable=SC2086
java -cp "$CP" io.payclient.benchmarks.InstrumentationRounds $ROUNDS_ARGS "out=$T/rounds-$MODE.properties"
# shellcheck disable=SC2086
java -cp "$CP" io.payclient.benchmarks.WebhookRounds $ROUNDS_ARGS "out=$T/webhook-rounds-$MODE.properties"
# Issue 19's reader target: parse against tokenize, interleaved.
# shellcheck disable=SC2086
java -cp "$CP" io.payclient.benchmarks.SerdeRounds $ROUNDS_ARGS "out=$T/serde-rounds-$MODE.properties"
# Issue 19's hand-written OkHttp + Jackson integration on the canned transport, interleaved.
# shellcheck disable=SC2086
java -cp "$CP" io.payclient.benchmarks.JacksonRounds $ROUNDS_ARGS "out=$T/jackson-rounds-$MODE.properties"
# Issue 19's scale: listing 100 000 payments per vendor on the fakes, lazily and prefetching.
if [[ $MODE == smoke ]]; then SCALE_ARGS="items=2000 rounds=1 latencyItems=500"; else SCALE_ARGS=""; fi
# shellcheck disable=SC2086
java -cp "$CP" io.payclient.benchmarks.ScaleRun $SCALE_ARGS "out=$T/scale-$MODE.properties"
# Spring Boot start-up without PayClient, with hand-written beans, with the starter (issue 17).
java -cp "$CP" io.payclient.benchmarks.spring.SpringStartup "runs=$RUNS" "classpath=$CP" \
  "out=$T/spring-$MODE.properties"
# Loopback end to end: a fast server in a child JVM on 127.0.0.1; bounded in time by its own watchdog.
java -cp "$CP" io.payclient.benchmarks.loopback.Loopback "mode=$MODE" "out=$T/loopback-$MODE.md" \
  "json=$T/loopback-$MODE.json" "svg=$LOOPBACK_SVG" "page=$OUT"

END=$(date +%s)
CMD="benchmarks/run.sh"
if [[ $MODE == smoke ]]; then CMD="benchmarks/run.sh --smoke"; fi
java -cp "$CP" io.payclient.benchmarks.Report \
  "jmh=$T/jmh-$MODE.json" "coldstart=$T/coldstart-$MODE.properties" \
  "footprintLago=$T/footprint-lago.txt" "footprintStripe=$T/footprint-stripe.txt" \
  "loopback=$T/loopback-$MODE.md" "spring=$T/spring-$MODE.properties" \
  "rounds=$T/rounds-$MODE.properties" "webhookRounds=$T/webhook-rounds-$MODE.properties" \
  "serdeRounds=$T/serde-rounds-$MODE.properties" "jacksonRounds=$T/jackson-rounds-$MODE.properties" \
  "scale=$T/scale-$MODE.properties" "out=$OUT" "svg=$SVG" "command=$CMD" "seconds=$((END - START))" \
  "jmhArgs=$JMH_ARGS -prof gc" "cores=$(nproc)" "date=$(date -u +%Y-%m-%d)" \
  "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//' || echo unknown)"
echo "benchmarks ($MODE) done in $(( $(date +%s) - START )) s: $OUT"
