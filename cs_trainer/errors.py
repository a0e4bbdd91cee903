"""Problems the user can understand and fix, as opposed to bugs.

Anything raised as a :class:`UserError` is shown as plain sentences in the user's
language (a line on stderr, a message in the GUI) and never as a traceback. Every
other exception is a bug and reaches the crash report.

A message is written in English and Chinese where it is raised, as templates with
named placeholders; it is put together when it is shown, in the language the user
sees then (:mod:`cs_trainer.language`). Messages name things by their titles, and
never carry a person's name, phone or notes: they end up in logs.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import NoReturn

from cs_trainer import language
from cs_trainer.language import Language


@dataclass(frozen=True)
class Message:
    """One message in both languages, with ``{name}`` placeholders filled on display."""

    en: str
    zh: str
    params: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    def render(self, lang: Language | None = None) -> str:
        template = self.zh if (lang or language.current()) == "zh" else self.en
        return template.format(**self.params) if self.params else template


def message(en: str, zh: str, **params: object) -> "Message":
    return Message(en, zh, MappingProxyType(params))


@dataclass(frozen=True)
class Problem:
    """One located problem in a file a person wrote: ``FILE:ROW[:COLUMN]: message``."""

    where: str
    what: Message

    def render(self, lang: Language | None = None) -> str:
        return f"{self.where}: {self.what.render(lang)}"


class UserError(Exception):
    """A known problem caused by input or environment, with a readable message.

    ``UserError(en, zh, **params)``: both templates are required of new code (a test
    walks every raise); ``zh`` may be omitted only by code not yet translated.
    """

    def __init__(self, en: str, zh: str | None = None, /, **params: object) -> None:
        self.text = message(en, zh if zh is not None else en, **params)
        super().__init__(en)

    def message(self, lang: Language | None = None) -> str:
        return self.text.render(lang)

    def __str__(self) -> str:
        return self.message()


def refuse_write(path: object, exc: OSError) -> NoReturn:
    """A file the user asked for could not be written (a missing folder, no permission,
    a full disk): their own message, naming the file and the system's reason."""
    raise UserError(
        "cannot write {path}: {reason}",
        "无法写入 {path}：{reason}",
        path=str(path),
        reason=exc.strerror or str(exc),
    ) from exc


class NotFoundError(UserError):
    """A record named by the user (candidate ID, attempt ID) does not exist."""


class InvalidAnswersError(UserError):
    """Answers that cannot be scored: out of range, missing, unknown or not integers."""


class ConsentMissingError(UserError):
    """Personal data was about to be stored without the person's recorded consent."""


class SignInRequiredError(UserError):
    """Accounts exist and nobody is signed in (or the account was disabled meanwhile)."""


class PermissionDeniedError(UserError):
    """The signed-in account's role may not do what was asked (docs/roles.md)."""


class SignInRefusedError(UserError):
    """A sign-in was refused: wrong name or secret, a disabled account, or too many tries."""


class AuditTrailError(UserError):
    """The audit trail was changed or has rows missing (``cs-trainer audit verify``)."""


class ContentError(UserError):
    """A content file (instrument, bank, scenario) is malformed.

    Carries every problem found, each located as ``FILE:ROW[:COLUMN]``, so the GUI
    can list them in a scrollable dialog and the CLI print the first ones.
    """

    def __init__(
        self, en: str | Sequence[Problem], zh: str | None = None, /, **params: object
    ) -> None:
        if isinstance(en, str):
            super().__init__(en, zh, **params)
            self.problems: tuple[Problem, ...] = ()
        else:
            super().__init__("{count} problems", "{count} 处问题", count=len(en))
            self.problems = tuple(en)

    def message(self, lang: Language | None = None) -> str:
        if self.problems:
            return "\n".join(problem.render(lang) for problem in self.problems)
        return super().message(lang)


class EnvironmentProblem(UserError):
    """The computer, not the input, stopped the work: disk, permissions, locks, files.

    Each subclass says what happened and what to do; the work was refused as a
    whole, so nothing already saved was lost.
    """


class DiskFullError(EnvironmentProblem):
    def __init__(self, where: str) -> None:
        super().__init__(
            "The disk holding {where} is full. Free some disk space and try again; "
            "nothing already saved was lost.",
            "保存 {where} 的磁盘已满。请腾出一些磁盘空间后重试；已保存的内容没有丢失。",
            where=where,
        )


class ReadOnlyError(EnvironmentProblem):
    def __init__(self, where: str) -> None:
        super().__init__(
            "{where} can only be read, not written (a read-only file or folder, or no "
            "permission). Ask for write access or choose another place; nothing already "
            "saved was lost.",
            "{where} 只能读取、不能写入（文件或文件夹是只读的，或没有权限）。"
            "请取得写入权限或换一个位置；已保存的内容没有丢失。",
            where=where,
        )


class DatabaseBusyError(EnvironmentProblem):
    def __init__(self, where: str, seconds: int) -> None:
        super().__init__(
            "The database {where} is busy: another window, program or computer has kept "
            "it locked for more than {seconds} seconds. Try again in a moment; nothing "
            "already saved was lost.",
            "数据库 {where} 正忙：另一个窗口、程序或电脑锁定它已超过 {seconds} 秒。"
            "请稍后重试；已保存的内容没有丢失。",
            where=where,
            seconds=seconds,
        )


class DiskIOError(EnvironmentProblem):
    def __init__(self, where: str) -> None:
        super().__init__(
            "The disk reported a read or write error on {where}. Check the disk, USB "
            "stick or network drive and try again; nothing already saved was lost.",
            "读写 {where} 时磁盘报告了错误。请检查磁盘、U 盘或网络驱动器后重试；"
            "已保存的内容没有丢失。",
            where=where,
        )


class MissingPathError(EnvironmentProblem):
    def __init__(self, where: str) -> None:
        super().__init__(
            "{where} does not exist (any more): a folder was moved or a drive removed. "
            "Check it or choose another place; nothing already saved was lost.",
            "{where} 不存在（或已不存在）：文件夹被移动或驱动器被拔出。请检查或换一个位置；"
            "已保存的内容没有丢失。",
            where=where,
        )


class FileProblemError(EnvironmentProblem):
    """Any other refusal by the operating system, named by its error code."""

    def __init__(self, where: str, code: str) -> None:
        super().__init__(
            "The computer refused to use {where} ({code}). Check the file and its folder "
            "and try again; nothing already saved was lost.",
            "电脑拒绝使用 {where}（{code}）。请检查该文件及其文件夹后重试；已保存的内容没有丢失。",
            where=where,
            code=code,
        )


class DatabaseProblemError(UserError):
    """The database cannot be opened or is not a cs_trainer database; it is left untouched."""


class CannotOpenDatabaseError(DatabaseProblemError):
    def __init__(self, where: str) -> None:
        super().__init__(
            "Cannot open the database {where}. Check that the file or server exists and "
            "that you may use it; nothing was changed.",
            "无法打开数据库 {where}。请确认文件或服务器存在，并且你有权使用它；没有做任何改动。",
            where=where,
        )


class DamagedDatabaseError(DatabaseProblemError):
    """``backup``: the newest backup that passed its check, offered for a restore;
    ``looked``: whether the backups were looked at (damage found mid-session is reported
    without looking, and then names none)."""

    def __init__(self, where: str, backup: Path | None = None, looked: bool = False) -> None:
        self.backup = backup
        if backup is None and not looked:
            super().__init__(
                "The database {where} is damaged; it was left unchanged. Restore it from a "
                "backup, or ask whoever looks after this computer.",
                "数据库 {where} 已损坏，未做任何改动。请从备份恢复，或联系负责这台电脑的人。",
                where=where,
            )
            return
        if backup is None:
            super().__init__(
                "The database {where} is damaged; it was left unchanged. There is no good "
                "backup beside it: ask whoever looks after this computer, or quit.",
                "数据库 {where} 已损坏，未做任何改动。旁边没有完好的备份：请联系负责这台电脑的人，"
                "或者退出。",
                where=where,
            )
            return
        super().__init__(
            "The database {where} is damaged; it was left unchanged. The newest good backup "
            'is {backup}: restore it with cs-trainer restore "{backup}", or quit.',
            "数据库 {where} 已损坏，未做任何改动。最新的完好备份是 {backup}：可用 "
            'cs-trainer restore "{backup}" 恢复，或者退出。',
            where=where,
            backup=str(backup),
        )


class ForeignDatabaseError(DatabaseProblemError):
    def __init__(self, where: str) -> None:
        super().__init__(
            "{where} holds another program's tables and is not a cs_trainer database; "
            "nothing was added to it. Choose another file.",
            "{where} 存有其他程序的数据表，不是 cs_trainer 的数据库；没有向其中写入任何"
            "内容。请选择另一个文件。",
            where=where,
        )


class NewerSchemaError(DatabaseProblemError):
    def __init__(self, where: str, revision: str) -> None:
        super().__init__(
            "The database {where} was upgraded by a newer version of cs_trainer (schema "
            "{revision}); it was left unchanged. Install that newer version to open it.",
            "数据库 {where} 已被更新版本的 cs_trainer 升级（结构版本 {revision}），未做任何"
            "改动。请安装那个更新的版本来打开它。",
            where=where,
            revision=revision,
        )


class Interrupted(Exception):
    """The user cancelled; not an error to show.

    Raised by slow work (a batch export) when it sees its cancel flag between two
    steps. Deliberately not a :class:`UserError`: the GUI's error display and the
    command line treat it as a quiet stop, and whatever the work had finished stays
    complete (each file is written atomically).
    """
