"""Upgrade steps. ``STEPS[0]`` upgrades version 1 to 2, ``STEPS[1]`` 2 to 3, and so on.

Each step is ``step(db, migrator)``; it declares its tables and columns inline, as they were at that
version (SQL text or ``CharField(default="")``), never through today's model classes. Version 1 is
the first release and has no step. Every released version keeps a fixture database in
``tests/fixtures/schema_vN.sqlite3``.
"""

from town_office.models.migrations.steps_sessions import _to_v9_sessions, _to_v10_suggestions, _to_v11_holidays


# Version 2: presidium meetings, attendance, agenda, materials, follow-ups and filed minutes.
_V2_MEETINGS = [
    ('CREATE TABLE "meeting" ("id" INTEGER NOT NULL PRIMARY KEY, "term_id" INTEGER NOT NULL, "'
     'number" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "held_on" DATE NOT NULL, "starts'
     '_at" VARCHAR(255) NOT NULL, "ends_at" VARCHAR(255) NOT NULL, "place" VARCHAR(255) NOT NU'
     'LL, "chair" VARCHAR(255) NOT NULL, "recorder" VARCHAR(255) NOT NULL, "summary" TEXT NOT '
     'NULL, "status" VARCHAR(255) NOT NULL, "minutes_issue" INTEGER, "minutes_date" DATE, "cre'
     'ated_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("term_id") REFE'
     'RENCES "term" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "meeting_term_id" ON "meeting" ("term_id")'),
    ('CREATE UNIQUE INDEX "meeting_term_id_number" ON "meeting" ("term_id", "number")'),
    ('CREATE TABLE "meeting_attendee" ("id" INTEGER NOT NULL PRIMARY KEY, "meeting_id" INTEGER'
     ' NOT NULL, "representative_id" INTEGER, "role" VARCHAR(255) NOT NULL, "name" VARCHAR(255'
     ') NOT NULL, "unit_post" VARCHAR(255) NOT NULL, "presidium_role" VARCHAR(255) NOT NULL, "'
     'attendance" VARCHAR(255) NOT NULL, "reason" VARCHAR(255) NOT NULL, "position" INTEGER NO'
     'T NULL, FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE CASCADE, FOREIG'
     'N KEY ("representative_id") REFERENCES "representative" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "meeting_attendee_meeting_id" ON "meeting_attendee" ("meeting_id")'),
    ('CREATE INDEX "meeting_attendee_representative_id" ON "meeting_attendee" ("representative'
     '_id")'),
    ('CREATE TABLE "agenda_item" ("id" INTEGER NOT NULL PRIMARY KEY, "meeting_id" INTEGER NOT '
     'NULL, "position" INTEGER NOT NULL, "title" VARCHAR(255) NOT NULL, "reporter" VARCHAR(255'
     ') NOT NULL, "discussion" TEXT NOT NULL, "decision" TEXT NOT NULL, "voted" INTEGER NOT NU'
     'LL, "votes_for" INTEGER, "votes_against" INTEGER, "votes_abstain" INTEGER, "vote_result"'
     ' VARCHAR(255) NOT NULL, "reviews_followups" INTEGER NOT NULL, FOREIGN KEY ("meeting_id")'
     ' REFERENCES "meeting" ("id") ON DELETE CASCADE)'),
    ('CREATE INDEX "agenda_item_meeting_id" ON "agenda_item" ("meeting_id")'),
    ('CREATE TABLE "agenda_material" ("id" INTEGER NOT NULL PRIMARY KEY, "agenda_item_id" INTE'
     'GER NOT NULL, "file_name" VARCHAR(255) NOT NULL, "stored_path" VARCHAR(255) NOT NULL, "s'
     'ize" INTEGER NOT NULL, "sha256" VARCHAR(255) NOT NULL, "added_at" DATETIME NOT NULL, FOR'
     'EIGN KEY ("agenda_item_id") REFERENCES "agenda_item" ("id") ON DELETE CASCADE)'),
    ('CREATE INDEX "agenda_material_agenda_item_id" ON "agenda_material" ("agenda_item_id")'),
    ('CREATE TABLE "follow_up" ("id" INTEGER NOT NULL PRIMARY KEY, "agenda_item_id" INTEGER NO'
     'T NULL, "content" TEXT NOT NULL, "handling_unit" VARCHAR(255) NOT NULL, "responsible" VA'
     'RCHAR(255) NOT NULL, "original_deadline" DATE NOT NULL, "deadline" DATE NOT NULL, "statu'
     's" VARCHAR(255) NOT NULL, "result" TEXT NOT NULL, "done_on" DATE, "created_at" DATETIME '
     'NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("agenda_item_id") REFERENCES "age'
     'nda_item" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "follow_up_agenda_item_id" ON "follow_up" ("agenda_item_id")'),
    ('CREATE TABLE "follow_up_extension" ("id" INTEGER NOT NULL PRIMARY KEY, "followup_id" INT'
     'EGER NOT NULL, "old_deadline" DATE NOT NULL, "new_deadline" DATE NOT NULL, "reason" TEXT'
     ' NOT NULL, "agreed_on" DATE NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("foll'
     'owup_id") REFERENCES "follow_up" ("id") ON DELETE CASCADE)'),
    ('CREATE INDEX "follow_up_extension_followup_id" ON "follow_up_extension" ("followup_id")'),
    ('CREATE TABLE "filed_minutes" ("id" INTEGER NOT NULL PRIMARY KEY, "meeting_id" INTEGER NO'
     'T NULL, "stored_path" VARCHAR(255) NOT NULL, "sha256" VARCHAR(255) NOT NULL, "size" INTE'
     'GER NOT NULL, "filed_at" DATETIME NOT NULL, "withdrawn_at" DATETIME, "withdraw_reason" T'
     'EXT NOT NULL, FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE CASCADE)'),
    ('CREATE INDEX "filed_minutes_meeting_id" ON "filed_minutes" ("meeting_id")'),
]


def _to_v2_meetings(db, migrator) -> None:
    for statement in _V2_MEETINGS:
        db.execute_sql(statement)


# Version 3: training sessions, their expected attendees and materials.
_V3_TRAINING = [
    ('CREATE TABLE "training_session" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(255)'
     ' NOT NULL, "kind" VARCHAR(255) NOT NULL, "organiser" VARCHAR(255) NOT NULL, "held_on" DA'
     'TE NOT NULL, "hours" REAL NOT NULL, "place" VARCHAR(255) NOT NULL, "lecturer" VARCHAR(25'
     '5) NOT NULL, "lecturer_post" VARCHAR(255) NOT NULL, "topics" TEXT NOT NULL, "created_at"'
     ' DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)'),
    ('CREATE INDEX "training_session_held_on" ON "training_session" ("held_on")'),
    ('CREATE TABLE "training_attendee" ("id" INTEGER NOT NULL PRIMARY KEY, "session_id" INTEGE'
     'R NOT NULL, "representative_id" INTEGER NOT NULL, "attendance" VARCHAR(255) NOT NULL, "r'
     'eason" VARCHAR(255) NOT NULL, "position" INTEGER NOT NULL, FOREIGN KEY ("session_id") RE'
     'FERENCES "training_session" ("id") ON DELETE CASCADE, FOREIGN KEY ("representative_id") '
     'REFERENCES "representative" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "training_attendee_session_id" ON "training_attendee" ("session_id")'),
    ('CREATE INDEX "training_attendee_representative_id" ON "training_attendee" ("representati'
     've_id")'),
    ('CREATE UNIQUE INDEX "training_attendee_session_id_representative_id" ON "training_attend'
     'ee" ("session_id", "representative_id")'),
    ('CREATE TABLE "training_material" ("id" INTEGER NOT NULL PRIMARY KEY, "session_id" INTEGE'
     'R NOT NULL, "file_name" VARCHAR(255) NOT NULL, "stored_path" VARCHAR(255) NOT NULL, "siz'
     'e" INTEGER NOT NULL, "sha256" VARCHAR(255) NOT NULL, "added_at" DATETIME NOT NULL, FOREI'
     'GN KEY ("session_id") REFERENCES "training_session" ("id") ON DELETE CASCADE)'),
    ('CREATE INDEX "training_material_session_id" ON "training_material" ("session_id")'),
]


def _to_v3_training(db, migrator) -> None:
    for statement in _V3_TRAINING:
        db.execute_sql(statement)


# Version 4: voter visits, their deputies, the problems raised and each problem's history.
_V4_VISITS = [
    ('CREATE TABLE "visit" ("id" INTEGER NOT NULL PRIMARY KEY, "visited_on" DATE NOT NULL, "fo'
     'rm" VARCHAR(255) NOT NULL, "village" VARCHAR(255) NOT NULL, "hamlet" VARCHAR(255) NOT NU'
     'LL, "people" VARCHAR(255) NOT NULL, "households" INTEGER NOT NULL, "summary" TEXT NOT NU'
     'LL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)'),
    ('CREATE INDEX "visit_visited_on" ON "visit" ("visited_on")'),
    ('CREATE INDEX "visit_village" ON "visit" ("village")'),
    ('CREATE TABLE "visit_deputy" ("id" INTEGER NOT NULL PRIMARY KEY, "visit_id" INTEGER NOT N'
     'ULL, "representative_id" INTEGER NOT NULL, FOREIGN KEY ("visit_id") REFERENCES "visit" ('
     '"id") ON DELETE CASCADE, FOREIGN KEY ("representative_id") REFERENCES "representative" ('
     '"id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "visit_deputy_visit_id" ON "visit_deputy" ("visit_id")'),
    ('CREATE INDEX "visit_deputy_representative_id" ON "visit_deputy" ("representative_id")'),
    ('CREATE UNIQUE INDEX "visit_deputy_visit_id_representative_id" ON "visit_deputy" ("visit_'
     'id", "representative_id")'),
    ('CREATE TABLE "problem" ("id" INTEGER NOT NULL PRIMARY KEY, "visit_id" INTEGER NOT NULL, '
     '"content" TEXT NOT NULL, "voter_name" VARCHAR(255) NOT NULL, "voter_contact" VARCHAR(255'
     ') NOT NULL, "category" VARCHAR(255) NOT NULL, "route" VARCHAR(255) NOT NULL, "handling_u'
     'nit" VARCHAR(255) NOT NULL, "deadline" DATE, "status" VARCHAR(255) NOT NULL, "reply" TEX'
     'T NOT NULL, "replied_on" DATE, "feedback_on" DATE, "feedback_how" VARCHAR(255) NOT NULL,'
     ' "satisfaction" VARCHAR(255) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATE'
     'TIME NOT NULL, FOREIGN KEY ("visit_id") REFERENCES "visit" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "problem_visit_id" ON "problem" ("visit_id")'),
    ('CREATE INDEX "problem_deadline" ON "problem" ("deadline")'),
    ('CREATE INDEX "problem_status" ON "problem" ("status")'),
    ('CREATE TABLE "problem_event" ("id" INTEGER NOT NULL PRIMARY KEY, "problem_id" INTEGER NO'
     'T NULL, "at" DATETIME NOT NULL, "happened_on" DATE NOT NULL, "status_from" VARCHAR(255) '
     'NOT NULL, "status_to" VARCHAR(255) NOT NULL, "note" TEXT NOT NULL, FOREIGN KEY ("problem'
     '_id") REFERENCES "problem" ("id") ON DELETE CASCADE)'),
    ('CREATE INDEX "problem_event_problem_id" ON "problem_event" ("problem_id")'),
]


def _to_v4_visits(db, migrator) -> None:
    for statement in _V4_VISITS:
        db.execute_sql(statement)


# Version 5: inspections, their participants, the hazard ledger, hazard steps and photos.
_V5_INSPECTIONS = [
    ('CREATE TABLE "inspection" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(255) NOT NU'
     'LL, "title" VARCHAR(255) NOT NULL, "subject" VARCHAR(255) NOT NULL, "starts_on" DATE NOT'
     ' NULL, "ends_on" DATE, "sites" TEXT NOT NULL, "organiser" VARCHAR(255) NOT NULL, "stage"'
     ' VARCHAR(255) NOT NULL, "findings" TEXT NOT NULL, "report" TEXT NOT NULL, "report_file" '
     'VARCHAR(255) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)'),
    ('CREATE INDEX "inspection_starts_on" ON "inspection" ("starts_on")'),
    ('CREATE TABLE "inspection_participant" ("id" INTEGER NOT NULL PRIMARY KEY, "inspection_id'
     '" INTEGER NOT NULL, "representative_id" INTEGER, "name" VARCHAR(255) NOT NULL, "unit_pos'
     't" VARCHAR(255) NOT NULL, FOREIGN KEY ("inspection_id") REFERENCES "inspection" ("id") O'
     'N DELETE CASCADE, FOREIGN KEY ("representative_id") REFERENCES "representative" ("id") O'
     'N DELETE RESTRICT)'),
    ('CREATE INDEX "inspection_participant_inspection_id" ON "inspection_participant" ("inspec'
     'tion_id")'),
    ('CREATE INDEX "inspection_participant_representative_id" ON "inspection_participant" ("re'
     'presentative_id")'),
    ('CREATE TABLE "hazard" ("id" INTEGER NOT NULL PRIMARY KEY, "year" INTEGER NOT NULL, "seq"'
     ' INTEGER NOT NULL, "inspection_id" INTEGER, "source" VARCHAR(255) NOT NULL, "found_on" D'
     'ATE NOT NULL, "inspectors" VARCHAR(255) NOT NULL, "place" VARCHAR(255) NOT NULL, "descri'
     'ption" TEXT NOT NULL, "category" VARCHAR(255) NOT NULL, "level" VARCHAR(255) NOT NULL, "'
     'measures" TEXT NOT NULL, "funds" REAL, "responsible_unit" VARCHAR(255) NOT NULL, "respon'
     'sible_person" VARCHAR(255) NOT NULL, "original_deadline" DATE, "deadline" DATE, "reviewe'
     'r" VARCHAR(255) NOT NULL, "supervised" INTEGER NOT NULL, "emergency_plan" TEXT NOT NULL,'
     ' "progress" TEXT NOT NULL, "completed_on" DATE, "reviewed_on" DATE, "review_conclusion" '
     'TEXT NOT NULL, "status" VARCHAR(255) NOT NULL, "closed_on" DATE, "created_at" DATETIME N'
     'OT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("inspection_id") REFERENCES "inspe'
     'ction" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "hazard_inspection_id" ON "hazard" ("inspection_id")'),
    ('CREATE INDEX "hazard_found_on" ON "hazard" ("found_on")'),
    ('CREATE INDEX "hazard_deadline" ON "hazard" ("deadline")'),
    ('CREATE INDEX "hazard_status" ON "hazard" ("status")'),
    ('CREATE UNIQUE INDEX "hazard_year_seq" ON "hazard" ("year", "seq")'),
    ('CREATE TABLE "hazard_event" ("id" INTEGER NOT NULL PRIMARY KEY, "hazard_id" INTEGER NOT '
     'NULL, "at" DATETIME NOT NULL, "happened_on" DATE NOT NULL, "status_from" VARCHAR(255) NO'
     'T NULL, "status_to" VARCHAR(255) NOT NULL, "note" TEXT NOT NULL, FOREIGN KEY ("hazard_id'
     '") REFERENCES "hazard" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "hazard_event_hazard_id" ON "hazard_event" ("hazard_id")'),
    ('CREATE TABLE "hazard_photo" ("id" INTEGER NOT NULL PRIMARY KEY, "hazard_id" INTEGER NOT '
     'NULL, "stage" VARCHAR(255) NOT NULL, "file_name" VARCHAR(255) NOT NULL, "stored_path" VA'
     'RCHAR(255) NOT NULL, "width" INTEGER NOT NULL, "height" INTEGER NOT NULL, "added_at" DAT'
     'ETIME NOT NULL, FOREIGN KEY ("hazard_id") REFERENCES "hazard" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "hazard_photo_hazard_id" ON "hazard_photo" ("hazard_id")'),
]


def _to_v5_inspections(db, migrator) -> None:
    for statement in _V5_INSPECTIONS:
        db.execute_sql(statement)


# v6: 一人一档 archive entries and the annual assessment (frozen as released).
_V6_ARCHIVE = [
    ('CREATE TABLE "archive_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "representative_id" INT'
     'EGER NOT NULL, "happened_on" DATE NOT NULL, "kind" VARCHAR(255) NOT NULL, "section" INTE'
     'GER NOT NULL, "description" TEXT NOT NULL, "file_name" VARCHAR(255) NOT NULL, "stored_pa'
     'th" VARCHAR(255) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NUL'
     'L, FOREIGN KEY ("representative_id") REFERENCES "representative" ("id") ON DELETE RESTRI'
     'CT)'),
    ('CREATE INDEX "archive_entry_representative_id" ON "archive_entry" ("representative_id")'),
    ('CREATE INDEX "archive_entry_happened_on" ON "archive_entry" ("happened_on")'),
    ('CREATE TABLE "assessment_scheme" ("id" INTEGER NOT NULL PRIMARY KEY, "year" INTEGER NOT '
     'NULL, "base_points" REAL NOT NULL, "full_marks" REAL NOT NULL, "bands" TEXT NOT NULL, "c'
     'reated_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)'),
    ('CREATE UNIQUE INDEX "assessment_scheme_year" ON "assessment_scheme" ("year")'),
    ('CREATE TABLE "assessment_item" ("id" INTEGER NOT NULL PRIMARY KEY, "scheme_id" INTEGER N'
     'OT NULL, "position" INTEGER NOT NULL, "source" VARCHAR(255) NOT NULL, "name" VARCHAR(255'
     ') NOT NULL, "points" REAL NOT NULL, "cap" REAL, FOREIGN KEY ("scheme_id") REFERENCES "as'
     'sessment_scheme" ("id") ON DELETE CASCADE)'),
    ('CREATE INDEX "assessment_item_scheme_id" ON "assessment_item" ("scheme_id")'),
    ('CREATE UNIQUE INDEX "assessment_item_scheme_id_source" ON "assessment_item" ("scheme_id"'
     ', "source")'),
    ('CREATE TABLE "assessment_round" ("id" INTEGER NOT NULL PRIMARY KEY, "year" INTEGER NOT N'
     'ULL, "status" VARCHAR(255) NOT NULL, "computed_at" DATETIME NOT NULL, "data_marker" INTE'
     'GER NOT NULL, "published_at" DATETIME, "frozen_at" DATETIME)'),
    ('CREATE UNIQUE INDEX "assessment_round_year" ON "assessment_round" ("year")'),
    ('CREATE TABLE "assessment_result" ("id" INTEGER NOT NULL PRIMARY KEY, "round_id" INTEGER '
     'NOT NULL, "representative_id" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "group_nam'
     'e" VARCHAR(255) NOT NULL, "served_days" INTEGER NOT NULL, "period_days" INTEGER NOT NULL'
     ', "total" REAL NOT NULL, "grade" VARCHAR(255) NOT NULL, "rank" INTEGER NOT NULL, FOREIGN'
     ' KEY ("round_id") REFERENCES "assessment_round" ("id") ON DELETE CASCADE, FOREIGN KEY ("'
     'representative_id") REFERENCES "representative" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "assessment_result_round_id" ON "assessment_result" ("round_id")'),
    ('CREATE INDEX "assessment_result_representative_id" ON "assessment_result" ("representati'
     've_id")'),
    ('CREATE UNIQUE INDEX "assessment_result_round_id_representative_id" ON "assessment_result'
     '" ("round_id", "representative_id")'),
    ('CREATE TABLE "assessment_line" ("id" INTEGER NOT NULL PRIMARY KEY, "result_id" INTEGER N'
     'OT NULL, "source" VARCHAR(255) NOT NULL, "item_name" VARCHAR(255) NOT NULL, "happened_on'
     '" DATE, "record" TEXT NOT NULL, "record_table" VARCHAR(255) NOT NULL, "record_id" INTEGE'
     'R, "points" REAL NOT NULL, "note" VARCHAR(255) NOT NULL, FOREIGN KEY ("result_id") REFER'
     'ENCES "assessment_result" ("id") ON DELETE CASCADE)'),
    ('CREATE INDEX "assessment_line_result_id" ON "assessment_line" ("result_id")'),
    ('CREATE TABLE "assessment_adjustment" ("id" INTEGER NOT NULL PRIMARY KEY, "year" INTEGER '
     'NOT NULL, "representative_id" INTEGER NOT NULL, "points" REAL NOT NULL, "reason" TEXT NO'
     'T NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("representative_id") REFERENCES "re'
     'presentative" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "assessment_adjustment_year" ON "assessment_adjustment" ("year")'),
    ('CREATE INDEX "assessment_adjustment_representative_id" ON "assessment_adjustment" ("repr'
     'esentative_id")'),
]


def _to_v6_archive(db, migrator) -> None:
    for statement in _V6_ARCHIVE:
        db.execute_sql(statement)


# v7: 两规则四办法 — rule documents, their versions and their chapters and articles.
_V7_RULES = [
    ('CREATE TABLE "rule_document" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(255) NOT '
     'NULL, "title" VARCHAR(255) NOT NULL, "builtin" INTEGER NOT NULL, "position" INTEGER NOT N'
     'ULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)'),
    ('CREATE UNIQUE INDEX "rule_document_kind" ON "rule_document" ("kind")'),
    ('CREATE TABLE "rule_version" ("id" INTEGER NOT NULL PRIMARY KEY, "document_id" INTEGER NO'
     'T NULL, "number" INTEGER NOT NULL, "notes" TEXT NOT NULL, "drafted_on" DATE, "adopted_on'
     '" DATE, "adopted_meeting_id" INTEGER, "adopted_by" VARCHAR(255) NOT NULL, "effective_on"'
     ' DATE, "repealed_on" DATE, "repeal_reason" TEXT NOT NULL, "file_name" VARCHAR(255) NOT N'
     'ULL, "stored_path" VARCHAR(255) NOT NULL, "sha256" VARCHAR(255) NOT NULL, "created_at" D'
     'ATETIME NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("document_id") REFERENCES'
     ' "rule_document" ("id") ON DELETE RESTRICT, FOREIGN KEY ("adopted_meeting_id") REFERENCE'
     'S "meeting" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "rule_version_document_id" ON "rule_version" ("document_id")'),
    ('CREATE INDEX "rule_version_adopted_meeting_id" ON "rule_version" ("adopted_meeting_id")'),
    ('CREATE UNIQUE INDEX "rule_version_document_id_number" ON "rule_version" ("document_id", '
     '"number")'),
    ('CREATE TABLE "rule_article" ("id" INTEGER NOT NULL PRIMARY KEY, "version_id" INTEGER NOT'
     ' NULL, "position" INTEGER NOT NULL, "is_chapter" INTEGER NOT NULL, "text" TEXT NOT NULL, '
     'FOREIGN KEY ("version_id") REFERENCES "rule_version" ("id") ON DELETE CASCADE)'),
    ('CREATE INDEX "rule_article_version_id" ON "rule_article" ("version_id")'),
]


def _to_v7_rules(db, migrator) -> None:
    for statement in _V7_RULES:
        db.execute_sql(statement)


# Version 8: the 挂牌 date and the 文号 of each 挂牌督办 hazard's notice.
_V8_SUPERVISION = [
    ('CREATE TABLE "hazard_supervision" ("id" INTEGER NOT NULL PRIMARY KEY, "hazard_id" INTEGER '
     'NOT NULL, "listed_on" DATE NOT NULL, "notice_year" INTEGER NOT NULL, "notice_seq" INTEGER N'
     'OT NULL, FOREIGN KEY ("hazard_id") REFERENCES "hazard" ("id") ON DELETE RESTRICT)'),
    ('CREATE UNIQUE INDEX "hazard_supervision_hazard_id" ON "hazard_supervision" ("hazard_id")'),
    ('CREATE UNIQUE INDEX "hazard_supervision_notice_year_notice_seq" ON "hazard_supervision" ('
     '"notice_year", "notice_seq")'),
]


def _to_v8_supervision(db, migrator) -> None:
    for statement in _V8_SUPERVISION:
        db.execute_sql(statement)
    # Hazards already 挂牌 were listed when they were registered: that day is the one on record.
    listed = db.execute_sql('SELECT "id", "found_on" FROM "hazard" WHERE "supervised" '
                            'ORDER BY "found_on", "year", "seq"').fetchall()
    per_year: dict[str, int] = {}
    for hazard_id, found_on in listed:
        year = str(found_on)[:4]
        per_year[year] = per_year.get(year, 0) + 1
        db.execute_sql('INSERT INTO "hazard_supervision" ("hazard_id", "listed_on", "notice_year", '
                       '"notice_seq") VALUES (?, ?, ?, ?)', (hazard_id, found_on, int(year),
                                                              per_year[year]))




STEPS: list = [_to_v2_meetings, _to_v3_training, _to_v4_visits,
               _to_v5_inspections, _to_v6_archive, _to_v7_rules, _to_v8_supervision, _to_v9_sessions,
               _to_v10_suggestions, _to_v11_holidays]
