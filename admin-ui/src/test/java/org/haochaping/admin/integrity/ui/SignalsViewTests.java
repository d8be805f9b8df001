package org.haochaping.admin.integrity.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.haochaping.admin.base.ConsoleTestBase;
import org.haochaping.badreview.UnitNames;
import org.haochaping.campaign.SubjectCatalog;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.haochaping.identity.Role;
import org.haochaping.integrity.IntegrityScan;
import org.haochaping.integrity.Signal;
import org.haochaping.integrity.SignalKind;
import org.haochaping.integrity.SignalReview;
import org.haochaping.integrity.SignalStatus;
import org.haochaping.rating.DemoRatings;
import org.haochaping.region.RegionTree;
import org.haochaping.system.problem.Problems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;

/**
 * 异常评价 in a mocked Vaadin UI (Karibu) over the whole running system: a stuffing burst is found by the
 * real scan, one SUPERVISOR proposes to exclude its ratings, the proposer cannot confirm, another does;
 * an AUDITOR sees it all and acts on nothing.
 */
class SignalsViewTests extends ConsoleTestBase {

    static final Actor ALICE = new Actor("signals-view-alice", "监督员甲", Set.of(Role.SUPERVISOR), null, null);
    static final Actor BOB = new Actor("signals-view-bob", "监督员乙", Set.of(Role.SUPERVISOR), null, null);
    static final Actor AUDITOR = new Actor("signals-view-auditor", "审计员", Set.of(Role.AUDITOR), null, null);

    @Autowired
    DemoRatings demo;
    @Autowired
    SignalReview review;
    @Autowired
    IntegrityScan scan;
    @Autowired
    SubjectCatalog subjects;
    @Autowired
    RegionTree regions;
    @Autowired
    UnitNames units;
    @Autowired
    Problems problems;
    @Autowired
    org.haochaping.system.Labels labels;
    @Autowired
    Clock clock;

    @BeforeEach
    void mockVaadin() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
    }

    @Test
    void a_burst_is_found_proposed_by_one_supervisor_and_confirmed_by_another() {
        DemoRatings.Stuffing stuffing = demo.stuff(12, Duration.ofMinutes(30), new Random(77));
        SignalsView alice = openAs(ALICE);

        alice.scanNow.click();

        assertThat(alice.message.getText()).startsWith("检测完成，新发现");
        Signal burst = burstOn(alice, stuffing.subjectId());
        int row = rowOf(alice, burst);
        String subjectName = subjects.find(stuffing.campaignCode(), stuffing.subjectId()).orElseThrow().name().zh();
        assertThat(GridKt._getFormattedRow(alice.grid, row)).contains("评价对象短时激增", subjectName, "待核查");
        alice.grid.select(burst);
        assertThat(alice.evidence.getText()).startsWith("1 小时内 12 条评价（12 位群众）").contains("泊松检验");

        alice.proposeExclusion.click();

        assertThat(alice.message.getText()).isEqualTo("已提议剔除，待另一名监督员确认。");
        assertThat(alice.confirmExclusion.isEnabled()).as("not the proposer's to confirm").isFalse();
        assertThat(GridKt._getFormattedRow(alice.grid, rowOf(alice, burst))).contains("待确认剔除");

        SignalsView bob = openAs(BOB);
        bob.grid.select(burstOn(bob, stuffing.subjectId()));
        assertThat(bob.confirmExclusion.isEnabled()).isTrue();
        bob.confirmExclusion.click();

        assertThat(bob.message.getText()).isEqualTo("已剔除：相关评价保留并标记，不再计入统计。");
        assertThat(bob.evidence.getText()).contains("剔除 12 条");
        assertThat(review.list(BOB, SignalStatus.EXCLUDED)).extracting(Signal::getId).contains(burst.getId());
    }

    @Test
    void an_auditor_sees_the_evidence_but_no_actions_and_a_supervisor_marks_and_clears() {
        DemoRatings.Stuffing stuffing = demo.stuff(12, Duration.ofHours(6), new Random(78));
        scan.scanNow(ALICE);
        SignalsView auditor = openAs(AUDITOR);

        assertThat(auditor.scanNow.isVisible()).isFalse();
        auditor.grid.select(burstOn(auditor, stuffing.subjectId()));
        assertThat(auditor.evidence.getText()).contains("12 条评价");
        assertThat(auditor.markSuspicious.getParent().orElseThrow().isVisible()).as("no actions").isFalse();

        SignalsView alice = openAs(ALICE);
        Signal burst = burstOn(alice, stuffing.subjectId());
        alice.grid.select(burst);
        alice.markSuspicious.click();
        assertThat(alice.message.getText()).isEqualTo("已标记为可疑。");
        assertThat(alice.markSuspicious.isEnabled()).isFalse();
        alice.dismiss.click();

        assertThat(alice.message.getText()).startsWith("已排除");
        assertThat(GridKt._getFormattedRow(alice.grid, rowOf(alice, burst))).contains("已排除");
        assertThat(alice.dismiss.isEnabled()).isFalse();
        assertThat(alice.proposeExclusion.isEnabled()).isFalse();
    }

    private static Signal burstOn(SignalsView view, String subjectId) {
        return view.grid.getListDataView().getItems()
                .filter(signal -> signal.getKind() == SignalKind.SUBJECT_BURST && signal.getScope().equals(subjectId))
                .findFirst().orElseThrow();
    }

    private static int rowOf(SignalsView view, Signal signal) {
        List<Signal> items = view.grid.getListDataView().getItems().toList();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).getId().equals(signal.getId())) {
                return i;
            }
        }
        throw new AssertionError("not shown: " + signal.getId());
    }

    private SignalsView openAs(Actor actor) {
        CurrentActor current = mock(CurrentActor.class);
        when(current.get()).thenReturn(actor);
        SignalsView view = new SignalsView(review, scan, current, subjects, regions, units, labels, problems, clock);
        UI.getCurrent().add(view);
        return view;
    }
}
