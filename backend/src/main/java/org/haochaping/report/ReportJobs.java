package org.haochaping.report;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The report jobs, by id. */
interface ReportJobs extends MongoRepository<ReportJob, String> {
}
