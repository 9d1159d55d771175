"""Connection credentials at rest: sealed before they are stored, opened only for a sync.

Obfuscation-grade, stdlib-only encryption: an HMAC-SHA256 keystream (CTR-like, random
16-byte nonce) plus an HMAC-SHA256 tag over the connection id, nonce and ciphertext. The
32-byte secret lives in a 0600 file beside the database (``<db>.secret``), so a copied or
shared database file alone does not reveal credentials; anyone who can read that folder
can. It is not a vetted AEAD construction and makes no claim beyond that. Back up the
secret file with the database, or stored credentials cannot be opened again.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Mapping
from typing import Any, Optional

SECRET_SUFFIX = ".secret"
_SEAL_VERSION = "v1"
_NONCE_BYTES = 16
_TAG_BYTES = 32
_SECRET_BYTES = 32


class CredentialsUnreadable(Exception):
    """Stored credentials could not be opened (secret file missing, changed or broken)."""


class Vault:
    """Seals and opens the credentials of one database's connections."""

    def __init__(self, db_path: str) -> None:
        self.path = os.path.abspath(db_path) + SECRET_SUFFIX

    def seal(self, connection_id: str, credentials: Mapping[str, Any]) -> str:
        """The sealed form to store. Makes the secret on first use: call it inside the
        database's write transaction, whose lock serialises creators across threads and
        processes, so two never write different secrets. Raises OSError or
        CredentialsUnreadable when the secret cannot be made or read."""
        enc_key, mac_key = _subkeys(self._secret(create=True))
        plain = json.dumps(credentials, separators=(",", ":")).encode("utf-8")
        nonce = secrets.token_bytes(_NONCE_BYTES)
        cipher = _xor(plain, _keystream(enc_key, nonce, len(plain)))
        tag = _tag(mac_key, connection_id, nonce, cipher)
        return _SEAL_VERSION + ":" + base64.urlsafe_b64encode(nonce + cipher + tag).decode("ascii")

    def open(self, connection_id: str, sealed: str) -> dict[str, Any]:
        """The credentials sealed for ``connection_id``; CredentialsUnreadable otherwise."""
        secret = self._secret(create=False)
        version, _, encoded = sealed.partition(":")
        try:
            raw = base64.urlsafe_b64decode(encoded.encode("ascii"))
        except ValueError:
            raw = b""
        if version != _SEAL_VERSION or len(raw) < _NONCE_BYTES + _TAG_BYTES:
            raise CredentialsUnreadable("the stored credentials are malformed")
        nonce, cipher, tag = raw[:_NONCE_BYTES], raw[_NONCE_BYTES:-_TAG_BYTES], raw[-_TAG_BYTES:]
        enc_key, mac_key = _subkeys(secret)
        if not hmac.compare_digest(tag, _tag(mac_key, connection_id, nonce, cipher)):
            raise CredentialsUnreadable("the stored credentials do not match the secret file")
        value = json.loads(_xor(cipher, _keystream(enc_key, nonce, len(cipher))).decode("utf-8"))
        if not isinstance(value, dict):
            raise CredentialsUnreadable("the stored credentials are malformed")
        return value

    def _secret(self, *, create: bool) -> bytes:
        found = self._read_secret()
        if found is not None:
            return found
        if not create:
            raise CredentialsUnreadable("the credentials secret file is missing")
        secret = secrets.token_bytes(_SECRET_BYTES)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secret.hex() + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        return secret

    def _read_secret(self) -> Optional[bytes]:
        try:
            with open(self.path, encoding="ascii") as fh:
                text = fh.read().strip()
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError):
            raise CredentialsUnreadable("the credentials secret file is unreadable") from None
        try:
            secret = bytes.fromhex(text)
        except ValueError:
            secret = b""
        if len(secret) != _SECRET_BYTES:
            raise CredentialsUnreadable("the credentials secret file is malformed")
        return secret


def _subkeys(secret: bytes) -> tuple[bytes, bytes]:
    enc = hmac.new(secret, b"longmem credentials encrypt v1", hashlib.sha256).digest()
    mac = hmac.new(secret, b"longmem credentials authenticate v1", hashlib.sha256).digest()
    return enc, mac


def _keystream(key: bytes, nonce: bytes, length: int) -> bytes:
    blocks = []
    for counter in range((length + 31) // 32):
        blocks.append(hmac.new(key, nonce + counter.to_bytes(8, "big"), hashlib.sha256).digest())
    return b"".join(blocks)[:length]


def _xor(data: bytes, stream: bytes) -> bytes:
    return (int.from_bytes(data, "big") ^ int.from_bytes(stream, "big")).to_bytes(len(data), "big")


def _tag(mac_key: bytes, connection_id: str, nonce: bytes, ciphertext: bytes) -> bytes:
    # Binding the connection id stops a sealed value being copied onto another row.
    bound = connection_id.encode("utf-8")
    message = len(bound).to_bytes(4, "big") + bound + nonce + ciphertext
    return hmac.new(mac_key, message, hashlib.sha256).digest()
