#!/usr/bin/env bash
# Runs every test suite and prints, as its last line, `N passed, N failed`
# (plus `, N skipped` when any were skipped): the line CI reads.
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter Name~Version
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

status=0

# A missing prerequisite fails the run, but the suites still run so the
# report shows everything that does work.
if ! scripts/test-prerequisites.sh; then
  echo "test.sh: installing test prerequisites failed" >&2
  status=1
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# pipefail makes this dotnet's exit status rather than tee's.
dotnet test KubeLab.sln "$@" 2>&1 | tee "$log" || status=$?

# VSTest prints one summary per test project, e.g.
#   Passed!  - Failed:     0, Passed:     4, Skipped:     1, Total:     5, Duration: 1 s - X.dll (net10.0)
#   Failed!  - Failed:     2, Passed:     3, Skipped:     0, Total:     5, Duration: 2 s - Y.dll (net10.0)
# Colour codes are stripped first in case the logger adds them.
read -r passed failed skipped < <(
  sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$log" | awk '
    /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+,/ {
      line = $0
      sub(/.*(Passed|Failed)! +- +/, "", line)
      split(line, field, ",")
      for (i = 1; i <= 3; i++) {
        split(field[i], kv, ":")
        gsub(/ /, "", kv[1]); gsub(/ /, "", kv[2])
        count[kv[1]] += kv[2]
      }
    }
    END { printf "%d %d %d\n", count["Passed"], count["Failed"], count["Skipped"] }'
)

if (( failed > 0 )); then
  status=1
elif (( passed == 0 )); then
  echo "test.sh: no tests ran" >&2
  status=1
fi

summary="$passed passed, $failed failed"
(( skipped > 0 )) && summary+=", $skipped skipped"
echo "$summary"
exit "$status"
