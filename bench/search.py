"""Benchmark: the search page over 100,000 indexed records on SQLite.

    python bench/search.py [--entries 100000] [--runs 60] [--seed 8]

Builds a company in a temporary SQLite database (30 departments with three teams each, 2,000
people) and notes in every department, written from a Vietnamese vocabulary with a few very
common words (so that some searches match tens of thousands of notes) and many rare ones; every
note is in the search index. Then times the search page as the server sees it (the request
through every middleware, without a network) for an administrator and for a coordinator, over a
mix of common, rare and prefix searches typed without diacritics. Prints the median and p95 and
writes them to bench/results/search.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote_plus

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))
from bench.goal_tree import _django, _organisation, _viewer  # noqa: E402

RESULTS = REPOSITORY / "bench" / "results" / "search.json"
COMMON = ["kế hoạch", "khách hàng", "sản phẩm", "doanh số", "tuần này", "báo cáo"]
VOCABULARY = (
    "ra mắt loa thông minh đại lý miền bắc miền nam chiết khấu bảo hành tổng đài phiếu hỗ trợ "
    "quảng cáo truyền thông chiến dịch ngân sách hợp đồng nhà cung cấp linh kiện sản xuất kiểm "
    "định chất lượng giá bán lẻ khuyến mãi sự kiện báo chí đối tác siêu thị cửa hàng trực tuyến "
    "thương mại điện tử đánh giá phản hồi đào tạo nhân viên tuyển dụng lương thưởng kế toán hóa "
    "đơn thanh toán công nợ vận chuyển kho hàng tồn kho dự báo mục tiêu tiến độ rủi ro quyết định "
    "cuộc họp biên bản hành động hạn chót ưu tiên khẩn cấp Hà Nội Đà Nẵng Cần Thơ Hải Phòng"
)
WORDS = VOCABULARY.split(" ")
QUERIES = [
    "ke hoach",  # in about a third of the notes
    "khach hang",
    "bao cao tuan nay",
    "chiet khau dai ly",
    "da nang",
    "hop dong nha cung",  # the last word as a prefix
    "ban le khuyen mai",
    f"ma so {7}",  # rare: one note
    "zzz khong co",  # nothing
]


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--output", type=Path, default=RESULTS)
    return parser.parse_args()


def _text(rng: random.Random, length: int) -> str:
    words = [rng.choice(WORDS) for _ in range(length)]
    if rng.random() < 0.35:
        words.insert(rng.randrange(len(words)), rng.choice(COMMON))
    return " ".join(words)


def _notes(count: int, rng: random.Random, organisation) -> None:
    """Notes in every department and team, and their search entries (as the services index)."""
    from deptcoord.records.models import Note
    from deptcoord.search.models import SearchEntry, SearchText
    from deptcoord.search.text_search import normalise

    departments, teams, people, _homes = organisation
    places = departments + teams
    batch = 5000
    for start in range(0, count, batch):
        notes = Note.objects.bulk_create(
            Note(
                department=rng.choice(places),
                author=rng.choice(people),
                title=f"{_text(rng, rng.randint(3, 7)).capitalize()} · mã số {number}",
                body=_text(rng, rng.randint(30, 90)),
                is_private=rng.random() < 0.05,
            )
            for number in range(start, min(count, start + batch))
        )
        entries = SearchEntry.objects.bulk_create(
            SearchEntry(
                kind="note",
                object_id=note.pk,
                department_id=note.department_id,
                title_en=note.title,
                url=f"/records/notes/{note.pk}/",
            )
            for note in notes
        )
        SearchText.objects.bulk_create(
            SearchText(
                entry=entry,
                body=note.body,
                title_text=normalise(note.title),
                body_text=normalise(note.body),
            )
            for entry, note in zip(entries, notes, strict=True)
        )


def _time(user, runs: int) -> dict:
    from django.test import Client

    client = Client()
    client.force_login(user)
    urls = [f"/records/?q={quote_plus(query)}" for query in QUERIES]
    for url in urls:  # warm the caches and the templates
        assert client.get(url).status_code == 200
    timings, per_query = [], {query: [] for query in QUERIES}
    for run in range(runs):
        query = QUERIES[run % len(QUERIES)]
        began = time.perf_counter()
        response = client.get(f"/records/?q={quote_plus(query)}")
        elapsed = (time.perf_counter() - began) * 1000
        assert response.status_code == 200
        timings.append(elapsed)
        per_query[query].append(elapsed)
    timings.sort()
    return {
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[min(len(timings) - 1, int(0.95 * len(timings)))], 1),
        "max_ms": round(timings[-1], 1),
        "median_per_query_ms": {
            query: round(statistics.median(values), 1) for query, values in per_query.items()
        },
    }


def _matches(query: str) -> int:
    from deptcoord.access import RoleFacts
    from deptcoord.search.query import search

    return search(RoleFacts(person_id=0, is_admin=True), query).total


def main() -> int:
    """Build the company and its notes, time the searches, print and save the figures."""
    options = _arguments()
    rng = random.Random(options.seed)
    with tempfile.TemporaryDirectory() as directory:
        _django(directory)
        organisation = _organisation(rng)
        began = time.perf_counter()
        _notes(options.entries, rng, organisation)
        built = time.perf_counter() - began
        result = {
            "entries": options.entries,
            "index_build_seconds": round(built, 1),
            "runs": options.runs,
            "python": platform.python_version(),
            "database": "SQLite (FTS5)",
            "matches_per_query": {query: _matches(query) for query in QUERIES},
            "viewers": {
                role: _time(_viewer(role, organisation[0]), options.runs)
                for role in ("admin", "coordinator")
            },
        }
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    for role, figures in result["viewers"].items():
        print(
            f"search over {options.entries:,} entries as {role}: median {figures['median_ms']} ms, "
            f"p95 {figures['p95_ms']} ms (target p95 ≤ 150 ms)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
