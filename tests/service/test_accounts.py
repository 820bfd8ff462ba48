"""Managing accounts: admins add, list, disable and enable them; the last admin and oneself are protected."""

from __future__ import annotations

import pytest

from service import AccessDenied, ServiceError, UserExistsError
from tests.service.conftest import PASSWORD


def test_an_admin_adds_a_district_user_tied_to_an_amphoe(people):
    added = people.work("admin").add_user("amphoe8010", PASSWORD, ["District"], "8010")
    assert added.roles == {"district"} and added.amphoe == "8010" and added.created_by == "admin"
    with pytest.raises(UserExistsError):
        people.work("admin").add_user("amphoe8010", PASSWORD, ["executive"])


def test_a_district_user_without_an_amphoe_or_an_unknown_role_is_refused(people):
    with pytest.raises(ServiceError, match="4-digit DOPA code"):
        people.work("admin").add_user("nowhere", PASSWORD, ["district"])
    with pytest.raises(ServiceError, match="role superuser is not one of"):
        people.work("admin").add_user("boss", PASSWORD, ["superuser"])
    assert people.db.get_user("nowhere") is None and people.db.get_user("boss") is None


def test_the_last_enabled_admin_and_ones_own_account_cannot_be_disabled(people):
    admin = people.work("admin")
    with pytest.raises(AccessDenied, match="your own account"):
        admin.disable_user("admin")
    admin.add_user("second_admin", PASSWORD, ["admin"])
    people.db.disable_user("second_admin")
    assert admin.enable_user("second_admin").disabled is False
    assert admin.disable_user("second_admin").disabled is True
    assert [u.name for u in admin.list_users() if not u.disabled] == [
        "admin", "district", "executive", "other_district", "planner"]
