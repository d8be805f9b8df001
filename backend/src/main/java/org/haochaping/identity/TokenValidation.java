package org.haochaping.identity;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.ObjectProvider;

/**
 * How access tokens are checked: signature (the provider's keys), issuer, audience, expiry and
 * not-before with a small clock skew, and a subject. The external provider's keys are fetched on
 * first use, so the system starts even while the provider is briefly unreachable.
 */
@Configuration(proxyBeanMethods = false)
class TokenValidation {

    @Bean
    JwtDecoder jwtDecoder(Issuer issuer, IdentityProperties properties, ObjectProvider<JWKSource<SecurityContext>> localKeys) {
        OAuth2TokenValidator<Jwt> validator = validator(issuer, properties);
        if (issuer.isEmbedded()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(localKeys.getObject()).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer.value()).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    static OAuth2TokenValidator<Jwt> validator(Issuer issuer, IdentityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                issuedBy(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience())),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank())));
    }

    /** Reads the issuer per token: on {@code server.port=0} it is known only once the server listens. */
    private static OAuth2TokenValidator<Jwt> issuedBy(Issuer issuer) {
        return token -> new JwtIssuerValidator(issuer.value()).validate(token);
    }
}
