"""Renders the registration form from plain values, outside the test process, so that the environment
(fontconfig) can be chosen: run as `python -m tests.printing.render_sample > out.pdf`."""

import os
import sys


def sample_context() -> dict:
    return {
        "f": {
            "name": "郑州犇鑫喆堃科技有限公司",
            "credit_code": "91410105MA9XXXXX1Q",
            "kind": "企业",
            "legal_representative": "欧阳淼",
            "region": "河南省 郑州市 金水区",
            "address": "郑州市金水区文化路1号龘楼",
            "contact_person": "李红",
            "contact_phone": "15612344563",
            "website": "https://example.cn",
            "introduction": "一家从事软件开发、技术咨询的企业。\n第二行：员工 120 人。",
            "origin": "自荐注册",
            "recommended_by": "无",
            "verification_status": "已认证",
            "verified_at": "2026-03-05 09:30",
            "platform_code": "P000000001",
        },
        "history": [],
        "printed_at": "2026-11-23 10:00",
    }


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praxis.settings")
    import django

    django.setup()
    from printing.pdf import render_pdf

    sys.stdout.buffer.write(render_pdf("printing/organisation_registration.html", sample_context()))


if __name__ == "__main__":
    main()
