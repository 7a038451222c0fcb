"""Need to know (officer): each user's clearance and compartments, and the caveats the vault knows.

Everything is read and changed through services/clearances.py on workers. The services decide: an officer
changing their own clearance, a grant ending in the past or a name already defined are refused there, and the
refusal shows in the banner. The view only disables what it knows would be refused, and its tooltip says why.
An unknown marking (found in a report header, never defined) is highlighted: nobody reads a report carrying it
until an officer says what it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.errors import BadInput
from nia_desktop.core.markings import CaveatKind
from nia_desktop.core.store.clearances import CaveatRecord, Grant
from nia_desktop.services import clearances
from nia_desktop.services.clearances import UserAccess
from nia_desktop.services.session import Session
from nia_desktop.ui.dialogs import FormDialog, confirm_box
from nia_desktop.ui.models.table import RowsModel
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.base import View
from nia_desktop.ui.widgets.table_view import FilterTable

Index = QModelIndex | QPersistentModelIndex
UNKNOWN_COLOURS = ("#fff4e0", "#6b4100")  # the warning banner's: background, text
EXPIRED_COLOUR = "#8a1c1c"



def local_date(iso: str | None) -> str:
    """A stored ISO date as the user's language writes it (2026年3月5日, 5 Mar 2026)."""
    if not iso:
        return ""
    date = QDate.fromString(iso[:10], "yyyy-MM-dd")
    if not date.isValid():
        return iso[:10]
    japanese = QLocale().language() == QLocale.Language.Japanese
    return QLocale().toString(date, "yyyy年M月d日" if japanese else "d MMM yyyy")


def kind_label(kind: CaveatKind) -> str:
    translate = QCoreApplication.translate
    return {CaveatKind.COMPARTMENT: translate("NeedToKnow", "compartment"),
            CaveatKind.CONTROL: translate("NeedToKnow", "dissemination control"),
            CaveatKind.RELEASE: translate("NeedToKnow", "release list"),
            CaveatKind.UNKNOWN: translate("NeedToKnow", "unknown: restricts reading until defined")}[kind]


def grant_text(grant: Grant, today: str) -> str:
    """"OP-HERON", "OP-HERON (until 5 Mar 2026)", "OP-HERON (expired 5 Mar 2026)"."""
    name = escape_untrusted(grant.compartment, 64)
    if grant.until is None:
        return name
    if grant.current(today):
        text = QCoreApplication.translate("NeedToKnow", "%1 (until %2)")
    else:
        text = QCoreApplication.translate("NeedToKnow", "%1 (expired %2)")
    return text.replace("%1", name).replace("%2", local_date(grant.until))


class StyledRows(RowsModel[Any]):
    """RowsModel with a per-row tooltip and colours (expired grants, unknown markings stand out)."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[Any], Any]]], parent: Any = None,
                 tooltip: Callable[[Any], str] | None = None,
                 colours: Callable[[Any], tuple[str, str] | None] | None = None) -> None:
        super().__init__(columns, parent)
        self.tooltip = tooltip
        self.colours = colours

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and self.tooltip is not None:
            return self.tooltip(row) or None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and self.colours is not None:
            colours = self.colours(row)
            if colours is None:
                return None
            background, foreground = colours
            chosen = background if role == Qt.ItemDataRole.BackgroundRole else foreground
            return QColor(chosen) if chosen else None
        return super().data(index, role)


class GrantDialog(FormDialog):
    """Which compartment, and until when (no end date unless the box is ticked)."""

    def __init__(self, user: UserAccess, compartments: list[CaveatRecord], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Grant a compartment"), parent)
        held = {g.compartment: g for g in user.grants}
        self.compartment = QComboBox()
        self.compartment.setAccessibleName(self.tr("Compartment"))
        for record in compartments:
            label = escape_untrusted(record.name, 64)
            if record.name in held:
                label = self.tr("%1 (held: the new grant replaces it)").replace("%1", label)
            self.compartment.addItem(label, record.name)
            self.compartment.setItemData(self.compartment.count() - 1, escape_untrusted(record.description, 300),
                                         Qt.ItemDataRole.ToolTipRole)
        first_new = next((i for i, r in enumerate(compartments) if r.name not in held), 0)
        self.compartment.setCurrentIndex(first_new)
        self.ends = QCheckBox(self.tr("&Ends on"))
        self.ends.setToolTip(self.tr("Without an end date the grant lasts until an officer takes it away"))
        today = QDate.currentDate()
        self.until = QDateEdit(today.addYears(1))
        self.until.setCalendarPopup(True)
        self.until.setMinimumDate(today)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.until.setAccessibleName(self.tr("Last day of the grant"))
        self.until.setEnabled(False)
        self.ends.toggled.connect(self.until.setEnabled)
        ends_row = QHBoxLayout()
        ends_row.addWidget(self.ends)
        ends_row.addWidget(self.until, 1)
        self.form.addRow(QLabel(self.tr("For %1").replace("%1", user.name)))
        self.form.addRow(self.tr("&Compartment"), self.compartment)
        self.form.addRow(self.tr("End date"), ends_row)
        note = QLabel(self.tr("The grant counts through the last day; after it the user no longer reads what "
                              "carries the compartment."))
        note.setWordWrap(True)
        self.form.addRow(note)
        self.setMinimumWidth(440)

    @property
    def chosen(self) -> str:
        return str(self.compartment.currentData() or "")

    @property
    def end(self) -> str | None:
        return self.until.date().toString("yyyy-MM-dd") if self.ends.isChecked() else None

    def validate(self) -> None:
        if not self.chosen:
            raise BadInput(self.tr("There is no compartment to grant: define one first (Compartments and caveats)."))


class DefineDialog(FormDialog):
    """A new compartment or control, or what an unknown marking found in headers is."""

    def __init__(self, unknown: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Define a marking") if unknown else self.tr("New compartment"), parent)
        self.name = QLineEdit(unknown or "")
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setMaxLength(64)
        self.name.setPlaceholderText(self.tr("e.g. OP-HERON"))
        self.name.setReadOnly(unknown is not None)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind"))
        self.kind.addItem(self.tr("Compartment: only users granted it read what carries it"), CaveatKind.COMPARTMENT)
        self.kind.addItem(self.tr("Dissemination control: anyone cleared reads; limits further release"),
                          CaveatKind.CONTROL)
        self.description = QLineEdit()
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setMaxLength(500)
        if unknown is not None:
            note = QLabel(self.tr("Reports carry this marking from their headers. Until it is defined nobody reads "
                                  "them; as a compartment, only users granted it will."))
            note.setWordWrap(True)
            self.form.addRow(note)
        self.form.addRow(self.tr("&Name"), self.name)
        self.form.addRow(self.tr("&Kind"), self.kind)
        self.form.addRow(self.tr("&Description"), self.description)
        self.setMinimumWidth(480)

    def validate(self) -> None:
        if not self.name.text().strip():
            raise BadInput(self.tr("Name the compartment."))


class NeedToKnowView(View):
    key = "need_to_know"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Need to know"), parent)
        self.accesses: list[UserAccess] = []
        self.caveats: list[CaveatRecord] = []
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Need to know"))
        self.tabs.addTab(self._clearances_tab(), self.tr("&Clearances"))
        self.tabs.addTab(self._caveats_tab(), self.tr("C&ompartments and caveats"))
        self.layout_.addWidget(self.tabs, 1)
        self.dialog: FormDialog | None = None
        self.confirm: QMessageBox | None = None
        self.refresh()

    # -- layout -----------------------------------------------------------
    def _clearances_tab(self) -> QWidget:
        self.users_model = StyledRows([
            (self.tr("Name"), lambda a: a.name),
            (self.tr("Role"), lambda a: a.role),
            (self.tr("Clearance"), lambda a: a.level.banner_text),
            (self.tr("Compartments"), self._held_text),
        ], self, tooltip=lambda a: "\n".join(grant_text(g, a.today) for g in a.grants))
        self.users_table = FilterTable(self.users_model, self)
        self.users_table.setAccessibleName(self.tr("Users' clearances"))
        self.filter = QLineEdit(placeholderText=self.tr("Filter users"))
        self.filter.setAccessibleName(self.tr("Filter users"))
        self.filter.textChanged.connect(self.users_table.set_filter_text)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.users_table, 1)

        self.who = QLabel(self.tr("Select a user."))
        self.who.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.self_note = QLabel(self.tr("Nobody changes their own clearance or compartments: another officer "
                                        "does it for you."))
        self.self_note.setWordWrap(True)
        self.self_note.hide()
        self.level = QComboBox()
        self.level.setAccessibleName(self.tr("Clearance level"))
        for level in Level:
            self.level.addItem(level.banner_text, int(level))
        self.level.currentIndexChanged.connect(self._update_buttons)
        self.clear_button = QPushButton(self.tr("Set clearance"))
        self.clear_button.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.clear_button.clicked.connect(self.ask_set_clearance)
        level_row = QHBoxLayout()
        level_row.addWidget(self.level, 1)
        level_row.addWidget(self.clear_button)
        form = QFormLayout()
        level_label = QLabel(self.tr("C&learance"))
        level_label.setBuddy(self.level)
        form.addRow(level_label, level_row)
        self.grants_model = StyledRows([
            (self.tr("Compartment"), lambda g: escape_untrusted(g.compartment, 64)),
            (self.tr("Until"), lambda g: local_date(g.until) if g.until else self.tr("no end date")),
            (self.tr("Status"), lambda g: self.tr("current") if g.current(self._today) else self.tr("expired")),
            (self.tr("Granted by"), lambda g: g.granted_by),
            (self.tr("Granted"), lambda g: local_date(g.granted_at)),
        ], self, tooltip=self._grant_tooltip,
            colours=lambda g: None if g.current(self._today) else ("", EXPIRED_COLOUR))
        self.grants_table = FilterTable(self.grants_model, self)
        self.grants_table.setAccessibleName(self.tr("Compartments granted"))
        self.grant_button = QPushButton(self.tr("Grant compartment…"))
        self.grant_button.setShortcut(QKeySequence("Ctrl+G"))
        self.grant_button.clicked.connect(self.open_grant)
        self.ungrant_button = QPushButton(self.tr("Take away…"))
        self.ungrant_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.ungrant_button.clicked.connect(self.ask_ungrant)
        self.grants_table.selectionModel().selectionChanged.connect(self._update_buttons)
        grant_row = QHBoxLayout()
        grant_row.addStretch(1)
        grant_row.addWidget(self.grant_button)
        grant_row.addWidget(self.ungrant_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.who)
        right_layout.addWidget(self.self_note)
        right_layout.addLayout(form)
        right_layout.addWidget(QLabel(self.tr("Compartments")))
        right_layout.addWidget(self.grants_table, 1)
        right_layout.addLayout(grant_row)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([480, 520])
        self.users_table.selectionModel().selectionChanged.connect(self._show_user)
        return split

    def _caveats_tab(self) -> QWidget:
        self.caveats_model = StyledRows([
            (self.tr("Name"), lambda c: escape_untrusted(c.name, 64)),
            (self.tr("Kind"), lambda c: kind_label(c.kind)),
            (self.tr("Reports"), lambda c: c.reports),
            (self.tr("Description"), lambda c: escape_untrusted(c.description, 300)),
            (self.tr("Added by"), lambda c: c.added_by),
            (self.tr("Added"), lambda c: local_date(c.added_at)),
        ], self, tooltip=self._caveat_tooltip,
            colours=lambda c: UNKNOWN_COLOURS if c.kind is CaveatKind.UNKNOWN else None)
        self.caveats_table = FilterTable(self.caveats_model, self)
        self.caveats_table.setAccessibleName(self.tr("Compartments and caveats"))
        self.caveats_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.unknown_note = named(QLabel(), "unknownMarkings")
        self.unknown_note.setWordWrap(True)
        self.unknown_note.setStyleSheet(f"background: {UNKNOWN_COLOURS[0]}; color: {UNKNOWN_COLOURS[1]}; "
                                        "padding: 6px; border-radius: 4px;")
        self.unknown_note.hide()
        self.new_button = QPushButton(self.tr("New compartment…"))
        self.new_button.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_button.setToolTip(self.tr("Define a compartment or a dissemination control (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(lambda: self.open_define(None))
        self.define_button = QPushButton(self.tr("Define selected marking…"))
        self.define_button.setToolTip(self.tr("Say what an unknown marking found in report headers is"))
        self.define_button.clicked.connect(self._define_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.define_button)
        buttons.addWidget(self.new_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.unknown_note)
        layout.addWidget(self.caveats_table, 1)
        layout.addLayout(buttons)
        return page

    # -- loading ----------------------------------------------------------
    def refresh(self) -> None:
        """Every user's clearance and grants and every caveat, read together on a worker."""
        session = self.session

        def work(signals: object, cancel: object) -> tuple[list[UserAccess], list[CaveatRecord]]:
            return clearances.user_access(session), clearances.list_caveats(session)

        self.run(work, on_success=self._show, on_finished=self._update_buttons)
        self._update_buttons()

    def _show(self, result: tuple[list[UserAccess], list[CaveatRecord]]) -> None:
        chosen = self.selected_user()
        self.accesses, self.caveats = result
        self.users_model.set_rows(self.accesses)
        self.users_table.resizeColumnsToContents()
        self.caveats_model.set_rows(self.caveats)
        self.caveats_table.resizeColumnsToContents()
        unknown = [escape_untrusted(c.name, 64) for c in self.caveats if c.kind is CaveatKind.UNKNOWN]
        self.unknown_note.setText(self.tr(
            "Unknown markings found in report headers: %1. Nobody reads a report carrying one until it is defined "
            "here.").replace("%1", ", ".join(unknown)))
        self.unknown_note.setVisible(bool(unknown))
        self.tabs.setTabText(1, self.tr("C&ompartments and caveats (%1 unknown)").replace("%1", str(len(unknown)))
                             if unknown else self.tr("C&ompartments and caveats"))
        if chosen is not None:
            self.select_user(chosen.name)
        self._show_user()

    @property
    def _today(self) -> str:
        user = self.selected_user()
        return user.today if user is not None else ""

    def selected_user(self) -> UserAccess | None:
        return self.users_table.selected_row()  # type: ignore[no-any-return]

    def selected_grant(self) -> Grant | None:
        return self.grants_table.selected_row()  # type: ignore[no-any-return]

    def selected_caveat(self) -> CaveatRecord | None:
        return self.caveats_table.selected_row()  # type: ignore[no-any-return]

    def select_user(self, name: str) -> None:
        for row in range(self.users_table.proxy.rowCount()):
            if self.users_table.proxy.index(row, 0).data() == name:
                self.users_table.selectRow(row)
                return

    def select_grant(self, compartment: str) -> None:
        for row in range(self.grants_table.proxy.rowCount()):
            if self.grants_table.proxy.index(row, 0).data() == compartment:
                self.grants_table.selectRow(row)
                return

    def _show_user(self) -> None:
        user = self.selected_user()
        if user is None:
            self.who.setText(self.tr("Select a user."))
            self.grants_model.set_rows([])
        else:
            self.who.setText(self.tr("%1 · %2").replace("%1", user.name).replace("%2", user.role))
            self.level.blockSignals(True)
            self.level.setCurrentIndex(self.level.findData(int(user.level)))
            self.level.blockSignals(False)
            self.grants_model.set_rows(user.grants)
            self.grants_table.resizeColumnsToContents()
        self._update_buttons()

    def _update_buttons(self) -> None:
        user = self.selected_user()
        own = user is not None and user.name == self.session.name
        usable = user is not None and not own and not self.busy
        self.self_note.setVisible(own)
        why_not = self.tr("Nobody changes their own clearance or compartments: ask another officer.") if own else ""
        self.level.setEnabled(usable)
        changed = user is not None and self.level.currentData() != int(user.level)
        self.clear_button.setEnabled(usable and changed)
        self.grant_button.setEnabled(usable and any(c.kind is CaveatKind.COMPARTMENT for c in self.caveats))
        self.ungrant_button.setEnabled(usable and self.selected_grant() is not None)
        self.level.setToolTip(why_not or self.tr("The highest level this user reads"))
        self.clear_button.setToolTip(why_not or self.tr("Give the user the chosen clearance level (Ctrl+Shift+L)"))
        self.grant_button.setToolTip(why_not or self.tr("Grant a compartment, with an optional end date (Ctrl+G)"))
        self.ungrant_button.setToolTip(why_not or self.tr("Take the selected compartment away (Delete)"))
        caveat = self.selected_caveat()
        self.define_button.setEnabled(caveat is not None and caveat.kind is CaveatKind.UNKNOWN and not self.busy)
        self.new_button.setEnabled(not self.busy)

    def _held_text(self, access: UserAccess) -> str:
        """The compartments held today; expired grants counted after them (listed in the tooltip)."""
        held = ", ".join(escape_untrusted(g.compartment, 64) for g in access.grants if g.current(access.today))
        expired = sum(1 for g in access.grants if not g.current(access.today))
        if not expired:
            return held
        note = self.tr("%1 expired").replace("%1", str(expired))
        return f"{held} ({note})" if held else note

    def _grant_tooltip(self, grant: Grant) -> str:
        if grant.current(self._today):
            return grant_text(grant, self._today)
        return self.tr("Expired on %1: it no longer counts. Grant it again to restore it.").replace(
            "%1", local_date(grant.until))

    def _caveat_tooltip(self, caveat: CaveatRecord) -> str:
        if caveat.kind is CaveatKind.UNKNOWN:
            return self.tr("Found in a report header and not defined: it restricts reading until an officer "
                           "defines it (Define selected marking…)")
        return escape_untrusted(caveat.description, 300)

    # -- clearance --------------------------------------------------------
    def ask_set_clearance(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        level = Level(int(self.level.currentData()))
        if level >= user.level:
            self._set_clearance(user.name, level)
            return
        self.confirm = confirm_box(
            self, self.tr("Lower clearance"),
            self.tr("Lower %1's clearance from %2 to %3? They stop reading everything above %3 at once, in an open "
                    "session too.").replace("%1", user.name).replace("%2", user.level.banner_text)
            .replace("%3", level.banner_text),
            self.tr("Lower to %1").replace("%1", level.english))
        self.confirm.accepted.connect(lambda: self._set_clearance(user.name, level))
        self.confirm.open()

    def _set_clearance(self, name: str, level: Level) -> None:
        session = self.session
        self.run(lambda signals, cancel: clearances.set_clearance(session, name, level),
                 on_success=lambda _: self._changed(self.tr("%1 is now cleared to %2.").replace("%1", name)
                                                    .replace("%2", level.banner_text)))
        self._update_buttons()

    # -- grants -----------------------------------------------------------
    def open_grant(self) -> None:
        user = self.selected_user()
        if user is None or not self.grant_button.isEnabled():
            return
        compartments = [c for c in self.caveats if c.kind is CaveatKind.COMPARTMENT]
        dialog = GrantDialog(user, compartments, self)
        dialog.accepted.connect(lambda: self._grant(user.name, dialog.chosen, dialog.end))
        self.dialog = dialog
        dialog.open()

    def _grant(self, name: str, compartment: str, until: str | None) -> None:
        session = self.session

        def done(grant: Grant) -> None:
            message = self.tr("%1 now holds %2.") if grant.until is None else self.tr("%1 holds %2 until %3.")
            self._changed(message.replace("%1", name).replace("%2", escape_untrusted(grant.compartment, 64))
                          .replace("%3", local_date(grant.until)))

        self.run(lambda signals, cancel: clearances.grant(session, name, compartment, until), on_success=done)
        self._update_buttons()

    def ask_ungrant(self) -> None:
        user, grant = self.selected_user(), self.selected_grant()
        if user is None or grant is None or not self.ungrant_button.isEnabled():
            return
        shown = escape_untrusted(grant.compartment, 64)
        self.confirm = confirm_box(
            self, self.tr("Take a compartment away"),
            self.tr("Take %1 away from %2? They stop reading every report that carries it at once, in an open "
                    "session too.").replace("%1", shown).replace("%2", user.name),
            self.tr("Take %1 away").replace("%1", shown))
        self.confirm.accepted.connect(lambda: self._ungrant(user.name, grant.compartment))
        self.confirm.open()

    def _ungrant(self, name: str, compartment: str) -> None:
        session = self.session
        self.run(lambda signals, cancel: clearances.ungrant(session, name, compartment),
                 on_success=lambda _: self._changed(self.tr("%1 no longer holds %2.").replace("%1", name)
                                                    .replace("%2", escape_untrusted(compartment, 64))))
        self._update_buttons()

    # -- compartments -----------------------------------------------------
    def _define_selected(self) -> None:
        caveat = self.selected_caveat()
        if caveat is not None and caveat.kind is CaveatKind.UNKNOWN:
            self.open_define(caveat.name)

    def open_define(self, unknown: str | None) -> None:
        dialog = DefineDialog(unknown, self)
        dialog.accepted.connect(lambda: self._define(dialog.name.text().strip(), CaveatKind(dialog.kind.currentData()),
                                                     dialog.description.text().strip()))
        self.dialog = dialog
        dialog.open()

    def _define(self, name: str, kind: CaveatKind, description: str) -> None:
        session = self.session
        self.run(lambda signals, cancel: clearances.add_compartment(session, name, description, kind),
                 on_success=lambda record: self._changed(self.tr("Defined %1 (%2).").replace(
                     "%1", escape_untrusted(record.name, 64)).replace("%2", kind_label(record.kind))))
        self._update_buttons()

    def _changed(self, message: str) -> None:
        self.refresh()
        self.banner.show_message(message, "success")

    def classification(self) -> Level:
        return Level.UNCLASSIFIED  # names of compartments and users, never report content

