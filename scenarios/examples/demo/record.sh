#!/usr/bin/env bash
# Records the demo capture again (docs/demo-capture.md): the shop, release 1.4, behind twin's own
# capture proxy, its payments calls through a second proxy's egress listener to a payments stand-in,
# driven by the seeded traffic generator. Writes shop.twcap (INBOUND) and payments.twcap (OUTBOUND)
# next to this script, or into OUT_DIR, and only once `twin capture audit` passes on both.
#
#   scenarios/examples/demo/record.sh                    # 8 minutes, 20 requests/s, seed 1
#   DURATION=1m RATE=20 OUT_DIR=/tmp/demo scenarios/examples/demo/record.sh
#
# Everything listens on 127.0.0.1, on ports the system picks. Set SKIP_BUILD=1 to use what is built,
# MAVEN_ARGS=-o to build offline.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
duration="${DURATION:-8m}"
rate="${RATE:-20}"
seed="${SEED:-1}"
out_dir="${OUT_DIR:-$here}"
work="$(mktemp -d "${TMPDIR:-/tmp}/twin-demo-record.XXXXXX")"
pids=()

say() { echo "record: $*" >&2; }

stop() { # stop PID NAME: SIGTERM, then wait up to a minute for it to exit
  local pid="$1" name="$2" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 600; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  say "$name (pid $pid) did not stop within a minute of SIGTERM"
  return 1
}

cleanup() {
  local pid
  for pid in "${pids[@]+"${pids[@]}"}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# await_url LOG SED_EXPR NAME: the first URL the process logged, matched by SED_EXPR (30 s at most).
await_url() {
  local log="$1" expr="$2" name="$3" url i
  for ((i = 0; i < 300; i++)); do
    url="$(sed -n "$expr" "$log" | head -n 1)"
    if [[ -n "$url" ]]; then
      echo "$url"
      return 0
    fi
    sleep 0.1
  done
  say "$name did not start; its output:"
  cat "$log" >&2
  return 1
}

if [[ -z "${SKIP_BUILD:-}" ]]; then
  say "building (cli and what it needs)"
  (cd "$root" && ./mvnw -B -q -DskipTests install -pl cli -am)
fi
classes="$root/scenarios/target/classes"
twin="$root/twin"
[[ -d "$classes/dev/replaytwin/scenario/demo" ]] || { say "$classes holds no demo classes; build first"; exit 2; }

# One key for both proxies, so a card number gets the same pseudonym in the checkout and in the
# charge; it lives only in this process's environment and is written nowhere.
TWIN_SCRUB_KEY="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
export TWIN_SCRUB_KEY
export TWIN_JAVA_OPTS="-Xmx256m"
policy="$here/scrub-policy.yaml"
tags=(--tag service=shop --tag env=demo --tag release=1.4 --tag "traffic=seed-$seed-rate-$rate")

java -Xmx128m -cp "$classes" dev.replaytwin.scenario.demo.PaymentsStandIn --port 0 --seed "$seed" \
  >"$work/payments.log" 2>&1 &
pids+=($!); payments_pid=$!
payments_url="$(await_url "$work/payments.log" 's|.*listening on \(http://[0-9.:]*\).*|\1|p' "payments stand-in")"
say "payments stand-in at $payments_url"

# The egress proxy: the shop's payments calls go through its --egress listener (the first path
# segment names the route). Its own ingress listener gets no traffic.
"$twin" capture proxy --listen 127.0.0.1:0 --upstream "$payments_url" --out "$work/payments.twcap" \
  --scrub "$policy" --egress 127.0.0.1:0 --route "payments=$payments_url" "${tags[@]}" \
  >"$work/egress-proxy.log" 2>&1 &
pids+=($!); egress_proxy_pid=$!
egress_url="$(await_url "$work/egress-proxy.log" 's|.*, egress \(http://[0-9.:]*\).*|\1|p' "egress proxy")"
say "egress proxy at $egress_url (route payments -> $payments_url)"

java -Xmx192m -cp "$classes" dev.replaytwin.scenario.demo.ShopService --port 0 --release 1.4 \
  --payments "$egress_url/payments" >"$work/shop.log" 2>&1 &
pids+=($!); shop_pid=$!
shop_url="$(await_url "$work/shop.log" 's|.*listening on \(http://[0-9.:]*\).*|\1|p' "shop")"
say "shop 1.4 at $shop_url"

"$twin" capture proxy --listen 127.0.0.1:0 --upstream "$shop_url" --out "$work/shop.twcap" \
  --scrub "$policy" "${tags[@]}" >"$work/proxy.log" 2>&1 &
pids+=($!); proxy_pid=$!
proxy_url="$(await_url "$work/proxy.log" 's|^twin capture proxy: \(http://[0-9.:]*\) -> .*|\1|p' "capture proxy")"
say "capture proxy at $proxy_url -> shop"

say "driving $duration of traffic at $rate requests/s (seed $seed)"
traffic_ok=1
java -Xmx192m -cp "$classes" dev.replaytwin.scenario.demo.TrafficGenerator --target "$proxy_url" \
  --duration "$duration" --rate "$rate" --seed "$seed" || traffic_ok=0

# Front to back: the capture proxy drains and seals first, then the shop stops, then the egress
# proxy (which then has nothing in flight) seals, then the stand-in stops.
stop "$proxy_pid" "capture proxy"
stop "$shop_pid" "shop"
stop "$egress_proxy_pid" "egress proxy"
stop "$payments_pid" "payments stand-in"
pids=()
grep -h "twin capture proxy: stopped" "$work/proxy.log" "$work/egress-proxy.log" >&2 || true
[[ "$traffic_ok" == 1 ]] || { say "the traffic generator reported failures (above); nothing written"; exit 1; }

for f in shop payments; do
  if ! "$twin" capture audit "$work/$f.twcap" --limit 20 >&2; then
    say "$f.twcap did not pass the audit; nothing written"
    exit 1
  fi
done
mkdir -p "$out_dir"
mv -f "$work/shop.twcap" "$out_dir/shop.twcap"
mv -f "$work/payments.twcap" "$out_dir/payments.twcap"
say "wrote $out_dir/shop.twcap and $out_dir/payments.twcap"
"$twin" capture stats "$out_dir/shop.twcap" --top 20 >&2
"$twin" capture stats "$out_dir/payments.twcap" >&2
