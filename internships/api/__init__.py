"""职业院校学生实习 through /api/v1/internships/ (issue 11): the lists and details each role sees on screen, and
the writes the screens offer, through the screens' selectors, forms and services.

Endpoints, by role (the screens in brackets):
- Enterprise (internships.host): its positions — list with the screen's filters, add, read, edit under If-Match,
  publish, close, delete, upload its 夜班/加班特殊要求备案 file (multipart, If-Match: an edit, as the edit form's
  upload) (岗位管理 internships:positions …); the applications to its positions with the screen's filters, agree,
  refuse (实习签约管理 internships:signing …).
- School (internships.school): its students' applications (internships:school_applications).
- Student (session; students have no organisation and so no key): the positions of the school's open pool and
  one of them, choosing up to five, their applications and withdrawing one, their internships
  (internships:student_positions, student_choose, student_applications, student_withdraw, my_internships).
- Education department (internships.review, education authority): the region's internships with the screen's
  filters (辖区实习 internships:supervision).
- Everyone who sees a position or an internship on screen (its enterprise, its school, the region's education
  department, the student): the position's and the internship's details, and the printed 实习协议 PDF
  (internships:position_detail, internship_detail, agreement_pdf).
- The internship's agreement: the school fills the terms (If-Match), uploads the informed-consent form and the
  signed copy, signs, ends the internship early; the student confirms the terms by their digest
  (internships:agreement_terms, consent_upload, agreement_copy_upload, agreement_sign, end_early,
  agreement_confirm).
- Enterprise: 实习到岗, its interns from the signature to arrival, and confirming an arrival (internships:arrivals,
  arrival_confirm).
- 实习评价: the internships whose evaluations the reader sees, one internship's evaluations, and the enterprise's
  or the student's evaluation (internships:evaluations, evaluation_detail); 查看学生评价, the students'
  evaluations of the caller's enterprise as one list (the evaluations screen's section for the enterprise).
- 实习保险: the policies the reader sees, filing a policy (multipart, the PDF as `document`), the policy with
  its insured students, adding insured students, the printed policy list PDF (internships:insurance,
  policy_create, policy_detail, policy_add_students, policy_print); 批量导入被保险学生 is the batch engine's
  (/api/v1/imports/internship_insured_students/ with the policy's id as `parent`, for its filer).
- 实习投诉 and 申诉, filing and reading: the student's complaints and filing one; the enterprise's complaints,
  its appeals and filing one; the school's complaints and appeals; the education department's list and its
  counts per enterprise; one complaint, one appeal (internships:student_complaints, complaint_create,
  enterprise_complaints, appeal_create, enterprise_appeals, school_complaints, school_appeals,
  education_complaints, complaint_detail, appeal_detail). The school's handling (investigate, conclude, decide)
  stays on the screens and in the generic review routes.
- 黑名单: 黑名单管理 (the region's entries, a school's own proposals) with its filters, proposing an enterprise
  (JSON, or multipart with the evidence), one entry, resubmitting a returned proposal (its proposer, If-Match),
  removing a listing, the public list of the enterprises listed now (for any caller with a key or a session; the
  page itself needs no sign-in) (internships:blacklist, blacklist_propose, blacklisting, blacklist_resubmit,
  blacklist_remove, blacklist_public). The decision and withdrawing go through the generic review routes.
- 实习分组 and 指导师傅: the school's groups and a new one, one group with its interns, editing its teacher and
  choosing its interns (If-Match); the enterprise's groups, one group, naming its mentor (If-Match)
  (internships:school_groups, school_group_detail, host_groups, host_group_mentor).
- 学生名册 (school): the roll with the screen's filters, 新增, one student, 编辑 and 删除 under If-Match
  (internships:students, student_create, student_edit, student_delete); its import is the batch engine's
  (/api/v1/imports/internship_students/).
- The school's recommendations and pool: 本校推荐的企业 (the activation code until the enterprise activates),
  推荐录入新企业, 推荐平台上已有的企业, 本校实习企业库 with its filters (internships:recommendations,
  recommend_new, recommend_existing, pool).
- 学生实习总览 with its filters, 实习统计 (school), 辖区实习统计 (education department) as JSON
  (internships:school_overview, school_statistics, supervision_statistics).
- 购买实习专用险: the insurers shown to everyone signed in; the provincial education department adds one and
  edits one under If-Match, and sees the hidden ones (internships:insurers, insurer_create, insurer_edit).
- 企业档案 (an enterprise's record, for itself, the schools of its pool and its region's education department),
  实习企业信息 (the enterprise's own page) with 申请进入实习企业库 and 在岗职工总数 (If-Match), 企业登记信息库
  with its filters (education departments), 实习地区设置 read and saved under If-Match (internships:
  enterprise_detail, enterprise, enterprise_apply, enterprise_staff, registry, settings).

Left out, and why:
- Review decisions, the review inbox, imports, exports, staff, keys, webhooks: built generically for every
  programme by another part of issue 11.
- The position's JSON create and edit take no file: the exemption file has its own upload route, and the edit
  keeps the file on record (or removes it with `remove_exemption`).
"""
