"""What the attendance endpoints show and take: 查看考勤's summary, a 考勤记录 row, a recorded day with its marks,
and the body of a day's recording (the JSON shape of AttendanceForm: `marks` {trainee id: mark})."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apprenticeships.models import AttendanceSession, Mark


class _TeacherRow(serializers.Serializer):
    teacher_id = serializers.IntegerField(source="teacher.pk")
    name = serializers.CharField(source="teacher.name")
    sessions = serializers.IntegerField()
    present = serializers.IntegerField()
    absent = serializers.IntegerField()


class _TraineeRow(serializers.Serializer):
    trainee_id = serializers.IntegerField(source="trainee.pk")
    name = serializers.CharField(source="trainee.name")
    lost_on = serializers.DateField(source="trainee.lost_on", allow_null=True)
    total = serializers.IntegerField()
    present = serializers.IntegerField()
    absent = serializers.IntegerField()
    leave = serializers.IntegerField()
    rate = serializers.DecimalField(max_digits=5, decimal_places=4, allow_null=True)
    rate_text = serializers.CharField()
    below = serializers.BooleanField(help_text="出勤率低于地区的出勤率提示线")


class _CourseRow(serializers.Serializer):
    course_id = serializers.IntegerField(source="course.pk")
    name = serializers.CharField(source="course.name")
    teacher_name = serializers.CharField(source="course.teacher.name", allow_null=True, default=None)
    starts_on = serializers.DateField(source="course.starts_on", allow_null=True)
    ends_on = serializers.DateField(source="course.ends_on", allow_null=True)
    sessions = serializers.IntegerField()
    teacher_present = serializers.IntegerField()
    marks = serializers.IntegerField()
    present = serializers.IntegerField()
    rate = serializers.DecimalField(max_digits=5, decimal_places=4, allow_null=True)
    rate_text = serializers.CharField()


class _SessionRow(serializers.Serializer):
    id = serializers.IntegerField()
    course_id = serializers.IntegerField()
    course_name = serializers.CharField(source="course.name")
    day = serializers.DateField()
    teacher_name = serializers.CharField(source="teacher.name", allow_null=True, default=None)


class AttendanceSummarySerializer(serializers.Serializer):
    """查看考勤: by teacher, by trainee (with the rate), by course; the sessions with trainees present and no
    teacher present; the region's 出勤率提示线 (null: not set) and whether the caller records this class."""

    class_state = serializers.CharField()
    class_state_display = serializers.CharField()
    can_record = serializers.BooleanField()
    threshold = serializers.DecimalField(max_digits=4, decimal_places=3, allow_null=True)
    teachers = _TeacherRow(many=True)
    trainees = _TraineeRow(many=True)
    courses = _CourseRow(many=True)
    sessions_without_teacher = _SessionRow(many=True)


class AttendanceRecordSerializer(serializers.ModelSerializer):
    """A row of 考勤记录: the day of a course, the teacher, the counts of marks; `trainee_mark` when filtered by a
    trainee (null otherwise, or when the trainee has no mark that day)."""

    course_name = serializers.CharField(source="course.name")
    teacher_name = serializers.CharField(source="teacher.name", allow_null=True, default=None)
    recorded_by_name = serializers.CharField(source="recorded_by.real_name")
    present = serializers.IntegerField()
    absent = serializers.IntegerField()
    leave = serializers.IntegerField()
    trainee_mark = serializers.SerializerMethodField()

    class Meta:
        model = AttendanceSession
        fields = ("id", "course_id", "course_name", "day", "teacher_id", "teacher_name", "teacher_present",
                  "present", "absent", "leave", "trainee_mark", "recorded_by_name", "recorded_at")

    @extend_schema_field(serializers.ChoiceField(choices=Mark.choices, allow_null=True))
    def get_trainee_mark(self, session):
        return getattr(session, "trainee_mark", None)


class _MarkRow(serializers.Serializer):
    trainee_id = serializers.IntegerField()
    name = serializers.CharField(source="trainee.name")
    mark = serializers.ChoiceField(choices=Mark.choices)
    mark_display = serializers.CharField(source="get_mark_display")


class AttendanceSessionSerializer(serializers.ModelSerializer):
    """A recorded day of a course with each trainee's mark."""

    course_name = serializers.CharField(source="course.name")
    teacher_id = serializers.IntegerField(allow_null=True)
    teacher_name = serializers.CharField(source="teacher.name", allow_null=True, default=None)
    recorded_by_name = serializers.CharField(source="recorded_by.real_name")
    marks = serializers.SerializerMethodField()

    class Meta:
        model = AttendanceSession
        fields = ("id", "course_id", "course_name", "day", "teacher_id", "teacher_name", "teacher_present",
                  "marks", "recorded_by_name", "recorded_at")

    @extend_schema_field(_MarkRow(many=True))
    def get_marks(self, session):
        return _MarkRow(session.marks.select_related("trainee").order_by("trainee_id"), many=True).data


class AttendanceEditInput(serializers.Serializer):
    """A day's attendance: the teacher who taught (null: none) and whether present, and every trainee not lost
    that day with a mark."""

    teacher = serializers.IntegerField(required=False, allow_null=True)
    teacher_present = serializers.BooleanField(required=False)
    marks = serializers.DictField(child=serializers.ChoiceField(choices=Mark.choices),
                                  help_text="{培训人员id: present | absent | leave}")


class AttendanceDayInput(AttendanceEditInput):
    day = serializers.DateField()
