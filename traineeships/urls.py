from django.urls import path

from traineeships.urls_individuals import urlpatterns as individual_urlpatterns
from traineeships.urls_placements import urlpatterns as placement_urlpatterns
from traineeships.views import bases, hr, parameters, posts, public

app_name = "traineeships"
urlpatterns = [
    # The unit's 见习基地申请
    path("base/", bases.base_form, name="base"),
    path("base/files/<slug:slot>/", bases.upload_file, name="base_upload"),
    path("base/withdraw/", bases.withdraw, name="base_withdraw"),
    path("bases/<int:pk>/", bases.base_detail, name="base_detail"),
    path("bases/<int:pk>/application.pdf", bases.application_pdf, name="base_pdf"),
    path("bases/<int:pk>/file-with-province/", hr.file_base, name="base_file_with_province"),
    # The unit's posts
    path("posts/", posts.post_list, name="posts"),
    path("posts/new/", posts.post_create, name="post_create"),
    path("posts/query/", posts.post_query, name="post_query"),
    path("posts/<int:pk>/", posts.post_detail, name="post_detail"),
    path("posts/<int:pk>/edit/", posts.post_edit, name="post_edit"),
    path("posts/<int:pk>/delete/", posts.post_delete, name="post_delete"),
    path("posts/<int:pk>/unpublish/", posts.post_unpublish, name="post_unpublish"),
    # HR departments
    path("hr/bases/", hr.base_list, name="hr_bases"),
    path("hr/bases/filed/", hr.filed_bases, name="filed_bases"),
    path("hr/publishing/", hr.publishing, name="publishing"),
    path("hr/parameters/", parameters.parameter_list, name="parameters"),
    path("hr/parameters/new/", parameters.parameter_create, name="parameter_create"),
    path("hr/parameters/<int:pk>/", parameters.parameter_edit, name="parameter_edit"),
    # The public, without sign-in (manual 002 §十六)
    path("public/posts/", public.post_list, name="public_posts"),
    path("public/posts/<int:pk>/", public.post_detail, name="public_post"),
    path("public/regions/", public.region_options, name="public_regions"),
]
urlpatterns += individual_urlpatterns
urlpatterns += placement_urlpatterns
