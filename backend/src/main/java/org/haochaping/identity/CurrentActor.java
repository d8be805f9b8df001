package org.haochaping.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The {@link Actor} of the current request: from the API's bearer token or the console's OIDC
 * login. Services take the actor from here, never from request parameters.
 */
@Component
public class CurrentActor {

    /** The claim naming the client an access token was issued to (OIDC's {@code azp}; Keycloak sets it too). */
    public static final String AUTHORIZED_PARTY = "azp";

    private final ActorClaims claims;
    private final SignedOutAccounts signedOut;

    CurrentActor(ActorClaims claims, SignedOutAccounts signedOut) {
        this.claims = claims;
        this.signedOut = signedOut;
    }

    public Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return switch (authentication.getPrincipal()) {
            case Jwt jwt -> Optional.of(claims.actor(jwt.getSubject(), jwt.getClaims()));
            case OidcUser user -> Optional.of(claims.actor(user.getSubject(), user.getClaims()));
            case null, default -> Optional.empty();
        };
    }

    /** The client (app) the caller's access token was issued to, when the token says. */
    public Optional<String> client() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Jwt jwt
                ? Optional.ofNullable(jwt.getClaimAsString(AUTHORIZED_PARTY)) : Optional.empty();
    }

    /**
     * The actor, or a 401 problem when nobody is signed in or the resident's token was issued before
     * their account was erased ({@link SignedOutAccounts}).
     */
    public Actor get() {
        Actor actor = getEvenIfSignedOut();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (actor.has(Role.RESIDENT) && authentication.getPrincipal() instanceof Jwt jwt
                && signedOut.isSignedOut(actor.subject(), jwt.getIssuedAt())) {
            throw new NotSignedInException();
        }
        return actor;
    }

    /** For the one request that must work after its own sign-out: a retried erasure, which gets its receipt again. */
    public Actor getEvenIfSignedOut() {
        return find().orElseThrow(NotSignedInException::new);
    }
}
