"""QuotationRecord.of_row reads a row by position: the width it assumes is the query's."""

from quotedb.read.records import RECORD_COLUMNS, RECORD_WIDTH


def test_of_row_reads_as_many_columns_as_the_record_query_selects() -> None:
    assert len(RECORD_COLUMNS) == RECORD_WIDTH
