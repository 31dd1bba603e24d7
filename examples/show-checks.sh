#!/usr/bin/env bash
# Shows worklint at work: installs worklint into the local Maven repository, then compiles
# examples/broken-connection (a project with one mistake per check) and prints what each check
# reports, with file and line. Exits non-zero if a check did not fire.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

echo "Building and installing worklint (runtime and checker)..."
mvn -B -q install -DskipTests -pl runtime,checker -am

log="$(mktemp)"
echo "Compiling examples/broken-connection with -Xplugin:ErrorProne and worklint:"
echo
if mvn -B -f examples/broken-connection/pom.xml clean compile >"$log" 2>&1; then
  echo "The broken example compiled without errors: worklint did not stop the build." >&2
  exit 1
fi

checks=(DuplicateWorkPointer HasWorkFieldMismatch WorkPointerNotNewtype WorkPointerTargetMismatch
        MisdeclaredWorkField HasWorkNotConstant EnqueueInConstructor FlushFromOwnWork
        FlushWhileHoldingLock)
pattern="$(IFS='|'; echo "${checks[*]}")"
# Maven repeats each error in its summary: keep the first occurrence of every diagnostic.
grep -E "\[(${pattern})\]" "$log" | sed -E "s#${root}/##; s/\x1b\[[0-9;]*m//g" | awk '!seen[$0]++'

missing=0
for check in "${checks[@]}"; do
  grep -q "\[${check}\]" "$log" || { echo "MISSING: ${check} did not fire" >&2; missing=1; }
done
echo
if [ "$missing" -eq 0 ]; then
  echo "All ${#checks[@]} worklint checks fired; the build failed, as a CI lint gate should."
fi
rm -f "$log"
exit "$missing"
