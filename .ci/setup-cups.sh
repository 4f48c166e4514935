#!/usr/bin/env bash
# Sets up a CUPS server with a cups-pdf queue `loket-pdf` for the card printing tests, on a
# fresh Debian 12 machine without systemd (CI) or on a developer's. Idempotent; run as root.
# Prints the folder where cups-pdf writes the printed PDFs (also: LOKET_CUPS_PDF_OUT).
set -euo pipefail

OUT_DIR="${LOKET_CUPS_PDF_OUT:-/var/spool/cups-pdf/loket}"
QUEUE=loket-pdf

# poppler-utils and zbar-tools are not CUPS, but every card test needs them (pdfinfo,
# pdftotext, pdftoppm, zbarimg), and this is the card tests' setup.
if ! command -v cupsd >/dev/null || [ ! -e /usr/lib/cups/backend/cups-pdf ] || ! command -v lp >/dev/null \
    || ! command -v pdftoppm >/dev/null || ! command -v zbarimg >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq cups cups-client printer-driver-cups-pdf poppler-utils zbar-tools >/dev/null
fi

# Every job, whoever sends it (root in CI, a clerk's account on a counter PC), lands in one
# known folder, readable by the tests.
mkdir -p "$OUT_DIR"
chmod 0755 "$OUT_DIR"
conf=/etc/cups/cups-pdf.conf
set_conf() { # key value: replace an existing (possibly commented) line, or append
    if grep -Eq "^#?$1[[:space:]]" "$conf"; then
        sed -i -E "s|^#?$1[[:space:]].*|$1 $2|" "$conf"
    else
        echo "$1 $2" >>"$conf"
    fi
}
set_conf Out "$OUT_DIR"
set_conf AnonDirName "$OUT_DIR"
set_conf UserUMask 0022
set_conf AnonUMask 0022

# No systemd in CI: start the scheduler ourselves unless one already answers.
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    /usr/sbin/cupsd
    for _ in $(seq 1 50); do
        lpstat -r 2>/dev/null | grep -q "is running" && break
        sleep 0.2
    done
fi
lpstat -r | grep -q "is running" || { echo "cupsd did not start; see /var/log/cups/error_log" >&2; exit 1; }

if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
    model=$(lpinfo -m | awk 'tolower($0) ~ /cups-pdf/ {print $1; exit}')
    if [ -z "$model" ]; then
        echo "no cups-pdf model in 'lpinfo -m'; is printer-driver-cups-pdf installed?" >&2
        exit 1
    fi
    lpadmin -p "$QUEUE" -E -v cups-pdf:/ -m "$model"
fi
cupsenable "$QUEUE"
cupsaccept "$QUEUE"

echo "CUPS queue $QUEUE ready; PDFs go to $OUT_DIR"
