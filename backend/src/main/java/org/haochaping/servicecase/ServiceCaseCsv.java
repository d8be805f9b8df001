package org.haochaping.servicecase;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.haochaping.system.problem.Problems.FieldProblem;

/**
 * Reads the CSV import of cases ({@code caseNumber,subjectId,applicant,completedAt}): the rows it
 * could read, and every problem of the rows it could not. Pure.
 */
final class ServiceCaseCsv {

    static final List<String> COLUMNS = List.of("caseNumber", "subjectId", "applicant", "completedAt");

    record Read(List<ServiceCaseChecks.Labeled> cases, List<FieldProblem> problems) {
    }

    private ServiceCaseCsv() {
    }

    static Read read(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<ServiceCaseChecks.Labeled> cases = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            if (!parser.getHeaderNames().equals(COLUMNS)) {
                return new Read(List.of(), List.of(new FieldProblem("header",
                        "表头须为 (the header must be) " + String.join(",", COLUMNS))));
            }
            int row = 0;
            for (CSVRecord record : parser) {
                row++;
                if (row > ServiceCaseChecks.MAX_CASES) {
                    problems.add(new FieldProblem("file", "一次最多导入 " + ServiceCaseChecks.MAX_CASES
                            + " 行 (at most " + ServiceCaseChecks.MAX_CASES + " rows)"));
                    break;
                }
                readRow("row " + row, record, cases, problems);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException unreadable) {
            return new Read(List.of(), List.of(new FieldProblem("file", "无法读取 CSV 文件 (not a readable CSV file)")));
        }
        if (cases.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("file", "没有办件 (no cases)"));
        }
        return new Read(cases, problems);
    }

    private static void readRow(String label, CSVRecord record, List<ServiceCaseChecks.Labeled> cases,
            List<FieldProblem> problems) {
        if (!record.isConsistent()) {
            problems.add(new FieldProblem(label, "须有 " + COLUMNS.size() + " 列 (must have " + COLUMNS.size() + " columns)"));
            return;
        }
        int before = problems.size();
        for (String column : COLUMNS) {
            if (record.get(column).isEmpty()) {
                problems.add(new FieldProblem(label + "." + column, "不能为空 (required)"));
            }
        }
        OffsetDateTime completedAt = null;
        if (!record.get("completedAt").isEmpty()) {
            try {
                completedAt = OffsetDateTime.parse(record.get("completedAt"));
            } catch (DateTimeParseException notATime) {
                problems.add(new FieldProblem(label + ".completedAt",
                        "须为带时区的 ISO 8601 时间 (ISO 8601 with offset, e.g. 2026-11-20T10:15:00+08:00)"));
            }
        }
        if (problems.size() == before && completedAt != null) {
            cases.add(new ServiceCaseChecks.Labeled(label, new ServiceCaseEntry(record.get("caseNumber"),
                    record.get("subjectId"), record.get("applicant"), completedAt.toInstant())));
        }
    }
}
