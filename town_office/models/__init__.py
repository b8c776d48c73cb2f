"""peewee tables, one aggregate per module; ``ALL_MODELS`` is every table of the current schema."""

from town_office.models.archive import (
    ArchiveEntry,
    AssessmentAdjustment,
    AssessmentItem,
    AssessmentLine,
    AssessmentResult,
    AssessmentRound,
    AssessmentScheme,
)
from town_office.models.audit import AuditEntry
from town_office.models.calendar import HolidayDay
from town_office.models.db import database
from town_office.models.inspection import (
    Hazard,
    HazardEvent,
    HazardPhoto,
    HazardSupervision,
    Inspection,
    InspectionParticipant,
)
from town_office.models.meeting import (
    AgendaItem,
    AgendaMaterial,
    FiledMinutes,
    FollowUp,
    FollowUpExtension,
    Meeting,
    MeetingAttendee,
)
from town_office.models.project import Project, ProjectProgress, ProjectRating, ProjectYear
from town_office.models.roster import (
    Constituency,
    DeputyGroup,
    Representative,
    RepresentativeLevel,
    Term,
)
from town_office.models.rule import RuleArticle, RuleDocument, RuleVersion, RuleVersionSession
from town_office.models.session import (
    CongressSession,
    SessionAttendee,
    SessionCandidate,
    SessionDocument,
    SessionItem,
    TermChange,
)
from town_office.models.settings import Setting
from town_office.models.station import Reception, Station, StationDeputy, StationDuty, StationStandard
from town_office.models.suggestion import Suggestion, SuggestionAnswer, SuggestionCosigner
from town_office.models.training import TrainingAttendee, TrainingMaterial, TrainingSession
from town_office.models.visit import Problem, ProblemEvent, Visit, VisitDeputy

ALL_MODELS = [Setting, AuditEntry, Term, Constituency, DeputyGroup, Representative,
              RepresentativeLevel, Meeting, MeetingAttendee, AgendaItem, AgendaMaterial, FollowUp,
              FollowUpExtension, FiledMinutes, TrainingSession, TrainingAttendee, TrainingMaterial,
              Visit, VisitDeputy, Problem, ProblemEvent, Inspection, InspectionParticipant, Hazard,
              HazardEvent, HazardPhoto, HazardSupervision, ArchiveEntry, AssessmentScheme, AssessmentItem,
              AssessmentRound, AssessmentResult, AssessmentLine, AssessmentAdjustment,
              RuleDocument, RuleVersion, RuleArticle, CongressSession, SessionAttendee, SessionItem,
              SessionCandidate, SessionDocument, TermChange, RuleVersionSession,
              Suggestion, SuggestionCosigner, SuggestionAnswer, Station, StationStandard, StationDeputy,
              StationDuty, Reception, ProjectYear, Project, ProjectProgress, ProjectRating, HolidayDay]

__all__ = [
    "ALL_MODELS",
    "AgendaItem",
    "CongressSession",
    "SessionAttendee",
    "SessionCandidate",
    "SessionDocument",
    "SessionItem",
    "TermChange",
    "AgendaMaterial",
    "ArchiveEntry",
    "AssessmentAdjustment",
    "AssessmentItem",
    "AssessmentLine",
    "AssessmentResult",
    "AssessmentRound",
    "AssessmentScheme",
    "AuditEntry",
    "Constituency",
    "DeputyGroup",
    "FiledMinutes",
    "FollowUp",
    "FollowUpExtension",
    "Hazard",
    "HazardEvent",
    "HazardPhoto",
    "HolidayDay",
    "HazardSupervision",
    "Inspection",
    "InspectionParticipant",
    "Meeting",
    "MeetingAttendee",
    "Representative",
    "RepresentativeLevel",
    "RuleArticle",
    "RuleDocument",
    "RuleVersion",
    "RuleVersionSession",
    "Reception",
    "Setting",
    "Station",
    "StationDeputy",
    "StationDuty",
    "StationStandard",
    "Suggestion",
    "SuggestionAnswer",
    "SuggestionCosigner",
    "Problem",
    "Project",
    "ProjectProgress",
    "ProjectRating",
    "ProjectYear",
    "ProblemEvent",
    "Term",
    "TrainingAttendee",
    "TrainingMaterial",
    "TrainingSession",
    "Visit",
    "VisitDeputy",
    "database",
]


def open_and_migrate(path, before_upgrade, full_check: bool = True):
    """Connect to the SQLite file and bring its schema up to date (see ``migrations``).

    Args:
        before_upgrade: ``before_upgrade(db)``, called once before the first migration step (the
            caller's backup; ``town_office.database_file.open_database`` supplies it).
        full_check: see ``migrations.recognise_file``.

    Returns:
        ``(db, what_happened)``.
    """
    from town_office.models.db import connect
    from town_office.models.migrations import ensure_schema, recognise_file

    recognise_file(path, full_check)  # before connecting: the WAL pragma would already change the file
    db = connect(path)
    try:
        return db, ensure_schema(db, ALL_MODELS, before_upgrade)
    except Exception:
        db.close()
        raise
