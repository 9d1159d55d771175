"""Credential sealing on its own: a round trip, and every way a sealed value is refused."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from longmem.server.credentials import SECRET_SUFFIX, CredentialsUnreadable, Vault

# (each value holds a character no sealed form's alphabet has, "." or " ", so it can be
# found in one only if it was written there: "ana" alone turned up by chance once)
CREDENTIALS = {"username": "ana.k", "password": "correct horse battery staple"}


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    return Vault(str(tmp_path / "longmem.db"))


def test_sealed_credentials_open_to_what_was_sealed(vault: Vault) -> None:
    sealed = vault.seal("conn_1", CREDENTIALS)
    assert vault.open("conn_1", sealed) == CREDENTIALS


def test_the_sealed_form_does_not_show_the_credentials(vault: Vault) -> None:
    sealed = vault.seal("conn_1", CREDENTIALS)
    assert sealed.startswith("v1:")
    assert CREDENTIALS["username"] not in sealed and CREDENTIALS["password"] not in sealed


def test_sealing_twice_gives_different_values_under_one_secret(vault: Vault) -> None:
    first, second = vault.seal("conn_1", CREDENTIALS), vault.seal("conn_1", CREDENTIALS)
    assert first != second  # a fresh nonce each time
    assert vault.open("conn_1", first) == vault.open("conn_1", second) == CREDENTIALS


def test_the_secret_lives_beside_the_database_readable_by_the_owner_only(
    vault: Vault, tmp_path: Path
) -> None:
    assert vault.path == str(tmp_path / "longmem.db") + SECRET_SUFFIX
    assert not os.path.exists(vault.path)
    vault.seal("conn_1", CREDENTIALS)
    mode = stat.S_IMODE(os.stat(vault.path).st_mode)
    assert mode == 0o600


def test_another_vault_on_the_same_database_opens_the_value(vault: Vault, tmp_path: Path) -> None:
    sealed = vault.seal("conn_1", CREDENTIALS)
    assert Vault(str(tmp_path / "longmem.db")).open("conn_1", sealed) == CREDENTIALS


def test_a_value_copied_onto_another_connection_is_refused(vault: Vault) -> None:
    sealed = vault.seal("conn_1", CREDENTIALS)
    with pytest.raises(CredentialsUnreadable, match="do not match"):
        vault.open("conn_2", sealed)


def test_a_tampered_value_is_refused(vault: Vault) -> None:
    sealed = vault.seal("conn_1", CREDENTIALS)
    flipped = sealed[:-6] + ("A" if sealed[-6] != "A" else "B") + sealed[-5:]
    with pytest.raises(CredentialsUnreadable, match="do not match"):
        vault.open("conn_1", flipped)


@pytest.mark.parametrize("sealed", ["", "v1:", "v2:" + "A" * 80, "v1:!!!not-base64", "plain"])
def test_a_malformed_value_is_refused(vault: Vault, sealed: str) -> None:
    vault.seal("conn_1", CREDENTIALS)  # the secret exists; only the value is wrong
    with pytest.raises(CredentialsUnreadable, match="malformed"):
        vault.open("conn_1", sealed)


def test_a_missing_secret_file_is_said_so(vault: Vault) -> None:
    sealed = vault.seal("conn_1", CREDENTIALS)
    os.remove(vault.path)
    with pytest.raises(CredentialsUnreadable, match="secret file is missing"):
        vault.open("conn_1", sealed)


def test_a_replaced_secret_file_does_not_open_old_values(vault: Vault) -> None:
    sealed = vault.seal("conn_1", CREDENTIALS)
    with open(vault.path, "w", encoding="ascii") as fh:
        fh.write("ab" * 32 + "\n")
    with pytest.raises(CredentialsUnreadable, match="do not match"):
        vault.open("conn_1", sealed)


@pytest.mark.parametrize("content", ["not hex at all", "abcd", "ab" * 33])
def test_a_malformed_secret_file_is_said_so(vault: Vault, content: str) -> None:
    sealed = vault.seal("conn_1", CREDENTIALS)
    with open(vault.path, "w", encoding="ascii") as fh:
        fh.write(content)
    with pytest.raises(CredentialsUnreadable, match="secret file is malformed"):
        vault.open("conn_1", sealed)
    with pytest.raises(CredentialsUnreadable, match="secret file is malformed"):
        vault.seal("conn_1", CREDENTIALS)  # never overwritten with a new secret
