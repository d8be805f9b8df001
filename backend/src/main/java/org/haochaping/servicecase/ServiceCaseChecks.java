package org.haochaping.servicecase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.haochaping.system.problem.Problems.FieldProblem;

/**
 * What every registered case must satisfy, checked for a whole batch before anything is stored, so
 * the service system gets every problem at once. Pure.
 */
final class ServiceCaseChecks {

    static final int MAX_CASES = 1000;
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9-]{4,40}");
    /** The service system's clock may run a little fast; a completion further ahead is a mistake. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    /** A case with the name its fields are reported under: {@code cases[3]} or {@code row 4}. */
    record Labeled(String label, ServiceCaseEntry entry) {
    }

    private ServiceCaseChecks() {
    }

    /**
     * @param isServiceItem whether a subject id is a service item of the campaign
     */
    static List<FieldProblem> problems(List<Labeled> cases, Predicate<String> isServiceItem, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (cases.size() > MAX_CASES) {
            problems.add(new FieldProblem("cases", "一次最多登记 " + MAX_CASES + " 件 (at most " + MAX_CASES + " cases)"));
        }
        Map<String, String> firstLabelOf = new HashMap<>();
        for (Labeled labeled : cases) {
            ServiceCaseEntry entry = labeled.entry();
            String at = labeled.label() + ".";
            if (!CASE_NUMBER.matcher(entry.caseNumber()).matches()) {
                problems.add(new FieldProblem(at + "caseNumber", "办件编号须为 4-40 位字母、数字或 - (4-40 letters, digits or -)"));
            } else {
                String earlier = firstLabelOf.putIfAbsent(entry.caseNumber(), labeled.label());
                if (earlier != null) {
                    problems.add(new FieldProblem(at + "caseNumber", "与 " + earlier + " 重复 (given twice)"));
                }
            }
            if (!isServiceItem.test(entry.subjectId())) {
                problems.add(new FieldProblem(at + "subjectId", "不是该攻坚行动的办事事项 (not a service item of the campaign)"));
            }
            if (entry.applicant().isBlank() || entry.applicant().length() > 200) {
                problems.add(new FieldProblem(at + "applicant", "申请人标识须为 1-200 个字符 (1-200 characters)"));
            }
            if (entry.completedAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
                problems.add(new FieldProblem(at + "completedAt", "办结时间不能在将来 (not in the future)"));
            }
        }
        return problems;
    }
}
