"""/api/v1/continuing-education/ (issue 11): what the programme's screens show and write, through the screens'
selectors, forms and services.

Screens by role and what gets an endpoint:
- A unit's 培训班申报 (continuing_education.declare_class): 我申报的 (list with its filters), the class detail,
  培训班申报 as a draft (create, edit under If-Match, submit, withdraw, delete a never-submitted draft), the
  approval form (培训班审核表) as a PDF once approved; 报名人员 (list, add, a person's result under If-Match, remove)
  and 上报培训成果, while the service keeps them open; 从人员信息中选择 (several of the unit's staff at once);
  培训相关附件 (list, upload as multipart, delete) while the declaration is editable.
- 培训班管理 (declare_class or 培训管理): the unit's approved classes with the screen's filters.
- Departments (人社 of the region, the named 行业主管部门): the submitted classes in scope (reviewed list, detail,
  PDF). Deciding is the generic review API's (not here).
- 学时申报: a professional's own declarations (their session: a person holds no API key) — list, detail, create
  (multipart, with the 证明材料 the screen requires), edit under If-Match, submit, withdraw, delete a draft; the
  unit's 学时申报管理 (continuing_education.manage_hours): the approved list with its filters, 我申报的 (on the
  staff's behalf) and 代为申报 through the same detail/edit/submit/withdraw/delete routes; 网络培训成果 (the list
  of 培训管理).
- 培训档案: the list (a unit with 培训档案, the departments; the screen's filters, an invalid one a 400), 查看培训历程
  (one person's year with its credits) for whoever the screen shows it to, 我的培训档案 for the professional, and
  学时证明 as a PDF (each printing issues a certificate, as on screen, so it is a POST).
- 培训成果更正申请: a class's corrections (whoever sees the class), filing one once the results are reported
  (submitted to the class's reviewer at once, as on screen), the detail with its review id, withdrawing it while
  undecided. Deciding is the generic review API's.
- 培训管理's catalogue (培训课程, 师资管理, 面授培训点, 网授平台): list with the screen's filters, create, detail, edit
  under If-Match, delete (409 while a class or a course still uses it).
- 加入单位 (a professional's session): the current unit and history, 查找单位, 申请加入, 撤回申请. 待审核的专技人员
  (the unit's administrator or 人员信息): the list by 状态, one link, 通过, 批量通过, 不通过 and 调离 (with the
  reason the page asks for). 用人单位 (departments, platform staff): the list with its filters and a unit's page.
- 学时要求: the province's rules for every department (each saying whether the caller may edit it), 新增 and 修改
  under If-Match by HR holding 学时要求维护 for its own region and below, with the page's warnings.
- 工作桌面 (one route, the desk the caller's role opens: a unit's, a professional's or a department's) and 统计分析,
  the pages' numbers for the year asked.

Left out, and why:
- 待我审核 and deciding steps, imports (participants, results, online results), exports, staff (人员信息): the
  generic review/import/export/staff API (another part of issue 11).
"""
