"""Shared helpers for the benchmark scripts: statistics, tables, the machine, the local
server in its own process, TLS material for a run, and the deterministic corpus.

Not part of the package: nothing under ``longmem/`` imports this.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
API_KEY = "bench-key"

if str(REPO) not in sys.path:  # `python bench/x.py` puts bench/ first, not the repo
    sys.path.insert(0, str(REPO))


# -- statistics and output ---------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank-with-interpolation percentile (pct in 0..100)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * pct / 100.0
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table; numbers should already be formatted as strings."""
    lines = ["| " + " | ".join(headers) + " |"]
    lines.append("|" + "|".join("---" if i == 0 else "---:" for i in range(len(headers))) + "|")
    lines.extend("| " + " | ".join(str(cell) for cell in row) + " |" for row in rows)
    return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "met" if ok else "**MISSED**"


def machine() -> str:
    """One line describing this machine and interpreter, for the top of each report."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
                break
    except OSError:
        pass
    os_name = platform.platform()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"') + f" (kernel {platform.release()})"
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPU(s), {model}, {mem} RAM, {os_name}, "
        f"Python {platform.python_version()} ({platform.python_implementation()})"
    )


def code_version(repo: Path = REPO) -> str:
    """The checked-out commit of ``repo`` (read from .git, no git command) and hashes of
    the SDK's and the server's sources, which tell apart runs on uncommitted trees."""
    commit = "unknown commit"
    try:
        git = repo / ".git"
        if git.is_file():  # a worktree: .git names its own directory, refs are shared
            git = (repo / git.read_text().split(":", 1)[1].strip()).resolve()
        common = git / "commondir"
        shared = (git / common.read_text().strip()).resolve() if common.exists() else git
        head = (git / "HEAD").read_text().strip()
        if head.startswith("ref: "):
            ref = shared / head[5:]
            if ref.exists():
                commit = ref.read_text().strip()[:10]
            else:
                for line in (shared / "packed-refs").read_text().splitlines():
                    if line.endswith(" " + head[5:]):
                        commit = line[:10]
        else:
            commit = head[:10]
    except OSError:
        pass

    def tree_hash(paths: list[Path]) -> str:
        digest = hashlib.sha256()
        for path in sorted(paths):
            digest.update(str(path.relative_to(repo)).encode() + b"\0" + path.read_bytes())
        return digest.hexdigest()[:10]

    package = repo / "longmem"
    sdk = tree_hash(list(package.glob("*.py")))
    server = tree_hash(list((package / "server").rglob("*.py")))
    return f"commit {commit}; sha256 of longmem/*.py {sdk}, of longmem/server/ {server}"


def header(title: str, argv: Sequence[str]) -> None:
    print(f"## {title}\n")
    print(f"Machine: {machine()}  ")
    print(f"Code: {code_version()}  ")
    cmd = " ".join(["python", os.path.relpath(argv[0], REPO), *argv[1:]])
    print(f"Command: `{cmd}`\n")


# -- processes ---------------------------------------------------------------------------


def proc_status(pid: int) -> dict[str, int]:
    """VmRSS / VmHWM (kB) of a process, from /proc (Linux only; empty elsewhere)."""
    out: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                out[name] = int(value.split()[0])
    except OSError:
        pass
    return out


def proc_cpu_seconds(pid: int, *, children: bool = True) -> float:
    """User + system CPU seconds a process and (unless not ``children``) its running
    children, a server's search processes, have used so far (Linux /proc/<pid>/stat)."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return float("nan")
    fields = raw.rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    own = (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return own + (sum(map(proc_cpu_seconds, _children(pid))) if children else 0.0)


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(child) for child in task.read_text().split()]
        except OSError:
            continue
    return found


def bench_env(repo: Path = REPO) -> dict[str, str]:
    """The environment for child processes: ``repo`` importable, bytecode cached."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(repo) + os.pathsep + env.get("PYTHONPATH", "")
    for name in list(env):
        if name.lower().endswith("_proxy"):
            del env[name]
    return env


@contextlib.contextmanager
def environment(values: Mapping[str, Optional[str]]) -> Iterator[None]:
    """Set (or, for None, remove) environment variables for the servers started inside."""

    def apply(settings: Mapping[str, Optional[str]]) -> None:
        for name, value in settings.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

    saved = {name: os.environ.get(name) for name in values}
    apply(values)
    try:
        yield
    finally:
        apply(saved)


MODEL_SETTINGS = ("URL", "MODEL", "KEY_ENV", "TIMEOUT")  # LONGMEM_SERVER_<ROLE>_<name>
# The bench's own embedder answers in NumPy on a shared core, ~15 ms a text: a request
# of 64 texts (a collection's first search sends several) takes a second or more.
OWN_EMBEDDER_TIMEOUT = "120"


@contextlib.contextmanager
def model_embedder() -> Iterator[tuple[Optional[dict[str, Optional[str]]], str]]:
    """(the LONGMEM_SERVER_EMBEDDER_* settings that give a server's search a model
    embedder, which embedder that is) for as long as the block runs: the endpoint
    LONGMEM_BENCH_EMBEDDER_URL names (with _MODEL, _KEY_ENV, _TIMEOUT), else the bench's
    own all-MiniLM-L6-v2 (embed_server.py) when its weights are installed; (None, why
    not) when neither is there."""
    url = os.environ.get("LONGMEM_BENCH_EMBEDDER_URL")
    if url and not os.environ.get("LONGMEM_BENCH_EMBEDDER_MODEL"):
        yield None, "LONGMEM_BENCH_EMBEDDER_URL needs LONGMEM_BENCH_EMBEDDER_MODEL too"
        return
    if url:
        settings = {
            f"LONGMEM_SERVER_EMBEDDER_{name}": os.environ.get(f"LONGMEM_BENCH_EMBEDDER_{name}")
            for name in MODEL_SETTINGS
        }
        yield settings, f"the endpoint at {url} (LONGMEM_BENCH_EMBEDDER_URL)"
        return
    import embed_server  # NumPy, only when it is asked for

    problem = embed_server.available()
    if problem:
        yield None, f"no embedder: set LONGMEM_BENCH_EMBEDDER_URL, or {problem}"
        return
    with embed_server.EmbedServer() as server:
        settings = {
            "LONGMEM_SERVER_EMBEDDER_URL": server.url,
            "LONGMEM_SERVER_EMBEDDER_MODEL": server.model,
            "LONGMEM_SERVER_EMBEDDER_KEY_ENV": None,
            "LONGMEM_SERVER_EMBEDDER_TIMEOUT": OWN_EMBEDDER_TIMEOUT,
        }
        yield settings, f"{server.model} in NumPy (bench/embed_server.py) at {server.url}"


@contextlib.contextmanager
def search_embedder(wanted: bool) -> Iterator[str]:
    """Servers started inside search with a model embedder when ``wanted`` (yields which:
    ``model_embedder``; SystemExit saying what is missing when there is none), else with
    none, whatever LONGMEM_SERVER_EMBEDDER_* says (yields "none")."""
    with contextlib.ExitStack() as stack:
        settings: Optional[dict[str, Optional[str]]]
        if wanted:
            settings, which = stack.enter_context(model_embedder())
            if settings is None:
                raise SystemExit(f"--embedder: {which}")
        else:
            settings = {f"LONGMEM_SERVER_EMBEDDER_{name}": None for name in MODEL_SETTINGS}
            which = "none"
        stack.enter_context(environment(settings))
        yield which


class ServerProcess:
    """``python -m longmem serve`` in its own process, on a temporary database; ``repo``
    is the tree whose server runs (another checkout, to compare before and after)."""

    def __init__(self, db_dir: Optional[str] = None, repo: Path = REPO) -> None:
        self._own_dir = db_dir is None
        self.repo = repo
        self.dir = db_dir or tempfile.mkdtemp(prefix="longmem-bench-")
        self.db = os.path.join(self.dir, "bench.db")
        self.proc: Optional[subprocess.Popen[str]] = None
        self.url = ""

    def __enter__(self) -> ServerProcess:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "longmem",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--db",
                self.db,
                "--api-key",
                API_KEY,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=bench_env(self.repo),
            cwd=self.dir,
        )
        assert self.proc.stdout is not None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            found = re.search(r"listening on (http://\S+)", line)
            if found:
                self.url = found.group(1)
                return self
        self.__exit__()
        raise RuntimeError("the local server did not start")

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            if self.proc.stdout is not None:
                self.proc.stdout.close()
        if self._own_dir:
            shutil.rmtree(self.dir, ignore_errors=True)


def start_server(
    tree: Path, workdir: str, *args: str, nofile: Optional[int] = None, poll: float = 0.05
) -> tuple[subprocess.Popen[bytes], int]:
    """``longmem serve`` from the checkout ``tree`` (to compare trees), on ``workdir``'s
    database with key ``API_KEY``, its output in ``workdir/serve.log``; (process, port).
    ``nofile`` sets its open-file limit; ``poll``: how often the log is read for the port."""

    def limit() -> None:
        if nofile is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

    log = os.path.join(workdir, "serve.log")
    env = bench_env()
    env["PYTHONPATH"] = str(tree)
    command = [sys.executable, "-m", "longmem", "serve", "--port", "0", "--db", "bench.db"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [*command, "--api-key", API_KEY, *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=workdir,
            preexec_fn=limit,  # the bench has started no threads yet
        )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = re.search(rb"listening on http://[^:]+:(\d+)", Path(log).read_bytes())
        if found:
            return proc, int(found.group(1))
        time.sleep(poll)
    proc.kill()
    raise RuntimeError(f"the server did not start: {Path(log).read_text()}")


# -- TLS material and what a call costs: the tests' own, one copy -----------------------

from tests.client.servers import TLSMaterial, make_tls_material  # noqa: E402
from tests.cost import least_cpu  # noqa: E402

__all__ = ["TLSMaterial", "least_cpu", "make_tls_material"]


# -- the deterministic corpus ------------------------------------------------------------


def _split(text: str, sep: Optional[str] = None) -> list[str]:
    return [word for word in text.split(sep) if word]


_FIRST = _split(
    "Alex Bianca Chen Dmitri Elena Farah Gustavo Hana Ibrahim Jonas Keiko Liam Maya Nikolai "
    "Olivia Priya Quentin Rosa Samir Tomas Uma Viktor Wen Ximena Yusuf Zoe Aisha Bruno "
    "Carmen Diego Emeka Freya Giulia Hiro Ines Jamal Kofi Lena Marco Nadia"
)
_LAST = _split(
    "Okafor Lindqvist Tanaka Moreau Kowalski Haddad Silva Nguyen Fischer Romero Patel "
    "Novak Brennan Castillo Ivanova Mensah Duarte Schmidt Rahman Costa"
)
_CITIES = _split(
    "Lisbon Nairobi Kyoto Montreal Porto Tallinn Oaxaca Hanoi Reykjavik Cape_Town "
    "Valparaiso Tbilisi Ljubljana Seville Bergen Marrakesh Busan Cusco Krakow Hobart "
    "Edinburgh Bologna Austin Melbourne Istanbul"
)
_ACTIVITIES = _split(
    "bouldering|trail running|sourdough baking|birdwatching|salsa dancing|woodworking|"
    "kayaking|chess|pottery|cycling to work|learning Portuguese|playing the cello|"
    "gardening|board games|open-water swimming|photography|ceramics|yoga|"
    "restoring old bikes|cross-country skiing|fly fishing|calligraphy|rock climbing|"
    "knitting|astronomy",
    "|",
)
_FOODS = _split(
    "spicy ramen|oat milk lattes|dark chocolate|sushi|vegan curry|sparkling water|"
    "espresso|green tea|tacos al pastor|lentil soup|pistachio ice cream|kimchi|"
    "margherita pizza|falafel|mango smoothies|black coffee|pho|dumplings",
    "|",
)
_PREFERENCES = _split(
    "dark mode|large fonts|email over phone calls|morning meetings|async standups|"
    "window seats|quiet carriages|metric units|vim keybindings|short summaries|"
    "weekly digests|no notifications after 6pm|British spelling|24-hour time|"
    "bullet-point answers|light mode|video calls with the camera off",
    "|",
)
_PROJECTS = _split(
    "Apollo Borealis Cobalt Dune Ember Falcon Granite Helix Icarus Juniper Kestrel "
    "Lumen Mosaic Nimbus Orchid Pioneer Quasar Redwood Sierra Tundra"
)
_TASKS = _split(
    "the Q3 budget review|the billing migration|the onboarding redesign|"
    "the data retention policy|the search relevance audit|the mobile release|"
    "the vendor contract renewal|the on-call rota|the security questionnaire|"
    "the customer churn analysis|the API deprecation plan|the hiring plan|"
    "the incident postmortem|the pricing experiment|the accessibility fixes|"
    "the database upgrade|the offsite agenda|the SOC 2 evidence",
    "|",
)
_TEAMS = _split(
    "design platform infrastructure payments growth research support security "
    "marketing finance legal data mobile"
)
_ROLES = _split(
    "engineering manager|staff engineer|product designer|data scientist|"
    "account executive|head of support|security lead|product manager|SRE|"
    "technical writer|recruiter|CFO",
    "|",
)
_RELATIONS = _split("sister brother mother father partner cousin daughter son best_friend")
_PETS = _split("a beagle|two cats|a parrot|a rescue greyhound|a tortoise|a corgi|goldfish", "|")
_MONTHS = _split(
    "January February March April May June July August September October November December"
)
_WEEKDAYS = _split("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
_ALLERGIES = _split("peanuts|shellfish|penicillin|cats|pollen|gluten|lactose", "|")
_TOOLS = _split("Figma|Jira|Notion|Linear|Postgres|Kubernetes|Terraform|Excel|Slack|Looker", "|")

_TEMPLATES = (
    "{name} prefers {pref}.",
    "{name} lives in {city} and works on the {team} team.",
    "{name} moved to {city} in {month} {year}.",
    "{name}'s favourite food is {food}.",
    "{name} is allergic to {allergy}.",
    "{name} spends weekends {activity}.",
    "{name} started {activity} last {month} and goes every {weekday}.",
    "{name} is the {role} on the {team} team.",
    "{name} leads project {project}, due on {month} {day}.",
    "{name} owns {task} for project {project}.",
    "{name} asked to be reminded about {task} every {weekday}.",
    "{name} is travelling to {city} from {month} {day} to {month2} {day2}.",
    "{name}'s {relation} lives in {city}.",
    "{name} has {pet} and walks them before work.",
    "{name} uses {tool} daily and dislikes {tool2}.",
    "{name} reports to {name2} since {month} {year}.",
    "Meeting with {name} and {name2} about {task} moved to {weekday} at {hour}:00.",
    "{name} will be on parental leave from {month} {year}.",
    "{name} orders {food} for lunch after the {team} standup.",
    "Project {project} is blocked on {task}; {name} is following up with {name2}.",
    "{name} recommended a restaurant in {city} that serves great {food}.",
    "{name} wants summaries of {task} as {pref}.",
    "The {team} offsite is in {city} in {month}; {name} is organising it.",
    "{name} finished the {city} marathon in under four hours.",
    "{name}'s birthday is on {month} {day}.",
)


def _fill(rng: random.Random, template: str) -> str:
    first, first2 = rng.sample(_FIRST, 2)
    tool, tool2 = rng.sample(_TOOLS, 2)
    month, month2 = rng.sample(_MONTHS, 2)
    return template.format(
        name=f"{first} {rng.choice(_LAST)}" if rng.random() < 0.3 else first,
        name2=first2,
        city=rng.choice(_CITIES).replace("_", " "),
        team=rng.choice(_TEAMS),
        month=month,
        month2=month2,
        year=rng.randint(2015, 2026),
        day=rng.randint(1, 28),
        day2=rng.randint(1, 28),
        weekday=rng.choice(_WEEKDAYS),
        hour=rng.randint(8, 17),
        food=rng.choice(_FOODS),
        allergy=rng.choice(_ALLERGIES),
        activity=rng.choice(_ACTIVITIES),
        pref=rng.choice(_PREFERENCES),
        role=rng.choice(_ROLES),
        project=rng.choice(_PROJECTS),
        task=rng.choice(_TASKS),
        relation=rng.choice(_RELATIONS).replace("_", " "),
        pet=rng.choice(_PETS),
        tool=tool,
        tool2=tool2,
    )


def sentences(count: int, seed: int = 6) -> list[str]:
    """``count`` varied, realistic memory sentences; the same for the same seed."""
    rng = random.Random(seed)
    return [_fill(rng, rng.choice(_TEMPLATES)) for _ in range(count)]


_MISSES = (
    "quantum chromodynamics lattice simulation",
    "submarine telegraph cable repair history",
    "medieval heraldry tinctures",
    "how to calibrate a spectrophotometer",
    "zeppelin hangar acoustics",
    "volcanic glass obsidian knapping",
    "tax treatment of racehorse syndication",
    "xylophone tuning frequencies",
)


def queries(count: int = 48, seed: int = 7) -> list[str]:
    """A fixed mix of queries: most phrased like a user asking about stored facts, one
    in six about things no memory mentions."""
    rng = random.Random(seed)
    asks = (
        "what does {name} prefer",
        "where does {name} live",
        "who is allergic to {allergy}",
        "who likes {activity}",
        "{name} travel to {city}",
        "who leads project {project}",
        "status of {task}",
        "favourite food {food}",
        "{team} team offsite",
        "who uses {tool}",
        "{name} birthday",
        "{name} {relation}",
    )
    out: list[str] = []
    misses = iter(_MISSES * (count // len(_MISSES) + 1))
    for index in range(count):
        if index % 6 == 5:
            out.append(next(misses))
        else:
            out.append(_fill(rng, rng.choice(asks)))
    return out
