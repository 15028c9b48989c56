package dev.tracedesk.aws;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/**
 * The sign-in screen's entry point: lists profiles and regions, connects to a profile (running the SSO browser
 * sign-in or asking for an MFA code when needed) or to the local sandbox. Blocking calls: run them off the FX thread.
 */
public final class SignIn {
    private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);

    private final AwsEnvironment environment;
    private final Clock clock;
    private final SsoLogin.PollSleeper sleeper;
    private final Duration slowDownIncrement;

    public SignIn(AwsEnvironment environment) {
        this(environment, Clock.systemUTC(), (interval, cancel) -> cancel.sleep(interval), SsoLogin.DEFAULT_SLOW_DOWN);
    }

    /** For tests: a clock for token expiry and a sleeper for the SSO poll interval. */
    SignIn(AwsEnvironment environment, Clock clock, SsoLogin.PollSleeper sleeper, Duration slowDownIncrement) {
        this.environment = Objects.requireNonNull(environment);
        this.clock = clock;
        this.sleeper = sleeper;
        this.slowDownIncrement = slowDownIncrement;
    }

    public AwsEnvironment environment() {
        return environment;
    }

    /** Reads the AWS config files now (call again to see edits). */
    public ProfileCatalog profiles() {
        return ProfileCatalog.load(environment);
    }

    /** The X-Ray regions for the picker. */
    public List<RegionChoice> regions() {
        return XRayRegions.all();
    }

    /** The built-in local X-Ray on {@code 127.0.0.1:port}. */
    public SandboxConnection sandbox(int port) {
        return SandboxConnection.onLocalPort(port);
    }

    /**
     * Signs in with a profile: resolves its credentials now (SSO browser sign-in through {@code prompt} when the cached
     * token is missing or expired, MFA code through {@code mfa}), so that every failure surfaces here.
     *
     * @param region the region picked by the user; empty means AWS_REGION, else the profile's region
     * @throws AwsProblemException with a user-facing problem (MISSING_REGION, SSO_TOKEN_EXPIRED, CANCELLED, ...)
     */
    public AwsConnection connect(String profileName, Optional<String> region, SsoLoginPrompt prompt,
                                 MfaCodeProvider mfa, CancelToken cancel) {
        ProfileCatalog catalog = profiles();
        ProfileInfo profile = catalog.require(profileName);
        if (profile.isSandbox()) {
            throw new IllegalArgumentException("Use sandbox(port) for the local sandbox");
        }
        String regionId = region.filter(r -> !r.isBlank()).or(() -> catalog.defaultRegion(profile))
                .orElseThrow(() -> new AwsProblemException(AwsProblem.of(ProblemKind.MISSING_REGION,
                        "Profile '" + profileName + "' has no region and AWS_REGION is not set. Pick a region, or add "
                                + "'region = ...' to the profile.")));
        Region chosen = Region.of(regionId.trim());
        EndpointOverrides endpoints = new EndpointOverrides(environment);
        List<AutoCloseable> resources = new ArrayList<>();
        SdkHttpClient http = SdkClientFactory.newHttpClient();
        resources.add(http);
        try {
            SdkClientFactory clients = new SdkClientFactory(http, catalog.profileFile(), profileName);
            SsoLogin login = ssoLogin(catalog, profileName, endpoints);
            CredentialsResolver resolver = new CredentialsResolver(catalog, clients, endpoints, login, chosen,
                    Optional.ofNullable(prompt), mfa == null ? MfaCodeProvider.none() : mfa, cancel, resources);
            AwsCredentialsProvider provider = resolver.resolve(profileName);
            cancel.check();
            provider.resolveCredentials();
            cancel.check();
            LOG.info("Signed in with profile '{}' ({}) in {}", profileName, profile.kind(), chosen.id());
            return new AwsConnection(profile, chosen, provider, endpoints, catalog.profileFile(), resources);
        } catch (RuntimeException e) {
            AwsConnection.closeAll(resources);
            AwsProblemException problem = AwsErrors.asException(e);
            if (problem.kind() == ProblemKind.OTHER && profile.kind() == ProfileKind.CREDENTIAL_PROCESS) {
                problem = new AwsProblemException(new AwsProblem(ProblemKind.NO_CREDENTIALS, "The credential_process "
                        + "of profile '" + profileName + "' failed. Run it in a terminal to see why (often a login "
                        + "it needs has expired).", Optional.empty(), problem.problem().detail()), e);
            }
            LOG.info("Sign-in with profile '{}' failed: {} ({})", profileName, problem.kind(), problem.problem().detail());
            throw problem;
        }
    }

    /**
     * Runs the IAM Identity Center browser sign-in for an SSO profile even if a token is cached ("sign in again").
     * Returns the new token's expiry.
     */
    public java.time.Instant ssoSignIn(String profileName, SsoLoginPrompt prompt, CancelToken cancel) {
        ProfileCatalog catalog = profiles();
        ProfileInfo profile = catalog.require(profileName);
        if (!profile.kind().isSso()) {
            throw new AwsProblemException(AwsProblem.of(ProblemKind.INVALID_PROFILE,
                    "Profile '" + profileName + "' does not use IAM Identity Center (SSO)."));
        }
        SsoConfig config = SsoConfig.from(catalog, catalog.rawProfile(profileName));
        return ssoLogin(catalog, profileName, new EndpointOverrides(environment)).login(config, prompt, cancel)
                .expiresAt();
    }

    /**
     * For an SSO profile, when its cached IAM Identity Center token expires, if there is a usable one (no network):
     * the sign-in screen can say "signed in until ..." or "browser sign-in needed".
     */
    public Optional<java.time.Instant> cachedSsoExpiry(String profileName) {
        ProfileCatalog catalog = profiles();
        if (!catalog.require(profileName).kind().isSso()) {
            return Optional.empty();
        }
        SsoConfig config = SsoConfig.from(catalog, catalog.rawProfile(profileName));
        return ssoLogin(catalog, profileName, new EndpointOverrides(environment)).cachedToken(config)
                .map(SsoToken::expiresAt);
    }

    /** The SSO token cache TraceDesk shares with the AWS CLI. */
    public SsoTokenCache ssoTokenCache() {
        return new SsoTokenCache(environment.ssoCacheDir());
    }

    private SsoLogin ssoLogin(ProfileCatalog catalog, String profileName, EndpointOverrides endpoints) {
        // Each OIDC client owns its HTTP client: logins are rare and the login closes the client afterwards.
        SdkClientFactory ownHttp = new SdkClientFactory(null, catalog.profileFile(), profileName);
        return new SsoLogin(ssoTokenCache(),
                ssoRegion -> ownHttp.build(SsoOidcClient.builder(), Region.of(ssoRegion),
                        AnonymousCredentialsProvider.create(), endpoints.forService(AwsService.SSO_OIDC)),
                clock, sleeper, slowDownIncrement);
    }
}
