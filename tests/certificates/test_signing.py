"""SM2/SM3 against the standards' published examples, and the canonical signed form.

Vectors: GB/T 32905-2016 (SM3) appendix A; GM/T 0003.5-2012 / GB/T 32918 signature example on
the recommended curve (user ID "1234567812345678", message "message digest").
"""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import hashes

from backend.certificates import signing

SM3_VECTORS = [
    pytest.param(b"abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", id="abc"),
    pytest.param(
        b"abcd" * 16, "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732", id="abcd*16"
    ),
]

D = bytes.fromhex("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8")
PUBLIC = bytes.fromhex(
    "04"
    "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
    "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13"
)
K = 0x59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21
R = "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3"
S = "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA"
MESSAGE = b"message digest"
USER_ID = b"1234567812345678"


@pytest.mark.parametrize(("message", "digest"), SM3_VECTORS)
def test_sm3_matches_the_standard_and_cryptography(message, digest):
    import gmalg

    ours = gmalg.SM3()
    ours.update(message)
    theirs = hashes.Hash(hashes.SM3())
    theirs.update(message)
    assert ours.value().hex() == digest
    assert theirs.finalize().hex() == digest


def test_sm2_public_key_of_the_published_private_key():
    assert signing.sm2_public_key(D) == PUBLIC


def test_sm2_signature_equals_the_published_r_and_s():
    signature = signing.sm2_sign(MESSAGE, D, user_id=USER_ID, k=K)
    assert signature.hex().upper() == R + S


def test_sm2_published_signature_verifies_and_alterations_do_not():
    signature = bytes.fromhex(R + S)
    assert signing.sm2_verify(MESSAGE, signature, PUBLIC, user_id=USER_ID)
    assert not signing.sm2_verify(b"message digesT", signature, PUBLIC, user_id=USER_ID)
    assert not signing.sm2_verify(MESSAGE, signature, PUBLIC, user_id=b"ALICE123@YAHOO.COM")
    flipped = bytearray(signature)
    flipped[40] ^= 0x01
    assert not signing.sm2_verify(MESSAGE, bytes(flipped), PUBLIC, user_id=USER_ID)
    # r or s out of [1, n-1] and malformed keys are failures, not crashes.
    assert not signing.sm2_verify(MESSAGE, b"\x00" * 64, PUBLIC, user_id=USER_ID)
    assert not signing.sm2_verify(MESSAGE, signature, b"\x04" + b"\x01" * 64, user_id=USER_ID)
    assert not signing.sm2_verify(MESSAGE, signature[:63], PUBLIC, user_id=USER_ID)


def test_random_signatures_differ_and_verify():
    private_key = signing.sm2_generate_private_key()
    public_key = signing.sm2_public_key(private_key)
    first = signing.sm2_sign(b"x", private_key)
    second = signing.sm2_sign(b"x", private_key)
    assert first != second  # a fresh k every time
    assert signing.sm2_verify(b"x", first, public_key)
    assert signing.sm2_verify(b"x", second, public_key)


def test_canonical_form_is_sorted_compact_utf8():
    assert signing.canonical_bytes({"b": 1, "a": "张"}) == '{"a":"张","b":1}'.encode()


def test_keys_from_settings_rotate(settings):
    old = signing.sm2_generate_private_key().hex()
    new = signing.sm2_generate_private_key().hex()
    settings.CERTIFICATE_SIGNING_KEYS = f"k1:{old}"
    algorithm, key_id, signature = signing.sign_payload({"n": 1})
    assert (algorithm, key_id) == ("SM2-SM3", "k1")
    settings.CERTIFICATE_SIGNING_KEYS = f"k2:{new},k1:{old}"
    assert signing.active_key().key_id == "k2"
    assert signing.verify_payload({"n": 1}, algorithm=algorithm, key_id="k1", signature_hex=signature)
    assert not signing.verify_payload({"n": 2}, algorithm=algorithm, key_id="k1", signature_hex=signature)
    settings.CERTIFICATE_SIGNING_KEYS = f"k2:{new}"  # k1 retired: its signatures no longer verify
    assert not signing.verify_payload({"n": 1}, algorithm=algorithm, key_id="k1", signature_hex=signature)


def test_bad_key_settings_are_refused(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.CERTIFICATE_SIGNING_KEYS = "k1:" + "00" * 32
    with pytest.raises(ImproperlyConfigured):
        signing.signing_keys()


# --- interoperability with OpenSSL's SM2 (an independent implementation) -----------------------
def _der(tag: int, body: bytes) -> bytes:
    size = len(body)
    head = (
        bytes([size])
        if size < 128
        else bytes([0x80 | ((size.bit_length() + 7) // 8)])
        + size.to_bytes((size.bit_length() + 7) // 8, "big")
    )
    return bytes([tag]) + head + body


def _der_int(value: int) -> bytes:
    raw = value.to_bytes((value.bit_length() + 7) // 8 or 1, "big")
    return _der(2, b"\x00" + raw if raw[0] & 0x80 else raw)


def _openssl_sm2() -> str:
    import shutil
    import subprocess

    path = shutil.which("openssl")
    if path is None:
        pytest.skip("openssl is not installed")
    probe = subprocess.run([path, "genpkey", "-algorithm", "SM2"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("this openssl has no SM2")
    return path


def _verify_with_openssl(openssl: str, tmp_path, public_key: bytes, message: bytes, signature: bytes) -> bool:
    import base64
    import subprocess

    # SubjectPublicKeyInfo: id-ecPublicKey with the SM2 curve (1.2.156.10197.1.301).
    algorithm = bytes.fromhex("06072a8648ce3d0201") + bytes.fromhex("06082a811ccf5501822d")
    spki = _der(0x30, _der(0x30, algorithm) + _der(3, b"\x00" + public_key))
    (tmp_path / "pub.pem").write_text(
        "-----BEGIN PUBLIC KEY-----\n" + base64.encodebytes(spki).decode() + "-----END PUBLIC KEY-----\n"
    )
    (tmp_path / "msg").write_bytes(message)
    r, s = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
    (tmp_path / "sig").write_bytes(_der(0x30, _der_int(r) + _der_int(s)))
    result = subprocess.run(
        [
            openssl,
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            str(tmp_path / "pub.pem"),
            "-rawin",
            "-digest",
            "sm3",
            "-in",
            str(tmp_path / "msg"),
            "-sigfile",
            str(tmp_path / "sig"),
            "-pkeyopt",
            "distid:1234567812345678",
        ],
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


def test_openssl_verifies_our_signatures(tmp_path):
    openssl = _openssl_sm2()
    private_key = signing.sm2_generate_private_key()
    public_key = signing.sm2_public_key(private_key)
    message = signing.canonical_bytes({"number": "T-20261121-ABC", "holder_name": "张三"})
    signature = signing.sm2_sign(message, private_key)
    assert _verify_with_openssl(openssl, tmp_path, public_key, message, signature)
    assert not _verify_with_openssl(openssl, tmp_path, public_key, message + b" ", signature)


def test_we_verify_openssl_signatures(tmp_path):
    import subprocess

    openssl = _openssl_sm2()
    key = tmp_path / "key.pem"
    subprocess.run(
        [openssl, "genpkey", "-algorithm", "SM2", "-out", str(key)], check=True, capture_output=True
    )
    public_der = subprocess.run(
        [openssl, "pkey", "-in", str(key), "-pubout", "-outform", "DER"], check=True, capture_output=True
    ).stdout
    public_key = public_der[-65:]
    (tmp_path / "msg").write_bytes(MESSAGE)
    signed = subprocess.run(
        [
            openssl,
            "pkeyutl",
            "-sign",
            "-inkey",
            str(key),
            "-rawin",
            "-digest",
            "sm3",
            "-in",
            str(tmp_path / "msg"),
            "-pkeyopt",
            "distid:1234567812345678",
        ],
        check=True,
        capture_output=True,
    ).stdout
    # DER SEQUENCE { INTEGER r, INTEGER s } → r ‖ s
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

    r, s = decode_dss_signature(signed)
    signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    assert signing.sm2_verify(MESSAGE, signature, public_key)
    assert not signing.sm2_verify(b"message digesT", signature, public_key)
