"""企业新型学徒制 through the API (/api/v1/apprenticeships/, namespace api:apprenticeships; issue 11).

Every endpoint reads through the selector of the screen it mirrors and writes through the screen's form and
service function; nothing here is possible that the screen refuses.

Endpoints (the screen they mirror in parentheses):
- filings/ GET (办理结果: the enterprise's filers, `own_filings` + FilingFilterForm);
  hr/filings/ GET (辖区学徒制备案: HR reviewers, `region_filings` + the screen's filters);
  filings/new/ POST (申请备案: 承诺书 `accept` + the type, CommitmentForm + TypeForm, `create_filing`);
  filings/<pk>/ GET (【进入处理】: whoever the access rule lets see it, `get_filing_for_user` + `filing_summary`);
  filings/<pk>/info|institution|class/ PUT with If-Match (the tabs 备案信息, 培训机构情况, 培训信息: their forms
  and `save_info` / `save_institution` / `save_class`);
  filings/<pk>/materials/ POST multipart (上传材料: MaterialForm, `store_material`);
  filings/<pk>/submit/ POST with If-Match, withdraw/ POST, delete/ POST (the screen's buttons and services);
  filings/<pk>/print.pdf GET (【打印备案表】, the same document, apprenticeships.documents).
- filings/<pk>/teachers|trainees|courses/ GET (the tabs, every reader of the filing) and .../new/ POST;
  people/teachers|trainees|courses/<pk>/ PUT with If-Match (修改) and .../delete/ POST (删除): TeacherForm,
  TraineeForm, CourseForm and the services of apprenticeships.services.people.
- tracking/ GET (培训情况跟踪: `tracked_filings` + TrackingFilterForm), institution/filings/ GET (the institution's
  classes, `institution_filings`), filings/<pk>/cancel/ POST (【注销培训班】: CancelForm, `cancel_class`),
  people/trainees/<pk>/lost/ POST (【标记为流失】: LostForm, `mark_lost`), people/trainees/<pk>/certificate/ PUT
  with If-Match (考核结果: CertificateForm, `record_certificate`).
- claims/ GET (补贴申领 办理结果: `apprenticeship_claims_for_user` + ClaimFilterForm), claims/<pk>/ GET (the claim
  page, read-only), claims/new/ POST (立即办理: StartForm, `start_claim`), claims/<pk>/basics/ PUT with If-Match
  (单位基本信息), claims/<pk>/people/ POST (添加人员), claims/<pk>/attachments/ POST multipart (上传附件),
  claims/people/<id>/remove/ and claims/attachments/<id>/remove/ POST (移除人员, 删除附件),
  claims/<pk>/submit|withdraw|delete/ POST, claims/<pk>/form.pdf and roster.pdf GET (申请表, 花名册).
- 备案变更申请 (apprenticeships.api.changes): changes/ GET (the enterprise's approved filings, `changeable_filings`
  + ChangesFilterForm), filings/<pk>/dates/ GET (开班信息变更: quota left, earliest start, the changes made) and
  dates/new/ POST (ClassDatesForm, `change_class_dates`), people/courses/<pk>/configuration/ PUT with If-Match
  (课程信息配置: CourseConfigForm, `configure_course`), filings/<pk>/changes/ GET (【查看变更内容】).
- 师资信息变更 (apprenticeships.api.teacher_changes), always the filing's open change: filings/<pk>/teacher-change/
  GET (with its review history) and open/ POST (`open_change`), teachers/ POST and teachers/<id>/delete/ POST
  (TeacherChangeForm, `add_teacher`, `remove_teacher`), swaps/ POST and swaps/<id>/delete/ POST (SwapForm,
  `swap_teacher`, `remove_swap`), submit/ POST (SubmitChangeForm, `submit_change`), withdraw/ POST.

- 考勤 (apprenticeships.api.attendance): filings/<pk>/attendance/ GET (查看考勤: `summary`, for whoever tracks the
  class) and attendance/records/ GET (考勤记录: `records` + RecordFilterForm); people/courses/<pk>/attendance/ POST
  (a new day: AttendanceForm with `marks` {trainee id: mark}, `record_attendance`) and attendance/sessions/<pk>/
  GET and PUT with If-Match (a recorded day, its recorders only).
- venues/ GET, venues/new/ POST, venues/<pk>/ PUT with If-Match, venues/<pk>/delete/ POST (培训场地维护:
  VenueFilterForm, VenueForm, apprenticeships.services.venues).
- people/trainees/ GET (单位培训人员查询: `trainees_for_enterprise` + TraineeFilterForm, with each trainee's state);
  every trainee row carries the tab's 工资预警 (`wage_warning`, null when none).
- hr/parameters/standards|shortages|rulesets/ GET, .../new/ POST, .../<pk>/ PUT with If-Match (学徒制参数: the
  department's rows and, for a city, the province's read-only; StandardForm, ShortageForm, RuleSetForm and
  apprenticeships.services.parameters).
- claims/<pk>/pay/ POST (拨付登记 by the city: PaymentForm, `claims.services.mark_paid`).
- 生态链企业认定 (apprenticeships.api.recognitions): hr/recognitions/ GET (city and province HR holding the
  recognition permission: `recognitions_for_user` + the screen's filters, each row `editable` for the city that
  keeps it), hr/recognitions/new/ POST (RecognitionForm, `create_recognition`), hr/recognitions/<pk>/ GET and PUT
  with If-Match (the city only; a revoked one is 409: `update_recognition`), .../revoke/ POST (RevokeForm,
  `revoke_recognition`).
- hr/statistics/ GET (学徒制统计: every HR reviewer, its own region; `statistics_for` with the screen's year and
  month range, by sub-region, by month and in total).

Left out, and why:
- Review decisions, the review inbox, imports of rows as JSON (the attendance import included: /api/v1/imports/
  apprenticeship_attendance/ with the course as its parent), exports and their jobs: built generically for every
  programme by the foundation's API (issue 11's other half).
- The statistics' and the recognitions' .xlsx: the statistics export (`apprenticeship_statistics`) is one of the
  foundation's exports above; the recognitions screen has none.
"""
