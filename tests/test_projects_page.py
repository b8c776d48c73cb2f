"""The 民生实事 page through the window: the demo years, the second round the page asks for, a vote
entered in the dialog, and the ratings dialog."""

from datetime import date

import pytest

from tests.model_helpers import assert_rows_show
from town_office.models import Project, ProjectRating
from town_office.services import projects, sessions
from town_office.services.projects import vote
from town_office.services.projects.types import ProjectInput
from town_office.services.sessions import agenda
from town_office.services.sessions.types import PROJECTS, REGULAR, SessionInput, SessionItemInput
from town_office.views.projects.dialogs import RatingDialog, VotesDialog
from town_office.views.projects.page import ProjectsPage, ProjectTableModel

pytestmark = pytest.mark.gui


def test_the_demo_years_on_the_page(qtbot, qtmodeltester, demo_town):
    model = ProjectTableModel()
    rows = projects.list_projects(2025)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert_rows_show(model, rows, "name")
    page = ProjectsPage()
    qtbot.addWidget(page)
    page.show()
    page.year.setCurrentIndex(page.year.findData(2025))
    assert "阶段：评估" in page.state.text() and sum(1 for r in page.model.rows() if r.chosen) == 5
    assert page.model.index(0, 1).data().startswith("✓ ") and page.model.index(0, 8).data().endswith("%")
    assert not page.quota.isEnabled() and not page.buttons["second"].isEnabled()


def test_a_vote_with_a_tie_through_the_dialogs(qtbot, make_representative):
    reps = [make_representative(name=n, birth_month=f"197{i}-01") for i, n in enumerate(("王芳", "李强", "张伟"))]
    session = sessions.create_session(SessionInput(None, REGULAR, date(2026, 1, 15), date(2026, 1, 15)))
    agenda.add_item(session.id, SessionItemInput(PROJECTS, "票决2026年度民生实事项目"))
    rows = [projects.save_project(2026, None, ProjectInput(n)) for n in ("公路硬化", "路灯改造", "饮水工程")]
    vote.set_quota(2026, 1)
    projects.shortlist(2026, [r.id for r in rows])
    page = ProjectsPage()
    qtbot.addWidget(page)
    page.show()
    dialog = VotesDialog(page, 2026, page.model.rows())
    qtbot.addWidget(dialog)
    assert dialog.item.count() == 1 and len(dialog.spins) == 3
    dialog.spins[rows[0].id].setValue(3)
    dialog.spins[rows[1].id].setValue(3)
    dialog.accept()
    assert "超过出席代表3人" in dialog.general_error.text() and not Project.select().where(Project.votes.is_null(False)).exists()
    for r, count in zip(rows, (1, 1, 0)):  # three ballots, one mark each at most
        dialog.spins[r.id].setValue(count)
    dialog.accept()
    page.reload()
    assert "公路硬化、路灯改造得票相同" in page.state.text() and page.buttons["second"].isEnabled()
    second = VotesDialog(page, 2026, page.model.rows(), second=True)
    qtbot.addWidget(second)
    assert set(second.spins) == {rows[0].id, rows[1].id}
    second.spins[rows[0].id].setValue(1)
    second.spins[rows[1].id].setValue(2)
    second.accept()
    assert [p.name for p in Project.select().where(Project.chosen)] == ["路灯改造"]
    chosen = next(r for r in projects.list_projects(2026) if r.chosen)
    rating = RatingDialog(page, chosen)
    qtbot.addWidget(rating)
    rating.combos[reps[0].id].setCurrentText("满意")
    rating.combos[reps[1].id].setCurrentText("不满意")
    rating.accept()
    assert ProjectRating.select().count() == 2
    assert next(r for r in projects.list_projects(2026) if r.chosen).satisfaction_rate == 0.5


def test_a_voters_wish_and_a_groups_inspection_are_linked(qtbot, make_representative):
    from town_office.models import ProjectProgress
    from town_office.services import visits
    from town_office.services.hazards import inspections
    from town_office.services.hazards.types import INSPECTION_KINDS, InspectionInput
    from town_office.services.visits import problems
    from town_office.services.visits.types import ProblemInput, VisitInput
    from town_office.views.projects.dialogs import CandidateDialog, ProgressDialog

    rep = make_representative(name="李强", gender="男", birth_month="1970-05")
    visit = visits.save_visit(None, VisitInput(date(2026, 3, 2), (rep.id,), "入户走访", "石门村", 3))
    wish = problems.add_problem(visit.id, ProblemInput("希望硬化村道", "道路交通"))
    dialog = CandidateDialog(None, 2026)
    qtbot.addWidget(dialog)
    dialog.name.setText("石门村村道硬化")
    dialog.kind.setCurrentText("选民")
    dialog.wish.setCurrentIndex(dialog.wish.findData(wish.id))
    dialog.accept()
    project = Project.get()
    assert project.problem_id == wish.id and project.proposer_kind == "选民"
    Project.update(chosen=True).execute()
    inspection = inspections.save_inspection(None, InspectionInput(INSPECTION_KINDS[1], "视察民生实事项目",
                                                                   date(2026, 6, 3), "村道硬化"))
    progress = ProgressDialog(None, projects.list_projects(2026)[0])
    qtbot.addWidget(progress)
    progress.on.setDate(date(2026, 6, 3))
    progress.percent.setValue(50)
    progress.inspection.setCurrentIndex(progress.inspection.findData(inspection.id))
    progress.accept()
    assert ProjectProgress.get().inspection_id == inspection.id and Project.get().progress == 50
