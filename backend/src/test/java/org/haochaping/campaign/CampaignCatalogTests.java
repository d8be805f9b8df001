package org.haochaping.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Optional;

import org.haochaping.system.MutableClock;
import org.junit.jupiter.api.Test;

class CampaignCatalogTests {

    final Campaigns campaigns = mock(Campaigns.class);
    final MutableClock clock = new MutableClock();
    final CampaignCatalog catalog = new CampaignCatalog(campaigns, clock);

    @Test
    void unknown_campaign_codes_never_hold_more_cache_entries_than_the_bound() {
        when(campaigns.findById(anyString())).thenReturn(Optional.empty());
        long largest = 0;

        for (int i = 0; i < 200_000; i++) {
            String code = "no-such-campaign-" + i;
            assertThatThrownBy(() -> catalog.getForRating(code)).isInstanceOf(CampaignNotFoundException.class);
            largest = Math.max(largest, catalog.cachedCodes());
        }

        assertThat(largest).isLessThanOrEqualTo(CampaignCatalog.MAX_CACHED_CODES);
    }

    @Test
    void an_unknown_code_is_read_again_once_its_short_time_to_live_is_over() {
        when(campaigns.findById("later")).thenReturn(Optional.empty());
        assertThatThrownBy(() -> catalog.getForRating("later")).isInstanceOf(CampaignNotFoundException.class);
        assertThatThrownBy(() -> catalog.getForRating("later")).isInstanceOf(CampaignNotFoundException.class);
        verify(campaigns, times(1)).findById("later");

        clock.advance(Duration.ofSeconds(6));
        assertThatThrownBy(() -> catalog.getForRating("later")).isInstanceOf(CampaignNotFoundException.class);

        verify(campaigns, times(2)).findById("later");
    }
}
