"""SMS provider backends behind `notifications.sms.BaseSmsBackend` (named by `SMS_BACKEND`)."""
