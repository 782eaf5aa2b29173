package org.jekafo.app.platform.identity;

import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.gate.AccessRules;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.jekafo.app.platform.gate.Role;

import com.nimbusds.jose.JOSEException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * OAuth2 resource server: every request may carry a bearer JWT. With {@code jekafo.security.issuer-uri} set
 * (production: Keycloak) tokens are verified against that issuer's keys; otherwise against this machine's
 * {@link SigningKey}, the zero-setup default, which production refuses ({@link IdentityProviderRequirement}). {@code /graphql} lets anonymous requests in so that GraphQL can
 * answer them with a typed {@code UNAUTHENTICATED} error; what each operation allows is decided by
 * {@link AccessRules}. A present but invalid or expired token is refused with HTTP 401. GraphiQL's page and its
 * assets (bundled WebJars, no CDN) are public; every response carries a {@link #CONTENT_SECURITY_POLICY} that lets a
 * page load and call this origin only.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Scripts, styles and calls from this origin only; no inline script, no {@code eval}, no frames. GraphiQL's
     * stylesheet embeds its fonts and icons as {@code data:} URLs.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";
    /** How long a verified token is kept ({@link VerifiedTokens}). */
    static final Duration VERIFIED_TOKENS_KEPT = Duration.ofMinutes(1);

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // the schema as served (SDL), for front-end teams' code generators: any valid token
                        .requestMatchers(HttpMethod.GET, "/graphql/schema").authenticated()
                        .requestMatchers("/graphql", "/graphiql", "/graphiql/**").permitAll()
                        // GraphiQL's scripts and styles, bundled in the application (graphiql/index.html)
                        .requestMatchers(HttpMethod.GET, "/webjars/graphiql/**", "/webjars/react/**",
                                "/webjars/react-dom/**").permitAll()
                        // census imports: who may is decided by the controller, with a JSON refusal
                        .requestMatchers("/imports", "/imports/**").authenticated()
                        // integrity checkpoints and export: who may is decided by the controller (IntegrityPolicy's rule)
                        .requestMatchers(HttpMethod.GET, "/integrity/**").authenticated()
                        // streamed exports: who may is decided by the gate, with a JSON refusal (ExportRefusals)
                        .requestMatchers(HttpMethod.GET, "/exports/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenClaims())));
        return http.build();
    }

    /**
     * Tokens must name their issuer, be meant for Jɛkafo ({@code aud} contains {@code jekafo.security.audience})
     * and expire ({@code exp} present and not past): a token the identity provider issued for another
     * application, or one that never expires, is refused.
     */
    @Bean
    JwtDecoder jwtDecoder(@Value("${jekafo.security.issuer-uri:}") String issuerUri,
                          @Value("${jekafo.security.jwk-set-uri:}") String jwkSetUri,
                          @Value("${jekafo.security.audience:jekafo}") String audience,
                          @Value("${jekafo.security.require-issuer:false}") boolean requireIssuer,
                          @Value("${jekafo.data-dir}") Path dataDir) throws JOSEException {
        IdentityProviderRequirement.check(requireIssuer, issuerUri);
        NimbusJwtDecoder decoder;
        String issuer = issuerUri.isBlank() ? SigningKey.ISSUER : issuerUri;
        if (issuerUri.isBlank()) {
            decoder = NimbusJwtDecoder.withPublicKey(SigningKey.of(dataDir).toRSAPublicKey()).build();
        } else if (!jwkSetUri.isBlank()) {
            // the issuer's keys fetched from another address than the one its tokens name (a private network)
            decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        } else {
            decoder = NimbusJwtDecoder.withIssuerLocation(issuerUri).build();
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, VERIFIED_TOKENS_KEPT, Clock.systemUTC());
    }

    /**
     * Spring Security's own observations (a timer per filter and per check of every request) cost a twentieth of a
     * read's CPU (JFR, read benchmark) and are read by nobody; requests keep theirs ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
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
