package org.haochaping.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.bson.BsonObjectId;
import org.bson.types.ObjectId;

import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import org.haochaping.campaign.CampaignScope;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
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
 * Photos in GridFS, cleaned of metadata on the way in, at most the multipart file size (5 MB by
 * default), checked here too so the limit holds however the bytes arrive. Residents upload photos
 * for their ratings; HANDLERs, MANAGERs and SUPERVISORs upload evidence for a case (AUDITORs change
 * nothing). A photo belongs to its uploader until a rating or a case step claims it; then officials
 * whose scope covers that rating or case may see it too, and a case's rectification evidence also
 * the resident whose case it is. Photos nothing claims are deleted after a retention time.
 */
@Service
public class PhotoLibrary {

    /** A photo as stored; {@code replayed} when a retry under the same key found it stored by its first try. */
    public record StoredPhoto(String id, String contentType, int width, int height, long size, boolean replayed) {
    }

    /** A photo's bytes, for whoever may see it. */
    public record PhotoContent(InputStream bytes, String contentType, long size) {
    }

    /** What a case's evidence photos show: the fix (the resident sees it) or the grounds of an appeal (officials only). */
    public enum Evidence { RECTIFICATION, APPEAL }

    /**
     * The case a step's evidence belongs to.
     *
     * @param resident the resident who may see the photos too (the rectification's), or null
     */
    public record CaseEvidence(String caseId, Evidence kind, String campaignCode, String regionCode,
            @Nullable String resident) {
    }

    private static final String FILES = "fs.files";

    private final GridFsTemplate gridFs;
    private final MongoTemplate mongo;
    private final CampaignScope scope;
    private final AccessGuard guard;
    private final Clock clock;
    private final ObjectProvider<PhotoViewers> viewers;
    private final ImageSanitizer sanitizer = new ImageSanitizer(DecodeSlots.perCore());

    private final long maxBytes;

    PhotoLibrary(GridFsTemplate gridFs, MongoTemplate mongo, CampaignScope scope, AccessGuard guard, Clock clock,
            @Value("${spring.servlet.multipart.max-file-size:5MB}") DataSize maxSize, ObjectProvider<PhotoViewers> viewers) {
        this.viewers = viewers;
        this.maxBytes = maxSize.toBytes();
        this.gridFs = gridFs;
        this.mongo = mongo;
        this.scope = scope;
        this.guard = guard;
        this.clock = clock;
    }

    /** Stores a cleaned copy of an upload that has no key of the client's (the console's, within one request). */
    public StoredPhoto store(Actor owner, InputStream upload) {
        return store(owner, upload, java.util.UUID.randomUUID().toString());
    }

    /**
     * Stores a cleaned copy of the upload. Idempotent by {@code idempotencyKey}: the photo's id is derived from
     * the owner and the key, so a retry after a timeout finds the photo its first try stored instead of leaving
     * an orphan; the same key with other bytes is a 422 {@code IDEMPOTENCY_KEY_REUSED}.
     */
    public StoredPhoto store(Actor owner, InputStream upload, String idempotencyKey) {
        guard.require(mayUpload(owner), owner, "UPLOAD_PHOTO", "media");
        byte[] bytes;
        try {
            bytes = upload.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw new ImageRejectedException(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE");
        }
        ObjectId id = idOf(owner.subject(), idempotencyKey);
        String uploaded = sha256(bytes);
        java.util.Optional<StoredPhoto> earlier = replayOf(id, uploaded);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        ImageSanitizer.Clean clean = sanitizer.sanitize(bytes);
        Document metadata = new Document("owner", owner.subject())
                .append("width", clean.width())
                .append("height", clean.height())
                .append("uploadedAt", clock.instant())
                .append("uploadSha256", uploaded)
                .append("_contentType", clean.contentType());
        try {
            GridFSBuckets.create(mongo.getDb()).uploadFromStream(new BsonObjectId(id), "photo",
                    new ByteArrayInputStream(clean.bytes()), new GridFSUploadOptions().metadata(metadata));
        } catch (com.mongodb.MongoWriteException | com.mongodb.MongoBulkWriteException raced) {
            // A concurrent try under the same key stored it first (the unique chunk and file indexes refused this one).
            return replayOf(id, uploaded).orElseThrow(() -> raced);
        }
        return new StoredPhoto(id.toHexString(), clean.contentType(), clean.width(), clean.height(), clean.bytes().length, false);
    }

    /** The photo stored earlier under this id, if any: a replay when its upload had the same bytes. */
    private java.util.Optional<StoredPhoto> replayOf(ObjectId id, String uploadSha256) {
        GridFSFile file = gridFs.findOne(Query.query(Criteria.where("_id").is(id)));
        if (file == null || file.getMetadata() == null) {
            return java.util.Optional.empty();
        }
        Document metadata = file.getMetadata();
        if (!uploadSha256.equals(metadata.getString("uploadSha256"))) {
            throw new ImageRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED");
        }
        return java.util.Optional.of(new StoredPhoto(id.toHexString(), metadata.getString("_contentType"),
                metadata.getInteger("width"), metadata.getInteger("height"), file.getLength(), true));
    }

    /** A photo's id from its owner and the app's key: the same upload retried lands on the same id. */
    static ObjectId idOf(String owner, String idempotencyKey) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("photo:" + owner + "\n" + idempotencyKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new ObjectId(java.util.Arrays.copyOf(hash, 12));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The photo for its uploader, for an official whose scope covers it, and a case's rectification
     * evidence for the resident whose case it is. Another resident's photo does not exist for a
     * resident (404); an official out of scope is refused and audited (403).
     */
    public PhotoContent open(Actor reader, String id) {
        GridFSFile file = find(id);
        Document metadata = file.getMetadata();
        if (metadata == null) {
            throw new PhotoNotFoundException();
        }
        if (!isUploader(reader, metadata) && !isShownTo(reader, metadata)) {
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

    /** The claim key of a case's evidence of one kind: an official's retry of the same step may use the same photos. */
    public static String evidenceKey(String caseId, Evidence kind) {
        return "case:" + caseId + ":" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Attaches an official's photos to a case step: from now on the officials who see the case may
     * see them, and for a rectification the case's resident too. Idempotent for the same step.
     */
    public void claimAsEvidence(String owner, List<String> ids, CaseEvidence evidence) {
        if (ids.isEmpty()) {
            return;
        }
        String claimKey = evidenceKey(evidence.caseId(), evidence.kind());
        Update update = new Update()
                .set("metadata.claimKey", claimKey)
                .set("metadata.caseId", evidence.caseId())
                .set("metadata.evidence", evidence.kind().name())
                .set("metadata.campaignCode", evidence.campaignCode())
                .set("metadata.regionCode", evidence.regionCode());
        if (evidence.resident() != null) {
            update.set("metadata.shownTo", evidence.resident());
        }
        mongo.updateMulti(claimable(owner, ids, claimKey), update, FILES);
    }

    /** A photo as its uploader's copy of their data lists it; {@code ratingId} once a rating claimed it. */
    public record UploadedPhoto(String id, String contentType, int width, int height, long size, java.time.Instant uploadedAt,
            @Nullable String ratingId) {
    }

    /** Every photo the owner uploaded, claimed or not, oldest first, read through a cursor. */
    public void forEachUploadedBy(Actor owner, java.util.function.Consumer<UploadedPhoto> each) {
        Query theirs = Query.query(Criteria.where("metadata.owner").is(owner.subject())).with(org.springframework.data.domain.Sort.by("_id"));
        theirs.cursorBatchSize(200);
        for (GridFSFile file : gridFs.find(theirs)) {
            Document metadata = file.getMetadata();
            if (metadata == null) {
                continue;
            }
            each.accept(new UploadedPhoto(file.getObjectId().toHexString(), metadata.getString("_contentType"),
                    metadata.getInteger("width", 0), metadata.getInteger("height", 0), file.getLength(),
                    file.getUploadDate().toInstant(), metadata.getString("ratingId")));
        }
    }

    /**
     * An erased resident's photos: every file they uploaded (claimed or not) is deleted with its
     * chunks, and officials' evidence of their cases is no longer shown to them. Returns how many
     * files it deleted; a retry deletes what is left.
     */
    public long deleteAllOf(String owner) {
        Query theirs = Query.query(Criteria.where("metadata.owner").is(owner));
        long count = mongo.count(theirs, FILES);
        gridFs.delete(theirs);
        mongo.updateMulti(Query.query(Criteria.where("metadata.shownTo").is(owner)), new Update().unset("metadata.shownTo"), FILES);
        return count;
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

    private static boolean mayUpload(Actor uploader) {
        return uploader.has(Role.RESIDENT) || uploader.has(Role.HANDLER) || uploader.has(Role.MANAGER)
                || uploader.has(Role.SUPERVISOR);
    }

    private static boolean isUploader(Actor reader, Document metadata) {
        return reader.subject().equals(metadata.getString("owner"));
    }

    /** A case's rectification evidence, for the resident whose case it is. */
    private static boolean isShownTo(Actor reader, Document metadata) {
        return reader.has(Role.RESIDENT) && reader.subject().equals(metadata.getString("shownTo"));
    }

    /**
     * A claimed photo is in the scope of its rating or its case (whichever unit handles the case now,
     * as {@link PhotoViewers} tell); an unclaimed one is its uploader's alone, even for county-wide officials.
     */
    private boolean inScope(Actor official, Document metadata) {
        @Nullable String campaign = metadata.getString("campaignCode");
        @Nullable String region = metadata.getString("regionCode");
        if (campaign == null || region == null) {
            return false;
        }
        if (scope.covers(official, campaign, region)) {
            return true;
        }
        @Nullable String caseOrRating = metadata.getString("caseId") != null ? metadata.getString("caseId")
                : metadata.getString("ratingId");
        return caseOrRating != null && viewers.orderedStream().anyMatch(viewer -> viewer.maySee(official, caseOrRating));
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
