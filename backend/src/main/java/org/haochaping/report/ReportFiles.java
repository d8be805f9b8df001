package org.haochaping.report;

import java.io.IOException;
import java.io.OutputStream;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;

/**
 * Report files in GridFS (bucket {@code reports}): written as the writer produces them, so no file is
 * held whole in memory, and aborted (its chunks removed) when writing fails.
 */
@Component
class ReportFiles {

    static final String BUCKET = "reports";

    private final MongoDatabaseFactory databases;

    ReportFiles(MongoDatabaseFactory databases) {
        this.databases = databases;
    }

    /** A file being written; {@link Upload#finish} keeps it, {@link Upload#abort} removes what was written. */
    Upload upload(String fileName, String jobId, String contentType) {
        GridFSUploadStream stream = bucket().openUploadStream(fileName,
                new GridFSUploadOptions().metadata(new Document("job", jobId).append("contentType", contentType)));
        return new Upload(stream);
    }

    java.io.InputStream open(String fileId) {
        return bucket().openDownloadStream(new ObjectId(fileId));
    }

    void delete(String fileId) {
        try {
            bucket().delete(new ObjectId(fileId));
        } catch (com.mongodb.MongoGridFSException alreadyGone) {
            // Deleted by another instance's clean-up: what was wanted.
        }
    }

    private GridFSBucket bucket() {
        return GridFSBuckets.create(databases.getMongoDatabase(), BUCKET);
    }

    /** The stream a writer writes to, counting the bytes. */
    static final class Upload extends OutputStream {

        private final GridFSUploadStream stream;
        private long size;

        Upload(GridFSUploadStream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            stream.write(b);
            size++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            stream.write(bytes, offset, length);
            size += length;
        }

        /** Keeps the file; returns its id. */
        String finish() {
            stream.close();
            return stream.getObjectId().toHexString();
        }

        void abort() {
            stream.abort();
        }

        long size() {
            return size;
        }

        @Override
        public void close() throws IOException {
            // The writer must not end the upload: finish() or abort() decides whether the file is kept.
        }
    }
}
