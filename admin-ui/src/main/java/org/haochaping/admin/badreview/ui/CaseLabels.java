package org.haochaping.admin.badreview.ui;

import java.util.Locale;

import org.haochaping.badreview.Appeal;
import org.haochaping.badreview.AppealReason;
import org.haochaping.badreview.CaseEvent;
import org.haochaping.badreview.CaseOutcome;
import org.haochaping.badreview.CaseStatus;
import org.haochaping.badreview.ContactMethod;
import org.haochaping.badreview.DispositionKind;
import org.haochaping.badreview.Escalation;
import org.haochaping.badreview.Finding;
import org.haochaping.badreview.Verdict;
import org.haochaping.system.problem.ProblemException;
import org.haochaping.system.problem.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The workflow's words as the backend's messages define them ({@code case.*}, {@code rating.level.*}),
 * in the console's language: the console keeps no labels of its own, so it reads a case as the API
 * and the reports do. A refusal reads as the API's problem detail for it.
 */
@Component
public class CaseLabels {

    static final Locale CONSOLE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;
    private final Problems problems;

    CaseLabels(MessageSource messages, Problems problems) {
        this.messages = messages;
        this.problems = problems;
    }

    public String status(CaseStatus status) {
        return of("case.status.", status);
    }

    public String method(ContactMethod method) {
        return of("case.contact-method.", method);
    }

    public String finding(Finding finding) {
        return of("case.finding.", finding);
    }

    public String disposition(DispositionKind kind) {
        return of("case.disposition.", kind);
    }

    public String verdict(Verdict verdict) {
        return of("case.verdict.", verdict);
    }

    public String outcome(CaseOutcome outcome) {
        return of("case.outcome.", outcome);
    }

    public String appealReason(AppealReason reason) {
        return of("case.appeal-reason.", reason);
    }

    public String appealState(Appeal.State state) {
        return of("case.appeal-state.", state);
    }

    public String escalation(Escalation escalation) {
        return of("case.escalation.", escalation);
    }

    public String event(CaseEvent.Type type) {
        return of("case.event.", type);
    }

    /** A queue flag: {@code DUE_SOON} 即将到期, {@code OVERDUE} 已逾期, {@code SUPERVISED} 督办, {@code APPEAL_PENDING} 申诉中. */
    public String flag(String flag) {
        return message("case.flag." + flag, flag);
    }

    /** A rating level, 1 非常不满意 to 5 非常满意. */
    public String level(int level) {
        return message("rating.level." + level, String.valueOf(level));
    }

    /** What a refused action tells the official: the problem's detail (else its title), as the API words it. */
    public String problem(ProblemException refused) {
        ProblemDetail problem = problems.of(refused.status(), refused.code(), CONSOLE, refused.detailArguments());
        return problem.getDetail() != null ? problem.getDetail() : String.valueOf(problem.getTitle());
    }

    private String of(String prefix, Enum<?> value) {
        return message(prefix + value.name(), value.name());
    }

    private String message(String key, String fallback) {
        String text = messages.getMessage(key, null, fallback, CONSOLE);
        return text == null ? fallback : text;
    }
}
