package org.haochaping.satisfaction.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.IntStream;

import org.haochaping.api.SatisfactionApi;
import org.haochaping.api.model.CampaignSummaryDto;
import org.haochaping.api.model.LevelCountDto;
import org.haochaping.satisfaction.SatisfactionMetrics;
import org.haochaping.satisfaction.SatisfactionQueries;
import org.haochaping.satisfaction.Tally;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public result ({@code GET /api/v1/campaigns/{code}/summary}: clients revalidate with
 * {@code If-None-Match}; the ETag is the level distribution, so it changes exactly when the figures
 * do). The officials' attainment is {@link AttainmentController}.
 */
@RestController
class SatisfactionController implements SatisfactionApi {

    private final SatisfactionQueries queries;

    SatisfactionController(SatisfactionQueries queries) {
        this.queries = queries;
    }

    @Override
    public ResponseEntity<CampaignSummaryDto> getCampaignSummary(String code, String acceptLanguage, @Nullable String ifNoneMatch) {
        Tally tally = queries.campaignTotal(code);
        String etag = "\"" + code + "-" + IntStream.rangeClosed(1, 5).mapToObj(level -> String.valueOf(tally.count(level)))
                .reduce((a, b) -> a + "." + b).orElseThrow() + "\"";
        CacheControl revalidate = CacheControl.noCache().cachePublic();
        if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(revalidate).build();
        }
        CampaignSummaryDto summary = new CampaignSummaryDto(code, tally.count(), rounded(SatisfactionMetrics.goodRate(tally)),
                rounded(SatisfactionMetrics.badRate(tally)), rounded(SatisfactionMetrics.satisfactionIndex(tally)),
                IntStream.iterate(5, level -> level >= 1, level -> level - 1)
                        .mapToObj(level -> new LevelCountDto(level, tally.count(level)))
                        .toList());
        return ResponseEntity.ok().eTag(etag).cacheControl(revalidate).body(summary);
    }

    private static BigDecimal rounded(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
