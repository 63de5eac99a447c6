"""The app shell: data loading and polling, the main areas, and the record operations.

Every screen reads ``app.data`` (a reactive DataSet) and asks the app to create, edit,
delete, open and show the history of records; the app runs every Workspace call in a
thread worker, one at a time (a lock), so the UI thread never waits for the disk.
Other sessions' saves show up through polling ``workspace.generation``.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.reactive import var
from textual.screen import ModalScreen, Screen

from itsms_tui.resources import styles_dir
from itsms_tui.services.errors import (
    EXPECTED_ERRORS,
    RecordNotFoundError,
    StaleRevisionError,
    StillReferencedError,
    UserError,
    describe,
)
from itsms_tui.services.loading import reporting
from itsms_tui.services.preferences import (
    DARK_THEME,
    LIGHT_THEME,
    Preferences,
    load_preferences,
    save_preferences,
)
from itsms_tui.ui.navigation import AREAS, BY_MODE, mode_for_record
from itsms_tui.ui.palette import RecordCommands
from itsms_tui.ui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from itsms_tui.ui.terminal_watch import WATCH_SECONDS, terminal_fd, terminal_gone
from itsms_tui.ui.widgets.status_header import StatusHeader

if TYPE_CHECKING:
    # The models, the checker's settings and the workspace are imported by the load
    # worker, after the first frame (about half a second of a large file's start-up).
    from itsms_tui.compliance.settings import CheckSettings
    from itsms_tui.domain.dataset import DataSet
    from itsms_tui.domain.kpi_status import KpiReading
    from itsms_tui.domain.record import Record
    from itsms_tui.services.workspace import Workspace
    from itsms_tui.ui.forms import RecordForm

T = TypeVar("T")

POLL_SECONDS = 2.0
SAVING_NOTICE_SECONDS = 0.3
"""A write still running after this long shows "Saving…" until it ends."""
TERMINAL_GONE_EXIT = 2
OPEN_FAILED_EXIT = 2
"""The command line's exit code for a data file it cannot use (``EXIT_BAD``)."""
UNEXPECTED_ERROR_EXIT = 2
BLOCKERS_SHOWN = 10
"""Records listed when a delete is refused (the dialog fits 80x24; the rest are counted)."""


@dataclass(frozen=True, slots=True)
class Loaded:
    """What a load worker hands to the UI thread: the data and what is derived from it."""

    data: DataSet
    generation: int
    settings: CheckSettings
    readings: dict[str, KpiReading]


def _no_data() -> DataSet:
    """``app.data`` before the first load: an empty data set (screens wait for ``loaded``)."""
    from itsms_tui.domain.dataset import DataSet

    return DataSet()


def _default_settings() -> CheckSettings:
    from itsms_tui.compliance.settings import CheckSettings

    return CheckSettings()


def _stylesheets() -> list[str | PurePath]:
    """``app.tcss`` first, then every other stylesheet (one per screen) in name order."""
    folder = styles_dir()
    first = folder / "app.tcss"
    others: list[str | PurePath] = sorted(p for p in folder.glob("*.tcss") if p != first)
    return [first, *others] if first.exists() else others


def _overview() -> Screen[Any]:
    from itsms_tui.ui.screens.overview import OverviewScreen

    return OverviewScreen()


def _suppliers() -> Screen[Any]:
    from itsms_tui.ui.screens.suppliers import SuppliersScreen

    return SuppliersScreen()


def _agreements() -> Screen[Any]:
    from itsms_tui.ui.screens.agreements import AgreementsScreen

    return AgreementsScreen()


def _kpis() -> Screen[Any]:
    from itsms_tui.ui.screens.kpis import KpiBoardScreen

    return KpiBoardScreen()


def _plan() -> Screen[Any]:
    from itsms_tui.ui.screens.plan import PlanScreen

    return PlanScreen()


def _compliance() -> Screen[Any]:
    from itsms_tui.ui.screens.compliance import ComplianceScreen

    return ComplianceScreen()


WARM_UP_MODULES: tuple[str, ...] = (
    "itsms_tui.ui.screens.suppliers",
    "itsms_tui.ui.screens.agreements",
    "itsms_tui.ui.screens.kpis",
    "itsms_tui.ui.screens.plan",
    "itsms_tui.ui.screens.compliance",
    "itsms_tui.ui.forms",
)
"""Imported in the background once the data is shown: a third of a screen's first
opening was importing its code (the Plan screen's registers, tabs and detail builders)."""


class ItsmsApp(App[None]):
    """The itsms-tui application; build it with ``make_app``."""

    TITLE = "itsms-tui"
    CSS_PATH = _stylesheets()
    COMMANDS = App.COMMANDS | {RecordCommands}
    DEFAULT_MODE: ClassVar[str] = "overview"
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        "overview": _overview,
        "plan": _plan,
        "suppliers": _suppliers,
        "agreements": _agreements,
        "kpis": _kpis,
        "compliance": _compliance,
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "show_keys", "Keys", key_display="?", id="app.keys"),
        Binding("slash", "filter", "Filter", key_display="/", id="app.filter"),
        Binding("e", "export", "Export", id="app.export"),
        Binding("I", "import_sheet", "Import sheet", show=False, id="app.import_sheet"),
        Binding("t", "toggle_theme", "Theme", id="app.theme"),
        Binding("A", "audit_trail", "Audit trail", id="app.audit_trail"),
        Binding("C", "compare_snapshot", "Compare with snapshot", id="app.compare_snapshot"),
        *(
            Binding(
                area.key,
                f"switch_area('{area.mode}')",
                area.title,
                show=False,
                id=f"app.area.{area.mode}",
            )
            for area in AREAS
        ),
    ]

    data: var[DataSet] = var(_no_data, always_update=True, init=False)
    """Every record, as last loaded; screens watch it and re-render."""

    def __init__(
        self,
        workspace: Workspace | None = None,
        *,
        opener: Callable[[], Workspace] | None = None,
        location: str = "",
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        """``workspace``: an opened one; or ``opener``, called in the load worker after the
        first frame (opening validates every record: seconds on a large file), with
        ``location`` the header shows meanwhile."""
        super().__init__()
        if (workspace is None) == (opener is None):
            raise ValueError("give an opened workspace or an opener, not both")
        self.opened_workspace: Workspace | None = workspace
        """None until the opener has run (the app then shows "Loading")."""
        self._opener = opener
        self.opening_location = location
        self.load_progress = ""
        """What opening the data is doing now (shown beside the location meanwhile)."""
        self.exit_message = ""
        """Set when the data could not be opened: the line ``run_app`` prints."""
        self.poll_seconds = poll_seconds
        self.loaded = False
        """True once the first load finished (screens show "Loading" before)."""
        self._generation: int | None = None
        self._io_lock = threading.Lock()
        self._polling = False
        self._preferences = Preferences()
        self._settings: CheckSettings | None = None
        self._derived: dict[str, Any] = {}
        self.crash_line = ""
        """Set when an unexpected error ended the app: the line ``run_app`` prints."""

    # ------------------------------------------------------------------ state

    @property
    def settings(self) -> CheckSettings:
        """The checker settings saved with the data (review intervals, horizons)."""
        if self._settings is None:
            self._settings = _default_settings()
        return self._settings

    @settings.setter
    def settings(self, value: CheckSettings) -> None:
        self._settings = value

    @property
    def workspace(self) -> Workspace:
        """The opened workspace; only asked for once the data is loaded (``loaded``)."""
        if self.opened_workspace is None:
            raise RuntimeError("the workspace is still being opened")
        return self.opened_workspace

    @property
    def today(self) -> date:
        opened = self.opened_workspace
        return opened.today() if opened is not None else date.today()

    @property
    def read_only(self) -> bool:
        """True while the data is still being opened: nothing can be edited before."""
        opened = self.opened_workspace
        return opened.read_only if opened is not None else True

    def derived(self, name: str, compute: Callable[[], T]) -> T:
        """``compute()`` once per loaded data (e.g. every KPI's reading), shared by screens."""
        if name not in self._derived:
            self._derived[name] = compute()
        result: T = self._derived[name]
        return result

    def kpi_readings(self) -> dict[str, KpiReading]:
        """Every KPI's reading today (domain rule), computed once per data change."""
        from itsms_tui.domain.kpi_status import kpi_readings

        return self.derived(
            "kpi_readings",
            lambda: kpi_readings(
                self.data,
                self.today,
                self.settings.kpi_grace_days,
                self.settings.kpi_grace_fraction,
            ),
        )

    # ------------------------------------------------------------------ start-up

    def on_mount(self) -> None:
        self._guard_size()
        # After the first paint: the frame never waits for the store or the rules.
        self.call_after_refresh(self.load_data)
        self._load_preferences()
        if self.poll_seconds > 0:
            self.set_interval(self.poll_seconds, self._poll)
        self._watch_terminal_start()

    def _fatal_error(self) -> None:
        """An exception nobody expected: exit 2 with one line; the traceback goes to a log.

        Textual would print a traceback with local variables (user data) to the terminal.
        """
        from itsms_tui.services.crash_log import one_line, write_crash_log

        error = self._exception or sys.exc_info()[1] or RuntimeError("unknown error")
        log = write_crash_log(error, list(sys.argv))
        where = f"details in {log}" if log else "no log file could be written"
        self._return_code = UNEXPECTED_ERROR_EXIT
        self.crash_line = f"itsms-tui: unexpected error ({one_line(error)}); {where}"
        self._close_messages_no_wait()

    def _watch_terminal_start(self) -> None:
        """Exit when the terminal goes away without a SIGHUP (see ``terminal_watch``)."""
        fd = None if self.is_headless else terminal_fd()
        if fd is None:
            return

        def check() -> None:
            if terminal_gone(fd):
                self.exit(return_code=TERMINAL_GONE_EXIT)

        self.set_interval(WATCH_SECONDS, check)

    @work(thread=True, group="load", exit_on_error=False)
    def load_data(self) -> None:
        """Load (or reload) every record in a worker, then publish it as ``data``."""
        try:
            with self._io_lock:
                if self.opened_workspace is None and self._opener is not None:
                    try:
                        with reporting(self._report_progress):
                            self.opened_workspace = self._opener()
                    except EXPECTED_ERRORS as error:
                        self.call_from_thread(self._open_failed, describe(error))
                        return
                loaded = self._read_all()
        except EXPECTED_ERRORS as error:
            self.call_from_thread(self._warn, describe(error))
            return
        self.call_from_thread(self._publish, loaded)

    class LoadProgress(Message):
        """How far opening the data got (posted from the load worker)."""

        def __init__(self, phrase: str) -> None:
            super().__init__()
            self.phrase = phrase

    def _report_progress(self, phrase: str) -> None:
        self.post_message(self.LoadProgress(phrase))  # thread-safe, and never waits

    def on_itsms_app_load_progress(self, message: LoadProgress) -> None:
        if self.opened_workspace is None:
            self.load_progress = message.phrase
            for header in self.screen.query(StatusHeader):
                header.refresh()

    def _open_failed(self, message: str) -> None:
        """The data file cannot be used: say so on screen, then end as the command line
        would (exit 2, the same one line on stderr once the terminal is restored)."""
        from itsms_tui.ui.screens.open_failed import OpenFailedScreen

        self.exit_message = f"itsms-tui: {message}"
        self._return_code = OPEN_FAILED_EXIT
        self.push_screen(OpenFailedScreen(message))

    def _read_all(self) -> Loaded:
        """Data, generation, settings and KPI readings (in a worker, holding the lock)."""
        from itsms_tui.compliance.settings import CheckSettings
        from itsms_tui.domain.kpi_status import kpi_readings
        from itsms_tui.services.checking import check_settings  # the checker: not at start-up

        data = self.workspace.data()
        generation = self.workspace.generation
        try:
            settings = check_settings(self.workspace.settings(), source=self.workspace.location)
        except UserError:
            settings = CheckSettings()
        readings = kpi_readings(
            data, self.today, settings.kpi_grace_days, settings.kpi_grace_fraction
        )
        return Loaded(data, generation, settings, readings)

    def _publish(self, loaded: Loaded) -> None:
        first = not self.loaded
        data = loaded.data
        if not first and data is self.data and loaded.generation == self._generation:
            return  # already shown: the poll may see this session's save before its worker
        self._generation = loaded.generation
        self.loaded = True
        self.settings = loaded.settings
        self._derived = {"kpi_readings": loaded.readings}
        self.data = data
        if first:
            self._warm_up()
            self.refresh_bindings()  # editing keys were hidden while the data was opened
            for header in self.screen.query(StatusHeader):
                header.refresh()
        if first and len(data) == 0 and not self.workspace.demo:
            from itsms_tui.ui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen())

    def _poll(self) -> None:
        if self._polling or not self.loaded:
            return
        self._polling = True
        self._check_generation()

    @work(thread=True, group="poll", exit_on_error=False)
    def _check_generation(self) -> None:
        try:
            with self._io_lock:
                generation = self.workspace.generation
                loaded = self._read_all() if generation != self._generation else None
        except EXPECTED_ERRORS as error:
            self.call_from_thread(self._poll_failed, describe(error))
            return
        self.call_from_thread(self._poll_done, loaded)

    def _poll_done(self, loaded: Loaded | None) -> None:
        self._polling = False
        if loaded is not None:
            self._publish(loaded)

    def _poll_failed(self, message: str) -> None:
        self._polling = False
        self._warn(message)

    @work(thread=True, group="warm-up", exit_on_error=False)
    def _warm_up(self) -> None:
        for name in WARM_UP_MODULES:
            importlib.import_module(name)

    @work(thread=True, group="preferences", exit_on_error=False)
    def _load_preferences(self) -> None:
        preferences = load_preferences()
        self.call_from_thread(self._apply_preferences, preferences)

    def _apply_preferences(self, preferences: Preferences) -> None:
        self._preferences = preferences
        if preferences.theme != self.theme:
            self.theme = preferences.theme

    # ------------------------------------------------------------------ size guard

    def on_resize(self, event: events.Resize) -> None:
        self._guard_size(event.size)

    def _guard_size(self, size: Size | None = None) -> None:
        """Cover the screen with a message below the minimum size (``size``: the new one)."""
        size = size or self.size
        small = size.width < MIN_WIDTH or size.height < MIN_HEIGHT
        shown = isinstance(self.screen, TooSmallScreen)
        if small and not shown:
            self.push_screen(TooSmallScreen())
        elif not small and shown:
            self.pop_screen()

    # ------------------------------------------------------------------ messages

    def _warn(self, message: str) -> None:
        self.notify(message, severity="error", markup=False, timeout=8)

    def _say(self, message: str) -> None:
        self.notify(message, markup=False)

    # ------------------------------------------------------------------ workers

    def _run_io(
        self,
        job: Callable[[], T],
        done: Callable[[T], None] | None = None,
        *,
        failed: Callable[[BaseException], bool] | None = None,
        name: str = "io",
    ) -> None:
        """Run ``job`` (a Workspace call) in a thread, reload the data, then ``done`` here.

        ``failed`` may handle an expected error (return True); otherwise it is shown.
        """

        notice = self._progress_notice(name)

        def run() -> None:
            try:
                with self._io_lock:
                    result = job()
                    loaded = self._read_all()
            except EXPECTED_ERRORS as error:
                self.call_from_thread(notice)
                self.call_from_thread(self._io_failed, error, failed)
                return
            self.call_from_thread(notice)
            self.call_from_thread(self._io_done, result, loaded, done)

        self.run_worker(run, name=name, group="io", thread=True)

    def _progress_notice(self, name: str) -> Callable[[], None]:
        """Show "Saving…" if the job outlasts ``SAVING_NOTICE_SECONDS``; returns the ender.

        A slow disk (NFS, a busy host) must not look like a hung app.
        """
        text = {
            "conflict": "",
            "export": "Exporting…",
            "report": "",
            "compare": "Comparing…",
        }.get(name, "Saving…")
        shown: list[Notification] = []

        def show() -> None:
            note = Notification(text, severity="information", timeout=3600, markup=False)
            shown.append(note)
            self.post_message(Notify(note))

        timer = self.set_timer(SAVING_NOTICE_SECONDS, show) if text else None

        def end() -> None:
            if timer is not None:
                timer.stop()
            for note in shown:
                if note in self._notifications:
                    self._unnotify(note)

        return end

    def _io_done(
        self,
        result: T,
        loaded: Loaded,
        done: Callable[[T], None] | None,
    ) -> None:
        self._publish(loaded)
        if done is not None:
            done(result)

    def _io_failed(
        self, error: BaseException, failed: Callable[[BaseException], bool] | None
    ) -> None:
        if failed is not None and failed(error):
            return
        self._warn(describe(error))
        self.load_data()

    def run_service(
        self,
        fn: Callable[..., Any],
        *args: Any,
        success: str | None = None,
        then: Callable[[Any], None] | None = None,
    ) -> None:
        """Run a blocking Workspace call in a worker; notify success or the one-line error.

        ``then`` receives the call's result once the data has been reloaded.
        """

        def done(result: Any) -> None:
            if success:
                self._say(success)
            if then is not None:
                then(result)

        self._run_io(lambda: fn(*args), done, name=getattr(fn, "__name__", "service"))

    # ------------------------------------------------------------------ records

    def choices(self, collection: str) -> list[tuple[str, str]]:
        """Candidates for a reference field: (id, name) of every record of the collection."""
        from itsms_tui.domain.kpis import SUBJECT_PREFIXES

        names = list(SUBJECT_PREFIXES.values()) if collection == "*" else [collection]
        data = self.data
        out: list[tuple[str, str]] = []
        for name in names:
            out.extend((r.id, r.heading) for r in data.collection(name))
        return out

    def narrowed_choices(
        self, model: type[Record], field: str, values: Mapping[str, Any]
    ) -> list[tuple[str, str]] | None:
        """Candidates a rule narrows by the form's other values (a review's agreements)."""
        from itsms_tui.domain.supplier_links import reference_choices

        records = reference_choices(model, field, values, self.data)
        return None if records is None else [(r.id, r.heading) for r in records]

    def create_record(
        self,
        model: type[Record],
        initial: Mapping[str, Any] | None = None,
        *,
        exclude: Collection[str] = (),
        required: Collection[str] = (),
        title: str | None = None,
    ) -> None:
        """Open the form for a new ``model`` record and save it in a worker; once saved,
        the screen it was opened from puts the cursor on it (``select_record``).

        Every register (Suppliers, Agreements, the KPI board, each Plan tab and its child
        tables) creates through here, so a new record starts from the data set's suggested
        values and ends selected the same way everywhere.
        """
        if self._refuse_read_only():
            return
        from itsms_tui.services.form_defaults import suggested_values
        from itsms_tui.ui.forms import RecordForm

        form: RecordForm[Any] = RecordForm(
            model,
            initial={**suggested_values(model, self.data), **(initial or {})},
            choices=self.choices,
            narrow=self.narrowed_choices,
            exclude=exclude,
            required=required,
            title=title,
            submit=self.save_from_form,
        )
        screen = self.screen

        def chosen(saved: Record | None) -> None:
            if saved is not None:
                self._select_created(screen, saved.id)

        self.push_screen(form, chosen)

    def _select_created(self, screen: Screen[Any], record_id: str) -> None:
        """Put the cursor on a record just created, on the screen it was created from.

        The data has been reloaded by then (the screen shows the new row); nothing moves
        when the user has gone to another screen meanwhile.
        """
        select = getattr(screen, "select_record", None)
        if screen is self.screen and select is not None:
            select(record_id)

    def edit_record(
        self,
        record: Record,
        only: set[str] | None = None,
        *,
        exclude: Collection[str] = (),
        title: str | None = None,
        draft: Record | None = None,
    ) -> None:
        """Open the form on ``record``; a stale revision on save opens the conflict dialog.

        ``draft``: the values to start from instead of ``record``'s (a retried edit).
        """
        if self._refuse_read_only():
            return
        from itsms_tui.ui.forms import RecordForm

        form: RecordForm[Any] = RecordForm(
            type(record),
            record,
            choices=self.choices,
            narrow=self.narrowed_choices,
            only=only,
            exclude=exclude,
            title=title,
            draft=draft,
            submit=self.save_from_form,
        )
        self.push_screen(form)

    def form_job(
        self, job: Callable[[Any], Record], success: Callable[[Record], str]
    ) -> Callable[[RecordForm[Any], Any], None]:
        """A form's ``submit`` that runs ``job(result)`` (a workflow step, say) in a worker.

        The form closes once the job is done; when it fails (a rule, the disk, a busy lock)
        the form stays open with the reason and what was typed. A stale revision closes it
        with the message: the step must start again from the stored version.
        """

        def submit(form: RecordForm[Any], result: Any) -> None:
            def done(moved: Record) -> None:
                self._say(success(moved))
                if form.is_attached:
                    form.saved(moved)

            def failed(error: BaseException) -> bool:
                if not form.is_attached:
                    return False
                if isinstance(error, StaleRevisionError | RecordNotFoundError):
                    form.dismiss(None)
                    return False  # said the usual way, and the data reloaded
                form.save_failed(describe(error))
                return True

            self._run_io(lambda: job(result), done, failed=failed, name="form-job")

        return submit

    def save_from_form(self, form: RecordForm[Any], record: Record) -> None:
        """Save what a form holds while it stays open: it closes only once the save is done.

        A failed save (disk full, lock busy, read-only directory) leaves the form open with
        the reason and everything typed; a stale revision closes it for the conflict dialog,
        which merges the edit with the stored version.
        """
        workspace = self.workspace

        def saved(result: Record) -> None:
            self._say(f"Saved {result.display}")
            if form.is_attached:
                form.saved(result)

        def failed(error: BaseException) -> bool:
            if not form.is_attached:  # cancelled meanwhile: say it the usual way
                return False
            if isinstance(error, StaleRevisionError | RecordNotFoundError) and record.id:
                base = form.record if form.record is not None else record
                form.dismiss(None)
                self._show_conflict(record, base)
                return True
            form.save_failed(describe(error))
            return True

        self._run_io(lambda: workspace.save(record), saved, failed=failed, name="save")

    def save_record(self, record: Record, done: Callable[[Record], None] | None = None) -> None:
        """Save in a worker; notify "Saved ID name", or show the conflict or the error."""
        workspace = self.workspace

        def saved(result: Record) -> None:
            self._say(f"Saved {result.display}")
            if done is not None:
                done(result)

        def failed(error: BaseException) -> bool:
            if isinstance(error, StaleRevisionError | RecordNotFoundError) and record.id:
                self._show_conflict(record, None)
                return True
            return False

        self._run_io(lambda: workspace.save(record), saved, failed=failed, name="save")

    def _show_conflict(self, mine: Record, base: Record | None) -> None:
        """Fetch the stored version (worker), then show the merge; reload or retry.

        ``base`` is the revision the edit started from; without it every field of the
        edit counts as changed (callers that only know the edited record).
        """
        from itsms_tui.domain.edit_merge import merged_record
        from itsms_tui.ui.screens.conflict import ConflictOutcome, ConflictScreen

        def show(data: DataSet) -> None:
            stored = data.get(mine.id)

            def chosen(outcome: ConflictOutcome | None) -> None:
                if outcome is not None and outcome.retry and stored is not None:
                    draft = merged_record(stored, outcome.content)
                    self.edit_record(
                        stored, title=f"Retry your edit of {stored.display}", draft=draft
                    )
                else:
                    self._say(f"Reloaded {stored.display if stored else mine.id}")

            self.push_screen(ConflictScreen(mine, stored, base), chosen)

        self._run_io(lambda: self.workspace.data(), show, name="conflict")

    def delete_record(self, record: Record) -> None:
        """Explain what still refers to the record, else ask, then delete in a worker.

        The blockers come from the loaded data, so the user learns them before being asked;
        the store checks again on delete (another session may have linked a record since).
        """
        if self._refuse_read_only():
            return
        from itsms_tui.ui.widgets.confirm import ConfirmScreen

        blockers = [r.id for r in self.data.referring_any(record.id)]
        if blockers:
            self._explain_blockers(record, blockers)
            return
        workspace = self.workspace

        def blocked(error: BaseException) -> bool:
            if isinstance(error, StillReferencedError):
                # Linked since the last load: reload, so the records are named.
                ids = error.referenced_by
                self._run_io(lambda: None, lambda _none: self._explain_blockers(record, ids))
                return True
            if isinstance(error, StaleRevisionError):
                self._warn(f"{describe(error)}; nothing was deleted")
                self.load_data()
                return True
            return False

        def answered(yes: bool | None) -> None:
            if yes:
                self._run_io(
                    lambda: workspace.delete(record),
                    lambda _none: self._say(f"Deleted {record.display}"),
                    failed=blocked,
                    name="delete",
                )

        self.push_screen(
            ConfirmScreen(
                f"Delete {record.display}?",
                ["This cannot be undone (the audit trail keeps what it held)."],
                confirm_label="Delete",
                cancel_label="Keep",
            ),
            answered,
        )

    def _explain_blockers(self, record: Record, record_ids: Sequence[str]) -> None:
        """Why a record cannot be deleted: the records that still refer to it."""
        from itsms_tui.ui.widgets.confirm import MessageScreen

        lines = [self._describe_id(i) for i in record_ids[:BLOCKERS_SHOWN]]
        if len(record_ids) > BLOCKERS_SHOWN:
            lines.append(f"… and {len(record_ids) - BLOCKERS_SHOWN} more")
        self.push_screen(
            MessageScreen(
                f"{record.display} is still referred to by {len(record_ids)} record(s). "
                "Change or delete them first.",
                lines,
                title="Cannot delete",
            )
        )

    def _describe_id(self, record_id: str) -> str:
        found = self.data.get(record_id)
        if found is None:
            return record_id
        label = found.label or type(found).__name__
        return f"{label} {found.display}"

    def _refuse_read_only(self) -> bool:
        if self.read_only:
            reason = self.workspace.read_only_reason or "not writable"
            self._warn(f"Read-only ({reason}): nothing can be changed.")
            return True
        return False

    # ------------------------------------------------------------------ navigation

    def open_record(self, record_id: str) -> None:
        """Jump to the area that shows ``record_id`` and put the cursor on it."""
        mode = mode_for_record(record_id)
        if mode is None:
            self._warn(f"{record_id}: no screen shows this kind of record")
            return
        self._jump(mode, record_id)

    @work(group="jump", exclusive=True)
    async def _jump(self, mode: str, record_id: str) -> None:
        if self.current_mode != mode:
            await self.switch_mode(mode)
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        select = getattr(self.screen, "select_record", None)
        if select is None or not select(record_id):
            self._say(f"{record_id} is not shown on {BY_MODE[mode].title}")

    def open_area_and_create(
        self, mode: str, model: type[Record], initial: Mapping[str, Any] | None = None
    ) -> None:
        """Switch to an area, then open the form for a new record there (welcome screen)."""
        self._create_in(mode, model, initial)

    @work(group="jump", exclusive=True)
    async def _create_in(
        self, mode: str, model: type[Record], initial: Mapping[str, Any] | None
    ) -> None:
        if self.current_mode != mode:
            await self.switch_mode(mode)
        self.create_record(model, initial)

    def show_history(self, record_id: str) -> None:
        """The audit trail of one record."""
        from itsms_tui.ui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen(record_id))

    def action_audit_trail(self) -> None:
        """The whole audit trail, filtered by person, record, collection and date."""
        from itsms_tui.ui.screens.audit import AuditScreen

        self.push_screen(AuditScreen())

    async def action_switch_area(self, mode: str) -> None:
        await self.switch_mode(mode)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if isinstance(self.screen, ModalScreen) and action in {
            "switch_area",
            "export",
            "filter",
            "show_keys",
            "toggle_theme",
            "audit_trail",
            "compare_snapshot",
        }:
            return False
        if action == "audit_trail":
            # Not imported until the trail is first opened (the footer asks this before
            # the first frame, and the screen's imports take a good part of a second).
            audit = sys.modules.get("itsms_tui.ui.screens.audit")
            return audit is None or not isinstance(self.screen, audit.AuditScreen)
        if action == "filter":
            return hasattr(self.screen, "start_filter")
        return True

    def action_filter(self) -> None:
        start = getattr(self.screen, "start_filter", None)
        if start is not None:
            start()

    def action_show_keys(self) -> None:
        from itsms_tui.ui.screens.keys import KeysScreen, key_lines

        area = BY_MODE.get(self.current_mode)
        title = area.title if area is not None else self.screen.__class__.__name__
        self.push_screen(KeysScreen(key_lines(self.screen), title))

    def action_export(self) -> None:
        from itsms_tui.ui.screens.export_prompt import ExportPrompt

        suggestion = Path.cwd() / f"itsms-snapshot-{self.today.isoformat()}.toml"
        workspace = self.workspace

        def write(path: Path) -> None:
            def written(count: int) -> None:
                self._say(f"Exported {count} records to {path}")
                if prompt.is_attached:
                    prompt.written(path)

            self._run_io(
                lambda: workspace.export_to(path), written, failed=prompt.job_failed, name="export"
            )

        prompt = ExportPrompt(suggestion, write)
        self.push_screen(prompt)

    def action_evidence_pack(self) -> None:
        """Write the evidence pack (HTML and Markdown) into a folder; the prompt shows
        each step while the worker builds it."""
        from itsms_tui.services.report_commands import report_period, write_pack
        from itsms_tui.services.report_render import WrittenReport
        from itsms_tui.ui.screens.export_prompt import ExportPrompt

        today = self.today
        suggestion = Path.cwd() / f"evidence-pack-{today.isoformat()}"
        workspace = self.workspace

        def write(folder: Path) -> None:
            def progress(step: str) -> None:
                self.call_from_thread(prompt.show_progress, step)

            def written(result: WrittenReport) -> None:
                self._say(f"Evidence pack written: {result.html}")
                if prompt.is_attached:
                    prompt.written(folder)

            def job() -> WrittenReport:
                return write_pack(workspace, report_period(None, None, today), folder, progress)

            self._run_io(job, written, failed=prompt.job_failed, name="report")

        prompt = ExportPrompt(
            suggestion,
            write,
            title="Write the evidence pack (HTML and Markdown, last 12 months)",
            label="Into the folder (Enter writes, Esc cancels):",
            target="folder",
            not_done="Not written",
        )
        self.push_screen(prompt)

    def action_compare_snapshot(self) -> None:
        """Ask for a snapshot file, compare it with the open data in a worker, show the result."""
        from itsms_tui.services.snapshot_compare import SnapshotDiff, compare_with_file
        from itsms_tui.ui.screens.export_prompt import ExportPrompt
        from itsms_tui.ui.screens.snapshot_diff import SnapshotDiffScreen

        suggestion = Path.cwd() / f"itsms-snapshot-{self.today.isoformat()}.toml"
        workspace = self.workspace

        def compare(path: Path) -> None:
            def compared(diff: SnapshotDiff) -> None:
                if prompt.is_attached:
                    prompt.dismiss(None)
                    self.push_screen(SnapshotDiffScreen(path, diff))

            self._run_io(
                lambda: compare_with_file(workspace, path),
                compared,
                failed=prompt.job_failed,
                name="compare",
            )

        prompt = ExportPrompt(
            suggestion,
            compare,
            title="Compare the open data with a snapshot file",
            label="Snapshot file (Enter compares, Esc cancels):",
            busy="Reading…",
            not_done="Not compared",
        )
        self.push_screen(prompt)

    def action_import_sheet(self) -> None:
        """Import a register from a CSV/XLSX file: plan and save in workers (see the screen)."""
        from itsms_tui.services.spreadsheet_files import read_sheet
        from itsms_tui.services.spreadsheet_import import ImportPlan, apply_import, plan_import
        from itsms_tui.ui.screens.spreadsheet_import import SpreadsheetImportScreen

        workspace = self.workspace

        def failed(error: BaseException) -> bool:
            if screen.is_attached:
                screen.show_error(describe(error))
            return True

        def preview(path: Path, collection: str) -> None:
            def plan() -> ImportPlan:
                sheet = read_sheet(path, collection=collection)
                return plan_import(
                    sheet,
                    collection,
                    workspace.data(),
                    source=str(path),
                    context=workspace.integrity_context(),
                )

            self._run_io(plan, screen.show_plan, failed=failed, name="sheet-preview")

        def apply(plan: ImportPlan) -> None:
            def saved(count: int) -> None:
                self._say(f"Imported {count} {plan.collection} record(s) from {plan.source}")
                if screen.is_attached:
                    screen.applied(count)

            self._run_io(
                lambda: apply_import(workspace, plan), saved, failed=failed, name="sheet-apply"
            )

        screen = SpreadsheetImportScreen(preview, apply)
        self.push_screen(screen)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME
        self._preferences = Preferences(theme=self.theme)
        self._save_preferences(self._preferences)

    @work(thread=True, group="preferences", exit_on_error=False)
    def _save_preferences(self, preferences: Preferences) -> None:
        try:
            save_preferences(preferences)
        except OSError as error:
            self.call_from_thread(self._warn, f"Theme not remembered: {describe(error)}")

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for area in AREAS:
            yield SystemCommand(
                f"Go to {area.title}",
                f"Switch to the {area.title} screen (key {area.key})",
                lambda mode=area.mode: self.run_worker(self.action_switch_area(mode)),
            )
        yield SystemCommand("Export snapshot", "Write a TOML snapshot (key e)", self.action_export)
        yield SystemCommand(
            "Evidence pack",
            "Write the evidence pack by clause as HTML and Markdown (key r on the overview)",
            self.action_evidence_pack,
        )
        yield SystemCommand(
            "Compare with a snapshot",
            "What differs between a snapshot file and the open data (key C)",
            self.action_compare_snapshot,
        )
        yield SystemCommand(
            "Audit trail",
            "Every audit entry, filtered by person, record, collection and date (key A)",
            self.action_audit_trail,
        )
        yield SystemCommand("Toggle light/dark", "Switch theme (key t)", self.action_toggle_theme)


def make_app(
    workspace: Workspace | Callable[[], Workspace],
    *,
    poll_seconds: float = POLL_SECONDS,
    location: str = "",
) -> ItsmsApp:
    """Build the app on an opened workspace (tests inject a temporary or demo one), or on
    a function opening it, which the app calls in a worker after its first frame."""
    if not callable(workspace):
        return ItsmsApp(workspace, poll_seconds=poll_seconds)
    return ItsmsApp(opener=workspace, location=location, poll_seconds=poll_seconds)


def run_app(workspace: Workspace | Callable[[], Workspace], *, location: str = "") -> int:
    """Run the TUI until the user quits; returns the exit code (2: the terminal went away,
    or the data could not be opened: the message is printed then)."""
    app = make_app(workspace, location=location) if callable(workspace) else make_app(workspace)
    app.run()
    return finish(app)


def finish(app: ItsmsApp) -> int:
    """After the app closed: print its one-line message, if any; the exit code (2 when
    the data could not be opened, however the app was then closed)."""
    if app.crash_line:
        print(app.crash_line, file=sys.stderr)
    if app.exit_message:
        print(app.exit_message, file=sys.stderr)
        return OPEN_FAILED_EXIT
    return app.return_code or 0
