"""The arithmetic of capacity (``org.working_hours``): pure, no database."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from deptcoord.org import working_hours as wh

MONDAY = date(2027, 3, 1)
MON_FRI = frozenset(range(5))


def test_digits_give_weekdays_and_no_digits_give_no_working_day():
    assert wh.weekdays_from_digits("12345") == MON_FRI
    assert wh.weekdays_from_digits("123456") == frozenset(range(6))
    assert wh.weekdays_from_digits("7") == frozenset({6})
    assert wh.weekdays_from_digits("") == frozenset()
    assert wh.weekdays_from_digits(None) == frozenset()
    assert wh.weekdays_from_digits("089") == frozenset()


def test_the_weekly_hours_spread_over_the_working_weekdays():
    assert wh.hours_per_day(40, MON_FRI) == 8.0
    assert wh.hours_per_day(20, frozenset({0, 2})) == 10.0  # a part-timer on Mon and Wed
    assert wh.hours_per_day(40, frozenset()) == 0.0


def test_days_off_time_away_and_busy_time_leave_the_hours_of_a_week():
    hours = wh.available_hours(
        first=MONDAY,
        last=MONDAY + timedelta(days=6),
        weekly_hours=40,
        weekdays=MON_FRI,
        days_off={MONDAY},  # a public holiday
        away={MONDAY + timedelta(days=2)},
        busy={MONDAY + timedelta(days=1): 2.0, MONDAY + timedelta(days=2): 3.0},
    )
    assert hours == {
        MONDAY + timedelta(days=1): 6.0,
        MONDAY + timedelta(days=3): 8.0,
        MONDAY + timedelta(days=4): 8.0,
    }


def test_busy_time_past_a_days_hours_leaves_none_and_takes_nothing_elsewhere():
    hours = wh.available_hours(
        first=MONDAY,
        last=MONDAY + timedelta(days=1),
        weekly_hours=40,
        weekdays=MON_FRI,
        busy={MONDAY: 10.0},
    )
    assert hours == {MONDAY + timedelta(days=1): 8.0}


def test_a_saturday_worker_has_hours_on_saturday_and_no_working_day_means_no_hours():
    week = {"first": MONDAY, "last": MONDAY + timedelta(days=6), "weekly_hours": 48}
    saturday = wh.available_hours(**week, weekdays=frozenset(range(6)))
    assert saturday[MONDAY + timedelta(days=5)] == 8.0 and len(saturday) == 6
    assert wh.available_hours(**week, weekdays=frozenset()) == {}


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)),
    st.integers(min_value=-3, max_value=400),
)
def test_working_days_between_counts_mondays_to_fridays(first, length):
    last = first + timedelta(days=length)
    expected = sum(1 for n in range(length + 1) if (first + timedelta(days=n)).weekday() < 5)
    assert wh.count_working_days(first, last, MON_FRI, frozenset()) == expected


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)),
    st.integers(min_value=-3, max_value=120),
    st.frozensets(st.integers(0, 6)),
    st.frozensets(st.dates(min_value=date(2019, 12, 1), max_value=date(2030, 6, 1)), max_size=8),
)
def test_the_count_of_working_days_matches_walking_them(first, length, weekdays, days_off):
    last = first + timedelta(days=length)
    walked = wh.working_days(first, last, weekdays, days_off)
    assert wh.count_working_days(first, last, weekdays, days_off) == len(walked)


def test_effort_is_spread_over_the_assignees_own_working_days():
    saturday_worker = frozenset({1, 2, 3, 4, 5})  # Tuesday to Saturday
    spread = wh.effort_by_day(
        10,
        MONDAY,
        MONDAY + timedelta(days=6),
        weekdays=saturday_worker,
        days_off=frozenset(),
        window=(MONDAY, MONDAY + timedelta(days=6)),
    )
    assert [day.weekday() for day, _share in spread] == [1, 2, 3, 4, 5]
    assert all(share == 2.0 for _day, share in spread)


def test_effort_outside_the_window_is_not_counted_and_a_step_without_working_days_lands_last():
    two_weeks = (MONDAY, MONDAY + timedelta(days=13))
    spread = wh.effort_by_day(
        20, MONDAY, two_weeks[1], weekdays=MON_FRI, days_off=frozenset(), window=(MONDAY, MONDAY)
    )
    assert spread == [(MONDAY, 2.0)]
    nobody = wh.effort_by_day(
        8,
        MONDAY,
        MONDAY + timedelta(days=2),
        weekdays=frozenset(),
        days_off=set(),
        window=two_weeks,
    )
    assert nobody == [(MONDAY + timedelta(days=2), 8.0)]
