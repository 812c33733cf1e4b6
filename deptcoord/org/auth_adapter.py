"""Sign-in rules: people are invited, never sign themselves up; SSO signs in known people only."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter

from deptcoord.org.selectors import person_by_email


class InvitationOnlyAdapter(DefaultAccountAdapter):
    """No public sign-up: an administrator or coordinator invites each person."""

    def is_open_for_signup(self, request):
        return False


class ExistingPeopleSocialAdapter(DefaultSocialAccountAdapter):
    """An SSO sign-in is linked to the person with the same e-mail; strangers are refused."""

    def is_open_for_signup(self, request, sociallogin):
        return False

    def pre_social_login(self, request, sociallogin):
        if sociallogin.is_existing:
            return
        email = (sociallogin.user.email or "").strip()
        person = person_by_email(email) if email else None
        if person is not None and person.is_active and person.user_id:
            sociallogin.connect(request, person.user)
