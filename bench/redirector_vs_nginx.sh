#!/usr/bin/env bash
# Benchmark: coolpapers-redirector against nginx answering the same 302.
#
# Both servers run on loopback on this machine, alternately, for ROUNDS
# rounds each; wrk drives them with the same path, connections and duration.
# nginx (Debian's, one worker, started here and stopped after) is configured
# to answer the same 302 with the same header fields in the same order:
# Server, Date, Content-Type, Content-Length, Connection, Location, and a
# body of nearly the same size (both responses are printed for the record).
#
# Per round: requests/s and latency percentiles from wrk, and the server's
# CPU time (utime + stime of every process of the server, from
# /proc/PID/stat) before and after, giving requests per CPU-second.
# Reported: the median of each figure over the rounds, and the ratios.
#
#   bench/redirector_vs_nginx.sh [REDIRECTOR_BINARY]
#   ROUNDS=7 DURATION=10 CONNECTIONS=50 THREADS=2 bench/redirector_vs_nginx.sh
#
# Needs: wrk, nginx (apt-get install wrk nginx-light), a release build
# (cmake --preset release -B build/redir-release &&
#  cmake --build build/redir-release --target coolpapers-redirector).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$root/build/redir-release/redirector/coolpapers-redirector}
rounds=${ROUNDS:-5}
duration=${DURATION:-10}
connections=${CONNECTIONS:-50}
# One thread against nginx's one worker: the fair pairing on a machine where
# wrk needs the other core. THREADS=2 shows what the default (one thread per
# core) does when it competes with wrk for the two cores.
server_threads=${THREADS:-1}
# With one server thread, pin the server to the last core and wrk to the
# first (both servers alike), so the two do not trade places between rounds.
pin=${PIN:-$([[ $server_threads == 1 && $(nproc) -ge 2 ]] && echo 1 || echo 0)}
server_cpu=$(( $(nproc) - 1 ))
# Command prefixes (arrays, not functions, so "$!" is the server's own pid).
on_server_cpu=(); on_client_cpu=()
if [[ $pin == 1 ]]; then on_server_cpu=(taskset -c "$server_cpu"); on_client_cpu=(taskset -c 0); fi
wrk_threads=${WRK_THREADS:-1}
path=${BENCH_PATH:-/https://arxiv.org/abs/2312.00001v2}
location=${BENCH_LOCATION:-https://papers.cool/arxiv/2312.00001}
nginx_bin=${NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}

for tool in wrk "$nginx_bin" "$binary"; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)); }

# ---- the redirector ----
redirector_port=$(free_port)
"${on_server_cpu[@]}" "$binary" --listen "127.0.0.1:$redirector_port" --threads "$server_threads" 2>"$work/redirector.err" &
redirector_pid=$!
pids+=("$redirector_pid")

# ---- nginx: one worker, no logs, the same 302 ----
nginx_port=$(free_port)
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  server_tokens off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  # The redirector never closes a busy keep-alive connection; neither does
  # nginx here (its default closes one every 1000 requests).
  keepalive_requests 1000000000;
  keepalive_timeout 30s;
  server {
    listen 127.0.0.1:$nginx_port;
    location / { return 302 $location; }
  }
}
CONF
"${on_server_cpu[@]}" "$nginx_bin" -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
pids+=("$nginx_pid")

for port in "$redirector_port" "$nginx_port"; do
  for _ in $(seq 50); do
    curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break
    sleep 0.1
  done
done

echo "== responses (curl -si), path $path"
echo "-- coolpapers-redirector"; curl -si "http://127.0.0.1:$redirector_port$path" | tr -d '\r' | sed -n '1,/^$/p'
echo "-- nginx"; curl -si "http://127.0.0.1:$nginx_port$path" | tr -d '\r' | sed -n '1,/^$/p'
echo "-- body sizes: redirector $(curl -s "http://127.0.0.1:$redirector_port$path" | wc -c) B, nginx $(curl -s "http://127.0.0.1:$nginx_port$path" | wc -c) B"
if [[ $(curl -s -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:$redirector_port$path") != "$location" ]]; then
  echo "the redirector does not answer $path with $location" >&2; exit 1
fi

# CPU ticks (utime + stime) of a process and all its children processes.
cpu_ticks() {
  local total=0 pid
  for pid in "$1" $(pgrep -P "$1" || true); do
    # Fields after the ")" of the command name: utime is the 12th, stime the 13th.
    total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}
hz=$(getconf CLK_TCK)

# One round: wrk against a server; prints "rps p50 p75 p90 p99 req_per_cpu_s".
run_round() {
  local pid=$1 port=$2 before after out requests rps
  before=$(cpu_ticks "$pid")
  out=$("${on_client_cpu[@]}" wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port$path")
  after=$(cpu_ticks "$pid")
  if grep -q "Non-2xx or 3xx\|Socket errors" <<<"$out"; then
    echo "wrk reported errors:" >&2; echo "$out" >&2
  fi
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  to_us() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v+0; else if (v ~ /ms$/) print (v+0)*1000; else if (v ~ /s$/) print (v+0)*1e6; }'; }
  local p50 p75 p90 p99
  p50=$(to_us "$(awk '$1=="50%" {print $2}' <<<"$out")")
  p75=$(to_us "$(awk '$1=="75%" {print $2}' <<<"$out")")
  p90=$(to_us "$(awk '$1=="90%" {print $2}' <<<"$out")")
  p99=$(to_us "$(awk '$1=="99%" {print $2}' <<<"$out")")
  awk -v r="$requests" -v t=$((after - before)) -v hz="$hz" -v rps="$rps" \
      -v a="$p50" -v b="$p75" -v c="$p90" -v d="$p99" \
      'BEGIN { printf "%.0f %s %s %s %s %.0f %.2f\n", rps, a, b, c, d, (t > 0 ? r / (t / hz) : 0), t / hz }'
}

echo
echo "== $rounds rounds each, alternating; wrk -t$wrk_threads -c$connections -d${duration}s --latency; redirector --threads $server_threads; nginx 1 worker; pinned: $([[ $pin == 1 ]] && echo "servers on cpu $server_cpu, wrk on cpu 0" || echo no)"
printf "%-11s %5s %9s %8s %8s %8s %8s %12s %7s\n" server round req/s p50_us p75_us p90_us p99_us req/CPU-s cpu_s
: >"$work/redirector.rounds"; : >"$work/nginx.rounds"
# Warm-up (page cache, resolver's lazily compiled rules, nginx's caches).
wrk -t1 -c"$connections" -d2s "http://127.0.0.1:$redirector_port$path" >/dev/null
wrk -t1 -c"$connections" -d2s "http://127.0.0.1:$nginx_port$path" >/dev/null
# The order alternates (redirector first in odd rounds, nginx first in even
# ones), so a machine that speeds up or slows down during the run does not
# favour the server that always goes first.
for round in $(seq "$rounds"); do
  order="redirector nginx"; (( round % 2 == 0 )) && order="nginx redirector"
  for server in $order; do
    if [[ $server == redirector ]]; then line=$(run_round "$redirector_pid" "$redirector_port")
    else line=$(run_round "$nginx_pid" "$nginx_port"); fi
    echo "$line" >>"$work/$server.rounds"
    read -r rps p50 p75 p90 p99 per_cpu cpu <<<"$line"
    printf "%-11s %5s %9s %8s %8s %8s %8s %12s %7s\n" "$server" "$round" "$rps" "$p50" "$p75" "$p90" "$p99" "$per_cpu" "$cpu"
  done
done

median() {  # column number, file
  sort -n -k"$1","$1" "$2" | awk -v col="$1" '{ v[NR] = $col } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo
echo "== medians"
printf "%-11s %9s %8s %8s %8s %8s %12s\n" server req/s p50_us p75_us p90_us p99_us req/CPU-s
declare -A med
for server in redirector nginx; do
  for col in 1 2 3 4 5 6; do med[$server,$col]=$(median "$col" "$work/$server.rounds"); done
  printf "%-11s %9s %8s %8s %8s %8s %12s\n" "$server" "${med[$server,1]}" "${med[$server,2]}" "${med[$server,3]}" "${med[$server,4]}" "${med[$server,5]}" "${med[$server,6]}"
done
# Paired ratios: each round's redirector figure over nginx's figure of the
# same round. This VM's speed drifts by 20-30% over minutes, which moves
# both servers of a round alike, so the median of the per-round ratios is
# the steadier comparison; the ratio of the medians is printed too.
echo
echo "== per-round ratios redirector / nginx: median (min-max)"
# Columns: req/s, p99, req per CPU-second, each redirector / nginx.
paste "$work/redirector.rounds" "$work/nginx.rounds" | awk '{ print $1 / $8, $5 / $12, $6 / $13 }' >"$work/ratios"
ratio_line() {  # name, column, goal
  local sorted
  sorted=$(sort -g -k"$2","$2" "$work/ratios" | cut -d' ' -f"$2")
  awk -v name="$1" -v med="$(median "$2" "$work/ratios")" -v lo="$(head -1 <<<"$sorted")" \
      -v hi="$(tail -1 <<<"$sorted")" -v goal="$3" 'BEGIN { printf "%-20s %.2fx (%.2f-%.2f)  goal %s\n", name, med, lo, hi, goal }'
}
ratio_line "req/s" 1 ">= 0.9"
ratio_line "p99" 2 "<= 1.5"
ratio_line "req per CPU-second" 3 ">= 1.0"
awk -v r1="${med[redirector,1]}" -v n1="${med[nginx,1]}" -v r5="${med[redirector,5]}" -v n5="${med[nginx,5]}" \
    -v r6="${med[redirector,6]}" -v n6="${med[nginx,6]}" 'BEGIN {
  printf "\n== ratio of the medians, redirector / nginx: req/s %.2fx (goal >= 0.9), p99 %.2fx (goal <= 1.5), req per CPU-second %.2fx (goal >= 1.0)\n", r1 / n1, r5 / n5, r6 / n6 }'
