#!/usr/bin/env bash
# Screenshots for the README, from a real window under Xvfb (needs xvfb, xdotool, imagemagick).
#   tools/take_screenshots.sh [output-dir]     (default docs/screenshots)
set -euo pipefail
out="${1:-docs/screenshots}"
mkdir -p "$out"
export DISPLAY=:97
Xvfb "$DISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
config="$(mktemp -d)"
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$config"' EXIT
sleep 1
NIA_CONFIG_DIR="$config" nia-desktop --demo --lang "${NIA_SHOT_LANG:-en}" >/dev/null 2>&1 &
app=$!
for _ in $(seq 50); do xdotool search --onlyvisible --name "NIA Desktop" >/dev/null 2>&1 && break; sleep 0.2; done
window=$(xdotool search --onlyvisible --name "NIA Desktop" | head -1)
sleep 1
import -window "$window" "$out/unlock.png"
xdotool type --delay 15 "demo-officer-pass"; xdotool key Return
sleep 2
import -window "$window" "$out/users.png"
# Audit is the third item of the officer's rail (Users, Need to know, Audit).
xdotool mousemove 60 163 click 1; sleep 1
xdotool key ctrl+shift+v; sleep 2
import -window "$window" "$out/audit.png"
xdotool key ctrl+l; sleep 1
xdotool key shift+Tab; xdotool key ctrl+a; xdotool type --delay 15 "analyst"; xdotool key Tab
xdotool type --delay 15 "demo-analyst-pass"; xdotool key Return
sleep 2
xdotool key ctrl+f; xdotool type --delay 20 "${NIA_SHOT_QUERY:-Kestrel}"; xdotool key Return; sleep 1
xdotool mousemove --window "$window" 420 205 click 1; sleep 1
import -window "$window" "$out/reports.png"
# Fusion is the second item of the analyst's rail; it fuses when first opened.
xdotool mousemove --window "$window" 60 125 click 1; sleep 6
xdotool mousemove --window "$window" 420 224 click 1; sleep 1
import -window "$window" "$out/fusion.png"
# The link chart, map and reader marks: tools/visual_screenshots.py; events: tools/event_timeline_screenshot.py.
# The demo case: choose it above the tabs, then the Case tab.
xdotool mousemove --window "$window" 440 119 click 1; sleep 1
xdotool key Down Return; sleep 4
xdotool mousemove --window "$window" 752 152 click 1; sleep 2
import -window "$window" "$out/case.png"
# Briefings: the third item of the analyst's rail; the preview renders by itself, then ask for the review
# ("Request release review", left of "Release to consumers…").
xdotool mousemove --window "$window" 60 155 click 1; sleep 8
xdotool mousemove --window "$window" 920 697 click 1; sleep 3
import -window "$window" "$out/briefing.png"
# The officer reviews it (fifth item: Users, Need to know, Audit, Insider watch, Release review), then the trust
# store (eighth, after Consumers and Ledger).
xdotool mousemove --window "$window" 1130 55 click 1; sleep 1
xdotool key shift+Tab; xdotool key ctrl+a; xdotool type --delay 15 "officer"; xdotool key Tab
xdotool type --delay 15 "demo-officer-pass"; xdotool key Return; sleep 3
xdotool mousemove --window "$window" 60 233 click 1; sleep 5
import -window "$window" "$out/release.png"
xdotool mousemove --window "$window" 60 338 click 1; sleep 2
import -window "$window" "$out/trust.png"
# The courier lands on Transfer.
xdotool mousemove --window "$window" 1130 55 click 1; sleep 1
xdotool key shift+Tab; xdotool key ctrl+a; xdotool type --delay 15 "courier"; xdotool key Tab
xdotool type --delay 15 "demo-courier-pass"; xdotool key Return; sleep 3
import -window "$window" "$out/transfer.png"
echo "wrote $out/unlock.png $out/users.png $out/audit.png $out/reports.png $out/fusion.png" \
     "$out/case.png $out/briefing.png $out/release.png $out/trust.png $out/transfer.png"
