package org.haochaping.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.haochaping.campaign.CampaignScope;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

import com.mongodb.client.gridfs.model.GridFSFile;

/**
 * Residents' photos in GridFS, cleaned of metadata on the way in, at most the multipart file size
 * (5 MB by default), checked here too so the limit holds however the bytes arrive. Only residents
 * upload. A photo belongs to its uploader until a rating claims it; then officials whose scope
 * covers that rating may see it too. Photos no rating claims are deleted after a retention time.
 */
@Service
public class PhotoLibrary {

    /** A stored photo as the API describes it. */
    public record StoredPhoto(String id, String contentType, int width, int height, long size) {
    }

    /** A photo's bytes, for whoever may see it. */
    public record PhotoContent(InputStream bytes, String contentType, long size) {
    }

    private static final String FILES = "fs.files";

    private final GridFsTemplate gridFs;
    private final MongoTemplate mongo;
    private final CampaignScope scope;
    private final AccessGuard guard;
    private final Clock clock;
    private final ImageSanitizer sanitizer = new ImageSanitizer(DecodeSlots.perCore());

    private final long maxBytes;

    PhotoLibrary(GridFsTemplate gridFs, MongoTemplate mongo, CampaignScope scope, AccessGuard guard, Clock clock,
            @Value("${spring.servlet.multipart.max-file-size:5MB}") DataSize maxSize) {
        this.maxBytes = maxSize.toBytes();
        this.gridFs = gridFs;
        this.mongo = mongo;
        this.scope = scope;
        this.guard = guard;
        this.clock = clock;
    }

    public StoredPhoto store(Actor owner, InputStream upload) {
        guard.require(owner.has(Role.RESIDENT), owner, "UPLOAD_PHOTO", "media");
        byte[] bytes;
        try {
            bytes = upload.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw new ImageRejectedException(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE");
        }
        ImageSanitizer.Clean clean = sanitizer.sanitize(bytes);
        Document metadata = new Document("owner", owner.subject())
                .append("width", clean.width())
                .append("height", clean.height())
                .append("uploadedAt", clock.instant());
        ObjectId id = gridFs.store(new ByteArrayInputStream(clean.bytes()), "photo", clean.contentType(), metadata);
        return new StoredPhoto(id.toHexString(), clean.contentType(), clean.width(), clean.height(), clean.bytes().length);
    }

    /**
     * The photo for its uploader, or for an official whose scope covers it. Another resident's photo
     * does not exist for a resident (404); an official out of scope is refused and audited (403).
     */
    public PhotoContent open(Actor reader, String id) {
        GridFSFile file = find(id);
        Document metadata = file.getMetadata();
        if (metadata == null) {
            throw new PhotoNotFoundException();
        }
        if (!isUploader(reader, metadata)) {
            if (!reader.isOfficial()) {
                throw new PhotoNotFoundException();
            }
            guard.require(inScope(reader, metadata), reader, "READ_PHOTO", "media:" + id);
        }
        try {
            var resource = gridFs.getResource(file);
            return new PhotoContent(resource.getInputStream(), resource.getContentType(), file.getLength());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether all these photos are the owner's and free, or already claimed under the same key (a retry). */
    public boolean areClaimable(String owner, List<String> ids, String claimKey) {
        if (ids.isEmpty()) {
            return true;
        }
        if (!ids.stream().allMatch(ObjectId::isValid)) {
            return false;
        }
        return mongo.count(claimable(owner, ids, claimKey), FILES) == ids.size();
    }

    /** Attaches the photos to a rating: from now on officials in the rating's scope may see them. */
    public void claim(String owner, List<String> ids, String claimKey, String ratingId, String campaignCode,
            String regionCode) {
        if (ids.isEmpty()) {
            return;
        }
        mongo.updateMulti(claimable(owner, ids, claimKey), new Update()
                .set("metadata.claimKey", claimKey)
                .set("metadata.ratingId", ratingId)
                .set("metadata.campaignCode", campaignCode)
                .set("metadata.regionCode", regionCode), FILES);
    }

    /** Deletes the photos no rating claimed within {@code retention} of their upload; returns how many. */
    public int deleteUnclaimed(Duration retention) {
        Query unclaimed = Query.query(Criteria.where("metadata.claimKey").exists(false)
                .and("metadata.uploadedAt").lt(clock.instant().minus(retention)));
        int count = (int) mongo.count(unclaimed, FILES);
        gridFs.delete(unclaimed);
        return count;
    }

    private Query claimable(String owner, List<String> ids, String claimKey) {
        return Query.query(Criteria.where("_id").in(ids.stream().map(ObjectId::new).toList())
                .and("metadata.owner").is(owner)
                .orOperator(Criteria.where("metadata.claimKey").exists(false), Criteria.where("metadata.claimKey").is(claimKey)));
    }

    private static boolean isUploader(Actor reader, Document metadata) {
        return reader.has(Role.RESIDENT) && reader.subject().equals(metadata.getString("owner"));
    }

    /** A claimed photo is in the scope of its rating; an unclaimed one only in the county-wide view. */
    private boolean inScope(Actor official, Document metadata) {
        @Nullable String campaign = metadata.getString("campaignCode");
        @Nullable String region = metadata.getString("regionCode");
        if (campaign == null || region == null) {
            return false; // unclaimed: its uploader's alone, even for county-wide officials
        }
        return scope.covers(official, campaign, region);
    }

    private GridFSFile find(String id) {
        if (!ObjectId.isValid(id)) {
            throw new PhotoNotFoundException();
        }
        GridFSFile file = gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(id))));
        if (file == null) {
            throw new PhotoNotFoundException();
        }
        return file;
    }
}
