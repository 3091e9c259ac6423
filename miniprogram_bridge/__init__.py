"""Everything that speaks to the WeChat and Alipay mini-program platforms."""
