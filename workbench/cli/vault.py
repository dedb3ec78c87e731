"""``workbench vault create|info|check|passphrase|rotate-key|backup|restore|remember|forget``
and ``workbench vault keyring``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from workbench.cli.common import (
    NEW_PASSPHRASE_ENV,
    CommandFailed,
    ProgressBar,
    add_json_arg,
    add_vault_arg,
    emit_json,
    open_service,
    passphrase,
    vault_session,
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("vault", help="create, inspect, check, re-key, back up and restore a vault")
    vsub = p.add_subparsers(dest="vault_command", metavar="ACTION", required=True)

    def cmd(name: str, help_: str, func: Any, vault: bool = True) -> argparse.ArgumentParser:
        sp = vsub.add_parser(name, help=help_, description=help_)
        if vault:
            add_vault_arg(sp)
        sp.set_defaults(func=func)
        return sp

    cmd("create", "create a new, empty encrypted vault (asks for the passphrase twice)", cmd_create)
    add_json_arg(cmd("info", "cipher and key settings, versions, sizes and counts", cmd_info))
    cmd("check", "verify every page's authentication code and the database structure", cmd_check)
    cmd("passphrase", "change the passphrase (re-wraps the key; nothing is re-encrypted)",
        cmd_passphrase)  # fmt: skip
    cmd("rotate-key", "new random data key; re-encrypts every page", cmd_rotate)
    bp = cmd("backup", "write an encrypted, single-file backup of the vault", cmd_backup)
    bp.add_argument("--to", required=True, type=Path, metavar="FILE", help="backup file to write")
    rp = cmd("restore", "verify a backup, then restore it to --vault PATH", cmd_restore)
    rp.add_argument("--from", dest="source", required=True, type=Path, metavar="FILE",
                    help="the backup file")  # fmt: skip
    rp.add_argument("--replace-other", action="store_true",
                    help="allow the backup of ANOTHER vault to replace the vault at --vault "
                         "(its data are lost unless it has its own backup)")  # fmt: skip
    cmd("remember", "remember the key in this computer's OS keyring", cmd_remember)
    cmd("forget", "remove the remembered key from the OS keyring", cmd_forget)
    add_json_arg(cmd("keyring", "is an OS keyring available here?", cmd_keyring, vault=False))


def _out(msg: str) -> None:
    sys.stdout.write(msg + "\n")


def cmd_create(args: argparse.Namespace) -> int:
    from workbench.service import Workbench

    secret = passphrase(confirm=True)
    wb = Workbench()
    path = Path(args.vault)
    wb.create_vault(path, secret)
    wb.lock()
    _out(f"Created the vault {path} (keep {path.name}.header beside it; back up both).")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    with vault_session(args) as wb:
        info = wb.vault_info()
    if args.json:
        emit_json(info)
        return 0
    kdf = info["kdf"]
    _out(f"vault        {info['path']}")
    _out(f"header       {info['header']}")
    _out(f"schema       version {info['schema_version']}, created {info['created_at']}")
    _out(f"size         {info['file_bytes']:,} bytes, {info['page_count']} pages of "
         f"{info['page_size']} bytes ({info['free_pages']} free)")  # fmt: skip
    _out(f"cipher       SQLCipher {info['cipher_version']}, {info['crypto_provider']}, "
         f"SQLite {info['sqlite_version']}")  # fmt: skip
    _out("             AES-256-CBC pages + HMAC-SHA512, raw 256-bit data key")
    _out(f"key wrap     {info['key_wrap']} under Argon2id (memory {kdf['memory_kib']} KiB, "
         f"{kdf['iterations']} passes, {kdf['lanes']} lanes)"
         + ("  [below the recommended cost: change the passphrase to upgrade]"
            if info["kdf_below_recommended"] else ""))  # fmt: skip
    _out(f"remembered   {info['remembered_in'] or 'no'}")
    counts = ", ".join(f"{k} {v}" for k, v in info["counts"].items())
    _out(f"contents     {counts}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with vault_session(args) as wb:
        report = wb.check_vault()
    if report.ok:
        _out("OK: every page is authentic and the database structure is sound.")
        return 0
    for line in report.problems:
        _out(f"problem: {line}")
    raise CommandFailed.of("cli.integrity_failed", count=len(report.problems))


def cmd_passphrase(args: argparse.Namespace) -> int:
    from workbench.service import Workbench

    old = passphrase(prompt="Current passphrase: ")
    wb = Workbench()
    wb.open_vault(args.vault, old)
    try:
        new = passphrase(confirm=True, env=NEW_PASSPHRASE_ENV, prompt="New passphrase: ")
        wb.change_passphrase(old, new)
    finally:
        wb.lock()
    _out("Passphrase changed. The old passphrase no longer opens this vault.")
    return 0


def cmd_rotate(args: argparse.Namespace) -> int:
    wb = open_service(args)
    bar = ProgressBar("Rotating key")
    try:
        wb.rotate_key(progress=bar)
    finally:
        bar.close()
        wb.lock()
    _out("Data key rotated: every page is now encrypted under a new key.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with vault_session(args) as wb:
        out = wb.backup_vault(args.to)
    _out(f"Encrypted backup written to {out} (opens with the vault's passphrase at this time).")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from workbench.service import Workbench

    target = Path(args.vault)
    wb = Workbench()
    wb.restore_vault(args.source, target, passphrase(), replace_other=args.replace_other)
    wb.lock()
    _out(f"Backup verified and restored to {target}.")
    return 0


def cmd_remember(args: argparse.Namespace) -> int:
    with vault_session(args) as wb:
        backend = wb.remember_key()
    _out(f"The vault key is remembered in {backend} on this computer.")
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    with vault_session(args) as wb:
        wb.forget_key()
    _out("The vault key is no longer remembered on this computer.")
    return 0


def cmd_keyring(args: argparse.Namespace) -> int:
    from workbench.service import Workbench

    status = Workbench().keyring_status()
    if args.json:
        emit_json(status)
    else:
        state = "available" if status["available"] else "not available"
        _out(f"OS keyring {state}: {status['backend'] or '-'}"
             + (f" ({status['reason']})" if status["reason"] else ""))  # fmt: skip
    return 0
