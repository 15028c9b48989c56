package dev.tracedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** The IAM Identity Center device sign-in end to end, against {@link FakeSsoServer}. */
class SsoSignInTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START_URL = "https://corp.awsapps.com/start";
    private static final String LEGACY_URL = "https://legacy.awsapps.com/start";

    @TempDir
    Path home;
    private FakeSsoServer server;
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final RecordingPrompt prompt = new RecordingPrompt();

    @BeforeEach
    void setUp() throws IOException {
        server = new FakeSsoServer();
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), String.join("\n",
                "[profile dev]",
                "sso_session = corp",
                "sso_account_id = 111122223333",
                "sso_role_name = ReadOnly",
                "region = eu-west-1",
                "",
                "[sso-session corp]",
                "sso_start_url = " + START_URL,
                "sso_region = us-east-1",
                "sso_registration_scopes = sso:account:access",
                "",
                "[profile old]",
                "sso_start_url = " + LEGACY_URL,
                "sso_region = eu-central-1",
                "sso_account_id = 444455556666",
                "sso_role_name = Admin",
                "region = eu-central-1",
                ""));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private AwsEnvironment environment() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL_SSO_OIDC", server.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SSO", server.endpoint().toString());
        return new AwsEnvironment(env, home);
    }

    private SignIn signIn() {
        return new SignIn(environment(), Clock.systemUTC(), (interval, cancel) -> {
            sleeps.add(interval);
            cancel.sleep(Duration.ofMillis(1));
        }, Duration.ofSeconds(5));
    }

    private Path cacheFile(String key) {
        return home.resolve(".aws/sso/cache").resolve(SsoTokenCache.sha1Hex(key) + ".json");
    }

    @Test
    void deviceFlowSignsInCachesTheTokenInCliFormatAndReusesIt() throws IOException {
        server.answerTokenPolls("pending", "slow_down", "pending", "ok");

        try (AwsConnection connection = signIn().connect("dev", Optional.empty(), prompt, MfaCodeProvider.none(),
                new CancelToken())) {
            AwsCredentials credentials = connection.credentialsProvider().resolveCredentials();
            assertThat(credentials.accessKeyId()).isEqualTo(FakeSsoServer.ACCESS_KEY_ID);
            assertThat(credentials.secretAccessKey()).isEqualTo(FakeSsoServer.SECRET_ACCESS_KEY);
            assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo(FakeSsoServer.SESSION_TOKEN);
            assertThat(connection.region().id()).isEqualTo("eu-west-1");
            assertThat(connection.label()).isEqualTo("dev · eu-west-1");
        }

        // The user saw the code and the browser opened on the complete URL.
        assertThat(prompt.shown).singleElement().satisfies(a -> {
            assertThat(a.userCode()).isEqualTo(FakeSsoServer.USER_CODE);
            assertThat(a.browserUri().toString()).endsWith("?user_code=" + FakeSsoServer.USER_CODE);
            assertThat(a.startUrl()).isEqualTo(START_URL);
        });
        assertThat(prompt.opened).hasSize(1);
        assertThat(prompt.finished).isEqualTo(1);
        // Interval 5 s, +5 s after slow_down, kept afterwards.
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(10));

        // Wire shapes: registration with scopes, device authorization for the start URL, device-code grant.
        JsonNode register = server.requests().stream().filter(r -> r.path().equals("/client/register"))
                .findFirst().orElseThrow().body();
        assertThat(register.path("clientType").asText()).isEqualTo("public");
        assertThat(register.path("scopes").get(0).asText()).isEqualTo("sso:account:access");
        JsonNode start = server.requests().stream().filter(r -> r.path().equals("/device_authorization"))
                .findFirst().orElseThrow().body();
        assertThat(start.path("startUrl").asText()).isEqualTo(START_URL);
        assertThat(start.path("clientId").asText()).isEqualTo(FakeSsoServer.CLIENT_ID);
        assertThat(server.requests().stream().filter(r -> r.path().equals("/token")).map(r -> r.body()
                .path("grantType").asText())).containsOnly(SsoLogin.DEVICE_CODE_GRANT);
        FakeSsoServer.Request roleCredentials = server.requests().stream()
                .filter(r -> r.path().equals("/federation/credentials")).findFirst().orElseThrow();
        assertThat(roleCredentials.query()).containsEntry("account_id", "111122223333")
                .containsEntry("role_name", "ReadOnly");
        assertThat(roleCredentials.bearer()).isEqualTo(server.currentAccessToken());

        // The cache file is the CLI's: sha1 of the session name, its field names, ISO times.
        JsonNode cached = JSON.readTree(cacheFile("corp").toFile());
        assertThat(cached.path("accessToken").asText()).isEqualTo(server.currentAccessToken());
        assertThat(cached.path("refreshToken").asText()).isEqualTo("REFRESH-TOKEN-1-s3cr3t");
        assertThat(cached.path("clientId").asText()).isEqualTo(FakeSsoServer.CLIENT_ID);
        assertThat(cached.path("clientSecret").asText()).isEqualTo(FakeSsoServer.CLIENT_SECRET);
        assertThat(cached.path("region").asText()).isEqualTo("us-east-1");
        assertThat(cached.path("startUrl").asText()).isEqualTo(START_URL);
        assertThat(cached.path("expiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(Instant.parse(cached.path("expiresAt").asText()))
                .isBetween(Instant.now().plus(Duration.ofHours(7)), Instant.now().plus(Duration.ofHours(9)));
        assertThat(cached.path("registrationExpiresAt").asText()).endsWith("Z");
        assertThat(Files.getPosixFilePermissions(cacheFile("corp")))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");

        // A second sign-in (a new TraceDesk run) reuses the cached token: no registration, no browser.
        long registrations = server.count("/client/register");
        long authorizations = server.count("/device_authorization");
        RecordingPrompt second = new RecordingPrompt();
        try (AwsConnection again = signIn().connect("dev", Optional.of("us-west-2"), second, MfaCodeProvider.none(),
                new CancelToken())) {
            assertThat(again.credentialsProvider().resolveCredentials().accessKeyId())
                    .isEqualTo(FakeSsoServer.ACCESS_KEY_ID);
            assertThat(again.region().id()).isEqualTo("us-west-2");
        }
        assertThat(server.count("/client/register")).isEqualTo(registrations);
        assertThat(server.count("/device_authorization")).isEqualTo(authorizations);
        assertThat(second.shown).isEmpty();
    }

    @Test
    void aTokenWrittenByTheCliIsUsedWithoutSigningIn() {
        SsoTokenCache cache = new SsoTokenCache(home.resolve(".aws/sso/cache"));
        cache.write("corp", new SsoToken("CLI-ACCESS-TOKEN", Instant.now().plus(Duration.ofHours(4)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "us-east-1", START_URL));
        server.acceptAccessToken("CLI-ACCESS-TOKEN");

        try (AwsConnection connection = signIn().connect("dev", Optional.empty(), prompt, MfaCodeProvider.none(),
                new CancelToken())) {
            assertThat(connection.credentialsProvider().resolveCredentials().accessKeyId())
                    .isEqualTo(FakeSsoServer.ACCESS_KEY_ID);
        }
        assertThat(server.count("/token")).isZero();
        assertThat(prompt.shown).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefreshedWithTheRefreshToken() throws IOException {
        SsoTokenCache cache = new SsoTokenCache(home.resolve(".aws/sso/cache"));
        cache.write("corp", new SsoToken("OLD-ACCESS", Instant.now().minus(Duration.ofHours(1)),
                Optional.of("OLD-REFRESH"), Optional.of(FakeSsoServer.CLIENT_ID),
                Optional.of(FakeSsoServer.CLIENT_SECRET), Optional.of(Instant.now().plus(Duration.ofDays(30))),
                "us-east-1", START_URL));

        try (AwsConnection connection = signIn().connect("dev", Optional.empty(), prompt, MfaCodeProvider.none(),
                new CancelToken())) {
            assertThat(connection.credentialsProvider().resolveCredentials().accessKeyId())
                    .isEqualTo(FakeSsoServer.ACCESS_KEY_ID);
        }

        assertThat(prompt.shown).isEmpty();
        assertThat(server.count("/device_authorization")).isZero();
        JsonNode refresh = server.requests().stream().filter(r -> r.path().equals("/token")).findFirst()
                .orElseThrow().body();
        assertThat(refresh.path("grantType").asText()).isEqualTo("refresh_token");
        assertThat(refresh.path("refreshToken").asText()).isEqualTo("OLD-REFRESH");
        SsoToken stored = cache.read("corp").orElseThrow();
        assertThat(stored.accessToken()).isEqualTo(server.currentAccessToken());
        assertThat(stored.refreshToken()).contains("REFRESH-TOKEN-1-s3cr3t");
        assertThat(stored.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(7)));
    }

    @Test
    void aRejectedRefreshFallsBackToTheBrowserSignIn() {
        SsoTokenCache cache = new SsoTokenCache(home.resolve(".aws/sso/cache"));
        cache.write("corp", new SsoToken("OLD-ACCESS", Instant.now().minus(Duration.ofHours(1)),
                Optional.of("REVOKED"), Optional.of(FakeSsoServer.CLIENT_ID),
                Optional.of(FakeSsoServer.CLIENT_SECRET), Optional.of(Instant.now().plus(Duration.ofDays(30))),
                "us-east-1", START_URL));
        server.refreshAllowed(false);

        try (AwsConnection connection = signIn().connect("dev", Optional.empty(), prompt, MfaCodeProvider.none(),
                new CancelToken())) {
            assertThat(connection.credentialsProvider().resolveCredentials().accessKeyId())
                    .isEqualTo(FakeSsoServer.ACCESS_KEY_ID);
        }
        assertThat(prompt.shown).hasSize(1);
        // The still-valid client registration from the cache is reused.
        assertThat(server.count("/client/register")).isZero();
    }

    @Test
    void anExpiredDeviceCodeFailsWithAClearMessageAndCachesNothing() {
        server.answerTokenPolls("pending", "expired");

        assertThatThrownBy(() -> signIn().connect("dev", Optional.empty(), prompt, MfaCodeProvider.none(),
                new CancelToken())).isInstanceOfSatisfying(AwsProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.SSO_LOGIN_FAILED);
                    assertThat(e.getMessage()).contains("expired", "again");
                });
        assertThat(cacheFile("corp")).doesNotExist();
        assertThat(prompt.finished).isEqualTo(1);
    }

    @Test
    void aDeniedSignInSaysSo() {
        server.answerTokenPolls("denied");

        assertThatThrownBy(() -> signIn().connect("dev", Optional.empty(), prompt, MfaCodeProvider.none(),
                new CancelToken())).isInstanceOfSatisfying(AwsProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.SSO_LOGIN_FAILED);
                    assertThat(e.getMessage()).contains("denied");
                });
    }

    @Test
    void cancellingWhileWaitingForApprovalStopsTheSignIn() {
        server.answerTokenPolls("pending", "pending", "pending", "pending", "ok");
        CancelToken cancel = new CancelToken();
        SignIn signIn = new SignIn(environment(), Clock.systemUTC(), (interval, token) -> {
            sleeps.add(interval);
            if (sleeps.size() == 2) {
                cancel.cancel(); // the user pressed Cancel while the code was shown
            }
            token.sleep(Duration.ofMillis(1));
        }, Duration.ofSeconds(5));

        assertThatThrownBy(() -> signIn.connect("dev", Optional.empty(), prompt, MfaCodeProvider.none(), cancel))
                .isInstanceOfSatisfying(AwsProblemException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProblemKind.CANCELLED));
        assertThat(server.count("/token")).isEqualTo(1);
        assertThat(cacheFile("corp")).doesNotExist();
        assertThat(prompt.finished).isEqualTo(1);
    }

    @Test
    void interruptingTheSignInThreadCancelsAWaitingSignIn() throws Exception {
        server.answerTokenPolls("pending");
        SignIn signIn = new SignIn(environment(), Clock.systemUTC(), (interval, token) -> token.sleep(
                Duration.ofMinutes(5)), Duration.ofSeconds(5));
        java.util.concurrent.CountDownLatch codeShown = new java.util.concurrent.CountDownLatch(1);
        RecordingPrompt waiting = new RecordingPrompt() {
            @Override
            public void showUserCode(DeviceAuthorization authorization) {
                super.showUserCode(authorization);
                codeShown.countDown();
            }
        };
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                signIn.connect("dev", Optional.empty(), waiting, MfaCodeProvider.none(), new CancelToken()).close();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        worker.start();
        assertThat(codeShown.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        worker.interrupt(); // what a JavaFX Task.cancel(true) does
        worker.join(30_000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOfSatisfying(AwsProblemException.class,
                e -> assertThat(e.kind()).isEqualTo(ProblemKind.CANCELLED));
        assertThat(cacheFile("corp")).doesNotExist();
    }

    @Test
    void aCancelledTokenStopsBeforeAnyRequest() {
        CancelToken cancel = new CancelToken();
        cancel.cancel();

        assertThatThrownBy(() -> signIn().connect("dev", Optional.empty(), prompt, MfaCodeProvider.none(), cancel))
                .isInstanceOfSatisfying(AwsProblemException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProblemKind.CANCELLED));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void legacyProfilesCacheUnderTheStartUrlAndRegisterWithoutScopes() throws IOException {
        try (AwsConnection connection = signIn().connect("old", Optional.empty(), prompt, MfaCodeProvider.none(),
                new CancelToken())) {
            assertThat(connection.region().id()).isEqualTo("eu-central-1");
        }
        JsonNode register = server.requests().stream().filter(r -> r.path().equals("/client/register"))
                .findFirst().orElseThrow().body();
        assertThat(register.has("scopes")).isFalse();
        JsonNode cached = JSON.readTree(cacheFile(LEGACY_URL).toFile());
        assertThat(cached.path("startUrl").asText()).isEqualTo(LEGACY_URL);
        assertThat(cached.path("region").asText()).isEqualTo("eu-central-1");
    }

    @Test
    void withoutAPromptAnExpiredTokenAsksToSignInAgain() {
        SsoTokenCache cache = new SsoTokenCache(home.resolve(".aws/sso/cache"));
        cache.write("corp", new SsoToken("OLD-ACCESS", Instant.now().minus(Duration.ofMinutes(5)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "us-east-1", START_URL));

        assertThat(signIn().cachedSsoExpiry("dev")).isEmpty();
        assertThatThrownBy(() -> signIn().connect("dev", Optional.empty(), null, MfaCodeProvider.none(),
                new CancelToken())).isInstanceOfSatisfying(AwsProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.SSO_TOKEN_EXPIRED);
                    assertThat(e.getMessage()).contains("Sign in again");
                });
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void signInAgainRunsTheBrowserFlowEvenWithAValidToken() {
        SsoTokenCache cache = new SsoTokenCache(home.resolve(".aws/sso/cache"));
        cache.write("corp", new SsoToken("STILL-VALID", Instant.now().plus(Duration.ofHours(2)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "us-east-1", START_URL));

        assertThat(signIn().cachedSsoExpiry("dev")).isPresent();
        Instant expires = signIn().ssoSignIn("dev", prompt, new CancelToken());

        assertThat(prompt.shown).hasSize(1);
        assertThat(expires).isAfter(Instant.now().plus(Duration.ofHours(7)));
        assertThat(cache.read("corp").orElseThrow().accessToken()).isEqualTo(server.currentAccessToken());
    }

    @Test
    void noSecretEverAppearsInTheLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level previous = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        // Everything at DEBUG (TraceDesk and the AWS SDK) except Apache HttpClient's raw wire/header dumps, which copy
        // every byte on the wire and so must stay off in the app's logging configuration (see the report / README).
        Logger wire = (Logger) LoggerFactory.getLogger("org.apache.hc.client5.http.wire");
        Logger headers = (Logger) LoggerFactory.getLogger("org.apache.hc.client5.http.headers");
        wire.setLevel(Level.INFO);
        headers.setLevel(Level.INFO);
        // logback-test.xml keeps the SDK at WARN; this check needs its DEBUG request logging.
        Logger sdk = (Logger) LoggerFactory.getLogger("software.amazon.awssdk");
        Level sdkLevel = sdk.getLevel();
        sdk.setLevel(Level.DEBUG);
        try {
            server.answerTokenPolls("pending", "slow_down", "ok");
            try (AwsConnection connection = signIn().connect("dev", Optional.empty(), prompt,
                    MfaCodeProvider.none(), new CancelToken())) {
                connection.credentialsProvider().resolveCredentials();
                LoggerFactory.getLogger(SsoSignInTest.class).info("connection {} provider {}", connection,
                        connection.credentialsProvider());
            }
            // And a failing run, whose exception is logged too.
            server.refreshAllowed(false);
            assertThatThrownBy(() -> signIn().ssoSignIn("old", new RecordingPrompt() {
                @Override
                public void showUserCode(DeviceAuthorization authorization) {
                    throw new IllegalStateException("window closed");
                }
            }, new CancelToken())).isInstanceOf(AwsProblemException.class);
        } finally {
            root.detachAppender(appender);
            root.setLevel(previous);
            wire.setLevel(null);
            headers.setLevel(null);
            sdk.setLevel(sdkLevel);
        }

        appender.stop();
        List<ILoggingEvent> events;
        synchronized (appender) { // AppenderBase appends under this lock; late events from pool threads race otherwise
            events = new ArrayList<>(appender.list);
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : events) {
            lines.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(lines).as("sign-in produced log output to check").isNotEmpty();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Signed in with profile 'dev'"));
        // The SDK's own request logging was captured too, so the check covers it.
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("/federation/credentials"));
        String all = String.join("\n", lines);
        assertThat(all).doesNotContain("s3cr3t", FakeSsoServer.CLIENT_SECRET, FakeSsoServer.DEVICE_CODE,
                FakeSsoServer.SECRET_ACCESS_KEY, FakeSsoServer.SESSION_TOKEN, "ACCESS-TOKEN-", "REFRESH-TOKEN-");
    }

    static class RecordingPrompt implements SsoLoginPrompt {
        final List<DeviceAuthorization> shown = Collections.synchronizedList(new ArrayList<>());
        final List<DeviceAuthorization> opened = Collections.synchronizedList(new ArrayList<>());
        volatile int finished;

        @Override
        public void showUserCode(DeviceAuthorization authorization) {
            shown.add(authorization);
        }

        @Override
        public void openBrowser(DeviceAuthorization authorization) {
            opened.add(authorization);
        }

        @Override
        public void finished() {
            finished++;
        }
    }
}
