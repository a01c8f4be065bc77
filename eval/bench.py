"""Throughput, scaling, memory and start-up of ``vnextract batch`` (a benchmark, not a test).

    .venv/bin/python eval/bench.py            # 1,000 and 10,000 documents: about 11 min
    .venv/bin/python eval/bench.py --quick    # 200 and 2,000 documents: about 2 min

The corpora repeat the seed articles (``corpus/``) and, when present, the dev articles read from
``../shared/dev/texts`` (never copied into the repo), under unique file names, in a temporary
directory. Every batch is a real ``vnextract batch`` process, so the numbers include what a user
waits for; start-up (interpreter, imports, pool, warm-up) is also measured on its own, on one
document. Steady-state rates are read off the output as it grows, between its first tenth and
nine tenths of lines, so start-up is not in them. The baseline is bare underthesea ``word_tokenize`` over
every paragraph, in this process, warmed up. The baseline, ``--jobs 1`` and
``--jobs 2`` take turns on the same 1,000 documents (``--rounds``, 3 by default); each ratio is
taken within a round, between runs that saw the same neighbours on this shared VM, and the
median of the rounds is the figure (the ratio of each run's fastest turn is printed beside it).
Linearity compares the steady-state CPU time (summed over the batch's processes) of the
10,000-document run, made ``rounds - 1`` times, with that of the 1,000-document turns right
before and after it (the median of those ratios); wall-time ratios are reported beside it.
Cold start is the fastest of five fresh processes (noise only ever adds time). Where a target
is missed, a profile says where the time goes. The table is printed and written to
``eval/reports/bench.json``.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

import psutil

ROOT = Path(__file__).resolve().parent.parent
DEV_TEXTS = ROOT.parent / "shared" / "dev" / "texts"
VNEXTRACT = str(Path(sys.executable).with_name("vnextract"))
REPORT = ROOT / "eval" / "reports" / "bench.json"
TARGETS = {"ratio_vs_baseline": 0.8, "jobs2_speedup": 1.8, "scaling": (9.0, 11.0),
           "rss_mb": 400.0, "cold_start_s": 2.0}

# The pipeline's stages, for the profile: (label, file ending, function name).
STAGES = [
    ("word segmentation CRF (extractor.crf)", "extractor/crf.py", "inside"),
    ("underthesea sent_tokenize", "sent_tokenize/__init__.py", "sent_tokenize"),
    ("segment (all, incl. the two above)", "extractor/segment.py", "segment"),
    ("normalise", "extractor/normalise.py", "normalise"),
    ("document (title, date, byline)", "extractor/document.py", "recognise"),
    ("dates", "extractor/dates.py", "recognise"),
    ("localities", "extractor/localities.py", "recognise"),
    ("officials", "extractor/officials.py", "recognise"),
    ("figures", "extractor/figures.py", "recognise"),
    ("linking", "extractor/linking.py", "link"),
    ("checks", "extractor/checks.py", "check"),
    ("writer (record, pydantic)", "extractor/writer.py", "to_record"),
    ("reading the file", "extractor/reader.py", "read_path"),
]


def source_texts() -> list[Path]:
    return sorted((ROOT / "corpus").glob("*.txt")) + sorted(DEV_TEXTS.glob("*.txt"))


def build_corpus(directory: Path, sources: list[Path], n: int) -> Path:
    """``n`` documents cycling through ``sources``; the index in the name keeps doc_ids unique."""
    directory.mkdir(parents=True)
    for i in range(n):
        src = sources[i % len(sources)]
        (directory / f"{i:05d}_{src.stem}.txt").write_bytes(src.read_bytes())
    return directory


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def baseline(files: list[Path]) -> float:
    """Seconds for bare ``word_tokenize`` over every paragraph of ``files`` (warm, this process)."""
    from underthesea import word_tokenize
    texts = [f.read_text(encoding="utf-8") for f in files]
    word_tokenize(paragraphs(texts[0])[0])
    began = time.perf_counter()
    for text in texts:
        for para in paragraphs(text):
            word_tokenize(para)
    return time.perf_counter() - began


def _peak_rss_kb(proc: psutil.Process) -> int:
    """The process's peak resident set so far (VmHWM) where /proc has it, else its current one."""
    try:
        status = Path(f"/proc/{proc.pid}/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
    except (OSError, AttributeError):
        return proc.memory_info().rss // 1024


class LineClock:
    """Times and CPU totals at which a growing JSONL output passes a tenth and nine tenths of its
    lines, read incrementally. The steady state of a batch is taken between the two: start-up is
    before the first mark, and the pool's look-ahead (documents in flight beyond the last line
    written) is the same at both, so it cancels instead of flattering ``--jobs 2``."""

    def __init__(self, path: Path, total: int):
        self.path, self.total = path, total
        self.lines, self.handle = 0, None
        self.marks: list[tuple[float, float, int]] = []    # (time, CPU s, lines) at each mark

    def poll(self, now: float, cpu: float) -> None:
        if self.handle is None:
            if not self.path.exists():
                return
            self.handle = self.path.open("rb")
        self.lines += self.handle.read().count(b"\n")
        for share in (0.1, 0.9)[len(self.marks):]:
            if self.lines < max(1, int(self.total * share)):
                break
            self.marks.append((now, cpu, self.lines))

    def close(self) -> None:
        if self.handle:
            self.handle.close()

    def steady(self) -> tuple[float | None, float | None]:
        """Documents per second, and CPU seconds per document, between the two marks (None: a
        run too short to tell)."""
        if len(self.marks) < 2 or self.marks[1][0] <= self.marks[0][0]:
            return None, None
        (t0, c0, n0), (t1, c1, n1) = self.marks
        return (n1 - n0) / (t1 - t0), (c1 - c0) / (n1 - n0)


def run_monitored(command: list[str], clock: LineClock | None = None) -> dict:
    """Run ``command``; wall time, the peak RSS of it and of each process it starts, and (with a
    ``clock`` on its output) its steady-state rate; CPU time summed over all of them.

    The pool's workers are forked by the forkserver, so they are the grandchildren; with
    ``--jobs 1`` the command itself does the work.
    """
    began = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    top = psutil.Process(proc.pid)
    peaks: dict[int, tuple[int, int]] = {}            # pid → (depth, peak kB)
    cpu: dict[int, float] = {}                        # pid → CPU seconds at the last look
    while proc.poll() is None:
        try:
            family = [(top, 0)] + [(c, 1 if c.ppid() == top.pid else 2)
                                   for c in top.children(recursive=True)]
            for p, depth in family:
                peaks[p.pid] = (depth, max(peaks.get(p.pid, (depth, 0))[1], _peak_rss_kb(p)))
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
        except psutil.Error:
            pass                                      # a process ended between two looks
        if clock:
            clock.poll(time.perf_counter(), sum(cpu.values()))
        time.sleep(0.05)
    wall = time.perf_counter() - began
    if clock:
        clock.poll(time.perf_counter(), sum(cpu.values()))
        clock.close()
    docs_s, cpu_per_doc = clock.steady() if clock else (None, None)
    stderr = proc.stderr.read().decode()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited {proc.returncode}: {stderr}")
    workers = [kb for depth, kb in peaks.values() if depth == 2] or [peaks[top.pid][1]]
    return {"wall_s": wall, "cpu_s": sum(cpu.values()), "steady_docs_s": docs_s,
            "steady_cpu_per_doc_s": cpu_per_doc,
            "worker_rss_mb": max(workers) / 1024,
            "parent_rss_mb": peaks[top.pid][1] / 1024, "summary": stderr.strip().splitlines()[-1]}


def batch(directory: Path, out: Path, jobs: int) -> dict:
    out.unlink(missing_ok=True)                       # the clock must not read an older run
    n = sum(1 for _ in directory.iterdir())
    return run_monitored([VNEXTRACT, "batch", str(directory), "-o", str(out), "--jobs", str(jobs),
                          "--quiet"], LineClock(out, n))


def wall(command: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    return time.perf_counter() - began


def cold_start(seed: Path, repeats: int = 5) -> dict:
    """Fastest wall time of fresh processes: an extract, bare underthesea import, bare Python,
    taken in turn."""
    commands = {"extract_s": [VNEXTRACT, "extract", str(seed)],
                "import_underthesea_s": [sys.executable, "-c", "import underthesea"],
                "python_s": [sys.executable, "-c", "pass"]}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, cmd in commands.items():
            times[name].append(wall(cmd))
    return {name: min(t) for name, t in times.items()}


def profile_throughput(files: list[Path]) -> list[tuple[str, float]]:
    """Share of extraction time per pipeline stage over ``files`` (cProfile, this process)."""
    from extractor.batch import process_item, warm_up
    warm_up()
    profiler = cProfile.Profile()
    profiler.enable()
    for f in files:
        process_item(str(f))
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    total = sum(tt for _, _, tt, _, _ in stats.values())
    shares = []
    for label, file_end, name in STAGES:
        cum = sum(ct for (path, _, func), (_, _, _, ct, _) in stats.items()
                  if func == name and path.replace(os.sep, "/").endswith(file_end))
        shares.append((label, cum / total))
    return shares


def import_time_by_package(importtime: str) -> dict[str, int]:
    """Self time (µs) of ``-X importtime`` lines, charged to the package that brought them in:
    a module imported by a third-party package counts for that package (thinc for spaCy), one
    imported by ``extractor`` for its own package."""
    pending: dict[int, list[tuple[str, int, list]]] = {}
    for line in importtime.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+\d+ \| ( *)(\S+)", line)
        if m:
            depth = len(m.group(2)) // 2          # children are printed before their parent
            pending.setdefault(depth, []).append((m.group(3), int(m.group(1)),
                                                  pending.pop(depth + 1, [])))
    totals: dict[str, int] = {}

    def charge(node: tuple[str, int, list], owner: str | None) -> None:
        name, self_us, children = node
        package = name.split(".")[0]
        mine = package if owner in (None, "extractor") else owner
        totals[mine] = totals.get(mine, 0) + self_us
        for child in children:
            charge(child, mine)

    for root in pending.get(0, []):
        charge(root, None)
    return totals


def profile_cold_start(seed: Path) -> dict:
    """Where a cold ``vnextract extract`` spends its time: imports by package (``-X importtime``)
    and the first extraction (loading models and patterns) measured in a fresh process."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-c",
                             "import extractor.cli, extractor.pipeline"],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    by_package = import_time_by_package(result.stderr)
    phases = subprocess.run([sys.executable, "-c", (
        "import time, json; t0 = time.perf_counter()\n"
        "import extractor.cli, extractor.pipeline as p; t1 = time.perf_counter()\n"
        f"p.extract_file({str(seed)!r}); t2 = time.perf_counter()\n"
        f"p.extract_file({str(seed)!r}); t3 = time.perf_counter()\n"
        "print(json.dumps({'imports_s': t1 - t0, 'first_extract_s': t2 - t1,"
        " 'second_extract_s': t3 - t2}))")], cwd=ROOT, capture_output=True, text=True, check=True)
    top = sorted(by_package.items(), key=lambda kv: -kv[1])[:8]
    return {**json.loads(phases.stdout), "imports_by_package_s": {k: v / 1e6 for k, v in top}}


CPU_LOOP = "s = 0\nfor i in range(8_000_000):\n    s += i * i % 7"


def machine_parallelism() -> float:
    """What two cores give right now: a pure-Python loop in two processes at once against one
    alone (2.0 on an idle two-core machine). The control for the ``--jobs 2`` speed-up: this VM
    shares its cores with neighbours, and when they are busy no program gets 1.8×."""
    one = wall([sys.executable, "-c", CPU_LOOP])
    began = time.perf_counter()
    pair = [subprocess.Popen([sys.executable, "-c", CPU_LOOP]) for _ in range(2)]
    for proc in pair:
        proc.wait()
    return 2 * one / (time.perf_counter() - began)


def _interleaved(small: Path, tmp_path: Path, rounds: int) -> tuple[float, dict, dict]:
    """The baseline, ``--jobs 1`` and ``--jobs 2`` on the small corpus, taken in turn ``rounds``
    times. This VM's neighbours come and go, so a single run of each, minutes apart, compares
    different machines: the ratios are taken within each round (``j1_vs_baseline``,
    ``jobs2_speedup``), and each run is also kept at its fastest turn."""
    files = sorted(small.iterdir())
    walls: dict[str, list[float]] = {"baseline": [], "j1_small": [], "j2_small": [],
                                     "j2_small_cpu_per_doc": [], "machine_2proc_speedup": [],
                                     "j1_vs_baseline": [], "jobs2_speedup": []}
    runs: dict[str, dict] = {}
    for _ in range(rounds):
        walls["baseline"].append(baseline(files))
        walls["machine_2proc_speedup"].append(machine_parallelism())
        rates = []
        for name, jobs in (("j1_small", 1), ("j2_small", 2)):
            run = batch(small, tmp_path / f"{name}.jsonl", jobs)
            walls[name].append(run["wall_s"])
            rates.append(run["steady_docs_s"] or 0.0)
            if name not in runs or run["steady_docs_s"] > runs[name]["steady_docs_s"]:
                runs[name] = run
            if jobs == 2:
                walls["j2_small_cpu_per_doc"].append(run["steady_cpu_per_doc_s"])
        walls["j1_vs_baseline"].append(rates[0] * walls["baseline"][-1] / len(files))
        walls["jobs2_speedup"].append(rates[1] / rates[0] if rates[0] else 0.0)
    return min(walls["baseline"]), runs, walls


def _bracketed(large: Path, small: Path, tmp_path: Path, rounds: int,
               before: float) -> tuple[list[dict], list[tuple[float, float]]]:
    """The 10,000-document run, ``rounds - 1`` times, each followed by a 1,000-document turn: each
    long run is then compared with the short turns right before and after it, which saw the
    same neighbours, rather than with turns minutes away. Returns the long runs and, for each,
    the steady CPU per document of the two turns around it."""
    runs, brackets = [], []
    for _ in range(max(1, rounds - 1)):
        runs.append(batch(large, tmp_path / "j2-large.jsonl", 2))
        after = batch(small, tmp_path / "j2-after.jsonl", 2)["steady_cpu_per_doc_s"]
        brackets.append((before, after))
        before = after
    return runs, brackets


def measure(small_n: int, large_n: int, rounds: int) -> dict:
    """Every number of the report, in one run on the same texts."""
    sources = source_texts()
    seed = sorted((ROOT / "corpus").glob("*.txt"))[0]
    with tempfile.TemporaryDirectory(prefix="vnextract-bench-") as tmp:
        tmp_path = Path(tmp)
        small = build_corpus(tmp_path / "small", sources, small_n)
        large = build_corpus(tmp_path / "large", sources, large_n)
        one = build_corpus(tmp_path / "one", sources, 1)
        startup = {j: min(batch(one, tmp_path / f"one-{j}.jsonl", j)["wall_s"] for _ in range(2))
                   for j in (1, 2)}
        base_s, runs, walls = _interleaved(small, tmp_path, rounds)
        large_runs, brackets = _bracketed(large, small, tmp_path, rounds,
                                          walls["j2_small_cpu_per_doc"][-1])
        runs["j2_large"] = max(large_runs, key=lambda run: run["steady_docs_s"] or 0.0)
        identical = (tmp_path / "j1_small.jsonl").read_bytes() == \
            (tmp_path / "j2_small.jsonl").read_bytes()
        cold = cold_start(seed)
        report = {"docs": {"small": small_n, "large": large_n, "distinct_texts": len(sources)},
                  "rounds": rounds, "walls_s": walls, "baseline_s": base_s,
                  "startup_s": startup, "runs": runs,
                  "large_cpu_per_doc_s": [run["steady_cpu_per_doc_s"] for run in large_runs],
                  "bracket_cpu_per_doc_s": brackets,
                  "cold": cold,
                  "jobs1_equals_jobs2": identical}
        report["derived"] = derive(report)
        report["profile"] = profile(report["derived"], sorted(small.iterdir())[:50], seed)
    return report


def _steady_rate(run: dict, n: int, startup_s: float) -> float:
    """Documents per second once started: from the output's growth, or (a run too short to
    watch) the wall time less the separately measured start-up."""
    if run["steady_docs_s"]:
        return run["steady_docs_s"]
    wall = run["wall_s"]
    return n / (wall - startup_s if wall > 2 * startup_s else wall)


def _linearity(r: dict) -> float:
    """The scaling figure: steady-state CPU time of the 10,000 documents over that of the 1,000
    (CPU seconds per document times documents, both read between the output's tenth and nine
    tenths), so 10.0 means a document costs the same however many came before it.

    CPU time, summed over the batch's processes, is the work the extractor does; wall time on
    this shared VM also measures what its neighbours do (the wall-time ratios are reported beside
    it). CPU time moves too, when a neighbour shares the physical core, so each long run is held
    against the mean of the 1,000-document turns right before and after it, and the median of
    those ratios is reported: no turn is picked for being quick."""
    n = r["docs"]
    ratios = [n["large"] * big / (n["small"] * (a + b) / 2)
              for big, (a, b) in zip(r["large_cpu_per_doc_s"], r["bracket_cpu_per_doc_s"])]
    return median(ratios)


def derive(r: dict) -> dict:
    """Rates (raw, and steady once started), ratios and the targets they are held to."""
    n_small, n_large = r["docs"]["small"], r["docs"]["large"]
    runs, t0 = r["runs"], r["startup_s"]
    rate = {k: _steady_rate(runs[k], n_large if k.endswith("large") else n_small,
                            t0[1 if k.startswith("j1") else 2]) for k in runs}
    base_rate = n_small / r["baseline_s"]
    j1, j2 = rate["j1_small"], rate["j2_small"]
    return {
        "baseline_docs_s": base_rate,
        "j1_docs_s_raw": n_small / runs["j1_small"]["wall_s"], "j1_docs_s": j1,
        "j2_docs_s_raw": n_small / runs["j2_small"]["wall_s"], "j2_docs_s": j2,
        "j2_large_docs_s": rate["j2_large"],
        "ratio_vs_baseline": median(r["walls_s"]["j1_vs_baseline"]),
        "ratio_vs_baseline_best": j1 / base_rate,
        "jobs2_speedup": median(r["walls_s"]["jobs2_speedup"]),
        "jobs2_speedup_best": j2 / j1,
        "jobs2_speedup_raw": runs["j1_small"]["wall_s"] / runs["j2_small"]["wall_s"],
        "scaling": _linearity(r),
        "scaling_steady_wall": (n_large / rate["j2_large"]) / (n_small / j2),
        "scaling_raw": runs["j2_large"]["wall_s"] / runs["j2_small"]["wall_s"],
        "scaling_raw_cpu": runs["j2_large"]["cpu_s"] / runs["j2_small"]["cpu_s"],
        "rss_mb": max(run["worker_rss_mb"] for run in runs.values()),
        "cold_start_s": r["cold"]["extract_s"],
        "machine_2proc_speedup": max(r["walls_s"]["machine_2proc_speedup"]),
    }


def missed(d: dict) -> list[str]:
    lo, hi = TARGETS["scaling"]
    checks = {"ratio_vs_baseline": d["ratio_vs_baseline"] >= TARGETS["ratio_vs_baseline"],
              "jobs2_speedup": d["jobs2_speedup"] >= TARGETS["jobs2_speedup"],
              "scaling": lo <= d["scaling"] <= hi,
              "rss_mb": d["rss_mb"] <= TARGETS["rss_mb"],
              "cold_start_s": d["cold_start_s"] <= TARGETS["cold_start_s"]}
    return [k for k, ok in checks.items() if not ok]


def profile(d: dict, sample: list[Path], seed: Path) -> dict:
    out: dict = {"missed": missed(d)}
    if "ratio_vs_baseline" in out["missed"] or "jobs2_speedup" in out["missed"]:
        out["extraction_share"] = profile_throughput(sample)
    if "cold_start_s" in out["missed"]:
        out["cold_start"] = profile_cold_start(seed)
    return out


def table(r: dict) -> str:
    d, runs, n = r["derived"], r["runs"], r["docs"]
    flag = {k: "MISSED" if k in r["profile"]["missed"] else "ok" for k in TARGETS}
    per_doc_ms = [1000 * median(r["large_cpu_per_doc_s"]),
                  1000 * median([x for pair in r["bracket_cpu_per_doc_s"] for x in pair])]
    rows = [
        ("bare word_tokenize, 1 process", f"{d['baseline_docs_s']:.1f} docs/s", "1.00×", "", ""),
        ("extract --jobs 1", f"{d['j1_docs_s']:.1f} docs/s ({d['j1_docs_s_raw']:.1f} raw)",
         f"{d['ratio_vs_baseline']:.2f}× (median of rounds; best turns {d['ratio_vs_baseline_best']:.2f})",
         "≥ 0.8× baseline", flag["ratio_vs_baseline"]),
        ("extract --jobs 2", f"{d['j2_docs_s']:.1f} docs/s ({d['j2_docs_s_raw']:.1f} raw)",
         f"{d['jobs2_speedup']:.2f}× jobs 1 (median of rounds; best turns "
         f"{d['jobs2_speedup_best']:.2f}, raw {d['jobs2_speedup_raw']:.2f})", "≥ 1.8×",
         flag["jobs2_speedup"]),
        ("two pure-Python processes vs one", "(control: what the cores give)",
         f"{d['machine_2proc_speedup']:.2f}× at best; by round "
         + ", ".join(f"{x:.2f}" for x in r["walls_s"]["machine_2proc_speedup"]), "", ""),
        ("jobs 1 / baseline by round", "", ", ".join(f"{x:.2f}" for x in r["walls_s"]["j1_vs_baseline"]),
         "", ""),
        ("jobs 2 / jobs 1 by round", "", ", ".join(f"{x:.2f}" for x in r["walls_s"]["jobs2_speedup"]),
         "", ""),
        (f"{n['large']:,} vs {n['small']:,} docs, jobs 2, CPU time",
         f"{per_doc_ms[0]:.1f} vs {per_doc_ms[1]:.1f} ms per doc",
         f"{d['scaling']:.2f} steady ({d['scaling_raw_cpu']:.2f} raw)", "9–11",
         flag["scaling"]),
        ("  the same by wall time", f"{runs['j2_large']['wall_s']:.0f} s vs "
         f"{runs['j2_small']['wall_s']:.0f} s",
         f"{d['scaling_steady_wall']:.2f} steady ({d['scaling_raw']:.2f} raw)", "", ""),
        ("peak RSS per worker", f"{d['rss_mb']:.0f} MB",
         f"jobs 2: {runs['j2_small']['worker_rss_mb']:.0f} → {runs['j2_large']['worker_rss_mb']:.0f}"
         f" MB from {n['small']:,} to {n['large']:,} docs, parent "
         f"{runs['j2_large']['parent_rss_mb']:.0f} MB", "≤ 400 MB", flag["rss_mb"]),
        ("cold vnextract extract", f"{d['cold_start_s']:.2f} s",
         f"import underthesea {r['cold']['import_underthesea_s']:.2f} s, "
         f"python {r['cold']['python_s']:.2f} s", "≤ 2 s", flag["cold_start_s"]),
        ("start-up of a batch (1 doc)", f"jobs 1 {r['startup_s'][1]:.1f} s",
         f"jobs 2 {r['startup_s'][2]:.1f} s", "", ""),
    ]
    head = ("measure", "result", "ratio", "target", "")
    widths = [max(len(str(row[i])) for row in [head, *rows]) for i in range(5)]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip()
             for row in [head, *rows]]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    lines.append(f"jobs 1 and jobs 2 outputs byte-identical: {r['jobs1_equals_jobs2']}")
    return "\n".join(lines) + "\n" + profile_text(r["profile"])


def profile_text(p: dict) -> str:
    lines = []
    if "extraction_share" in p:
        lines.append("\nwhere extraction time goes (cProfile, cumulative share of one document):")
        lines += [f"  {share:6.1%}  {label}" for label, share in p["extraction_share"]]
    if "cold_start" in p:
        c = p["cold_start"]
        lines.append(f"\ncold start: imports {c['imports_s']:.2f} s, first extract "
                     f"{c['first_extract_s']:.2f} s (second {c['second_extract_s']:.2f} s); "
                     "imports by package:")
        lines += [f"  {s:5.2f} s  {name}" for name, s in c["imports_by_package_s"].items()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 and 2,000 documents")
    parser.add_argument("--rounds", type=int, default=3,
                        help="turns of baseline, --jobs 1 and --jobs 2, each kept at its best")
    args = parser.parse_args()
    small_n, large_n = (200, 2000) if args.quick else (1000, 10000)
    report = measure(small_n, large_n, args.rounds)
    report["quick"] = args.quick
    print(table(report))
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
