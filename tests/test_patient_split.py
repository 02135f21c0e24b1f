"""The validation split is by patient: no patient's images are on both sides."""

from pathlib import Path

import pytest

from training.data import LabeledImage, list_images, patient_id, patient_split


@pytest.mark.parametrize(
    ("name", "patient"),
    [
        ("person1000_bacteria_2931.png", "person1000"),
        ("person1000_virus_1681.png", "person1000"),
        ("IM-0115-0001.png", "IM-0115"),
        ("IM-0011-0001-0002.png", "IM-0011"),
        ("NORMAL2-IM-1436-0001.png", "NORMAL2-IM-1436"),
    ],
)
def test_patient_ids_are_read_from_kermany_file_names(name, patient):
    assert patient_id(name) == patient


def test_a_name_without_a_patient_id_is_refused():
    with pytest.raises(ValueError, match=r"holiday\.png"):
        patient_id("holiday.png")


@pytest.fixture(scope="module")
def training_images(shared_data) -> list[LabeledImage]:
    return list_images(shared_data / "kermany-train")


def test_no_patient_is_in_both_train_and_validation(training_images):
    train, val = patient_split(training_images, 0.2, seed=42)
    assert {i.patient_id for i in train}.isdisjoint({i.patient_id for i in val})
    assert len(train) + len(val) == len(training_images) == 5232


def test_each_class_gives_about_a_fifth_of_its_images_to_validation(training_images):
    _, val = patient_split(training_images, 0.2, seed=42)
    for label in (0, 1):
        share = sum(i.label == label for i in val) / sum(i.label == label for i in training_images)
        assert 0.19 <= share <= 0.22


def test_the_split_is_reproducible_and_depends_on_the_seed(training_images):
    first = patient_split(training_images, 0.2, seed=42)[1]
    again = patient_split(training_images, 0.2, seed=42)[1]
    other = patient_split(training_images, 0.2, seed=7)[1]
    assert first == again
    assert first != other


def test_all_images_of_a_patient_stay_together():
    images = [
        LabeledImage(Path(f"p{p}_{k}.png"), p % 2, f"person{p}")
        for p in range(20)
        for k in range(p % 4 + 1)
    ]
    train, val = patient_split(images, 0.3, seed=0)
    for side in (train, val):
        patients = {i.patient_id for i in side}
        assert sum(1 for i in images if i.patient_id in patients) == len(side)
