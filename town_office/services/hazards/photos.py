"""Before and after photos of a hazard: JPEG or PNG, copied into the data folder, large images
scaled down (longest side 1600 px) for storage and print, with a small thumbnail beside each."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from town_office.errors import FieldProblem, NotFound, StorageError, ValidationError
from town_office.models import Hazard, HazardPhoto
from town_office.models.db import database
from town_office.services.common import attachments, audit
from town_office.services.hazards.types import AFTER, BEFORE, PhotoRow

MAX_SIDE = 1600
THUMB_SIDE = 240


def list_photos(hazard_id: int) -> list[PhotoRow]:
    return [PhotoRow(p.id, p.stage, p.file_name, p.stored_path, p.width, p.height)
            for p in HazardPhoto.select().where(HazardPhoto.hazard == hazard_id)
            .order_by(HazardPhoto.stage == AFTER, HazardPhoto.id)]  # 整改前 first


def thumbnail_path(photo: PhotoRow) -> Path:
    return attachments.absolute(photo.stored_path).with_suffix(".thumb.jpg")


def add_photo(hazard_id: int, source: Path, stage: str) -> PhotoRow:
    """Scale and store a photo; refuses files that are not JPEG or PNG pictures."""
    if stage not in (BEFORE, AFTER):
        raise ValidationError([FieldProblem("照片", "请选择整改前或整改后")])
    hazard = Hazard.get_or_none(Hazard.id == hazard_id)
    if hazard is None:
        raise NotFound("找不到这条隐患记录。")
    source = Path(source)
    try:
        with Image.open(source) as image:
            if image.format not in ("JPEG", "PNG"):
                raise ValidationError([FieldProblem("照片", f"“{source.name}”不是JPG或PNG照片")])
            picture = ImageOps.exif_transpose(image).convert("RGB")
    except (UnidentifiedImageError, OSError) as exc:
        raise ValidationError([FieldProblem("照片", f"“{source.name}”不是能打开的照片")]) from exc
    picture.thumbnail((MAX_SIDE, MAX_SIDE))
    folder = attachments.attachments_root() / "hazards" / str(hazard_id)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{hazard.year}-{hazard.seq:03d}_{stage}_{datetime.now():%Y%m%d%H%M%S%f}"
    target = folder / f"{stem}.jpg"
    try:
        picture.save(target, "JPEG", quality=85)
        thumb = picture.copy()
        thumb.thumbnail((THUMB_SIDE, THUMB_SIDE))
        thumb.save(target.with_suffix(".thumb.jpg"), "JPEG", quality=80)
    except OSError as exc:
        raise StorageError(f"无法保存照片：{exc}") from exc
    relative = target.relative_to(attachments.attachments_root()).as_posix()
    with database.atomic():
        photo = HazardPhoto.create(hazard=hazard, stage=stage, file_name=source.name,
                                   stored_path=relative, width=picture.width, height=picture.height,
                                   added_at=datetime.now())
        audit.record("hazard", hazard_id, "添加照片", {stage: (None, source.name)})
    return PhotoRow(photo.id, stage, source.name, relative, picture.width, picture.height)
