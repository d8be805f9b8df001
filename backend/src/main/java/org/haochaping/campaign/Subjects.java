package org.haochaping.campaign;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The stored subjects, by id. */
interface Subjects extends MongoRepository<Subject, String> {

    List<Subject> findByCampaignCode(String campaignCode, Sort sort);
}
