"""Certificate statuses as the public verification reports them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("valid")
    REVOKED = "revoked", _("revoked")
    EXPIRED = "expired", _("expired")
    NOT_YET_VALID = "not_yet_valid", _("not yet valid")
    SIGNATURE_INVALID = "signature_invalid", _("signature does not verify")
