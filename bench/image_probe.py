#!/usr/bin/env python3
"""The runtime image (target/agentos-traces-mcp-*-linux-x64.tar.gz) against today's launcher on an installed JDK,
interleaved (the order turns every round): launch -> `initialize` result on stdout, in ms, for
  - the JDK launcher, warm: bin/agentos-traces-mcp serve with its class-data archive already made;
  - the image's first-ever launch: each round unpacks the archive into a new folder (not timed), with an empty
    XDG_CACHE_HOME, and launches it once;
  - the image, warm: one unpacked copy, launched again and again.
With --cli URL, the same three for `list --limit 20 --base-url URL` (whole process, ms). Each row also gives the
CPU time the launch took (user + sys of the process, to its exit), which a loaded machine disturbs far less.

Usage: image_probe.py RUNS TARBALL JDK_HOME [--cli URL]   (run from the repository root; bench/image.sh sets it up)
"""
import os, resource, shutil, statistics, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stdio_probe import once

runs, tarball, jdk = int(sys.argv[1]), sys.argv[2], sys.argv[3]
cli_url = sys.argv[sys.argv.index("--cli") + 1] if "--cli" in sys.argv else None
work = tempfile.mkdtemp()
cache = os.path.join(work, "cache")  # the JDK launcher's archives: made before timing (bench/image.sh)
os.environ["XDG_CACHE_HOME"] = cache

cpu = {}  # series -> CPU ms per launch

def cpu_of(key, fn):
    """Runs fn, adding the CPU its child processes used (they have ended when fn returns) to cpu[key]."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = fn()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu.setdefault(key, []).append(
        (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    return result

def unpack(name):
    d = os.path.join(work, name); os.makedirs(d)
    subprocess.run(["tar", "-xzf", tarball, "-C", d], check=True)
    return os.path.join(d, os.listdir(d)[0], "bin", "agentos-traces-mcp")

def timed(cmd, env=None):
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - t0) * 1000

jdk_env = dict(os.environ, JAVA_HOME=jdk)
warm_image = unpack("warm")
subprocess.run([warm_image, "--version"], check=True, stdout=subprocess.DEVNULL)  # its first launch: not timed
series = {"JDK launcher, warm": [], "image, first-ever launch": [], "image, warm": []}
cli = {k: [] for k in series}

def jdk_launcher(args):
    return ["env", "JAVA_HOME=" + jdk, "bin/agentos-traces-mcp"] + args

for r in range(runs):
    fresh = unpack(f"fresh{r}")
    fresh_cli = unpack(f"fresh-cli{r}") if cli_url else None
    empty = os.path.join(work, f"empty-cache{r}")
    first_env = dict(os.environ, XDG_CACHE_HOME=empty)
    steps = [
        ("JDK launcher, warm", lambda: series["JDK launcher, warm"].append(
            cpu_of("serve JDK launcher, warm", lambda: once(jdk_launcher(["serve"]))))),
        ("image, first-ever launch", lambda: series["image, first-ever launch"].append(
            cpu_of("serve image, first-ever launch", lambda: once(["env", "XDG_CACHE_HOME=" + empty, fresh, "serve"])))),
        ("image, warm", lambda: series["image, warm"].append(
            cpu_of("serve image, warm", lambda: once([warm_image, "serve"])))),
    ]
    if cli_url:
        args = ["list", "--limit", "20", "--base-url", cli_url]
        steps += [
            ("cli JDK", lambda: cli["JDK launcher, warm"].append(
                cpu_of("cli JDK launcher, warm", lambda: timed(jdk_launcher(args))))),
            ("cli first", lambda: cli["image, first-ever launch"].append(
                cpu_of("cli image, first-ever launch", lambda: timed([fresh_cli] + args, first_env)))),
            ("cli warm", lambda: cli["image, warm"].append(
                cpu_of("cli image, warm", lambda: timed([warm_image] + args)))),
        ]
    for _, step in (steps if r % 2 == 0 else list(reversed(steps))):
        step()
    shutil.rmtree(os.path.dirname(os.path.dirname(fresh)))
    if fresh_cli:
        shutil.rmtree(os.path.dirname(os.path.dirname(fresh_cli)))

def show(title, data, face):
    print(title)
    for k, x in data.items():
        if x:
            c = cpu[f"{face} {k}"]
            print(f"  {k}: median {statistics.median(x):.0f} ms (min {min(x):.0f}, max {max(x):.0f}, {len(x)} runs);"
                  f" CPU median {statistics.median(c):.0f} ms")

show("serve: launch -> initialize result", series, "serve")
if cli_url:
    show("CLI list --limit 20, whole process", cli, "cli")
shutil.rmtree(work)
