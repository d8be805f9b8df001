package org.haochaping.campaign;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The progress history of outcome goals. */
interface ProgressEntries extends MongoRepository<ProgressEntry, String> {

    List<ProgressEntry> findByCampaignCodeOrderByAsOfDescRecordedAtDesc(String campaignCode);
}
