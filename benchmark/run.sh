#!/usr/bin/env bash
# Census import, reads and ballots benchmarks (not a test: they gate nothing).
#   benchmark/run.sh                    both profiles, one after the other: default (H2), then postgres
#   benchmark/run.sh default|postgres   one profile
# Further arguments go to the benchmark: --file=PATH (default ../shared/data/census-22k.csv from the project
# root), --parallelism=N (default 4, as `./jekafo import`), --scenario=dirty (the census's distributions, 22,000 lines
# clean and 5 % defective, compared) or --scenario=scale (1,000,000 generated lines; --members=N, --defect-rate=R)
# or --scenario=reads (GraphQL reads over HTTP against raw Elasticsearch, 110,000 members; --seconds=N,
# --clients=1,8,20, --data=DIR to load once and reuse the folder in later runs)
# or --scenario=ballots (every member of the census votes through GraphQL `castBallot` in a national open, then
# secret, consultation from 16 clients: ballots/s, p50/p99, projection lag, heap, the secret tally; --clients=N,
# --only=open or --only=secret for one consultation alone)
# or --scenario=audit (a store of --events=N events, 1,000,000 by default, from --members=N generated members and
# their changes: audit queries p50/p99, integrity verification rate, as-of counts, audit index rebuild, raw limits).
# Results: printed, and in benchmark/target/benchmark-<profile>[-<scenario>].md.
# The postgres profile needs a local PostgreSQL on 127.0.0.1:5432, user postgres, trust authentication.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmark/target/benchmark.jar

profiles=(default postgres)
if [ $# -gt 0 ] && [[ "$1" != --* ]]; then
  case "$1" in
    default|postgres) profiles=("$1"); shift ;;
    *) echo "usage: $0 [default|postgres] [--file=PATH] [--parallelism=N] [--scenario=dirty|scale|reads|ballots|audit]" >&2; exit 2 ;;
  esac
fi

if [ ! -f "$jar" ] || [ -n "$(find core-api command-side query-side graphql-schema app local-elasticsearch benchmark pom.xml \
      -path '*/target' -prune -o -newer "$jar" \( -name '*.java' -o -name '*.graphqls' -o -name '*.sql' \
      -o -name '*.yml' -o -name '*.json' -o -name '*.csv' -o -name 'pom.xml' -o -name '*.properties' \) -print 2>/dev/null \
      | head -n 1)" ]; then
  # package, not install: the benchmark's jar takes this tree's modules from the reactor, and the local Maven
  # repository (shared with other checkouts) is left as it is
  echo "Building (./mvnw -q -B -pl benchmark -am package -DskipTests)…"
  # without this, a change to the application alone leaves the benchmark's jar, and the copy of the application
  # inside it, as they were (the jar plugin sees nothing new in the benchmark module; repackaging skips a repackaged jar)
  rm -f "$jar" "$jar.original"
  ./mvnw -q -B -pl benchmark -am package -DskipTests
fi

status=0
for profile in "${profiles[@]}"; do
  echo "=== profile $profile — $(uptime)"
  java -Xmx512m -XX:+ExitOnOutOfMemoryError -Daxoniq.update-checker.disabled=true -jar "$jar" --profile="$profile" "$@" || status=$?
  if [ "$status" -eq 2 ]; then
    exit 2 # the census file is missing or the arguments are wrong: the other profile would fail the same way
  fi
done
exit "$status"
