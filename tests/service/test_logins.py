"""Logging in: passwords kept only as Argon2id hashes, failed logins limited per account and per address,
sessions that expire and can be revoked, the first admin account, and identity-provider claims."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from service import AccessDenied, Gate, LoginRefused, LoginThrottled, PasswordRejected, Workspace
from service.database import command_line_actor
from service.logins import ACCOUNT_FAILURES, ADDRESS_FAILURES, FAILURE_WINDOW, token_digest
from service.passwords import MIN_PASSWORD_CHARS
from store.tables import login_sessions, users

PASSWORD = "a long enough passphrase"


@pytest.fixture
def gate(db):
    Workspace(db, command_line_actor()).add_user("somchai", PASSWORD, ["planner"])
    return Gate(db)


def test_a_password_is_stored_only_as_an_argon2id_hash(gate, db):
    login = gate.log_in("somchai", PASSWORD, address="10.0.0.7")
    with db.reading() as conn:
        stored = conn.execute(select(users.c.password_hash)).scalar_one()
        tokens = list(conn.execute(select(login_sessions.c.token_hash)).scalars())
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert tokens == [token_digest(login.token)] and login.token not in tokens
    assert PASSWORD not in repr(db.get_user("somchai")) and login.token not in repr(login)


def test_a_short_password_is_refused_with_the_minimum(db):
    admin = Workspace(db, command_line_actor())
    with pytest.raises(PasswordRejected, match=f"at least {MIN_PASSWORD_CHARS}"):
        admin.add_user("short", "x" * (MIN_PASSWORD_CHARS - 1), ["planner"])
    assert db.get_user("short") is None


def test_a_wrong_password_or_name_is_refused_without_saying_which(gate):
    with pytest.raises(LoginRefused) as wrong_password:
        gate.log_in("somchai", "not the password", address="10.0.0.7")
    with pytest.raises(LoginRefused) as wrong_name:
        gate.log_in("nobody", PASSWORD, address="10.0.0.7")
    assert str(wrong_password.value) == str(wrong_name.value)


def test_failed_logins_lock_the_account_for_the_window_even_for_the_right_password(gate, db):
    for _ in range(ACCOUNT_FAILURES):
        with pytest.raises(LoginRefused):
            gate.log_in("somchai", "guess", address="10.0.0.7")
    with pytest.raises(LoginThrottled, match="wait 15 minutes"):
        gate.log_in("somchai", PASSWORD, address="10.9.9.9")  # from another address too
    now = dt.datetime.now(dt.UTC)
    db.clock = lambda: now + FAILURE_WINDOW + dt.timedelta(seconds=1)
    assert gate.log_in("somchai", PASSWORD, address="10.0.0.7").actor.name == "somchai"


def test_failed_logins_from_one_address_lock_that_address_for_every_account(gate):
    for n in range(ADDRESS_FAILURES):
        with pytest.raises(LoginRefused):
            gate.log_in(f"guess{n}", "guess", address="10.6.6.6")
    with pytest.raises(LoginThrottled):
        gate.log_in("somchai", PASSWORD, address="10.6.6.6")
    assert gate.log_in("somchai", PASSWORD, address="10.0.0.7").actor.name == "somchai"


def test_a_session_resumes_until_it_expires_or_is_revoked(gate, db):
    login = gate.log_in("somchai", PASSWORD, address="10.0.0.7")
    assert gate.resume(login.token).name == "somchai"
    assert gate.resume("forged-token") is None and gate.resume(None) is None
    now = dt.datetime.now(dt.UTC)
    db.clock = lambda: now + dt.timedelta(hours=13)
    assert gate.resume(login.token) is None, "12 hours by default"
    db.clock = lambda: dt.datetime.now(dt.UTC)
    second = gate.log_in("somchai", PASSWORD, address="10.0.0.7")
    gate.log_out(second.token)
    assert gate.resume(second.token) is None


def test_the_session_lifetime_can_be_set(gate, db, monkeypatch):
    monkeypatch.setenv("ROLLOUT_SESSION_HOURS", "1")
    login = gate.log_in("somchai", PASSWORD, address="10.0.0.7")
    now = dt.datetime.now(dt.UTC)
    db.clock = lambda: now + dt.timedelta(minutes=61)
    assert gate.resume(login.token) is None


def test_disabling_an_account_or_resetting_its_password_ends_its_sessions(gate, db):
    admin = Workspace(db, command_line_actor())
    first = gate.log_in("somchai", PASSWORD, address="10.0.0.7")
    admin.reset_password("somchai", "a brand new passphrase")
    assert gate.resume(first.token) is None
    with pytest.raises(LoginRefused):
        gate.log_in("somchai", PASSWORD, address="10.0.0.7")
    second = gate.log_in("somchai", "a brand new passphrase", address="10.0.0.7")
    admin.disable_user("somchai")
    assert gate.resume(second.token) is None
    with pytest.raises(LoginRefused):
        gate.log_in("somchai", "a brand new passphrase", address="10.0.0.7")


def test_the_first_start_creates_admin_with_the_given_password(db, monkeypatch):
    monkeypatch.setenv("ROLLOUT_ADMIN_PASSWORD", "the admin's passphrase")
    said = []
    assert Gate(db).ensure_first_admin(announce=said.append) is True
    assert said == [], "a password from the environment is not printed"
    admin = db.get_user("admin")
    assert admin.roles == {"admin", "planner"}
    assert Gate(db).log_in("admin", "the admin's passphrase", address="127.0.0.1").actor.roles == admin.roles
    assert Gate(db).ensure_first_admin(announce=said.append) is False, "only on an empty user table"


def test_without_a_password_the_first_admin_gets_a_generated_one_printed_once(db, monkeypatch):
    monkeypatch.delenv("ROLLOUT_ADMIN_PASSWORD", raising=False)
    said = []
    assert Gate(db).ensure_first_admin(announce=said.append)
    assert Gate(db).ensure_first_admin(announce=said.append) is False
    assert len(said) == 1
    password = said[0].split("the password ")[1].split(" ")[0]
    assert Gate(db).log_in("admin", password, address="127.0.0.1").actor.name == "admin"


def test_a_too_short_admin_password_in_the_environment_is_refused(db, monkeypatch):
    monkeypatch.setenv("ROLLOUT_ADMIN_PASSWORD", "short")
    with pytest.raises(PasswordRejected):
        Gate(db).ensure_first_admin()
    assert db.count_users() == 0


def test_identity_provider_claims_map_to_roles(gate, db):
    actor = gate.external_actor({"preferred_username": "nida", "roles": ["district", "other"], "amphoe": "8003"})
    assert (actor.name, actor.roles, actor.amphoe, actor.origin) == ("nida", {"district"}, "8003", "oidc")
    assert gate.external_actor({"email": "a@b.th", "roles": "executive planner"}).roles == {"executive", "planner"}
    with pytest.raises(AccessDenied, match="no role"):
        gate.external_actor({"preferred_username": "nida", "roles": ["guest"]})
    with pytest.raises(AccessDenied, match="amphoe"):
        gate.external_actor({"preferred_username": "nida", "roles": "district"})
    db.disable_user("somchai")
    with pytest.raises(AccessDenied, match="disabled"):
        gate.external_actor({"preferred_username": "somchai", "roles": "planner"})


def test_the_roles_claim_can_be_renamed(gate, monkeypatch):
    monkeypatch.setenv("ROLLOUT_OIDC_ROLES_CLAIM", "km_roles")
    assert gate.external_actor({"preferred_username": "nida", "km_roles": ["executive"]}).roles == {"executive"}


def test_an_identity_provider_user_whose_local_account_is_disabled_is_refused_at_the_next_write(gate, db):
    actor = gate.external_actor({"preferred_username": "somchai", "roles": "planner"})
    work = Workspace(db, actor)
    work.add_location_corrections([])  # allowed while the account is enabled
    db.disable_user("somchai")
    with pytest.raises(AccessDenied, match="disabled"):
        work.add_location_corrections([])
