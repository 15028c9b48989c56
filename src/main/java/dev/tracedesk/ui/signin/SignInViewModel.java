package dev.tracedesk.ui.signin;

import dev.tracedesk.explore.access.Cancellation;
import dev.tracedesk.explore.access.DeviceCode;
import dev.tracedesk.explore.access.MfaPrompt;
import dev.tracedesk.explore.access.Problem;
import dev.tracedesk.explore.access.ProblemKind;
import dev.tracedesk.explore.access.Problems;
import dev.tracedesk.explore.access.Profile;
import dev.tracedesk.explore.access.Profiles;
import dev.tracedesk.explore.access.RecentConnection;
import dev.tracedesk.explore.access.RegionOption;
import dev.tracedesk.explore.access.SignInService;
import dev.tracedesk.explore.access.SignedInConnection;
import dev.tracedesk.explore.access.SsoPrompt;
import dev.tracedesk.explore.LocalSandbox;
import dev.tracedesk.explore.Session;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.BrowserOpener;
import dev.tracedesk.ui.common.Strings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in dialog's state and logic: the profile list (recent connections first), the region picker, signing in
 * (SSO device code, MFA through the injected provider), errors that say what to do, and cancel. A sign-in switches
 * the {@link Session} only once the new connection has proved itself (credentials resolved, caller identity read),
 * so a failed or cancelled attempt leaves the previous connection as it was. FX thread only (blocking work goes
 * through {@link BackgroundTasks}); no controls, so it is tested without a toolkit.
 */
public final class SignInViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);

    /**
     * One row of the profile list.
     *
     * @param region the region this row signs in to unless the user picks another: the recent connection's, else
     *               AWS_REGION or the profile's; empty when none is known
     * @param recent whether this row is a recently used connection
     */
    public record Entry(Profile profile, Optional<String> region, boolean recent) {
        public Entry {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(region, "region");
        }

        public String name() {
            return profile.name();
        }

        public boolean isSandbox() {
            return profile.isSandbox();
        }
    }

    /**
     * What the window shows after a successful sign-in.
     *
     * @param fromDialog false for the automatic sandbox connection at start-up (which must not close the dialog)
     */
    public record SignedIn(String label, OptionalInt sandboxPort, boolean fromDialog) {
    }

    private final SignInService signIn;
    private final LocalSandbox sandbox;
    private final Session session;
    private final BackgroundTasks tasks;
    private final Executor ui;
    private final BrowserOpener browser;
    private final MfaPrompt mfa;
    private final ResourceBundle strings;
    private final Consumer<SignedIn> onSignedIn;

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<Entry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<RegionOption> regions = FXCollections.observableArrayList();
    private final StringProperty region = new SimpleStringProperty(this, "region", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<ProblemKind> problemKind = new ReadOnlyObjectWrapper<>(this, "problemKind");
    private final ReadOnlyStringWrapper userCode = new ReadOnlyStringWrapper(this, "userCode", "");
    private final ReadOnlyStringWrapper verificationUrl = new ReadOnlyStringWrapper(this, "verificationUrl", "");
    private final ReadOnlyStringWrapper connectedLabel = new ReadOnlyStringWrapper(this, "connectedLabel", "");
    private final ReadOnlyBooleanWrapper hasAwsProfiles = new ReadOnlyBooleanWrapper(this, "hasAwsProfiles");
    private final BooleanBinding canSignInAgain;

    private Profiles catalog;
    private BackgroundTasks.Handle running;
    private Cancellation cancel;
    private long attempt;
    /** Bumped (FX thread) by every sign-in; the quiet start-up connection yields to any that came after it. */
    private final AtomicLong generation = new AtomicLong();

    public SignInViewModel(SignInService signIn, LocalSandbox sandbox, Session session,
                           BackgroundTasks tasks, Executor ui, BrowserOpener browser, MfaPrompt mfa,
                           ResourceBundle strings, Consumer<SignedIn> onSignedIn) {
        this.signIn = Objects.requireNonNull(signIn);
        this.sandbox = Objects.requireNonNull(sandbox);
        this.session = Objects.requireNonNull(session);
        this.tasks = Objects.requireNonNull(tasks);
        this.ui = Objects.requireNonNull(ui);
        this.browser = Objects.requireNonNull(browser);
        this.mfa = Objects.requireNonNull(mfa);
        this.strings = Objects.requireNonNull(strings);
        this.onSignedIn = Objects.requireNonNull(onSignedIn);
        this.canSignInAgain = Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null
                        && selected.get().profile().kind().isSso()
                        && (problemKind.get() == ProblemKind.SSO_TOKEN_EXPIRED
                        || problemKind.get() == ProblemKind.SSO_LOGIN_FAILED),
                busy, selected, problemKind);
        selected.addListener((obs, old, entry) -> {
            region.set(entry == null ? "" : entry.region().orElse(""));
            clearProblem();
        });
    }

    // ~ the list

    /**
     * Reads the AWS config files and the recent connections again (small local files, so on the calling thread) and
     * preselects {@code preferred} when it names an entry, else the most recent, else the catalog's default choice.
     */
    public void reload(Optional<String> preferred) {
        clearProblem();
        try {
            catalog = signIn.profiles();
        } catch (RuntimeException e) {
            catalog = null;
            entries.setAll(List.of(new Entry(Profile.sandbox(), Optional.empty(), false)));
            selected.set(entries.get(0));
            showProblem(Problems.classify(e));
            return;
        }
        entries.setAll(buildEntries(catalog, signIn.recentConnections()));
        hasAwsProfiles.set(catalog.hasAwsConfiguration());
        if (regions.isEmpty()) {
            regions.setAll(signIn.regions());
        }
        Entry choice = preferred.flatMap(this::find)
                .or(() -> entries.stream().filter(Entry::recent).findFirst())
                .or(() -> find(catalog.defaultChoice().name()))
                .orElse(entries.get(entries.size() - 1));
        selected.set(null);
        selected.set(choice);
    }

    public void reload() {
        reload(Optional.empty());
    }

    /** Recent connections whose profile still exists first (newest first), then the other profiles, sandbox last. */
    static List<Entry> buildEntries(Profiles catalog, List<RecentConnection> recentList) {
        List<Entry> result = new ArrayList<>();
        Set<String> recentProfiles = new HashSet<>();
        for (RecentConnection recent : recentList) {
            Optional<Profile> profile = catalog.find(recent.profile());
            if (profile.isPresent()) {
                result.add(new Entry(profile.get(), Optional.of(recent.region()).filter(r -> !r.isBlank()), true));
                recentProfiles.add(recent.profile());
            }
        }
        for (Profile profile : catalog.entries()) {
            if (!recentProfiles.contains(profile.name())) {
                result.add(new Entry(profile, catalog.defaultRegion(profile), false));
            }
        }
        return result;
    }

    private Optional<Entry> find(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public ObservableList<Entry> entries() {
        return entries;
    }

    public ObjectProperty<Entry> selectedProperty() {
        return selected;
    }

    public Entry getSelected() {
        return selected.get();
    }

    public void select(String profileName) {
        find(profileName).ifPresent(selected::set);
    }

    /** The X-Ray regions (from the SDK), for the picker. */
    public ObservableList<RegionOption> regions() {
        return regions;
    }

    /** The region id to sign in to; editable unless the sandbox is selected. */
    public StringProperty regionProperty() {
        return region;
    }

    public String getRegion() {
        return region.get();
    }

    public ReadOnlyBooleanProperty hasAwsProfilesProperty() {
        return hasAwsProfiles.getReadOnlyProperty();
    }

    // ~ signing in

    /** Signs in with the selected entry and region. Does nothing while a sign-in runs. */
    public void signIn() {
        Entry entry = selected.get();
        if (entry == null || busy.get()) {
            return;
        }
        Optional<String> chosenRegion = Optional.ofNullable(region.get()).map(String::trim).filter(r -> !r.isEmpty());
        start(entry, chosenRegion, false, true);
    }

    /** Runs the IAM Identity Center browser sign-in again (expired or rejected token), then signs in. */
    public void signInAgain() {
        Entry entry = selected.get();
        if (entry == null || busy.get() || !entry.profile().kind().isSso()) {
            return;
        }
        Optional<String> chosenRegion = Optional.ofNullable(region.get()).map(String::trim).filter(r -> !r.isEmpty());
        start(entry, chosenRegion, true, true);
    }

    /**
     * Signs in again with {@code profile} in {@code region} because the connection's sign-in ran out (a screen's
     * request failed with an expired SSO token or expired credentials): the IAM Identity Center browser sign-in for
     * an SSO profile, else the profile's own way. The dialog shows the progress; success switches the session, so
     * every open screen re-reads.
     */
    public void signInAgain(String profile, Optional<String> region) {
        if (busy.get()) {
            return;
        }
        reload(Optional.of(profile));
        Entry entry = selected.get();
        if (entry == null || !entry.name().equals(profile)) {
            showProblem(Problem.of(ProblemKind.PROFILE_NOT_FOUND, Strings.format(strings, "signin.noSuchProfile",
                    profile)));
            return;
        }
        region.ifPresent(this.region::set);
        Optional<String> chosen = Optional.ofNullable(this.region.get()).map(String::trim).filter(r -> !r.isEmpty());
        start(entry, chosen, entry.profile().kind().isSso(), true);
    }

    /**
     * Connects without the dialog's involvement (start-up): the named profile, or the local sandbox. Not remembered
     * as a recent connection when it is the automatic sandbox start.
     */
    public void connectAtStart(Optional<String> profile, Optional<String> startRegion) {
        reload(profile);
        if (profile.isEmpty()) {
            connectSandboxQuietly();
            return;
        }
        if (profile.isPresent() && (selected.get() == null || !selected.get().name().equals(profile.get()))) {
            showProblem(Problem.of(ProblemKind.PROFILE_NOT_FOUND, Strings.format(strings, "signin.noSuchProfile",
                    profile.get())));
            return;
        }
        startRegion.ifPresent(region::set);
        Optional<String> chosen = Optional.ofNullable(region.get()).map(String::trim).filter(r -> !r.isEmpty());
        start(selected.get(), chosen, false, true);
    }

    /**
     * The default start: the local sandbox, without busy state in the dialog (which may be open for a first
     * start), not remembered as a recent connection. A failure shows in the dialog; a sign-in started meanwhile wins.
     */
    private void connectSandboxQuietly() {
        long mine = generation.incrementAndGet();
        Entry entry = new Entry(Profile.sandbox(), Optional.empty(), false);
        tasks.task(Strings.format(strings, "signin.task", entry.name()),
                        progress -> connect(entry, Optional.empty(), false, null, new Cancellation()))
                .onSuccess(result -> {
                    if (generation.get() == mine) {
                        apply(result, false, false);
                    } else {
                        result.connection().close();
                    }
                })
                .onFailure(e -> {
                    if (generation.get() == mine) {
                        failed(e);
                    }
                })
                .start();
    }

    private void start(Entry entry, Optional<String> chosenRegion, boolean forceSso, boolean remember) {
        clearProblem();
        busy.set(true);
        status.set(Strings.format(strings, "signin.status.signingIn", entry.name()));
        Cancellation token = new Cancellation();
        cancel = token;
        long myAttempt = ++attempt;
        generation.incrementAndGet();
        SsoPrompt prompt = ssoPrompt(myAttempt);
        running = tasks.task(Strings.format(strings, "signin.task", entry.name()), progress -> {
                    Proven result = connect(entry, chosenRegion, forceSso, prompt, token);
                    if (progress.isCancelled()) {
                        result.connection().close(); // cancelled while proving: the result is dropped
                    }
                    return result;
                })
                .onSuccess(result -> {
                    status.set("");
                    apply(result, remember, true);
                })
                .onFailure(this::failed)
                .andFinally(() -> {
                    if (attempt == myAttempt) {
                        busy.set(false);
                        running = null;
                        userCode.set("");
                        verificationUrl.set("");
                        if (problemKind.get() == ProblemKind.CANCELLED) {
                            status.set(strings.getString("signin.status.cancelled"));
                        } else if (!error.get().isEmpty()) {
                            status.set("");
                        }
                    }
                })
                .start();
    }

    /** A connection that has proved itself, and what the window shows for it. */
    private record Proven(SignedInConnection connection, String label, OptionalInt sandboxPort) {
    }

    /**
     * FX thread, only for a sign-in that was neither cancelled nor superseded: the one place the session switches,
     * so a cancel can never leave the window on a half-made connection.
     */
    private void apply(Proven result, boolean remember, boolean fromDialog) {
        result.connection().useIn(session);
        if (remember) {
            signIn.remember(result.connection());
        }
        connectedLabel.set(result.label());
        onSignedIn.accept(new SignedIn(result.label(), result.sandboxPort(), fromDialog));
    }

    /** Worker thread: everything that may block or touch the network. */
    private Proven connect(Entry entry, Optional<String> chosenRegion, boolean forceSso, SsoPrompt prompt,
                           Cancellation token) throws Exception {
        if (entry.isSandbox()) {
            int port = sandbox.ensureRunning();
            if (token.isCancelled()) {
                throw new InterruptedException("sign-in cancelled");
            }
            return new Proven(signIn.sandbox(port),
                    Strings.format(strings, "connection.sandboxPort", String.valueOf(port)), OptionalInt.of(port));
        }
        SignedInConnection connection = signIn.signIn(entry.name(), chosenRegion, forceSso, prompt, mfa, token);
        return new Proven(connection, connection.label(), OptionalInt.empty());
    }

    private SsoPrompt ssoPrompt(long myAttempt) {
        return new SsoPrompt() {
            @Override
            public void showUserCode(DeviceCode authorization) {
                ui.execute(() -> {
                    if (attempt == myAttempt && busy.get()) {
                        userCode.set(authorization.userCode());
                        verificationUrl.set(authorization.browserUri().toString());
                        status.set(strings.getString("signin.status.approveInBrowser"));
                    }
                });
            }

            @Override
            public void openBrowser(DeviceCode authorization) {
                ui.execute(() -> {
                    if (attempt == myAttempt && busy.get()) {
                        browser.open(authorization.browserUri());
                    }
                });
            }

            @Override
            public void finished() {
                ui.execute(() -> {
                    if (attempt == myAttempt) {
                        userCode.set("");
                        verificationUrl.set("");
                    }
                });
            }
        };
    }

    /** Opens the verification page again (the user closed the tab). */
    public void openVerificationPage() {
        if (!verificationUrl.get().isEmpty()) {
            browser.open(java.net.URI.create(verificationUrl.get()));
        }
    }

    private void failed(Throwable e) {
        Problem problem = Problems.classify(e);
        if (problem.kind() == ProblemKind.CANCELLED) {
            problemKind.set(ProblemKind.CANCELLED);
            LOG.info("Sign-in cancelled");
            return;
        }
        LOG.info("Sign-in failed: {} ({})", problem.kind(), problem.detail());
        showProblem(problem);
    }

    /**
     * Stops a running sign-in at whatever step it is (waiting for the browser, the MFA code, the network). The
     * session keeps its previous connection. Returns whether something was running.
     */
    public boolean cancel() {
        if (!busy.get()) {
            return false;
        }
        if (cancel != null) {
            cancel.cancel();
        }
        if (running != null) {
            running.cancel();
        }
        problemKind.set(ProblemKind.CANCELLED);
        status.set(strings.getString("signin.status.cancelled"));
        return true;
    }

    private void showProblem(Problem problem) {
        problemKind.set(problem.kind());
        error.set(problem.userMessage());
        status.set("");
    }

    private void clearProblem() {
        problemKind.set(null);
        error.set("");
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** What is happening ("Signing in with dev…", "Approve the sign-in in your browser"). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last failure, in words that say what to do; empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String getError() {
        return error.get();
    }

    public ReadOnlyObjectProperty<ProblemKind> problemKindProperty() {
        return problemKind.getReadOnlyProperty();
    }

    /** Whether to offer "Sign in again" (an SSO profile whose token expired or whose browser sign-in failed). */
    public BooleanBinding canSignInAgainProperty() {
        return canSignInAgain;
    }

    /** The IAM Identity Center user code while the browser sign-in waits for approval. */
    public ReadOnlyStringProperty userCodeProperty() {
        return userCode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verificationUrlProperty() {
        return verificationUrl.getReadOnlyProperty();
    }

    /** The top-bar text of the last successful sign-in. */
    public ReadOnlyStringProperty connectedLabelProperty() {
        return connectedLabel.getReadOnlyProperty();
    }

    /** A short description of a region id for the picker ("eu-west-1 — Europe (Ireland)"). */
    public static String regionLabel(String id) {
        return id == null || id.isBlank() ? "" : RegionOption.of(id).label();
    }
}
