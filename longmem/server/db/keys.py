"""Tenants and their API keys. Keys are stored as SHA-256 digests, never in the clear."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Optional

from ..timestamps import iso_now
from .database import Database, from_row
from .records import ROLES, Principal, Tenant


def hash_key(key: str) -> str:
    # Keys are 192-bit random tokens, so an unsalted SHA-256 cannot be brute-forced.
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> str:
    return "lm_" + secrets.token_hex(24)


class Keys:
    def __init__(self, db: Database) -> None:
        self.db = db

    def ensure_tenant(self, tenant_id: str, name: Optional[str] = None) -> None:
        with self.db.write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO tenants (id, name, created_at) VALUES (?, ?, ?)",
                (tenant_id, name or tenant_id, iso_now()),
            )

    def tenant(self, tenant_id: str) -> Optional[Tenant]:
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT id, name, created_at FROM tenants WHERE id = ?", (tenant_id,)
            ).fetchone()
        tenant: Optional[Tenant] = None if row is None else from_row(Tenant, row)
        return tenant

    def add(
        self, tenant_id: str, role: str, label: str, key: Optional[str] = None
    ) -> tuple[str, str]:
        """Store a key (hashed) for a tenant, creating the tenant; returns (key id, key).

        Adding a key that is already stored for the same tenant and role keeps the stored
        one and returns its id. A key stored for another tenant or role raises
        ValueError: taking it over would hand one tenant's data to another, or a
        "read-only" key that can write, without a word.
        """
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        key = key or new_key()
        digest = hash_key(key)
        with self.db.write() as conn:
            row = conn.execute(
                "SELECT id, tenant_id, role FROM api_keys WHERE key_hash = ?", (digest,)
            ).fetchone()
            if row and (row["tenant_id"], row["role"]) != (tenant_id, role):
                raise ValueError(
                    f"the {role} key given for tenant {tenant_id!r} is already stored in "
                    f"this database as a {row['role']} key of tenant {row['tenant_id']!r}; "
                    f"a key belongs to one tenant and one role: give tenant {tenant_id!r} "
                    "a new key"
                )
            self.ensure_tenant(tenant_id)
            if row:
                return str(row["id"]), key
            key_id = "key_" + secrets.token_hex(12)
            conn.execute(
                "INSERT INTO api_keys (id, tenant_id, key_hash, role, label, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (key_id, tenant_id, digest, role, label, iso_now()),
            )
        return key_id, key

    def tenant_has_keys(self, tenant_id: str) -> bool:
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT 1 FROM api_keys WHERE tenant_id = ? LIMIT 1", (tenant_id,)
            ).fetchone()
        return row is not None

    def authenticate(self, key: str) -> Optional[Principal]:
        digest = hash_key(key)
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT id, tenant_id, key_hash, role, label FROM api_keys WHERE key_hash = ?",
                (digest,),
            ).fetchone()
        # The lookup is by digest; the constant-time compare keeps the final check free of
        # early-exit timing even if the lookup ever becomes a prefix or range scan.
        if row is None or not hmac.compare_digest(str(row["key_hash"]), digest):
            return None
        return Principal(row["id"], row["tenant_id"], row["role"], row["label"])
