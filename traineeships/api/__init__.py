"""就业见习 through /api/v1/traineeships/ (issue 11): what a user of each role sees and does on screen.

Endpoints (each reads through the screen's selector and filter form, writes through the screen's form and
service, checks the screen's permission):

- 见习基地 (views.py): the unit's own application (read, save, submit, withdraw, upload files), the departments'
  list and detail, and the printed 申请表 (application.pdf).
- 见习岗位 (posts.py): the unit's list (status filter) and 新增; detail (the unit, and reviewers with
  jurisdiction); edit under If-Match (and 重新提交), delete, 撤销发布.
- 报名审核 (applications.py): the applications the unit receives (post/status filters), detail, 审核 (approve or
  reject with the reason), 释放报名.
- The young person's own applications (individual.py), signed in by session (an individual with a traineeship
  profile and a bound mobile, as the screens' `individual_page`): list, detail, 报名 (a published post), 撤销报名.
- 上岗登记 / 见习协议 (placements.py): the unit's list (the screen's filters), 录用上岗登记 from an approved
  application, detail (the unit, reviewers, the trainee), edit terms under If-Match, upload the signed scan,
  submit, 撤销; the generated 就业见习协议 PDF.
- 离岗 (departures.py): 离岗登记 by the unit, detail, edit under If-Match, upload the certificate scan, submit,
  撤销, answer the trainee's request; the 解除见习协议证明 PDF.
- 补贴申领 (claims.py): the unit's claims and the HR departments' claims of their jurisdiction (status/year
  filters), 新建, detail with its lines, 重新计算, submit, withdraw, delete the draft; the 申请表+花名册 PDF.

Left out, and why:
- Review decisions, the review inbox, imports, exports and job endpoints: the generic API of reviews/batch
  (another part of issue 11). HR's 岗位发布 (publishing), 基地备案 (filed with the province), parameters,
  graduate register, statistics, roster, 见习匹配结果 and the public post pages: not in this first slice (time);
  they follow the same pattern. 留用登记, 更正申领, 拨付登记 and the claim's .xlsx: likewise left for later.
- The trainee's own 申请离岗 / 我的见习: left for later (the applications are the individual's first need).
"""
