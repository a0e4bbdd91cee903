"""Department-wide settings kept in the database, shared by every laptop and the CLI.

Two administrators may have the settings page open on two laptops. Each setting (one
row per key) carries a version, created at 1 and bumped by every change; the page
names the version it showed (0: the key was not stored yet), and a change based on an
older one is refused with the value saved now
(:class:`~cs_trainer.services.versions.StaleRecordError`). One version per key: two
people changing two different settings do not overwrite each other, so neither is
refused.
"""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from cs_trainer import changes
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.services import audit, permissions
from cs_trainer.services.candidates import RETENTION_SETTING
from cs_trainer.services.permissions import CONTENT_VIEW, SETTINGS_CHANGE
from cs_trainer.services.printable_text import refuse_unprintable_text
from cs_trainer.services.versions import StaleRecordError, is_stale
from cs_trainer.store.database import Database
from cs_trainer.store.models import AppSetting

ORGANISATION = "organisation"

# How a message names each department setting, and the values that are codes; the
# settings page's labels say the same (a test keeps every department setting here).
TITLES: dict[str, Text] = {
    ORGANISATION: Text(zh="单位名称", en="Organisation name"),
    "typing_pass_mark": Text(zh="打字测试合格线", en="Typing test pass mark"),
    "show_results_to_candidates": Text(zh="向候选人显示的结果", en="Results shown to candidates"),
    RETENTION_SETTING: Text(zh="候选人资料保存期限（月）", en="Keep candidates' data for (months)"),
    "idle_lock_minutes": Text(zh="空闲多久后锁定（分钟）", en="Lock when idle after (minutes)"),
    "backup.keep_daily": Text(zh="每日备份保留（天）", en="Keep daily backups for (days)"),
    "backup.keep_weekly": Text(zh="每周备份保留（周）", en="Keep weekly backups for (weeks)"),
    "backup.keep_monthly": Text(zh="每月备份保留（月）", en="Keep monthly backups for (months)"),
}
VALUE_NAMES: dict[str, dict[str, Text]] = {
    "show_results_to_candidates": {
        "none": Text(zh="不显示：只显示致谢", en="Nothing: a thank-you only"),
        "scores": Text(zh="本人的分数", en="Their scores"),
        "scores_and_verdict": Text(
            zh="本人的分数和结论（档次、是否通过）",
            en="Their scores and the verdict (band, passed)",
        ),
    },
}
_EMPTY = Text(zh="（空）", en="(empty)")
_NOT_SET = Text(zh="（未设置）", en="(not set)")


@dataclass(frozen=True)
class StoredSetting:
    """A setting as saved: its text (None: never stored) and the version a save names."""

    value: str | None
    version: int  # 0 while the key was never stored


@permissions.requires(CONTENT_VIEW)
def get_setting(db: Database, key: str, default: str = "") -> str:
    with db.reading() as session:
        row = session.get(AppSetting, key)
        return row.value if row is not None else default


@permissions.requires(CONTENT_VIEW)
def read_setting(db: Database, key: str) -> StoredSetting:
    """A setting with its version, for a page that may save it later."""
    with db.reading() as session:
        row = session.get(AppSetting, key)
        return StoredSetting(row.value, row.version) if row is not None else StoredSetting(None, 0)


@permissions.requires(SETTINGS_CHANGE)
def set_setting(db: Database, key: str, value: str, seen_version: int | None = None) -> int:
    """Change a setting (an admin's), with its audit row: the value before and after;
    return the setting's version now.

    ``seen_version`` is the version the page showed (None: change it as it is, e.g.
    the CLI); a change based on an older one is refused, naming the value saved now.
    """
    if key == ORGANISATION:  # printed at the top of every sheet
        refuse_unprintable_text(TITLES[ORGANISATION].en, TITLES[ORGANISATION].zh, value)
    with db.writing(changes.SETTINGS) as session:
        return store_setting(
            session, key, value, action="setting.change", seen_version=seen_version
        )


def store_setting(
    session: Session, key: str, value: str, *, action: str, seen_version: int | None = None
) -> int:
    """Write a setting in ``session`` and audit it as ``action`` (the caller checked
    the permission: a pass mark is content, the organisation's name a setting); return
    its version now."""
    row = check_version(session, key, seen_version)
    before = row.value if row is not None else None
    if row is not None and before == value:
        return row.version  # saving the Settings page unchanged is no change: nothing to audit
    if row is None:
        row = AppSetting(key=key, value=value, version=1)
        session.add(row)
    else:
        row.value = value
        row.version += 1
    audit.record(session, action, f"setting:{key}", before={key: before}, after={key: value})
    return row.version


@permissions.requires(CONTENT_VIEW)
def refuse_stale(db: Database, seen_versions: dict[str, int]) -> None:
    """Refuse, before anything is written, a save of several settings of which one was
    changed since the page read it (each save checks its own key again as it writes)."""
    with db.reading() as session:
        for key, seen in seen_versions.items():
            check_version(session, key, seen)


def check_version(session: Session, key: str, seen_version: int | None) -> AppSetting | None:
    """The setting's row (None: not stored yet), once a change based on version
    ``seen_version`` may be written over it; otherwise refused with the value now."""
    row = session.get(AppSetting, key)
    if not is_stale(row.version if row is not None else 0, seen_version):
        return row
    title = TITLES.get(key, Text(zh=key, en=key))
    now_en, now_zh = _shown(key, row.value if row is not None else None)
    raise StaleRecordError(
        "someone else changed the setting {title_en} after you opened the settings: it is"
        " now {value_en}. Nothing was saved; the settings page shows the value saved now",
        "在您打开设置之后，有人修改了设置“{title_zh}”：现在是{value_zh}。本次没有保存，"
        "设置页面显示的是现在保存的值",
        title_en=f"“{title.en}”",
        title_zh=title.zh,
        value_en=now_en,
        value_zh=now_zh,
    )


def _shown(key: str, value: str | None) -> tuple[str, str]:
    """A stored value as a message shows it (English, Chinese): codes by their names."""
    if value is None:
        return _NOT_SET.en, _NOT_SET.zh
    if not value.strip():
        return _EMPTY.en, _EMPTY.zh
    name = VALUE_NAMES.get(key, {}).get(value)
    if name is not None:
        return f"“{name.en}”", f"“{name.zh}”"
    return f"“{value}”", f"“{value}”"


@permissions.requires(CONTENT_VIEW)
def organisation_name(db: Database) -> str:
    """The name printed at the top of every sheet."""
    return get_setting(db, ORGANISATION)
