package org.haochaping.residence;

import org.springframework.data.mongodb.repository.MongoRepository;

interface HomeRegionStore extends MongoRepository<HomeRegion, String> {
}
