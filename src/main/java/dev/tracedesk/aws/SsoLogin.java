package dev.tracedesk.aws;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientRequest;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * IAM Identity Center sign-in: a still-valid cached token, else a refresh with the refresh token, else the OAuth device
 * authorization flow (RegisterClient, StartDeviceAuthorization, the user approves in the browser, CreateToken polled).
 * Tokens go to the CLI's cache, so the AWS CLI and TraceDesk share one login.
 */
public final class SsoLogin {
    private static final Logger LOG = LoggerFactory.getLogger(SsoLogin.class);
    static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final String REFRESH_GRANT = "refresh_token";
    /** Refresh a token this close to expiry, like the CLI. */
    static final Duration REFRESH_WINDOW = Duration.ofMinutes(15);
    /** Below this a token is treated as expired (requests would fail mid-way). */
    static final Duration MIN_VALIDITY = Duration.ofMinutes(1);
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    static final Duration DEFAULT_SLOW_DOWN = Duration.ofSeconds(5);

    /** Waits between CreateToken polls; injectable so tests need not wait real seconds. */
    @FunctionalInterface
    public interface PollSleeper {
        void sleep(Duration interval, CancelToken cancel);
    }

    private final SsoTokenCache cache;
    private final Function<String, SsoOidcClient> oidcClients;
    private final Clock clock;
    private final PollSleeper sleeper;
    private final Duration slowDownIncrement;

    /**
     * @param oidcClients makes an SSO-OIDC client for an sso_region; the login closes it after use
     */
    SsoLogin(SsoTokenCache cache, Function<String, SsoOidcClient> oidcClients, Clock clock, PollSleeper sleeper,
             Duration slowDownIncrement) {
        this.cache = cache;
        this.oidcClients = oidcClients;
        this.clock = clock;
        this.sleeper = sleeper;
        this.slowDownIncrement = slowDownIncrement;
    }

    SsoTokenCache cache() {
        return cache;
    }

    /** The cached token if it is still usable now (no network). */
    public Optional<SsoToken> cachedToken(SsoConfig config) {
        Instant now = clock.instant();
        return cache.read(config.cacheKeySource()).filter(t -> matches(t, config)).filter(t -> t.validFor(now, MIN_VALIDITY));
    }

    /**
     * A usable access token: cached, refreshed, or (with a prompt) from a new browser sign-in.
     *
     * @param prompt empty for background use: then an expired, unrefreshable token is an SSO_TOKEN_EXPIRED problem
     */
    public String accessToken(SsoConfig config, Optional<SsoLoginPrompt> prompt, CancelToken cancel) {
        Instant now = clock.instant();
        Optional<SsoToken> cached = cache.read(config.cacheKeySource()).filter(t -> matches(t, config));
        if (cached.isPresent()) {
            SsoToken token = cached.get();
            if (token.validFor(now, REFRESH_WINDOW)) {
                return token.accessToken();
            }
            if (token.refreshable(now)) {
                Optional<SsoToken> refreshed = refresh(config, token, cancel);
                if (refreshed.isPresent()) {
                    return refreshed.get().accessToken();
                }
            }
            if (token.validFor(now, MIN_VALIDITY)) {
                return token.accessToken();
            }
        }
        if (prompt.isEmpty()) {
            throw new AwsProblemException(AwsProblem.of(ProblemKind.SSO_TOKEN_EXPIRED,
                    "Your IAM Identity Center sign-in for " + config.startUrl() + " has expired. Sign in again."));
        }
        return login(config, prompt.get(), cancel).accessToken();
    }

    /** Runs the browser sign-in now, whatever is cached (the "sign in again" button). */
    public SsoToken login(SsoConfig config, SsoLoginPrompt prompt, CancelToken cancel) {
        Objects.requireNonNull(prompt, "prompt");
        cancel.check();
        Optional<SsoToken> previous = cache.read(config.cacheKeySource()).filter(t -> matches(t, config));
        try (SsoOidcClient oidc = oidcClients.apply(config.ssoRegion())) {
            Registration registration = previous
                    .filter(t -> t.registrationValidFor(clock.instant(), REFRESH_WINDOW))
                    .map(t -> new Registration(t.clientId().get(), t.clientSecret().get(), t.registrationExpiresAt()))
                    .orElseGet(() -> register(oidc, config, cancel));
            cancel.check();
            StartDeviceAuthorizationResponse start = oidc.startDeviceAuthorization(b -> b
                    .clientId(registration.clientId).clientSecret(registration.clientSecret).startUrl(config.startUrl()));
            Instant deadline = clock.instant().plusSeconds(positiveOr(start.expiresIn(), 600));
            DeviceAuthorization authorization = new DeviceAuthorization(start.userCode(),
                    URI.create(start.verificationUri()),
                    Optional.ofNullable(start.verificationUriComplete()).filter(s -> !s.isBlank()).map(URI::create),
                    deadline, config.startUrl());
            LOG.info("IAM Identity Center sign-in started for {}; waiting for approval in the browser", config.startUrl());
            try {
                prompt.showUserCode(authorization);
                prompt.openBrowser(authorization);
                SsoToken token = poll(oidc, config, registration, start.deviceCode(),
                        Duration.ofSeconds(positiveOr(start.interval(), (int) DEFAULT_INTERVAL.getSeconds())), deadline,
                        cancel);
                cache.write(config.cacheKeySource(), token);
                return token;
            } finally {
                prompt.finished();
            }
        } catch (AwsProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            AwsProblem problem = AwsErrors.translate(e);
            if (problem.kind() == ProblemKind.OTHER) {
                problem = new AwsProblem(ProblemKind.SSO_LOGIN_FAILED, "IAM Identity Center sign-in failed: "
                        + problem.userMessage() + " Check the start URL and region of the profile, then try again.",
                        Optional.empty(), problem.detail());
            }
            throw new AwsProblemException(problem, e);
        }
    }

    private SsoToken poll(SsoOidcClient oidc, SsoConfig config, Registration registration, String deviceCode,
                          Duration initialInterval, Instant deadline, CancelToken cancel) {
        Duration interval = initialInterval;
        while (true) {
            sleeper.sleep(interval, cancel);
            cancel.check();
            if (clock.instant().isAfter(deadline)) {
                throw codeExpired();
            }
            try {
                CreateTokenResponse response = oidc.createToken(b -> b.grantType(DEVICE_CODE_GRANT)
                        .deviceCode(deviceCode).clientId(registration.clientId).clientSecret(registration.clientSecret));
                LOG.info("IAM Identity Center sign-in approved for {}", config.startUrl());
                return toToken(response, config, registration, Optional.empty());
            } catch (AuthorizationPendingException pending) {
                LOG.debug("Sign-in not approved yet; polling again in {}", interval);
            } catch (SlowDownException slowDown) {
                interval = interval.plus(slowDownIncrement);
                LOG.debug("SSO-OIDC asked to slow down; polling every {}", interval);
            } catch (ExpiredTokenException expired) {
                throw codeExpired();
            } catch (AccessDeniedException denied) {
                throw new AwsProblemException(new AwsProblem(ProblemKind.SSO_LOGIN_FAILED,
                        "The sign-in was denied in the browser. Start again and choose Allow.", Optional.empty(),
                        "AccessDeniedException"), denied);
            }
        }
    }

    private static AwsProblemException codeExpired() {
        return new AwsProblemException(AwsProblem.of(ProblemKind.SSO_LOGIN_FAILED,
                "The sign-in code expired before it was approved in the browser. Start the sign-in again."));
    }

    private Optional<SsoToken> refresh(SsoConfig config, SsoToken token, CancelToken cancel) {
        cancel.check();
        try (SsoOidcClient oidc = oidcClients.apply(config.ssoRegion())) {
            CreateTokenResponse response = oidc.createToken(b -> b.grantType(REFRESH_GRANT)
                    .refreshToken(token.refreshToken().get())
                    .clientId(token.clientId().get()).clientSecret(token.clientSecret().get()));
            SsoToken refreshed = toToken(response, config,
                    new Registration(token.clientId().get(), token.clientSecret().get(), token.registrationExpiresAt()),
                    token.refreshToken());
            cache.write(config.cacheKeySource(), refreshed);
            LOG.info("Refreshed the IAM Identity Center token for {}", config.startUrl());
            return Optional.of(refreshed);
        } catch (AwsServiceException e) {
            // An invalid or revoked refresh token is normal: fall back to a new sign-in.
            LOG.info("Could not refresh the IAM Identity Center token for {} ({}); a new sign-in is needed",
                    config.startUrl(), e.awsErrorDetails() == null ? e.statusCode() : e.awsErrorDetails().errorCode());
            return Optional.empty();
        }
    }

    private Registration register(SsoOidcClient oidc, SsoConfig config, CancelToken cancel) {
        cancel.check();
        RegisterClientRequest.Builder request = RegisterClientRequest.builder()
                .clientName("tracedesk-" + clock.instant().getEpochSecond())
                .clientType("public");
        if (config.sessionName().isPresent()) {
            // Scopes are what makes the service hand out refresh tokens; legacy profiles register without them.
            request.scopes(config.registrationScopes());
        }
        RegisterClientResponse response = oidc.registerClient(request.build());
        Optional<Instant> expires = Optional.ofNullable(response.clientSecretExpiresAt()).filter(s -> s > 0)
                .map(Instant::ofEpochSecond);
        return new Registration(response.clientId(), response.clientSecret(), expires);
    }

    private SsoToken toToken(CreateTokenResponse response, SsoConfig config, Registration registration,
                             Optional<String> previousRefreshToken) {
        Instant expiresAt = clock.instant().plusSeconds(positiveOr(response.expiresIn(), 3600));
        Optional<String> refreshToken = Optional.ofNullable(response.refreshToken()).filter(s -> !s.isBlank())
                .or(() -> previousRefreshToken);
        return new SsoToken(response.accessToken(), expiresAt, refreshToken, Optional.of(registration.clientId),
                Optional.of(registration.clientSecret), registration.expiresAt, config.ssoRegion(), config.startUrl());
    }

    private static boolean matches(SsoToken token, SsoConfig config) {
        // A cache file for the same key but another start URL (session renamed/reused) is not ours.
        return token.startUrl().isEmpty() || token.startUrl().equals(config.startUrl());
    }

    private static int positiveOr(Integer value, int fallback) {
        return value == null || value <= 0 ? fallback : value;
    }

    private static final class Registration {
        final String clientId;
        final String clientSecret;
        final Optional<Instant> expiresAt;

        Registration(String clientId, String clientSecret, Optional<Instant> expiresAt) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.expiresAt = expiresAt;
        }

        @Override
        public String toString() {
            return "Registration[expiresAt=" + expiresAt + "]";
        }
    }
}
