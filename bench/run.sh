#!/usr/bin/env bash
# CentralD benchmarks (`make bench`). Prints numbers with the machine they ran on; never fails CI.
# Uses its own embedded cluster under .build/bench-home so that your data is untouched.
set -uo pipefail
cd "$(dirname "$0")/.."
export CENTRALD_HOME="$PWD/.build/bench-home"
unset DATABASE_URL
bin=.build/release/centrald
shared="${CENTRALD_SHARED_DATA:-$PWD/../shared/data}"
N="${BENCH_POSTINGS:-100000}"
out="$PWD/.build/bench-out"; mkdir -p "$out"

echo "== machine: $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%F)"
swift build -c release --product centrald >/dev/null && swift build -c release --product bench-parse >/dev/null || { echo "build failed"; exit 0; }
url=$($bin db url 2>/dev/null)
reset() { psql "$url" -qAtc "TRUNCATE job_postings, job_import_batches, job_import_errors, wf_events CASCADE" >/dev/null 2>&1; }
# timed CMD…: runs CMD, prints "<wall seconds> <peak RSS MiB> <CPU seconds, user + system>"
timed() { /usr/bin/time -f "%e %M %U %S" -o "$out/time.txt" "$@" > "$out/cmd.out" 2>&1; awk '{printf "%s %.0f %.1f\n", $1, $2/1024, $3+$4}' "$out/time.txt"; }
# CPU seconds used so far by the embedded PostgreSQL (its processes, and the ones that have exited)
server_cpu() {
  # the postmaster of this cluster, not of another cluster that may be running (make test's)
  local pm; pm=$($bin db status 2>/dev/null | awk '/^running/ {print $3}')
  [ -n "$pm" ] && [ -r "/proc/$pm/stat" ] || { echo 0; return; }
  sleep 1   # let the backends of a client that just exited end and be reaped
  local ticks; ticks=$(awk '{print $14+$15+$16+$17}' /proc/$pm/stat)
  for p in $(pgrep -P "$pm"); do ticks=$((ticks + $(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || echo 0))); done
  python3 -c "print($ticks / $(getconf CLK_TCK))"
}

echo
echo "== 1. import of every file in ../shared/data/jobs (issue 2): end to end into PostgreSQL"
if [ -d "$shared/jobs" ]; then
  reset
  records=$(python3 - "$shared/jobs" <<'PY'
import sys, os, json, re, csv
total = 0
for f in sorted(os.listdir(sys.argv[1])):
    p = os.path.join(sys.argv[1], f)
    if f.endswith('.json'):
        total += len(json.loads(re.sub(r'\bNaN\b', 'null', open(p, encoding='utf-8').read())))
    else:
        total += sum(1 for _ in csv.reader(open(p, encoding='utf-8-sig', errors='replace'))) - 1
print(total)
PY
)
  read -r secs rss _ < <(timed $bin import "$shared"/jobs/*)
  grep -E "^\S.*read [0-9]+" "$out/cmd.out" | sed 's/^/   /'
  echo "   records: $records   wall: ${secs}s   => $(python3 -c "print(round($records/$secs))") records/s   peak memory: ${rss} MiB"
  read -r secs2 rss2 _ < <(timed $bin import "$shared"/jobs/*)
  echo "   second run (all duplicates): ${secs2}s, $(python3 -c "print(round($records/$secs2))") records/s, peak ${rss2} MiB"
else
  echo "   ../shared/data/jobs not present: skipped"
fi

echo
echo "== 2. parse + normalize only of $N generated postings, one core, no database (issue 3); then the real files"
.build/release/bench-parse "$N" --data "$shared/jobs" 2>&1 | sed 's/^/   /'

echo
echo "== 3. end-to-end import of $N generated postings (issue 3), and PostgreSQL's own COPY of the same rows"
file="$out/bench-$N.jsonl"
[ -f "$file" ] || .build/release/bench-parse "$N" --write "$file"
echo "   file: $(du -m "$file" | cut -f1) MiB, $(wc -l < "$file") lines"
reset
before=$(server_cpu)
read -r secs rss cpu < <(timed $bin import "$file")
after=$(server_cpu)
head -1 "$out/cmd.out" | sed 's/^/   /'
ours=$(python3 -c "print(round($N/$secs))")
echo "   centrald import: ${secs}s wall => ${ours} postings/s, peak memory ${rss} MiB; CPU: client ${cpu}s, server $(python3 -c "print(round($after - $before, 1))")s"
rows=$(psql "$url" -qAtc "SELECT count(*) FROM job_postings")
echo "   rows in job_postings: ${rows} (grouped cross-platform duplicates are stored too, pointing at their canonical posting)"
psql "$url" -qc "\\copy (SELECT * FROM job_postings) TO '$out/rows.tsv'" 2>/dev/null
# The same table definition: columns, indexes and storage parameters (LIKE does not copy the latter).
opts=$(psql "$url" -qAtc "SELECT coalesce(' WITH (' || array_to_string(reloptions, ', ') || ')', '') FROM pg_class WHERE oid = 'job_postings'::regclass")
psql "$url" -qc "DROP TABLE IF EXISTS copy_bench; CREATE TABLE copy_bench (LIKE job_postings INCLUDING ALL)$opts" >/dev/null 2>&1
start=$(date +%s.%N)
psql "$url" -qc "\\copy copy_bench FROM '$out/rows.tsv'" >/dev/null 2>&1
end=$(date +%s.%N)
# COPY's rate counts the rows it copied; ours counts the postings read (imported + duplicates).
copy=$(python3 -c "print(round($rows/($end-$start)))")
echo "   PostgreSQL COPY of the ${rows} rows written (plain text, same indexes and storage): $(python3 -c "print(round($end-$start,2))")s => ${copy} rows/s"
echo "   ratio centrald postings/s / COPY rows/s: $(python3 -c "print(round($ours/$copy,3))");  COPY time / centrald time: $(python3 -c "print(round(($end-$start)/$secs,3))")"
# For comparison: the same rows in binary COPY format (what centrald streams).
psql "$url" -qc "\\copy (SELECT * FROM copy_bench) TO '$out/rows.bin' WITH (FORMAT binary)" >/dev/null 2>&1
psql "$url" -qc "TRUNCATE copy_bench" >/dev/null 2>&1
start=$(date +%s.%N)
psql "$url" -qc "\\copy copy_bench FROM '$out/rows.bin' WITH (FORMAT binary)" >/dev/null 2>&1
end=$(date +%s.%N)
echo "   PostgreSQL COPY of the same rows in binary format: $(python3 -c "print(round($end-$start,2))")s => $(python3 -c "print(round($rows/($end-$start)))") rows/s"
rm -f "$out/rows.bin"
psql "$url" -qc "DROP TABLE copy_bench" >/dev/null 2>&1
rm -f "$out/rows.tsv"
$bin db stop >/dev/null 2>&1

echo
echo "== 4. embedding throughput, all-MiniLM-L6-v2 on OpenBLAS (issue 4)"
$bin embeddings bench --jobs "${BENCH_EMBED_JOBS:-300}" --roles 1000 2>&1 | sed 's/^/   in memory, /'
# Database to database: the postings of section 3 (title + company + description, cut to 1,500 characters),
# embedded, written with the model name, and mapped to canonical roles.
read -r secs rss _ < <(timed $bin embeddings fill --only jobs --limit "${BENCH_EMBED_JOBS:-300}" --no-roles)
tail -1 "$out/cmd.out" | sed 's/^/   fill, no role mapping: /'
echo "   wall ${secs}s, peak memory ${rss} MiB"
$bin db stop >/dev/null 2>&1

echo
echo "== 5. matching (issue 4): pairs/s in memory, and a full re-match database to database against the SQL way"
# 2,000 candidates × 50,000 active jobs by default (the jobs go through the real importer; vectors are synthetic
# so that no embedding time is measured here). BENCH_MATCH="--candidates 300 --jobs 5000" for a quick run.
swift build -c release --product bench-match >/dev/null 2>&1 || { echo "   build failed"; exit 0; }
.build/release/bench-match ${BENCH_MATCH:-} 2>&1 | sed 's/^/   /'
$bin db stop >/dev/null 2>&1
exit 0
