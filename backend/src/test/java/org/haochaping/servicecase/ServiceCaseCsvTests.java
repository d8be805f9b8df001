package org.haochaping.servicecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.haochaping.system.problem.Problems.FieldProblem;
import org.junit.jupiter.api.Test;

/** Reading the CSV import and checking its cases: every problem of every row, named by row and column. */
class ServiceCaseCsvTests {

    static final String HEADER = "caseNumber,subjectId,applicant,completedAt\n";
    static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

    @Test
    void good_rows_are_read_with_a_bom_and_quoted_values() {
        ServiceCaseCsv.Read read = ServiceCaseCsv.read("\uFEFF" + HEADER
                + "XY-0001,otov-01,\"resident, one\",2026-11-20T10:15:00+08:00\n\n"
                + "XY-0002,otov-02,resident-2,2026-11-21T09:00:00Z\n");

        assertThat(read.problems()).isEmpty();
        assertThat(read.cases()).extracting(ServiceCaseChecks.Labeled::entry).containsExactly(
                new ServiceCaseEntry("XY-0001", "otov-01", "resident, one", Instant.parse("2026-11-20T02:15:00Z")),
                new ServiceCaseEntry("XY-0002", "otov-02", "resident-2", Instant.parse("2026-11-21T09:00:00Z")));
    }

    @Test
    void every_bad_row_is_reported_by_row_and_column() {
        ServiceCaseCsv.Read read = ServiceCaseCsv.read(HEADER
                + "XY-0001,otov-01,resident-1,2026-11-20T10:15:00+08:00\n"
                + "XY-0002,otov-01,,2026-11-20\n"
                + "XY-0003,otov-01\n");

        assertThat(read.problems()).extracting(FieldProblem::field)
                .containsExactly("row 2.applicant", "row 2.completedAt", "row 3");
        assertThat(read.cases()).hasSize(1);
    }

    @Test
    void a_wrong_header_or_an_empty_file_is_one_problem() {
        assertThat(ServiceCaseCsv.read("case,item,who,when\nXY-0001,otov-01,r,2026-11-20T10:15:00Z\n").problems())
                .extracting(FieldProblem::field).containsExactly("header");
        assertThat(ServiceCaseCsv.read(HEADER).problems()).extracting(FieldProblem::field).containsExactly("file");
        assertThat(ServiceCaseCsv.read("").problems()).hasSize(1);
    }

    @Test
    void the_checks_find_duplicates_unknown_items_bad_numbers_and_future_completions() {
        List<ServiceCaseChecks.Labeled> cases = List.of(
                labeled("row 1", "XY-0001", "otov-01", NOW.minusSeconds(60)),
                labeled("row 2", "XY-0001", "otov-02", NOW.minusSeconds(60)),
                labeled("row 3", "XY 3", "pm-001", NOW.plusSeconds(3600)));

        assertThat(ServiceCaseChecks.problems(cases, item -> item.startsWith("otov-"), NOW))
                .extracting(FieldProblem::field)
                .containsExactly("row 2.caseNumber", "row 3.caseNumber", "row 3.subjectId", "row 3.completedAt");
    }

    private static ServiceCaseChecks.Labeled labeled(String label, String number, String item, Instant completedAt) {
        return new ServiceCaseChecks.Labeled(label, new ServiceCaseEntry(number, item, "resident", completedAt));
    }
}
