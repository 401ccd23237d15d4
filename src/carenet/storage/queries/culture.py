"""Culture indicators: organisations by ODS code (an NHS Staff Survey file names them so)."""

from carenet.storage.queries.registry import Query

ORGANISATIONS_BY_ODS_CODE = Query(
    "organisations_by_ods_code",
    "UNWIND $codes AS c MATCH (o:Organisation) WHERE o.ods_code = c RETURN c AS ods_code, o.uid AS uid ORDER BY uid",
)
