"""Upgrade steps 9 and 10 (see ``steps.py`` for the rules every step follows): congress sessions and
the 换届 record (9), deputies' suggestions, liaison stations and livelihood projects (10), holiday
arrangements and the search index (11). Kept apart to keep each steps module short."""

from town_office.models.search_index import create as create_search_index

# Version 9: congress sessions (attendance, agenda items with votes, candidates and documents), the
# 换届 assistant's record, and the congress session at which a rule version was (re-)adopted.
_V9_SESSIONS = [
    ('CREATE TABLE "congress_session" ("id" INTEGER NOT NULL PRIMARY KEY, "term_id" INTEGER NOT '
     'NULL, "number" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "starts_on" DATE NOT NULL, '
     '"ends_on" DATE NOT NULL, "place" VARCHAR(255) NOT NULL, "chair" VARCHAR(255) NOT NULL, '
     '"notes" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, '
     'FOREIGN KEY ("term_id") REFERENCES "term" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "congress_session_term_id" ON "congress_session" ("term_id")'),
    ('CREATE UNIQUE INDEX "congress_session_term_id_number" ON "congress_session" ("term_id", '
     '"number")'),
    ('CREATE TABLE "session_attendee" ("id" INTEGER NOT NULL PRIMARY KEY, "session_id" INTEGER '
     'NOT NULL, "representative_id" INTEGER, "role" VARCHAR(255) NOT NULL, "name" VARCHAR(255) '
     'NOT NULL, "unit_post" VARCHAR(255) NOT NULL, "group_name" VARCHAR(255) NOT NULL, '
     '"attendance" VARCHAR(255) NOT NULL, "reason" VARCHAR(255) NOT NULL, "position" INTEGER NOT'
     ' NULL, FOREIGN KEY ("session_id") REFERENCES "congress_session" ("id") ON DELETE CASCADE, '
     'FOREIGN KEY ("representative_id") REFERENCES "representative" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "session_attendee_representative_id" ON "session_attendee" '
     '("representative_id")'),
    ('CREATE INDEX "session_attendee_session_id" ON "session_attendee" ("session_id")'),
    ('CREATE TABLE "session_item" ("id" INTEGER NOT NULL PRIMARY KEY, "session_id" INTEGER NOT '
     'NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "title" VARCHAR(255) NOT '
     'NULL, "reporter" VARCHAR(255) NOT NULL, "decision" TEXT NOT NULL, "votes_for" INTEGER, '
     '"votes_against" INTEGER, "votes_abstain" INTEGER, "seats" INTEGER NOT NULL, FOREIGN KEY '
     '("session_id") REFERENCES "congress_session" ("id") ON DELETE CASCADE)'),
    ('CREATE INDEX "session_item_session_id" ON "session_item" ("session_id")'),
    ('CREATE TABLE "session_candidate" ("id" INTEGER NOT NULL PRIMARY KEY, "item_id" INTEGER NOT'
     ' NULL, "position" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "post" VARCHAR(255) NOT '
     'NULL, "representative_id" INTEGER, "votes" INTEGER, FOREIGN KEY ("item_id") REFERENCES '
     '"session_item" ("id") ON DELETE CASCADE, FOREIGN KEY ("representative_id") REFERENCES '
     '"representative" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "session_candidate_item_id" ON "session_candidate" ("item_id")'),
    ('CREATE INDEX "session_candidate_representative_id" ON "session_candidate" '
     '("representative_id")'),
    ('CREATE TABLE "session_document" ("id" INTEGER NOT NULL PRIMARY KEY, "item_id" INTEGER NOT '
     'NULL, "file_name" VARCHAR(255) NOT NULL, "stored_path" VARCHAR(255) NOT NULL, "size" '
     'INTEGER NOT NULL, "sha256" VARCHAR(255) NOT NULL, "added_at" DATETIME NOT NULL, FOREIGN '
     'KEY ("item_id") REFERENCES "session_item" ("id") ON DELETE CASCADE)'),
    ('CREATE INDEX "session_document_item_id" ON "session_document" ("item_id")'),
    ('CREATE TABLE "term_change" ("id" INTEGER NOT NULL PRIMARY KEY, "old_term_id" INTEGER NOT '
     'NULL, "new_term_id" INTEGER, "steps_done" VARCHAR(255) NOT NULL, "choices" TEXT NOT NULL, '
     '"package_folder" VARCHAR(255) NOT NULL, "started_at" DATETIME NOT NULL, "updated_at" '
     'DATETIME NOT NULL, FOREIGN KEY ("old_term_id") REFERENCES "term" ("id") ON DELETE '
     'RESTRICT, FOREIGN KEY ("new_term_id") REFERENCES "term" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "term_change_new_term_id" ON "term_change" ("new_term_id")'),
    ('CREATE INDEX "term_change_old_term_id" ON "term_change" ("old_term_id")'),
    ('CREATE TABLE "rule_version_session" ("id" INTEGER NOT NULL PRIMARY KEY, "version_id" '
     'INTEGER NOT NULL, "session_id" INTEGER NOT NULL, FOREIGN KEY ("version_id") REFERENCES '
     '"rule_version" ("id") ON DELETE CASCADE, FOREIGN KEY ("session_id") REFERENCES '
     '"congress_session" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "rule_version_session_session_id" ON "rule_version_session" ("session_id")'),
    ('CREATE UNIQUE INDEX "rule_version_session_version_id" ON "rule_version_session" '
     '("version_id")'),
]


def _to_v9_sessions(db, migrator) -> None:
    for statement in _V9_SESSIONS:
        db.execute_sql(statement)


# Version 10: deputies' suggestions (代表建议) with co-signers and answer rounds; liaison stations with
# their 六有, deputies, duty rota and receptions; livelihood projects with their vote, progress and ratings.
_V10_SUGGESTIONS = [
    ('CREATE TABLE "suggestion" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(255) NOT '
     'NULL, "term_id" INTEGER NOT NULL, "session_id" INTEGER, "year" INTEGER NOT NULL, "seq" '
     'INTEGER NOT NULL, "lead_id" INTEGER NOT NULL, "title" VARCHAR(255) NOT NULL, "content" '
     'TEXT NOT NULL, "category" VARCHAR(255) NOT NULL, "submitted_on" DATE NOT NULL, '
     '"problem_id" INTEGER, "main_unit" VARCHAR(255) NOT NULL, "co_units" VARCHAR(255) NOT NULL,'
     ' "grade" VARCHAR(255) NOT NULL, "responsible_id" INTEGER, "complex" INTEGER NOT NULL, '
     '"assigned_on" DATE, "deadline" DATE, "status" VARCHAR(255) NOT NULL, "excellent" INTEGER '
     'NOT NULL, "excellent_reason" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" '
     'DATETIME NOT NULL, FOREIGN KEY ("term_id") REFERENCES "term" ("id") ON DELETE RESTRICT, '
     'FOREIGN KEY ("session_id") REFERENCES "congress_session" ("id") ON DELETE RESTRICT, '
     'FOREIGN KEY ("lead_id") REFERENCES "representative" ("id") ON DELETE RESTRICT, FOREIGN KEY'
     ' ("problem_id") REFERENCES "problem" ("id") ON DELETE RESTRICT, FOREIGN KEY '
     '("responsible_id") REFERENCES "representative" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "suggestion_deadline" ON "suggestion" ("deadline")'),
    ('CREATE INDEX "suggestion_lead_id" ON "suggestion" ("lead_id")'),
    ('CREATE UNIQUE INDEX "suggestion_number" ON "suggestion" ("number")'),
    ('CREATE UNIQUE INDEX "suggestion_problem_id" ON "suggestion" ("problem_id")'),
    ('CREATE INDEX "suggestion_responsible_id" ON "suggestion" ("responsible_id")'),
    ('CREATE INDEX "suggestion_session_id" ON "suggestion" ("session_id")'),
    ('CREATE INDEX "suggestion_status" ON "suggestion" ("status")'),
    ('CREATE INDEX "suggestion_term_id" ON "suggestion" ("term_id")'),
    ('CREATE INDEX "suggestion_year" ON "suggestion" ("year")'),
    ('CREATE TABLE "suggestion_cosigner" ("id" INTEGER NOT NULL PRIMARY KEY, "suggestion_id" '
     'INTEGER NOT NULL, "representative_id" INTEGER NOT NULL, FOREIGN KEY ("suggestion_id") '
     'REFERENCES "suggestion" ("id") ON DELETE CASCADE, FOREIGN KEY ("representative_id") '
     'REFERENCES "representative" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "suggestion_cosigner_representative_id" ON "suggestion_cosigner" '
     '("representative_id")'),
    ('CREATE INDEX "suggestion_cosigner_suggestion_id" ON "suggestion_cosigner" '
     '("suggestion_id")'),
    ('CREATE UNIQUE INDEX "suggestion_cosigner_suggestion_id_representative_id" ON '
     '"suggestion_cosigner" ("suggestion_id", "representative_id")'),
    ('CREATE TABLE "suggestion_answer" ("id" INTEGER NOT NULL PRIMARY KEY, "suggestion_id" '
     'INTEGER NOT NULL, "round" INTEGER NOT NULL, "answer_class" VARCHAR(255) NOT NULL, '
     '"answered_on" DATE NOT NULL, "text" TEXT NOT NULL, "deadline" DATE, "promised_on" DATE, '
     '"file_name" VARCHAR(255) NOT NULL, "stored_path" VARCHAR(255) NOT NULL, "satisfaction" '
     'VARCHAR(255) NOT NULL, "opinion" TEXT NOT NULL, "feedback_on" DATE, FOREIGN KEY '
     '("suggestion_id") REFERENCES "suggestion" ("id") ON DELETE CASCADE)'),
    ('CREATE INDEX "suggestion_answer_suggestion_id" ON "suggestion_answer" ("suggestion_id")'),
    ('CREATE UNIQUE INDEX "suggestion_answer_suggestion_id_round" ON "suggestion_answer" '
     '("suggestion_id", "round")'),
    ('CREATE TABLE "station" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, '
     '"place" VARCHAR(255) NOT NULL, "contact" VARCHAR(255) NOT NULL, "phone" VARCHAR(255) NOT '
     'NULL, "rule_kind" VARCHAR(255) NOT NULL, "rule_days" VARCHAR(255) NOT NULL, "notes" TEXT '
     'NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)'),
    ('CREATE UNIQUE INDEX "station_name" ON "station" ("name")'),
    ('CREATE TABLE "station_standard" ("id" INTEGER NOT NULL PRIMARY KEY, "station_id" INTEGER '
     'NOT NULL, "item" VARCHAR(255) NOT NULL, "met_on" DATE NOT NULL, FOREIGN KEY ("station_id")'
     ' REFERENCES "station" ("id") ON DELETE CASCADE)'),
    ('CREATE INDEX "station_standard_station_id" ON "station_standard" ("station_id")'),
    ('CREATE UNIQUE INDEX "station_standard_station_id_item" ON "station_standard" '
     '("station_id", "item")'),
    ('CREATE TABLE "station_deputy" ("id" INTEGER NOT NULL PRIMARY KEY, "station_id" INTEGER NOT'
     ' NULL, "representative_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, FOREIGN KEY '
     '("station_id") REFERENCES "station" ("id") ON DELETE CASCADE, FOREIGN KEY '
     '("representative_id") REFERENCES "representative" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "station_deputy_representative_id" ON "station_deputy" ("representative_id")'),
    ('CREATE INDEX "station_deputy_station_id" ON "station_deputy" ("station_id")'),
    ('CREATE UNIQUE INDEX "station_deputy_station_id_representative_id" ON "station_deputy" '
     '("station_id", "representative_id")'),
    ('CREATE TABLE "station_duty" ("id" INTEGER NOT NULL PRIMARY KEY, "station_id" INTEGER NOT '
     'NULL, "on" DATE NOT NULL, "representative_id" INTEGER NOT NULL, FOREIGN KEY ("station_id")'
     ' REFERENCES "station" ("id") ON DELETE CASCADE, FOREIGN KEY ("representative_id") '
     'REFERENCES "representative" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "station_duty_representative_id" ON "station_duty" ("representative_id")'),
    ('CREATE INDEX "station_duty_station_id" ON "station_duty" ("station_id")'),
    ('CREATE UNIQUE INDEX "station_duty_station_id_on_representative_id" ON "station_duty" '
     '("station_id", "on", "representative_id")'),
    ('CREATE TABLE "reception" ("id" INTEGER NOT NULL PRIMARY KEY, "station_id" INTEGER NOT '
     'NULL, "visit_id" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "received_at" DATETIME '
     'NOT NULL, "responded_at" DATETIME, FOREIGN KEY ("station_id") REFERENCES "station" ("id") '
     'ON DELETE RESTRICT, FOREIGN KEY ("visit_id") REFERENCES "visit" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "reception_station_id" ON "reception" ("station_id")'),
    ('CREATE UNIQUE INDEX "reception_visit_id" ON "reception" ("visit_id")'),
    ('CREATE TABLE "project_round" ("id" INTEGER NOT NULL PRIMARY KEY, "year" INTEGER NOT NULL, '
     '"quota" INTEGER NOT NULL, "item_id" INTEGER, "stage" VARCHAR(255) NOT NULL, FOREIGN KEY '
     '("item_id") REFERENCES "session_item" ("id") ON DELETE SET NULL)'),
    ('CREATE INDEX "project_round_item_id" ON "project_round" ("item_id")'),
    ('CREATE UNIQUE INDEX "project_round_year" ON "project_round" ("year")'),
    ('CREATE TABLE "project" ("id" INTEGER NOT NULL PRIMARY KEY, "year" INTEGER NOT NULL, "name"'
     ' VARCHAR(255) NOT NULL, "area" VARCHAR(255) NOT NULL, "investment" REAL NOT NULL, '
     '"funding" VARCHAR(255) NOT NULL, "description" TEXT NOT NULL, "planned_on" DATE, '
     '"proposer_kind" VARCHAR(255) NOT NULL, "proposer_id" INTEGER, "problem_id" INTEGER, '
     '"shortlisted" INTEGER NOT NULL, "votes" INTEGER, "second_votes" INTEGER, "chosen" INTEGER '
     'NOT NULL, "progress" INTEGER NOT NULL, "completed_on" DATE, FOREIGN KEY ("proposer_id") '
     'REFERENCES "representative" ("id") ON DELETE RESTRICT, FOREIGN KEY ("problem_id") '
     'REFERENCES "problem" ("id") ON DELETE SET NULL)'),
    ('CREATE INDEX "project_problem_id" ON "project" ("problem_id")'),
    ('CREATE INDEX "project_proposer_id" ON "project" ("proposer_id")'),
    ('CREATE INDEX "project_year" ON "project" ("year")'),
    ('CREATE TABLE "project_progress" ("id" INTEGER NOT NULL PRIMARY KEY, "project_id" INTEGER '
     'NOT NULL, "on" DATE NOT NULL, "percent" INTEGER NOT NULL, "notes" TEXT NOT NULL, "photo" '
     'VARCHAR(255) NOT NULL, "inspection_id" INTEGER, FOREIGN KEY ("project_id") REFERENCES '
     '"project" ("id") ON DELETE CASCADE, FOREIGN KEY ("inspection_id") REFERENCES "inspection" '
     '("id") ON DELETE SET NULL)'),
    ('CREATE INDEX "project_progress_inspection_id" ON "project_progress" ("inspection_id")'),
    ('CREATE INDEX "project_progress_project_id" ON "project_progress" ("project_id")'),
    ('CREATE TABLE "project_rating" ("id" INTEGER NOT NULL PRIMARY KEY, "project_id" INTEGER NOT'
     ' NULL, "representative_id" INTEGER NOT NULL, "rating" VARCHAR(255) NOT NULL, "rated_on" '
     'DATE NOT NULL, FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE, '
     'FOREIGN KEY ("representative_id") REFERENCES "representative" ("id") ON DELETE RESTRICT)'),
    ('CREATE INDEX "project_rating_project_id" ON "project_rating" ("project_id")'),
    ('CREATE UNIQUE INDEX "project_rating_project_id_representative_id" ON "project_rating" '
     '("project_id", "representative_id")'),
    ('CREATE INDEX "project_rating_representative_id" ON "project_rating" ("representative_id")'),
]


def _to_v10_suggestions(db, migrator) -> None:
    for statement in _V10_SUGGESTIONS:
        db.execute_sql(statement)


_V11_HOLIDAYS = [
    ('CREATE TABLE "holiday_day" ("day" DATE NOT NULL PRIMARY KEY, "year" INTEGER NOT NULL, "kind" '
     'VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL)'),
    ('CREATE INDEX "holiday_day_year" ON "holiday_day" ("year")'),
]


def _to_v11_holidays(db, migrator) -> None:
    """The holiday arrangements the clerk enters for years the holiday package lacks, and the search
    index (kept by triggers, filled from the rows already there)."""
    for statement in _V11_HOLIDAYS:
        db.execute_sql(statement)
    create_search_index(db)
