package org.jekafo.app.security;

import com.nimbusds.jose.JOSEException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import java.nio.file.Path;

/**
 * OAuth2 resource server: every request may carry a bearer JWT. With {@code jekafo.security.issuer-uri} set
 * (production: Keycloak) tokens are verified against that issuer's keys; otherwise against this machine's
 * {@link SigningKey}, the zero-setup default. {@code /graphql} lets anonymous requests in so that GraphQL can
 * answer them with a typed {@code UNAUTHENTICATED} error; what each operation allows is decided by
 * {@link AccessRules}. A present but invalid or expired token is refused with HTTP 401.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/graphql", "/graphiql", "/graphiql/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenClaims())));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${jekafo.security.issuer-uri:}") String issuerUri,
                          @Value("${jekafo.security.jwk-set-uri:}") String jwkSetUri,
                          @Value("${jekafo.data-dir}") Path dataDir) throws JOSEException {
        if (!issuerUri.isBlank() && !jwkSetUri.isBlank()) {
            // the issuer's keys fetched from another address than the one its tokens name (a private network)
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuerUri));
            return decoder;
        }
        if (!issuerUri.isBlank()) {
            return JwtDecoders.fromIssuerLocation(issuerUri);
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(SigningKey.of(dataDir).toRSAPublicKey()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(SigningKey.ISSUER));
        return decoder;
    }

    @Bean
    PrincipalProvider principalProvider() {
        return () -> {
            if (SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication token) {
                return token.getPrincipal();
            }
            throw AccessRefusedException.unauthenticated();
        };
    }
}
