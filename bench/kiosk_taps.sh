#!/usr/bin/env bash
# What a tap that changes only the panels costs the kiosk at 3840x2160: the
# site picker's list opened, then closed, TAPS times each. Not a test.
#
#   bench/kiosk_taps.sh [FRICHE] [OTHER_FRICHE]   (default: build/friche; TAPS=4)
#
# Runs the kiosk on tools/kiosk/example-kiosk.json under its own 4K Xvfb, ends
# the attract loop with a tap, and after each tap on the picker waits until
# friche has been idle for 1.5 s. Prints each tap's CPU seconds (all of
# friche's threads: llvmpipe's rasteriser included) and how long it was busy, then the median CPU seconds. With a second binary
# (another build of friche), runs it the same way after the first and prints
# the ratio of their medians, first / other.
set -euo pipefail

here=$(dirname "$(realpath "$0")")
root=$(dirname "$here")
taps=${TAPS:-4}
config=$root/tools/kiosk/example-kiosk.json
die() { echo "kiosk_taps: $*" >&2; exit 1; }
command -v xdotool >/dev/null || die "xdotool is missing (Debian package: xdotool)"

if [ -z "${KIOSK_TAPS_DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 3840x2160x24 -nolisten tcp" env KIOSK_TAPS_DISPLAY=1 "$0" "$@"
fi

binaries=("$(realpath "${1:-$root/build/friche}")")
[ $# -ge 2 ] && binaries+=("$(realpath "$2")")
for b in "${binaries[@]}"; do [ -x "$b" ] || die "no such executable: $b"; done
log=$(mktemp)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -f "$log"' EXIT

# friche's CPU time so far, in clock ticks (user and system, all threads).
ticks() {
  [ -r "/proc/$pid/stat" ] || die "friche exited; its log: $(cat "$log")"
  awk '{print $14 + $15}' "/proc/$pid/stat"
}
# Waits until the CPU time has risen by less than 3 ticks a 0.1 s for 1.5 s
# (at most 300 s; the loop's idle wake-ups spend a tick now and then); prints
# the ticks spent and the milliseconds until the last busy 0.1 s.
rest() {
  local start last now quiet=0 since
  start=$(date +%s%N)
  last=$(ticks)
  local first=$last
  since=$start
  while ((quiet < 15)); do
    sleep 0.1
    now=$(ticks)
    if ((now - last >= 3)); then
      quiet=0
      since=$(date +%s%N)
    else
      quiet=$((quiet + 1))
    fi
    last=$now
    (($(date +%s%N) - start < 300000000000)) || die "friche never rested"
  done
  echo "$((last - first)) $(((since - start) / 1000000))"
}
tap() { xdotool mousemove "$1" "$2" sleep 0.3 mousedown 1 sleep 0.1 mouseup 1; }
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

hz=$(getconf CLK_TCK)
medians=()
for friche in "${binaries[@]}"; do
  "$friche" --kiosk "$config" >"$log" 2>&1 &
  pid=$!
  sleep 30 # the first site's sky, its transitions warmed
  rest >/dev/null
  tap 1900 1400 # ends the attract loop
  sleep 1
  rest >/dev/null
  costs=()
  for ((i = 1; i <= taps; i++)); do
    for what in opened closed; do
      tap 470 95 # the site picker, where the kiosk lays it out at 3840x2160
      read -r spent ms < <(rest)
      cost=$(awk -v t="$spent" -v hz="$hz" 'BEGIN {printf "%.2f", t / hz}')
      echo "$friche: list $what: $cost s of CPU, busy for $ms ms"
      costs+=("$cost")
    done
  done
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
  m=$(printf '%s\n' "${costs[@]}" | median)
  echo "$friche: median $m s of CPU per tap"
  medians+=("$m")
done
if [ ${#medians[@]} -eq 2 ]; then
  awk -v a="${medians[0]}" -v b="${medians[1]}" 'BEGIN {printf "ratio %.3f\n", a / b}'
fi
