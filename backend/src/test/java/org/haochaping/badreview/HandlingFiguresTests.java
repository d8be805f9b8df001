package org.haochaping.badreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.haochaping.badreview.HandlingFigures.CampaignFigures;
import org.haochaping.badreview.HandlingFigures.Ranking;
import org.haochaping.badreview.HandlingFigures.UnitFigures;
import org.haochaping.satisfaction.HandlingCounts;
import org.junit.jupiter.api.Test;

/** How handling units are ranked on the dashboard and the campaign page, without Spring. */
class HandlingFiguresTests {

    private static final UnitFigures GUHAN = unit(Unit.town("140423100"), "古韩镇", 10, 4, 3, 5, 4);
    private static final UnitFigures WANGQIAO = unit(Unit.town("140423101"), "王桥镇", 3, 2, 2, 0, 0);
    private static final UnitFigures XIAHE = unit(Unit.town("140423102"), "夏店镇", 2, 0, 0, 2, 2);
    private static final UnitFigures HOUSING = unit(Unit.department("housing-construction"), "县住房和城乡建设管理局",
            12, 8, 6, 4, 1);

    @Test
    void units_are_ranked_by_on_time_rate_then_by_how_many_were_handled_and_units_with_nothing_handled_last() {
        List<UnitFigures> ranked = HandlingFigures.ranked(List.of(campaign(GUHAN, WANGQIAO, XIAHE, HOUSING)), Ranking.ON_TIME);

        // 王桥镇 100% of 2; 县住建局 75% of 8; 古韩镇 75% of 4; 夏店镇 has handled nothing: no rate, last.
        assertThat(ranked).extracting(UnitFigures::name).containsExactly("王桥镇", "县住房和城乡建设管理局", "古韩镇", "夏店镇");
    }

    @Test
    void units_are_ranked_by_rectification_satisfaction() {
        List<UnitFigures> ranked = HandlingFigures.ranked(List.of(campaign(GUHAN, WANGQIAO, XIAHE, HOUSING)),
                Ranking.SATISFACTION);

        // 夏店镇 2 of 2; 古韩镇 4 of 5; 县住建局 1 of 4; 王桥镇 no re-rating yet.
        assertThat(ranked).extracting(UnitFigures::name).containsExactly("夏店镇", "古韩镇", "县住房和城乡建设管理局", "王桥镇");
    }

    @Test
    void a_unit_handling_several_campaigns_is_ranked_once_on_its_added_counts() {
        UnitFigures guhanElsewhere = unit(Unit.town("140423100"), "古韩镇", 2, 4, 4, 0, 0);

        List<UnitFigures> ranked = HandlingFigures.ranked(List.of(campaign(GUHAN, HOUSING), campaign(guhanElsewhere)),
                Ranking.ON_TIME);

        assertThat(ranked).extracting(UnitFigures::name).containsExactly("古韩镇", "县住房和城乡建设管理局"); // 7 of 8 vs 6 of 8
        assertThat(ranked.getFirst().counts().cases()).isEqualTo(12);
        assertThat(ranked.getFirst().counts().handledOnTime()).isEqualTo(7);
    }

    @Test
    void units_with_nothing_to_rate_yet_come_last_the_most_cases_first() {
        UnitFigures fewNew = unit(Unit.town("140423104"), "下良镇", 1, 0, 0, 0, 0);
        UnitFigures manyNew = unit(Unit.town("140423105"), "上马乡", 6, 0, 0, 0, 0);

        assertThat(HandlingFigures.ranked(List.of(campaign(fewNew, WANGQIAO, manyNew)), Ranking.ON_TIME))
                .extracting(UnitFigures::name).containsExactly("王桥镇", "上马乡", "下良镇");
    }

    @Test
    void a_unit_without_cases_left_is_not_ranked() {
        UnitFigures onlyUpheld = new UnitFigures(Unit.town("140423103"), "西营镇",
                new HandlingCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));

        assertThat(HandlingFigures.ranked(List.of(campaign(GUHAN, onlyUpheld)), Ranking.ON_TIME))
                .extracting(UnitFigures::name).containsExactly("古韩镇");
        assertThat(HandlingFigures.total(List.of(campaign(GUHAN, onlyUpheld))).appealUpheld()).isEqualTo(1);
    }

    private static UnitFigures unit(Unit unit, String name, long cases, long handled, long onTime, long reratings,
            long satisfied) {
        return new UnitFigures(unit, name, new HandlingCounts(cases, cases - handled, 0, cases, cases, handled, onTime,
                handled * 2, reratings, satisfied, 0, 0));
    }

    private static CampaignFigures campaign(UnitFigures... units) {
        return new CampaignFigures(null, List.of(units).stream().map(UnitFigures::counts)
                .reduce(HandlingCounts.ZERO, HandlingCounts::plus), List.of(units));
    }
}
