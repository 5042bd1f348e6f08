"""URLs of the individuals' side (part 2a), appended to traineeships.urls (namespace "traineeships")."""

from django.urls import path

from accounts import views_individuals
from traineeships.views import applications, individuals

urlpatterns = [
    # 就业见习登录 for graduates and young job seekers (manual 001 §2.1–2.2): the entry of accounts, kept at
    # this address; the SMS steps after it are /accounts/individual/traineeships/….
    path("individual/sign-in/", views_individuals.sign_in, {"programme": "traineeships"}, name="individual_sign_in"),
    # The individual's own pages
    path("individual/intention/", individuals.intention, name="intention"),
    path("individual/posts/", applications.post_search, name="individual_posts"),
    path("individual/posts/<int:pk>/", applications.post_detail, name="individual_post"),
    path("individual/posts/<int:pk>/apply/", applications.apply, name="individual_apply"),
    path("individual/posts/<int:pk>/interest/", applications.interest, name="individual_interest"),
    path("individual/applications/", applications.my_applications, name="my_applications"),
    path("individual/applications/<int:pk>/", applications.my_application, name="my_application"),
    path("individual/applications/<int:pk>/withdraw/", applications.withdraw, name="my_application_withdraw"),
    # 报名审核 by the unit
    path("applications/", applications.review_list, name="application_reviews"),
    path("applications/<int:pk>/", applications.review_detail, name="application_review"),
    path("applications/<int:pk>/decide/", applications.decide, name="application_decide"),
    # 高校毕业生信息库 (HR and education departments)
    path("graduates/", individuals.graduate_list, name="graduates"),
    path("graduates/new/", individuals.graduate_create, name="graduate_create"),
    path("graduates/<int:pk>/edit/", individuals.graduate_edit, name="graduate_edit"),
]
