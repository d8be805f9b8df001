package org.haochaping.report;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.haochaping.campaign.CampaignCatalog;
import org.springframework.stereotype.Component;

/** The names every report starts with: its scope ("全县" or the campaign), its period, when it was made. */
@Component
class ReportTitles {

    static final String COUNTY = "全县";
    private static final DateTimeFormatter MADE_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CampaignCatalog campaigns;
    private final Clock clock;

    ReportTitles(CampaignCatalog campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    String scopeName(ReportRequest request) {
        return request.countyWide() ? COUNTY : campaigns.get(request.campaignCode()).getName().zh();
    }

    /** "2026年10月" or "2026年9月至2026年10月". */
    static String period(ReportRequest request) {
        String from = month(request.from());
        return request.from().equals(request.to()) ? from : from + "至" + month(request.to());
    }

    String title(ReportRequest request, String what) {
        return scopeName(request) + " " + period(request) + what;
    }

    String subtitle(ReportRequest request) {
        return "统计期间 " + request.firstDay() + " 至 " + request.lastDay() + " · 生成于 "
                + LocalDateTime.now(clock).format(MADE_AT) + " · 数据来源：好差评系统";
    }

    private static String month(java.time.YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }
}
