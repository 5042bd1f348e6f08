"""The programme's exports (batch.registry ExportSpec), each from its list's own query."""

from batch.registry import register_export  # noqa: F401  (used by the sections below)


def register_exports() -> None:
    # --- catalogue -----------------------------------------------------------------------------------------------

    # --- classes: 班级人员导出, 培训班 ------------------------------------------------------------------------------

    # --- hours: 学时申报管理 ----------------------------------------------------------------------------------------

    # --- archive: 培训档案 ------------------------------------------------------------------------------------------
    # The list's own query (roster × year, the list's filters from the query string), masked as on screen.
    from batch.registry import Column, ExportSpec
    from continuing_education.selectors.archive import archive_export_rows, may_open_archive, missing_text, result_label

    def _archive_column(header, name, width=12, **options):
        return Column(header, name, width=width, value=lambda row: getattr(row, name), **options)

    register_export(ExportSpec(
        key="ce_archive", label="继续教育培训档案导出", permission="", allowed=may_open_archive,
        queryset=archive_export_rows, back_url_name="continuing_education:archive",
        columns=(
            Column("单位", "organisation__name", width=28, value=lambda row: row.organisation.name),
            _archive_column("培训年度", "archive_year", 10),
            _archive_column("姓名", "name", 10),
            Column("身份证号", "id_number", text=True, personal="id_number", width=22,
                   value=lambda row: row.id_number),
            Column("性别", "gender", width=6, value=lambda row: row.get_gender_display()),
            Column("职称等级", "title_level", width=10, value=lambda row: row.get_title_level_display()),
            _archive_column("公需科目学时", "public_hours"),
            _archive_column("专业科目学时", "professional_hours"),
            _archive_column("总学时", "total_hours"),
            _archive_column("面授培训学时", "class_hours"),
            _archive_column("网络培训学时", "online_hours"),
            _archive_column("学时申报学时", "declared_hours"),
            Column("认定结果", "result", width=10, value=result_label),
            Column("尚缺学时", "missing", width=30, value=missing_text),
        )))
