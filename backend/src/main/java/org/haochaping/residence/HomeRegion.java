package org.haochaping.residence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The home region a resident chose in the app (collection {@code home_regions}, one document per
 * resident, read by {@code _id}). Part of what the system holds about the resident.
 *
 * @param resident the resident's subject at the identity provider
 * @param chosenAt when this region was chosen: the next change is measured from it
 */
@Document("home_regions")
public record HomeRegion(@Id String resident, String regionCode, Instant chosenAt) {
}
