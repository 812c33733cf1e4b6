"""The people records most tests start from: a catalogue, the member holding its role profile,
and the company's escalation levels."""

from dataclasses import dataclass

import pytest

from deptcoord.core.actor import SYSTEM
from deptcoord.people import services
from deptcoord.people.models import FeedbackLevel, RoleProfile, Skill
from tests.people.helpers import system_catalogue


@dataclass
class Catalogue:
    """Two skills, a role profile targeting them, and the written warning level."""

    seo: Skill
    ads: Skill
    profile: RoleProfile
    written: FeedbackLevel


@pytest.fixture
def catalogue(world) -> Catalogue:
    """SEO (target 4) and digital advertising (target 3) for the member's role profile."""
    _category, seo, ads, profile = system_catalogue()
    services.person_profile_set(actor=SYSTEM, person=world.member, role_profile=profile)
    written = services.feedback_level_create(
        actor=SYSTEM, name_en="Written warning", name_vi="Cảnh cáo bằng văn bản", rank=2
    )
    return Catalogue(seo, ads, profile, written)
