"""Real traffic: readers drawn from a Zipf-like head of recent articles, crawlers across the whole
archive, an editor changing a published article every 10 seconds (issue 18).

    .venv/bin/python bench/traffic.py --articles 1000                       # SQLite
    .venv/bin/python bench/traffic.py --articles 100000 --database postgres
    .venv/bin/python bench/traffic.py --articles 100000 --database postgres --redis redis://127.0.0.1:6379/0
    .venv/bin/python bench/traffic.py --articles 100000 --database postgres --redis redis://… --varnish

The archive of bench/load.py (bench/dataset.py: long-tail tags and authors) is served by gunicorn
(2 workers, page cache on, as `make run`); with ``--varnish``, through Debian's varnishd with
deploy/varnish.vcl in front (the editor's commits purge it, tests/servers.py starts it).
``MASTHEAD_PORTS=8130-8149`` keeps the servers to a range of ports. Two wrk processes run at once: **readers** (6
connections) ask for articles by a Zipf law over the 2,000 newest (the head gets most), the home
page and its next pages, tags and authors (Zipf over their long tails), searches and feeds;
a **crawler** (``--crawl-rate`` requests a second, default 5, each sent as soon as its
connection opens, as a search engine's crawler paces itself) ask for any article, tag, author or home page of the whole archive,
evenly; each phase draws its own requests, so a crawler never replays what an earlier phase cached. Each counts the X-Masthead-Cache answers (hit, miss). The run:

1. the ceiling: the cheapest Django view (bench/urls.py) at the readers' 6 connections (through
   Varnish with ``--varnish``, which passes it to gunicorn: it is never cached), measured again
   after the phases: the mean of the two is the run's ceiling;
2. a cold start (``--warmup`` seconds, not reported);
3. **warm**: ``--seconds`` of traffic, nothing changing;
4. **during edits**: ``--seconds`` of traffic while an editor (this process, through the
   workflow) approves a revision of one of the 200 newest articles every ``--interval`` seconds,
   then checks the article's page and the home page show it: a page still showing the previous
   copy MASTHEAD_STALE_SECONDS after the change is stale.

Prints, for each phase: requests/s and their share of the ceiling, p99, errors, and the readers'
and the crawlers' hit ratios (Varnish's X-Cache with ``--varnish``, else the page cache's
X-Masthead-Cache; previous copies served while a page is rendered again are counted apart).
"""

import argparse
import bisect
import contextlib
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import dataset  # noqa: E402
from bench.load import bench_env, parse_wrk, prepare, serve, warm  # noqa: E402
from tests.servers import Varnish  # noqa: E402

HEAD = 2000  # readers' articles: the newest this many, by a Zipf law
READER_CONNECTIONS = 6
SEARCHES = ["siege", "water", "hospital bridge", "zanzibar", "refugees border", "drone strike", "winter bread",
            "convoy", "ceasefire negotiations", "satellite images", "children school", "aid doctors"]

LUA = """
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  paths = {}
  for line in io.lines("%(paths)s") do paths[#paths + 1] = line end
  counter = 0
  hits, misses, other = 0, 0, 0
end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
function response(status, headers, body)
  local state = headers["%(header)s"] or headers[string.lower("%(header)s")]
  if state == "hit" then hits = hits + 1 elseif state == "miss" then misses = misses + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local h, m, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    h = h + thread:get("hits"); m = m + thread:get("misses"); o = o + thread:get("other")
  end
  io.write(string.format("CACHE hits=%%d misses=%%d other=%%d\\n", h, m, o))
end
"""


class Zipf:
    """Ranks 1..size, rank k with weight 1 / k ** exponent."""

    def __init__(self, size, exponent=1.0):
        total, self.cumulated = 0.0, []
        for k in range(1, size + 1):
            total += 1 / k**exponent
            self.cumulated.append(total)

    def draw(self, rng):
        return bisect.bisect_left(self.cumulated, rng.random() * self.cumulated[-1]) + 1


def visible_slugs():
    """The tags and authors readers can reach (those with a visible article), in the archive's order of
    popularity: the common tags, then the topics by rank, then the rare ones; staff, then contributors."""
    from articles import selectors
    from articles.models import Article, Author

    def rank(slug):
        common = [name.lower() for name in dataset.TAGS]
        if slug in common:
            return common.index(slug)
        return 100 + int(slug.rsplit("-", 1)[-1]) if slug.startswith("topic-") else 10**7

    tags = sorted(selectors.visible_tags().values_list("slug", flat=True), key=rank)
    visible = Article.objects.published().values("author_id")
    authors = sorted(Author.objects.filter(pk__in=visible).values_list("slug", flat=True),
                     key=lambda slug: (slug.startswith("contributor-"), int(slug.rsplit("-", 1)[-1])))
    return tags, authors


def reader_paths(count, tags, authors, rng, size=50_000):
    """What readers ask for, in the proportions of a news site's day."""
    articles = Zipf(min(HEAD, count))
    tag_rank, author_rank, search_rank = Zipf(len(tags)), Zipf(len(authors)), Zipf(len(SEARCHES))
    paths = []
    for _ in range(size):
        roll = rng.random()
        if roll < 0.55:
            paths.append(f"/articles/{dataset.article_slug(articles.draw(rng) - 1)}/")
        elif roll < 0.70:
            paths.append("/")
        elif roll < 0.73:
            paths.append(f"/?page={rng.randint(2, 5)}")
        elif roll < 0.83:
            paths.append(f"/tags/{tags[tag_rank.draw(rng) - 1]}/")
        elif roll < 0.88:
            paths.append(f"/authors/{authors[author_rank.draw(rng) - 1]}/")
        elif roll < 0.93:
            paths.append(f"/search/?q={SEARCHES[search_rank.draw(rng) - 1].replace(' ', '+')}")
        elif roll < 0.96:
            paths.append(rng.choice(["/feeds/rss/", "/feeds/atom/"]))
        elif roll < 0.98:
            paths.append(f"/tags/{tags[tag_rank.draw(rng) - 1]}/feed/atom/")
        else:
            paths.append(rng.choice(["/tags/", "/sitemap.xml", "/content-warnings/"]))
    return paths


def crawler_paths(count, tags, authors, rng, size=50_000):
    """What crawlers ask for: anything in the archive, evenly."""
    paths = []
    for _ in range(size):
        roll = rng.random()
        if roll < 0.80:
            paths.append(f"/articles/{dataset.article_slug(rng.randrange(count))}/")
        elif roll < 0.90:
            paths.append(f"/tags/{rng.choice(tags)}/")
        elif roll < 0.95:
            paths.append(f"/authors/{rng.choice(authors)}/")
        else:
            paths.append(f"/?page={rng.randint(1, 50)}")
    return paths


class Front:
    """Where readers, crawlers and the editor's checks go (gunicorn, or Varnish in front of it), and the
    header saying whether an answer came from the cache."""

    def __init__(self, port, header):
        self.port, self.header = port, header

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"


def script_for(paths, folder, name, header):
    listing = Path(folder) / f"{name}.txt"
    listing.write_text("\n".join(paths) + "\n")
    script = Path(folder) / f"{name}.lua"
    script.write_text(LUA % {"paths": listing, "header": header})
    return script


def start_wrk(server, script, connections, seconds):
    return subprocess.Popen(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout=10s", "--latency", "-s", str(script),
         server.url("/")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def finish(process):
    out, err = process.communicate()
    if process.returncode:
        raise RuntimeError(f"wrk failed: {err}")
    rps, p99, errors = parse_wrk(out)
    found = re.search(r"CACHE hits=(\d+) misses=(\d+) other=(\d+)", out)
    hits, misses, other = (int(n) for n in found.groups())
    return {"rps": rps, "p99": p99, "errors": errors, "hits": hits, "other": other, "answers": hits + misses + other}


def crawl(server, paths, rate, seconds, result):
    """A crawler pacing itself: one request every 1/rate seconds, each sent as soon as its connection
    opens (wrk's delay() would hold a connection open, and a sync gunicorn worker with it)."""
    latencies, hits, other, answers, errors = [], 0, 0, 0, 0
    started = time.monotonic()
    for n, path in enumerate(paths):
        due = started + n / rate
        if due > started + seconds:
            break
        time.sleep(max(0.0, due - time.monotonic()))
        began = time.monotonic()
        try:
            with urllib.request.urlopen(server.url(path), timeout=30) as response:
                response.read()
                state = response.headers.get(server.header)
                hits += state == "hit"
                other += state not in ("hit", "miss")
        except OSError:
            errors += 1
        latencies.append(1000 * (time.monotonic() - began))
        answers += 1
    latencies.sort()
    result.update(rps=answers / seconds, p99=latencies[int(0.99 * (len(latencies) - 1))] if latencies else float("nan"),
                  errors=errors, hits=hits, other=other, answers=answers)


def phase(server, scripts, seconds, rate):
    """Readers and a paced crawler at once for ``seconds``; their results."""
    readers = start_wrk(server, scripts["readers"], READER_CONNECTIONS, seconds)
    crawled = {}
    crawler = threading.Thread(target=crawl, args=(server, scripts["crawlers"], rate, seconds, crawled))
    crawler.start()
    result = finish(readers)
    crawler.join()
    return {"readers": result, "crawlers": crawled}


def fetch(server, path):
    with urllib.request.urlopen(server.url(path), timeout=30) as response:
        return response.read().decode()


def editor_loop(server, stop, interval, report):
    """Every ``interval`` seconds approve a new title for one of the 200 newest articles (timing the
    save, which renders the pages it ended again on commit), then check that the article's page and
    the home page show it: at once, or after a previous copy served for at most MASTHEAD_STALE_SECONDS."""
    from django.conf import settings
    from django.contrib.auth.models import User

    from articles import workflow
    from articles.models import Article

    editor, _ = User.objects.get_or_create(username="traffic-editor", defaults={"is_superuser": True, "is_staff": True})
    recent = list(Article.objects.published().order_by("-published_at").values_list("pk", flat=True)[:200])
    rng = random.Random(11)
    while not stop.wait(interval):
        live = Article.objects.get(pk=rng.choice(recent))
        content = workflow.content_of(live).replace(title=f"Revised at {time.time_ns()}")
        revision = workflow.propose_revision(live, editor, content)
        began = time.monotonic()
        workflow.approve_revision(revision, editor)
        report["save ms"].append(1000 * (time.monotonic() - began))
        report["changes"] += 1
        paths = [live.get_absolute_url()] + (["/"] if live.pk in recent[:20] else [])
        for path in paths:
            report["checked"] += 1
            deadline = time.monotonic() + settings.MASTHEAD_STALE_SECONDS + 1
            if content.title not in fetch(server, path):
                report["previous copy first"] += 1
                while content.title not in fetch(server, path):
                    if time.monotonic() > deadline:
                        report["stale"] += 1
                        break
                    time.sleep(0.1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--redis", default="", help="REDIS_URL for the page cache (default: the file cache)")
    parser.add_argument("--varnish", action="store_true", help="serve through varnishd with deploy/varnish.vcl")
    parser.add_argument("--seconds", type=int, default=30, help="seconds of each reported phase (default 30)")
    parser.add_argument("--warmup", type=int, default=30, help="seconds of cold start before them (default 30)")
    parser.add_argument("--interval", type=float, default=10.0, help="seconds between the editor's changes")
    parser.add_argument("--crawl-rate", type=float, default=5.0, help="crawlers' requests per second at most (default 5)")
    args = parser.parse_args()

    env = bench_env(args.database, args.articles)
    folder = tempfile.mkdtemp(prefix="masthead-traffic-")
    env["MASTHEAD_CACHE_DIR"] = str(Path(folder) / "cache")  # shared by the server and the editor here
    if args.redis:
        env["REDIS_URL"] = args.redis
        env["MASTHEAD_CACHE_PREFIX"] = f"traffic-{os.getpid()}"
    os.environ.update(env)
    os.environ["DATABASE_STATEMENT_TIMEOUT"] = "0"
    prepare(args.articles, args.database, rebuild=False)

    rng = random.Random(5)
    tags, authors = visible_slugs()
    # Each phase draws its own requests: crawlers do not replay the pages an earlier phase cached.
    drawn = {name: (reader_paths(args.articles, tags, authors, rng), crawler_paths(args.articles, tags, authors, rng))
             for name in ("cold", "warm", "edits")}
    report = {"changes": 0, "checked": 0, "previous copy first": 0, "stale": 0, "save ms": []}
    results, ceilings = {}, {}
    with contextlib.ExitStack() as stack:
        server = stack.enter_context(serve(env, cache=True, cache_dir=env["MASTHEAD_CACHE_DIR"]))
        front = Front(server.port, "X-Masthead-Cache")
        if args.varnish:
            varnish = stack.enter_context(Varnish(server.port, storage="1g"))
            front = Front(varnish.port, "X-Cache")
        _editing_through(front, args.varnish)
        scripts = {name: {"readers": script_for(readers, folder, f"readers-{name}", front.header), "crawlers": crawlers}
                   for name, (readers, crawlers) in drawn.items()}
        ports = [("gunicorn", server.port)] + ([("through Varnish", front.port)] if args.varnish else [])
        for name, port in ports:
            ceilings[name] = [_ceiling(port)]
        phase(front, scripts["cold"], args.warmup, args.crawl_rate)
        results["warm"] = phase(front, scripts["warm"], args.seconds, args.crawl_rate)
        stop = threading.Event()
        editor = threading.Thread(target=editor_loop, args=(front, stop, args.interval, report))
        editor.start()
        try:
            results["during edits"] = phase(front, scripts["edits"], args.seconds, args.crawl_rate)
        finally:
            stop.set()
            editor.join(60)
        for name, port in ports:  # again after the phases: the machine's load may have moved meanwhile
            ceilings[name].append(_ceiling(port))
    ceiling = sum(ceilings["through Varnish" if args.varnish else "gunicorn"]) / 2

    if args.redis:  # leave the shared Redis as it was
        import redis

        client = redis.Redis.from_url(args.redis)
        scan = client.scan_iter(match=f"{env['MASTHEAD_CACHE_PREFIX']}:*", count=1000)
        for batch in iter(lambda: [key for _, key in zip(range(1000), scan)], []):
            client.delete(*batch)
    backend = "SQLite" if args.database == "sqlite" else "PostgreSQL"
    cache = "Redis" if args.redis else "file cache"
    print(f"\n{date.today()}  {args.articles:,} articles, {backend}, {cache}, gunicorn 2 workers"
          f"{', Varnish in front' if args.varnish else ''}; readers "
          f"{READER_CONNECTIONS} connections + a crawler at {args.crawl_rate:g} req/s, "
          f"{args.warmup} s cold start, "
          f"{args.seconds} s per phase, an edit every {args.interval:g} s during edits\n")
    for name, (before, after) in ceilings.items():
        print(f"ceiling (minimal view, {READER_CONNECTIONS} connections, {name}): {(before + after) / 2:,.1f} req/s "
              f"(the mean of {before:,.1f} before the phases and {after:,.1f} after)")
    other = "previous copies" if not args.varnish else "other"
    print(f"\n| phase | req/s | % of ceiling | readers' hits | crawlers' hits | readers' {other} | "
          "p99 ms (readers / crawlers) | errors |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|")
    for name, result in results.items():
        readers, crawlers = result["readers"], result["crawlers"]
        rps = readers["rps"] + crawlers["rps"]
        print(f"| {name} | {rps:,.1f} | {100 * rps / ceiling:.1f} | "
              f"{100 * readers['hits'] / max(1, readers['answers']):.1f} % | "
              f"{100 * crawlers['hits'] / max(1, crawlers['answers']):.1f} % | "
              f"{100 * readers['other'] / max(1, readers['answers']):.2f} % | "
              f"{readers['p99']:.1f} / {crawlers['p99']:.1f} | {readers['errors'] + crawlers['errors']} |")
    saves = sorted(report["save ms"]) or [float("nan")]
    print(f"\neditor's changes {report['changes']} (save with its renders on commit: median "
          f"{saves[len(saves) // 2]:.0f} ms, worst {saves[-1]:.0f} ms); pages checked right after "
          f"{report['checked']}, previous copy first {report['previous copy first']}, "
          f"stale past MASTHEAD_STALE_SECONDS {report['stale']}")


def _ceiling(port):
    """The minimal view's requests/s at the readers' connections, 10 s."""
    warm(Front(port, ""), "/__ceiling__/", 20)
    out = subprocess.run(["wrk", "-t1", f"-c{READER_CONNECTIONS}", "-d10s", "--latency",
                          f"http://127.0.0.1:{port}/__ceiling__/"], capture_output=True, text=True, check=True).stdout
    return parse_wrk(out)[0]


def _editing_through(front, varnish):
    """The editor (this process) renders pages again for the host readers use, and purges Varnish."""
    from django.conf import settings

    settings.MASTHEAD_BASE_URL = front.url("")
    if varnish:
        settings.MASTHEAD_VARNISH_URLS = [front.url("/")]
        settings.MASTHEAD_PURGERS = [*settings.MASTHEAD_PURGERS, "articles.varnish.VarnishPurger"]


if __name__ == "__main__":
    main()
