"""Account kinds, identity providers and staff roles."""

from django.db import models


class UserKind(models.TextChoices):
    RESIDENT = "resident", "resident"
    STAFF = "staff", "staff"


class IdentityProvider(models.TextChoices):
    PHONE = "phone", "phone"
    WECHAT = "wechat", "WeChat"
    ALIPAY = "alipay", "Alipay"


class Role(models.TextChoices):
    """Staff roles. The last three keep the "three powers" of graded protection apart."""

    CLERK = "clerk", "clerk"
    REVIEWER = "reviewer", "reviewer"
    SUPERVISOR = "supervisor", "supervisor"
    FINANCE = "finance", "finance"
    ADMIN = "admin", "department administrator"
    SYSTEM_ADMIN = "system_admin", "system administrator"
    SECURITY_ADMIN = "security_admin", "security administrator"
    AUDITOR = "auditor", "auditor"


# No one may hold two of these: the operator, the one who grants rights, the one who checks.
SEPARATED_ROLES = frozenset({Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR})
