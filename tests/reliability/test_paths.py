"""A stored attachment path that leads outside the attachments folder (edited database, forged
backup) is never read, written or deleted."""

import pytest

from town_office.errors import StorageError
from town_office.models import AgendaMaterial
from town_office.services.common import attachments
from town_office.services.meetings import agenda as meeting_agenda
from town_office.services.meetings.types import AgendaItemInput


@pytest.mark.parametrize("forged", ["../../victim.txt", "../town_office.sqlite3", "{victim}",
                                    "meetings/../../../victim.txt", "..\\\\..\\\\victim.txt", ""])
def test_removing_a_material_whose_path_leads_outside_deletes_nothing(make_meeting, data_folder,
                                                                      tmp_path, forged):
    victim = data_folder.root.parent / "victim.txt"
    victim.write_text("别人的文件")
    source = tmp_path / "材料.docx"
    source.write_bytes(b"x")
    meeting = meeting_agenda.add_item(make_meeting().id, AgendaItemInput("议题"))
    meeting = meeting_agenda.add_material(meeting.items[0].id, source)
    material = meeting.items[0].materials[0]
    AgendaMaterial.update(stored_path=forged.format(victim=victim)).where(
        AgendaMaterial.id == material.id).execute()
    with pytest.raises(StorageError, match="不在数据文件夹的附件目录中"):
        attachments.absolute(forged.format(victim=victim))
    meeting_agenda.remove_material(material.id)
    assert victim.read_text() == "别人的文件"
    assert data_folder.database.exists()
    assert attachments.absolute("meetings/1/材料.docx").is_relative_to(data_folder.attachments.resolve())
