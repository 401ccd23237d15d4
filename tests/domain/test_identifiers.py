import pytest
from pydantic import TypeAdapter, ValidationError

from carenet.domain import identifiers as ids

VALID = [
    (ids.OdsTrustCode, "rxh", "RXH"),
    (ids.OdsTrustSiteCode, "RXH01", "RXH01"),
    (ids.IcbCode, "QNX", "QNX"),
    (ids.GpPracticeCode, " h81001 ", "H81001"),
    (ids.PcnCode, "U12345", "U12345"),
    (ids.LocalAuthorityGss, "E10000032", "E10000032"),
    (ids.LocalAuthorityGss, "E06000043", "E06000043"),
    (ids.IcbGss, "E54000064", "E54000064"),
    (ids.SchoolUrn, "114578", "114578"),
    (ids.CqcLocationId, "1-123456789", "1-123456789"),
    (ids.CqcLocationId, "1-1234567890", "1-1234567890"),
    (ids.CharityNumber, "1089464", "1089464"),
    (ids.CharityNumber, "1089464-1", "1089464-1"),
    (ids.HousingRegulatorCode, "LH4070", "LH4070"),
    (ids.AfcBand, "8A", "8a"),
    (ids.AfcBand, "9", "9"),
    (ids.AfcBand, 5, "5"),
    (ids.Uid, "s1-team-acute-3", "s1-team-acute-3"),
]

INVALID = [
    (ids.OdsTrustCode, "QXH", "NHS trust ODS code"),
    (ids.OdsTrustCode, "RXH01", "NHS trust ODS code"),
    (ids.IcbCode, "RXH", "ICB ODS code"),
    (ids.GpPracticeCode, "H8100", "GP practice"),
    (ids.PcnCode, "U1234A", "PCN code"),
    (ids.LocalAuthorityGss, "E05000001", "local authority GSS"),
    (ids.LocalAuthorityGss, "E11000001", "local authority GSS"),
    (ids.IcbGss, "E38000001", "ICB area GSS"),
    (ids.SchoolUrn, "12345", "school URN"),
    (ids.CqcLocationId, "1-12345678", "CQC location id"),
    (ids.CqcLocationId, "2-123456789", "CQC location id"),
    (ids.AfcBand, "8e", "Agenda for Change band"),
    (ids.AfcBand, "10", "Agenda for Change band"),
    (ids.Uid, "has space", "uid"),
    (ids.Uid, "", "uid"),
]


@pytest.mark.parametrize(("kind", "raw", "expected"), VALID)
def test_valid_identifiers_are_normalised(kind, raw, expected):
    assert TypeAdapter(kind).validate_python(raw) == expected


@pytest.mark.parametrize(("kind", "raw", "name"), INVALID)
def test_invalid_identifiers_say_what_was_expected(kind, raw, name):
    with pytest.raises(ValidationError) as err:
        TypeAdapter(kind).validate_python(raw)
    assert name in str(err.value)
