from django.urls import path

from miniprogram_bridge import apis

urlpatterns = [
    path("auth/wechat", apis.WeChatLoginApi.as_view(), name="auth-wechat"),
    path("auth/wechat/phone", apis.WeChatPhoneBindApi.as_view(), name="auth-wechat-phone"),
    path("auth/alipay", apis.AlipayLoginApi.as_view(), name="auth-alipay"),
    path("auth/alipay/phone", apis.AlipayPhoneBindApi.as_view(), name="auth-alipay-phone"),
    path("subscriptions/wechat", apis.SubscribeConsentApi.as_view(), name="subscriptions-wechat"),
    path("subscriptions/alipay", apis.AlipaySubscribeConsentApi.as_view(), name="subscriptions-alipay"),
]
