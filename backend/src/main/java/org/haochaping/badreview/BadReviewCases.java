package org.haochaping.badreview;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The cases, by id (the rating's id). Lists go through the queue and figure books, not scans. */
interface BadReviewCases extends MongoRepository<BadReviewCase, String> {
}
