#!/usr/bin/env python3
"""Export benchmark: `lagotui export invoices` against an external client and Lago's Python client.

For each sandbox size (a release `lago-sandbox` seeded with N customers, about 4.2 invoices
each) it exports every invoice, in one run against the same sandbox process:
  1. curl --parallel --parallel-max 8: every page (per_page=100) to /dev/null, the wire's limit;
  2. `lagotui export invoices` to NDJSON and to CSV (process start included);
  3. `lago-python-client` paging with per_page=100, one page after another, as its users do,
     writing each record with its model's json() (only at sizes up to --python-max invoices);
  4. dlt's REST API source (`dlt.sources.rest_api`) iterating the same pages, when dlt imports.
Each runs in its own child process; wall time comes from a monotonic clock, CPU time (user +
system) and peak memory from the child's rusage (wait4). Prints a table with the ratios to
curl, and writes JSON next to it. The load average is printed beside the figures: on a shared
machine they move with it. Not a test: figures depend on the machine.
Usage: scripts/bench-export [--customers 1000,10000] [--runs N]
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

DLT_SOURCE = r'''
import json, sys
from dlt.sources.rest_api import rest_api_resources
base, key, out = sys.argv[1], sys.argv[2], sys.argv[3]
config = {
    "client": {"base_url": base + "/", "auth": {"type": "bearer", "token": key}},
    "resources": [{"name": "invoices", "endpoint": {
        "path": "invoices", "data_selector": "invoices", "params": {"per_page": 100},
        "paginator": {"type": "page_number", "base_page": 1, "page_param": "page", "total_path": "meta.total_pages"}}}],
}
count = 0
with open(out, "w") as f:
    for resource in rest_api_resources(config):
        for row in resource:
            f.write(json.dumps(row, default=str) + "\n")
            count += 1
print(count)
'''

def run_child(argv, env=None):
    """Runs one tool to its end: (wall seconds, CPU seconds, peak RSS MB), from its own rusage."""
    with tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, rusage = os.wait4(proc.pid, 0)
        elapsed = time.monotonic() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            err.seek(0)
            sys.exit(f"{argv[0]} failed ({code}): {err.read().decode().strip()[:400]}")
    return elapsed, rusage.ru_utime + rusage.ru_stime, rusage.ru_maxrss / 1024.0


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def curl_config(base, pages, path):
    with open(path, "w") as f:
        for page in range(1, pages + 1):
            f.write(f'url = "{base}/invoices?per_page=100&page={page}"\noutput = "/dev/null"\n')


def measure_size(args, customers, tmp):
    sandbox = subprocess.Popen([args.sandbox, "--port", "0", "--customers", str(customers)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        line = sandbox.stdout.readline().decode().strip()
        if not line.startswith("listening on "):
            sys.exit(f"sandbox did not start: {line!r}")
        base = line[len("listening on "):]
        origin = base[: base.index("/api/v1")] + "/"
        control = base.replace("/api/v1", "/_sandbox")
        invoices = json.load(urllib.request.urlopen(control + "/stats"))["invoices"]
        pages = (invoices + 99) // 100
        config = os.path.join(tmp, f"curl-{customers}.txt")
        curl_config(base, pages, config)
        env = dict(os.environ, LAGO_API_URL=base, LAGO_API_KEY=KEY)
        out = lambda name: os.path.join(tmp, f"{name}-{customers}")
        tools = [
            ("curl --parallel 8", ["curl", "-s", "--fail", "--parallel", "--parallel-max", "8", "-H", f"Authorization: Bearer {KEY}", "--config", config], None, None),
            ("lagotui ndjson", [args.lagotui, "export", "invoices", "--quiet", "--output", out("lagotui.ndjson")], env, out("lagotui.ndjson")),
            ("lagotui csv", [args.lagotui, "export", "invoices", "--quiet", "--format", "csv", "--output", out("lagotui.csv")], env, None),
            # The same pages into the page cache (after the first round, over a full cache).
            ("lagotui sync", [args.lagotui, "sync", "invoices", "--quiet"], dict(env, XDG_CACHE_HOME=out("cache")), None),
        ]
        if invoices <= args.python_max:
            tools.append(("lago-python-client", [sys.executable, "-c", PYTHON_CLIENT, origin, KEY, out("python.ndjson")], None, out("python.ndjson")))
            if subprocess.run([sys.executable, "-c", "import dlt.sources.rest_api"], capture_output=True).returncode == 0:
                tools.append(("dlt rest_api", [sys.executable, "-c", DLT_SOURCE, base, KEY, out("dlt.ndjson")], None, out("dlt.ndjson")))
        # Warm the sandbox's code paths and connections once.
        run_child(tools[0][1])
        results = {}
        for _ in range(args.runs):
            # Alternate the tools round by round so a burst of load elsewhere hits all alike.
            for name, argv, envv, output in tools:
                elapsed, cpu, rss = run_child(argv, envv)
                if output is not None and count_lines(output) != invoices:
                    sys.exit(f"{name} exported {count_lines(output)} invoices, the sandbox has {invoices}")
                best = results.get(name)
                if best is None or elapsed < best["seconds"]:
                    results[name] = {"records": invoices, "seconds": round(elapsed, 3), "cpu_seconds": round(cpu, 3),
                                     "records_per_second": round(invoices / elapsed), "peak_rss_mb": round(rss, 1)}
        return invoices, results
    finally:
        sandbox.terminate()
        sandbox.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", default="1000,10000", help="sandbox sizes, comma separated (about 4.2 invoices each)")
    parser.add_argument("--runs", type=int, default=3, help="rounds per size; the best wall time of each tool is reported")
    parser.add_argument("--python-max", type=int, default=5000, help="largest invoice count the Python clients are run at")
    parser.add_argument("--lagotui", default=os.path.join(ROOT, ".build/release/lagotui"))
    parser.add_argument("--sandbox", default=os.path.join(ROOT, ".build/release/lago-sandbox"))
    args = parser.parse_args()
    report = {"load_average_before": os.getloadavg(), "sizes": []}
    with tempfile.TemporaryDirectory() as tmp:
        for customers in [int(c) for c in args.customers.split(",")]:
            invoices, results = measure_size(args, customers, tmp)
            curl = results["curl --parallel 8"]
            print(f"export of {invoices} invoices from a local lago-sandbox ({customers} customers), best of {args.runs}, "
                  f"load average {os.getloadavg()[0]:.2f}")
            print(f"{'tool':<20} {'records/s':>10} {'wall s':>8} {'CPU s':>7} {'wall/curl':>9} {'CPU/curl':>9} {'peak RSS':>10}")
            for name, r in results.items():
                r["wall_vs_curl"] = round(r["seconds"] / curl["seconds"], 2)
                r["cpu_vs_curl"] = round(r["cpu_seconds"] / max(0.001, curl["cpu_seconds"]), 2)
                print(f"{name:<20} {r['records_per_second']:>10} {r['seconds']:>8} {r['cpu_seconds']:>7} "
                      f"{r['wall_vs_curl']:>8}x {r['cpu_vs_curl']:>8}x {r['peak_rss_mb']:>7} MB")
            ours = results["lagotui ndjson"]
            print(f"csv / ndjson wall: {results['lagotui csv']['seconds'] / ours['seconds']:.2f}x")
            if "lago-python-client" in results:
                print(f"lagotui is {ours['records_per_second'] / results['lago-python-client']['records_per_second']:.1f}x "
                      f"the records/second of lago-python-client (process start included)")
            report["sizes"].append({"customers": customers, "invoices": invoices, "results": results})
    report["load_average_after"] = os.getloadavg()
    with open(os.path.join(ROOT, "bench-results-export.json"), "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
