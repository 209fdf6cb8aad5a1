#!/usr/bin/env bash
# The kiosk soak: friche --kiosk on a headless 4K X server (no window manager),
# first shown compare and every site once (see firsts below), then for
# DURATION seconds poked with clicks and drags at random places every few
# seconds, now and then opening another site through the site picker, its
# resident memory (VmRSS) sampled every 30 s. Fails (exit 1) if friche exits,
# if no site was ever switched, or if, for any site shown in both halves of the
# run (after 5 minutes of start-up, caches and the attract loop settling), the
# least memory friche holds while showing it grows more than 1 MiB from the
# first half to the second.
#
#   tools/kiosk/soak.sh [CONFIG.json [DURATION_SECONDS]]
#
# CONFIG defaults to tools/kiosk/example-kiosk.json and DURATION to 3600.
# Environment: FRICHE (the binary; default build/friche, else friche on PATH),
# SOAK_WARMUP (300) and SOAK_INTERVAL (30), in seconds, to try the script
# itself on a short run; SOAK_SEED, the pokes' random seed (bash's RANDOM), to
# give two runs the same pokes; SOAK_LOG, a file to keep friche's log in.
# Each sample names the site shown then (the kiosk logs each switch).
# Exit: 0 passed, 1 failed, 2 cannot run.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
config=${1:-$root/tools/kiosk/example-kiosk.json}
duration=${2:-3600}
warmup=${SOAK_WARMUP:-300}
interval=${SOAK_INTERVAL:-30}
limit_kib=1024
width=3840
height=2160

die() {
    echo "soak: $*" >&2
    exit 2
}

[[ -n ${SOAK_SEED:-} ]] && RANDOM=$SOAK_SEED
for number in "$duration" "$warmup" "$interval"; do
    [[ $number =~ ^[0-9]+$ && $number -gt 0 ]] || die "'$number' is not a whole number of seconds"
done
[[ -f $config ]] || die "no kiosk config at '$config'"
if [[ -n ${FRICHE:-} ]]; then
    friche=$FRICHE
elif [[ -x $root/build/friche ]]; then
    friche=$root/build/friche
else
    friche=$(command -v friche) || die "no friche binary: build it or set FRICHE"
fi
[[ -x $friche ]] || die "'$friche' is not an executable"
command -v Xvfb >/dev/null || die "Xvfb is missing (Debian package: xvfb)"
command -v xdotool >/dev/null || die "xdotool is missing (Debian package: xdotool)"

work=$(mktemp -d)
xvfb_pid=
friche_pid=
cleanup() {
    local pid
    for pid in $friche_pid $xvfb_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [[ -n ${SOAK_LOG:-} && -f $work/friche.log ]]; then cp "$work/friche.log" "$SOAK_LOG"; fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

# Xvfb picks a free display and writes its number to fd 3.
Xvfb -displayfd 3 -screen 0 "${width}x${height}x24" -nolisten tcp 3>"$work/display" \
    2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 50); do
    [[ -s $work/display ]] && break
    kill -0 "$xvfb_pid" 2>/dev/null || die "Xvfb did not start: $(cat "$work/xvfb.log")"
    sleep 0.1
done
[[ -s $work/display ]] || die "Xvfb gave no display number within 5 s"
DISPLAY=":$(cat "$work/display")"
export DISPLAY

"$friche" --kiosk "$config" >"$work/friche.log" 2>&1 &
friche_pid=$!
echo "soak: $friche --kiosk $config on $DISPLAY (${width}x${height}), ${duration} s"

alive() { kill -0 "$friche_pid" 2>/dev/null; }

failed_exit() {
    local status=0
    wait "$friche_pid" || status=$?
    friche_pid=
    echo "soak: FAIL: friche exited with status $status after $SECONDS s; its last output:"
    tail -n 20 "$work/friche.log"
    exit 1
}

# A tap at a random place, or now and then a swipe across part of the screen.
poke() {
    local x=$((RANDOM % width)) y=$((RANDOM % height))
    if ((RANDOM % 4 == 0)); then
        xdotool mousemove "$x" "$y" mousedown 1 \
            mousemove "$((RANDOM % width))" "$((RANDOM % height))" mouseup 1
    else
        xdotool mousemove "$x" "$y" click 1
    fi
}

# A visitor opening another site: a tap on the site picker at the top left of
# the site panel, where the kiosk lays it out at 3840x2160, then, once its list
# is drawn (a frame takes seconds on a software rasteriser), on one of the rows
# below the first (the config's sites in order: rows 2 to 5, as the example
# config's five sites; a row past the list only closes it). Sites switched are
# where a leak would come from: the run fails if none was.
picker=(470 95)
row_x=600
row_top=175
row_step=175
tap() { xdotool mousemove "$1" "$2" sleep 0.5 mousedown 1 sleep 0.2 mouseup 1; }
site_row() { # ROW: 1 to 4, the config's second site to its fifth
    tap "${picker[@]}"
    sleep 4
    tap "$row_x" "$((row_top + row_step * $1))"
}
another_site() { site_row "$((1 + RANDOM % 4))"; }

# From the kiosk's log (it names the first site too): how many sites it has
# shown, and the one it shows.
sites_shown() { grep -c '^friche kiosk: site ' "$work/friche.log" || true; }
site_shown() {
    local site
    site=$(sed -n 's/^friche kiosk: site //p' "$work/friche.log" | tail -n 1)
    echo "${site:-none yet}"
}

# What a visitor's first use of a feature allocates for good is not a leak:
# the second side's sun cascades of the first compare (about 64 MiB on
# llvmpipe) and, it may be, a site's first load. So the run starts with these,
# before the random pokes: the compare panel's modes (its buttons at the
# bottom left, in French, lower when it is closed than when it is open), then
# each other site from the picker.
compare_closed_y=1684
compare_open_y=1336
compare_x=(192 488 784) # off, swipe, side by side
firsts() {
    tap "${compare_x[1]}" "$compare_closed_y"
    sleep 8
    tap "${compare_x[2]}" "$compare_open_y"
    sleep 8
    tap "${compare_x[0]}" "$compare_open_y"
    sleep 5
    # Each site is tried until the log shows it, three times at most.
    local row shown
    for row in 1 2 3 4; do
        for _ in 1 2 3; do
            shown=$(sites_shown)
            site_row "$row"
            for _ in $(seq 20); do
                (($(sites_shown) > shown)) && break 2
                sleep 1
            done
        done
    done
}

# Resident KiB: in all (VmRSS), then its anonymous part (malloc's, the
# driver's own), the files' (libraries' code, paged in as it first runs) and
# shared memory's, to tell apart what moved.
rss_kib() { awk '/^(VmRSS|RssAnon|RssFile|RssShmem):/ { print $2 }' "/proc/$friche_pid/status"; }

sample() {
    local rss site
    mapfile -t rss < <(rss_kib)
    ((${#rss[@]} == 4)) || failed_exit
    site=$(site_shown)
    times+=("$SECONDS")
    samples+=("${rss[0]}")
    shown+=("$site")
    printf '%8d %12d %10d %10d %10d  %s\n' "$SECONDS" "${rss[@]}" "$site"
}

printf '%8s %12s %10s %10s %10s  %s\n' seconds rss_kib anon file shared site
# The first frame (seconds on a software rasteriser) before the first tap.
for _ in $(seq 120); do
    alive || failed_exit
    grep -q '^friche kiosk: quality' "$work/friche.log" && break
    sleep 0.5
done
firsts >/dev/null 2>&1 || true
times=()
samples=()
shown=()
SECONDS=0
next_sample=0
while ((SECONDS < duration)); do
    alive || failed_exit
    if ((SECONDS >= next_sample)); then
        sample
        next_sample=$((next_sample + interval))
    fi
    if ((RANDOM % 6 == 0)); then
        another_site >/dev/null 2>&1 || true # a lost click is not friche's fault
    else
        poke >/dev/null 2>&1 || true
    fi
    sleep $((2 + RANDOM % 4))
done
alive || failed_exit
sample

# One sample is one moment: a site just switched, a frame's buffers, the
# allocator's free pages come and go by tens of MiB. A leak raises the floor:
# the least memory held in the second half of the run against the least in
# the first half after the warm-up. Sites differ by a hundred MiB or more, so
# each site's floor is compared with its own.
switches=$(($(sites_shown) - 1))
echo "soak: visitors opened another site ${switches} time(s)"
if ((switches <= 0)); then
    echo "soak: FAIL: no tap reached the site picker (its place at ${width}x${height} is in soak.sh)"
    exit 1
fi
declare -A early late
lower() { # ARRAY SITE KIB: keeps the least of ARRAY[SITE] and KIB
    local -n floor=$1
    if [[ -z ${floor[$2]:-} ]] || (($3 < floor[$2])); then floor[$2]=$3; fi
}
middle=$(((warmup + duration) / 2))
for i in "${!times[@]}"; do
    if ((times[i] >= middle)); then
        lower late "${shown[i]}" "${samples[i]}"
    elif ((times[i] >= warmup)); then
        lower early "${shown[i]}" "${samples[i]}"
    fi
done
compared=0
failed=0
for site in "${!early[@]}"; do
    [[ -n ${late[$site]:-} ]] || continue
    compared=$((compared + 1))
    growth=$((late[$site] - early[$site]))
    verdict=ok
    if ((growth > limit_kib)); then
        verdict=FAIL
        failed=1
    fi
    echo "soak: ${site}: least resident memory ${early[$site]} KiB from ${warmup} s," \
        "${late[$site]} KiB from ${middle} s: grew ${growth} KiB (limit ${limit_kib} KiB): ${verdict}"
done
if ((compared == 0)); then
    die "no site was shown in both halves of the ${duration} s run after the ${warmup} s warm-up"
fi
if ((failed)); then
    echo "soak: FAIL"
    exit 1
fi
echo "soak: pass"
