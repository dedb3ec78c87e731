"""'Remember on this computer': only real keyring backends, read back, recorded by name."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from workbench.errors import KeyringUnavailable, VaultError
from workbench.vault import Vault
from workbench.vault.keystore import keyring_status


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):  # type: ignore[no-untyped-def]
        return self.store.get((service, username))

    def set_password(self, service, username, password):  # type: ignore[no-untyped-def]
        self.store[(service, username)] = password

    def delete_password(self, service, username):  # type: ignore[no-untyped-def]
        self.store.pop((service, username), None)


class LossyKeyring(MemoryKeyring):
    def get_password(self, service, username):  # type: ignore[no-untyped-def]
        return "bm90IHRoZSBrZXk="


class PlainFileKeyring(MemoryKeyring):
    """Stands in for keyrings.alt.file.PlaintextKeyring."""


PlainFileKeyring.__module__ = "keyrings.alt.file"


@pytest.fixture
def use_keyring():
    previous = keyring.get_keyring()

    def set_(backend):  # type: ignore[no-untyped-def]
        keyring.set_keyring(backend)
        return backend

    yield set_
    keyring.set_keyring(previous)


def test_fail_null_chainer_and_plaintext_backends_are_refused(use_keyring, vault):
    for backend in (fail.Keyring(), null.Keyring(), PlainFileKeyring()):
        use_keyring(backend)
        status = keyring_status()
        assert status["available"] is False and status["reason"], backend
        with pytest.raises(KeyringUnavailable):
            vault.remember()

    class HollowChain(chainer.ChainerBackend):
        @property
        def backends(self):  # type: ignore[no-untyped-def]
            return [fail.Keyring(), null.Keyring()]

    empty_chain = HollowChain()
    use_keyring(empty_chain)
    status = keyring_status()
    assert status["available"] is False, (status, empty_chain.backends)


def test_status_never_raises(use_keyring, monkeypatch):
    import workbench.vault.keystore as ks

    def boom():  # type: ignore[no-untyped-def]
        raise RuntimeError("D-Bus exploded")

    monkeypatch.setattr(ks, "_backend", boom)
    st = keyring_status()
    assert st["available"] is False and "D-Bus exploded" in st["reason"]


def test_memory_backend_remember_open_forget(use_keyring, vault, vault_path, passphrase):
    mem = use_keyring(MemoryKeyring())
    assert keyring_status()["available"] is True
    name = vault.remember()
    assert name.endswith("MemoryKeyring") and vault.info()["remembered_in"] == name
    assert len(mem.store) == 1
    vault.lock()
    v = Vault.open_remembered(vault_path)
    assert v.is_open and v.audit_log(action="vault.unlock")[-1].params == {"method": "keyring"}
    with pytest.raises(VaultError, match="passphrase"):
        v.rotate_key()  # needs the passphrase
    v.forget()
    assert mem.store == {}
    v.lock()
    with pytest.raises(KeyringUnavailable, match="not remembered"):
        Vault.open_remembered(vault_path)
    Vault.open(vault_path, passphrase).lock()  # passphrase path always works


def test_backend_that_does_not_read_back_is_refused(use_keyring, vault):
    use_keyring(LossyKeyring())
    with pytest.raises(KeyringUnavailable, match="did not return"):
        vault.remember()


def test_changed_backend_is_explained(use_keyring, vault, vault_path):
    use_keyring(MemoryKeyring())
    vault.remember()
    vault.lock()

    class OtherKeyring(MemoryKeyring):
        pass

    use_keyring(OtherKeyring())
    with pytest.raises(KeyringUnavailable, match="remembered in"):
        Vault.open_remembered(vault_path)


def test_rotation_forgets_the_remembered_key(use_keyring, vault, vault_path):
    mem = use_keyring(MemoryKeyring())
    vault.remember()
    vault.rotate_key()
    assert mem.store == {} and vault.info()["remembered_in"] is None
    vault.lock()
    with pytest.raises(KeyringUnavailable):
        Vault.open_remembered(vault_path)


def test_no_keyring_everything_else_works(vault):
    # the suite runs with PYTHON_KEYRING_BACKEND=fail: reported unavailable, vault usable
    assert keyring_status()["available"] in (False, True)
    assert vault.info()["counts"]["datasets"] == 0
