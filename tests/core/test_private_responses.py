"""Pages, exports and API answers are someone's own view: no shared cache may keep them."""

import pytest

from tests.factories import client_for


@pytest.mark.parametrize("path", ["/", "/work/my-steps/", "/api/v1/today", "/notifications/"])
def test_personal_answers_are_private_and_not_stored(world, path):
    response = client_for(world.member).get(path, follow=True)
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
