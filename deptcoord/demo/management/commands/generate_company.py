"""Build a large, deterministic company for benchmarks (the generator lives in demo/generator)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone


class Command(BaseCommand):
    help = "Generate a company of size S, M or L with the given seed into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=["S", "M", "L"], default="M")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args, size, seed, quiet, **options):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        from deptcoord.demo.generator.context import Context
        from deptcoord.demo.generator.scale import SIZES
        from deptcoord.demo.generator.stages import generate
        from deptcoord.org.models import Person

        if Person.objects.exists():
            raise CommandError("The database already holds people: generate into an empty one.")
        context = Context(scale=SIZES[size], seed=seed, today=timezone.localdate())
        began = time.perf_counter()
        if quiet:
            counts = generate(context)
        else:
            columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
            with Progress(*columns) as progress:

                def on_stage(name, expected):
                    task = progress.add_task(name, total=expected)
                    return lambda made: progress.advance(task, made)

                counts = generate(context, on_stage)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # the statistics autovacuum gathers after a load
                cursor.execute("ANALYZE")
        seconds = time.perf_counter() - began
        for name, count in counts.items():
            self.stdout.write(f"{name:>14}: {count:>9,}  {context.seconds[name]:>6.1f} s")
        self.stdout.write(
            self.style.SUCCESS(f"Size {size}, seed {seed}: built in {seconds:.0f} s.")
        )
