"""The main window: the start (unlock) screen or the workspace, a lock action, idle auto-lock."""

from __future__ import annotations

import base64
import logging

from PySide6.QtCore import QByteArray, QCoreApplication, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import i18n, lock
from ui.help import (
    GETTING_STARTED,
    SHORTCUTS,
    HelpWindow,
    anchor_for,
    anchor_within,
    open_guide,
)
from ui.start.start_screen import StartScreen
from ui.tasks import TaskManager
from ui.unlock_notice import UnlockNotice
from ui.workspace import Workspace
from workbench.service import Workbench

log = logging.getLogger("workbench.ui")


def _app() -> QCoreApplication:
    """The running application (a window only exists inside one)."""
    app = QApplication.instance()
    assert app is not None
    return app


class MainWindow(QMainWindow):
    def __init__(self, service: Workbench, tasks: TaskManager) -> None:
        super().__init__()
        self.service, self.tasks = service, tasks
        self.setObjectName("mainWindow")
        self.setMinimumSize(900, 600)
        self.idle = lock.IdleLock(service.settings.idle_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        # queued: the dialog whose key event this is gets closed after the event returns
        self.idle.lock_key.connect(self.lock, Qt.ConnectionType.QueuedConnection)
        self.idle.help_key.connect(self.dialog_help)
        _app().installEventFilter(self.idle)
        self.stack = QStackedWidget()
        self.notice = UnlockNotice()  # failed unlocks since the last unlock
        self.notice.show_audit.connect(self._show_audit)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.notice)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)
        self.busy_label = QLabel()
        self.statusBar().addPermanentWidget(self.busy_label)
        tasks.busy_changed.connect(self._busy)
        self.start_screen: StartScreen
        self.workspace: Workspace
        self._build()

    # ---------------------------------------------------------------- build
    def _build(self) -> None:
        """(Re)create the screens: at start and after a change of language."""
        while (w := self.stack.widget(0)) is not None:
            self.stack.removeWidget(w)
            w.deleteLater()
        self.setWindowTitle(self.tr("Durable Solutions Workbench"))
        self.lock_action.setText(self.tr("Lock"))
        self.lock_action.setToolTip(self.tr("Close the vault now (Ctrl+L)"))
        self.start_screen = StartScreen(self.service, self.tasks)
        self.start_screen.unlocked.connect(self._unlocked)
        self.workspace = Workspace(self.service, self.tasks)
        self.workspace.language_changed.connect(self.set_language)
        self.workspace.idle_minutes_changed.connect(self._idle_minutes_changed)
        self.stack.addWidget(self.start_screen)
        self.stack.addWidget(self.workspace)
        self._build_menu()
        if self.service.is_unlocked:
            self.stack.setCurrentWidget(self.workspace)
            self.workspace.activate()
        else:
            self.stack.setCurrentWidget(self.start_screen)

    def _build_menu(self) -> None:
        from ui.vault_menu import VaultMenu

        bar = self.menuBar()
        bar.clear()
        vault_menu = bar.addMenu(self.tr("&Vault"))
        old = getattr(self, "vault_admin", None)
        if old is not None:
            old.deleteLater()
        self.vault_admin = VaultMenu(self)  # backup, restore, passphrase, key, check, close
        self.vault_admin.populate(vault_menu)
        vault_menu.addAction(self.lock_action)
        vault_menu.addAction(self.vault_admin.close_action)
        vault_menu.addSeparator()
        quit_action = vault_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.lock_action.setEnabled(self.service.is_unlocked)
        self.vault_admin.set_unlocked(self.service.is_unlocked)
        self._build_help_menu(bar.addMenu(self.tr("&Help")))

    def _build_help_menu(self, menu: QMenu) -> None:
        old = getattr(self, "help_window", None)
        if old is not None:
            old.close()
        self.help_window: HelpWindow | None = None  # made in the new language when next opened
        guide = menu.addAction(self.tr("&User guide"))
        guide.setObjectName("helpGuide")
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1: help on the page shown
        guide.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        guide.triggered.connect(self.context_help)
        start = menu.addAction(self.tr("&Getting started with the sample"))
        start.triggered.connect(lambda: self.show_help(GETTING_STARTED))
        keys = menu.addAction(self.tr("&Keyboard shortcuts"))
        keys.triggered.connect(lambda: self.show_help(SHORTCUTS))
        menu.addSeparator()
        about = menu.addAction(self.tr("&About"))
        about.triggered.connect(self.about)

    def context_help(self) -> None:
        """F1: the guide at the part about the screen or page shown."""
        self.show_help(self._page_anchor())

    def _page_anchor(self) -> str:
        widget = self.stack.currentWidget()
        if widget is self.workspace:
            widget = self.workspace.stack.currentWidget()
        return anchor_for(widget)

    def show_help(self, anchor: str = "") -> None:
        self.help_window = open_guide(self, anchor, self.help_window)

    def dialog_help(self, dialog: QWidget) -> None:
        """F1 in a modal dialog: the guide at the part about that dialog (or about the page it
        was opened from), in a window owned by the dialog — a modal dialog blocks every other
        window, the main window's guide included."""
        anchor = anchor_within(dialog) or self._page_anchor()
        existing = dialog.findChild(HelpWindow, options=Qt.FindChildOption.FindDirectChildrenOnly)
        open_guide(dialog, anchor, existing)

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from workbench import __version__

        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About"), self.tr(
            "Durable Solutions Workbench %1 — analysis of displacement surveys against the IASC "
            "criteria for durable solutions, offline: nothing leaves this computer unless you "
            "export it, and every export is in the vault's audit log.").replace("%1", __version__),
            QMessageBox.StandardButton.Ok, self)  # fmt: skip
        box.setObjectName("aboutBox")
        box.open()
        self.about_box = box

    # ----------------------------------------------------------------- lock
    def _unlocked(self) -> None:
        self.lock_action.setEnabled(True)
        self.vault_admin.set_unlocked(True)
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.activate()
        self.idle.arm()
        self.statusBar().showMessage(
            self.tr(
                "Vault unlocked. It locks itself after %n minute(s) idle.",
                "",
                self.service.settings.idle_lock_minutes,
            ),
            8000,
        )
        self.tasks.run(self.service.failed_unlocks, progress=False, label="failed unlocks",
                       on_done=self.notice.show_attempts)  # fmt: skip

    def _show_audit(self) -> None:
        from ui.pages.audit_page import AuditPage

        self.notice.hide()
        self.workspace.show_page(AuditPage)

    def lock(self) -> None:
        """Close the vault and forget every value on screen: dialogs, views, clipboard."""
        if not self.service.is_unlocked and self.stack.currentWidget() is self.start_screen:
            return
        self.idle.disarm()
        self.tasks.cancel_all()
        lock.close_dialogs()
        self.workspace.clear()
        lock.clear_clipboard()
        self.tasks.run(self.service.lock, progress=False, cancellable=False, label="lock")
        self.lock_action.setEnabled(False)
        self.vault_admin.set_unlocked(False)
        self.notice.hide()
        self.stack.setCurrentWidget(self.start_screen)
        self.start_screen.reset(locked=True)
        self.statusBar().clearMessage()

    def close_vault(self) -> None:
        """Lock, and leave the start screen free to open or create another vault."""
        self.lock()
        self.start_screen.open_path.clear()
        self.start_screen.recent.clearSelection()
        self.start_screen.message.hide()

    def reopened(self) -> None:
        """The vault was replaced under the open workspace (restored from a backup): every page
        forgets what it showed and loads again."""
        self.workspace.clear()
        lock.clear_clipboard()
        self._unlocked()

    # ------------------------------------------------------------- language
    def set_language(self, language: str) -> None:
        """Rebuild every screen in ``language`` and stay on the page the user was on."""
        row = self.workspace.sidebar.currentRow()
        i18n.install(_app(), language)
        self._build()
        if self.service.is_unlocked and row >= 0:
            self.workspace.sidebar.setCurrentRow(row)
            self.statusBar().showMessage(self.tr("Settings saved."), 8000)

    def _idle_minutes_changed(self, minutes: int) -> None:
        """The idle lock follows the setting at once, and the status bar says the new time
        (the unlock message named the old one)."""
        self.idle.set_minutes(minutes)
        if self.service.is_unlocked:
            self.statusBar().showMessage(
                self.tr("The vault now locks itself after %n minute(s) idle.", "", minutes), 8000
            )

    # -------------------------------------------------------------- helpers
    def _busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def restore_geometry(self) -> None:
        raw = self.service.settings.window_geometry
        if raw:
            try:
                self.restoreGeometry(QByteArray(base64.b64decode(raw)))
                return
            except ValueError:
                pass
        self.resize(1200, 800)

    def save_geometry(self) -> None:
        self.service.settings.window_geometry = base64.b64encode(
            bytes(self.saveGeometry().data())
        ).decode("ascii")
        try:
            self.service.settings.save()
        except OSError:
            log.info("settings not saved")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        self.idle.disarm()
        _app().removeEventFilter(self.idle)
        self.workspace.clear()
        lock.clear_clipboard()
        self.tasks.cancel_all()
        self.tasks.run(self.service.lock, progress=False, cancellable=False, label="lock")
        super().closeEvent(event)
