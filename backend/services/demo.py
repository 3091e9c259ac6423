"""Demo catalog: about twenty realistic service items in zh-Hans and en (idempotent loader).

Called by `manage.py seed_demo`. Departments come from the accounts demo data; items whose
department is missing are skipped.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from backend.accounts.models import Department
from backend.services.models import (
    FaqEntry,
    FeeItem,
    MaterialSpec,
    ProcessStep,
    Region,
    ServiceItem,
    ServiceWindow,
)
from backend.services.services import service_publish, service_search_keys_refresh

REGIONS = [
    ("370000", "山东省", "Shandong Province", "province", None),
    ("370100", "济南市", "Jinan", "city", "370000"),
    ("370102", "历下区", "Lixia District", "county", "370100"),
]

IMG = ["jpeg", "png", "webp"]
IMG_PDF = ["jpeg", "png", "webp", "pdf"]

# Materials: (code, zh name, en name, required, formats, identity document?, certificate type)
ID_CARD = ("id_card", "居民身份证", "Resident identity card", True, IMG, True, "CN.ID_CARD")
HUKOU = ("hukou", "居民户口簿", "Household register", True, IMG_PDF, True, "CN.HUKOU")
PHOTO = ("photo", "近期免冠证件照", "Recent passport-style photo", True, IMG, False, "")
BIRTH_CERT = (
    "birth_medical",
    "出生医学证明",
    "Medical certificate of birth",
    True,
    IMG_PDF,
    False,
    "CN.BIRTH_MEDICAL",
)
MARRIAGE = ("marriage", "结婚证", "Marriage certificate", False, IMG_PDF, False, "CN.MARRIAGE")
LEASE = ("lease", "住所使用证明", "Proof of the business premises", True, IMG_PDF, False, "")
ARTICLES = ("articles", "公司章程", "Articles of association", True, ["pdf"], False, "")
HEALTH = ("health_cert", "体检证明", "Medical examination certificate", True, IMG_PDF, False, "")
LICENCE = ("driving_licence", "机动车驾驶证", "Driving licence", True, IMG, True, "CN.DRIVING_LICENCE")
DIPLOMA = ("diploma", "毕业证书", "Diploma", True, IMG_PDF, False, "CN.DIPLOMA")
CONTRACT = ("labour_contract", "劳动合同", "Labour contract", True, ["pdf"], False, "")
PASSPORT_OLD = ("old_passport", "原护照", "Previous passport", False, IMG, True, "CN.PASSPORT")

_NAME_FIELD = {"type": "string", "title": "申请人姓名", "minLength": 2, "maxLength": 30}
_PHONE_FIELD = {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}


def _schema(**extra: dict[str, Any]) -> dict[str, Any]:
    properties = {"applicant_name": _NAME_FIELD, "contact_phone": _PHONE_FIELD, **extra}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


REASON = {"type": "string", "title": "申请事由", "minLength": 2, "maxLength": 200}

# (code, department, co-handling, zh name, en name, aliases, type, audience, themes, depth,
#  statutory days, promised days, fee stage, fees[(code, zh, en, fen, basis)], materials, form)
ITEMS: list[tuple[Any, ...]] = [
    (
        "11370000GA0001",
        "GA",
        [],
        "居民身份证换领",
        "Renewal of the resident identity card",
        ["身份证到期换证", "换身份证"],
        "public_service",
        "individual",
        "identity,household",
        3,
        60,
        15,
        "before_acceptance",
        [("gb", "居民身份证工本费", "Identity card production fee", 2000, "发改价格〔2005〕436号")],
        [ID_CARD, PHOTO],
        {"reason": REASON},
    ),
    (
        "11370000GA0002",
        "GA",
        [],
        "居民身份证补领",
        "Replacement of a lost resident identity card",
        ["身份证丢失补办", "补办身份证"],
        "public_service",
        "individual",
        "identity,household",
        3,
        60,
        15,
        "before_acceptance",
        [("gb", "居民身份证工本费", "Identity card production fee", 4000, "发改价格〔2005〕436号")],
        [HUKOU, PHOTO],
        {"reason": REASON},
    ),
    (
        "11370000GA0003",
        "GA",
        [],
        "临时居民身份证办理",
        "Temporary resident identity card",
        ["临时身份证"],
        "public_service",
        "individual",
        "identity",
        2,
        3,
        1,
        "before_acceptance",
        [("gb", "临时身份证工本费", "Temporary card fee", 1000, "发改价格〔2005〕436号")],
        [HUKOU, PHOTO],
        {},
    ),
    (
        "11370000GA0004",
        "GA",
        [],
        "户口迁移（投靠配偶）",
        "Household registration transfer to join a spouse",
        ["户口迁入", "落户"],
        "confirmation",
        "individual",
        "household,marriage",
        3,
        20,
        10,
        "none",
        [],
        [ID_CARD, HUKOU, MARRIAGE],
        {"reason": REASON},
    ),
    (
        "11370000GA0005",
        "GA",
        ["WS"],
        "新生儿出生登记（入户）",
        "Birth registration of a newborn (household)",
        ["新生儿上户口", "出生入户"],
        "confirmation",
        "individual",
        "birth,household",
        4,
        20,
        5,
        "none",
        [],
        [BIRTH_CERT, HUKOU, MARRIAGE],
        {"child_name": {"type": "string", "minLength": 1, "maxLength": 30}},
    ),
    (
        "11370000GA0006",
        "GA",
        [],
        "居住证申领",
        "Residence permit application",
        ["居住证办理"],
        "public_service",
        "individual",
        "household,housing",
        3,
        15,
        10,
        "none",
        [],
        [ID_CARD, PHOTO, LEASE],
        {},
    ),
    (
        "11370000RS0001",
        "RS",
        [],
        "社会保障卡申领",
        "Social security card application",
        ["社保卡办理", "社保卡"],
        "public_service",
        "individual",
        "social_insurance",
        4,
        20,
        10,
        "none",
        [],
        [ID_CARD, PHOTO],
        {},
    ),
    (
        "11370000RS0002",
        "RS",
        [],
        "城乡居民养老保险参保登记",
        "Enrolment in the urban and rural residents' pension",
        ["养老保险参保", "城乡居民养老"],
        "registration",
        "individual",
        "social_insurance,pension",
        4,
        15,
        5,
        "none",
        [],
        [ID_CARD],
        {},
    ),
    (
        "11370000RS0003",
        "RS",
        [],
        "失业保险金申领",
        "Unemployment insurance benefit claim",
        ["失业金", "领取失业金"],
        "payment",
        "individual",
        "social_insurance,employment",
        4,
        20,
        10,
        "none",
        [],
        [ID_CARD, CONTRACT],
        {"reason": REASON},
    ),
    (
        "11370000RS0004",
        "RS",
        [],
        "职工养老保险关系转移",
        "Transfer of the employee pension account",
        ["社保转移", "养老保险转移"],
        "public_service",
        "individual",
        "social_insurance,pension",
        4,
        45,
        15,
        "none",
        [],
        [ID_CARD],
        {},
    ),
    (
        "11370000SC0001",
        "SC",
        ["GA", "CZ"],
        "有限责任公司设立登记",
        "Registration of a limited liability company",
        ["营业执照", "注册公司", "开公司"],
        "licence",
        "legal_person",
        "business",
        4,
        15,
        3,
        "none",
        [],
        [ID_CARD, LEASE, ARTICLES],
        {"company_name": {"type": "string", "minLength": 4, "maxLength": 100}},
    ),
    (
        "11370000SC0002",
        "SC",
        [],
        "个体工商户注册登记",
        "Registration of an individual business",
        ["个体户营业执照", "个体执照"],
        "licence",
        "individual",
        "business",
        4,
        15,
        3,
        "none",
        [],
        [ID_CARD, LEASE],
        {"shop_name": {"type": "string", "minLength": 2, "maxLength": 60}},
    ),
    (
        "11370000SC0003",
        "SC",
        ["WS"],
        "食品经营许可",
        "Food business licence",
        ["食品许可证", "餐饮许可"],
        "licence",
        "legal_person",
        "business,food",
        3,
        20,
        10,
        "none",
        [],
        [ID_CARD, LEASE, HEALTH],
        {},
    ),
    (
        "11370000JT0001",
        "JT",
        ["GA"],
        "机动车驾驶证期满换证",
        "Renewal of an expiring driving licence",
        ["驾照换证", "驾驶证到期"],
        "public_service",
        "individual",
        "transport",
        4,
        10,
        5,
        "after_approval",
        [("gb", "驾驶证工本费", "Driving licence production fee", 1000, "发改价格〔2004〕2831号")],
        [LICENCE, PHOTO, HEALTH],
        {},
    ),
    (
        "11370000JT0002",
        "JT",
        [],
        "道路运输从业人员资格证申领",
        "Road transport worker qualification",
        ["从业资格证", "货运资格证"],
        "licence",
        "individual",
        "transport,employment",
        3,
        20,
        10,
        "none",
        [],
        [ID_CARD, LICENCE, PHOTO],
        {},
    ),
    (
        "11370000JY0001",
        "JY",
        [],
        "学历证书认证",
        "Verification of an academic certificate",
        ["学历认证", "毕业证认证"],
        "confirmation",
        "individual",
        "education",
        4,
        20,
        10,
        "none",
        [],
        [ID_CARD, DIPLOMA],
        {},
    ),
    (
        "11370000JY0002",
        "JY",
        ["GA"],
        "义务教育入学登记",
        "Enrolment in compulsory education",
        ["小学入学", "入学报名"],
        "public_service",
        "individual",
        "education,birth",
        4,
        15,
        10,
        "none",
        [],
        [HUKOU, BIRTH_CERT],
        {"child_name": {"type": "string", "minLength": 1, "maxLength": 30}},
    ),
    (
        "11370000WS0001",
        "WS",
        [],
        "出生医学证明办理",
        "Medical certificate of birth",
        ["出生证", "出生证明"],
        "public_service",
        "individual",
        "birth,health",
        3,
        10,
        3,
        "none",
        [],
        [ID_CARD, MARRIAGE],
        {},
    ),
    (
        "11370000WS0002",
        "WS",
        [],
        "生育登记",
        "Birth registration (family planning service)",
        ["生育服务登记", "准生证"],
        "registration",
        "individual",
        "birth,health,marriage",
        4,
        5,
        1,
        "none",
        [],
        [ID_CARD, MARRIAGE],
        {},
    ),
    (
        "11370000CRJ001",
        "CRJ",
        [],
        "普通护照签发",
        "Issue of an ordinary passport",
        ["办护照", "护照"],
        "licence",
        "individual",
        "exit_entry",
        3,
        15,
        7,
        "after_approval",
        [("passport", "护照工本费", "Passport fee", 12000, "发改价格规〔2019〕914号")],
        [ID_CARD, PHOTO, PASSPORT_OLD],
        {"reason": REASON},
    ),
    (
        "11370000CRJ002",
        "CRJ",
        [],
        "往来港澳通行证签发",
        "Exit-entry permit for Hong Kong and Macao",
        ["港澳通行证", "港澳签注"],
        "licence",
        "individual",
        "exit_entry",
        3,
        15,
        7,
        "after_approval",
        [("permit", "通行证工本费", "Permit fee", 6000, "发改价格规〔2019〕914号")],
        [ID_CARD, PHOTO],
        {},
    ),
]


def _step_rows(name_en: str) -> list[tuple[str, str, str, str]]:
    return [
        ("网上申请", "Apply online", "填写表单并上传材料。", "Fill in the form and upload the materials."),
        (
            "受理",
            "Acceptance",
            "窗口工作人员预审并受理，材料不全的一次性告知。",
            "Staff pre-review and accept; anything missing is told all at once.",
        ),
        (
            "审查决定",
            "Review and decision",
            f"依法审查并作出决定：{name_en}。",
            f"Review and decision: {name_en}.",
        ),
        (
            "办结送达",
            "Completion",
            "结果通过短信告知，证照可在线查看。",
            "The result is sent by SMS and shown online.",
        ),
    ]


@transaction.atomic
def load_demo_catalog() -> int:
    """Create or update the demo regions and items, publish each, return the item count."""
    regions: dict[str, Region] = {}
    for code, name, name_en, level, parent in REGIONS:
        regions[code], _ = Region.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "level": level,
                "parent": regions.get(parent or ""),
                "translations": {"en": {"name": name_en}},
            },
        )
    departments = {d.code: d for d in Department.objects.all()}
    count = 0
    for (
        code,
        dep,
        co,
        name,
        name_en,
        aliases,
        item_type,
        audience,
        themes,
        depth,
        statutory,
        promised,
        fee_stage,
        fees,
        materials,
        form,
    ) in ITEMS:
        if dep not in departments:
            continue
        item, _ = ServiceItem.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "aliases": aliases,
                "department": departments[dep],
                "item_type": item_type,
                "audience": audience,
                "themes": f",{themes},",
                "region": regions["370000"],
                "region_level": "province",
                "online_depth": depth,
                "conditions": f"符合《{name}》办理条件的申请人。",
                "legal_basis": "《中华人民共和国行政许可法》及相关法律法规",
                "statutory_days": statutory,
                "promised_days": promised,
                "fee_stage": fee_stage,
                "form_schema": _schema(**form),
                "translations": {
                    "en": {
                        "name": name_en,
                        "conditions": f"Applicants who meet the conditions for: {name_en}.",
                        "legal_basis": "Administrative Licensing Law of the PRC and related regulations",
                    }
                },
            },
        )
        item.co_departments.set([departments[c] for c in co if c in departments])
        item.fee_items.all().delete()
        for order, (fcode, fname, fname_en, fen, basis) in enumerate(fees):
            FeeItem.objects.create(
                service=item,
                code=fcode,
                name=fname,
                amount_fen=fen,
                legal_basis=basis,
                order=order,
                translations={"en": {"name": fname_en}},
            )
        item.materials.all().delete()
        for order, (mcode, mname, mname_en, required, formats, identity, cert) in enumerate(materials):
            MaterialSpec.objects.create(
                service=item,
                code=mcode,
                name=mname,
                required=required,
                accepted_formats=formats,
                order=order,
                is_identity_document=identity,
                certificate_type=cert,
                copies=1,
                notes="原件拍照，四角完整、字迹清晰。",
                translations={
                    "en": {"name": mname_en, "notes": "A photo of the original, all four corners, legible."}
                },
            )
        item.steps.all().delete()
        for order, (sname, sname_en, desc, desc_en) in enumerate(_step_rows(name_en), start=1):
            ProcessStep.objects.create(
                service=item,
                order=order,
                name=sname,
                description=desc,
                translations={"en": {"name": sname_en, "description": desc_en}},
            )
        item.windows.all().delete()
        ServiceWindow.objects.create(
            service=item,
            hall="济南市政务服务中心",
            place="济南市历下区龙鼎大道1号",
            window=f"{dep} 综合窗口",
            hours="周一至周五 9:00-17:00",
            hotline="12345",
            translations={
                "en": {
                    "hall": "Jinan Government Service Centre",
                    "place": "1 Longding Avenue, Lixia District, Jinan",
                    "window": f"{dep} general window",
                    "hours": "Mon-Fri 9:00-17:00",
                }
            },
        )
        item.faqs.all().delete()
        FaqEntry.objects.create(
            service=item,
            question="可以全程网上办理吗？",
            answer=f"网办深度为{depth}级；4级可全程网办，无需到现场。",
            translations={
                "en": {
                    "question": "Can it be done fully online?",
                    "answer": f"Online depth {depth}; depth 4 is fully online with no visit.",
                }
            },
        )
        service_search_keys_refresh(service=item)
        if item.current_version is None:
            service_publish(service=item)
        count += 1
    return count
