#!/usr/bin/env python3
"""loket and SLiMS 9.7.0 side by side, on one machine, in one run, on the same members.

Starts the real SLiMS from ../shared/peers/slims/up.sh, writes N made-up members (default
100,000) as one SLiMS CSV, loads that file into both and measures the same work on both:

  import     SLiMS: its import loop's SQL (slims-import.php beside this file, which says what
             of the page it keeps); loket: `loket import slims FILE` (release build), wall time
  check-in   SLiMS: the visitor counter's POST (index.php?p=visitor, as its page sends it);
             loket: scan -> visit committed -> 80x24 screen drawn with the photo (benches/peers.rs)
  10 cards   SLiMS: ten into the print queue, their barcode images, the card page generated
             (member_card_generator.php); loket: ten members read and one A4 PDF rendered
  search     SLiMS: the membership list searched by a family name (20 a page); loket: the
             first 20 matches of the same word

Prints medians, p99 and the ratio, and writes them as JSON beside the work folder; its members
leave SLiMS again at the end, so the peer the interop tests use holds none of them. Takes
several minutes (SLiMS's import of 100,000 rows alone is about a minute); not part of
`cargo test`. Run as root (up.sh installs and starts MariaDB and PHP):

  python3 tools/peers/side-by-side.py [--members 100000] [--check-ins 1000] [--port 8090]
"""

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
UP = Path(os.environ.get("SLIMS_UP", ROOT.parent / "shared/peers/slims/up.sh"))
DB, DB_USER, DB_PASS = "slims_peer", "slims_peer", "slims_peer_pw"
PREFIX = "P"  # every made-up member's number starts so; earlier runs' rows are cleared by it

GIVEN = ["Siti", "Budi", "Dewi", "Agus", "Sri", "Eko", "Nur", "Rina", "Adi", "Wati",
         "Joko", "Lestari", "Bambang", "Indah", "Hadi", "Yuni", "Rudi", "Fitri", "Dian", "Tono"]
FAMILY = ["Rahayu", "Santoso", "Wijaya", "Lestari", "Kurniawan", "Handayani", "Saputra",
          "Pratama", "Hidayat", "Susanti", "Setiawan", "Wulandari", "Nugroho", "Purnama",
          "Suryani", "Firmansyah", "Maharani", "Prasetyo", "Anggraini", "Ramadhan"]


def percentile(times, q):
    s = sorted(times)
    return s[max(0, len(s) * q // 100 - 1)]


def figures(times_ms):
    """Median and p99; with fewer than 100 samples the p99 is the largest (the import runs)."""
    p99 = percentile(times_ms, 99) if len(times_ms) >= 100 else max(times_ms)
    return {"n": len(times_ms), "median_ms": statistics.median(times_ms), "p99_ms": p99}


def nice(cmd, **kw):
    return subprocess.run(["nice", "-n", "10", *cmd], check=True, **kw)


def write_csv(path, n):
    """SLiMS's export columns (export.php), one member a line, made-up but valid for loket:
    a Sidoarjo NIK matching the birth date and sex, a family name to search by."""
    with open(path, "w", encoding="utf-8") as f:
        f.write('"member_id","member_name","gender","member_type_name","member_email",'
                '"member_address","postal_code","inst_name","is_new","member_image","pin",'
                '"member_phone","member_fax","member_since_date","register_date",'
                '"expire_date","birth_date","member_notes",\n')
        for i in range(n):
            name = f"{GIVEN[i % len(GIVEN)]} {FAMILY[(i // len(GIVEN)) % len(FAMILY)]} {i}"
            nik = f"3515{1 + i // 9999:02}010190{1 + i % 9999:04}"
            f.write(f'"{PREFIX}{i:06}","{name}","1","Standard","a{i}@example.org",'
                    f'"Jl. Contoh {i}, Sidoarjo","61252","","0","","{nik}","0812{i:08}","",'
                    f'"2025-01-15","2025-01-15","2028-01-15","1990-01-01",""\n')


def mysql(query):
    out = subprocess.run(["mysql", "-uroot", "-N", "-B", DB, "-e", query], check=True,
                         capture_output=True, text=True)
    return out.stdout.strip()


class Slims:
    def __init__(self, url, admin, password):
        self.url = url if url.endswith("/") else url + "/"
        self.web = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = self.get("index.php?p=login")
        token = re.search(r'name="(_csrf_token_[^"]*)"\s+value="([^"]*)"', page)
        if not token:
            sys.exit(f"no SLiMS sign-in form at {self.url}: is up.sh's server running?")
        self.post("index.php?p=login", {token.group(1): token.group(2), "userName": admin,
                                        "passWord": password, "logMeIn": "Login"})
        if "logout" not in self.get("admin/index.php").lower():
            sys.exit("signing in to SLiMS failed: check SLIMS_PASSWORD")

    def get(self, path):
        return self.web.open(self.url + path, timeout=120).read().decode("utf-8", "replace")

    def post(self, path, fields):
        body = urllib.parse.urlencode(fields, doseq=True).encode()
        return self.web.open(self.url + path, data=body, timeout=120).read().decode(
            "utf-8", "replace")


def timed(f):
    t = time.perf_counter()
    f()
    return (time.perf_counter() - t) * 1000.0


def clear_slims():
    """Takes this script's members, visits and print queue out of SLiMS again, so the peer the
    interop tests use holds none of them."""
    mysql(f"DELETE FROM visitor_count WHERE member_id LIKE '{PREFIX}%'; "
          f"DELETE FROM member WHERE member_id LIKE '{PREFIX}%'")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--members", type=int, default=100_000)
    ap.add_argument("--check-ins", type=int, default=1000)
    ap.add_argument("--port", type=int, default=8090)
    ap.add_argument("--loket-imports", type=int, default=3, help="import runs on loket")
    ap.add_argument("--work", help="keep the work folder here (default: a temporary one)")
    a = ap.parse_args()
    if a.check_ins < 10 or a.check_ins > a.members:
        sys.exit("--check-ins must be between 10 and --members")

    work = Path(a.work or tempfile.mkdtemp(prefix="loket-peers-"))
    work.mkdir(parents=True, exist_ok=True)
    csv_file = work / "members.csv"
    write_csv(csv_file, a.members)
    print(f"{a.members:,} made-up members, {csv_file.stat().st_size / 1e6:.1f} MB of SLiMS CSV")

    env = dict(re.findall(r"^(SLIMS_\w+)=(.*)$", subprocess.run(
        ["bash", str(UP), str(a.port)], check=True, capture_output=True, text=True).stdout, re.M))
    slims = Slims(env["SLIMS_URL"], env["SLIMS_ADMIN"], env["SLIMS_PASSWORD"])

    # Import. SLiMS: the earlier runs' rows cleared first, then its loop over the file.
    clear_slims()
    try:
        measure(a, work, csv_file, slims)
    finally:
        clear_slims()


def measure(a, work, csv_file, slims):
    print("building loket (release)...", flush=True)
    nice(["cargo", "build", "--release", "--quiet", "--bin", "loket"], cwd=ROOT)
    loket = ROOT / "target/release/loket"
    results = {}
    t = time.perf_counter()
    nice(["php", str(HERE / "slims-import.php"), str(csv_file), DB, DB_USER, DB_PASS],
         stdout=subprocess.DEVNULL)
    slims_import = (time.perf_counter() - t) * 1000.0
    got = int(mysql(f"SELECT COUNT(*) FROM member WHERE member_id LIKE '{PREFIX}%'"))
    assert got == a.members, f"SLiMS holds {got} of {a.members} members after its import"
    loket_imports = []
    for run in range(a.loket_imports):
        data = work / f"loket-{run}"
        shutil.rmtree(data, ignore_errors=True)
        data.mkdir()
        (data / "loket.toml").write_text('timezone = "Asia/Jakarta"\n')
        t = time.perf_counter()
        nice([str(loket), "--data-dir", str(data), "import", "slims", str(csv_file)],
             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        loket_imports.append((time.perf_counter() - t) * 1000.0)
    status = json.loads(subprocess.run([str(loket), "--data-dir", str(data), "status", "--json"],
                                       check=True, capture_output=True, text=True).stdout)
    members = status.get("members", status.get("member_count"))
    assert members == a.members, f"loket holds {members} of {a.members} members after import"
    results["import"] = {"slims": figures([slims_import]), "loket": figures(loket_imports)}

    # The members scanned: spread over the whole range, the same ones on both.
    step = a.members // a.check_ins
    scanned = [f"{PREFIX}{i * step:06}" for i in range(a.check_ins)]
    names = FAMILY[:10]
    (data / "scan.txt").write_text("\n".join(scanned) + "\n")
    (data / "names.txt").write_text("\n".join(names) + "\n")

    print("loket: check-ins, cards, searches...", flush=True)
    out = nice(["cargo", "bench", "--quiet", "--bench", "peers"], cwd=ROOT,
               env={**os.environ, "LOKET_PEERS_DIR": str(data)},
               capture_output=True, text=True).stdout
    ours = {j.pop("task"): j for j in map(json.loads, re.findall(r"^\{.*\}$", out, re.M))}

    print("SLiMS: check-ins, cards, searches...", flush=True)
    check_ins = []
    for no in scanned:
        reply = []
        check_ins.append(timed(lambda: reply.append(
            slims.post("index.php?p=visitor", {"memberID": no, "counter": "true"}))))
        assert "thank you" in reply[0].lower(), f"SLiMS did not count {no}: {reply[0][:200]}"
    cards = []
    for k in range(0, min(500, len(scanned)) - 9, 10):
        ten = scanned[k:k + 10]

        def card_page():
            slims.post("admin/modules/membership/member_card_generator.php",
                       {"itemID[]": ten, "itemAction": "1"})
            for no in ten:
                slims.get(f"lib/phpbarcode/barcode.php?code={no}&encoding=code128&scale=2&mode=png")
            page = slims.get("admin/modules/membership/member_card_generator.php?action=print")
            assert "colorbox" in page, f"SLiMS made no card page: {page[:200]}"
        cards.append(timed(card_page))
    searches = []
    for name in (names * 20)[:200]:
        page = []
        searches.append(timed(lambda: page.append(slims.get(
            "admin/modules/membership/index.php?keywords=" + urllib.parse.quote(name)))))
        assert name in page[0], f"SLiMS found nobody named {name}"

    results["check-in"] = {"slims": figures(check_ins), "loket": ours["check-in"]}
    results["10 cards"] = {"slims": figures(cards), "loket": ours["10 cards"]}
    results["name search"] = {"slims": figures(searches), "loket": ours["name search"]}

    print(f"\n{'task':<12} {'SLiMS median':>13} {'p99':>10} {'loket median':>13} {'p99':>10}"
          f" {'ratio':>7}")
    for task, r in results.items():
        s, k = r["slims"], r["loket"]
        print(f"{task:<12} {s['median_ms']:>10.1f} ms {s['p99_ms']:>7.1f} ms "
              f"{k['median_ms']:>10.2f} ms {k['p99_ms']:>7.2f} ms "
              f"{s['median_ms'] / k['median_ms']:>6.1f}x")
    # The disk's own floor: a durable check-in (SLiMS's and loket's alike) waits at least one
    # fdatasync, so a ratio the floor rules out is said, not hoped for.
    floor = ours.get("durable write")
    if floor:
        ci = results["check-in"]
        print(f"\ndurable 4 KB write on this disk (fdatasync), the floor of every check-in: "
              f"median {floor['median_ms']:.2f} ms, p99 {floor['p99_ms']:.2f} ms")
        print(f"  10x SLiMS's check-in would be {ci['slims']['median_ms'] / 10:.2f} ms; "
              f"loket's is {ci['loket']['median_ms'] / floor['median_ms']:.1f}x the floor")
        results["durable write"] = {"loket": floor}
    # Under 100 samples the "p99" column holds the largest (figures() and benches/peers.rs).
    if any(side["n"] < 100 for r in results.values() for side in r.values()):
        print("p99 of fewer than 100 samples (n < 100): the largest of them")
    (work / "side-by-side.json").write_text(json.dumps(
        {"members": a.members, "results": results}, indent=2))
    print(f"\nfigures in {work / 'side-by-side.json'}")


if __name__ == "__main__":
    main()
