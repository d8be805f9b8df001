package org.haochaping.identity.web;

import java.util.Comparator;

import org.haochaping.api.IdentityApi;
import org.haochaping.api.model.MeDto;
import org.haochaping.api.model.RoleDto;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the bearer of the token is, and the scope they act in. */
@RestController
class MeController implements IdentityApi {

    private final CurrentActor currentActor;

    MeController(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @Override
    public ResponseEntity<MeDto> getMe(String acceptLanguage) {
        Actor actor = currentActor.get();
        MeDto me = new MeDto(actor.subject(), actor.displayName(), actor.roles().stream()
                .sorted(Comparator.naturalOrder())
                .map(role -> RoleDto.fromValue(role.name()))
                .toList())
                .department(actor.department())
                .region(actor.region());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(me);
    }
}
