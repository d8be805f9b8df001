package org.haochaping.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.config.EnableMongoAuditing;

/** Stamps created/modified times on documents that declare them. */
@Configuration(proxyBeanMethods = false)
@EnableMongoAuditing
class MongoConfiguration {
}
