package dev.tracedesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.aws.AwsClients;
import dev.tracedesk.aws.RecentConnections;
import dev.tracedesk.aws.SandboxConnection;
import dev.tracedesk.aws.SignIn;
import dev.tracedesk.explore.LocalSandbox;
import dev.tracedesk.explore.SandboxStats;
import dev.tracedesk.explore.Session;
import dev.tracedesk.explore.access.MfaPrompt;
import dev.tracedesk.explore.access.ProblemKind;
import dev.tracedesk.explore.access.ProfileKind;
import dev.tracedesk.explore.access.SignInService;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TaskMonitor;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-in ViewModel without a toolkit: work and handlers run inline, AWS is a local fake STS. */
class SignInViewModelTest {

    @TempDir
    Path home;
    private FakeSts sts;
    private Session session;
    private RecentConnections recents;
    private final List<SignInViewModel.SignedIn> signedIn = new ArrayList<>();
    private final List<String> mfaAsked = new ArrayList<>();
    private Optional<String> mfaAnswer = Optional.empty();
    private final LocalSandbox sandbox = new LocalSandbox() {
        @Override
        public int ensureRunning() {
            return 4567;
        }

        @Override
        public Optional<SandboxStats> stats() {
            return Optional.empty();
        }
    };

    @BeforeEach
    void setUp() throws IOException {
        TestAwsHome.write(home);
        sts = new FakeSts();
        session = new Session(SandboxConnection.onLocalPort(2000));
        recents = new RecentConnections(home.resolve("config"));
    }

    @AfterEach
    void tearDown() {
        session.close();
        sts.close();
    }

    private SignInViewModel model(Map<String, String> env, URI stsEndpoint) {
        SignIn signIn = new SignIn(TestAwsHome.environment(home, stsEndpoint, null, env));
        MfaPrompt mfa = (profile, serial) -> {
            mfaAsked.add(profile + " " + serial);
            return mfaAnswer;
        };
        return new SignInViewModel(new SignInService(signIn, recents), sandbox, session,
                BackgroundTasks.currentThread(new TaskMonitor(), new ErrorReporter(Clock.systemUTC())),
                Runnable::run, uri -> { }, mfa, Strings.bundle(), signedIn::add);
    }

    private SignInViewModel model() {
        return model(Map.of(), sts.endpoint());
    }

    private static List<String> names(SignInViewModel model) {
        return model.entries().stream().map(SignInViewModel.Entry::name).toList();
    }

    @Test
    void recentConnectionsComeFirstThenTheProfilesThenTheSandbox() {
        recents.remember("mfa", "us-west-2");
        recents.remember("gone", "eu-west-1"); // a profile deleted since: not offered
        recents.remember("static", "eu-central-1");
        SignInViewModel model = model();

        model.reload();

        assertThat(names(model)).containsExactly("static", "mfa", "noregion", "sso", "Local sandbox");
        assertThat(model.entries()).extracting(SignInViewModel.Entry::recent)
                .containsExactly(true, true, false, false, false);
        // the most recent connection is preselected, with its region
        assertThat(model.getSelected().name()).isEqualTo("static");
        assertThat(model.getRegion()).isEqualTo("eu-central-1");
    }

    @Test
    void entriesShowTheKindAndRegionOfEachProfile() {
        SignInViewModel model = model();
        model.reload();

        assertThat(model.entries()).extracting(e -> e.name() + " " + e.profile().kind() + " " + e.region().orElse("-"))
                .containsExactly("mfa ASSUME_ROLE_SOURCE_PROFILE us-east-1", "noregion STATIC_KEYS -",
                        "sso SSO_SESSION eu-west-1", "static STATIC_KEYS eu-west-1", "Local sandbox LOCAL_SANDBOX us-east-1");
        assertThat(model.entries().get(0).profile().kind().label()).isEqualTo("Assume role (source profile)");
        assertThat(model.regions()).extracting(r -> r.id()).contains("eu-west-1", "us-east-1");
        // no recents, no AWS_PROFILE, no [default]: the sandbox is preselected
        assertThat(model.getSelected().isSandbox()).isTrue();
        assertThat(model.hasAwsProfilesProperty().get()).isTrue();
    }

    @Test
    void awsRegionOverridesTheProfilesRegionAndAwsProfilePreselects() {
        SignInViewModel model = model(Map.of("AWS_REGION", "ap-northeast-1", "AWS_PROFILE", "sso"), sts.endpoint());
        model.reload();

        assertThat(model.getSelected().name()).isEqualTo("sso");
        assertThat(model.getRegion()).isEqualTo("ap-northeast-1");
    }

    @Test
    void signingInWithStaticKeysSwitchesTheSessionAndRemembersTheConnection() {
        SignInViewModel model = model();
        model.reload();
        model.select("static");
        model.regionProperty().set("us-west-2");

        model.signIn();

        assertThat(model.getError()).isEmpty();
        assertThat(signedIn).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo("static · 111122223333 · us-west-2");
            assertThat(s.sandboxPort()).isEmpty();
            assertThat(s.fromDialog()).isTrue();
        });
        assertThat(session.connection().name()).isEqualTo("static");
        assertThat(session.connection().region().id()).isEqualTo("us-west-2");
        assertThat(sts.calls()).extracting(FakeSts.Call::action, FakeSts.Call::accessKeyId)
                .contains(org.assertj.core.groups.Tuple.tuple("GetCallerIdentity", TestAwsHome.STATIC_KEY_ID));
        assertThat(recents.list()).first().satisfies(e -> {
            assertThat(e.profile()).isEqualTo("static");
            assertThat(e.region()).isEqualTo("us-west-2");
        });
        assertThat(model.isBusy()).isFalse();
    }

    @Test
    void aProfileWithoutRegionAsksForOne() {
        SignInViewModel model = model();
        model.reload();
        model.select("noregion");

        model.signIn();

        assertThat(model.problemKindProperty().get()).isEqualTo(ProblemKind.MISSING_REGION);
        assertThat(model.getError()).contains("Pick a region");
        assertThat(signedIn).isEmpty();
        assertThat(session.connection().isSandbox()).isTrue();
    }

    @Test
    void accessDeniedNamesTheMissingPermission() {
        sts.failWith(403, "AccessDenied", "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: "
                + "sts:GetCallerIdentity on resource: *");
        SignInViewModel model = model();
        model.reload();
        model.select("static");

        model.signIn();

        assertThat(model.problemKindProperty().get()).isEqualTo(ProblemKind.ACCESS_DENIED);
        assertThat(model.getError()).contains("sts:GetCallerIdentity", "arn:aws:iam::111122223333:user/alice");
        assertThat(session.connection().isSandbox()).isTrue();
        assertThat(recents.list()).isEmpty();
    }

    @Test
    void rejectedKeysSayToCheckTheAccessKey() {
        sts.failWith(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        SignInViewModel model = model();
        model.reload();
        model.select("static");

        model.signIn();

        assertThat(model.problemKindProperty().get()).isEqualTo(ProblemKind.INVALID_CREDENTIALS);
        assertThat(model.getError()).contains("Check the access key");
    }

    @Test
    void clockSkewSaysToSynchroniseTheClock() {
        sts.failWith(403, "SignatureDoesNotMatch", "Signature expired: 20261128T010000Z is now earlier than ...");
        SignInViewModel model = model();
        model.reload();
        model.select("static");

        model.signIn();

        assertThat(model.problemKindProperty().get()).isEqualTo(ProblemKind.CLOCK_SKEW);
        assertThat(model.getError()).contains("clock");
    }

    @Test
    void anUnreachableEndpointSaysToCheckTheNetwork() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SignInViewModel model = model(Map.of(), URI.create("http://127.0.0.1:" + closedPort));
        model.reload();
        model.select("static");

        model.signIn();

        assertThat(model.problemKindProperty().get()).isEqualTo(ProblemKind.NETWORK_UNREACHABLE);
        assertThat(model.getError()).contains("network");
    }

    @Test
    void aBrokenConfigFileSaysWhichFileAndStillOffersTheSandbox() throws IOException {
        java.nio.file.Files.writeString(home.resolve(".aws/config"), "[profile broken\nregion = x\n");
        SignInViewModel model = model();

        model.reload();

        assertThat(model.getError()).contains(home.resolve(".aws/config").toString());
        assertThat(names(model)).containsExactly("Local sandbox");
    }

    @Test
    void theMfaCodeGoesWithTheAssumeRoleRequest() {
        mfaAnswer = Optional.of("123456");
        SignInViewModel model = model();
        model.reload();
        model.select("mfa");

        model.signIn();

        assertThat(model.getError()).isEmpty();
        assertThat(mfaAsked).containsExactly("mfa " + TestAwsHome.MFA_SERIAL);
        FakeSts.Call assume = sts.calls().stream().filter(c -> c.action().equals("AssumeRole")).findFirst().orElseThrow();
        assertThat(assume.params()).containsEntry("TokenCode", "123456").containsEntry("SerialNumber",
                TestAwsHome.MFA_SERIAL);
        assertThat(assume.accessKeyId()).isEqualTo(TestAwsHome.STATIC_KEY_ID);
        assertThat(signedIn).singleElement().extracting(SignInViewModel.SignedIn::label)
                .isEqualTo("mfa · 444455556666 · us-east-1");
    }

    @Test
    void cancellingTheMfaPromptLeavesThePreviousConnectionIntact() {
        SignInViewModel model = model();
        model.reload();
        model.select("static");
        model.signIn();
        AwsClients clientsBefore = session.clients();
        int remembered = recents.list().size();

        model.select("mfa");
        mfaAnswer = Optional.empty(); // the user pressed Cancel in the MFA dialog
        model.signIn();

        assertThat(mfaAsked).hasSize(1);
        assertThat(model.problemKindProperty().get()).isEqualTo(ProblemKind.CANCELLED);
        assertThat(model.getError()).isEmpty();
        assertThat(session.connection().name()).isEqualTo("static");
        assertThat(session.clients()).isSameAs(clientsBefore);
        assertThat(signedIn).hasSize(1);
        assertThat(recents.list()).hasSize(remembered);
        assertThat(sts.calls()).noneMatch(c -> c.action().equals("AssumeRole"));
    }

    @Test
    void theSandboxConnectsOnThePortTheStarterReports() {
        SignInViewModel model = model();
        model.reload();
        model.select("Local sandbox");

        model.signIn();

        assertThat(signedIn).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo("Local sandbox · port 4567");
            assertThat(s.sandboxPort()).isEqualTo(OptionalInt.of(4567));
        });
        assertThat(((SandboxConnection) session.connection()).endpoint()).isEqualTo(URI.create("http://127.0.0.1:4567"));
        assertThat(recents.list()).first().extracting(RecentConnections.Entry::profile).isEqualTo("Local sandbox");
    }

    @Test
    void startUpWithoutAProfileConnectsTheSandboxQuietlyAndRemembersNothing() {
        SignInViewModel model = model();

        model.connectAtStart(Optional.empty(), Optional.empty());

        assertThat(signedIn).singleElement().satisfies(s -> {
            assertThat(s.sandboxPort()).isEqualTo(OptionalInt.of(4567));
            assertThat(s.fromDialog()).isFalse();
        });
        assertThat(recents.list()).isEmpty();
        assertThat(model.isBusy()).isFalse();
    }

    @Test
    void startUpWithAProfileSignsInWithItAndTheGivenRegion() {
        SignInViewModel model = model();

        model.connectAtStart(Optional.of("static"), Optional.of("ca-central-1"));

        assertThat(signedIn).singleElement().extracting(SignInViewModel.SignedIn::label)
                .isEqualTo("static · 111122223333 · ca-central-1");
    }

    @Test
    void startUpWithAnUnknownProfileSaysSo() {
        SignInViewModel model = model();

        model.connectAtStart(Optional.of("nope"), Optional.empty());

        assertThat(model.problemKindProperty().get()).isEqualTo(ProblemKind.PROFILE_NOT_FOUND);
        assertThat(model.getError()).contains("'nope'");
        assertThat(signedIn).isEmpty();
    }

    @Test
    void signInAgainIsOfferedOnlyForSsoProfilesWithAnExpiredSignIn() {
        SignInViewModel model = model();
        model.reload();
        model.select("sso");
        assertThat(model.canSignInAgainProperty().get()).isFalse();
        assertThat(model.entries()).filteredOn(e -> e.name().equals("sso")).first()
                .extracting(e -> e.profile().kind()).isEqualTo(ProfileKind.SSO_SESSION);
    }
}
