import datetime as dt

import pytest
from pydantic import ValidationError

from carenet.domain import models as m
from carenet.domain.enums import ETHNIC_GROUPS, EthnicCategory, LeadershipLevel
from carenet.domain.schema import NODE_MODELS, REL_SPECS, NodeLabel, RelType


def test_every_label_and_relationship_has_a_model():
    assert set(NODE_MODELS) == set(NodeLabel)
    assert set(REL_SPECS) == set(RelType)
    for label, model in NODE_MODELS.items():
        assert model.label == label.value
    for rel_type, spec in REL_SPECS.items():
        assert spec.model.type == rel_type.value


def test_ods_code_must_fit_the_kind_of_organisation():
    m.Organisation(uid="o", name="Acute", kind="nhs_trust", sector="health", ods_code="RXH")
    with pytest.raises(ValidationError, match="NHS trust ODS code"):
        m.Organisation(uid="o", name="Acute", kind="nhs_trust", sector="health", ods_code="H81001")
    with pytest.raises(ValidationError, match="GP practice ODS code"):
        m.Organisation(uid="o", name="Surgery", kind="gp_practice", sector="health", ods_code="RXH")


def test_unknown_enum_values_and_missing_fields_are_rejected():
    with pytest.raises(ValidationError) as err:
        m.Team(uid="t", sector="hospital")
    fields = {e["loc"][0] for e in err.value.errors()}
    assert fields == {"name", "sector"}


def test_memberships_carry_ordered_dates():
    m.MemberOf(source="p", target="t", since=dt.date(2024, 1, 1), until=dt.date(2025, 1, 1))
    with pytest.raises(ValidationError, match="until must not be before since"):
        m.MemberOf(source="p", target="t", since=dt.date(2025, 1, 1), until=dt.date(2024, 1, 1))


def test_relationship_uid_defaults_to_a_stable_key_per_wave():
    a = m.CollaboratesWith(source="t1", target="t2", kinds=["referral"], wave="w1")
    b = m.CollaboratesWith(source="t1", target="t2", kinds=["joint_meeting"], wave="w2")
    assert a.uid == "COLLABORATES_WITH:t1>t2@w1"
    assert a.uid != b.uid
    assert m.PartOf(source="t1", target="o1").uid == "PART_OF:t1>o1"


def test_trust_and_value_are_partner_scores():
    with pytest.raises(ValidationError):
        m.CollaboratesWith(source="a", target="b", kinds=["referral"], wave="w", trust=5)


def test_person_holds_no_special_category_data():
    assert not {"ethnic_category", "sex", "ethnicity"} & set(m.Person.model_fields)
    assert {"ethnic_category", "sex"} <= set(m.Demographic.model_fields)


def test_ethnic_categories_roll_up_to_five_groups():
    assert EthnicCategory("H").group == "Asian"
    assert EthnicCategory("N").group == "Black"
    assert set(ETHNIC_GROUPS) == {c.value for c in EthnicCategory}


def test_levels_know_the_level_below():
    assert LeadershipLevel.BOARD.below() is LeadershipLevel.EXECUTIVE
    assert LeadershipLevel.TEAM.below() is None


def test_a_survey_tie_joins_two_different_ends():
    """Issue 20: a self-tie counted once in Neo4j's degree and twice in LadybugDB's; it is refused."""
    import pydantic

    with pytest.raises(pydantic.ValidationError, match="two different ends"):
        m.CollaboratesWith(source="t1", target="t1", kinds=["referral"], wave="w1")
    with pytest.raises(pydantic.ValidationError, match="two different ends"):
        m.WorksWith(source="p1", target="p1", kinds=["advice"], wave="w1")
    assert (
        m.CollaboratesWith(source="t1", target="t2", kinds=["referral"], wave="w1").uid == "COLLABORATES_WITH:t1>t2@w1"
    )
