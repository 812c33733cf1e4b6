"""Sign-in rules: people are invited, never sign themselves up; SSO signs in known people only."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter

from deptcoord.core.client_address import client_address
from deptcoord.org.selectors import person_by_email


class InvitationOnlyAdapter(DefaultAccountAdapter):
    """No public sign-up: an administrator or coordinator invites each person."""

    def is_open_for_signup(self, request):
        return False

    def get_client_ip(self, request):
        """The client behind our trusted proxies, for the sign-in rate limits."""
        return client_address(request) or super().get_client_ip(request)

    def _get_login_attempts_cache_key(self, request, **credentials):
        """Failed sign-ins count per account and address: strangers elsewhere (or everyone
        behind one proxy) cannot lock a person out."""
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}|{self.get_client_ip(request)}"


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
