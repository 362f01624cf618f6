#!/usr/bin/env bash
# The benchmark suite: every backend beside its baselines, get/put/mixed/evict, 1 and 2 threads,
# then a ratio table (ours over baseline, from JMH's JSON) and the footprint table.
#
#   benchmarks/suite.sh                 # short profile, about 15 minutes on 2 cores + 3 footprint
#   PROFILE=full benchmarks/suite.sh    # 3 forks, longer iterations, roughly 70 minutes
#   PROFILE=smoke benchmarks/suite.sh   # one 0.2 s iteration each: checks the script runs
#   benchmarks/suite.sh --readme        # also rewrite the README's Performance tables
#   SKIP_FOOTPRINT=1 benchmarks/suite.sh
#   SUITE=targets PROFILE=full benchmarks/suite.sh --readme
#                                       # only the pairs with a target, into the README's
#                                       # targets section (about 40 minutes with full)
#
# Results: benchmarks/target/suite-all/ (or suite-targets/): *.json (JMH), *.log (JMH's output), ratios.md, footprint.md.
# Run nothing else on the machine meanwhile: compare ratios from one run, never absolute times.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${PROFILE:-short}" in
  short) JMH_OPTS=(-f 1 -wi 2 -w 1 -i 3 -r 1); DESCRIBE="short (1 fork, 2 x 1 s warmup, 3 x 1 s measured)" ;;
  full)  JMH_OPTS=(-f 3 -wi 3 -w 1 -i 5 -r 2); DESCRIBE="full (3 forks, 3 x 1 s warmup, 5 x 2 s measured)" ;;
  smoke) JMH_OPTS=(-f 1 -wi 1 -w 100ms -i 1 -r 200ms); DESCRIBE="smoke (checks the script, not the numbers)" ;;
  *) echo "PROFILE must be smoke, short or full, not ${PROFILE}" >&2; exit 2 ;;
esac
README_ARGS=()
if [[ "${1:-}" == "--readme" ]]; then README_ARGS=(--readme README.md); fi

mvn -B -q -DskipTests package -pl benchmarks -am
JAR=benchmarks/target/benchmarks.jar
OUT=benchmarks/target/suite-${SUITE:-all}
rm -rf "$OUT" && mkdir -p "$OUT"

run() {
  local name=$1; shift
  echo "$(date +%T) $name: $*"
  java -jar "$JAR" "$@" "${JMH_OPTS[@]}" -rf json -rff "$OUT/$name.json" > "$OUT/$name.log" 2>&1 \
    || { tail -20 "$OUT/$name.log"; exit 1; }
}

if [[ "${SUITE:-all}" == targets ]]; then
  run targets-objectmaps-t1 'ObjectMapSuite' -t 1 \
    -p "impl=SafeMaps.bounded,Caffeine,singleThreaded,LinkedHashMap LRU"
  run targets-objectmaps-t2 'ObjectMapSuite' -t 2 -p impl=SafeMaps.bounded,Caffeine
  run targets-longmaps 'LongMapSuite' -t 1 \
    -p "impl=boundedLongToLong,fastutil open,fastutil linked LRU"
  run targets-metrics 'MetricsOverheadBenchmark'
  java -cp "$JAR" dev.safecollections.benchmarks.RatioTable --profile "$DESCRIBE" --targets-only \
    "${README_ARGS[@]}" --section targets "$OUT"/*.json | tee "$OUT/targets.md"
  exit 0
fi

run objectmaps-t1 'ObjectMapSuite' -t 1
run objectmaps-t2 'ObjectMapSuite' -t 2 -p impl=SafeMaps.bounded,Caffeine,ConcurrentHashMap
run longmaps-t1   'LongMapSuite' -t 1
run longmaps-t2   'LongMapSuite' -t 2 -p impl=concurrentLongToObject,NonBlockingHashMapLong
run lists         'ListSuite\.(get|set|mixed)' -p impl=SafeLists.bounded,ArrayList
run lists-evict   'ListSuite\.evict' -p impl=SafeLists.bounded,ArrayDeque
run queues-t1     'QueueSuite' -t 1
run queues-t2     'QueueSuite' -t 2
run metrics       'MetricsOverheadBenchmark'

java -cp "$JAR" dev.safecollections.benchmarks.RatioTable --profile "$DESCRIBE" \
  "${README_ARGS[@]}" "$OUT"/*.json | tee "$OUT/ratios.md"

if [[ -z "${SKIP_FOOTPRINT:-}" ]]; then
  echo "$(date +%T) footprint (JOL, 1,000,000 entries)"
  java -Xmx6g -Djol.magicFieldOffset=true -cp "$JAR" dev.safecollections.benchmarks.FootprintReport \
    "${README_ARGS[@]}" | tee "$OUT/footprint.md"
fi
