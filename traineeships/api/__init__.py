"""就业见习 through /api/v1/traineeships/ (issue 11): what a user of each role sees and does on screen.

Every endpoint reads through the screen's selector and filter form, writes through the screen's form and service,
and checks the screen's permission; a PDF comes from the same printing function as the screen's download.

- 见习基地 (views.py): the unit's own application (read, save, submit, withdraw, upload files), the departments'
  list and detail, the printed 申请表 (application.pdf).
- HR departments (hr.py): 报省厅备案 (the city), 已备案基地 (the province), 岗位发布 (the city: a tab of its posts,
  then publish or unpublish the ticked ones).
- 见习岗位 (posts.py): the unit's list (status filter) and 新增; detail (the unit, and reviewers with
  jurisdiction); edit under If-Match (with 重新提交), delete under If-Match, 撤销发布.
- 报名审核 (applications.py): the applications the unit receives (post/status filters), detail, 审核 (approve or
  reject with the reason), 释放报名.
- The young person's own applications (individual.py), by session (an individual with a traineeship profile and a
  bound mobile, as the screens' `individual_page`, which redirects where the API answers 403 with the reason):
  list, detail, 报名 (a published post), 撤销报名. 我的见习 (trainee.py): the registration with its departures,
  申请离岗, 撤回离岗申请.
- 上岗登记 / 见习协议 (placements.py): the unit's list (the screen's filters), 录用上岗登记 from an approved
  application, detail (the unit, reviewers, the trainee), edit of the terms under If-Match, the signed scan,
  submit, 撤销, 留用登记 / 未留用; the generated 就业见习协议 PDF.
- 离岗 (departures.py): 离岗登记 by the unit, detail, edit under If-Match, the certificate scan, submit, 撤销, the
  answer to the trainee's request; the 解除见习协议证明 PDF.
- 公开岗位 (public.py): the published posts for any signed-in caller with the public page's filters (市/区县,
  关键词, 学历要求), one post, whether the caller marked it 感兴趣; 感兴趣/取消 and the 见习意向表 (GET, PUT) of the
  young person (session, as `individual_page`).
- 地区参数 (parameters.py): the HR department's settings of its jurisdiction (?region=), 新增, detail, edit
  under If-Match (checked by the service after it locks the regions, keeping the lock order).
- 高校毕业生信息库 (graduates.py): the keepers' list (the screen's filters, ID numbers masked as on screen),
  新增, detail, edit under If-Match.
- 补贴申领 (claims.py): the unit's claims and the departments' claims of their jurisdiction (status/year filters),
  新建, detail with its lines, 重新计算, submit, withdraw, delete the draft (If-Match), 更正申领, 拨付登记 (the
  city); the 申请表 + 花名册 PDF and the lines as .xlsx (the screen's export_claim).
- 补贴经费花名册 and 统计分析 (roster.py): the unit's roster of its own base, HR's of an approved base of its
  jurisdiction (?base=), for ?first_month= and ?last_month= (required: the page's defaults are for a page), as
  JSON with the months already claimed, as .xlsx and PDF from the screen's export_roster; the HR reviewers'
  statistics of their region for ?year= (a year the page does not offer is a 400, where the page falls back).
- 见习匹配结果 and 上报记录 (matches.py): the drafts an import left (the screen's filters), 批量上传协议扫描件
  (a zip, multipart `archive`), 批量提交审核 (ticked ids or every ready one), the imports' registrations with
  their 审核状态, and every import of the unit's three reports.
- 岗位查询 and the profiles (profiles.py): the unit's reviewed posts, one post's applicants and interested people;
  单位基本信息 and 见习人员基本信息 for the unit and the HR departments over it.

Left out, and why:
- Review decisions, the review inbox, imports (the 见习匹配结果 file itself, graduates), exports (the statistics'
  .xlsx is the batch export "traineeship_statistics") and job endpoints: the generic API of reviews/batch (another
  part of issue 11).
"""
