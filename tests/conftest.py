"""Personas shared by every test: enterprise A and B (different counties of one city), their county
reviewers, the city and province reviewers, a school, a student, and an outsider.

Settings for the test run are set here, before Django configures itself."""

import os

os.environ.setdefault("PRAXIS_TESTING", "true")
os.environ.setdefault("CAPTCHA_TEST_MODE", "true")
os.environ.setdefault("PRAXIS_VAR_DIR", os.path.join(os.path.dirname(__file__), "..", "var", "test"))
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

import pytest  # noqa: E402
from django.conf import settings  # noqa: E402

from organisations.models import Authority, OrganisationKind  # noqa: E402
from regions.models import RegionLevel  # noqa: E402
from tests import factories  # noqa: E402

pytest_plugins = ["tests.api.fixtures"]  # api_world, api_people: the worlds of the API matrices


def pytest_configure(config):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # django-simple-captcha copies this at import time, so set it on its own settings module as well.
    settings.CAPTCHA_TEST_MODE = True
    import captcha.conf.settings as captcha_settings

    captcha_settings.CAPTCHA_TEST_MODE = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def pytest_collection_modifyitems(config, items):
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip_pg)


@pytest.fixture(scope="session", autouse=True)
def _static_files_scanned_once():
    """WhiteNoise lists the static files and works out each one's headers when its middleware starts: once per
    process in production, but once per test here, since every test client loads the middleware afresh (2,146
    files, 0.15-0.3 s a load). The files do not change during a run, so each scan is done once and its result
    given to the later middlewares that scan the same place with the same settings."""
    from whitenoise.middleware import WhiteNoiseMiddleware

    scans = {}

    def remembered(scan):
        def scan_once(self, *args, **kwargs):
            key = (scan.__name__, args, tuple(sorted(kwargs.items())), self.max_age, self.charset,
                   self.allow_all_origins, self.index_file, settings.STATIC_URL, str(settings.STATIC_ROOT),
                   tuple(settings.INSTALLED_APPS), tuple(map(str, settings.STATICFILES_DIRS)))
            if key not in scans:
                before = dict(self.files)
                scan(self, *args, **kwargs)
                scans[key] = {url: file for url, file in self.files.items() if before.get(url) is not file}
            else:
                self.files.update(scans[key])

        return scan_once

    patch = pytest.MonkeyPatch()
    patch.setattr(WhiteNoiseMiddleware, "add_files", remembered(WhiteNoiseMiddleware.add_files))
    patch.setattr(WhiteNoiseMiddleware, "add_files_from_finders",
                  remembered(WhiteNoiseMiddleware.add_files_from_finders))
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a test's rolled-back rows must not come back from what an earlier test
    cached (the public search's results fragment is kept 10 s; a rollback sends no post_delete to replace its
    version). The public search's region options, kept by the process, start afresh too, so that a test counts the
    queries of a first search whatever ran before it."""
    from django.core.cache import cache

    from traineeships.forms.public import forget_region_sets

    cache.clear()
    forget_region_sets()


@pytest.fixture
def password():
    return factories.PASSWORD


@pytest.fixture
def enterprise_a(db):
    return factories.OrganisationFactory(name="甲企业有限公司", region=factories.region("410105"))


@pytest.fixture
def enterprise_b(db):
    return factories.OrganisationFactory(name="乙企业有限公司", region=factories.region("410103"))


@pytest.fixture
def admin_a(enterprise_a):
    return factories.org_admin(enterprise_a, username="admin_a", real_name="甲管理员")


@pytest.fixture
def admin_b(enterprise_b):
    return factories.org_admin(enterprise_b, username="admin_b", real_name="乙管理员")


@pytest.fixture
def member_a(enterprise_a):
    """A sub-administrator of enterprise A with no role yet."""
    return factories.UserFactory(organisation=enterprise_a, username="member_a", real_name="甲职员")


@pytest.fixture
def county_hr_a(db):
    """金水区 HR department (enterprise A's county)."""
    return factories.GovernmentFactory(
        name="金水区人力资源和社会保障局", gov_level=RegionLevel.COUNTY, region=factories.region("410105")
    )


@pytest.fixture
def county_hr_b(db):
    """二七区 HR department (enterprise B's county)."""
    return factories.GovernmentFactory(
        name="二七区人力资源和社会保障局", gov_level=RegionLevel.COUNTY, region=factories.region("410103")
    )


@pytest.fixture
def city_hr(db):
    return factories.GovernmentFactory(
        name="郑州市人力资源和社会保障局", gov_level=RegionLevel.CITY, region=factories.region("410100")
    )


@pytest.fixture
def province_hr(db):
    return factories.GovernmentFactory(
        name="河南省人力资源和社会保障厅", gov_level=RegionLevel.PROVINCE, region=factories.region("410000")
    )


@pytest.fixture
def county_reviewer_a(county_hr_a):
    return factories.org_admin(county_hr_a, username="county_a", real_name="金水审核员")


@pytest.fixture
def county_reviewer_b(county_hr_b):
    return factories.org_admin(county_hr_b, username="county_b", real_name="二七审核员")


@pytest.fixture
def city_reviewer(city_hr):
    return factories.org_admin(city_hr, username="city", real_name="市级审核员")


@pytest.fixture
def province_reviewer(province_hr):
    return factories.org_admin(province_hr, username="province", real_name="省级审核员")


@pytest.fixture
def school(db):
    return factories.OrganisationFactory(
        name="郑州测试职业技术学院", kind=OrganisationKind.SCHOOL, region=factories.region("410105")
    )


@pytest.fixture
def school_admin(school):
    return factories.org_admin(school, username="school", real_name="学校管理员")


@pytest.fixture
def student(db):
    return factories.individual(username="student", real_name="张同学")


@pytest.fixture
def outsider(db):
    """An individual with an account and no relation to anything under test."""
    return factories.individual(username="outsider", real_name="路人")


# --- Other lines of government and roles (the access matrix, tests/core/test_access_matrix.py) --------------

@pytest.fixture
def education_bureau(db):
    """郑州市教育局: a city department of another line of government (教育), over enterprise A's city."""
    return factories.GovernmentFactory(
        name="郑州市教育局", gov_level=RegionLevel.CITY, authority=Authority.EDUCATION,
        region=factories.region("410100"),
    )


@pytest.fixture
def education_reviewer(education_bureau):
    return factories.org_admin(education_bureau, username="edu_city", real_name="市教育局管理员")


@pytest.fixture
def industry_department(db):
    """郑州市 industry department (行业主管部门), over enterprise A's city."""
    return factories.GovernmentFactory(
        name="郑州市工业和信息化局", gov_level=RegionLevel.CITY, authority=Authority.INDUSTRY,
        region=factories.region("410100"),
    )


@pytest.fixture
def industry_reviewer(industry_department):
    return factories.org_admin(industry_department, username="industry_city", real_name="市工信局管理员")


@pytest.fixture
def staff_manager_a(enterprise_a):
    """A sub-administrator of enterprise A whose only role is 人员管理员 (organisations.manage_staff)."""
    user = factories.UserFactory(organisation=enterprise_a, username="staff_manager_a", real_name="甲人员管理员")
    user.roles.add(enterprise_a.roles.create(name="人员管理员", permissions=["organisations.manage_staff"]))
    return user


_ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


@pytest.fixture(scope="session", autouse=True)
def _test_database_can_be_dropped(request):
    """At the end pytest-django drops the PostgreSQL test database, which fails ("being accessed by other
    users") while another session is connected. Checked after every test, none was left open by a test (the
    thread tests close theirs); yet a full serial run ended with one idle session of this process that
    pytest-django's own close did not reach. So the sessions still open are ended here, and reported with
    their last query as a warning, so that the database is always dropped and a new leak is named."""
    if not _ON_POSTGRES:
        yield
        return
    request.getfixturevalue("django_db_setup")  # set up before this fixture, so torn down after it
    blocker = request.getfixturevalue("django_db_blocker")
    yield
    import warnings

    from django.db import connection

    with blocker.unblock():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pid, backend_start, state, left(query, 200) FROM pg_stat_activity "
                           "WHERE datname = current_database() AND pid <> pg_backend_pid()")
            others = cursor.fetchall()
            for pid, *_rest in others:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        connection.close()
    if others:
        warnings.warn(f"database sessions still open at the end of the run, now ended: {others}", stacklevel=1)
