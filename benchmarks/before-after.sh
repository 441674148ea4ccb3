#!/usr/bin/env bash
# Loopback before/after: runs the loopback harness with the SDK jars of an earlier commit, then with
# the current ones, back to back, and writes docs/BENCHMARKS-before-after.md (PayClient / raw OkHttp
# in each run, before and after). About 8 minutes on 2 cores.
#
#   benchmarks/before-after.sh [commit]     default: 9c86878 (before the issue-8 fixes)
#
# Needs the current SDK installed (./mvnw -B install -DskipTests) and git. The earlier commit is
# checked out in a temporary worktree and packaged there; nothing is installed from it.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
COMMIT="${1:-9c86878}"
T=benchmarks/target
WT="$T/before-$COMMIT"

./mvnw -q -B -f benchmarks/pom.xml package
rm -rf "$WT"
git worktree prune
git worktree add -q --detach "$WT" "$COMMIT"
trap 'git worktree remove --force "$WT" || true' EXIT
(cd "$WT" && ./mvnw -q -B package -DskipTests -Djacoco.skip=true \
  -pl sdk-core,sdk-lago,sdk-billingrails,sdk-paygentic)

NEW_CP="$T/classes:$(cat "$T/classpath.txt")"
# The same class path with the four SDK jars swapped for the earlier commit's.
OLD_CP="$T/classes:$(tr ':' '\n' < "$T/classpath.txt" \
  | sed -E "s#.*/io/payclient/(sdk-(core|lago|billingrails|paygentic))/[^/]+/[^/]+\.jar\$#$ROOT/$WT/\1/target/\1-0.1.0-SNAPSHOT.jar#" \
  | paste -sd: -)"

java -cp "$OLD_CP" io.payclient.benchmarks.loopback.Loopback mode=full \
  "out=$T/loopback-before.md" "json=$T/loopback-before.json"
java -cp "$NEW_CP" io.payclient.benchmarks.loopback.Loopback mode=full \
  "out=$T/loopback-after.md" "json=$T/loopback-after.json"
java -cp "$NEW_CP" io.payclient.benchmarks.loopback.LoopbackCompare \
  "before=$T/loopback-before.json" "after=$T/loopback-after.json" "commit=$COMMIT" \
  "command=benchmarks/before-after.sh $COMMIT" "out=docs/BENCHMARKS-before-after.md"
