#!/usr/bin/env bash
# Runs worklint's benchmarks in one go and prints one summary line per figure:
#   compile-time overhead of the checks (javac + Error Prone, with and without worklint), and
#   runtime throughput and allocation of WorkQueue against ForkJoinPool and ThreadPoolExecutor
#   (JMH), as the ratios of time of the goals with their range over interleaved rounds.
#
#   benchmarks/run.sh            the full run: figures, then diagnostics (about 12-20 minutes)
#   benchmarks/run.sh --quick    a smoke run (about 2-3 minutes); its figures are indicative only
#   benchmarks/run.sh --only compile|caffeine|corpus|runtime|oneshot|oneshot4|coalescing|allocation|delayed|diagnose
#   benchmarks/run.sh --only oneshot --rounds 3     fewer or more interleaved rounds per runtime figure
#
# The method and the last figures are in docs/performance.md.
#
# Needs JDK 17 and Maven. Builds runtime, checker and this module first (tests skipped); the logs
# and the summary go to benchmarks/results/<time>/. Nothing here runs during `mvn verify`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

echo "Building worklint-runtime, worklint-checker and worklint-benchmarks (tests skipped)..."
mvn -B -q package -pl benchmarks -am -DskipTests

target="$root/benchmarks/target"
classpath="$target/classes:$(cat "$target/benchmark-paths/runtime.classpath")"

# Error Prone runs inside this JVM, so javac must open its internals to it (as .mvn/jvm.config
# does for Maven). A fixed heap keeps heap resizing out of the compile timings.
opens=()
while read -r line; do
  [ -n "$line" ] && opens+=(${line/ /=})
done < "$root/.mvn/jvm.config"

exec java "${opens[@]}" -Xms3g -Xmx3g -XX:+UseG1GC \
  -Dworklint.benchmarks.target="$target" \
  -cp "$classpath" io.github.worklint.benchmarks.RunAll "$@"
