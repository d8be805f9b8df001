package org.haochaping.rating;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The stored ratings. Inserted, never saved over: see {@link Rating}. */
interface Ratings extends MongoRepository<Rating, String> {

    Optional<Rating> findByIdAndResident(String id, String resident);
}
