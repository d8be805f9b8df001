package org.haochaping.campaign;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The stored campaigns, by code. */
interface Campaigns extends MongoRepository<Campaign, String> {

    Sort REPORT_ORDER = Sort.by("rank", "_id");

    List<Campaign> findByStatus(CampaignStatus status, Sort sort);
}
