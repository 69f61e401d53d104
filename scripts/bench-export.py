#!/usr/bin/env python3
"""Export benchmark: `lagotui export invoices` against Lago's official Python client.

Starts a release `lago-sandbox` seeded with enough customers for ~10,000 invoices, then in the
same run exports every invoice twice to NDJSON files:
  1. `lagotui export invoices` (pages fetched concurrently, written in order, streamed);
  2. `lago-python-client` paging with per_page=100, one page after another, as its users do,
     writing each record with its model's json().
Each runs in its own child process; wall time comes from a monotonic clock and peak memory
from the child's ru_maxrss (wait4). Prints a table and the ratio, and writes JSON next to it.
Not a test: figures depend on the machine. Usage: scripts/bench-export [--customers N] [--runs N]
"""
import argparse, json, os, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEY = "lago-sandbox-key"

PYTHON_CLIENT = r'''
import sys, time
from lago_python_client.client import Client
origin, key, out = sys.argv[1], sys.argv[2], sys.argv[3]
client = Client(api_key=key, api_url=origin)
page, count = 1, 0
with open(out, "w") as f:
    while page:
        response = client.invoices.find_all(options={"per_page": 100, "page": page})
        for invoice in response["invoices"]:
            f.write(invoice.json() + "\n")
            count += 1
        page = (response["meta"] or {}).get("next_page")
print(count)
'''


def run_child(argv, env=None):
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    _, status, rusage = os.wait4(proc.pid, 0)
    elapsed = time.monotonic() - start
    out = proc.stdout.read().decode()
    err = proc.stderr.read().decode()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{argv[0]} failed ({code}): {err.strip()}")
    return elapsed, rusage.ru_maxrss / 1024.0, out


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=2750)
    parser.add_argument("--runs", type=int, default=3, help="runs per tool; the best is reported")
    parser.add_argument("--lagotui", default=os.path.join(ROOT, ".build/release/lagotui"))
    parser.add_argument("--sandbox", default=os.path.join(ROOT, ".build/release/lago-sandbox"))
    args = parser.parse_args()

    sandbox = subprocess.Popen([args.sandbox, "--port", "0", "--customers", str(args.customers)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        line = sandbox.stdout.readline().decode().strip()
        if not line.startswith("listening on "):
            sys.exit(f"sandbox did not start: {line!r}")
        base = line[len("listening on "):]
        origin = base[: base.index("/api/v1")] + "/"
        control = base.replace("/api/v1", "/_sandbox")
        stats = json.load(urllib.request.urlopen(control + "/stats"))
        invoices = stats["invoices"]

        with tempfile.TemporaryDirectory() as tmp:
            results = {}
            env = dict(os.environ, LAGO_API_URL=base, LAGO_API_KEY=KEY)
            for name, argv, envv in [
                ("lagotui", [args.lagotui, "export", "invoices", "--quiet", "--output", os.path.join(tmp, "lagotui.ndjson")], env),
                ("lago-python-client", [sys.executable, "-c", PYTHON_CLIENT, origin, KEY, os.path.join(tmp, "python.ndjson")], None),
            ]:
                best = None
                for _ in range(args.runs):
                    elapsed, rss, _ = run_child(argv, envv)
                    if best is None or elapsed < best[0]:
                        best = (elapsed, rss)
                out_file = os.path.join(tmp, "lagotui.ndjson" if name == "lagotui" else "python.ndjson")
                records = count_lines(out_file)
                if records != invoices:
                    sys.exit(f"{name} exported {records} invoices, the sandbox has {invoices}")
                results[name] = {"records": records, "seconds": round(best[0], 3),
                                 "records_per_second": round(records / best[0]), "peak_rss_mb": round(best[1], 1)}
            # Flat memory: the same export of a stream 3-4x larger should not need more memory.
            events = stats["events"]
            elapsed, rss, _ = run_child([args.lagotui, "export", "events", "--quiet", "--output", os.path.join(tmp, "events.ndjson")], env)
            if count_lines(os.path.join(tmp, "events.ndjson")) != events:
                sys.exit("lagotui exported the wrong number of events")
            results["lagotui (events)"] = {"records": events, "seconds": round(elapsed, 3),
                                           "records_per_second": round(events / elapsed), "peak_rss_mb": round(rss, 1)}
    finally:
        sandbox.terminate()
        sandbox.wait()

    ours, theirs = results["lagotui"], results["lago-python-client"]
    ratio = ours["records_per_second"] / max(1, theirs["records_per_second"])
    print(f"export of {invoices} invoices from a local lago-sandbox ({args.customers} customers), best of {args.runs}")
    print(f"{'tool':<20} {'records':>8} {'records/s':>10} {'seconds':>8} {'peak RSS':>10}")
    for name, r in results.items():
        print(f"{name:<20} {r['records']:>8} {r['records_per_second']:>10} {r['seconds']:>8} {r['peak_rss_mb']:>8} MB")
    print(f"lagotui is {ratio:.1f}x the records/second of lago-python-client "
          f"with {ours['peak_rss_mb'] / max(0.1, theirs['peak_rss_mb']):.2f}x its peak memory")
    with open(os.path.join(ROOT, "bench-results-export.json"), "w") as f:
        json.dump({"invoices": invoices, "customers": args.customers, "results": results, "speed_ratio": round(ratio, 2)}, f, indent=2)


if __name__ == "__main__":
    main()
