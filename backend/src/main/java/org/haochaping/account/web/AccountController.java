package org.haochaping.account.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;

import org.haochaping.account.AccountErasure;
import org.haochaping.account.ResidentDataCopy;
import org.haochaping.api.IdentityApi;
import org.haochaping.api.model.ErasureConfirmationDto;
import org.haochaping.api.model.ErasureReceiptDto;
import org.haochaping.api.model.MeDto;
import org.haochaping.api.model.MyDataDto;
import org.haochaping.api.model.RoleDto;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/me}: who the bearer of the token is and the scope they act in; for residents also
 * a copy of their data ({@code /me/data}) and erasing their account ({@code /me/erasure-confirmation},
 * then {@code DELETE /me}). Nothing here is cacheable.
 */
@RestController
class AccountController implements IdentityApi {

    private final CurrentActor currentActor;
    private final ResidentDataCopy dataCopy;
    private final AccountErasure erasure;
    private final MyDataMapper mapper;

    AccountController(CurrentActor currentActor, ResidentDataCopy dataCopy, AccountErasure erasure, MyDataMapper mapper) {
        this.currentActor = currentActor;
        this.dataCopy = dataCopy;
        this.erasure = erasure;
        this.mapper = mapper;
    }

    @Override
    public ResponseEntity<MeDto> getMe(String acceptLanguage) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(me(currentActor.get()));
    }

    @Override
    public ResponseEntity<MyDataDto> getMyData(String acceptLanguage) {
        Actor resident = currentActor.get();
        MyDataDto copy = mapper.toDto(dataCopy.copyFor(resident), me(resident));
        LocalDate day = copy.getGeneratedAt().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("haochaping-my-data-" + day + ".json").build().toString())
                .body(copy);
    }

    @Override
    public ResponseEntity<ErasureConfirmationDto> requestAccountErasure(String acceptLanguage) {
        AccountErasure.Confirmation confirmation = erasure.requestCode(currentActor.get());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new ErasureConfirmationDto(confirmation.code(), MyDataMapper.time(confirmation.expiresAt())));
    }

    @Override
    public ResponseEntity<ErasureReceiptDto> eraseMyAccount(String acceptLanguage, @Nullable String erasureCode) {
        AccountErasure.Receipt receipt = erasure.erase(currentActor.getEvenIfSignedOut(), erasureCode);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ErasureReceiptDto(receipt.id(),
                MyDataMapper.time(receipt.erasedAt()), receipt.ratingsAnonymised(), receipt.casesAnonymised(),
                receipt.photosDeleted(), receipt.notificationsDeleted()));
    }

    private static MeDto me(Actor actor) {
        return new MeDto(actor.subject(), actor.displayName(), actor.roles().stream()
                .sorted(Comparator.naturalOrder())
                .map(role -> RoleDto.fromValue(role.name()))
                .toList())
                .department(actor.department())
                .region(actor.region());
    }
}
