"""Accounts, login sessions and login attempts as the service layer will use them (it hashes; the store keeps)."""

import datetime as dt

import pytest

from store import StoreError, UnknownUserError, UserExistsError

HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"
TOKEN_HASH = "a" * 64
NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock(store):
    """The store's clock, moved by hand: `clock.now += timedelta(...)`."""

    class Clock:
        now = NOW

    store.clock = lambda: Clock.now
    return Clock


def test_a_user_reads_back_with_roles_amphoe_and_who_created_it(store):
    store.create_user("somchai", password_hash=HASH, roles=["district"], amphoe="8001", created_by="admin")
    user = store.get_user("somchai")
    assert (user.name, user.roles, user.amphoe, user.disabled) == ("somchai", {"district"}, "8001", False)
    assert user.created_by == "admin" and user.created_at and user.password_hash == HASH
    assert HASH not in repr(user)
    assert store.get_user("nobody") is None


def test_names_are_unique_and_listed_in_order(store):
    for name in ("wilai", "admin"):
        store.create_user(name, password_hash=HASH, roles=["planner"], created_by="setup")
    with pytest.raises(UserExistsError, match="'admin' already exists"):
        store.create_user("admin", password_hash=HASH, roles=["executive"], created_by="setup")
    assert [u.name for u in store.list_users()] == ["admin", "wilai"] and store.count_users() == 2


@pytest.mark.parametrize(("roles", "amphoe", "message"), [
    (["district"], None, "district user needs the 4-digit DOPA code"),
    (["district"], "80", "district user needs the 4-digit"),
    (["planner"], "8001", "only for district users"),
    (["superuser"], None, "not valid: give one or more of admin, district, executive, planner"),
    ([], None, "not valid"),
])
def test_roles_and_amphoe_are_checked(store, roles, amphoe, message):
    with pytest.raises(StoreError, match=message):
        store.create_user("x", password_hash=HASH, roles=roles, amphoe=amphoe, created_by="admin")
    assert store.count_users() == 0


@pytest.mark.parametrize("password", ["correct horse battery staple", "$short", ""])
def test_something_that_is_not_a_hash_is_never_stored_as_one(store, password):
    with pytest.raises(StoreError, match="never the password itself"):
        store.create_user("x", password_hash=password, roles=["planner"], created_by="admin")
    assert store.count_users() == 0


def test_a_session_is_found_by_its_token_hash_until_it_expires(store, clock):
    store.create_user("wilai", password_hash=HASH, roles=["executive"], created_by="admin")
    session = store.create_session("wilai", TOKEN_HASH, lifetime=dt.timedelta(hours=8))
    assert session.expires_at == "2026-11-30T17:00:00.000000+00:00"
    assert store.lookup_session(TOKEN_HASH).user.name == "wilai"
    clock.now += dt.timedelta(hours=8)
    assert store.lookup_session(TOKEN_HASH) is None
    assert store.lookup_session("b" * 64) is None


def test_a_revoked_session_is_no_longer_found(store, clock):
    store.create_user("wilai", password_hash=HASH, roles=["executive"], created_by="admin")
    store.create_session("wilai", TOKEN_HASH, lifetime=dt.timedelta(hours=8))
    assert store.revoke_session(TOKEN_HASH) is True
    assert store.lookup_session(TOKEN_HASH) is None
    assert store.revoke_session(TOKEN_HASH) is False


def test_disabling_a_user_ends_their_sessions_and_refuses_new_ones(store, clock):
    store.create_user("wilai", password_hash=HASH, roles=["planner"], created_by="admin")
    store.create_session("wilai", TOKEN_HASH, lifetime=dt.timedelta(hours=8))
    assert store.disable_user("wilai").disabled
    assert store.lookup_session(TOKEN_HASH) is None
    with pytest.raises(StoreError, match="'wilai' is disabled"):
        store.create_session("wilai", "c" * 64, lifetime=dt.timedelta(hours=8))
    assert not store.enable_user("wilai").disabled
    assert store.lookup_session(TOKEN_HASH) is None  # enabling again does not revive old sessions
    with pytest.raises(UnknownUserError, match="no user named 'nobody'"):
        store.disable_user("nobody")


def test_a_session_keeps_only_a_hash_of_its_token(store):
    store.create_user("wilai", password_hash=HASH, roles=["planner"], created_by="admin")
    with pytest.raises(StoreError, match="hash of its token"):
        store.create_session("wilai", "short-token", lifetime=dt.timedelta(hours=1))
    with pytest.raises(UnknownUserError):
        store.create_session("nobody", TOKEN_HASH, lifetime=dt.timedelta(hours=1))


def test_recent_failures_are_counted_per_account_per_address_and_both(store, clock):
    for account, address, ok in [("wilai", "10.0.0.1", False), ("wilai", "10.0.0.2", False),
                                 ("wilai", "10.0.0.1", True), ("somchai", "10.0.0.1", False)]:
        store.record_login_attempt(account, address, ok=ok)
    window = dt.timedelta(minutes=15)
    assert store.count_recent_failures(account="wilai", within=window) == 2
    assert store.count_recent_failures(address="10.0.0.1", within=window) == 2
    assert store.count_recent_failures(account="wilai", address="10.0.0.1", within=window) == 1
    clock.now += dt.timedelta(minutes=16)
    assert store.count_recent_failures(account="wilai", within=window) == 0
    with pytest.raises(StoreError, match="an account, an address or both"):
        store.count_recent_failures(within=window)


def test_a_password_hash_can_be_replaced(store):
    store.create_user("wilai", password_hash=HASH, roles=["planner"], created_by="admin")
    store.set_password_hash("wilai", "$2b$12$" + "x" * 53)
    assert store.get_user("wilai").password_hash.startswith("$2b$12$")
