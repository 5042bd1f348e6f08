"""Issue an API key from the command line (operators, and the fuzzing run of .ci/run): prints only the token, so
`TOKEN=$(manage.py issue_api_key --user ent_a)` works. The key is issued BY that user, through the same service as
the 开放接口密钥 screen, so the user must be allowed to issue keys for their organisation."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from api import scopes as scope_registry
from api import services


class Command(BaseCommand):
    help = "为某单位账号签发开放接口密钥，输出密钥（仅此一次）"

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="签发人（单位管理员）的用户名")
        parser.add_argument("--scopes", nargs="*", default=None,
                            help="权限范围，如 traineeships:read organisations:write；省略则为全部")
        parser.add_argument("--name", default="命令行签发", help="密钥名称")
        parser.add_argument("--rate", type=int, default=120, help="每分钟调用上限（1–6000）")
        parser.add_argument("--allowed-ip", action="append", default=[], help="IP白名单（可重复）")
        parser.add_argument("--expires-days", type=int, default=None, help="有效天数；省略则长期有效")

    def handle(self, *args, user, scopes, name, rate, allowed_ip, expires_days, **options):
        issuer = get_user_model().objects.select_related("organisation").filter(username=user).first()
        if issuer is None:
            raise CommandError(f"没有用户 {user}")
        if issuer.organisation_id is None:
            raise CommandError(f"用户 {user} 不属于任何单位，不能签发密钥")
        if not 1 <= rate <= 6000:
            raise CommandError("--rate 须在 1 到 6000 之间")
        known = scope_registry.all_scopes()
        unknown = [scope for scope in scopes or () if scope not in known]
        if unknown:
            raise CommandError(f"未知的权限范围：{', '.join(unknown)}（可选：{', '.join(known)}）")
        expires_at = timezone.now() + datetime.timedelta(days=expires_days) if expires_days else None
        try:
            issued = services.issue_key(actor=issuer, organisation=issuer.organisation, name=name,
                                        scopes=known if scopes is None else scopes, allowed_ips=allowed_ip,
                                        expires_at=expires_at, rate_per_minute=rate)
        except PermissionDenied as error:
            raise CommandError(str(error) or "无权签发密钥") from None
        except ValidationError as error:
            raise CommandError("；".join(error.messages)) from None
        self.stdout.write(issued.token)
