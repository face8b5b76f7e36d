#!/usr/bin/env bash
# Mercato's load benchmark, in one command: bench/run.sh
#
# Publishes Mercato.Api and the bare-Kestrel ceiling in Release; for each database and catalog size it generates the
# catalog, starts the server (time to a 200 on /health/ready), warms up, then measures with wrk -t2 -c32 the storefront
# calls, and the ceiling serving the very same bytes. Writes bench/RESULTS.md (figures are only ever measured here).
#
# Settings (environment):
#   SIZES="1000 100000 1000000"   catalog sizes (SIZES_sqlite / SIZES_postgres: other sizes for one database)
#   DATABASES="sqlite postgres"   databases (PostgreSQL from PG_BIN, started in a temp dir on a free port)
#   DURATION=15s WARMUP=8s        wrk run and warm-up per scenario (a path used for the first time is recompiled by tiered
#                                 compilation for some seconds, which shares the 2 cores with the requests)
#   CACHE_MODES="on off"          catalog reads with the output cache on and off (CACHE_SWITCH=on|off is passed to the server)
#   CACHE_SWITCH=Mercato__Cache__Enabled   the server setting that switches output caching
#   SERVER_ENV="K=V K2=V2"        the server's extra environment (default MALLOC_ARENA_MAX=2; e.g. DOTNET_GCHeapCount=2)
#   ADD_CARTS=1000 READY_CARTS=auto   carts for add-to-cart; ready carts for checkout (auto: 400 per second of DURATION)
#   CHECKOUT_WARMUP=30s WARMUP_CARTS=2400   the checkout's warm-up, on ready carts of its own (the checkout runs the most
#                                 code of all calls: it takes about 30 s to reach its steady rate)
#   SEARCH_Q="navy jacket"        the search query
#   SCENARIOS="list product hot search facets add checkout"   the calls measured; CEILING=0 skips the ceiling
#                                 (product: any product of the catalog at random; hot: one of 1,000 products, a working set the
#                                 output cache holds)
#   ROUNDS=3                      the catalog reads of the first cache mode and the ceiling serving their bytes take turns:
#                                 ROUNDS runs of DURATION/ROUNDS each, one after the other, so that both share the machine's
#                                 drift (their rates move by up to a fifth from one 5 s run to the next on a shared 2-core host)
#   MICRO=1                       also run the BenchmarkDotNet micro-benchmarks (bench/Mercato.Benchmarks, short job) into
#                                 RESULTS.md; MICRO=0 skips them
#   PG_BIN=/usr/lib/postgresql/15/bin  OUT=bench/RESULTS.md  KEEP=1 (keep the temp dir)
#   PUBLISHED=dir                 reuse dir/api and dir/ceiling from an earlier run (KEEP=1) instead of publishing
#   CATALOGS=dir                  keep each generated catalog in dir and start later runs from a copy of it (a 1,000,000-product
#                                 catalog takes many minutes to generate); RESULTS.md then says when it was generated
set -euo pipefail

# Everything runs from main, which bash reads whole before running: editing this file during a run cannot derail it.
main() {

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZES=${SIZES:-"1000 100000 1000000"}
DATABASES=${DATABASES:-"sqlite postgres"}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-8s}
CEILING_WARMUP=${CEILING_WARMUP:-2s}
CACHE_MODES=${CACHE_MODES:-"on off"}
CACHE_SWITCH=${CACHE_SWITCH:-Mercato__Cache__Enabled}
# MALLOC_ARENA_MAX=2: as the README recommends for production (bench/README.md, native memory).
SERVER_ENV=${SERVER_ENV-MALLOC_ARENA_MAX=2}
ADD_CARTS=${ADD_CARTS:-1000}
CHECKOUT_WARMUP=${CHECKOUT_WARMUP:-30s}
WARMUP_CARTS=${WARMUP_CARTS:-2400}
SEARCH_Q=${SEARCH_Q:-"navy jacket"}
SCENARIOS=" ${SCENARIOS:-list product hot search facets add checkout} "
CEILING=${CEILING:-1}
ROUNDS=${ROUNDS:-3}
MICRO=${MICRO:-1}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
CATALOGS=${CATALOGS:+$(mkdir -p "$CATALOGS" && cd "$CATALOGS" && pwd)}
OUT=${OUT:-$ROOT/bench/RESULTS.md}
THREADS=2
CONNECTIONS=32
duration_seconds=${DURATION%s}
READY_CARTS=${READY_CARTS:-auto}
[[ $READY_CARTS == auto ]] && READY_CARTS=$((duration_seconds * 400))
round_seconds=$((duration_seconds / ROUNDS)); ((round_seconds >= 1)) || { echo "DURATION must give each of the $ROUNDS rounds a second" >&2; exit 1; }

WORK=$(mktemp -d /tmp/mercato-bench.XXXXXX)
chmod 755 "$WORK" # PostgreSQL runs as its own user below it
RESULTS=$WORK/results.jsonl
ADMIN_KEY="sk_bench_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SERVER_PID="" CEILING_PID="" CEILING_BASE="" PG_DATA=""
log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [[ -n $CEILING_PID ]] && kill "$CEILING_PID" 2>/dev/null && wait "$CEILING_PID" 2>/dev/null || true
  # A kept cluster (CATALOGS) stops cleanly; a throwaway one goes at once.
  [[ -n $PG_DATA ]] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m "$([[ -n $CATALOGS ]] && echo fast || echo immediate)" -w stop >/dev/null 2>&1 || true
  if [[ -z ${KEEP:-} ]]; then rm -rf "$WORK"; else log "kept $WORK"; fi
}
trap cleanup EXIT

as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }

# --- tools -------------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  log "installing wrk"
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
for tool in curl jq python3; do command -v $tool >/dev/null || { echo "$tool is required" >&2; exit 1; }; done

# The commit of the build, taken as it is published: the tree may change during a long run, the build does not.
commit=$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src bench || echo "+local changes")
if [[ -n ${PUBLISHED:-} && -x $PUBLISHED/api/Mercato.Api && -x $PUBLISHED/ceiling/Mercato.Bench.Ceiling ]]; then
  log "reusing the builds in $PUBLISHED"
  commit="$commit (builds reused from $PUBLISHED)"
  ln -s "$PUBLISHED/api" "$WORK/api"
  ln -s "$PUBLISHED/ceiling" "$WORK/ceiling"
else
  log "publishing Mercato.Api and the ceiling (Release) into $WORK"
  # ReadyToRun: start-up runs precompiled code instead of JIT-compiling EF Core, ASP.NET Core and the modules first.
  dotnet publish "$ROOT/src/Mercato.Api/Mercato.Api.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$WORK/api" -nologo -v q -nr:false >/dev/null
  dotnet publish "$ROOT/bench/Mercato.Bench.Ceiling/Mercato.Bench.Ceiling.csproj" -c Release -o "$WORK/ceiling" -nologo -v q -nr:false >/dev/null
fi

# --- PostgreSQL --------------------------------------------------------------------------------------------------
PG_PORT=""
start_postgres() {
  [[ -n $PG_DATA ]] && return
  # With CATALOGS the cluster lives there, so the generated catalogs (databases catalog_<size>) outlive the run.
  local pg_dir=$WORK/pg; [[ -n $CATALOGS ]] && pg_dir=$CATALOGS/pg
  PG_DATA=$pg_dir/data
  mkdir -p "$pg_dir"
  [[ $(id -u) == 0 ]] && chown -R postgres:postgres "$pg_dir"
  [[ -f $PG_DATA/PG_VERSION ]] || (cd /tmp && as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --locale=C >/dev/null)
  PG_PORT=$(free_port)
  # Later lines win: a kept cluster takes this run's port.
  cat >>"$PG_DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$pg_dir'
max_connections = 300
shared_buffers = 256MB
EOF
  (cd /tmp && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$pg_dir/postgres.log" -w -t 60 start >/dev/null)
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT"
}

# Runs the published API on the case's database with the bootstrap key, no rate limits and quiet logs.
run_api() { # $1 db, $2 size, rest: command
  local db=$1 size=$2 provider conn; shift 2
  if [[ $db == sqlite ]]; then
    provider=sqlite conn="Data Source=$WORK/sqlite-$size.db"
  else
    provider=postgres conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench_$size;Maximum Pool Size=100"
  fi
  # shellcheck disable=SC2086 # SERVER_ENV is a list of K=V words
  # API_EXEC=1 (for a server started in the background): the subshell becomes the server, so $! is its pid.
  local launcher=(env); [[ ${API_EXEC:-} == 1 ]] && launcher=(exec env)
  "${launcher[@]}" Mercato__Database__Provider=$provider "ConnectionStrings__Mercato=$conn" ASPNETCORE_ENVIRONMENT=Production \
    MERCATO_BOOTSTRAP_ADMIN_KEY="$ADMIN_KEY" Mercato__RateLimits__Enabled=false \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.EntityFrameworkCore=Error ${SERVER_ENV} "$@"
}

# --- measuring ---------------------------------------------------------------------------------------------------
wrk_run() { # $1 url base, $2 mode, $3 duration, rest: script args -> prints the RESULT json
  local base=$1 mode=$2 duration=$3; shift 3
  local path=/; [[ $mode == get ]] && path=$3
  # A 10 s timeout: a slow checkout is a latency (reported), not a socket error as under wrk's default 2 s.
  BENCH_MODE=$mode wrk -t$THREADS -c$CONNECTIONS -d"$duration" --timeout 10s --latency -s "$ROOT/bench/lua/bench.lua" "$base$path" -- "$@" \
    | sed -n 's/^RESULT //p'
}

record() { # $1 json of the run, rest: key=value labels
  local json=$1; shift
  local labels="{}"
  for kv in "$@"; do labels=$(jq -c --arg k "${kv%%=*}" --arg v "${kv#*=}" '. + {($k): $v}' <<<"$labels"); done
  jq -c --argjson l "$labels" '. + $l' <<<"$json" >>"$RESULTS"
}

# One result of several runs (stdin: their RESULT lines): requests and seconds add up, so the rate is the whole's; p50 is the
# runs' median, p95 and p99 the worst run's (percentiles of runs cannot be merged exactly, so the figure errs high).
combine_runs() {
  jq -sc '{requests: (map(.requests) | add), seconds: (map(.seconds) | add), p50: (map(.p50) | sort | .[length / 2 | floor]),
    p95: (map(.p95) | max), p99: (map(.p99) | max), status_errors: (map(.status_errors) | add),
    socket_errors: (map(.socket_errors) | add), created: (map(.created) | add), replayed: (map(.replayed) | add),
    bytes: (map(.bytes) | add), rounds: length} | .rps = ((.requests / .seconds * 10 | round) / 10)'
}

start_ceiling() { # $1 bodies dir -> sets CEILING_PID and CEILING_BASE (the ceiling reads the bodies as it starts)
  local port; port=$(free_port)
  CEILING_BASE=http://127.0.0.1:$port
  "$WORK/ceiling/Mercato.Bench.Ceiling" --dir "$1" --urls "$CEILING_BASE" >>"$1/../ceiling.log" 2>&1 &
  CEILING_PID=$!
  wait_ready "$CEILING_BASE" "$CEILING_PID" "$(now_ms)" >/dev/null
}

stop_ceiling() { kill "$CEILING_PID"; wait "$CEILING_PID" 2>/dev/null || true; CEILING_PID="" CEILING_BASE=""; }

wait_ready() { # $1 url, $2 pid, $3 start ms -> prints ms to ready
  for _ in $(seq 1 3000); do
    if curl -fs -o /dev/null "$1/health/ready"; then echo $(($(now_ms) - $3)); return; fi
    kill -0 "$2" 2>/dev/null || { echo "server exited" >&2; return 1; }
    sleep 0.01
  done
  echo "not ready after 30 s" >&2; return 1
}

peak_rss_mb() { awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

bench_case() { # $1 db, $2 size
  local db=$1 size=$2 dir=$WORK/$1-$2
  mkdir -p "$dir/bodies"
  [[ $db == postgres ]] && start_postgres
  local saved=${CATALOGS:+$CATALOGS/$db-$size.json} generate_ms
  if [[ -n $saved && -f $saved ]]; then
    log "$db, $size products: copying the catalog generated at $(jq -r .at "$saved")"
    restore_catalog "$db" "$size"
    # A kept catalog may predate the build's latest migrations: they are applied before the timed starts, which measure a
    # restart on an up-to-date schema (a start that migrates also builds the model the migrations are diffed against).
    run_api "$db" "$size" "$WORK/api/Mercato.Api" migrate >"$dir/migrate.log" 2>&1 || { cat "$dir/migrate.log" >&2; return 1; }
    record "$(cat "$saved")" kind=generate db="$db" size="$size" reused=1
    generate_ms=$(jq -r .ms "$saved")
  else
    [[ $db == postgres ]] && psql_admin -qc "CREATE DATABASE bench_$size" >/dev/null
    log "$db, $size products: generating"
    local started; started=$(now_ms)
    run_api "$db" "$size" "$WORK/api/Mercato.Api" generate-catalog --products "$size" >"$dir/generate.log" 2>&1 \
      || { cat "$dir/generate.log" >&2; return 1; }
    generate_ms=$(($(now_ms) - started))
    local generated; generated=$(jq -cn --arg ms "$generate_ms" --arg at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" '{ms: $ms, at: $at}')
    record "$generated" kind=generate db="$db" size="$size"
    if [[ -n $saved ]]; then save_catalog "$db" "$size"; echo "$generated" >"$saved"; fi
  fi
  log "$db, $size products: generated in $((generate_ms / 1000)) s"

  for cache in $CACHE_MODES; do
    local port; port=$(free_port)
    local base=http://127.0.0.1:$port
    local cache_env=(); [[ $cache != default ]] && cache_env=("$CACHE_SWITCH=$([[ $cache == on ]] && echo true || echo false)")
    started=$(now_ms)
    API_EXEC=1 run_api "$db" "$size" "${cache_env[@]}" Mercato__Seed=none "$WORK/api/Mercato.Api" --urls "$base" \
      >"$dir/server-$cache.log" 2>&1 &
    SERVER_PID=$!
    local ready_ms; ready_ms=$(wait_ready "$base" "$SERVER_PID" "$started")
    log "$db, $size products, cache $cache: ready in $ready_ms ms"

    local channels; channels=$(curl -fs -H "Authorization: Bearer $ADMIN_KEY" "$base/admin/sales-channels")
    local pk; pk=$(jq -r '[.items[] | select(.isDefault)][0].publishableKeys[0].token' <<<"$channels")
    local q; q=$(jq -rn --arg q "$SEARCH_Q" '$q|@uri')
    declare -A reads=(
      [list]="/store/products?limit=20"
      [product]="/store/products/gen-$((size / 2))"
      [search]="/store/products?q=$q&limit=20"
      [facets]="/store/products/facets"
    )
    # The bytes the ceiling serves: exactly what the endpoints answer.
    for name in "${!reads[@]}"; do
      curl -s -o "$dir/bodies/$name.json" -w '%{http_code}' -H "X-Publishable-Key: $pk" "$base${reads[$name]}" >"$dir/bodies/$name.status"
    done

    # The first mode's reads take turns with the ceiling serving their bytes (ROUNDS); the other modes' reads are compared
    # with those ceilings.
    local first_mode=0; [[ $cache == "$(echo $CACHE_MODES | awk '{print $1}')" ]] && first_mode=1
    for name in list product hot search facets; do
      [[ $SCENARIOS == *" $name "* ]] || continue
      # hot answers the same kind of body as product, whose bytes the ceiling serves for both.
      local body=$name; [[ $name == hot ]] && body=product
      if [[ $(cat "$dir/bodies/$body.status") == 404 ]]; then
        record '{}' kind=read db="$db" size="$size" cache="$cache" scenario="$name" na=404
        rm -f "$dir/bodies/$body.json"
        continue
      fi
      local call=(get "${reads[$name]:-}")
      if [[ $name == product || $name == hot ]]; then
        local handles=$size; [[ $name == hot ]] && handles=$((size < 1000 ? size : 1000))
        call=(handles "$handles")
      fi
      wrk_run "$base" "${call[0]}" "$WARMUP" "$pk" "${call[@]}" >/dev/null
      if [[ $first_mode == 1 && $CEILING == 1 ]]; then
        [[ -n $CEILING_BASE ]] || start_ceiling "$dir/bodies"
        wrk_run "$CEILING_BASE" get "$CEILING_WARMUP" - get "/$body" >/dev/null
        local ours=() theirs=()
        for _ in $(seq 1 "$ROUNDS"); do
          ours+=("$(wrk_run "$base" "${call[0]}" "${round_seconds}s" "$pk" "${call[@]}")")
          theirs+=("$(wrk_run "$CEILING_BASE" get "${round_seconds}s" - get "/$body")")
        done
        record "$(printf '%s\n' "${ours[@]}" | combine_runs)" kind=read db="$db" size="$size" cache="$cache" scenario="$name" \
          body_bytes="$(stat -c %s "$dir/bodies/$body.json")"
        record "$(printf '%s\n' "${theirs[@]}" | combine_runs)" kind=ceiling db="$db" size="$size" scenario="$name" \
          body_bytes="$(stat -c %s "$dir/bodies/$body.json")"
        log "$db, $size products, cache $cache: $name $(tail -2 "$RESULTS" | head -1 | jq -r '"\(.rps) req/s, p99 \(.p99) ms"'), ceiling $(tail -1 "$RESULTS" | jq -r .rps) req/s"
      else
        record "$(wrk_run "$base" "${call[0]}" "$DURATION" "$pk" "${call[@]}")" kind=read db="$db" size="$size" cache="$cache" scenario="$name" \
          body_bytes="$(stat -c %s "$dir/bodies/$body.json")"
        log "$db, $size products, cache $cache: $name $(tail -1 "$RESULTS" | jq -r '"\(.rps) req/s, p99 \(.p99) ms"')"
      fi
    done
    [[ -n $CEILING_BASE ]] && stop_ceiling

    if [[ $cache == "$(echo $CACHE_MODES | awk '{print $1}')" && ( $SCENARIOS == *" add "* || $SCENARIOS == *" checkout "* ) ]]; then
      log "$db, $size products: preparing $ADD_CARTS carts and $READY_CARTS ready carts"
      # A case whose carts cannot be prepared reports its writes as not measured instead of ending the whole run.
      if ! python3 "$ROOT/bench/prepare.py" "$base" "$pk" "$size" "$ADD_CARTS" "$((READY_CARTS + WARMUP_CARTS))" "$dir" >"$dir/prepare.log" 2>&1; then
        tail -1 "$dir/prepare.log" >&2
        for scenario in add checkout; do
          record '{}' kind=write db="$db" size="$size" cache="$cache" scenario="$scenario" na="carts could not be prepared"
        done
      else
        cat "$dir/prepare.log" >&2
        # The first WARMUP_CARTS ready carts warm the checkout up; the run completes the others.
        head -n "$WARMUP_CARTS" "$dir/ready-carts.txt" >"$dir/warmup-carts.txt"
        tail -n +"$((WARMUP_CARTS + 1))" "$dir/ready-carts.txt" >"$dir/measured-carts.txt"
        mv "$dir/measured-carts.txt" "$dir/ready-carts.txt"
        curl -s -o "$dir/bodies/add.json" -H "X-Publishable-Key: $pk" -H 'Content-Type: application/json' \
          -d "{\"variantId\":\"$(head -1 "$dir/variants.txt")\",\"quantity\":1}" "$base/store/carts/$(head -1 "$dir/add-carts.txt")/line-items"
        wrk_run "$base" add "$WARMUP" "$pk" add "$dir/add-carts.txt" "$dir/variants.txt" >/dev/null
        record "$(wrk_run "$base" add "$DURATION" "$pk" add "$dir/add-carts.txt" "$dir/variants.txt")" kind=write db="$db" size="$size" \
          cache="$cache" scenario=add body_bytes="$(stat -c %s "$dir/bodies/add.json")"
        log "$db, $size products: add to cart $(tail -1 "$RESULTS" | jq -r '"\(.rps) req/s, p99 \(.p99) ms"')"
        # Warmed up on carts of its own (past them, it replays completed ones), so the run's figure is the steady state
        # rather than the first completions' code being compiled; each measured ready cart completes once.
        wrk_run "$base" complete "$CHECKOUT_WARMUP" "$pk" complete "$dir/warmup-carts.txt" "$THREADS" >/dev/null
        record "$(wrk_run "$base" complete "$DURATION" "$pk" complete "$dir/ready-carts.txt" "$THREADS")" kind=write db="$db" size="$size" \
          cache="$cache" scenario=checkout ready_carts="$READY_CARTS"
        log "$db, $size products: checkout $(tail -1 "$RESULTS" | jq -r '"\(.created) orders in \(.seconds) s, p99 \(.p99) ms"')"
        curl -s -o "$dir/bodies/checkout.json" -H "X-Publishable-Key: $pk" -H "Idempotency-Key: capture" -X POST \
          "$base/store/carts/$(head -1 "$dir/ready-carts.txt")/complete"
      fi
    fi

    # The 1-minute load average as the case ends: about 2-3 from the server and wrk alone; more means something else ran.
    record '{}' kind=server db="$db" size="$size" cache="$cache" ready_ms="$ready_ms" peak_rss_mb="$(peak_rss_mb "$SERVER_PID")" \
      load="$(cut -d' ' -f1 /proc/loadavg)"
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  done

  # The ceiling of the bodies the reads did not take turns with (add to cart's, the checkout's), measured right after.
  [[ $CEILING == 1 ]] || { cleanup_case "$db" "$size"; return 0; }
  start_ceiling "$dir/bodies"
  for body in "$dir"/bodies/*.json; do
    local name; name=$(basename "$body" .json)
    jq -se --arg db "$db" --arg size "$size" --arg name "$name" \
      'any(.[]; .kind == "ceiling" and .db == $db and .size == $size and .scenario == $name)' "$RESULTS" >/dev/null && continue
    wrk_run "$CEILING_BASE" get "$CEILING_WARMUP" - get "/$name" >/dev/null
    record "$(wrk_run "$CEILING_BASE" get "$DURATION" - get "/$name")" kind=ceiling db="$db" size="$size" scenario="$name" \
      body_bytes="$(stat -c %s "$body")"
  done
  stop_ceiling
  cleanup_case "$db" "$size"
}

cleanup_case() { # $1 db, $2 size: the catalog's database goes, the next size starts from scratch
  if [[ $1 == sqlite ]]; then rm -f "$WORK/sqlite-$2.db"*
  else psql_admin -qc "DROP DATABASE bench_$2" >/dev/null; fi
}

cp_if() { if [[ -f $1 ]]; then cp "$1" "$2"; fi; }
psql_admin() { as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "SET client_min_messages = warning" "$@"; }

# CATALOGS: the generated catalog is kept as generated (the benchmark adds carts and orders to its working copy only).
save_catalog() { # $1 db, $2 size
  # The WAL too: pooled connections may not have checkpointed it when the generator exited.
  if [[ $1 == sqlite ]]; then rm -f "$CATALOGS/sqlite-$2.db"*; cp "$WORK/sqlite-$2.db" "$CATALOGS/"; cp_if "$WORK/sqlite-$2.db-wal" "$CATALOGS/"
  else psql_admin -qc "DROP DATABASE IF EXISTS catalog_$2" -qc "CREATE DATABASE catalog_$2 TEMPLATE bench_$2" >/dev/null; fi
}

restore_catalog() { # $1 db, $2 size
  if [[ $1 == sqlite ]]; then cp "$CATALOGS/sqlite-$2.db" "$WORK/"; cp_if "$CATALOGS/sqlite-$2.db-wal" "$WORK/"
  else psql_admin -qc "DROP DATABASE IF EXISTS bench_$2" -qc "CREATE DATABASE bench_$2 TEMPLATE catalog_$2" >/dev/null; fi
}

started_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
for db in $DATABASES; do
  sizes_var=SIZES_$db
  for size in ${!sizes_var:-$SIZES}; do bench_case "$db" "$size"; done
done

# --- micro-benchmarks ----------------------------------------------------------------------------------------------
# In process (no separate build per benchmark) with BenchmarkDotNet's short job: a few minutes for every class, after the
# load runs so they do not share the machine with a server.
micro_dir=""
if [[ $MICRO == 1 ]]; then
  log "micro-benchmarks (BenchmarkDotNet)"
  dotnet build "$ROOT/bench/Mercato.Benchmarks/Mercato.Benchmarks.csproj" -c Release -nologo -v q -nr:false >"$WORK/micro-build.log" 2>&1 \
    || { cat "$WORK/micro-build.log" >&2; exit 1; }
  (cd "$WORK" && dotnet run --no-build -c Release --project "$ROOT/bench/Mercato.Benchmarks/Mercato.Benchmarks.csproj" -- \
    --filter '*' --job short --inProcess --artifacts "$WORK/micro") >"$WORK/micro.log" 2>&1 \
    || { tail -40 "$WORK/micro.log" >&2; exit 1; }
  micro_dir=$WORK/micro/results
fi

# --- report ------------------------------------------------------------------------------------------------------
python3 "$ROOT/bench/report.py" "$RESULTS" "$OUT" \
  --started "$started_at" --finished "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --commit "$commit" \
  --cpu "$(lscpu | sed -n 's/^Model name: *//p' | head -1)" --cores "$(nproc)" \
  --memory "$(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)" \
  --os "$(. /etc/os-release && echo "$PRETTY_NAME") ($(uname -r))" \
  --dotnet "$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ {v=$2} END {print "ASP.NET Core " v}')" \
  --postgres "$("$PG_BIN/postgres" --version 2>/dev/null | awk '{print $3}')" \
  --settings "SIZES=$SIZES${SIZES_sqlite:+ SIZES_sqlite=$SIZES_sqlite}${SIZES_postgres:+ SIZES_postgres=$SIZES_postgres} DATABASES=$DATABASES DURATION=$DURATION WARMUP=$WARMUP CHECKOUT_WARMUP=$CHECKOUT_WARMUP CACHE_MODES=$CACHE_MODES ROUNDS=$ROUNDS SERVER_ENV=${SERVER_ENV:-none} READY_CARTS=$READY_CARTS" \
  --wrk "wrk -t$THREADS -c$CONNECTIONS -d$DURATION" --micro "$micro_dir"
cp "$RESULTS" "${OUT%.md}.jsonl"
log "wrote $OUT"
}

main "$@"
exit $?
