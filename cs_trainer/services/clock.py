"""Time as stored (naive UTC) and as shown (the machine's local time)."""

from datetime import UTC, date, datetime, time


def utc_now() -> datetime:
    """Now, as the naive UTC timestamp every table stores."""
    return datetime.now(UTC).replace(tzinfo=None)


def local_time(stored: datetime) -> datetime:
    """A stored naive-UTC timestamp in the machine's local time zone, for display."""
    return stored.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def local_date(stored: datetime) -> date:
    return local_time(stored).date()


def utc_start_of(day: date) -> datetime:
    """The stored (naive UTC) instant at which a local calendar day begins."""
    return datetime.combine(day, time.min).astimezone(UTC).replace(tzinfo=None)


def utc_end_of(day: date) -> datetime:
    """The stored (naive UTC) instant at which a local calendar day ends."""
    return datetime.combine(day, time.max).astimezone(UTC).replace(tzinfo=None)
