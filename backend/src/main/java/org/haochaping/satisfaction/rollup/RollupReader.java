package org.haochaping.satisfaction.rollup;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.haochaping.satisfaction.Tally;
import org.springframework.stereotype.Component;

/** Reads rollups by {@code _id}, with what this instance has counted but not written yet. */
@Component
public class RollupReader {

    private final MongoRollupStore store;
    private final RollupWriter writer;

    RollupReader(MongoRollupStore store, RollupWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    public Tally read(RollupKey key) {
        return readAll(List.of(key)).getOrDefault(key, Tally.EMPTY);
    }

    public Map<RollupKey, Tally> readAll(Collection<RollupKey> keys) {
        return writer.readWithUnapplied(keys, store::findAll);
    }

    /** Distinct residents with a valid rating of the campaign, as written. */
    public long participants(String campaignCode) {
        return writer.seen(() -> store.participants(campaignCode));
    }
}
