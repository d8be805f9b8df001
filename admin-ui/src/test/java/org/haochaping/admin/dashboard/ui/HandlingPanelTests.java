package org.haochaping.admin.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.haochaping.badreview.HandlingFigures.CampaignFigures;
import org.haochaping.badreview.HandlingFigures.Ranking;
import org.haochaping.badreview.HandlingFigures.UnitFigures;
import org.haochaping.badreview.Unit;
import org.haochaping.satisfaction.HandlingCounts;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

/** The handling figures as the panel writes them, without a browser: the system's formatter, "—" for no rate. */
class HandlingPanelTests {

    /** The campaign of the hand-computed scenario in the backend's property test. */
    private static final HandlingCounts EMERGENCY = new HandlingCounts(5, 2, 1, 5, 3, 3, 2, 7, 3, 2, 1, 1);

    @Test
    void the_rates_the_mean_time_and_the_counts_are_written_as_everywhere_else() {
        HandlingPanel panel = new HandlingPanel("handling");
        panel.show(List.of(figures(new UnitFigures(Unit.department("emergency-management"), "县应急管理局", EMERGENCY))));

        assertThat(text(panel, "handling-contact-rate")).isEqualTo("60.0%");
        assertThat(text(panel, "handling-on-time-rate")).isEqualTo("66.7%");
        assertThat(text(panel, "handling-satisfaction-rate")).isEqualTo("66.7%");
        assertThat(text(panel, "handling-mean-days")).isEqualTo("2.3 个工作日");
        assertThat(text(panel, "handling-open")).isEqualTo("2");
        assertThat(text(panel, "handling-overdue")).isEqualTo("1");
    }

    @Test
    void a_rate_with_nothing_to_count_reads_a_dash_not_zero() {
        HandlingPanel panel = new HandlingPanel("handling");
        HandlingCounts justOpened = new HandlingCounts(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        panel.show(List.of(figures(new UnitFigures(Unit.town("140423100"), "古韩镇", justOpened))));

        assertThat(text(panel, "handling-contact-rate")).isEqualTo("—");
        assertThat(text(panel, "handling-on-time-rate")).isEqualTo("—");
        assertThat(text(panel, "handling-satisfaction-rate")).isEqualTo("—");
        assertThat(text(panel, "handling-mean-days")).isEqualTo("—");
        assertThat(text(panel, "handling-open")).isEqualTo("1");
    }

    @Test
    void the_ranking_follows_the_chosen_rate() {
        UnitFigures guhan = new UnitFigures(Unit.town("140423100"), "古韩镇", new HandlingCounts(4, 0, 0, 4, 4, 4, 4, 4, 4, 1, 0, 0));
        UnitFigures housing = new UnitFigures(Unit.department("housing-construction"), "县住房和城乡建设管理局",
                new HandlingCounts(4, 0, 0, 4, 4, 4, 2, 4, 4, 4, 0, 0));
        HandlingPanel panel = new HandlingPanel("handling");
        panel.show(List.of(figures(guhan, housing)));

        assertThat(panel.ranking.getListDataView().getItems().map(UnitFigures::name)).containsExactly("古韩镇", "县住房和城乡建设管理局");
        panel.rankBy.setValue(Ranking.SATISFACTION);
        assertThat(panel.ranking.getListDataView().getItems().map(UnitFigures::name)).containsExactly("县住房和城乡建设管理局", "古韩镇");
    }

    private static CampaignFigures figures(UnitFigures... units) {
        return new CampaignFigures(null, List.of(units).stream().map(UnitFigures::counts)
                .reduce(HandlingCounts.ZERO, HandlingCounts::plus), List.of(units));
    }

    private static String text(Component root, String id) {
        return find(root, id).map(component -> ((Span) component).getText()).orElseThrow();
    }

    private static java.util.Optional<Component> find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return java.util.Optional.of(root);
        }
        return root.getChildren().map(child -> find(child, id)).flatMap(java.util.Optional::stream).findFirst();
    }
}
