package org.haochaping.media.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

import org.haochaping.api.MediaApi;
import org.haochaping.api.model.MediaDto;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.haochaping.media.PhotoLibrary;
import org.haochaping.system.problem.TooManyRequestsException;
import org.haochaping.system.web.RateLimits;
import org.haochaping.system.web.SlidingWindowLimiter;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Photo upload (cleaned of metadata) and download for those who may see it. */
@RestController
class MediaController implements MediaApi {

    private final PhotoLibrary photos;
    private final CurrentActor currentActor;
    private final SlidingWindowLimiter uploads;

    MediaController(PhotoLibrary photos, CurrentActor currentActor, RateLimits limits) {
        this.photos = photos;
        this.currentActor = currentActor;
        this.uploads = limits.perKey(60, Duration.ofHours(1));
    }

    @Override
    public ResponseEntity<MediaDto> uploadMedia(String idempotencyKey, MultipartFile file, String acceptLanguage) {
        Actor owner = currentActor.get();
        uploads.tryAcquire(owner.subject()).ifPresent(wait -> {
            throw new TooManyRequestsException(wait);
        });
        PhotoLibrary.StoredPhoto stored;
        try {
            stored = photos.store(owner, file.getInputStream(), idempotencyKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MediaDto body = new MediaDto(stored.id(), MediaDto.ContentTypeEnum.fromValue(stored.contentType()),
                stored.width(), stored.height(), stored.size());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/media/" + stored.id()))
                .header("Idempotent-Replayed", String.valueOf(stored.replayed())).body(body);
    }

    @Override
    public ResponseEntity<Resource> getMedia(String id, String acceptLanguage) {
        PhotoLibrary.PhotoContent photo = photos.open(currentActor.get(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .contentLength(photo.size())
                // A photo's bytes never change under its id: the app may keep it as long as it likes (it is
                // still private: the next reader of a shared cache may not be allowed to see it).
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(photo.bytes()));
    }
}
