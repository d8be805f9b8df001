package org.haochaping.servicecase;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The registered cases, read by {@code _id} (campaign and case number) on the rating path. */
interface ServiceCases extends MongoRepository<ServiceCase, String> {

    List<ServiceCase> findByApplicantOrderByCompletedAtDesc(String applicant);
}
