"""The vocabulary of the policy: actions, roles and a person's relation to a record."""

from enum import StrEnum


class Action(StrEnum):
    """Something a person may do with a record."""

    VIEW = "view"
    CHANGE = "change"
    DEACTIVATE = "deactivate"
    DELETE = "delete"
    EXPORT = "export"
    IMPORT = "import"
    CREATE_DEPARTMENT = "create_department"
    ADD_SUBDEPARTMENT = "add_subdepartment"
    ADD_PERSON = "add_person"
    MANAGE_MEMBERS = "manage_members"
    MANAGE_ROLES = "manage_roles"
    INVITE = "invite"
    VIEW_DETAILS = "view_details"
    ADD_TIME_OFF = "add_time_off"
    VIEW_HISTORY = "view_history"
    VIEW_AUDIT = "view_audit"
    CHECK_IN = "check_in"
    ROLL_OUT = "roll_out"
    MEASURE = "measure"
    PLAN = "plan"
    APPLY_PLAN = "apply_plan"
    TAKE_MINUTES = "take_minutes"
    ASSESS = "assess"
    GIVE_FEEDBACK = "give_feedback"
    ACKNOWLEDGE = "acknowledge"
    ANNOTATE = "annotate"
    VIEW_READS = "view_reads"
    ADD_STEP = "add_step"
    UPDATE_PROGRESS = "update_progress"
    COMMENT = "comment"
    LOG_TIME = "log_time"
    ANSWER = "answer"
    SPEND = "spend"
    ADD_RECORD = "add_record"
    SUBMIT = "submit"
    DECIDE = "decide"

    OVERSEE = "oversee"
    VIEW_BUDGET = "view_budget"


class Role(StrEnum):
    """A role a person holds, company-wide (admin, executive, HR) or in a department."""

    ADMIN = "admin"
    EXECUTIVE = "executive"
    HR = "hr"
    HEAD = "head"
    COORDINATOR = "coordinator"
    MEMBER = "member"
    GUEST = "guest"


class Relation(StrEnum):
    """How the person stands to the record.

    CREATOR: the person made the record (or had it made, as a meeting's action item makes a
    step in another department); whoever creates a record can open it, whatever else they
    may do with it.
    """

    OWN = "own"
    OWN_DEPARTMENT = "own_department"
    OTHER_DEPARTMENT = "other_department"
    INVITED = "invited"
    CREATOR = "creator"


DEPARTMENT_ROLE_RANK = {Role.HEAD: 3, Role.COORDINATOR: 2, Role.MEMBER: 1}
